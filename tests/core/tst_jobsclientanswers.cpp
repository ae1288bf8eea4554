// SPDX-License-Identifier: Apache-2.0
// JobsClient against answers of the live service that the demo workspace does not give by
// default, from a scripted server over real loopback HTTP: runs/get in pages (Jobs API 2.2
// pages tasks and for-each iterations at 100), and workspaces that do not serve 2.2.
#include "ScriptedHttpServer.h"
#include "TestTimeouts.h"
#include "api/JobsClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <optional>

using namespace Brickrun;
using Brickrun::Test::scaledTimeout;
using Brickrun::Test::ScriptedHttpServer;

namespace {

QUrlQuery queryOf(const ScriptedHttpServer::Request &r)
{
    const QByteArray target = r.target;
    const qsizetype q = target.indexOf('?');
    return QUrlQuery(q < 0 ? QString() : QString::fromUtf8(target.mid(q + 1)));
}

QByteArray pathOf(const ScriptedHttpServer::Request &r)
{
    const qsizetype q = r.target.indexOf('?');
    return q < 0 ? r.target : r.target.left(q);
}

QJsonObject task(qint64 runId, const QString &key, int attempt = 0)
{
    return QJsonObject{
        {QStringLiteral("run_id"), runId},
        {QStringLiteral("task_key"), key},
        {QStringLiteral("attempt_number"), attempt},
        {QStringLiteral("state"),
         QJsonObject{{QStringLiteral("life_cycle_state"), QStringLiteral("TERMINATED")},
                     {QStringLiteral("result_state"), QStringLiteral("SUCCESS")}}}};
}

ScriptedHttpServer::Reply answer(const QJsonObject &o)
{
    return ScriptedHttpServer::json(200, QJsonDocument(o).toJson(QJsonDocument::Compact));
}

ScriptedHttpServer::Reply badTarget(const QByteArray &path)
{
    // What some workspaces answered in 2025 for an API version they do not serve.
    return ScriptedHttpServer::json(404, R"({"error":"Bad Target: )" + path + R"("})");
}

// The tasks of a run with `total` task entries, in pages of 100 behind opaque tokens.
ScriptedHttpServer::Reply pagedRun(const ScriptedHttpServer::Request &r, int total)
{
    const QString token = queryOf(r).queryItemValue(QStringLiteral("page_token"));
    const int page = token.isEmpty() ? 0 : token.mid(4).toInt();
    QJsonArray tasks;
    for (int i = page * 100; i < std::min(total, (page + 1) * 100); ++i)
        tasks.append(task(1000 + i, QStringLiteral("t%1").arg(i)));
    QJsonObject o{{QStringLiteral("run_id"), 7},
                  {QStringLiteral("state"),
                   QJsonObject{{QStringLiteral("life_cycle_state"), QStringLiteral("TERMINATED")},
                               {QStringLiteral("result_state"), QStringLiteral("SUCCESS")}}},
                  {QStringLiteral("tasks"), tasks}};
    if ((page + 1) * 100 < total)
        o.insert(QStringLiteral("next_page_token"), QStringLiteral("tok-%1").arg(page + 1));
    return answer(o);
}

} // namespace

class tst_JobsClientAnswers : public QObject
{
    Q_OBJECT
private:
    QNetworkAccessManager m_nam;
    std::unique_ptr<ScriptedHttpServer> m_server;
    std::unique_ptr<HttpTransport> m_transport;
    std::unique_ptr<JobsClient> m_client;

    template<typename T, typename F>
    std::optional<Result<T>> wait(F start)
    {
        std::optional<Result<T>> result;
        start([&result](const Result<T> &r) { result = r; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, scaledTimeout(60000)))
            return std::nullopt;
        return result;
    }
    std::optional<Result<RunInfo>> getRun(qint64 id)
    {
        return wait<RunInfo>([&](auto cb) { m_client->getRun(id, this, cb); });
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<ScriptedHttpServer>();
        QVERIFY(m_server->listen());
        m_transport = std::make_unique<HttpTransport>(&m_nam);
        m_transport->setEndpoint(QUrl(QString::fromLatin1(m_server->baseUrl())),
                                 QStringLiteral("dapi-test-answers-0000"));
        m_transport->setRetryPolicy(RetryPolicy::none());
        m_transport->setRateLimit(0); // many pages in a test
        m_client = std::make_unique<JobsClient>(m_transport.get());
    }
    void cleanup()
    {
        m_client.reset();
        m_transport.reset();
        m_nam.clearConnectionCache();
        m_server.reset();
    }

