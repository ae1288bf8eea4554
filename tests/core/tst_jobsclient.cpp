// SPDX-License-Identifier: Apache-2.0
// JobsClient against the demo workspace over real loopback HTTP.
#include "EmulatorFixture.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace Brickrun;

class tst_JobsClient : public QObject
{
    Q_OBJECT
private:
    std::optional<Test::EmulatorFixture> m_workspace;

    template<typename T, typename F>
    std::optional<Result<T>> wait(F start)
    {
        std::optional<Result<T>> result;
        start([&result](const Result<T> &r) { result = r; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
            return std::nullopt;
        return result;
    }

    RunSpec spec(const char *notebook)
    {
        RunSpec s;
        s.notebookPath = QString::fromLatin1(notebook);
        s.clusterId = QStringLiteral("demo-cluster");
        return s;
    }

    qint64 submit(const RunSpec &s, const QString &token = QString())
    {
        const auto r = wait<qint64>([&](auto cb) { client()->submit(s, token, this, cb); });
        return r && r->isOk() ? r->value() : 0;
    }

    RunInfo waitUntilTerminal(qint64 runId)
    {
        RunInfo last;
        [[maybe_unused]] const bool ended = QTest::qWaitFor(
            [&] {
                const auto r = wait<RunInfo>([&](auto cb) { client()->getRun(runId, this, cb); });
                if (r && r->isOk())
                    last = r->value();
                return last.state.isTerminal();
            },
            20000);
        return last;
    }

    // The demo workspace serving these Jobs API versions (empty: all), and a fresh client for it.
    bool startWorkspace(const QStringList &jobsApiVersions = {})
    {
        Emulator::EmulatorOptions o =
            Test::EmulatorFixture::options(200, QStringLiteral("dapi-test-jobsclient"));
        if (!jobsApiVersions.isEmpty())
            o.jobsApiVersions = jobsApiVersions;
        m_workspace.emplace();
        return m_workspace->start(o);
    }
    Emulator::Emulator *emulator() const { return m_workspace->emulator(); }
    HttpTransport *transport() const { return m_workspace->transport(); }
    JobsClient *client() const { return m_workspace->client(); }

private Q_SLOTS:
    void init() { QVERIFY(startWorkspace()); }
    void cleanup() { m_workspace.reset(); }

    void submitGetOutput()
    {
        const qint64 id = submit(spec("/Shared/Demo/hello"), QStringLiteral("tok-a"));
        QVERIFY(id > 0);
        const RunInfo run = waitUntilTerminal(id);
        QCOMPARE(run.state.summary(), QStringLiteral("TERMINATED SUCCESS"));
        QCOMPARE(run.tasks.size(), 1);
        const qint64 taskRunId = run.tasks.first().runId;
        QVERIFY(taskRunId > 0 && taskRunId != id);
        QCOMPARE(run.tasks.first().taskKey, QStringLiteral("main"));
        QVERIFY(!run.runPageUrl.isEmpty());

        const auto out =
            wait<RunOutput>([&](auto cb) { client()->getOutput(taskRunId, this, cb); });
        QVERIFY(out && out->isOk());
        QVERIFY(out->value().hasNotebookResult);
        QVERIFY(out->value().notebookResult.startsWith(QLatin1Char('[')));
        QVERIFY(!out->value().truncated);
    }
    void parentRunIdOutputIsRefused()
    {
        const qint64 id = submit(spec("/Shared/Demo/hello"));
        waitUntilTerminal(id);
        const auto out = wait<RunOutput>([&](auto cb) { client()->getOutput(id, this, cb); });
        QVERIFY(out && !out->isOk());
        QCOMPARE(out->error().httpStatus, 400);
        QCOMPARE(out->error().errorCode, QStringLiteral("INVALID_PARAMETER_VALUE"));
        QVERIFY(out->error().message.contains(QStringLiteral("multiple tasks")));
    }
    void idempotentSubmit()
    {
        const RunSpec s = spec("/Shared/Demo/slow_report");
        const qint64 first = submit(s, QStringLiteral("same-token"));
        const qint64 second = submit(s, QStringLiteral("same-token"));
        QVERIFY(first > 0);
        QCOMPARE(second, first);
        QCOMPARE(emulator()->createdRunCount(), 1);
        QVERIFY(submit(s, QStringLiteral("other-token")) != first);
        QCOMPARE(emulator()->createdRunCount(), 2);
    }
    void rejectedSubmitNamesTheProblem()
    {
        RunSpec s = spec("/Shared/Demo/hello");
        s.clusterId = QStringLiteral("no-such-cluster");
        const auto r = wait<qint64>([&](auto cb) { client()->submit(s, QString(), this, cb); });
        QVERIFY(r && !r->isOk());
        QCOMPARE(r->error().httpStatus, 400);
        QVERIFY2(r->error().message.contains(QStringLiteral("no-such-cluster")),
                 qPrintable(r->error().message));
        s = spec("/Shared/Demo/does_not_exist");
        const auto r2 = wait<qint64>([&](auto cb) { client()->submit(s, QString(), this, cb); });
        QVERIFY(r2 && !r2->isOk());
        QCOMPARE(r2->error().httpStatus, 400);
    }
    void wrongTokenIsAuthenticationError()
    {
        transport()->setEndpoint(QUrl(emulator()->baseUrl()), QStringLiteral("dapi-test-wrong"));
        const auto r = wait<RunInfo>([&](auto cb) { client()->getRun(1, this, cb); });
        QVERIFY(r && !r->isOk());
        QVERIFY(r->error().isAuthentication());
        QVERIFY(!r->error().message.isEmpty());
    }
    void everyPageOfAJobRun()
    {
        // A JOB_RUN with 250 tasks: Jobs API 2.2 answers them 100 at a time.
        qint64 id = 0;
        QString error;
        QVERIFY2(
            emulator()->createJobRun(QJsonObject{{QStringLiteral("task_count"), 250}}, &id, &error),
            qPrintable(error));
        emulator()->clearRequestLog();
        const auto run = wait<RunInfo>([&](auto cb) { client()->getRun(id, this, cb); });
        QVERIFY(run && run->isOk());
        QVERIFY2(run->value().tasks.size() >= 250,
                 qPrintable(QString::number(run->value().tasks.size())));
        QCOMPARE(run->value().latestAttempts().size(), 250);
        QVERIFY(run->value().primaryTask(QStringLiteral("flaky")));
        int pages = 0;
        for (const Emulator::RequestLogEntry &e : emulator()->requestLog())
            pages += e.path.endsWith(QLatin1String("/runs/get")) ? 1 : 0;
        QCOMPARE(pages, 3);
        // To its end: the flaky task's retry is the one read.
        const RunInfo done = waitUntilTerminal(id);
        QCOMPARE(done.latestAttempts().size(), 250);
        const TaskRun *flaky = done.primaryTask(QStringLiteral("flaky"));
        QVERIFY(flaky);
        QCOMPARE(flaky->attemptNumber, 1);
        QVERIFY(flaky->state.isSuccess());
        QCOMPARE(done.attemptsOf(QStringLiteral("flaky")), 2);
    }
    void workspaceServingOnly21()
    {
        cleanup();
        QVERIFY(startWorkspace({QStringLiteral("2.1")}));
        QSignalSpy changed(client(), &JobsClient::apiVersionChanged);

        const qint64 id = submit(spec("/Shared/Demo/hello"), QStringLiteral("tok-21"));
        QVERIFY(id > 0);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(client()->apiVersion(), QStringLiteral("2.1"));
        const RunInfo run = waitUntilTerminal(id);
        QCOMPARE(run.state.summary(), QStringLiteral("TERMINATED SUCCESS"));
        QCOMPARE(emulator()->createdRunCount(), 1);
        QCOMPARE(changed.size(), 1);
        int refused = 0;
        for (const Emulator::RequestLogEntry &e : emulator()->requestLog())
            refused += e.path.startsWith(QLatin1String("/api/2.2/")) ? 1 : 0;
        QCOMPARE(refused, 1); // asked once, then never again
    }
    void unknownRun()
    {
        const auto r = wait<RunInfo>([&](auto cb) { client()->getRun(424242, this, cb); });
        QVERIFY(r && !r->isOk());
        QVERIFY(r->error().isClientError());
        QVERIFY2(r->error().message.contains(QStringLiteral("424242")),
                 qPrintable(r->error().message));
    }
    void cancelAndList()
    {
        const qint64 id = submit(spec("/Shared/Demo/slow_report"));
        const auto c = wait<bool>([&](auto cb) { client()->cancel(id, this, cb); });
        QVERIFY(c && c->isOk());
        const RunInfo run = waitUntilTerminal(id);
        QCOMPARE(run.state.summary(), QStringLiteral("TERMINATED CANCELED"));

        const qint64 active = submit(spec("/Shared/Demo/slow_report"));
        JobsClient::ListQuery q;
        q.activeOnly = true;
        const auto page =
            wait<JsonMapping::RunListPage>([&](auto cb) { client()->listRuns(q, this, cb); });
        QVERIFY(page && page->isOk());
        QCOMPARE(page->value().runs.size(), 1);
        QCOMPARE(page->value().runs.first().runId, active);
        q.activeOnly = false;
        const auto all =
            wait<JsonMapping::RunListPage>([&](auto cb) { client()->listRuns(q, this, cb); });
        QCOMPARE(all->value().runs.size(), 2);
        QCOMPARE(all->value().runs.first().runId, active); // newest first
    }
    void apiVersion21()
    {
        client()->setApiVersion(QStringLiteral("2.1"));
        const qint64 id = submit(spec("/Shared/Demo/hello"));
        QVERIFY(id > 0);
        QCOMPARE(waitUntilTerminal(id).state.summary(), QStringLiteral("TERMINATED SUCCESS"));
    }
};

QTEST_GUILESS_MAIN(tst_JobsClient)
#include "tst_jobsclient.moc"
