// SPDX-License-Identifier: Apache-2.0
// The seed workflow end to end against the demo workspace, over real loopback HTTP.
#include "Emulator.h"
#include "TestTimeouts.h"
#include "api/JobsClient.h"
#include "workflow/SubmitAndWait.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace Brickrun;

class tst_SubmitAndWait : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Emulator::Emulator> m_emulator;
    QNetworkAccessManager m_nam;
    HttpTransport *m_transport = nullptr;
    JobsClient *m_client = nullptr;

    // statusOnly: every run answers with `status` and no `state`, as newer answers may.
    void startEmulator(double speed, bool statusOnly = false)
    {
        Emulator::EmulatorOptions o;
        o.speed = speed;
        o.statusOnly = statusOnly;
        o.token = QStringLiteral("dapi-test-workflow");
        m_emulator = std::make_unique<Emulator::Emulator>(o);
        QString error;
        QVERIFY2(m_emulator->start(&error), qPrintable(error));
        m_transport->setEndpoint(QUrl(m_emulator->baseUrl()), m_emulator->token());
    }

    SubmitAndWait *workflow()
    {
        auto *w = new SubmitAndWait(m_client, this);
        PollPolicy p;
        p.timeScale = m_emulator->speed();
        w->setPollPolicy(p);
        return w;
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

    static std::optional<WorkflowOutcome> waitFor(SubmitAndWait *w, int timeoutMs = 30000)
    {
        std::optional<WorkflowOutcome> outcome;
        QObject::connect(w, &SubmitAndWait::finished, w,
                         [&outcome](const WorkflowOutcome &o) { outcome = o; });
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, Test::scaledTimeout(timeoutMs)))
            return std::nullopt;
        return outcome;
    }

