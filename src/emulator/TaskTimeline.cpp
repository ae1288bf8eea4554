#include "TaskTimeline.h"

#include <QList>

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

struct Plan
{
    QList<Segment> segments;
    qint64 terminalMs = 0;
    QString terminalState; // TERMINATED, SKIPPED, INTERNAL_ERROR
    QString resultState;
    QString message;
    bool stopped = false;
};

Plan naturalPlan(const RunRecord &run, const TaskRecord &task)
{
    const NotebookBehaviour &b = task.behaviour;
    Plan plan;
    qint64 t = run.submitMs;
    if (run.queueEnabled && b.queuedSeconds > 0) {
        plan.segments.append({QStringLiteral("QUEUED"), t, t + ms(b.queuedSeconds)});
        t += ms(b.queuedSeconds);
    }
    const qint64 pendingEnd = std::max(t + ms(b.pendingSeconds), task.clusterReadyMs);
    plan.segments.append({QStringLiteral("PENDING"), t, pendingEnd});
    t = pendingEnd;
    plan.message = b.stateMessage;
    if (b.outcome == QLatin1String("SKIPPED")) {
        plan.terminalState = QStringLiteral("SKIPPED");
        if (plan.message.isEmpty())
            plan.message = QStringLiteral("The run was skipped.");
        plan.terminalMs = t;
        return plan;
    }
    plan.segments.append({QStringLiteral("RUNNING"), t, t + ms(b.runningSeconds)});
    t += ms(b.runningSeconds);
    if (b.outcome == QLatin1String("INTERNAL_ERROR")) {
        plan.terminalState = QStringLiteral("INTERNAL_ERROR");
        plan.resultState = QStringLiteral("FAILED");
        if (plan.message.isEmpty())
            plan.message = QStringLiteral("Notebook run failed because of an internal error.");
        plan.terminalMs = t;
        return plan;
    }
    plan.segments.append({QStringLiteral("TERMINATING"), t, t + ms(b.terminatingSeconds)});
    t += ms(b.terminatingSeconds);
    plan.terminalState = QStringLiteral("TERMINATED");
    plan.resultState = b.outcome;
    if (b.outcome == QLatin1String("FAILED") && plan.message.isEmpty())
        plan.message = QStringLiteral("Workload failed, see run output for details");
    plan.terminalMs = t;
    return plan;
}

Plan plan(const RunRecord &run, const TaskRecord &task)
{
    Plan p = naturalPlan(run, task);
    qint64 stopMs = 0;
    bool timedOut = false;
    if (run.cancelMs > 0)
        stopMs = run.cancelMs;
    if (run.timeoutSeconds > 0) {
        const qint64 timeoutMs = run.submitMs + run.timeoutSeconds * 1000;
        if (stopMs == 0 || timeoutMs < stopMs) {
            stopMs = timeoutMs;
            timedOut = true;
        }
    }
    // A stop only matters before the task started to wind down by itself.
    qint64 windDownMs = p.terminalMs;
    for (const Segment &s : p.segments) {
        if (s.state == QLatin1String("TERMINATING"))
            windDownMs = s.startMs;
    }
    if (stopMs == 0 || stopMs >= windDownMs)
        return p;
    QList<Segment> kept;
    for (Segment s : p.segments) {
        if (s.startMs >= stopMs)
            break;
        s.endMs = std::min(s.endMs, stopMs);
        kept.append(s);
    }
    const qint64 cleanup = ms(std::max(0.5, task.behaviour.terminatingSeconds));
    kept.append({QStringLiteral("TERMINATING"), stopMs, stopMs + cleanup});
    p.segments = kept;
    p.terminalMs = stopMs + cleanup;
    p.terminalState = QStringLiteral("TERMINATED");
    p.resultState = timedOut ? QStringLiteral("TIMEDOUT") : QStringLiteral("CANCELED");
    p.message = timedOut ? QStringLiteral("Run timed out.") : QStringLiteral("Run cancelled.");
    p.stopped = true;
    return p;
}

