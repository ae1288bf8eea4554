// SPDX-License-Identifier: Apache-2.0
#include "RunPhases.h"

#include "RunTimes.h"
#include "StateIcons.h"

#include <QLocale>
#include <QStringList>

#include <algorithm>
#include <optional>

namespace Brickrun {

namespace {

using Kind = RunPhases::Phase::Kind;

Kind kindOf(const QString &lifeCycleState)
{
    if (lifeCycleState == QLatin1String("QUEUED"))
        return Kind::Queued;
    if (lifeCycleState == QLatin1String("PENDING"))
        return Kind::WaitingForCluster;
    if (lifeCycleState == QLatin1String("RUNNING"))
        return Kind::Running;
    if (lifeCycleState == QLatin1String("TERMINATING"))
        return Kind::Terminating;
    return Kind::Waiting;
}

} // namespace

RunPhases RunPhases::of(const RunRecord &record, const QList<StateChange> &changes, qint64 nowMs)
{
    RunPhases result;
    result.m_tracking = record.tracking;
    QList<StateChange> seen;
    for (const StateChange &c : changes) {
        if (!c.state.lifeCycleState.isEmpty())
            seen.append(c);
    }
    // The submit is on this computer's clock, like the state changes; an imported run's
    // "submit" is the service's start time (another clock), and nothing of its start was seen.
    const bool submittedHere =
        record.source != QLatin1String("imported") && record.submittedAtMs > 0;
    std::optional<Phase> open;
    if (submittedHere && (seen.isEmpty() || seen.constFirst().atMs > record.submittedAtMs) &&
        (!seen.isEmpty() || record.isActive())) {
        open = Phase();
        open->startMs = record.submittedAtMs;
    }
    for (const StateChange &c : std::as_const(seen)) {
        const QString &state = c.state.lifeCycleState;
        if (RunState::isTerminalLifeCycle(state)) {
            if (open) {
                open->endMs = std::max(c.atMs, open->startMs);
                result.m_phases.append(*open);
                open.reset();
            }
            result.m_ended = true;
            result.m_endState = c.state;
            break;
        }
        if (open && open->lifeCycleState == state)
            continue; // only the message changed
        if (open) {
            open->endMs = std::max(c.atMs, open->startMs);
            result.m_phases.append(*open);
        }
        open = Phase();
        open->kind = kindOf(state);
        open->lifeCycleState = state;
        open->startMs = c.atMs;
    }
    // A run still followed is in its last phase now; one that is not (it vanished, or its end
    // was never seen) ended that phase at a moment nobody saw: it is left out.
    if (open && !result.m_ended && record.isActive()) {
        open->ongoing = true;
        open->endMs = std::max(nowMs, open->startMs);
        result.m_phases.append(*open);
    }
    return result;
}

void RunPhases::advanceTo(qint64 nowMs)
{
    if (isOngoing())
        m_phases.last().endMs = std::max(nowMs, m_phases.constLast().startMs);
}

QString RunPhases::name(const Phase &phase)
{
    switch (phase.kind) {
    case Kind::Submitted:
        return tr("Submitted");
    case Kind::Queued:
        return tr("Queued");
    case Kind::WaitingForCluster:
        return tr("Waiting for the cluster");
    case Kind::Running:
        return tr("Running");
    case Kind::Terminating:
        return tr("Terminating");
    case Kind::Waiting:
        break;
    }
    RunState state;
    state.lifeCycleState = phase.lifeCycleState;
    return StateIcons::text(state, RunRecord::Tracking::Active);
}

QString RunPhases::description() const
{
    if (m_phases.isEmpty() && m_tracking == RunRecord::Tracking::SubmitFailed)
        return tr("The run never started: the service refused it.");
    if (m_phases.isEmpty())
        return tr("Brickrun did not see this run's phases (it was not followed from its start).");
    QStringList parts;
    for (const Phase &p : m_phases) {
        parts << (p.ongoing ? tr("%1 %2 so far") : tr("%1 %2"))
                     .arg(name(p), RunTimes::format(p.durationMs()));
    }
    QString text = QLocale().createSeparatedList(parts);
    if (m_ended)
        text = tr("%1; then %2").arg(text, StateIcons::text(m_endState, m_tracking));
    return text;
}

} // namespace Brickrun
