// SPDX-License-Identifier: Apache-2.0
#include "workflow/SubmitAndWait.h"

#include "api/JobsClient.h"

#include <QLoggingCategory>
#include <QUuid>

Q_LOGGING_CATEGORY(lcWorkflow, "brickrun.workflow")

namespace Brickrun {

SubmitAndWait::SubmitAndWait(JobsClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &SubmitAndWait::poll);
    connect(&m_timeoutTimer, &DeadlineTimer::timeout, this, [this] {
        if (m_phase == Phase::Submitting || m_phase == Phase::Waiting)
            finish(WorkflowOutcome::Kind::TimedOut);
    });
}

void SubmitAndWait::submit(const RunSpec &spec)
{
    Q_ASSERT(m_phase == Phase::Idle);
    m_clock.start();
    m_phase = Phase::Submitting;
    m_outcome.taskKey = spec.taskKey;
    if (m_timeout.count() > 0)
        m_timeoutTimer.start(m_timeout);

    const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
    Q_EMIT aboutToSubmit(token);
    m_client->submit(spec, token, this, [this](const Result<qint64> &r) {
        if (m_phase != Phase::Submitting)
            return;
        if (!r) {
            m_outcome.error = r.error();
            finish(WorkflowOutcome::Kind::Failed);
            return;
        }
        m_outcome.runId = r.value();
        Q_EMIT submitted(m_outcome.runId);
        startWaiting();
    });
}

void SubmitAndWait::follow(qint64 runId, const QString &taskKey)
{
    Q_ASSERT(m_phase == Phase::Idle);
    m_clock.start();
    m_outcome.runId = runId;
    m_outcome.taskKey = taskKey;
    if (m_timeout.count() > 0)
        m_timeoutTimer.start(m_timeout);
    startWaiting();
    poll(); // the run may have ended long ago: look now
}

void SubmitAndWait::cancelRun()
{
    m_outcome.cancelRequested = true;
    if (m_phase == Phase::Submitting) {
        m_cancelPending = true; // sent as soon as the run id is known
        return;
    }
    if (m_phase == Phase::Waiting)
        sendCancel();
}

void SubmitAndWait::sendCancel()
{
    m_cancelPending = false;
    m_client->cancel(m_outcome.runId, this, [this](const Result<bool> &r) {
        if (!r) {
            Q_EMIT cancelFailed(r.error());
            return;
        }
        Q_EMIT cancelSent();
        // Cancelling is asynchronous on the service: look again soon.
        if (m_phase == Phase::Waiting && m_pollTimer.isActive()) {
            m_pollsSinceChange = 0;
            schedulePoll();
        }
    });
}

void SubmitAndWait::startWaiting()
{
    m_phase = Phase::Waiting;
    m_pollsSinceChange = 0;
    if (m_cancelPending)
        sendCancel();
    schedulePoll();
}

void SubmitAndWait::schedulePoll()
{
    m_pollTimer.start(m_policy.nextDelay(m_pollsSinceChange));
}

void SubmitAndWait::poll()
{
    if (m_phase != Phase::Waiting)
        return;
    m_pollTimer.stop(); // at most one request in flight; the next poll is armed by the answer
    m_client->getRun(m_outcome.runId, this, [this](const Result<RunInfo> &r) {
        if (m_phase != Phase::Waiting)
            return;
        if (!r) {
            m_outcome.error = r.error();
            finish(WorkflowOutcome::Kind::Failed);
            return;
        }
        onRun(r.value());
    });
}

void SubmitAndWait::onRun(const RunInfo &run)
{
    const bool changed = !m_haveState || run.state != m_outcome.run.state;
    m_outcome.run = run;
    m_haveState = true;
    if (changed) {
        m_pollsSinceChange = 0;
        qCDebug(lcWorkflow) << "run" << run.runId << run.state.summary();
        Q_EMIT stateChanged(run);
    } else {
        ++m_pollsSinceChange;
    }

    if (!run.state.isTerminal()) {
        schedulePoll();
        return;
    }

    // Terminal: read the output of every task, the primary task first, each by its newest
    // attempt's run id (earlier attempts of a retried or repaired task are history).
    m_phase = Phase::FetchingOutput;
    m_timeoutTimer.stop();
    m_client->getTaskOutputs(run, m_outcome.taskKey, this,
                             [this](const QList<RunOutput> &outputs, const ApiError &error) {
                                 m_outcome.outputs = outputs;
                                 if (!m_outcome.error.isError())
                                     m_outcome.error = error;
                                 finish(WorkflowOutcome::Kind::Finished);
                             });
}

void SubmitAndWait::finish(WorkflowOutcome::Kind kind)
{
    m_pollTimer.stop();
    m_timeoutTimer.stop();
    m_phase = Phase::Done;
    m_outcome.kind = kind;
    Q_EMIT finished(m_outcome);
}

} // namespace Brickrun