qint64 clipped(const Segment &s, qint64 nowMs)
{
    return std::max<qint64>(0, std::min(s.endMs, nowMs) - s.startMs);
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

qint64 TaskTimeline::naturalEndMs(const RunRecord &run, const TaskRecord &task)
{
    return naturalPlan(run, task).terminalMs;
}

TaskStatus TaskTimeline::at(const RunRecord &run, const TaskRecord &task, qint64 nowMs)
{
    const Plan p = plan(run, task);
    TaskStatus status;
    for (const Segment &s : p.segments) {
        // QUEUED time counts in none of the durations.
        if (s.state == QLatin1String("QUEUED"))
            continue;
        if (s.state == QLatin1String("PENDING"))
            status.setupDurationMs += clipped(s, nowMs);
        else if (s.state == QLatin1String("RUNNING"))
            status.executionDurationMs += clipped(s, nowMs);
        else
            status.cleanupDurationMs += clipped(s, nowMs);
    }
    if (nowMs >= p.terminalMs) {
        status.terminal = true;
        status.lifeCycleState = p.terminalState;
        status.resultState = p.resultState;
        status.stateMessage = p.message;
        status.endMs = p.terminalMs;
        status.userCancelledOrTimedout = p.stopped;
        return status;
    }
    status.lifeCycleState = QStringLiteral("PENDING");
    for (const Segment &s : p.segments) {
        if (nowMs >= s.startMs && nowMs < s.endMs) {
            status.lifeCycleState = s.state;
            break;
        }
    }
    if (status.lifeCycleState == QLatin1String("QUEUED")) {
        status.stateMessage = QStringLiteral("Queued: waiting for free capacity in the workspace");
    } else if (status.lifeCycleState == QLatin1String("PENDING")) {
        if (nowMs < task.clusterReadyMs)
            status.stateMessage =
                QStringLiteral("Waiting for cluster %1 to start").arg(task.clusterId);
    } else if (status.lifeCycleState == QLatin1String("RUNNING")) {
        status.stateMessage = QStringLiteral("In run");
    } else if (p.stopped && nowMs >= p.segments.constLast().startMs) {
        status.stateMessage = p.resultState == QLatin1String("TIMEDOUT")
                                  ? QStringLiteral("Run timed out, terminating")
                                  : QStringLiteral("Run cancellation requested, terminating");
        status.userCancelledOrTimedout = true;
    }
    return status;
}

TaskStatus TaskTimeline::combine(const QList<TaskStatus> &tasks)
{
    TaskStatus parent;
    bool allTerminal = true;
    bool anyRunning = false;
    bool allQueued = true;
    bool allTerminating = true;
    bool anyPending = false;
    for (const TaskStatus &t : tasks) {
        parent.setupDurationMs = std::max(parent.setupDurationMs, t.setupDurationMs);
        parent.executionDurationMs = std::max(parent.executionDurationMs, t.executionDurationMs);
        parent.cleanupDurationMs = std::max(parent.cleanupDurationMs, t.cleanupDurationMs);
        parent.endMs = std::max(parent.endMs, t.endMs);
        parent.userCancelledOrTimedout |= t.userCancelledOrTimedout;
        if (t.terminal) {
            allQueued = false;
            allTerminating = false;
            continue;
        }
        allTerminal = false;
        anyRunning |= t.lifeCycleState == QLatin1String("RUNNING");
        anyPending |= t.lifeCycleState == QLatin1String("PENDING");
        allQueued &= t.lifeCycleState == QLatin1String("QUEUED");
        allTerminating &= t.lifeCycleState == QLatin1String("TERMINATING");
    }
    if (!allTerminal) {
        parent.endMs = 0;
        bool someTerminal = false;
        for (const TaskStatus &t : tasks)
            someTerminal |= t.terminal;
        if (allQueued)
            parent.lifeCycleState = QStringLiteral("QUEUED");
        else if (allTerminating)
            parent.lifeCycleState = QStringLiteral("TERMINATING");
        else if (anyRunning || someTerminal || !anyPending)
            parent.lifeCycleState = QStringLiteral("RUNNING");
        else
            parent.lifeCycleState = QStringLiteral("PENDING");
        for (const TaskStatus &t : tasks) {
            if (t.lifeCycleState == parent.lifeCycleState && !t.stateMessage.isEmpty()) {
                parent.stateMessage = t.stateMessage;
                break;
            }
        }
        if (parent.lifeCycleState == QLatin1String("RUNNING"))
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
