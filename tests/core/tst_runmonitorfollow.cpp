// SPDX-License-Identifier: Apache-2.0
// The one run engine (RunMonitor) following runs without a history record (a MemoryRunStore),
// end to end against the demo workspace over real loopback HTTP: every case of the former
// SubmitAndWait, which brickrun-cli's cancel used, now the RunMonitor's rules.
#include "EmulatorFixture.h"
#include "TestTimeouts.h"
#include "workflow/RunMonitor.h"
#include "workflow/RunStore.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <optional>

using namespace Brickrun;

namespace {

// What following one run ended with: its record, and what outputsRead gave.
struct Followed
{
    RunRecord record;
    RunInfo run;              // as last seen (from outputsRead; else a copy of the record's)
    QList<RunOutput> outputs; // every task's newest attempt, the primary first
    ApiError outputError;
    const RunOutput *primaryOutput() const
    {
        return outputs.isEmpty() ? nullptr : &outputs.first();
    }
};

} // namespace

class tst_RunMonitorFollow : public QObject
{
    Q_OBJECT
private:
    std::optional<Test::EmulatorFixture> m_workspace;
    std::vector<std::unique_ptr<MemoryRunStore>> m_stores;

    // statusOnly: every run answers with `status` and no `state`, as newer answers may.
    bool startEmulator(double speed, bool statusOnly = false)
    {
        Emulator::EmulatorOptions o =
            Test::EmulatorFixture::options(speed, QStringLiteral("dapi-test-workflow"));
        o.statusOnly = statusOnly;
        return m_workspace->start(o);
    }
    Emulator::Emulator *emulator() const { return m_workspace->emulator(); }

    // A monitor over a store of its own (in memory: no history record); the store is
    // m_stores.back().
    RunMonitor *engine()
    {
        m_stores.push_back(std::make_unique<MemoryRunStore>());
        auto *m = new RunMonitor(
            m_stores.back().get(), [this](const RunRecord &) { return m_workspace->client(); },
            this);
        PollPolicy p;
        p.timeScale = emulator()->speed();
        m->setPollPolicy(p);
        return m;
    }
    static RunRecord record(const RunSpec &spec)
    {
        RunRecord r;
        r.profile = QStringLiteral("demo");
        r.host = QStringLiteral("http://127.0.0.1");
        r.spec = spec;
        return r;
    }

    static RunSpec spec(const QString &notebook,
                        const QString &cluster = QStringLiteral("demo-cluster"))
    {
        RunSpec s;
        s.notebookPath = notebook;
        s.clusterId = cluster;
        s.runName = QStringLiteral("test run");
        return s;
    }

    // The states the record went through, as they were stored (each change once).
    static void collectStates(RunMonitor *m, RunStore *store, QList<RunState> *states)
    {
        QObject::connect(m, &RunMonitor::runChanged, m, [store, states](qint64 id) {
            const auto r = store->record(id);
            if (r && !r->state.lifeCycleState.isEmpty() &&
                (states->isEmpty() || states->last() != r->state))
                states->append(r->state);
        });
    }

    // Waits for the run's end (runEnded).
    static std::optional<Followed> waitFor(RunMonitor *m, RunStore *store, qint64 id,
                                           int timeoutMs = 30000)
    {
        auto followed = std::make_shared<Followed>();
        bool ended = false;
        QObject::connect(m, &RunMonitor::outputsRead, m,
                         [followed, id](qint64 which, const RunInfo &run,
                                        const QList<RunOutput> &outputs, const ApiError &error) {
                             if (which != id)
                                 return;
                             followed->run = run;
                             followed->outputs = outputs;
                             followed->outputError = error;
                         });
        QObject::connect(m, &RunMonitor::runEnded, m,
                         [&ended, id](qint64 which) { ended = ended || which == id; });
        if (!QTest::qWaitFor([&] { return ended; }, Test::scaledTimeout(timeoutMs)))
            return std::nullopt;
        QObject::disconnect(m, &RunMonitor::runEnded, m, nullptr);
        const auto r = store->record(id);
        if (!r)
            return std::nullopt;
        followed->record = *r;
        if (followed->run.runId == 0) {
            followed->run.runId = r->runId;
            followed->run.state = r->state;
        }
        return *followed;
    }

private Q_SLOTS:
    void init() { m_workspace.emplace(); }
    void cleanup()
    {
        // The monitors (children of this) go before the client they use.
        qDeleteAll(findChildren<RunMonitor *>());
        m_stores.clear();
        m_workspace.reset();
    }

