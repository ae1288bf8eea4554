// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/RunRecord.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Brickrun {

// The phases a run went through (queued, waiting for the cluster, running, terminating), with
// when each began and ended, as Brickrun saw them: from the state changes the history keeps,
// each at the moment a poll first saw it, on this computer's clock (the same clock as the
// submit, so no duration is ever computed across two clocks). A phase's times are therefore
// right to within a poll.
//
// Only what was seen is drawn: before the first state seen the run was being submitted (or had
// not been asked about yet); a run followed only after it ended (imported, or resumed after it
// ended) has no phases; the last phase of a run still going lasts until now.
class RunPhases
{
    Q_DECLARE_TR_FUNCTIONS(Brickrun::RunPhases)
public:
    struct Phase
    {
        enum class Kind
        {
            Submitted,         // submitted here, no state seen yet
            Queued,            // QUEUED
            WaitingForCluster, // PENDING: the cluster is being found or started
            Running,           // RUNNING
            Terminating,       // TERMINATING
            Waiting            // BLOCKED, WAITING_FOR_RETRY, or a state added later
        } kind = Kind::Submitted;
        QString lifeCycleState; // as the service named it ("" for Submitted)
        qint64 startMs = 0;
        qint64 endMs = 0;
        bool ongoing = false; // the run is in it now: endMs is "now"

        qint64 durationMs() const { return endMs - startMs; }
    };

    // From the record and its state changes (oldest first, HistoryStore::stateChanges).
    static RunPhases of(const RunRecord &record, const QList<StateChange> &changes, qint64 nowMs);

    const QList<Phase> &phases() const { return m_phases; }
    bool isEmpty() const { return m_phases.isEmpty(); }
    qint64 startMs() const { return m_phases.isEmpty() ? 0 : m_phases.constFirst().startMs; }
    qint64 endMs() const { return m_phases.isEmpty() ? 0 : m_phases.constLast().endMs; }
    qint64 durationMs() const { return endMs() - startMs(); }
    bool isOngoing() const { return !m_phases.isEmpty() && m_phases.constLast().ongoing; }
    // The run's end was seen (a terminal state): its outcome is `endState`.
    bool hasEnded() const { return m_ended; }
    const RunState &endState() const { return m_endState; }
    RunRecord::Tracking tracking() const { return m_tracking; }

    // The ongoing phase (if any) extended to `nowMs`.
    void advanceTo(qint64 nowMs);

    // "Waiting for the cluster", or the state's own words for Waiting.
    static QString name(const Phase &phase);
    // "Queued 12 s, waiting for the cluster 1 min 05 s, running 3 min 10 s (so far)": what a
    // screen reader reads and the tooltip shows; a sentence saying so when there is none.
    QString description() const;

private:
    QList<Phase> m_phases;
    bool m_ended = false;
    RunState m_endState;
    RunRecord::Tracking m_tracking = RunRecord::Tracking::Finished;
};

} // namespace Brickrun
