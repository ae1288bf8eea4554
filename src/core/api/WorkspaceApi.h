// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/HttpTransport.h"
#include "api/Result.h"

#include <QObject>

namespace Brickrun {

// The signed-in user, from SCIM Me.
struct CurrentUser
{
    QString id;
    QString userName; // e.g. me@example.com; the home folder is /Users/<userName>
    QString displayName;
    bool active = true;
};

// An all-purpose or job cluster, from clusters/list.
struct ClusterInfo
{
    QString id;
    QString name;
    QString state; // PENDING, RUNNING, RESTARTING, RESIZING, TERMINATING, TERMINATED, ERROR…
    QString stateMessage;
    QString source; // UI, API, JOB…; JOB clusters cannot run a submitted task
    QString sparkVersion;
    bool isJobCluster() const { return source == QLatin1String("JOB"); }
};

// An entry of a workspace folder, from workspace/list.
struct WorkspaceObject
{
    QString path;
    QString type;     // NOTEBOOK, DIRECTORY, REPO, FILE, LIBRARY, DASHBOARD…
    QString language; // PYTHON, SCALA, SQL, R (notebooks)
    qint64 objectId = 0;
    // Files only (0 otherwise): epoch milliseconds and bytes, as list and get-status give them.
    qint64 createdAt = 0;
    qint64 modifiedAt = 0;
    qint64 size = 0;
    QString name() const { return path.section(QLatin1Char('/'), -1); }
    bool isFolder() const
    {
        return type == QLatin1String("DIRECTORY") || type == QLatin1String("REPO");
    }
};

// A notebook's or a file's text, from workspace/export (format SOURCE).
struct ExportedSource
{
    QString path;
    QString fileType; // py, scala, sql, r… (the export's file_type)
    QString language; // PYTHON, SCALA, SQL, R when the file type names one
    QByteArray content;
    QString text() const { return QString::fromUtf8(content); }
};

// What "Test connection" found, in steps a person can follow.
struct ConnectionReport
{
    bool hostAnswers = false;
    bool tokenAccepted = false;
    CurrentUser user;
    ApiError error;  // why it stopped, when it did
    QString summary; // one sentence
};

// Workspace calls outside the Jobs API (identity now; clusters and the workspace tree later).
class WorkspaceApi : public QObject
{
    Q_OBJECT
public:
    template<typename T>
    using Callback = std::function<void(const Result<T> &)>;

    explicit WorkspaceApi(HttpTransport *transport, QObject *parent = nullptr);

    void currentUser(QObject *context, Callback<CurrentUser> callback);
    // The workspace's clusters; job clusters are left out unless asked for.
    void listClusters(QObject *context, Callback<QList<ClusterInfo>> callback,
                      bool includeJobClusters = false);
    // One folder's entries (a missing path is 404 RESOURCE_DOES_NOT_EXIST), sorted: folders
    // first, then by name.
    void listFolder(const QString &path, QObject *context,
                    Callback<QList<WorkspaceObject>> callback);
    // A notebook's source (format SOURCE; the answer is JSON with base64 content, not a direct
    // download). Answers past MaxExportAnswerBytes are refused while they arrive; a refusal
    // is 403 PERMISSION_DENIED, a missing path 404 RESOURCE_DOES_NOT_EXIST, a folder 400.
    static constexpr qint64 MaxExportAnswerBytes = 8 * 1024 * 1024;
    void exportSource(const QString &path, QObject *context, Callback<ExportedSource> callback);
    // A workspace file's bytes (format AUTO), with the same cap and errors.
    void exportFile(const QString &path, QObject *context, Callback<ExportedSource> callback);
    // One object's ObjectInfo (workspace/get-status); a missing path is 404
    // RESOURCE_DOES_NOT_EXIST.
    void getStatus(const QString &path, QObject *context, Callback<WorkspaceObject> callback);
    // Writes a workspace file (workspace/import, format AUTO, base64 content). Without
    // overwrite an existing path is 400 RESOURCE_ALREADY_EXISTS; a missing parent folder is 404
    // RESOURCE_DOES_NOT_EXIST (make it with makeFolders first); a folder the user may not
    // write is 403 PERMISSION_DENIED. Retried after a failure only when overwriting (a retry
    // of a create that went through would read as someone else's file).
    void importFile(const QString &path, const QByteArray &content, bool overwrite,
                    QObject *context, Callback<bool> callback);
    // workspace/mkdirs: the folder and its missing parents; an existing folder is fine.
    void makeFolders(const QString &path, QObject *context, Callback<bool> callback);
    // workspace/delete; a non-empty folder without recursive is 400 DIRECTORY_NOT_EMPTY.
    void deletePath(const QString &path, bool recursive, QObject *context, Callback<bool> callback);
    // Whether the host answers, whether the token is accepted and whose it is.
    void testConnection(QObject *context, std::function<void(const ConnectionReport &)> callback);

private:
    void exportAs(const QString &path, const QString &format, QObject *context,
                  Callback<ExportedSource> callback);
    void post(const QString &route, const QJsonObject &body, bool idempotent, QObject *context,
              Callback<bool> callback);

    HttpTransport *m_transport;
};

} // namespace Brickrun
