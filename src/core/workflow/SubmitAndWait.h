// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/ApiError.h"
#include "model/RunInfo.h"
#include "model/RunSpec.h"
#include "workflow/DeadlineTimer.h"
#include "workflow/PollPolicy.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <chrono>

namespace Brickrun {

class JobsClient;

// How a SubmitAndWait ended.
struct WorkflowOutcome
{
    enum class Kind
    {
        Finished, // the run reached a terminal state; see run.state for how it went
        TimedOut, // the client-side timeout passed; the run goes on (run is the last seen)
        Failed    // the service or the network refused for good; see error
    };
    Kind kind = Kind::Failed;
    qint64 runId = 0;         // 0 when the submit itself failed
    RunInfo run;              // last known description (runId 0 when never seen)
    QString taskKey;          // the task the outputs below belong to first
    QList<RunOutput> outputs; // one per task (its newest attempt), the primary task first
    ApiError error;           // for Failed: why; for Finished: an output that could not be read
    bool cancelRequested = false;

    const RunOutput *primaryOutput() const
    {
        return outputs.isEmpty() ? nullptr : &outputs.first();
    }
};

// The seed workflow done right, as a QTimer-driven state machine: submit with a fresh
// idempotency token → poll runs/get (never overlapping, every life-cycle state handled, unknown
// ones treated as still running) → when terminal, get-output of every TASK run → finished().
// No client-side timeout unless one is set.
class SubmitAndWait : public QObject
{
    Q_OBJECT
public:
    enum class Phase
    {
        Idle,
        Submitting,
        Waiting,
        FetchingOutput,
        Done
    };

    explicit SubmitAndWait(JobsClient *client, QObject *parent = nullptr);

    void setPollPolicy(const PollPolicy &policy) { m_policy = policy; }
    // 0 = wait as long as the run takes.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    void submit(const RunSpec &spec);
    // Waits for a run submitted earlier (or elsewhere) and fetches its output.
    void follow(qint64 runId, const QString &taskKey = QString());
    // Asks the service to cancel the run and keeps waiting until it has ended.
    void cancelRun();

    Phase phase() const { return m_phase; }
    qint64 runId() const { return m_outcome.runId; }
    qint64 elapsedMs() const { return m_clock.isValid() ? m_clock.elapsed() : 0; }

Q_SIGNALS:
    // Emitted before the submit is sent: store the token first, so a retry after a crash
    // cannot start a second run.
    void aboutToSubmit(const QString &idempotencyToken);
    void submitted(qint64 runId);
    // The run's state (life cycle, result or message) differs from the last poll.
    void stateChanged(const Brickrun::RunInfo &run);
    void cancelSent();
    void cancelFailed(const Brickrun::ApiError &error);
    void finished(const Brickrun::WorkflowOutcome &outcome);

private:
    void startWaiting();
    void schedulePoll();
    void poll();
    void onRun(const RunInfo &run);
    void sendCancel();
    void finish(WorkflowOutcome::Kind kind);

    JobsClient *m_client;
    PollPolicy m_policy;
    std::chrono::milliseconds m_timeout{0};
    Phase m_phase = Phase::Idle;
    WorkflowOutcome m_outcome;
    QTimer m_pollTimer;
    DeadlineTimer m_timeoutTimer; // a --timeout may be weeks
    QElapsedTimer m_clock;
    int m_pollsSinceChange = 0;
    bool m_haveState = false;
    bool m_cancelPending = false;
};

} // namespace Brickrun
