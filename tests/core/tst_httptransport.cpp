// SPDX-License-Identifier: Apache-2.0
#include "ScriptedHttpServer.h"
#include "TestTimeouts.h"
#include "api/HttpTransport.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace Brickrun;
using Brickrun::Test::ScriptedHttpServer;
using ms = std::chrono::milliseconds;

namespace {
const QString FakeToken = QStringLiteral("dapi-test-not-a-real-token");

RetryPolicy fastRetries()
{
    RetryPolicy p;
    p.baseDelay = ms(10);
    p.maxDelay = ms(40);
    p.maxJitter = ms(0);
    p.maxAttempts = 4;
    return p;
}
} // namespace

class tst_HttpTransport : public QObject
{
    Q_OBJECT
private:
    QNetworkAccessManager *m_nam = nullptr;
    ScriptedHttpServer *m_server = nullptr;
    HttpTransport *m_transport = nullptr;

    std::optional<Result<QJsonObject>> call(HttpTransport::Request req = {})
    {
        if (req.path.isEmpty())
            req.path = QStringLiteral("/api/2.2/jobs/runs/get");
        std::optional<Result<QJsonObject>> result;
        m_transport->send(req, this, [&result](const Result<QJsonObject> &r) { result = r; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
            return std::nullopt;
        return result;
    }

private Q_SLOTS:
    void init()
    {
        m_nam = new QNetworkAccessManager(this);
        m_server = new ScriptedHttpServer(this);
        QVERIFY(m_server->listen());
        m_transport = new HttpTransport(m_nam, this);
        m_transport->setEndpoint(QUrl(QString::fromLatin1(m_server->baseUrl())), FakeToken);
        m_transport->setRetryPolicy(fastRetries());
    }
    void cleanup()
    {
        delete m_transport;
        delete m_server;
        delete m_nam;
    }

    void sendsTokenAndParsesJson()
    {
        m_server->enqueue(ScriptedHttpServer::json(200, R"({"run_id": 5})"));
        HttpTransport::Request req;
        req.path = QStringLiteral("/api/2.2/jobs/runs/get");
        req.query.addQueryItem(QStringLiteral("run_id"), QStringLiteral("5"));
        const auto r = call(req);
        QVERIFY(r && r->isOk());
        QCOMPARE(r->value().value(QLatin1String("run_id")).toInt(), 5);
        QCOMPARE(m_server->requests().size(), 1);
        const auto &sent = m_server->requests().first();
        QCOMPARE(sent.target, QByteArray("/api/2.2/jobs/runs/get?run_id=5"));
        QCOMPARE(sent.header("Authorization"), "Bearer " + FakeToken.toUtf8());
        QVERIFY(sent.header("User-Agent").startsWith("brickrun/"));
    }
    void emptyBodyIsEmptyObject()
    {
        m_server->enqueue(ScriptedHttpServer::json(200, ""));
        const auto r = call();
        QVERIFY(r && r->isOk());
        QVERIFY(r->value().isEmpty());
    }
    void retriesTransientFailuresOfSafeCalls()
    {
        QSignalSpy retrying(m_transport, &HttpTransport::retrying);
        m_server->enqueue(ScriptedHttpServer::json(
            503, R"({"error_code":"TEMPORARILY_UNAVAILABLE","message":"later"})"));
        auto tooMany = ScriptedHttpServer::json(429, R"({"error_code":"REQUEST_LIMIT_EXCEEDED"})");
        tooMany.extraHeaders.append(qMakePair(QByteArray("Retry-After"), QByteArray("0")));
        m_server->enqueue(tooMany);
        ScriptedHttpServer::Reply reset;
        reset.action = ScriptedHttpServer::Reply::Action::ResetEarly;
        m_server->enqueue(reset);
        m_server->enqueue(ScriptedHttpServer::json(200, R"({"ok": true})"));
        const auto r = call();
        QVERIFY(r && r->isOk());
        QCOMPARE(m_server->requests().size(), 4);
        // Qt itself may resend a GET once after a reset before any answer, so count >= 2.
        QVERIFY(retrying.size() >= 2);
        QCOMPARE(retrying.at(0).at(1).value<ApiError>().httpStatus, 503);
    }
    void cutOffBodyIsRetried()
    {
        ScriptedHttpServer::Reply cut = ScriptedHttpServer::json(200, R"({"run_id": 123456789})");
        cut.action = ScriptedHttpServer::Reply::Action::CutBody;
        m_server->enqueue(cut);
        m_server->enqueue(ScriptedHttpServer::json(200, R"({"run_id": 1})"));
        const auto r = call();
        QVERIFY(r && r->isOk());
        QCOMPARE(m_server->requests().size(), 2);
    }
    void givesUpAfterAttempts()
    {
        m_server->setFallback(
            [](const auto &) { return ScriptedHttpServer::json(500, R"({"error":"boom"})"); });
        const auto r = call();
        QVERIFY(r && !r->isOk());
        QCOMPARE(r->error().httpStatus, 500);
        QCOMPARE(r->error().message, QStringLiteral("boom"));
        QCOMPARE(m_server->requests().size(), 4);
    }
    void unsafeCallsAreNotRetriedOnAmbiguousFailures()
    {
        m_server->enqueue(
            ScriptedHttpServer::json(500, R"({"error_code":"INTERNAL_ERROR","message":"x"})"));
        HttpTransport::Request req;
        req.method = "POST";
        req.path = QStringLiteral("/api/2.2/jobs/runs/submit");
        req.idempotent = false;
        const auto r = call(req);
        QVERIFY(r && !r->isOk());
        QCOMPARE(m_server->requests().size(), 1);
        // …but an answer saying the server did not act is retried.
        m_server->enqueue(ScriptedHttpServer::json(503, "{}"));
        m_server->enqueue(ScriptedHttpServer::json(200, R"({"run_id": 2})"));
        const auto r2 = call(req);
        QVERIFY(r2 && r2->isOk());
        QCOMPARE(m_server->requests().size(), 3);
        QCOMPARE(m_server->requests().last().header("Content-Type"),
                 QByteArray("application/json"));
    }
    void permanentErrorsComeBackAtOnce()
    {
        m_server->enqueue(ScriptedHttpServer::json(
            400, R"({"error_code":"INVALID_PARAMETER_VALUE","message":"Run 9 does not exist."})"));
        const auto r = call();
        QVERIFY(r && !r->isOk());
        QCOMPARE(r->error().errorCode, QStringLiteral("INVALID_PARAMETER_VALUE"));
        QCOMPARE(m_server->requests().size(), 1);
    }
    void proxyHtmlPageIsReadable()
    {
        m_transport->setRetryPolicy(RetryPolicy::none());
        ScriptedHttpServer::Reply html;
        html.status = 502;
        html.contentType = "text/html";
        html.body = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
        m_server->enqueue(html);
        const auto r = call();
        QVERIFY(r && !r->isOk());
        QCOMPARE(r->error().toString(), QStringLiteral("HTTP 502: 502 Bad Gateway"));
    }
    void successWithGarbageIsBadResponse()
    {
        m_transport->setRetryPolicy(RetryPolicy::none());
        ScriptedHttpServer::Reply html;
        html.contentType = "text/html";
        html.body = "<html><title>Sign in</title></html>";
        m_server->enqueue(html);
        const auto r = call();
        QVERIFY(r && !r->isOk());
        QCOMPARE(r->error().kind, ApiError::Kind::BadResponse);
        QVERIFY2(r->error().message.contains(QStringLiteral("not JSON: Sign in")),
                 qPrintable(r->error().message));
    }
    void stallTimesOut()
    {
        m_transport->setRetryPolicy(RetryPolicy::none());
        m_transport->setTransferTimeout(ms(300));
        ScriptedHttpServer::Reply stall;
        stall.action = ScriptedHttpServer::Reply::Action::Stall;
        m_server->enqueue(stall);
        const auto r = call();
        QVERIFY(r && !r->isOk());
        QCOMPARE(r->error().kind, ApiError::Kind::Timeout);
    }
    void connectionRefused()
    {
        m_transport->setRetryPolicy(RetryPolicy::none());
        m_transport->setEndpoint(QUrl(QStringLiteral("http://127.0.0.1:1")), FakeToken);
        const auto r = call();
        QVERIFY(r && !r->isOk());
        QCOMPARE(r->error().kind, ApiError::Kind::Network);
        QVERIFY2(r->error().message.contains(QStringLiteral("refused")),
                 qPrintable(r->error().message));
    }
    void redirectWithinOriginKeepsToken()
    {
        ScriptedHttpServer::Reply moved = ScriptedHttpServer::json(307, "");
        moved.extraHeaders.append(
            qMakePair(QByteArray("Location"), QByteArray("/api/2.1/jobs/runs/get?run_id=1")));
        m_server->enqueue(moved);
        m_server->enqueue(ScriptedHttpServer::json(200, R"({"run_id": 1})"));
        const auto r = call();
        QVERIFY(r && r->isOk());
        QCOMPARE(m_server->requests().size(), 2);
        QCOMPARE(m_server->requests().at(1).target, QByteArray("/api/2.1/jobs/runs/get?run_id=1"));
        QCOMPARE(m_server->requests().at(1).header("Authorization"),
                 "Bearer " + FakeToken.toUtf8());
    }
    void redirectToAnotherOriginIsNotFollowed()
    {
        ScriptedHttpServer elsewhere;
        QVERIFY(elsewhere.listen());
        ScriptedHttpServer::Reply moved = ScriptedHttpServer::json(302, "");
        moved.extraHeaders.append(
            qMakePair(QByteArray("Location"), elsewhere.baseUrl() + "/steal"));
        m_server->enqueue(moved);
        const auto r = call();
        QVERIFY(r && !r->isOk());
        QVERIFY2(r->error().message.contains(QStringLiteral("another site")),
                 qPrintable(r->error().message));
        QTest::qWait(100);
        QCOMPARE(elsewhere.requests().size(), 0); // the token never reached it
    }
    void staysUnderTheRateLimit()
    {
        // 12 requests at once with 5 allowed per second: they go out in three waves, so the
        // last can start no sooner than 2 s after the first (a lower bound: it never runs
        // faster than the limit, however fast the machine).
        m_transport->setRateLimit(5);
        m_server->setFallback([](const auto &) { return ScriptedHttpServer::json(200, "{}"); });
        int done = 0;
        for (int i = 0; i < 12; ++i)
            m_transport->send({QByteArrayLiteral("GET"),
                               QStringLiteral("/api/2.2/jobs/runs/get"),
                               {},
                               {},
                               true,
                               {}},
                              this, [&done](const Result<QJsonObject> &r) { done += r.isOk(); });
        QTRY_COMPARE_WITH_TIMEOUT(done, 12, 10000);
        const auto &requests = m_server->requests();
        QCOMPARE(requests.size(), 12);
        QVERIFY2(requests.last().receivedAtMs - requests.first().receivedAtMs >= 1700,
                 qPrintable(QString::number(requests.last().receivedAtMs -
                                            requests.first().receivedAtMs)));
        for (int i = 5; i < requests.size(); ++i) // never more than 5 within any second
            QVERIFY(requests.at(i).receivedAtMs - requests.at(i - 5).receivedAtMs >= 800);
    }
    void refusesAnAnswerOverTheCap_data()
    {
        QTest::addColumn<bool>("announceLength");
        QTest::newRow("Content-Length over the cap") << true;
        QTest::newRow("no length, counted while downloading") << false;
    }
    void refusesAnAnswerOverTheCap()
    {
        QFETCH(bool, announceLength);
        QCOMPARE(m_transport->maxAnswerBytes(), HttpTransport::DefaultMaxAnswerBytes);
        // Valid JSON, 40 MB: read whole, it would be a success.
        ScriptedHttpServer::Reply huge =
            ScriptedHttpServer::json(200, "{\"notebook_output\":{\"result\":\"" +
                                              QByteArray(40 * 1024 * 1024, 'a') + "\"}}");
        huge.announceLength = announceLength;
        m_server->enqueue(huge);
        HttpTransport::Request req;
        req.path = QStringLiteral("/api/2.2/jobs/runs/get-output");
        req.description = QStringLiteral("runs/get-output");
        std::optional<Result<QJsonObject>> result;
        m_transport->send(req, this, [&result](const Result<QJsonObject> &r) { result = r; });
        QVERIFY(QTest::qWaitFor([&] { return result.has_value(); },
                                Brickrun::Test::scaledTimeout(30000)));
        QVERIFY(!result->isOk());
        const QString message = result->error().message;
        QVERIFY2(message.contains(QLatin1String("runs/get-output")) &&
                     message.contains(QLatin1String("at most 32 MB")),
                 qPrintable(message));
        QCOMPARE(result->error().kind, ApiError::Kind::BadResponse);
        QCOMPARE(m_server->requests().size(), 1); // the same request would get the same answer
    }
    // A large answer says how far it has come, with the request's own words and query, and
    // its last word is the whole answer; a small one says nothing.
    void largeAnswersSayHowFarTheyHaveCome_data()
    {
        QTest::addColumn<bool>("announceLength");
        QTest::newRow("Content-Length") << true;
        QTest::newRow("no length") << false;
    }
    void largeAnswersSayHowFarTheyHaveCome()
    {
        QFETCH(bool, announceLength);
        const QByteArray body =
            "{\"notebook_output\":{\"result\":\"" + QByteArray(3 * 1024 * 1024, 'a') + "\"}}";
        ScriptedHttpServer::Reply large = ScriptedHttpServer::json(200, body);
        large.announceLength = announceLength;
        m_server->enqueue(ScriptedHttpServer::json(200, R"({"run_id": 5})"));
        m_server->enqueue(large);
        QList<QList<QVariant>> said;
        connect(
            m_transport, &HttpTransport::receiving, this,
            [&said](const QString &what, const QUrlQuery &query, qint64 received, qint64 total) {
                said.append(
                    {what, query.queryItemValue(QStringLiteral("run_id")), received, total});
            });
        QVERIFY(call() && said.isEmpty()); // a small answer

        HttpTransport::Request req;
        req.path = QStringLiteral("/api/2.2/jobs/runs/get-output");
        req.description = QStringLiteral("runs/get-output");
        req.query.addQueryItem(QStringLiteral("run_id"), QStringLiteral("77"));
        const auto r = call(req);
        QVERIFY(r && r->isOk());
        QVERIFY(!said.isEmpty());
        for (const auto &s : std::as_const(said)) {
            QCOMPARE(s.at(0).toString(), QStringLiteral("runs/get-output"));
            QCOMPARE(s.at(1).toString(), QStringLiteral("77"));
            QVERIFY(s.at(2).toLongLong() >= 64 * 1024);
            // Without a length, the size is known only when the last byte is in.
            const qint64 total = s.at(3).toLongLong();
            if (announceLength || total != -1)
                QCOMPARE(total, qint64(body.size()));
        }
        if (announceLength) // the last word is the whole answer (the throttle lets it through)
            QCOMPARE(said.constLast().at(2).toLongLong(), qint64(body.size()));
    }
    void plusAndSlashInQueryValuesArriveUnchanged()
    {
        m_server->enqueue(ScriptedHttpServer::json(200, "{}"));
        HttpTransport::Request req;
        req.path = QStringLiteral("/api/2.0/workspace/list");
        const QString path = QStringLiteral("/Users/me+tag@example.com/a b&c=d");
        const QString token = QStringLiteral("CAEQ+/x9z==");
        req.query.addQueryItem(QStringLiteral("path"), path);
        req.query.addQueryItem(QStringLiteral("page_token"), token);
        const auto r = call(req);
        QVERIFY(r && r->isOk());
        QCOMPARE(m_server->requests().size(), 1);
        // Decoded as a server does (form rules: '+' is a space).
        QByteArray query = m_server->requests().first().target;
        query = query.mid(query.indexOf('?') + 1).replace('+', ' ');
        const QUrlQuery received(QString::fromLatin1(query));
        QCOMPARE(received.queryItemValue(QStringLiteral("path"), QUrl::FullyDecoded), path);
        QCOMPARE(received.queryItemValue(QStringLiteral("page_token"), QUrl::FullyDecoded), token);
    }
    void deadContextCancelsTheCall()
    {
        ScriptedHttpServer::Reply stall;
        stall.action = ScriptedHttpServer::Reply::Action::Stall;
        m_server->enqueue(stall);
        auto *context = new QObject;
        bool called = false;
        m_transport->send({}, context, [&called](const Result<QJsonObject> &) { called = true; });
        QTRY_COMPARE(m_server->requests().size(), 1);
        QCOMPARE(m_transport->pendingCount(), 1);
        delete context;
        QTRY_COMPARE(m_transport->pendingCount(), 0);
        QTest::qWait(50);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(tst_HttpTransport)
#include "tst_httptransport.moc"
