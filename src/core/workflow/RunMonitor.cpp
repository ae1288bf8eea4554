// SPDX-License-Identifier: Apache-2.0
#include "workflow/RunMonitor.h"

#include "api/JobsClient.h"
#include "store/HistoryStore.h"
#include "workflow/WorkspaceDurations.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QUuid>

Q_LOGGING_CATEGORY(lcMonitor, "brickrun.monitor")

namespace Brickrun {

namespace {

// The runs one runs/list sweep observes: one sign-in (profile) to one workspace (host).
QString profileHostOf(const RunRecord &record)
{
    return record.profile + QLatin1Char('\n') + record.host;
}

QString expectationKeyOf(const RunRecord &record)
{
    return record.profile + QLatin1Char('\n') + record.host + QLatin1Char('\n') +
           record.spec.notebookPath + QLatin1Char('\n') + record.spec.clusterId;
}

// The usual path of a run, on which its history says when it ends. Anything else (TERMINATING,
// BLOCKED, WAITING_FOR_RETRY, a state added later) is polled as without a history.
bool onUsualPath(const RunState &state)
{
    const QString &s = state.lifeCycleState;
    return s.isEmpty() || s == QLatin1String("QUEUED") || s == QLatin1String("PENDING") ||
           s == QLatin1String("RUNNING");
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

// After a failure the transport gave up on: the poll policy's back-off, or longer when the
// service said how long to wait (Retry-After, e.g. 600 s on a throttled workspace).
PollPolicy::ms delayAfterError(PollPolicy::ms backOff, const ApiError &error)
{
    if (error.retryAfter.count() < 0)
        return backOff;
    // At most an hour: a far date in the header must not park the run (or overflow a QTimer).
    const PollPolicy::ms asked = std::min<PollPolicy::ms>(error.retryAfter, std::chrono::hours(1));
    return std::max(backOff, asked);
}

// BRICKRUN_SERVICE_SPEED: the speed of a demo workspace reached with --host (see the header).
double serviceSpeedFromEnvironment()
{
    bool ok = false;
    const double speed = qEnvironmentVariable("BRICKRUN_SERVICE_SPEED").toDouble(&ok);
    return ok && speed > 0 ? speed : 1.0;
}

} // namespace

RunMonitor::RunMonitor(HistoryStore *history, ClientProvider clients, QObject *parent)
    : RunMonitor(static_cast<RunStore *>(nullptr), std::move(clients), parent)
{
    m_ownStore = RunStore::history(history);
    m_store = m_ownStore.get();
}

RunMonitor::RunMonitor(RunStore *store, ClientProvider clients, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clients(std::move(clients))
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
    , m_sweeps(new RunListSweeps(this))
    , m_workspaceDurations(new WorkspaceDurations(this))
{
    setPollPolicy(PollPolicy());
    connect(m_workspaceDurations, &WorkspaceDurations::answered, this,
            &RunMonitor::workspaceAnswered);
    connect(m_sweeps, &RunListSweeps::finished, this,
            [this](const QString &, const QList<qint64> &covered,
                   const QHash<qint64, RunState> &seen) { sweepFinished(covered, seen); });
    connect(m_sweeps, &RunListSweeps::failed, this, &RunMonitor::sweepFailed);
}

RunMonitor::~RunMonitor() = default;

void RunMonitor::setPollPolicy(const PollPolicy &policy)
{
    m_policy = policy;
    if (m_policy.timeScale == 1.0)
        m_policy.timeScale = serviceSpeedFromEnvironment();
    for (ServiceClock &clock : m_clocks)
        clock.setRate(m_policy.timeScale);
}

void RunMonitor::setClock(Clock clock)
{
    if (clock)
        m_clock = std::move(clock);
}

PollPolicy::Expectation RunMonitor::expectation(qint64 id)
{
    const auto it = m_runs.find(id);
    if (it == m_runs.end())
        return {};
    resolveExpectation(*it);
    return it->useExpectation ? it->expectation : PollPolicy::Expectation();
}

void RunMonitor::resolveExpectation(Tracked &t)
{
    if (t.expectationResolved)
        return;
    t.expectationResolved = true;
    auto cached = m_expectations.constFind(t.expectationKey);
    if (cached == m_expectations.constEnd()) {
        const QList<qint64> durations =
            m_store->recentDurations(t.profile, t.notebookPath, t.clusterId, HistorySamples);
        cached = m_expectations.insert(
            t.expectationKey, PollPolicy::Expectation::fromDurations(
                                  std::vector<long long>(durations.begin(), durations.end())));
    }
    t.expectation = *cached;
    if (!t.expectation.isValid() && t.expectationWanted) {
        // Too few runs here: the workspace's own, once it has answered (step() asks it).
        if (m_workspaceDurations->isKnown(t.profileHost, m_clock())) {
            const QList<qint64> durations =
                m_workspaceDurations->durations(t.profileHost, t.notebookPath, t.clusterId);
            t.expectation = PollPolicy::Expectation::fromDurations(
                std::vector<long long>(durations.begin(), durations.end()));
        } else {
            t.expectationResolved = false;
        }
    }
    t.useExpectation = t.expectationWanted && t.expectation.isValid();
}

void RunMonitor::workspaceAnswered(const QString &profileHost)
{
    for (auto it = m_runs.begin(); it != m_runs.end(); ++it) {
        if (it->profileHost != profileHost || it->expectationResolved)
            continue;
        resolveExpectation(*it);
        // Waiting for a poll planned without history: plan it again with the expectation.
        if (it->useExpectation && !it->requestInFlight && !it->inSweep && it->timer->isActive())
            schedule(it.key());
    }
}

PollPolicy::Situation RunMonitor::situationOf(const Tracked &t)
{
    PollPolicy::Situation now;
    now.polls = t.pollsSent;
    now.ending = t.ending;
    now.roundTripMs = t.roundTripMs * m_policy.timeScale;
    const qint64 local = m_clock();
    const auto clock = m_clocks.constFind(t.profileHost);
    if (t.serviceStartMs > 0 && clock != m_clocks.constEnd() && clock->isKnown()) {
        now.elapsedMs = clock->toService(local) - double(t.serviceStartMs);
        now.clockErrorMs = clock->error();
    } else {
        // Not answered yet: from the submit's answer (the run started before it), or for a run
        // taken on without a submit, from when it was submitted.
        const qint64 from = t.submitAnsweredMs > 0 ? t.submitAnsweredMs : t.submittedAtMs;
        now.elapsedMs = double(local - from) * m_policy.timeScale;
    }
    now.elapsedMs = std::max(0.0, now.elapsedMs);
    return now;
}

void RunMonitor::noteTiming(Tracked &t, const RunInfo &run, qint64 sentMs, qint64 receivedMs)
{
    if (run.startTimeMs > 0)
        t.serviceStartMs = run.startTimeMs;
    // (pollsSent counts this one.)
    const double roundTrip = double(std::max<qint64>(0, receivedMs - sentMs));
    t.roundTripMs += (roundTrip - t.roundTripMs) / double(std::max(1, t.pollsSent));
    auto clock = m_clocks.find(t.profileHost);
    if (clock == m_clocks.end()) {
        clock = m_clocks.insert(t.profileHost, ServiceClock());
        clock->setRate(m_policy.timeScale);
    }
    if (run.endTimeMs == 0 && run.runDurationMs > 0 && run.startTimeMs > 0) {
        // A running run's answer says what time it is on the service.
        // (Both clocks count whole ms: a bracket one ms wider on each side.)
        clock->observe(sentMs - 1, receivedMs + 1, run.startTimeMs + run.runDurationMs);
    } else if (!clock->isKnown() && t.submitAnsweredMs > 0 && run.startTimeMs > 0) {
        // Answers without run_duration: the run started between the submit and its answer.
        clock->observe(t.submitSentMs, t.submitAnsweredMs, run.startTimeMs);
    }
}

qint64 RunMonitor::submit(RunRecord record, QString *error)
{
    record.id = 0;
    record.tracking = RunRecord::Tracking::Submitting;
    record.idempotencyToken = QUuid::createUuid().toString(QUuid::WithoutBraces);
    record.submittedAtMs = m_clock();
    record.updatedAtMs = record.submittedAtMs;
    record.runId = 0;
    // The token is on disk before anything is sent: a crash after the send resubmits with the
    // same token, and the service answers with the same run instead of starting a second one.
    const Result<qint64> stored = m_store->addPending(record);
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

qint64 RunMonitor::follow(RunRecord record, QString *error)
{
    const qint64 runId = record.runId;
    Q_ASSERT(runId > 0);
    record.id = 0;
    record.runId = 0;
    if (record.submittedAtMs <= 0)
        record.submittedAtMs = m_clock();
    record.updatedAtMs = m_clock();
    const Result<qint64> stored = m_store->addPending(record);
    if (!stored || !m_store->setSubmitted(stored.value(), runId)) {
        if (error)
            *error = stored ? QStringLiteral("cannot store the run") : stored.error().message;
        return 0;
    }
    const auto active = m_store->record(stored.value());
    if (!active)
        return 0;
    Q_EMIT runChanged(active->id);
    track(*active);
    return active->id;
}

void RunMonitor::release(qint64 id)
{
    untrack(id);
}

void RunMonitor::resumeAll()
{
    resumeRuns(m_store->activeRuns());
}

void RunMonitor::resumeRuns(const QList<RunRecord> &active)
{
    // The first steps are spread a millisecond apart, so that thousands of runs resumed at
    // start do not all take their first step in one pass of the event loop.
    int resumed = 0;
    for (const RunRecord &record : active) {
        if (!m_runs.contains(record.id))
            track(record, resumed++);
    }
}

void RunMonitor::resume(const QString &profile)
{
    if (!m_pausedProfiles.remove(profile))
        return;
    for (auto it = m_runs.begin(); it != m_runs.end(); ++it) {
        if (it->profile == profile) {
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
    it->expectationWanted = false; // a cancelled run ends when the service says, not as usual
    it->useExpectation = false;
    const auto record = m_store->record(id);
    if (!record)
        return;
    // A cancel may go out while a poll is in flight (it is not a poll). While Submitting, it is
    // sent as soon as the run id is known.
    if (record->tracking == RunRecord::Tracking::Active) {
        if (JobsClient *client = m_clients(*record))
            sendCancel(*record, client);
    }
}

void RunMonitor::track(const RunRecord &record, int firstStepMs)
{
    Tracked t;
    t.timer = new QTimer(this);
    t.timer->setSingleShot(true);
    t.profileHost = profileHostOf(record);
    t.profile = record.profile;
    t.expectationKey = expectationKeyOf(record);
    t.runId = record.tracking == RunRecord::Tracking::Active ? record.runId : 0;
    t.submittedAtMs = record.submittedAtMs;
    t.lastKnown = record.state;
    if (!record.spec.notebookPath.isEmpty()) {
        t.notebookPath = record.spec.notebookPath;
        t.clusterId = record.spec.clusterId;
        t.expectationResolved = false; // when first needed
        t.expectationWanted = onUsualPath(record.state);
    }
    const qint64 id = record.id;
    connect(t.timer, &QTimer::timeout, this, [this, id] { step(id); });
    m_runs.insert(id, t);
    // Start at once: a submit is due now; a resumed run may have ended long ago.
    t.timer->start(firstStepMs);
}

void RunMonitor::schedule(qint64 id)
{
    auto it = m_runs.find(id);
    if (it == m_runs.end())
        return;
    resolveExpectation(*it);
    const PollPolicy::Situation now = situationOf(*it);
    const PollPolicy::ms delay =
        it->useExpectation ? m_policy.nextDelay(now, it->expectation) : m_policy.nextDelay(now);
    // A coarse timer may fire up to 5 % late: on the short waits around a run's expected end
    // that is detection delay for nothing. The long waits stay coarse (they may be batched).
    it->timer->setTimerType(delay < PreciseBelow ? Qt::PreciseTimer : Qt::CoarseTimer);
    it->timer->start(delay);
    qCDebug(lcMonitor,
            "run %lld: poll %d at %.0f ms of the service's time (±%.0f ms)%s, next in %lld ms",
            static_cast<long long>(it->runId), now.polls, now.elapsedMs, now.clockErrorMs,
            it->useExpectation ? " with history" : "", static_cast<long long>(delay.count()));
}

void RunMonitor::noteState(Tracked &tracked, const RunState &state)
{
    if (state.lifeCycleState.isEmpty())
        return; // an answer without a state keeps the one stored
    const bool terminating = state.lifeCycleState == QLatin1String("TERMINATING");
    tracked.ending = terminating && tracked.lastKnown.lifeCycleState != state.lifeCycleState;
    tracked.lastKnown = state;
    if (!onUsualPath(state)) {
        tracked.expectationWanted = false;
        tracked.useExpectation = false;
    }
}

bool RunMonitor::shouldSweep(const Tracked &due) const
{
    // Runs that a sweep would observe, and those of them due now or soon (within 30% of their
    // delay: observing them a little early costs nothing and keeps those runs in step).
    int candidates = 0;
    int dueSoon = 0;
    for (const Tracked &t : m_runs) {
        if (t.profileHost != due.profileHost || t.runId <= 0 || t.requestInFlight || t.inSweep)
            continue;
        ++candidates;
        const int remaining = t.timer->remainingTime();
        if (&t == &due || (remaining >= 0 && remaining <= t.timer->interval() * 3 / 10))
            ++dueSoon;
    }
    return m_sweeps->worthSweeping(due.profileHost, candidates, dueSoon);
}

void RunMonitor::step(qint64 id)
{
    auto it = m_runs.find(id);
    if (it == m_runs.end() || it->requestInFlight || it->inSweep)
        return; // the answer in flight decides what comes next
    const auto record = m_store->record(id);
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
    if (it->expectationWanted && !it->expectationResolved && record->runId > 0)
        m_workspaceDurations->request(it->profileHost, client, m_clock());
    if (record->tracking == RunRecord::Tracking::Submitting)
        sendSubmit(*record, client);
    else if (shouldSweep(*it))
        startSweep(it->profileHost, client);
    else
        poll(*record, client);
}

void RunMonitor::sendSubmit(const RunRecord &record, JobsClient *client)
{
    const qint64 id = record.id;
    m_runs[id].requestInFlight = true;
    m_runs[id].submitSentMs = m_clock();
    client->submit(record.spec, record.idempotencyToken, this,
                   [this, id, record](const Result<qint64> &r) {
                       auto it = m_runs.find(id);
                       if (it == m_runs.end())
                           return;
                       it->requestInFlight = false;
                       it->submitAnsweredMs = m_clock();
                       if (!r) {
                           if (r.error().isAuthentication() || r.error().isPermission() ||
                               r.error().isTransient()) {
                               handleError(record, r.error());
                               return;
                           }
                           m_store->setSubmitFailed(id, r.error().toString());
                           Q_EMIT runChanged(id);
                           Q_EMIT runEnded(id);
                           untrack(id);
                           return;
                       }
                       // First thing: the run id goes to disk.
                       m_store->setSubmitted(id, r.value());
                       it->runId = r.value();
                       Q_EMIT runChanged(id);
                       it->pollsSinceChange = 0;
                       if (it->cancelWanted) {
                           if (const auto updated = m_store->record(id)) {
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
    ++m_runs[id].pollsSent;
    const qint64 sentMs = m_clock();
    client->getRun(record.runId, this, [this, id, record, sentMs](const Result<RunInfo> &r) {
        auto it = m_runs.find(id);
        if (it == m_runs.end())
            return;
        it->requestInFlight = false;
        if (!r) {
            handleError(record, r.error());
            return;
        }
        noteTiming(*it, r.value(), sentMs, m_clock());
        noteState(*it, r.value().state);
        const bool changed = m_store->recordRun(id, r.value());
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
        if (const auto updated = m_store->record(id)) {
            if (JobsClient *c = m_clients(*updated))
                fetchOutputs(*updated, r.value(), c);
        }
    });
}

void RunMonitor::fetchOutputs(const RunRecord &record, const RunInfo &run, JobsClient *client)
{
    const qint64 id = record.id;
    m_runs[id].requestInFlight = true;
    // Every task's newest attempt, the primary task first; a run without tasks is its own task
    // run.
    client->getTaskOutputs(
        run, record.spec.taskKey, this,
        [this, id, record, run](const QList<RunOutput> &outputs, const ApiError &error) {
            auto it = m_runs.find(id);
            if (it == m_runs.end())
                return;
            it->requestInFlight = false;
            // A refused token or a service still failing after the transport's retries says
            // nothing about the output: keep the run (paused, or tried again later, as for a
            // poll) instead of recording for good that it has none.
            if (error.isAuthentication() || error.isPermission() || error.isTransient()) {
                handleError(record, error);
                return;
            }
            // One task whose output cannot be read: the run has none. With several, the
            // primary task's is kept and `error` goes to outputsRead.
            const bool none = error.isError() && outputs.size() <= 1;
            Q_EMIT outputsRead(id, run, outputs, error);
            const bool stored =
                none ? m_store->setFinishedWithoutOutput(
                           id, tr("The run ended, but its output could not be read: %1")
                                   .arg(error.toString()))
                     : m_store->setOutput(id, outputs.value(0));
            if (!stored) {
                // A full disk, a read-only history: the run is not finished in the history.
                // Keep it active (a restart or resume reads the output again) and say so.
                qCWarning(lcMonitor) << "run" << id << "ended but its output could not be stored";
                it->pollsSinceChange = std::max(it->pollsSinceChange, 8);
                it->timer->start(m_policy.nextDelay(it->pollsSinceChange));
                Q_EMIT storeFailed(id, tr("the history could not store it (is the disk full, or "
                                          "the history not writable?)"));
                return;
            }
            m_expectations.remove(it->expectationKey); // the next run learns from this one
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
        pause(record.profile, error);
        return;
    }
    if (record.tracking == RunRecord::Tracking::Active && runIsGone(error)) {
        m_store->setVanished(id, tr("The service no longer knows this run (%1); the history "
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
    const auto delay = delayAfterError(m_policy.nextDelay(it->pollsSinceChange), error);
    Q_EMIT retrying(id,
                    record.tracking == RunRecord::Tracking::Submitting
                        ? QStringLiteral("runs/submit")
                        : QStringLiteral("runs/get"),
                    error, delay);
    it->timer->start(delay);
}

void RunMonitor::pause(const QString &profile, const ApiError &error)
{
    const bool first = !m_pausedProfiles.contains(profile);
    m_pausedProfiles.insert(profile);
    if (first)
        Q_EMIT authenticationFailed(profile, error);
}

void RunMonitor::startSweep(const QString &profileHost, JobsClient *client)
{
    QList<qint64> covered;
    for (auto it = m_runs.begin(); it != m_runs.end(); ++it) {
        if (it->profileHost != profileHost || it->runId <= 0 || it->requestInFlight || it->inSweep)
            continue;
        it->inSweep = true;
        it->timer->stop();
        covered.append(it.key());
    }
    m_sweeps->start(profileHost, client, covered);
}

void RunMonitor::sweepFinished(const QList<qint64> &covered, const QHash<qint64, RunState> &seen)
{
    for (const qint64 id : covered) {
        auto it = m_runs.find(id);
        if (it == m_runs.end())
            continue;
        it->inSweep = false;
        if (m_pausedProfiles.contains(it->profile))
            continue; // resume(profile) schedules it again
        const auto state = seen.constFind(it->runId);
        if (state != seen.constEnd() && *state == it->lastKnown) {
            ++it->pollsSinceChange; // observed, unchanged
            schedule(id);
            continue;
        }
        // Changed, or no longer active (ended, or moved between pages): ask for the run itself.
        const auto record = m_store->record(id);
        if (!record || !record->isActive()) {
            untrack(id);
            continue;
        }
        JobsClient *client = m_clients(*record);
        if (!client) {
            m_pausedProfiles.insert(record->profile);
            continue;
        }
        poll(*record, client);
    }
}

void RunMonitor::sweepFailed(const QString &profileHost, const QList<qint64> &covered,
                             const ApiError &error)
{
    bool told = false;
    for (const qint64 id : covered) {
        auto it = m_runs.find(id);
        if (it == m_runs.end())
            continue;
        it->inSweep = false;
        if (error.isAuthentication() || error.isPermission()) {
            pause(it->profile, error);
            continue;
        }
        if (m_sweeps->refused(profileHost)) {
            schedule(id);
            continue;
        }
        it->pollsSinceChange = std::max(it->pollsSinceChange, 8);
        const auto delay = delayAfterError(m_policy.nextDelay(it->pollsSinceChange), error);
        if (!told) {
            Q_EMIT retrying(id, QStringLiteral("runs/list"), error, delay);
            told = true;
        }
        it->timer->start(delay);
    }
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
