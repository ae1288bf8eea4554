// SPDX-License-Identifier: Apache-2.0
#pragma once

// What users write into the demo workspace with workspace/import and workspace/mkdirs (and
// remove with workspace/delete): files, notebooks and folders, laid over the definition's
// read-only tree. Kept in "<state file>.workspace-files" (JSON) when the emulator has a state
// file, so every emulator process sharing that state sees the same objects: each change is a
// read-merge-write under that file's own cross-process lock (StateFile::lock, the way runs.json
// is shared); a read re-reads the file when another process changed it.
//
// Who may write where, as the demo's single user: under their home folder (/Users/<user>) and
// under /Shared, but never under /Shared/Demo (the demo's own notebooks), never over an object
// of the definition, and nowhere else (PERMISSION_DENIED).

#include "ApiError.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <mutex>

namespace Brickrun::Emulator {

class WorkspaceDefinition;

struct WrittenObject
{
    QString path;
    QString objectType; // FILE, NOTEBOOK or DIRECTORY
    QString language;   // notebooks only
    qint64 objectId = 0;
    qint64 createdAt = 0;  // epoch ms
    qint64 modifiedAt = 0; // epoch ms; strictly grows with each overwrite
    QByteArray content;
};

class WorkspaceFiles
{
public:
    // fileName: the JSON file the objects live in; empty = in memory only.
    explicit WorkspaceFiles(const WorkspaceDefinition &workspace, QString fileName = {});

    // The path as the service takes it ("/a/b", no trailing slash), or an error for a path that
    // is missing, relative or has empty, "." or ".." parts.
    static ApiError checkPath(const QString &path, QString *normalized);

    // Adds or replaces a file or notebook. The parent folder must exist (404 otherwise, as
    // the service answers: clients make it with mkdirs first).
    ApiError write(const WrittenObject &object, bool overwrite);
    // Makes the folder and every missing parent; an existing folder is fine.
    ApiError makeFolders(const QString &path);
    ApiError remove(const QString &path, bool recursive);

    // A written object (nullopt-like: objectType empty when there is none).
    WrittenObject find(const QString &path) const;
    // The written objects directly in a folder.
    QList<WrittenObject> children(const QString &folder) const;

    // Whether the demo's user may write at this path (PERMISSION_DENIED error when not).
    ApiError writeRefusal(const QString &path) const;

private:
    bool inWritableArea(const QString &path) const;
    bool isFolder(const QString &path) const; // the definition's or a written one
    bool exists(const QString &path) const;
    // Re-reads the file when another process changed it (call with m_mutex held).
    void reload() const;
    bool save(QString *error) const;
    qint64 nextId() const;

    const WorkspaceDefinition &m_workspace;
    const QString m_fileName;
    mutable std::mutex m_mutex;
    mutable QMap<QString, WrittenObject> m_objects; // by path
    mutable qint64 m_nextObjectId = 0;
    mutable QByteArray m_lastBytes; // the file as last read or written
};

} // namespace Brickrun::Emulator
