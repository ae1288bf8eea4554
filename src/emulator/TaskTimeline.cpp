// SPDX-License-Identifier: Apache-2.0
#include "TaskTimeline.h"

#include <algorithm>
#include <cmath>

namespace Brickrun::Emulator {

namespace {

struct Segment
{
    QString state;
    qint64 startMs;
    qint64 endMs;
};

qint64 ms(double seconds)
{
    return static_cast<qint64>(std::llround(seconds * 1000.0));
}

enum class Stop
{
    None,
    Cancel,
    RunTimeout,
    TaskTimeout
};

// One attempt, from its creation (the submit, or the end of the attempt before) to its end.
struct Plan
{
    QList<Segment> segments;
    qint64 createdMs = 0;
    qint64 pendingStartMs = 0; // where the attempt's own timeout starts counting
    qint64 terminalMs = 0;
    QString terminalState; // TERMINATED, SKIPPED, INTERNAL_ERROR
    QString resultState;
    QString message;
    QString code; // termination code; empty = the usual one for the outcome
    QString type; // termination type; empty = the one that goes with the code
    Stop stop = Stop::None;
};

const QString kQueued = QStringLiteral("QUEUED");
const QString kWaiting = QStringLiteral("WAITING_FOR_RETRY");
const QString kPending = QStringLiteral("PENDING");
const QString kRunning = QStringLiteral("RUNNING");
const QString kTerminating = QStringLiteral("TERMINATING");

Plan naturalPlan(const RunRecord &run, const TaskRecord &task, int attempt, qint64 createdMs)
{
    const NotebookBehaviour &b = task.behaviour;
    Plan plan;
    plan.createdMs = createdMs;
    qint64 t = createdMs;
    if (attempt == 0 && run.queueEnabled && b.queuedSeconds > 0) {
        plan.segments.append({kQueued, t, t + ms(b.queuedSeconds)});
        t += ms(b.queuedSeconds);
    }
    if (attempt > 0) {
        const qint64 wait = std::max(task.minRetryIntervalMs, TaskTimeline::kMinRetryWaitMs);
        plan.segments.append({kWaiting, t, t + wait});
        t += wait;
    }
    plan.pendingStartMs = t;
    const qint64 pendingEnd = std::max(t + ms(b.pendingSeconds), task.clusterReadyMs);
    plan.segments.append({kPending, t, pendingEnd});
    t = pendingEnd;
    // The first failed_attempts attempts fail whatever the notebook's outcome.
    const bool failsAnyway = attempt < b.failedAttempts;
    const QString outcome = failsAnyway ? QStringLiteral("FAILED") : b.outcome;
    if (!failsAnyway) {
        plan.message = b.stateMessage;
        plan.code = b.terminationCode;
        plan.type = b.terminationType;
    }
    if (outcome == QLatin1String("SKIPPED")) {
        plan.terminalState = QStringLiteral("SKIPPED");
        if (plan.message.isEmpty())
            plan.message = QStringLiteral("The run was skipped.");
        if (plan.code.isEmpty())
            plan.code = QStringLiteral("SKIPPED");
        plan.terminalMs = t;
        return plan;
    }
    plan.segments.append({kRunning, t, t + ms(b.runningSeconds)});
    t += ms(b.runningSeconds);
    if (outcome == QLatin1String("INTERNAL_ERROR")) {
        plan.terminalState = QStringLiteral("INTERNAL_ERROR");
        plan.resultState = QStringLiteral("FAILED");
        if (plan.message.isEmpty())
            plan.message = QStringLiteral("Notebook run failed because of an internal error.");
        if (plan.code.isEmpty())
            plan.code = QStringLiteral("INTERNAL_ERROR");
        plan.terminalMs = t;
        return plan;
    }
    plan.segments.append({kTerminating, t, t + ms(b.terminatingSeconds)});
    t += ms(b.terminatingSeconds);
    plan.terminalState = QStringLiteral("TERMINATED");
    plan.resultState = outcome;
    if (outcome == QLatin1String("FAILED") && plan.message.isEmpty())
        plan.message = QStringLiteral("Workload failed, see run output for details");
    if (plan.code.isEmpty())
        plan.code = outcome == QLatin1String("FAILED") ? QStringLiteral("RUN_EXECUTION_ERROR")
                                                       : QStringLiteral("SUCCESS");
    plan.terminalMs = t;
    return plan;
}

// The earliest of a cancel, the run's timeout and the attempt's own timeout, when it comes
// before the attempt started to wind down by itself.
void applyStop(Plan *p, const RunRecord &run, const TaskRecord &task)
{
    qint64 stopMs = 0;
    Stop kind = Stop::None;
    auto consider = [&](qint64 atMs, Stop why) {
        if (atMs > 0 && (stopMs == 0 || atMs < stopMs)) {
            stopMs = atMs;
            kind = why;
        }
    };
    consider(run.cancelMs, Stop::Cancel);
    if (run.timeoutSeconds > 0)
        consider(run.submitMs + run.timeoutSeconds * 1000, Stop::RunTimeout);
    if (task.timeoutSeconds > 0)
        consider(p->pendingStartMs + task.timeoutSeconds * 1000, Stop::TaskTimeout);
    qint64 windDownMs = p->terminalMs;
    for (const Segment &s : p->segments) {
        if (s.state == kTerminating)
            windDownMs = s.startMs;
    }
    if (stopMs == 0 || stopMs >= windDownMs)
        return;
    QList<Segment> kept;
    for (Segment s : p->segments) {
        if (s.startMs >= stopMs)
            break;
        s.endMs = std::min(s.endMs, stopMs);
        kept.append(s);
    }
    const qint64 cleanup = ms(std::max(0.5, task.behaviour.terminatingSeconds));
    kept.append({kTerminating, stopMs, stopMs + cleanup});
    const bool cancelled = kind == Stop::Cancel;
    p->segments = kept;
    p->terminalMs = stopMs + cleanup;
    p->terminalState = QStringLiteral("TERMINATED");
    p->resultState = cancelled ? QStringLiteral("CANCELED") : QStringLiteral("TIMEDOUT");
    p->message = cancelled ? QStringLiteral("Run cancelled.") : QStringLiteral("Run timed out.");
    // USER_CANCELED: cancelled by a user; CANCELED: by the platform, e.g. a timeout.
    p->code = cancelled ? QStringLiteral("USER_CANCELED") : QStringLiteral("CANCELED");
    p->type.clear();
    p->stop = kind;
}

// Whether the attempt that ended as p is retried.
bool retried(const Plan &p, const RunRecord &run, const TaskRecord &task, int attempt)
{
    const int limit = task.maxRetries < 0 ? TaskTimeline::kMaxRetries
                                          : std::min(task.maxRetries, TaskTimeline::kMaxRetries);
    if (attempt >= limit)
        return false;
    const bool failed =
        p.stop == Stop::None && (p.terminalState == QLatin1String("INTERNAL_ERROR") ||
                                 p.resultState == QLatin1String("FAILED"));
    const bool timedOut = p.stop == Stop::TaskTimeout && task.retryOnTimeout;
    if (!failed && !timedOut)
        return false;
    // Not when the run was cancelled or timed out before the attempt ended.
    if (run.cancelMs > 0 && run.cancelMs <= p.terminalMs)
        return false;
    return run.timeoutSeconds <= 0 || run.submitMs + run.timeoutSeconds * 1000 > p.terminalMs;
}

QList<Plan> plans(const RunRecord &run, const TaskRecord &task, int maxAttempts)
{
    QList<Plan> result;
    qint64 createdMs = run.submitMs;
    for (int attempt = 0; attempt < maxAttempts; ++attempt) {
        Plan p = naturalPlan(run, task, attempt, createdMs);
        applyStop(&p, run, task);
        result.append(p);
        if (!retried(p, run, task, attempt))
            break;
        createdMs = p.terminalMs;
    }
    return result;
}

qint64 clipped(const Segment &s, qint64 nowMs)
{
    return std::max<qint64>(0, std::min(s.endMs, nowMs) - s.startMs);
}

TaskStatus statusAt(const Plan &p, const TaskRecord &task, int attempt, qint64 nowMs)
{
    TaskStatus status;
    status.attempt = attempt;
    status.startMs = p.createdMs;
    for (const Segment &s : p.segments) {
        if (s.state == kQueued)
            status.queueDurationMs += clipped(s, nowMs);
        else if (s.state == kPending)
            status.setupDurationMs += clipped(s, nowMs);
        else if (s.state == kRunning)
            status.executionDurationMs += clipped(s, nowMs);
        else if (s.state == kTerminating)
            status.cleanupDurationMs += clipped(s, nowMs);
    }
    if (nowMs >= p.terminalMs) {
        status.terminal = true;
        status.lifeCycleState = p.terminalState;
        status.resultState = p.resultState;
        status.stateMessage = p.message;
        status.endMs = p.terminalMs;
        status.userCancelledOrTimedout = p.stop != Stop::None;
        status.terminationCode = p.code;
        status.terminationType = p.type.isEmpty() ? TaskTimeline::terminationType(p.code) : p.type;
        return status;
    }
    status.lifeCycleState = kPending;
    for (const Segment &s : p.segments) {
        if (nowMs >= s.startMs && nowMs < s.endMs) {
            status.lifeCycleState = s.state;
            break;
        }
    }
    if (status.lifeCycleState == kQueued) {
        status.stateMessage = QStringLiteral("Queued: waiting for free capacity in the workspace");
    } else if (status.lifeCycleState == kWaiting) {
        status.stateMessage = QStringLiteral("Waiting for retry");
    } else if (status.lifeCycleState == kPending) {
        if (nowMs < task.clusterReadyMs)
            status.stateMessage =
                task.serverless
                    ? QStringLiteral("Waiting for serverless compute")
                    : QStringLiteral("Waiting for cluster %1 to start").arg(task.clusterId);
    } else if (status.lifeCycleState == kRunning) {
        status.stateMessage = QStringLiteral("In run");
    } else if (p.stop != Stop::None && nowMs >= p.segments.constLast().startMs) {
        status.stateMessage = p.resultState == QLatin1String("TIMEDOUT")
                                  ? QStringLiteral("Run timed out, terminating")
                                  : QStringLiteral("Run cancellation requested, terminating");
        status.userCancelledOrTimedout = true;
    }
    return status;
}

int severity(const TaskStatus &s)
{
    if (s.lifeCycleState == QLatin1String("INTERNAL_ERROR"))
        return 5;
    if (s.resultState == QLatin1String("FAILED"))
        return 4;
    if (s.resultState == QLatin1String("TIMEDOUT"))
        return 3;
    if (s.resultState == QLatin1String("CANCELED"))
        return 2;
    if (s.lifeCycleState == QLatin1String("SKIPPED"))
        return 0;
    return 1;
}

} // namespace

QString TaskTimeline::terminationType(const QString &code)
{
    static const QStringList success = {
        QStringLiteral("SUCCESS"), QStringLiteral("SUCCESS_WITH_FAILURES"),
        QStringLiteral("USER_CANCELED"), QStringLiteral("SKIPPED"), QStringLiteral("DISABLED")};
    static const QStringList internal = {QStringLiteral("INTERNAL_ERROR"),
                                         QStringLiteral("DRIVER_ERROR"),
                                         QStringLiteral("CLUSTER_ERROR")};
    if (success.contains(code))
        return QStringLiteral("SUCCESS");
    if (internal.contains(code))
        return QStringLiteral("INTERNAL_ERROR");
    if (code == QLatin1String("CLOUD_FAILURE"))
        return QStringLiteral("CLOUD_FAILURE");
    return QStringLiteral("CLIENT_ERROR");
}

QList<TaskStatus> TaskTimeline::attempts(const RunRecord &run, const TaskRecord &task, qint64 nowMs)
{
    const QList<Plan> all = plans(run, task, 1 + static_cast<int>(task.retryRunIds.size()));
    QList<TaskStatus> result;
    for (int attempt = 0; attempt < all.size(); ++attempt) {
        if (attempt > 0 && nowMs < all.at(attempt - 1).terminalMs)
            break;
        result.append(statusAt(all.at(attempt), task, attempt, nowMs));
    }
    return result;
}

TaskStatus TaskTimeline::at(const RunRecord &run, const TaskRecord &task, qint64 nowMs)
{
    return attempts(run, task, nowMs).constLast();
}

TaskStatus TaskTimeline::whole(const RunRecord &run, const TaskRecord &task, qint64 nowMs)
{
    const QList<TaskStatus> all = attempts(run, task, nowMs);
    TaskStatus status = all.constLast();
    status.startMs = all.constFirst().startMs;
    status.queueDurationMs = all.constFirst().queueDurationMs;
    for (int i = 0; i + 1 < all.size(); ++i) {
        status.setupDurationMs += all.at(i).setupDurationMs;
        status.executionDurationMs += all.at(i).executionDurationMs;
        status.cleanupDurationMs += all.at(i).cleanupDurationMs;
    }
    return status;
}

int TaskTimeline::plannedAttempts(const RunRecord &run, const TaskRecord &task)
{
    return static_cast<int>(plans(run, task, kMaxRetries + 1).size());
}

TaskStatus TaskTimeline::combine(const QList<TaskStatus> &tasks)
{
    TaskStatus parent;
    bool allTerminal = true;
    bool anyRunning = false;
    bool allQueued = true;
    bool allTerminating = true;
    bool allWaiting = true;
    bool anyPending = false;
    for (const TaskStatus &t : tasks) {
        parent.setupDurationMs = std::max(parent.setupDurationMs, t.setupDurationMs);
        parent.executionDurationMs = std::max(parent.executionDurationMs, t.executionDurationMs);
        parent.cleanupDurationMs = std::max(parent.cleanupDurationMs, t.cleanupDurationMs);
        parent.queueDurationMs = std::max(parent.queueDurationMs, t.queueDurationMs);
        parent.endMs = std::max(parent.endMs, t.endMs);
        parent.userCancelledOrTimedout |= t.userCancelledOrTimedout;
        if (t.terminal)
            continue;
        allTerminal = false;
        anyRunning |= t.lifeCycleState == kRunning;
        anyPending |= t.lifeCycleState == kPending;
        allQueued &= t.lifeCycleState == kQueued;
        allTerminating &= t.lifeCycleState == kTerminating;
        allWaiting &= t.lifeCycleState == kWaiting;
    }
    if (!allTerminal) {
        parent.endMs = 0;
        bool someTerminal = false;
        for (const TaskStatus &t : tasks)
            someTerminal |= t.terminal;
        if (allQueued && !someTerminal)
            parent.lifeCycleState = kQueued;
        else if (allWaiting)
            parent.lifeCycleState = kWaiting;
        else if (allTerminating && !someTerminal)
            parent.lifeCycleState = kTerminating;
        else if (anyRunning || someTerminal || !anyPending)
            parent.lifeCycleState = kRunning;
        else
            parent.lifeCycleState = kPending;
        for (const TaskStatus &t : tasks) {
            if (t.lifeCycleState == parent.lifeCycleState && !t.stateMessage.isEmpty()) {
                parent.stateMessage = t.stateMessage;
                break;
            }
        }
        if (parent.lifeCycleState == kRunning)
            parent.stateMessage = QStringLiteral("In run");
        return parent;
    }
    const TaskStatus *worst = &tasks.constFirst();
    bool allSkipped = true;
    for (const TaskStatus &t : tasks) {
        allSkipped &= t.lifeCycleState == QLatin1String("SKIPPED");
        if (severity(t) > severity(*worst))
            worst = &t;
    }
    parent.terminal = true;
    parent.stateMessage = worst->stateMessage;
    parent.terminationCode = worst->terminationCode;
    parent.terminationType = worst->terminationType;
    if (allSkipped) {
        parent.lifeCycleState = QStringLiteral("SKIPPED");
    } else if (worst->lifeCycleState == QLatin1String("INTERNAL_ERROR")) {
        parent.lifeCycleState = QStringLiteral("INTERNAL_ERROR");
        parent.resultState = QStringLiteral("FAILED");
    } else {
        parent.lifeCycleState = QStringLiteral("TERMINATED");
        parent.resultState =
            worst->resultState.isEmpty() ? QStringLiteral("SUCCESS") : worst->resultState;
    }
    return parent;
}

} // namespace Brickrun::Emulator
