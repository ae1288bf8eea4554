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
    // Whether the host answers, whether the token is accepted and whose it is.
    void testConnection(QObject *context, std::function<void(const ConnectionReport &)> callback);

private:
    HttpTransport *m_transport;
};

} // namespace Brickrun
