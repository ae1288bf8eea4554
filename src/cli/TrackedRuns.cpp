// SPDX-License-Identifier: Apache-2.0
#include "TrackedRuns.h"

#include "CliOptions.h"
#include "Console.h"
#include "OutputFormat.h"
#include "RunSpecOptions.h"
#include "api/JobsClient.h"
#include "workflow/RunMonitor.h"
#include "workflow/RunStore.h"

#include <QJsonDocument>

namespace Brickrun::Cli {

namespace {

// "attempt 2 of 4" for a run with retries (or seen retried); empty otherwise.
QString attemptText(const RunRecord &r)
{
    const RunSpec::AttemptPosition at = r.spec.attemptPosition(r.attemptNumber);
    if (at.number == 0)
        return QString();
    return at.of > 0 ? QStringLiteral("attempt %1 of %2").arg(at.number).arg(at.of)
                     : QStringLiteral("attempt %1").arg(at.number);
}

// A run submitted here (or followed from the history) echoes what was asked under "spec": the
// task, compute and source (RunSpecOptions::toJson). A run known only by its id has none.
QJsonObject withSpec(QJsonObject outputs, const RunRecord &r)
{
    if (!r.spec.taskPath().isEmpty())
        outputs.insert(QStringLiteral("spec"), RunSpecOptions::toJson(r.spec));
    return outputs;
}

} // namespace

TrackedRuns::TrackedRuns(RunStore *store, JobsClient *client, const PollPolicy &policy,
                         const Settings &settings, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_client(client)
    , m_settings(settings)
{
    m_clock.start();
    // Only this workspace's runs are followed here; others wait for their own workspace.
    m_monitor = new RunMonitor(
        store,
        [this](const RunRecord &r) -> JobsClient * { return belongsHere(r) ? m_client : nullptr; },
        this);
    m_monitor->setPollPolicy(policy);
    connect(m_monitor, &RunMonitor::runChanged, this, &TrackedRuns::onChanged);
    connect(m_monitor, &RunMonitor::runEnded, this, &TrackedRuns::onEnded);
    connect(m_monitor, &RunMonitor::retrying, this, &TrackedRuns::onRetrying);
    connect(m_monitor, &RunMonitor::outputsRead, this,
            [this](qint64 id, const RunInfo &run, const QList<RunOutput> &outputs,
                   const ApiError &error) {
                m_outputs.insert(id, {run, outputs, error});
            });
    connect(m_monitor, &RunMonitor::cancelSent, this, [this](qint64 id) {
        m_cancels.insert(id, Cancel::Accepted);
        if (m_leaving) {
            leaveAfterInterrupt();
            return;
        }
        progress(QStringLiteral("cancel requested; waiting for the run to end"));
    });
    connect(m_monitor, &RunMonitor::cancelFailed, this, [this](qint64 id, const ApiError &e) {
        m_cancels.insert(id, Cancel::Failed);
        m_cancelErrors.insert(id, e.toString());
        if (m_leaving) {
            leaveAfterInterrupt();
            return;
        }
        progress(QStringLiteral("could not cancel the run: %1").arg(e.toString()));
    });
    connect(m_monitor, &RunMonitor::storeFailed, this, [this](qint64 id, const QString &why) {
        if (!m_followed.contains(id))
            return;
        const RunRecord r = m_followed.value(id);
        Console::err(QStringLiteral("error: run %1 has ended, but its output could not be "
                                    "stored: %2. The run is kept in the history; read it again "
                                    "with: brickrun-cli resume %3")
                         .arg(r.runId)
                         .arg(why, m_settings.workspaceArgument));
        finish(ExitApi);
    });
    m_leaveTimer.setSingleShot(true);
    connect(&m_leaveTimer, &QTimer::timeout, this, [this] {
        for (auto it = m_cancels.begin(); it != m_cancels.end(); ++it) {
            if (*it == Cancel::InFlight)
                *it = Cancel::Failed; // not answered in time: no one can say it was done
        }
        leaveAfterInterrupt();
    });
    connect(m_monitor, &RunMonitor::authenticationFailed, this,
            [this](const QString &, const ApiError &e) {
                const QString then =
                    m_settings.inHistory
                        ? QStringLiteral("The run is kept in the history, and then goes on with: "
                                         "brickrun-cli resume %1")
                              .arg(m_settings.workspaceArgument)
                        : QStringLiteral("The run goes on; check it then with: %1")
                              .arg(m_followed.isEmpty() ? QStringLiteral("brickrun-cli status")
                                                        : followCommand(*m_followed.cbegin()));
                Console::err(QStringLiteral("error: the workspace refused the sign-in (%1); "
                                            "%2. %3")
                                 .arg(e.toString(), m_settings.signInRemedy, then));
                finish(ExitAuth);
            });
    connect(&m_timeout, &DeadlineTimer::timeout, this, [this] {
        for (const RunRecord &r : std::as_const(m_followed)) {
            if (m_settings.json)
                Console::out(QString::fromUtf8(
                    QJsonDocument(recordOutputs(r)).toJson(QJsonDocument::Compact)));
            Console::err(
                QStringLiteral("stopped waiting after %1 s; run %2 goes on (%3). "
                               "Follow it with: %4")
                    .arg(m_settings.timeout.count())
                    .arg(r.runId)
                    .arg(r.runId > 0 ? r.state.summary() : QStringLiteral("not yet accepted"),
                         followCommand(r)));
        }
        finish(ExitTimeout);
    });
}

bool TrackedRuns::belongsHere(const RunRecord &r) const
{
    // The demo workspace gets a new port in every process; a profile or host is its URL.
    return r.profile == m_settings.profile &&
           (r.profile == QLatin1String("demo") || r.host == m_settings.host);
}

RunRecord TrackedRuns::newRecord() const
{
    RunRecord record;
    record.profile = m_settings.profile;
    record.host = m_settings.host;
    return record;
}

bool TrackedRuns::startFollowing(qint64 id, const QString &error)
{
    if (id == 0) {
        Console::err(QStringLiteral("error: %1").arg(error));
        finish(ExitApi);
        return false;
    }
    if (m_settings.timeout.count() > 0)
        m_timeout.start(m_settings.timeout);
    follow(id);
    return true;
}

void TrackedRuns::submit(const RunSpec &spec)
{
    RunRecord record = newRecord();
    record.spec = spec;
    QString error;
    progress(QStringLiteral("submitting %1 on %2")
                 .arg(spec.taskPath(), spec.compute.isExistingCluster()
                                           ? QStringLiteral("cluster ") + spec.clusterId
                                           : spec.computeText()));
    const qint64 id = m_monitor->submit(record, &error);
    startFollowing(id, error);
}

void TrackedRuns::followRun(qint64 runId, bool cancel)
{
    RunRecord record = newRecord();
    record.runId = runId;
    QString error;
    const qint64 id = m_monitor->follow(record, &error);
    if (startFollowing(id, error) && cancel) {
        m_cancelling = true;
        m_cancels.insert(id, Cancel::InFlight);
        m_monitor->cancel(id);
    }
}

QString TrackedRuns::followCommand(const RunRecord &r) const
{
    if (m_settings.inHistory || r.runId <= 0)
        return QStringLiteral("brickrun-cli resume %1").arg(m_settings.workspaceArgument);
    return QStringLiteral("brickrun-cli status %1 %2")
        .arg(r.runId)
        .arg(m_settings.workspaceArgument);
}

void TrackedRuns::resume()
{
    const QList<RunRecord> active = m_store->activeRuns();
    for (const RunRecord &r : active) {
        if (belongsHere(r))
            follow(r.id);
    }
    if (m_followed.isEmpty()) {
        Console::err(QStringLiteral("no active runs of this workspace in the history"));
        if (m_settings.json)
            Console::out(QStringLiteral("[]"));
        finish(ExitSuccess);
        return;
    }
    progress(QStringLiteral("following %1 run(s) from the history").arg(m_followed.size()));
    m_monitor->resumeAll();
}

void TrackedRuns::follow(qint64 id)
{
    if (const auto r = m_store->record(id))
        m_followed.insert(id, *r);
}

void TrackedRuns::onChanged(qint64 id)
{
    if (!m_followed.contains(id))
        return;
    const auto now = m_store->record(id);
    if (!now)
        return;
    const RunRecord before = m_followed.value(id);
    m_followed.insert(id, *now);
    m_failingSinceMs.remove(id);
    if (before.runId == 0 && now->runId > 0) {
        progress(QStringLiteral("submitted run %1").arg(now->runId));
        if (m_settings.noWait) {
            // Accepted: the history keeps following it later (resume, the desktop program).
            if (m_settings.json)
                Console::out(QString::fromUtf8(QJsonDocument(withSpec(recordOutputs(*now), *now))
                                                   .toJson(QJsonDocument::Compact)));
            else
                Console::out(QStringLiteral("Run:      %1\n").arg(now->runId));
            finish(ExitSuccess);
            return;
        }
    }
    if ((now->state != before.state || now->attemptNumber != before.attemptNumber) &&
        !now->state.lifeCycleState.isEmpty()) {
        QString line = QStringLiteral("run %1: %2").arg(now->runId).arg(now->state.summary());
        if (const QString attempt = attemptText(*now); !attempt.isEmpty())
            line += QStringLiteral(", ") + attempt;
        if (!now->state.stateMessage.isEmpty())
            line += QStringLiteral(" (%1)").arg(now->state.stateMessage);
        progress(line);
    }
}

void TrackedRuns::onEnded(qint64 id)
{
    if (!m_followed.contains(id))
        return;
    const auto record = m_store->record(id);
    m_followed.remove(id);
    if (record)
        report(*record);
    finishWhenIdle();
}

void TrackedRuns::report(const RunRecord &r)
{
    int code = ExitRunFailed;
    const Outputs read = m_outputs.take(r.id);
    switch (r.tracking) {
    case RunRecord::Tracking::SubmitFailed:
        Console::err(QStringLiteral("error while submitting the run: %1").arg(r.lastError));
        code = ExitUsage; // the service refused what was asked (transient errors are retried)
        m_worstExit = std::max(m_worstExit, code);
        return;
    case RunRecord::Tracking::Vanished:
        if (!m_settings.inHistory) {
            // A run id given on the command line that the service does not know (any more):
            // as `status` says of it, an error, and nothing on stdout when it was never seen.
            const bool seen = !r.state.lifeCycleState.isEmpty();
            Console::err(QStringLiteral("error: the service does not know run %1 (it never "
                                        "existed here, or was deleted)%2")
                             .arg(r.runId)
                             .arg(seen ? QStringLiteral("; last seen %1").arg(r.state.summary())
                                       : QString()));
            if (!seen) {
                m_worstExit = std::max(m_worstExit, int(ExitUsage));
                return;
            }
        } else {
            Console::err(QStringLiteral("run %1: %2").arg(r.runId).arg(r.lastError));
        }
        break;
    case RunRecord::Tracking::Finished:
        progress(QStringLiteral("run %1 ended: %2").arg(r.runId).arg(r.state.summary()));
        // `cancel` asked for the run to end, which it has, however it ended.
        code = r.state.isSuccess() || m_cancelling ? ExitSuccess : ExitRunFailed;
        if (!r.hasOutput && !r.lastError.isEmpty()) {
            Console::err(QStringLiteral("error: %1").arg(r.lastError));
            code = ExitApi;
        } else if (read.error.isError()) {
            Console::err(QStringLiteral("error: the output of a task of run %1 could not be read: "
                                        "%2")
                             .arg(r.runId)
                             .arg(read.error.toString()));
            code = ExitApi;
        }
        break;
    default:
        break;
    }
    // Every task's output when they were read (the same table as `output`); else the record's.
    const QJsonObject outputs = withSpec(
        r.hasOutput && read.run.runId > 0 ? runOutputs(read.run, read.outputs) : recordOutputs(r),
        r);
    Console::out(m_settings.json
                     ? QString::fromUtf8(QJsonDocument(outputs).toJson(QJsonDocument::Compact))
                     : humanSummary(outputs));
    m_worstExit = std::max(m_worstExit, code);
}

void TrackedRuns::onRetrying(qint64 id, const QString &what, const ApiError &error,
                             std::chrono::milliseconds delay)
{
    progress(QStringLiteral("%1 failed (%2); retrying in %3 s")
                 .arg(what, error.toString())
                 .arg(double(delay.count()) / 1000.0, 0, 'f', 1));
    // The transport already retried within its budget; the monitor would go on for ever (the
    // desktop program never gives up on a run). A script wants an answer: give up once the
    // failure has lasted longer than the retry budget, leaving the run in the history.
    const qint64 now = m_clock.elapsed();
    const qint64 since = m_failingSinceMs.value(id, now);
    m_failingSinceMs.insert(id, since);
    if (now - since >= qint64(m_settings.retryBudget.count()) * 1000) {
        const RunRecord r = m_followed.value(id);
        Console::err(QStringLiteral("error: %1 keeps failing (%2); %3")
                         .arg(what, error.toString(),
                              r.runId > 0 ? QStringLiteral("run %1 %2; follow it later with: %3")
                                                .arg(r.runId)
                                                .arg(m_settings.inHistory
                                                         ? QStringLiteral("is kept in the history")
                                                         : QStringLiteral("goes on"),
                                                     followCommand(r))
                                          : QStringLiteral("the submit is kept in the history "
                                                           "and is sent again, with the same "
                                                           "idempotency token, by: brickrun-cli "
                                                           "resume %1")
                                                .arg(m_settings.workspaceArgument)));
        finish(error.isAuthentication() || error.isPermission() ? ExitAuth : ExitApi);
    }
}

void TrackedRuns::interrupt(int count)
{
    if (m_finished)
        return;
    if (m_leaving) {
        m_leaveTimer.stop(); // a third Ctrl-C: leave now, saying what is known
        for (auto it = m_cancels.begin(); it != m_cancels.end(); ++it) {
            if (*it == Cancel::InFlight)
                *it = Cancel::Failed;
        }
        leaveAfterInterrupt();
        return;
    }
    if (count >= 2 || m_followed.isEmpty()) {
        m_leaving = true;
        // A cancel that has left but is not answered yet may still be lost with this process:
        // give it a moment rather than claim a cancel that never reached the service.
        bool inFlight = false;
        for (const Cancel c : std::as_const(m_cancels))
            inFlight = inFlight || c == Cancel::InFlight;
        if (inFlight) {
            progress(QStringLiteral("waiting up to 3 s for the cancel request to be answered "
                                    "(Ctrl-C again to leave at once)"));
            m_leaveTimer.start(3000);
            return;
        }
        leaveAfterInterrupt();
        return;
    }
    progress(QStringLiteral("Ctrl-C: cancelling the run on the service and waiting for it to end "
                            "(press Ctrl-C again to leave at once)"));
    for (auto it = m_followed.cbegin(); it != m_followed.cend(); ++it) {
        m_cancels.insert(it.key(), Cancel::InFlight);
        m_monitor->cancel(it.key());
    }
}

void TrackedRuns::leaveAfterInterrupt()
{
    if (m_finished)
        return;
    for (const Cancel c : std::as_const(m_cancels)) {
        if (c == Cancel::InFlight)
            return; // the others are still being answered (or the timer ends the wait)
    }
    m_leaveTimer.stop();
    for (auto it = m_followed.cbegin(); it != m_followed.cend(); ++it) {
        const RunRecord &r = *it;
        const QString check =
            r.runId > 0
                ? QStringLiteral("brickrun-cli status %1 %2")
                      .arg(r.runId)
                      .arg(m_settings.workspaceArgument)
                : QStringLiteral("brickrun-cli resume %1").arg(m_settings.workspaceArgument);
        const auto cancel = m_cancels.constFind(it.key());
        if (cancel != m_cancels.constEnd() && *cancel == Cancel::Accepted)
            Console::err(QStringLiteral("interrupted; the service accepted the cancel of run %1, "
                                        "which may still be ending (check with: %2)")
                             .arg(r.runId)
                             .arg(check));
        else if (cancel != m_cancels.constEnd())
            Console::err(
                QStringLiteral("interrupted; run %1 was NOT cancelled (%2) and goes on "
                               "(check with: %3)")
                    .arg(r.runId > 0 ? QString::number(r.runId)
                                     : QStringLiteral("not yet accepted"),
                         m_cancelErrors.value(it.key(), QStringLiteral("the cancel request was not "
                                                                       "answered")),
                         check));
        else
            Console::err(QStringLiteral("interrupted; run %1 was not cancelled and goes on "
                                        "(check with: %2)")
                             .arg(r.runId > 0 ? QString::number(r.runId)
                                              : QStringLiteral("not yet accepted"),
                                  check));
    }
    finish(ExitInterrupted);
}

void TrackedRuns::terminate()
{
    if (m_finished)
        return;
    // CI, `timeout` and service managers send SIGTERM: stop following, never cancel the run.
    for (const RunRecord &r : std::as_const(m_followed))
        Console::err(
            r.runId > 0
                ? QStringLiteral("terminated (SIGTERM); run %1 goes on%2 (follow it with: %3)")
                      .arg(r.runId)
                      .arg(m_settings.inHistory ? QStringLiteral(" and stays in the history")
                                                : QString(),
                           followCommand(r))
                : QStringLiteral("terminated (SIGTERM) before the submit was answered; it stays "
                                 "in the history and is sent again, with the same idempotency "
                                 "token, by: brickrun-cli resume %1")
                      .arg(m_settings.workspaceArgument));
    finish(ExitTerminated);
}

void TrackedRuns::finishWhenIdle()
{
    if (m_followed.isEmpty())
        finish(m_worstExit);
}

void TrackedRuns::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timeout.stop();
    m_leaveTimer.stop();
    QTimer::singleShot(0, this, [this, exitCode] { Q_EMIT done(exitCode); });
}

void TrackedRuns::progress(const QString &text)
{
    Console::err(Console::progressLine(m_clock.elapsed(), text));
}

} // namespace Brickrun::Cli
