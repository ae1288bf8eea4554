#pragma once

// What the emulator remembers of a submitted run: the request as accepted and the few facts
// fixed at submit time (ids, simulated times, the notebook behaviour, when the cluster is
// ready). Everything a client sees (states, durations) is derived from these and the clock,
// see TaskTimeline. Serialized to the --state file.

#include "Workspace.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Brickrun::Emulator {

struct TaskRecord
{
    qint64 runId = 0;
    QString taskKey;
    QString notebookPath;
    QString source;             // as submitted (may be empty)
    QJsonObject baseParameters; // string -> string
    QString clusterId;          // existing cluster or the generated job cluster
    bool newCluster = false;    // true: a job cluster made for this task
    QJsonObject newClusterSpec;
    qint64 clusterReadyMs = 0;   // simulated epoch ms the cluster can take the task
    NotebookBehaviour behaviour; // snapshot taken at submit

    QJsonObject toJson() const;
    static TaskRecord fromJson(const QJsonObject &json);
};

struct RunRecord
{
    qint64 runId = 0;
    qint64 jobId = 0;
    QString runName;
    QString idempotencyToken;
    QString creatorUserName;
    qint64 submitMs = 0; // simulated epoch ms
    bool queueEnabled = false;
    qint64 timeoutSeconds = 0;
    qint64 cancelMs = 0; // 0 = never cancelled
    QList<TaskRecord> tasks;

    QJsonObject toJson() const;
    static RunRecord fromJson(const QJsonObject &json);
};

} // namespace Brickrun::Emulator
