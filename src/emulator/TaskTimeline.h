#pragma once

// Derives what a task run looks like at a given simulated time from its record: a task goes
// through phases (QUEUED if the submit asked for queueing, PENDING until its cluster is up,
// RUNNING, TERMINATING) and then ends as its notebook says, or CANCELED / TIMEDOUT when it
// was stopped. No timers: the state is a pure function of (record, now).

#include "RunRecord.h"

#include <QString>

namespace Brickrun::Emulator {

struct TaskStatus
{
    QString lifeCycleState; // QUEUED, PENDING, RUNNING, TERMINATING, TERMINATED, SKIPPED,
                            // INTERNAL_ERROR
    QString resultState;    // empty until terminal
    QString stateMessage;
    bool userCancelledOrTimedout = false;
    bool terminal = false;
    qint64 endMs = 0; // 0 until terminal
    qint64 setupDurationMs = 0;
    qint64 executionDurationMs = 0;
    qint64 cleanupDurationMs = 0;
};

class TaskTimeline
{
public:
    static TaskStatus at(const RunRecord &run, const TaskRecord &task, qint64 nowMs);

    // Parent state from its task states: the run is only terminal when every task is; its
    // result is the worst of the tasks' results.
    static TaskStatus combine(const QList<TaskStatus> &tasks);

    // The simulated time at which a task becomes terminal if nothing stops it.
    static qint64 naturalEndMs(const RunRecord &run, const TaskRecord &task);
};

} // namespace Brickrun::Emulator