    void everyPageOfTasks()
    {
        m_server->setFallback(
            [](const ScriptedHttpServer::Request &r) { return pagedRun(r, 250); });
        const auto run = getRun(7);
        QVERIFY(run && run->isOk());
        QCOMPARE(run->value().tasks.size(), 250);
        QCOMPARE(run->value().tasks.first().runId, 1000);
        QCOMPARE(run->value().tasks.last().runId, 1249);
        QCOMPARE(run->value().latestAttempts().size(), 250);
        // Three requests, each later one passing back the token it was given.
        const auto &requests = m_server->requests();
        QCOMPARE(requests.size(), 3);
        QVERIFY(!queryOf(requests[0]).hasQueryItem(QStringLiteral("page_token")));
        QCOMPARE(queryOf(requests[1]).queryItemValue(QStringLiteral("page_token")),
                 QStringLiteral("tok-1"));
        QCOMPARE(queryOf(requests[2]).queryItemValue(QStringLiteral("page_token")),
                 QStringLiteral("tok-2"));
        for (const auto &r : requests) {
            QCOMPARE(pathOf(r), QByteArray("/api/2.2/jobs/runs/get"));
            QCOMPARE(queryOf(r).queryItemValue(QStringLiteral("run_id")), QStringLiteral("7"));
        }
    }
    void attemptsAcrossPages()
    {
        // The retry of a task on the second page replaces its failed first attempt.
        m_server->enqueue(
            answer(QJsonObject{{QStringLiteral("run_id"), 7},
                               {QStringLiteral("tasks"), QJsonArray{task(1, QStringLiteral("a"))}},
                               {QStringLiteral("next_page_token"), QStringLiteral("p2")}}));
        QJsonObject retry = task(2, QStringLiteral("a"), 1);
        retry.insert(QStringLiteral("original_attempt_run_id"), 1);
        m_server->enqueue(answer(QJsonObject{{QStringLiteral("run_id"), 7},
                                             {QStringLiteral("tasks"), QJsonArray{retry}}}));
        const auto run = getRun(7);
        QVERIFY(run && run->isOk());
        QCOMPARE(run->value().tasks.size(), 2);
        QCOMPARE(run->value().primaryTask()->runId, 2);
        QCOMPARE(run->value().primaryTask()->originalAttemptRunId, 1);
    }
    void everyPageOfIterations()
    {
        // A for-each task's run: each page repeats the one for-each task and continues the
        // iterations.
        m_server->setFallback([](const ScriptedHttpServer::Request &r) {
            const bool second = queryOf(r).hasQueryItem(QStringLiteral("page_token"));
            QJsonArray iterations;
            for (int i = second ? 100 : 0; i < (second ? 130 : 100); ++i)
                iterations.append(task(5000 + i, QStringLiteral("each")));
            QJsonObject o{{QStringLiteral("run_id"), 9},
                          {QStringLiteral("tasks"), QJsonArray{task(9, QStringLiteral("each"))}},
                          {QStringLiteral("iterations"), iterations}};
            if (!second)
                o.insert(QStringLiteral("next_page_token"), QStringLiteral("it-2"));
            return answer(o);
        });
        const auto run = getRun(9);
        QVERIFY(run && run->isOk());
        QCOMPARE(run->value().tasks.size(), 1);
        QCOMPARE(run->value().iterations.size(), 130);
        QCOMPARE(run->value().iterations.last().runId, 5129);
        QCOMPARE(m_server->requests().size(), 2);
    }
    void repeatedTokenStops()
    {
        m_server->setFallback([](const ScriptedHttpServer::Request &) {
            return answer(QJsonObject{{QStringLiteral("run_id"), 7},
                                      {QStringLiteral("tasks"), QJsonArray{task(1, "a")}},
                                      {QStringLiteral("next_page_token"), QStringLiteral("same")}});
        });
        const auto run = getRun(7);
        QVERIFY(run && !run->isOk());
        QCOMPARE(run->error().kind, ApiError::Kind::BadResponse);
        QVERIFY2(run->error().message.contains(QStringLiteral("twice")),
                 qPrintable(run->error().message));
        QCOMPARE(m_server->requests().size(), 2);
    }
    void endlessPagesStop()
    {
        m_server->setFallback([](const ScriptedHttpServer::Request &r) {
            const int n = queryOf(r).queryItemValue(QStringLiteral("page_token")).toInt();
            return answer(QJsonObject{{QStringLiteral("run_id"), 7},
                                      {QStringLiteral("tasks"), QJsonArray{task(n + 1, "a")}},
                                      {QStringLiteral("next_page_token"), QString::number(n + 1)}});
        });
        QCOMPARE(JobsClient::DefaultMaxRunPages, 1000); // 100,000 task entries
        m_client->setMaxRunPages(40);
        const auto run = getRun(7);
        QVERIFY(run && !run->isOk());
        QCOMPARE(run->error().kind, ApiError::Kind::BadResponse);
        QVERIFY2(run->error().message.contains(QStringLiteral("more than 40 pages")),
                 qPrintable(run->error().message));
        QCOMPARE(m_server->requests().size(), 40);
    }

