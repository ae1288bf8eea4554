#include "workflow/RunMonitor.h"

#include "api/JobsClient.h"
#include "store/HistoryStore.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QUuid>

Q_LOGGING_CATEGORY(lcMonitor, "brickrun.monitor")

namespace Brickrun {

namespace {

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// runs/get and friends answer 400 INVALID_PARAMETER_VALUE "Run N does not exist." (or 404
// RESOURCE_DOES_NOT_EXIST) for a run the service deleted or never had.
bool runIsGone(const ApiError &error)
{
    if (error.kind != ApiError::Kind::Http)
        return false;
    if (error.errorCode == QLatin1String("RESOURCE_DOES_NOT_EXIST"))
        return true;
    return error.httpStatus == 400 && error.message.contains(QLatin1String("does not exist"));
}

} // namespace

RunMonitor::RunMonitor(HistoryStore *history, ClientProvider clients, QObject *parent)
    : QObject(parent)
    , m_history(history)
    , m_clients(std::move(clients))
{}

qint64 RunMonitor::submit(RunRecord record, QString *error)
{
    record.id = 0;
    record.tracking = RunRecord::Tracking::Submitting;
    record.idempotencyToken = QUuid::createUuid().toString(QUuid::WithoutBraces);
    record.submittedAtMs = now();
    record.updatedAtMs = record.submittedAtMs;
    record.runId = 0;
    // The token is on disk before anything is sent: a crash after the send resubmits with the
    // same token, and the service answers with the same run instead of starting a second one.
    const Result<qint64> stored = m_history->addPending(record);
    if (!stored) {
        if (error)
            *error = stored.error().message;
        return 0;
    }
    record.id = stored.value();
    Q_EMIT runChanged(record.id);
    track(record);
    return record.id;
}

void RunMonitor::resumeAll()
{
    const QList<RunRecord> active = m_history->activeRuns();
    for (const RunRecord &record : active) {
        if (!m_runs.contains(record.id))
            track(record);
    }
}

void RunMonitor::resume(const QString &profile)
{
    if (!m_pausedProfiles.remove(profile))
        return;
    for (auto it = m_runs.begin(); it != m_runs.end(); ++it) {
        const auto record = m_history->record(it.key());
        if (record && record->profile == profile) {
            it->pollsSinceChange = 0;
            schedule(it.key());
        }
    }
}

void RunMonitor::cancel(qint64 id)
{
    auto it = m_runs.find(id);
    if (it == m_runs.end())
        return;
    it->cancelWanted = true;
    const auto record = m_history->record(id);
    if (!record)
        return;
    // A cancel may go out while a poll is in flight (it is not a poll). While Submitting, it is
    // sent as soon as the run id is known.
    if (record->tracking == RunRecord::Tracking::Active) {
        if (JobsClient *client = m_clients(*record))
            sendCancel(*record, client);
    }
}

void RunMonitor::track(const RunRecord &record)
{
    Tracked t;
    t.timer = new QTimer(this);
    t.timer->setSingleShot(true);
    const qint64 id = record.id;
    connect(t.timer, &QTimer::timeout, this, [this, id] { step(id); });
    m_runs.insert(id, t);
    // Start at once: a submit is due now; a resumed run may have ended long ago.
    t.timer->start(0);
}

void RunMonitor::schedule(qint64 id)
{
    auto it = m_runs.find(id);
    if (it == m_runs.end())
        return;
    it->timer->start(m_policy.nextDelay(it->pollsSinceChange));
}

void RunMonitor::step(qint64 id)
{
    auto it = m_runs.find(id);
    if (it == m_runs.end() || it->requestInFlight)
        return;
    const auto record = m_history->record(id);
    if (!record || !record->isActive()) {
        untrack(id);
        return;
    }
    if (m_pausedProfiles.contains(record->profile))
        return; // resume(profile) schedules it again
    JobsClient *client = m_clients(*record);
    if (!client) {
        m_pausedProfiles.insert(record->profile);
        return;
    }
    if (record->tracking == RunRecord::Tracking::Submitting)
        sendSubmit(*record, client);
    else
        poll(*record, client);
}

void RunMonitor::sendSubmit(const RunRecord &record, JobsClient *client)
{
    const qint64 id = record.id;
    m_runs[id].requestInFlight = true;
    client->submit(record.spec, record.idempotencyToken, this,
                   [this, id, record](const Result<qint64> &r) {
                       auto it = m_runs.find(id);
                       if (it == m_runs.end())
                           return;
                       it->requestInFlight = false;
                       if (!r) {
                           if (r.error().isAuthentication() || r.error().isPermission() ||
                               r.error().isTransient()) {
                               handleError(record, r.error());
                               return;
                           }
                           m_history->setSubmitFailed(id, r.error().toString());
                           Q_EMIT runChanged(id);
                           Q_EMIT runEnded(id);
                           untrack(id);
                           return;
                       }
                       // First thing: the run id goes to disk.
                       m_history->setSubmitted(id, r.value());
                       Q_EMIT runChanged(id);
                       it->pollsSinceChange = 0;
                       if (it->cancelWanted) {
                           if (const auto updated = m_history->record(id)) {
                               if (JobsClient *c = m_clients(*updated))
                                   sendCancel(*updated, c);
                           }
                       }
                       schedule(id);
                   });
}

void RunMonitor::poll(const RunRecord &record, JobsClient *client)
{
    const qint64 id = record.id;
    m_runs[id].requestInFlight = true;
    client->getRun(record.runId, this, [this, id, record](const Result<RunInfo> &r) {
        auto it = m_runs.find(id);
        if (it == m_runs.end())
            return;
        it->requestInFlight = false;
        if (!r) {
            handleError(record, r.error());
            return;
        }
        const bool changed = m_history->recordRun(id, r.value());
        if (changed) {
            it->pollsSinceChange = 0;
            Q_EMIT runChanged(id);
        } else {
            ++it->pollsSinceChange;
        }
        if (!r.value().state.isTerminal()) {
            schedule(id);
            return;
        }
        if (const auto updated = m_history->record(id)) {
            if (JobsClient *c = m_clients(*updated))
                fetchOutput(*updated, c);
        }
    });
}

void RunMonitor::fetchOutput(const RunRecord &record, JobsClient *client)
{
    const qint64 id = record.id;
    // The output belongs to the task run; a run without tasks is its own task run.
    const qint64 taskRunId = record.taskRunId > 0 ? record.taskRunId : record.runId;
    m_runs[id].requestInFlight = true;
    client->getOutput(taskRunId, this, [this, id](const Result<RunOutput> &r) {
        auto it = m_runs.find(id);
        if (it == m_runs.end())
            return;
        it->requestInFlight = false;
        if (r)
            m_history->setOutput(id, r.value());
        else
            m_history->setFinishedWithoutOutput(
                id, tr("The run ended, but its output could not be read: %1")
                        .arg(r.error().toString()));
        Q_EMIT runChanged(id);
        Q_EMIT runEnded(id);
        untrack(id);
    });
}

void RunMonitor::sendCancel(const RunRecord &record, JobsClient *client)
{
    const qint64 id = record.id;
    client->cancel(record.runId, this, [this, id](const Result<bool> &r) {
        if (!r) {
            Q_EMIT cancelFailed(id, r.error());
            return;
        }
        Q_EMIT cancelSent(id);
        auto it = m_runs.find(id);
        if (it == m_runs.end())
            return;
        it->pollsSinceChange = 0; // cancelling is asynchronous: look again soon
        if (!it->requestInFlight)
            schedule(id);
    });
}

void RunMonitor::handleError(const RunRecord &record, const ApiError &error)
{
    const qint64 id = record.id;
    if (error.isAuthentication() || error.isPermission()) {
        pause(record, error);
        return;
    }
    if (record.tracking == RunRecord::Tracking::Active && runIsGone(error)) {
        m_history->setVanished(id, tr("The service no longer knows this run (%1); the history "
                                      "keeps what was last known.")
                                       .arg(error.toString()));
        Q_EMIT runChanged(id);
        Q_EMIT runEnded(id);
        untrack(id);
        return;
    }
    // The transport already retried what was safe; the run itself goes on at the service.
    // Keep following it, slowly, and say why.
    qCInfo(lcMonitor) << "run" << id << "poll failed:" << error.toString();
    auto it = m_runs.find(id);
    if (it == m_runs.end())
        return;
    it->pollsSinceChange = std::max(it->pollsSinceChange, 8);
    const auto delay = m_policy.nextDelay(it->pollsSinceChange);
    Q_EMIT retrying(id,
                    record.tracking == RunRecord::Tracking::Submitting
                        ? QStringLiteral("runs/submit")
                        : QStringLiteral("runs/get"),
                    error, delay);
    it->timer->start(delay);
}

void RunMonitor::pause(const RunRecord &record, const ApiError &error)
{
    const bool first = !m_pausedProfiles.contains(record.profile);
    m_pausedProfiles.insert(record.profile);
    if (first)
        Q_EMIT authenticationFailed(record.profile, error);
}

void RunMonitor::untrack(qint64 id)
{
    auto it = m_runs.find(id);
    if (it == m_runs.end())
        return;
    it->timer->stop();
    it->timer->deleteLater();
    m_runs.erase(it);
}

} // namespace Brickrun
