// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/RunInfo.h"
#include "model/RunSpec.h"
#include "model/RunState.h"

#include <QString>

namespace Brickrun {

// One run in the local history: what was submitted, where, and everything learnt since.
// Kept in SQLite (HistoryStore); the service deletes runs after 60 days, the history does not.
struct RunRecord
{
    enum class Tracking
    {
        Submitting,  // token saved, submit sent, no run id yet (resume: submit again, same token)
        Active,      // the service has the run; it is polled until terminal
        Finished,    // terminal state seen and output fetched (or known to be unavailable)
        Vanished,    // the service no longer knows the run; `state` is what was last known
        SubmitFailed // the service refused the submit; see `lastError`
    };

    qint64 id = 0;   // local row id (0 = not stored yet)
    QString profile; // profile name; "" for --host/DATABRICKS_HOST; "demo" for the demo
    QString host;    // workspace origin, e.g. https://adb-1.2.azuredatabricks.net
    RunSpec spec;    // run name, notebook, cluster, task key, parameters, timeout, retries
    QString idempotencyToken;
    QString source = QStringLiteral("brickrun"); // "brickrun" or "imported" (runs/list)
    Tracking tracking = Tracking::Submitting;

    qint64 runId = 0;      // the service's run id, 0 until the submit answer arrives
    qint64 taskRunId = 0;  // the primary task's run id, once known
    int attemptNumber = 0; // the primary task's attempt the service is at (0 = the first)
    QString runPageUrl;
    RunState state;           // last known
    qint64 submittedAtMs = 0; // local clock, when the user submitted
    qint64 startTimeMs = 0;   // the service's start_time
    qint64 endTimeMs = 0;     // the service's end_time (0 while running)
    qint64 updatedAtMs = 0;   // local clock, last change of this record

    bool hasOutput = false;
    RunOutput output;  // the primary task's output, once fetched
    QString lastError; // a sentence for people: why the submit or the output failed

    bool isActive() const
    {
        return tracking == Tracking::Submitting || tracking == Tracking::Active;
    }

    // Takes in what a runs/get (or runs/list) answer says of the run: its state, the primary
    // task's run id and attempt, the run page and the start and end times. A field the answer
    // lacks keeps what was known (an answer never erases history). True when something
    // changed; updatedAtMs is the store's to set. The one merge rule of every RunStore.
    bool mergeAnswer(const RunInfo &run)
    {
        const RunRecord before = *this;
        if (!run.state.lifeCycleState.isEmpty())
            state = run.state;
        if (const TaskRun *task = run.primaryTask(spec.taskKey); task && task->runId > 0) {
            taskRunId = task->runId;
            attemptNumber = task->attemptNumber;
        }
        if (!run.runPageUrl.isEmpty())
            runPageUrl = run.runPageUrl;
        if (run.startTimeMs > 0)
            startTimeMs = run.startTimeMs;
        if (run.endTimeMs > 0)
            endTimeMs = run.endTimeMs;
        return state != before.state || taskRunId != before.taskRunId ||
               attemptNumber != before.attemptNumber || runPageUrl != before.runPageUrl ||
               startTimeMs != before.startTimeMs || endTimeMs != before.endTimeMs;
    }
};

// One observed state of a run, with the local time it was first seen.
struct StateChange
{
    qint64 atMs = 0;
    RunState state;
};

} // namespace Brickrun