    void fallsBackTo21_data()
    {
        QTest::addColumn<QByteArray>("refusal");
        QTest::newRow("Bad Target")
            << QByteArray(R"({"error":"Bad Target: /api/2.2/jobs/runs/get"})");
        QTest::newRow("ENDPOINT_NOT_FOUND") << QByteArray(
            R"({"error_code":"ENDPOINT_NOT_FOUND","message":"No API found for 'GET /2.2/jobs/runs/get'"})");
    }
    void fallsBackTo21()
    {
        QFETCH(QByteArray, refusal);
        m_server->setFallback([refusal](const ScriptedHttpServer::Request &r) {
            if (r.target.startsWith("/api/2.2/"))
                return ScriptedHttpServer::json(404, refusal);
            if (r.target.startsWith("/api/2.1/jobs/runs/get-output"))
                return answer(
                    QJsonObject{{QStringLiteral("notebook_output"),
                                 QJsonObject{{QStringLiteral("result"), QStringLiteral("42")}}}});
            return answer(QJsonObject{{QStringLiteral("run_id"), 7},
                                      {QStringLiteral("tasks"), QJsonArray{task(8, "main")}}});
        });
        QSignalSpy changed(m_client.get(), &JobsClient::apiVersionChanged);
        const auto run = getRun(7);
        QVERIFY(run && run->isOk());
        QCOMPARE(run->value().primaryTask()->runId, 8);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().toString(), QStringLiteral("2.1"));
        QCOMPARE(m_client->apiVersion(), QStringLiteral("2.1"));
        // Later calls go to 2.1 at once.
        const auto out = wait<RunOutput>([&](auto cb) { m_client->getOutput(8, this, cb); });
        QVERIFY(out && out->isOk());
        QCOMPARE(out->value().notebookResult, QStringLiteral("42"));
        const auto &requests = m_server->requests();
        QCOMPARE(requests.size(), 3);
        QCOMPARE(pathOf(requests[0]), QByteArray("/api/2.2/jobs/runs/get"));
        QCOMPARE(pathOf(requests[1]), QByteArray("/api/2.1/jobs/runs/get"));
        QCOMPARE(pathOf(requests[2]), QByteArray("/api/2.1/jobs/runs/get-output"));
        QCOMPARE(changed.size(), 1);
    }
    void neitherVersionServed()
    {
        m_server->setFallback(
            [](const ScriptedHttpServer::Request &r) { return badTarget(pathOf(r)); });
        const auto run = getRun(7);
        QVERIFY(run && !run->isOk());
        QVERIFY(run->error().isEndpointNotServed());
        // The service's own words, for the version asked last.
        QVERIFY2(
            run->error().toString().contains(QStringLiteral("Bad Target: /api/2.1/jobs/runs/get")),
            qPrintable(run->error().toString()));
        QCOMPARE(m_server->requests().size(), 2); // 2.2 once, 2.1 once, no more
    }
    void otherNotFoundIsNoFallback()
    {
        // A run the workspace does not know is not a missing API version.
        m_server->setFallback([](const ScriptedHttpServer::Request &) {
            return ScriptedHttpServer::json(
                404,
                R"({"error_code":"RESOURCE_DOES_NOT_EXIST","message":"Run 7 does not exist."})");
        });
        QSignalSpy changed(m_client.get(), &JobsClient::apiVersionChanged);
        const auto run = getRun(7);
        QVERIFY(run && !run->isOk());
        QVERIFY(!run->error().isEndpointNotServed());
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(changed.size(), 0);
        QCOMPARE(m_client->apiVersion(), QStringLiteral("2.2"));
    }
};

QTEST_GUILESS_MAIN(tst_JobsClientAnswers)
#include "tst_jobsclientanswers.moc"
