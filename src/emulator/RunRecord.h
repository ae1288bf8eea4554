// SPDX-License-Identifier: Apache-2.0
#pragma once

// What the emulator remembers of a submitted run: the request as accepted and the few facts
// fixed at submit time (ids, simulated times, the notebook behaviour, when the cluster is
// ready). Everything a client sees (states, durations) is derived from these and the clock,
// see TaskTimeline. Serialized to the --state file.

#include "WorkspaceDefinition.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Brickrun::Emulator {

struct TaskRecord
{
    qint64 runId = 0;          // the first attempt's run id (original_attempt_run_id)
    QList<qint64> retryRunIds; // the run ids of attempts 1, 2, ... (as many as it may make)
    QString taskKey;
    QString description;                            // as submitted (may be empty)
    QString runIf;                                  // as submitted; empty = ALL_SUCCESS
    QString kind = QStringLiteral("notebook_task"); // or spark_python_task
    QString notebookPath;                           // notebook_task
    QString pythonFile;                             // spark_python_task
    QStringList parameters;                         // spark_python_task: its arguments, in order
    QString source;             // WORKSPACE or GIT (the service's default when not submitted)
    QJsonObject baseParameters; // notebook_task: string -> string
    QString clusterId;          // existing cluster or the generated job cluster; empty: serverless
    bool newCluster = false;    // true: a job cluster made for this task
    QJsonObject newClusterSpec;
    bool serverless = false;
    QString environmentKey;      // serverless: the run's environment it uses (may be empty)
    qint64 clusterReadyMs = 0;   // simulated epoch ms the cluster can take the task
    NotebookBehaviour behaviour; // snapshot taken at submit
    // Retries as submitted: max_retries (-1 = unlimited), min_retry_interval_millis,
    // retry_on_timeout; timeout_seconds of each attempt (0 = none).
    int maxRetries = 0;
    qint64 minRetryIntervalMs = 0;
    bool retryOnTimeout = false;
    qint64 timeoutSeconds = 0;

    // The run id of attempt n (0 = the first); 0 when it has none.
    qint64 attemptRunId(int attempt) const;
    // The attempt a run id belongs to, or -1.
    int attemptOf(qint64 runId) const;

    QJsonObject toJson() const;
    static TaskRecord fromJson(const QJsonObject &json);
};

struct RunRecord
{
    qint64 runId = 0;
    qint64 jobId = 0;
    QString runType = QStringLiteral("SUBMIT_RUN"); // or JOB_RUN (made by the admin route)
    QString runName;
    QString idempotencyToken;
    QString creatorUserName;
    qint64 submitMs = 0; // simulated epoch ms
    bool queueEnabled = false;
    qint64 timeoutSeconds = 0;
    qint64 cancelMs = 0;     // 0 = never cancelled
    QJsonArray environments; // as submitted (serverless tasks' environments)
    QJsonObject gitSource;   // as submitted; empty = none
    QString gitCommit;       // the commit checked out; empty when none or the checkout failed
    QList<TaskRecord> tasks;

    QJsonObject toJson() const;
    static RunRecord fromJson(const QJsonObject &json);
};

} // namespace Brickrun::Emulator
