// SPDX-License-Identifier: Apache-2.0
// RunMonitor against the demo workspace (real HTTP) and a real SQLite history.
#include "EmulatorFixture.h"
#include "FaultPlan.h"
#include "TestTimeouts.h"
#include "store/Database.h"
#include "store/HistoryStore.h"
#include "workflow/RunMonitor.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Brickrun;

class tst_RunMonitor : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::optional<Test::EmulatorFixture> m_workspace;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<HistoryStore> m_history;
    RunMonitor *m_monitor = nullptr;
    bool m_clientAvailable = true;

    RunRecord record(const char *notebook, const char *cluster = "demo-cluster")
    {
        RunRecord r;
        r.profile = QStringLiteral("test");
        r.host = m_workspace->emulator()->baseUrl();
        r.spec.notebookPath = QString::fromLatin1(notebook);
        r.spec.clusterId = QString::fromLatin1(cluster);
        r.spec.runName = QStringLiteral("monitor test");
        return r;
    }

    RunRecord waitForEnd(qint64 id)
    {
        [[maybe_unused]] const bool ended = QTest::qWaitFor(
            [&] {
                const auto r = m_history->record(id);
                return r && !r->isActive();
            },
            30000);
        return *m_history->record(id);
    }

private Q_SLOTS:
    void init()
    {
        m_workspace.emplace();
        QString error;
        QVERIFY2(
            m_workspace->start(
                Test::EmulatorFixture::options(100, QStringLiteral("dapi-test-monitor")), &error),
            qPrintable(error));
        QFile::remove(m_dir.filePath(QStringLiteral("h.sqlite")));
        m_db = std::make_unique<Database>(m_dir.filePath(QStringLiteral("h.sqlite")));
        QVERIFY2(m_db->open(&error), qPrintable(error));
        m_history = std::make_unique<HistoryStore>(m_db.get());
        m_clientAvailable = true;
        m_monitor = new RunMonitor(
            m_history.get(),
            [this](const RunRecord &) {
                return m_clientAvailable ? m_workspace->client() : nullptr;
            },
            this);
        PollPolicy p;
        p.timeScale = 100;
        m_monitor->setPollPolicy(p);
    }
    void cleanup()
    {
        delete m_monitor;
        m_workspace.reset();
        m_history.reset();
        m_db.reset();
    }

    void retryAfterSetsTheNextPollAfterTheTransportGaveUp()
    {
        // The transport's retry budget is spent (here: none); the service asked for 10 minutes.
        m_workspace->transport()->setRetryPolicy(RetryPolicy::none());
        QString error;
        const auto plan =
            Emulator::FaultPlan::parse(QStringLiteral("runs/get:429x5@retry=600"), &error);
        QVERIFY2(plan, qPrintable(error));
        m_workspace->emulator()->setFaultPlan(*plan);
        QSignalSpy retrying(m_monitor, &RunMonitor::retrying);
        const qint64 id = m_monitor->submit(record("/Shared/Demo/slow_report"));
        QVERIFY(id > 0);
        QVERIFY(retrying.wait(Brickrun::Test::scaledTimeout(10000)));
        QCOMPARE(retrying.first().at(1).toString(), QStringLiteral("runs/get"));
        QCOMPARE(retrying.first().at(2).value<ApiError>().httpStatus, 429);
        const auto delay = retrying.first().at(3).value<std::chrono::milliseconds>();
        QVERIFY2(delay >= std::chrono::seconds(600), qPrintable(QString::number(delay.count())));
        const int gets =
            m_workspace->emulator()->stats().requestsByRoute.value(QStringLiteral("runs/get"));
        QTest::qWait(1500); // no poll in the meantime
        QCOMPARE(m_workspace->emulator()->stats().requestsByRoute.value(QStringLiteral("runs/get")),
                 gets);
        QCOMPARE(retrying.size(), 1);
    }
    void followsARunToItsEndAndStoresEverything()
    {
        QSignalSpy changed(m_monitor, &RunMonitor::runChanged);
        QSignalSpy ended(m_monitor, &RunMonitor::runEnded);
        const qint64 id = m_monitor->submit(record("/Shared/Demo/hello"));
        QVERIFY(id > 0);
        // Stored before anything was sent: Submitting, with its idempotency token.
        const auto pending = m_history->record(id);
        QCOMPARE(int(pending->tracking), int(RunRecord::Tracking::Submitting));
        QVERIFY(!pending->idempotencyToken.isEmpty());

        const RunRecord done = waitForEnd(id);
        QCOMPARE(int(done.tracking), int(RunRecord::Tracking::Finished));
        QVERIFY(done.runId > 0);
        QVERIFY(done.taskRunId > 0 && done.taskRunId != done.runId);
        QCOMPARE(done.state.summary(), QStringLiteral("TERMINATED SUCCESS"));
        QVERIFY(done.hasOutput && done.output.hasNotebookResult);
        QVERIFY(!done.runPageUrl.isEmpty());
        QCOMPARE(ended.size(), 1);
        QVERIFY(changed.size() >= 2); // stored, submitted, …, finished
        const QList<StateChange> states = m_history->stateChanges(id);
        QVERIFY(!states.isEmpty());
        QCOMPARE(states.last().state.lifeCycleState, QStringLiteral("TERMINATED"));
        QCOMPARE(m_monitor->trackedCount(), 0);
        QCOMPARE(m_workspace->emulator()->createdRunCount(), 1);
        // One run: runs/get, never a list sweep; one runs/list for the workspace's durations of
        // the notebook (none in the history yet).
        QCOMPARE(
            m_workspace->emulator()->stats().requestsByRoute.value(QStringLiteral("runs/list")), 1);
    }
    void recordsEveryStateItSees()
    {
        // Simulated time stands still unless the test moves it, so every state is seen.
        QString error;
        QVERIFY2(
            m_workspace->start(
                Test::EmulatorFixture::options(0.001, QStringLiteral("dapi-test-monitor")), &error),
            qPrintable(error));

        const qint64 id = m_monitor->submit(record("/Shared/Demo/hello"));
        QStringList seen;
        // hello: QUEUED 1.5 s, PENDING 1.5 s, RUNNING 4 s, TERMINATING 1 s (simulated).
        const QList<QPair<const char *, qint64>> phases{{"QUEUED", 1600},
                                                        {"PENDING", 1600},
                                                        {"RUNNING", 4100},
                                                        {"TERMINATING", 1100},
                                                        {"TERMINATED", 0}};
        for (const auto &[state, length] : phases) {
            QTRY_COMPARE_WITH_TIMEOUT(m_history->record(id)->state.lifeCycleState,
                                      QString::fromLatin1(state), 15000);
            seen << QString::fromLatin1(state);
            m_workspace->emulator()->advanceSimulatedTime(length);
        }
        QCOMPARE(waitForEnd(id).state.summary(), QStringLiteral("TERMINATED SUCCESS"));
        QStringList stored;
        for (const StateChange &c : m_history->stateChanges(id))
            stored << c.state.lifeCycleState;
        stored.removeDuplicates();
        QCOMPARE(stored, seen);
    }
    void stampsRunsWithItsClock()
    {
        // The monitor's clock, not the machine's, dates a submit: a clock of the test's own,
        // years away from now, is what the history keeps.
        const qint64 then =
            QDateTime(QDate(2031, 5, 6), QTime(7, 8, 9), Qt::UTC).toMSecsSinceEpoch();
        m_monitor->setClock([then] { return then; });
        const qint64 id = m_monitor->submit(record("/Shared/Demo/hello"));
        QVERIFY(id > 0);
        QCOMPARE(m_history->record(id)->submittedAtMs, then);
        const RunRecord done = waitForEnd(id);
        QCOMPARE(done.state.summary(), QStringLiteral("TERMINATED SUCCESS"));
        QCOMPARE(done.submittedAtMs, then); // kept while the run was followed
    }
    void learnsTheExpectedDurationFromTheHistory()
    {
        // Three earlier successful runs of hello on demo-cluster (about 6.5 s each) and one on
        // another cluster and one that failed: only the first three count.
        const auto addFinished = [&](const char *cluster, qint64 durationMs, const char *result) {
            RunRecord r = record("/Shared/Demo/hello", cluster);
            r.idempotencyToken = QUuid::createUuid().toString();
            r.tracking = RunRecord::Tracking::Finished;
            r.runId = 1000 + durationMs;
            r.state.lifeCycleState = QStringLiteral("TERMINATED");
            r.state.resultState = QString::fromLatin1(result);
            r.submittedAtMs = QDateTime::currentMSecsSinceEpoch() - 3600000;
            r.startTimeMs = r.submittedAtMs;
            r.endTimeMs = r.startTimeMs + durationMs;
            QVERIFY(m_history->addPending(r));
        };
        addFinished("demo-cluster", 6400, "SUCCESS");
        addFinished("demo-cluster", 6500, "SUCCESS");
        addFinished("demo-cluster", 6700, "SUCCESS");
        addFinished("demo-cluster", 1000, "FAILED");
        addFinished("demo-cluster-cold", 40000, "SUCCESS");
        QCOMPARE(m_history
                     ->recentDurations(QStringLiteral("test"), QStringLiteral("/Shared/Demo/hello"),
                                       QStringLiteral("demo-cluster"))
                     .size(),
                 3);

        const qint64 id = m_monitor->submit(record("/Shared/Demo/hello"));
        const PollPolicy::Expectation e = m_monitor->expectation(id);
        QVERIFY(e.isValid());
        QCOMPARE(e.samples, 3);
        QCOMPARE(e.median.count(), 6500);
        const qint64 other = m_monitor->submit(record("/Shared/Demo/echo_params"));
        QVERIFY(!m_monitor->expectation(other).isValid()); // no history: today's cadence

        const RunRecord done = waitForEnd(id);
        QCOMPARE(done.state.summary(), QStringLiteral("TERMINATED SUCCESS"));
        QVERIFY(done.hasOutput);
        waitForEnd(other);
        // The next run learns from this one too.
        const qint64 next = m_monitor->submit(record("/Shared/Demo/hello"));
        QCOMPARE(m_monitor->expectation(next).samples, 4);
        waitForEnd(next);
    }
    void manyRunsShareOneListSweep()
    {
        // 30 runs of one workspace: their quiet polls are runs/list sweeps (two pages of 25), and
        // runs/get goes only to the runs that changed or ended.
        QList<qint64> ids;
        for (int i = 0; i < 30; ++i)
            ids.append(m_monitor->submit(record("/Shared/Demo/slow_report")));
        for (qint64 id : std::as_const(ids)) {
            const RunRecord done = waitForEnd(id);
            QCOMPARE(done.state.summary(), QStringLiteral("TERMINATED SUCCESS"));
            QVERIFY(done.hasOutput);
        }
        const auto stats = m_workspace->emulator()->stats();
        const int lists = stats.requestsByRoute.value(QStringLiteral("runs/list"));
        const int gets = stats.requestsByRoute.value(QStringLiteral("runs/get"));
        QVERIFY2(lists > 0, "the runs were swept with runs/list");
        // Each run changes state about five times (QUEUED, PENDING, RUNNING, TERMINATING,
        // TERMINATED); polled one by one, 180 quiet seconds would cost each ~25 runs/get more.
        QVERIFY2(gets <= 30 * 10, qPrintable(QStringLiteral("%1 runs/get").arg(gets)));
        QCOMPARE(m_monitor->trackedCount(), 0);
    }
    void failingAndRefusedRuns()
    {
        const qint64 failing = m_monitor->submit(record("/Shared/Demo/failing"));
        const qint64 refused = m_monitor->submit(record("/Shared/Demo/hello", "no-such-cluster"));
        const RunRecord f = waitForEnd(failing);
        QCOMPARE(f.state.summary(), QStringLiteral("TERMINATED FAILED"));
        QVERIFY(!f.output.error.isEmpty());
        const RunRecord r = waitForEnd(refused);
        QCOMPARE(int(r.tracking), int(RunRecord::Tracking::SubmitFailed));
        QVERIFY2(r.lastError.contains(QStringLiteral("no-such-cluster")), qPrintable(r.lastError));
    }
    void resumeAfterACrashBeforeTheSubmitAnswer()
    {
        // The app stored the token, sent the submit, and died before the answer: the service
        // has the run, the history only the token.
        RunRecord r = record("/Shared/Demo/hello");
        r.idempotencyToken = QStringLiteral("token-of-a-crashed-submit");
        r.submittedAtMs = QDateTime::currentMSecsSinceEpoch();
        const auto id = m_history->addPending(r);
        QVERIFY(id);
        std::optional<qint64> serviceRunId;
        m_workspace->client()->submit(
            r.spec, r.idempotencyToken, this,
            [&](const Result<qint64> &res) { serviceRunId = res.value(); });
        QTRY_VERIFY(serviceRunId.has_value());

        m_monitor->resumeAll();
        const RunRecord done = waitForEnd(id.value());
        QCOMPARE(done.runId, *serviceRunId);
        QCOMPARE(m_workspace->emulator()->createdRunCount(), 1); // no second run
        QCOMPARE(done.state.summary(), QStringLiteral("TERMINATED SUCCESS"));
    }
    void resumeAnActiveRunAndMarkAVanishedOne()
    {
        RunRecord active = record("/Shared/Demo/hello");
        active.idempotencyToken = QStringLiteral("t1");
        const qint64 a = m_history->addPending(active).value();
        std::optional<qint64> runId;
        m_workspace->client()->submit(active.spec, QStringLiteral("t1"), this,
                                      [&](const Result<qint64> &res) { runId = res.value(); });
        QTRY_VERIFY(runId.has_value());
        QVERIFY(m_history->setSubmitted(a, *runId));

        RunRecord gone = record("/Shared/Demo/hello");
        gone.idempotencyToken = QStringLiteral("t2");
        const qint64 g = m_history->addPending(gone).value();
        QVERIFY(m_history->setSubmitted(g, 987654321));

        m_monitor->resumeAll();
        QCOMPARE(waitForEnd(a).state.summary(), QStringLiteral("TERMINATED SUCCESS"));
        const RunRecord v = waitForEnd(g);
        QCOMPARE(int(v.tracking), int(RunRecord::Tracking::Vanished));
        QVERIFY(v.lastError.contains(QStringLiteral("no longer knows")));
    }
    void aRefusedTokenPausesAndANewOneResumes()
    {
        QSignalSpy authFailed(m_monitor, &RunMonitor::authenticationFailed);
        m_workspace->transport()->setEndpoint(QUrl(m_workspace->emulator()->baseUrl()),
                                              QStringLiteral("dapi-test-expired"));
        const qint64 id = m_monitor->submit(record("/Shared/Demo/hello"));
        QTRY_COMPARE(authFailed.size(), 1);
        QCOMPARE(authFailed.first().first().toString(), QStringLiteral("test"));
        QVERIFY(m_monitor->pausedProfiles().contains(QStringLiteral("test")));
        QVERIFY(m_history->record(id)->isActive()); // kept, not failed
        QTest::qWait(200);
        QCOMPARE(m_workspace->emulator()->createdRunCount(), 0);

        m_workspace->transport()->setEndpoint(QUrl(m_workspace->emulator()->baseUrl()),
                                              m_workspace->emulator()->token());
        m_monitor->resume(QStringLiteral("test"));
        QCOMPARE(waitForEnd(id).state.summary(), QStringLiteral("TERMINATED SUCCESS"));
        QCOMPARE(authFailed.size(), 1);
    }
    void noClientYetWaitsForResume()
    {
        m_clientAvailable = false;
        const qint64 id = m_monitor->submit(record("/Shared/Demo/hello"));
        QTest::qWait(200);
        QCOMPARE(int(m_history->record(id)->tracking), int(RunRecord::Tracking::Submitting));
        m_clientAvailable = true;
        m_monitor->resume(QStringLiteral("test"));
        QCOMPARE(waitForEnd(id).state.summary(), QStringLiteral("TERMINATED SUCCESS"));
    }
    void cancel()
    {
        QSignalSpy sent(m_monitor, &RunMonitor::cancelSent);
        const qint64 id = m_monitor->submit(record("/Shared/Demo/slow_report"));
        QTRY_VERIFY(m_history->record(id)->runId > 0);
        m_monitor->cancel(id);
        QVERIFY(!m_monitor->expectation(id).isValid()); // a cancelled run ends when it ends
        QCOMPARE(waitForEnd(id).state.summary(), QStringLiteral("TERMINATED CANCELED"));
        QCOMPARE(sent.size(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_RunMonitor)
#include "tst_runmonitor.moc"
