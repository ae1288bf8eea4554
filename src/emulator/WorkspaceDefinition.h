// SPDX-License-Identifier: Apache-2.0
#pragma once

// The demo workspace definition: who the user is, which clusters exist and which workspace
// objects (folders, notebooks, files, repos) there are, with what each notebook does when it
// runs. Loaded from JSON (resources/demo-workspace.json or a user's file, format in
// docs/demo-workspace.md) and validated with errors that name the offending field.

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <memory>

namespace Brickrun::Emulator {

class ClusterCatalogue;
class GitRepositories;

// What a notebook does when a run executes it. Durations are in simulated seconds.
struct NotebookBehaviour
{
    double queuedSeconds = 1.0;  // only when the submit asks for queueing
    double pendingSeconds = 1.5; // plus the cluster start when the cluster is cold
    double runningSeconds = 4.0;
    double terminatingSeconds = 1.0;
    QString outcome = QStringLiteral("SUCCESS"); // SUCCESS, FAILED, INTERNAL_ERROR, SKIPPED
    QString stateMessage;                        // terminal state_message; empty = the default one
    bool hasResult = false;          // false = the notebook never calls dbutils.notebook.exit()
    QString result;                  // the exit() value
    qint64 resultGeneratedBytes = 0; // > 0: generate a result of this size instead
    bool echoParameters = false;     // result = JSON object of the run's base_parameters
    QString error;
    QString errorTrace;
    QString logs; // a Python file's output ("{args}": its parameters); empty = the default
    int failedAttempts = 0; // the first N attempts fail (FAILED), later ones end as `outcome`
    // status.termination_details of the notebook's own outcome (FAILED, INTERNAL_ERROR,
    // SKIPPED); empty = the usual code for it, and the type that goes with the code.
    QString terminationCode;
    QString terminationType;
    bool statusOnly = false; // live answers of its runs carry `status` without `state`

    QJsonObject toJson() const;
    static NotebookBehaviour fromJson(const QJsonObject &json, const NotebookBehaviour &defaults);
};

struct ClusterDefinition
{
    QString clusterId;
    QString clusterName;
    QString state; // initial state: RUNNING or TERMINATED
    QString clusterSource;
    QString sparkVersion;
    QString nodeTypeId;
    int numWorkers = 0;
    double startSeconds = 30.0; // simulated seconds a TERMINATED cluster needs to start
    int autoterminationMinutes = 120;
};

struct WorkspaceObject
{
    QString path;
    QString objectType; // DIRECTORY, NOTEBOOK, FILE, REPO
    QString language;   // notebooks only
    qint64 objectId = 0;
    QString source;                  // what workspace/export sends (null: a default)
    qint64 sourceGeneratedBytes = 0; // > 0: export a generated source of this size instead
    bool exportRefused = false;      // workspace/export answers 403 PERMISSION_DENIED
    // A notebook's, or a FILE's when it is a Python file a spark_python_task runs.
    NotebookBehaviour behaviour;
};

// What the emulated workspace holds. Not the workspace itself (the Emulator serves it), not the
// demo workspace feature (src/demo) and not a profile: see docs/architecture.md, "Words".
class WorkspaceDefinition
{
public:
    WorkspaceDefinition();

    // Parses and validates a definition; on failure returns false and sets *error to a message
    // naming the bad field, e.g. "clusters[1].state: expected RUNNING or TERMINATED".
    bool load(const QByteArray &json, QString *error);
    bool loadFile(const QString &fileName, QString *error);

    qint64 workspaceId() const { return m_workspaceId; }
    QString userName() const { return m_userName; }
    QString displayName() const { return m_displayName; }
    QString userId() const { return m_userId; }
    double jobClusterStartSeconds() const { return m_jobClusterStartSeconds; }
    double serverlessStartSeconds() const { return m_serverlessStartSeconds; }
    // Runtime versions and node types for new job clusters; the Git repositories runs check out.
    const ClusterCatalogue &catalogue() const { return *m_catalogue; }
    const GitRepositories &gitRepositories() const { return *m_gitRepositories; }
    qint64 createdAt() const { return m_createdAt; }

    const QList<ClusterDefinition> &clusters() const { return m_clusters; }
    const ClusterDefinition *cluster(const QString &clusterId) const;

    const WorkspaceObject *object(const QString &path) const;
    QList<const WorkspaceObject *> children(const QString &folderPath) const;

    static QString normalizedPath(const QString &path);
    // A run behaviour ("run" of an object) as the definition format describes it.
    static bool readBehaviour(const QJsonValue &value, const QString &field,
                              const NotebookBehaviour &defaults, NotebookBehaviour *out,
                              QString *error);

private:
    bool parseUser(const QJsonObject &root, QString *error);
    bool parseClusters(const QJsonObject &root, QString *error);
    bool parseObjects(const QJsonObject &root, QString *error);
    bool parseGenerators(const QJsonObject &root, QString *error);
    bool addObject(WorkspaceObject object, const QString &field, QString *error);
    void ensureFolders(const QString &path);

    qint64 m_workspaceId = 0;
    QString m_userName;
    QString m_displayName;
    QString m_userId;
    double m_jobClusterStartSeconds = 20.0;
    double m_serverlessStartSeconds = 3.0;
    std::shared_ptr<ClusterCatalogue> m_catalogue;
    std::shared_ptr<GitRepositories> m_gitRepositories;
    qint64 m_createdAt = 0;
    NotebookBehaviour m_defaults;
    QList<ClusterDefinition> m_clusters;
    QMap<QString, WorkspaceObject> m_objects; // by normalized path
    qint64 m_nextObjectId = 0;
};

} // namespace Brickrun::Emulator