private Q_SLOTS:
    void init()
    {
        m_transport = new HttpTransport(&m_nam, this);
        m_client = new JobsClient(m_transport, this);
    }
    void cleanup()
    {
        delete m_client;
        delete m_transport;
        // Close idle keep-alive connections first, so the server stops at once.
        m_nam.clearConnectionCache();
        m_emulator.reset();
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
        startEmulator(100);
        SubmitAndWait *w = workflow();
        QSignalSpy states(w, &SubmitAndWait::stateChanged);
        QSignalSpy tokens(w, &SubmitAndWait::aboutToSubmit);
        w->submit(spec(notebook, cluster));
        const auto outcome = waitFor(w);
        QVERIFY(outcome);
        QCOMPARE(int(outcome->kind), int(WorkflowOutcome::Kind::Finished));
        QVERIFY(outcome->runId > 0);
        QVERIFY2(outcome->run.state.summary().startsWith(finalState),
                 qPrintable(outcome->run.state.summary()));
        QCOMPARE(m_emulator->createdRunCount(), 1);
        QCOMPARE(tokens.size(), 1);
        QVERIFY(!tokens.first().first().toString().isEmpty());

        // Only the last observed state is terminal; earlier ones are not.
        QVERIFY(!states.isEmpty());
        for (int i = 0; i + 1 < states.size(); ++i)
            QVERIFY(!states.at(i).first().value<RunInfo>().state.isTerminal());
        QVERIFY(states.last().first().value<RunInfo>().state.isTerminal());

        // The output was read with the TASK run id, not the parent's.
        QVERIFY(!outcome->error.isError());
        const RunOutput *out = outcome->primaryOutput();
        QVERIFY(out);
        QCOMPARE(out->taskRunId, outcome->run.tasks.first().runId);
        QVERIFY(out->taskRunId != outcome->runId);
        QCOMPARE(out->hasNotebookResult, hasResult);
        QCOMPARE(!out->error.isEmpty(), hasError);
        QCOMPARE(out->truncated, truncated);
        if (truncated) { // the first 5 MB, not splitting a UTF-8 character
            const auto bytes = out->notebookResult.toUtf8().size();
            QVERIFY2(bytes <= 5 * 1024 * 1024 && bytes > 5 * 1024 * 1024 - 4,
                     qPrintable(QString::number(bytes)));
        }
    }
    void passesThroughSeveralStates()
    {
        startEmulator(20);
        SubmitAndWait *w = workflow();
        QStringList seen;
        connect(w, &SubmitAndWait::stateChanged, this,
                [&seen](const RunInfo &r) { seen << r.state.lifeCycleState; });
        w->submit(spec(QStringLiteral("/Shared/Demo/hello")));
        const auto outcome = waitFor(w);
        QVERIFY(outcome);
        QVERIFY2(seen.contains(QStringLiteral("RUNNING")), qPrintable(seen.join(QLatin1Char(','))));
        QVERIFY2(seen.size() >= 3, qPrintable(seen.join(QLatin1Char(','))));
        QCOMPARE(seen.last(), QStringLiteral("TERMINATED"));
    }
    void echoesParameters()
    {
        startEmulator(100);
        SubmitAndWait *w = workflow();
        RunSpec s = spec(QStringLiteral("/Shared/Demo/echo_params"));
        s.parameters = {{QStringLiteral("date"), QStringLiteral("2026-11-26")},
                        {QStringLiteral("city"), QStringLiteral("Zürich")}};
        w->submit(s);
        const auto outcome = waitFor(w);
        QVERIFY(outcome && outcome->primaryOutput());
        const QString result = outcome->primaryOutput()->notebookResult;
        QVERIFY2(result.contains(QStringLiteral("2026-11-26")) &&
                     result.contains(QStringLiteral("Zürich")),
                 qPrintable(result));
    }
    void retriedTaskReadsItsLastAttempt()
    {
        // /Shared/Demo/flaky fails once, then succeeds: the run lists two attempts of one task.
        startEmulator(100);
        SubmitAndWait *w = workflow();
        RunSpec s = spec(QStringLiteral("/Shared/Demo/flaky"));
        s.maxRetries = 1;
        s.minRetryIntervalMillis = 1000;
        w->submit(s);
        const auto outcome = waitFor(w);
        QVERIFY(outcome);
        QCOMPARE(outcome->kind, WorkflowOutcome::Kind::Finished);
        const RunInfo &run = outcome->run;
        QCOMPARE(run.tasks.size(), 2);
        QCOMPARE(run.latestAttempts().size(), 1);
        const TaskRun *task = run.primaryTask(s.taskKey);
        QVERIFY(task);
        QCOMPARE(task->attemptNumber, 1);
        QVERIFY(task->state.isSuccess());
        QVERIFY(task->originalAttemptRunId > 0 && task->originalAttemptRunId != task->runId);
        // One output, the retry's: the result, not the first attempt's error.
        QCOMPARE(outcome->outputs.size(), 1);
        QCOMPARE(outcome->primaryOutput()->taskRunId, task->runId);
        QVERIFY(outcome->primaryOutput()->hasNotebookResult);
        QVERIFY2(outcome->primaryOutput()->error.isEmpty(),
                 qPrintable(outcome->primaryOutput()->error));
        QVERIFY(!outcome->error.isError());
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
        startEmulator(runs ? 20 : 100, true);
        SubmitAndWait *w = workflow();
        QSignalSpy states(w, &SubmitAndWait::stateChanged);
        w->submit(spec(notebook));
        const auto outcome = waitFor(w);
        QVERIFY(outcome);
        QCOMPARE(int(outcome->kind), int(WorkflowOutcome::Kind::Finished));
        QCOMPARE(outcome->run.state.summary(), finalState);
        QCOMPARE(outcome->run.state.isSuccess(), success);
        QCOMPARE(outcome->run.primaryTask()->state.summary(), finalState);
        // Every state before the last was a running one, read from `status.state` too.
        QVERIFY(!states.isEmpty());
        if (runs)
            QVERIFY2(states.size() >= 2, "the running states were not seen");
        for (int i = 0; i + 1 < states.size(); ++i)
            QVERIFY(!states.at(i).first().value<RunInfo>().state.isTerminal());
    }
    void statusOnlyCancel()
    {
        startEmulator(20, true);
        SubmitAndWait *w = workflow();
        connect(w, &SubmitAndWait::stateChanged, this, [w](const RunInfo &r) {
            if (r.state.lifeCycleState == QLatin1String("RUNNING"))
                w->cancelRun();
        });
        w->submit(spec(QStringLiteral("/Shared/Demo/slow_report")));
        const auto outcome = waitFor(w);
        QVERIFY(outcome);
        // USER_CANCELED, not FAILED.
        QCOMPARE(outcome->run.state.summary(), QStringLiteral("TERMINATED CANCELED"));
        QVERIFY(outcome->run.state.userCancelledOrTimedOut);
    }
    void cancelWhileRunning()
    {
        startEmulator(20);
        SubmitAndWait *w = workflow();
        connect(w, &SubmitAndWait::stateChanged, this, [w](const RunInfo &r) {
            if (r.state.lifeCycleState == QLatin1String("RUNNING"))
                w->cancelRun();
        });
        QSignalSpy cancelSent(w, &SubmitAndWait::cancelSent);
        w->submit(spec(QStringLiteral("/Shared/Demo/slow_report")));
        const auto outcome = waitFor(w);
        QVERIFY(outcome);
        QCOMPARE(int(outcome->kind), int(WorkflowOutcome::Kind::Finished));
        QCOMPARE(outcome->run.state.summary(), QStringLiteral("TERMINATED CANCELED"));
        QVERIFY(outcome->cancelRequested);
        QVERIFY(!cancelSent.isEmpty());
    }
    void cancelBeforeTheRunIdIsKnown()
    {
        startEmulator(20);
        SubmitAndWait *w = workflow();
        w->submit(spec(QStringLiteral("/Shared/Demo/slow_report")));
        w->cancelRun(); // still submitting: sent once the id arrives
        const auto outcome = waitFor(w);
        QVERIFY(outcome);
        QCOMPARE(outcome->run.state.summary(), QStringLiteral("TERMINATED CANCELED"));
    }
    void clientTimeoutLeavesTheRunGoing()
    {
        startEmulator(10);
        SubmitAndWait *w = workflow();
        w->setTimeout(std::chrono::milliseconds(400));
        w->submit(spec(QStringLiteral("/Shared/Demo/slow_report")));
        const auto outcome = waitFor(w);
        QVERIFY(outcome);
        QCOMPARE(int(outcome->kind), int(WorkflowOutcome::Kind::TimedOut));
        QVERIFY(outcome->runId > 0);
        QTest::qWait(100);
        // The service still has it running: follow it again to the end.
        SubmitAndWait *again = workflow();
        again->follow(outcome->runId);
        again->cancelRun();
        const auto end = waitFor(again);
        QVERIFY(end);
        QCOMPARE(end->run.state.summary(), QStringLiteral("TERMINATED CANCELED"));
    }
    void followAFinishedRun()
    {
        startEmulator(200);
        SubmitAndWait *first = workflow();
        first->submit(spec(QStringLiteral("/Shared/Demo/hello")));
        const auto done = waitFor(first);
        QVERIFY(done);
        SubmitAndWait *w = workflow();
        w->follow(done->runId);
        const auto outcome = waitFor(w);
        QVERIFY(outcome);
        QCOMPARE(outcome->run.state.summary(), QStringLiteral("TERMINATED SUCCESS"));
        QVERIFY(outcome->primaryOutput() && outcome->primaryOutput()->hasNotebookResult);
    }
    void submitRefused()
    {
        startEmulator(100);
        SubmitAndWait *w = workflow();
        w->submit(spec(QStringLiteral("/Shared/Demo/hello"), QStringLiteral("nope-cluster")));
        const auto outcome = waitFor(w);
        QVERIFY(outcome);
        QCOMPARE(int(outcome->kind), int(WorkflowOutcome::Kind::Failed));
        QCOMPARE(outcome->runId, 0);
        QCOMPARE(outcome->error.httpStatus, 400);
        QCOMPARE(m_emulator->createdRunCount(), 0);
    }
    void wrongToken()
    {
        startEmulator(100);
        m_transport->setEndpoint(QUrl(m_emulator->baseUrl()), QStringLiteral("dapi-test-wrong"));
        SubmitAndWait *w = workflow();
        w->submit(spec(QStringLiteral("/Shared/Demo/hello")));
        const auto outcome = waitFor(w);
        QVERIFY(outcome);
        QCOMPARE(int(outcome->kind), int(WorkflowOutcome::Kind::Failed));
        QVERIFY(outcome->error.isAuthentication());
    }
};

QTEST_GUILESS_MAIN(tst_SubmitAndWait)
#include "tst_submitandwait.moc"
