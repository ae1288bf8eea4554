// SPDX-License-Identifier: Apache-2.0
#pragma once

// Derives what a task run looks like at a given simulated time from its record: each attempt
// goes through phases (QUEUED if the submit asked for queueing, first attempt only; PENDING
// until its cluster is up, RUNNING, TERMINATING) and then ends as its notebook says, or
// CANCELED / TIMEDOUT when it was stopped. A failed attempt is retried as the task's retry
// settings say: the next attempt waits (WAITING_FOR_RETRY) and runs again under a run id of
// its own. No timers: the state is a pure function of (record, now).

#include "RunRecord.h"

#include <QList>
#include <QString>

namespace Brickrun::Emulator {

struct TaskStatus
{
    QString lifeCycleState; // QUEUED, PENDING, RUNNING, TERMINATING, WAITING_FOR_RETRY,
                            // TERMINATED, SKIPPED, INTERNAL_ERROR
    QString resultState;    // empty until terminal
    QString stateMessage;
    bool userCancelledOrTimedout = false;
    bool terminal = false;
    int attempt = 0;    // 0 = the first attempt
    qint64 startMs = 0; // the submit for the first attempt, the end of the one before for a retry
    qint64 endMs = 0;   // 0 until terminal
    qint64 queueDurationMs = 0; // time QUEUED; like WAITING_FOR_RETRY in none of the three below
    qint64 setupDurationMs = 0;
    qint64 executionDurationMs = 0;
    qint64 cleanupDurationMs = 0;
    // status.termination_details (terminal only): code, type.
    QString terminationCode;
    QString terminationType;
};

class TaskTimeline
{
public:
    // The most retries of a task, also for max_retries -1 (unlimited).
    static constexpr int kMaxRetries = 100;
    // A retry waits at least this long (simulated ms), also for min_retry_interval_millis 0.
    static constexpr qint64 kMinRetryWaitMs = 1000;

    // The task as it stands: its newest attempt.
    static TaskStatus at(const RunRecord &run, const TaskRecord &task, qint64 nowMs);

    // Every attempt that exists at nowMs, the first first (never empty): a retry exists from
    // the end of the attempt before (WAITING_FOR_RETRY until it starts).
    static QList<TaskStatus> attempts(const RunRecord &run, const TaskRecord &task, qint64 nowMs);

    // The task as a whole: its newest attempt's state and end, the durations of all its
    // attempts (what the parent run is made of).
    static TaskStatus whole(const RunRecord &run, const TaskRecord &task, qint64 nowMs);

    // How many attempts the task makes if nobody cancels it (run ids to set aside at submit).
    static int plannedAttempts(const RunRecord &run, const TaskRecord &task);

    // Parent state from its tasks' states (each task's newest attempt): the run is only
    // terminal when every task is; its result is the worst of the tasks' results.
    static TaskStatus combine(const QList<TaskStatus> &tasks);

    // The type of status.termination_details that goes with a code (CLIENT_ERROR for codes
    // it does not know).
    static QString terminationType(const QString &code);
};

} // namespace Brickrun::Emulator