    void everyDemoNotebook_data()
    {
        QTest::addColumn<QString>("notebook");
        QTest::addColumn<QString>("cluster");
        QTest::addColumn<QString>("finalState");
        QTest::addColumn<bool>("hasResult");
        QTest::addColumn<bool>("hasError");
        QTest::addColumn<bool>("truncated");
        QTest::newRow("hello") << "/Shared/Demo/hello"
                               << "demo-cluster"
                               << "TERMINATED SUCCESS" << true << false << false;
        QTest::newRow("cold cluster") << "/Shared/Demo/hello"
                                      << "demo-cluster-cold"
                                      << "TERMINATED SUCCESS" << true << false << false;
        QTest::newRow("failing") << "/Shared/Demo/failing"
                                 << "demo-cluster"
                                 << "TERMINATED FAILED" << false << true << false;
        QTest::newRow("no_exit") << "/Shared/Demo/no_exit"
                                 << "demo-cluster"
                                 << "TERMINATED SUCCESS" << false << false << false;
        QTest::newRow("big_output") << "/Shared/Demo/big_output"
                                    << "demo-cluster"
                                    << "TERMINATED SUCCESS" << true << false << true;
        QTest::newRow("internal_error") << "/Shared/Demo/internal_error"
                                        << "demo-cluster"
                                        << "INTERNAL_ERROR" << false << true << false;
        QTest::newRow("skipped") << "/Shared/Demo/skipped"
                                 << "demo-cluster"
                                 << "SKIPPED" << false << false << false;
    }
    void everyDemoNotebook()
    {
        QFETCH(QString, notebook);
        QFETCH(QString, cluster);
        QFETCH(QString, finalState);
        QFETCH(bool, hasResult);
        QFETCH(bool, hasError);
        QFETCH(bool, truncated);
        QVERIFY(startEmulator(100));
        RunMonitor *m = engine();
        RunStore *store = m_stores.back().get();
        QList<RunState> states;
        collectStates(m, store, &states);
        QString error;
        const qint64 id = m->submit(record(spec(notebook, cluster)), &error);
        QVERIFY2(id > 0, qPrintable(error));
        // The idempotency token is kept before the submit goes out.
        QVERIFY(!store->record(id)->idempotencyToken.isEmpty());
        const auto outcome = waitFor(m, store, id);
        QVERIFY(outcome);
        QCOMPARE(int(outcome->record.tracking), int(RunRecord::Tracking::Finished));
        QVERIFY(outcome->record.runId > 0);
        QVERIFY2(outcome->record.state.summary().startsWith(finalState),
                 qPrintable(outcome->record.state.summary()));
        QCOMPARE(emulator()->createdRunCount(), 1);
        QVERIFY(!m->isTracking(id));

        // Only the last observed state is terminal; earlier ones are not.
        QVERIFY(!states.isEmpty());
        for (int i = 0; i + 1 < states.size(); ++i)
            QVERIFY(!states.at(i).isTerminal());
        QVERIFY(states.last().isTerminal());

        // The output was read with the TASK run id, not the parent's.
        QVERIFY(!outcome->outputError.isError());
        QVERIFY2(outcome->record.lastError.isEmpty(), qPrintable(outcome->record.lastError));
        const RunOutput *out = outcome->primaryOutput();
        QVERIFY(out);
        QCOMPARE(out->taskRunId, outcome->run.tasks.first().runId);
        QVERIFY(out->taskRunId != outcome->record.runId);
        QCOMPARE(out->hasNotebookResult, hasResult);
        QCOMPARE(!out->error.isEmpty(), hasError);
        QCOMPARE(out->truncated, truncated);
        if (truncated) { // the first 5 MB, not splitting a UTF-8 character
            const auto bytes = out->notebookResult.toUtf8().size();
            QVERIFY2(bytes <= 5 * 1024 * 1024 && bytes > 5 * 1024 * 1024 - 4,
                     qPrintable(QString::number(bytes)));
        }
        // The record keeps the primary task's output.
        QVERIFY(outcome->record.hasOutput);
        QCOMPARE(outcome->record.output.notebookResult, out->notebookResult);
        QCOMPARE(outcome->record.taskRunId, out->taskRunId);
    }
    void passesThroughSeveralStates()
    {
        QVERIFY(startEmulator(20));
        RunMonitor *m = engine();
        RunStore *store = m_stores.back().get();
        QList<RunState> states;
        collectStates(m, store, &states);
        const qint64 id = m->submit(record(spec(QStringLiteral("/Shared/Demo/hello"))));
        QVERIFY(waitFor(m, store, id));
        QStringList seen;
        for (const RunState &state : std::as_const(states)) {
            if (seen.isEmpty() || seen.last() != state.lifeCycleState)
                seen << state.lifeCycleState;
        }
        QVERIFY2(seen.contains(QStringLiteral("RUNNING")), qPrintable(seen.join(QLatin1Char(','))));
        QVERIFY2(seen.size() >= 3, qPrintable(seen.join(QLatin1Char(','))));
        QCOMPARE(seen.last(), QStringLiteral("TERMINATED"));
    }
    void echoesParameters()
    {
        QVERIFY(startEmulator(100));
        RunMonitor *m = engine();
        RunSpec s = spec(QStringLiteral("/Shared/Demo/echo_params"));
        s.parameters = {{QStringLiteral("date"), QStringLiteral("2026-11-26")},
                        {QStringLiteral("city"), QStringLiteral("Zürich")}};
        const qint64 id = m->submit(record(s));
        const auto outcome = waitFor(m, m_stores.back().get(), id);
        QVERIFY(outcome && outcome->primaryOutput());
        const QString result = outcome->primaryOutput()->notebookResult;
        QVERIFY2(result.contains(QStringLiteral("2026-11-26")) &&
                     result.contains(QStringLiteral("Zürich")),
                 qPrintable(result));
    }
    void retriedTaskReadsItsLastAttempt()
    {
        // /Shared/Demo/flaky fails once, then succeeds: the run lists two attempts of one task.
        QVERIFY(startEmulator(100));
        RunMonitor *m = engine();
        RunSpec s = spec(QStringLiteral("/Shared/Demo/flaky"));
        s.maxRetries = 1;
        s.minRetryIntervalMillis = 1000;
        const qint64 id = m->submit(record(s));
        const auto outcome = waitFor(m, m_stores.back().get(), id);
        QVERIFY(outcome);
        QCOMPARE(outcome->record.tracking, RunRecord::Tracking::Finished);
        const RunInfo &run = outcome->run;
        QCOMPARE(run.tasks.size(), 2);
        QCOMPARE(run.latestAttempts().size(), 1);
        const TaskRun *task = run.primaryTask(s.taskKey);
        QVERIFY(task);
        QCOMPARE(task->attemptNumber, 1);
        QVERIFY(task->state.isSuccess());
        QVERIFY(task->originalAttemptRunId > 0 && task->originalAttemptRunId != task->runId);
        QCOMPARE(outcome->record.attemptNumber, 1);
        // One output, the retry's: the result, not the first attempt's error.
        QCOMPARE(outcome->outputs.size(), 1);
        QCOMPARE(outcome->primaryOutput()->taskRunId, task->runId);
        QVERIFY(outcome->primaryOutput()->hasNotebookResult);
        QVERIFY2(outcome->primaryOutput()->error.isEmpty(),
                 qPrintable(outcome->primaryOutput()->error));
        QVERIFY(!outcome->outputError.isError());
    }
    // The same outcomes when the answers carry only `status` (its termination codes read as
    // `state` would say), and an unknown code ends the wait without counting as a success.
    void statusOnlyAnswers_data()
    {
        QTest::addColumn<QString>("notebook");
        QTest::addColumn<QString>("finalState");
        QTest::addColumn<bool>("success");
        // Whether the run runs before it ends: a skipped run goes from PENDING to SKIPPED in
        // a few simulated seconds, which a busy machine's first poll may not catch.
        QTest::addColumn<bool>("runs");
        QTest::newRow("hello") << "/Shared/Demo/hello"
                               << "TERMINATED SUCCESS" << true << true;
        QTest::newRow("failing") << "/Shared/Demo/failing"
                                 << "TERMINATED FAILED" << false << true;
        QTest::newRow("internal_error") << "/Shared/Demo/internal_error"
                                        << "INTERNAL_ERROR FAILED" << false << true;
        QTest::newRow("skipped") << "/Shared/Demo/skipped"
                                 << "SKIPPED" << false << false;
        QTest::newRow("future") << "/Shared/Demo/future"
                                << "TERMINATED WORKLOAD_PREEMPTED" << false << true;
    }
    void statusOnlyAnswers()
    {
        QFETCH(QString, notebook);
        QFETCH(QString, finalState);
        QFETCH(bool, success);
        QFETCH(bool, runs);
        // Slow enough that the running states last a few hundred real milliseconds.
        QVERIFY(startEmulator(runs ? 20 : 100, true));
        RunMonitor *m = engine();
        RunStore *store = m_stores.back().get();
        QList<RunState> states;
        collectStates(m, store, &states);
        const qint64 id = m->submit(record(spec(notebook)));
        const auto outcome = waitFor(m, store, id);
        QVERIFY(outcome);
        QCOMPARE(int(outcome->record.tracking), int(RunRecord::Tracking::Finished));
        QCOMPARE(outcome->record.state.summary(), finalState);
        QCOMPARE(outcome->record.state.isSuccess(), success);
        QVERIFY(outcome->run.primaryTask());
        QCOMPARE(outcome->run.primaryTask()->state.summary(), finalState);
        // Every state before the last was a running one, read from `status.state` too.
        QVERIFY(!states.isEmpty());
        if (runs)
            QVERIFY2(states.size() >= 2, "the running states were not seen");
        for (int i = 0; i + 1 < states.size(); ++i)
            QVERIFY(!states.at(i).isTerminal());
    }
    // Cancels the run once it is seen RUNNING.
    static void cancelWhenRunning(RunMonitor *m, RunStore *store)
    {
        QObject::connect(m, &RunMonitor::runChanged, m, [m, store](qint64 id) {
            const auto r = store->record(id);
            if (r && r->isActive() && r->state.lifeCycleState == QLatin1String("RUNNING"))
                m->cancel(id);
        });
    }
    void statusOnlyCancel()
    {
        QVERIFY(startEmulator(20, true));
        RunMonitor *m = engine();
        RunStore *store = m_stores.back().get();
        cancelWhenRunning(m, store);
        const qint64 id = m->submit(record(spec(QStringLiteral("/Shared/Demo/slow_report"))));
        const auto outcome = waitFor(m, store, id);
        QVERIFY(outcome);
        // USER_CANCELED, not FAILED.
        QCOMPARE(outcome->record.state.summary(), QStringLiteral("TERMINATED CANCELED"));
        QVERIFY(outcome->record.state.userCancelledOrTimedOut);
    }
    void cancelWhileRunning()
    {
        QVERIFY(startEmulator(20));
        RunMonitor *m = engine();
        RunStore *store = m_stores.back().get();
        cancelWhenRunning(m, store);
        QSignalSpy cancelSent(m, &RunMonitor::cancelSent);
        const qint64 id = m->submit(record(spec(QStringLiteral("/Shared/Demo/slow_report"))));
        const auto outcome = waitFor(m, store, id);
        QVERIFY(outcome);
        QCOMPARE(int(outcome->record.tracking), int(RunRecord::Tracking::Finished));
        QCOMPARE(outcome->record.state.summary(), QStringLiteral("TERMINATED CANCELED"));
        QVERIFY(!cancelSent.isEmpty());
        QCOMPARE(cancelSent.first().first().toLongLong(), id);
    }
    void cancelBeforeTheRunIdIsKnown()
    {
        QVERIFY(startEmulator(20));
        RunMonitor *m = engine();
        const qint64 id = m->submit(record(spec(QStringLiteral("/Shared/Demo/slow_report"))));
        m->cancel(id); // still submitting: sent once the id arrives
        const auto outcome = waitFor(m, m_stores.back().get(), id);
        QVERIFY(outcome);
        QCOMPARE(outcome->record.state.summary(), QStringLiteral("TERMINATED CANCELED"));
    }
    // What a client-side timeout does: stop following, the run goes on at the service.
    void releaseLeavesTheRunGoing()
    {
        QVERIFY(startEmulator(10));
        RunMonitor *m = engine();
        RunStore *store = m_stores.back().get();
        const qint64 id = m->submit(record(spec(QStringLiteral("/Shared/Demo/slow_report"))));
        QVERIFY(QTest::qWaitFor(
            [&] {
                const auto r = store->record(id);
                return r && r->runId > 0 && !r->state.lifeCycleState.isEmpty();
            },
            Test::scaledTimeout(30000)));
        QSignalSpy ended(m, &RunMonitor::runEnded);
        m->release(id);
        QVERIFY(!m->isTracking(id));
        QTest::qWait(100);
        QVERIFY(ended.isEmpty());
        const RunRecord left = *store->record(id);
        QVERIFY(left.isActive());
        // The service still has it running: follow it again to the end.
        RunMonitor *again = engine();
        RunRecord known;
        known.profile = left.profile;
        known.host = left.host;
        known.runId = left.runId;
        QString error;
        const qint64 followed = again->follow(known, &error);
        QVERIFY2(followed > 0, qPrintable(error));
        again->cancel(followed);
        const auto end = waitFor(again, m_stores.back().get(), followed);
        QVERIFY(end);
        QCOMPARE(end->record.runId, left.runId);
        QCOMPARE(end->record.state.summary(), QStringLiteral("TERMINATED CANCELED"));
        QCOMPARE(emulator()->createdRunCount(), 1);
    }
    void followAFinishedRun()
    {
        QVERIFY(startEmulator(200));
        RunMonitor *first = engine();
        const qint64 firstId = first->submit(record(spec(QStringLiteral("/Shared/Demo/hello"))));
        const auto done = waitFor(first, m_stores.back().get(), firstId);
        QVERIFY(done);
        RunMonitor *m = engine();
        RunRecord known;
        known.runId = done->record.runId;
        const qint64 id = m->follow(known);
        QVERIFY(id > 0);
        const auto outcome = waitFor(m, m_stores.back().get(), id);
        QVERIFY(outcome);
        QCOMPARE(outcome->record.state.summary(), QStringLiteral("TERMINATED SUCCESS"));
        QVERIFY(outcome->primaryOutput() && outcome->primaryOutput()->hasNotebookResult);
        QVERIFY(outcome->record.hasOutput && outcome->record.output.hasNotebookResult);
        QCOMPARE(emulator()->createdRunCount(), 1);
    }
    void submitRefused()
    {
        QVERIFY(startEmulator(100));
        RunMonitor *m = engine();
        const qint64 id = m->submit(
            record(spec(QStringLiteral("/Shared/Demo/hello"), QStringLiteral("nope-cluster"))));
        const auto outcome = waitFor(m, m_stores.back().get(), id);
        QVERIFY(outcome);
        QCOMPARE(int(outcome->record.tracking), int(RunRecord::Tracking::SubmitFailed));
        QCOMPARE(outcome->record.runId, 0);
        QVERIFY2(outcome->record.lastError.startsWith(QLatin1String("HTTP 400")),
                 qPrintable(outcome->record.lastError));
        QCOMPARE(emulator()->createdRunCount(), 0);
    }
    void wrongToken()
    {
        // A refused token pauses the profile's runs; the run is kept (not ended, not failed).
        QVERIFY(startEmulator(100));
        m_workspace->transport()->setEndpoint(QUrl(emulator()->baseUrl()),
                                              QStringLiteral("dapi-test-wrong"));
        RunMonitor *m = engine();
        QSignalSpy authFailed(m, &RunMonitor::authenticationFailed);
        QSignalSpy ended(m, &RunMonitor::runEnded);
        RunRecord r = record(spec(QStringLiteral("/Shared/Demo/hello")));
        const qint64 id = m->submit(r);
        QVERIFY(QTest::qWaitFor([&] { return !authFailed.isEmpty(); }, Test::scaledTimeout(30000)));
        QCOMPARE(authFailed.first().first().toString(), r.profile);
        QVERIFY(authFailed.first().at(1).value<ApiError>().isAuthentication());
        QVERIFY(ended.isEmpty());
        QVERIFY(m->isTracking(id));
        QVERIFY(m->pausedProfiles().contains(r.profile));
        QCOMPARE(int(m_stores.back()->record(id)->tracking), int(RunRecord::Tracking::Submitting));
        QCOMPARE(emulator()->createdRunCount(), 0);
        // The right token: the same submit goes on.
        m_workspace->transport()->setEndpoint(QUrl(emulator()->baseUrl()), emulator()->token());
        m->resume(r.profile);
        const auto outcome = waitFor(m, m_stores.back().get(), id);
        QVERIFY(outcome);
        QCOMPARE(outcome->record.state.summary(), QStringLiteral("TERMINATED SUCCESS"));
        QCOMPARE(emulator()->createdRunCount(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_RunMonitorFollow)
#include "tst_runmonitorfollow.moc"
