// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/ComputeSpec.h"
#include "model/GitSource.h"

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace Brickrun {

// What a user asks to run: one task (a notebook, or a Python file) from the workspace or from
// a Git repository, on an existing cluster, serverless compute or a new job cluster. A
// default-constructed spec is a workspace notebook on an existing cluster.
struct RunSpec
{
    enum class TaskKind
    {
        Notebook,   // notebook_task
        PythonFile, // spark_python_task
    };
    enum class SourceKind
    {
        Workspace, // paths are absolute workspace paths
        Git,       // paths are relative to the repository `git` names
    };

    QString runName;
    QString taskKey = QStringLiteral("main");
    TaskKind taskKind = TaskKind::Notebook;
    QString notebookPath;
    QString pythonFile;                        // the Python file task's file
    QStringList pythonArguments;               // its command-line arguments, in order
    QString clusterId;                         // the existing cluster (compute.kind says)
    ComputeSpec compute;                       // default: the existing cluster above
    SourceKind source = SourceKind::Workspace; // where the notebook or file comes from
    GitSource git;                             // with SourceKind::Git
    QList<QPair<QString, QString>> parameters; // notebook base_parameters, in the user's order
    bool queueEnabled = true;

    bool isPythonFile() const { return taskKind == TaskKind::PythonFile; }
    bool usesGit() const { return source == SourceKind::Git; }
    // The notebook's or the Python file's path, as the task kind says.
    QString taskPath() const { return isPythonFile() ? pythonFile : notebookPath; }

    // The run's own limits and retries, enforced by the service (not by Brickrun) on the task:
    // tasks[0].timeout_seconds, max_retries, min_retry_interval_millis, retry_on_timeout. Each is
    // sent only when set, so a spec without them gives the body it always gave.
    int timeoutSeconds = 0;         // an attempt running longer ends TIMEDOUT; 0 = no limit
    int maxRetries = 0;             // attempts after a failed one; 0 = none (-1 is refused)
    int minRetryIntervalMillis = 0; // at least this long between two attempts; 0 = at once
    bool retryOnTimeout = false;    // a timed-out attempt is retried too

    static constexpr int MaxTimeoutSeconds = 7 * 24 * 3600;         // 7 days
    static constexpr int MaxRetries = 100;                          // 101 attempts
    static constexpr int MaxRetryIntervalMillis = 24 * 3600 * 1000; // 1 day

    // How many attempts the service makes at most (1 without retries).
    int attempts() const { return maxRetries > 0 ? maxRetries + 1 : 1; }

    // Where the attempt the service is at (0 = the first) stands, for "attempt 2 of 4": the
    // number shown (0 = nothing to say: a first attempt of a run without retries) and out of
    // how many (0 = not known: a later attempt of a run whose retries were not set here). The
    // command line and the desktop program both say it from this.
    struct AttemptPosition
    {
        int number = 0;
        int of = 0;
    };
    AttemptPosition attemptPosition(int attemptNumber) const;

    // Every problem with the spec, each naming the field, e.g. "notebook path: must be absolute
    // (start with /)". Empty when the spec can be submitted.
    QStringList validate() const;

    // The runs/submit body. The idempotency token makes a retried submit return the same run.
    QJsonObject toSubmitBody(const QString &idempotencyToken) const;

    // The fields of the task kind, compute and source beyond a workspace notebook on an
    // existing cluster, as presets and the history store them: {"taskKind": "pythonFile",
    // "pythonFile": …, "arguments": […], "compute": {…}, "git": {…}}, each only when it is not
    // the default (so a default spec gives {}). readShape reads them back into `spec` (every
    // problem naming the field: "compute.numWorkers: …"); unknown keys are the caller's.
    QJsonObject shapeJson() const;
    static bool readShape(const QJsonObject &json, RunSpec *spec, QStringList *errors);
    static const QStringList &shapeKeys();
    // What the history's Cluster column shows: the existing cluster's id, else
    // compute.shortText() ("Serverless", "New: 15.4 LTS · DS3_v2 × 2").
    QString computeText() const;

    // A run name when the user gave none: "<notebook or file name> (Brickrun)".
    static QString defaultRunName(const QString &notebookPath);
};

} // namespace Brickrun
