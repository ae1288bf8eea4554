#include "api/ApiError.h"

#include <QTest>

using namespace Brickrun;

class tst_ApiError : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void databricksBody()
    {
        const auto e = ApiError::fromHttp(
            400, R"({"error_code":"INVALID_PARAMETER_VALUE","message":"Run 5 does not exist."})",
            "application/json");
        QCOMPARE(e.kind, ApiError::Kind::Http);
        QCOMPARE(e.httpStatus, 400);
        QCOMPARE(e.errorCode, QStringLiteral("INVALID_PARAMETER_VALUE"));
        QCOMPARE(e.message, QStringLiteral("Run 5 does not exist."));
        QVERIFY(e.isClientError());
        QVERIFY(!e.isTransient());
        QCOMPARE(e.toString(),
                 QStringLiteral("HTTP 400 INVALID_PARAMETER_VALUE: Run 5 does not exist."));
    }
    void otherBodies_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QString>("message");
        QTest::newRow("error field")
            << 500 << QByteArray(R"({"error":"backend down"})") << QByteArray("application/json")
            << QStringLiteral("backend down");
        QTest::newRow("scim") << 401 << QByteArray(R"({"detail":"Invalid token","status":"401"})")
                              << QByteArray("application/scim+json")
                              << QStringLiteral("Invalid token");
        QTest::newRow("html title")
            << 502
            << QByteArray("<html><head><title>502 Bad Gateway</title></head><body><h1>502</h1>"
                          "</body></html>")
            << QByteArray("text/html") << QStringLiteral("502 Bad Gateway");
        QTest::newRow("html no title")
            << 503
            << QByteArray("<!DOCTYPE html><html><body><p>Down for  maintenance</p></body></html>")
            << QByteArray("text/html") << QStringLiteral("Down for maintenance");
        QTest::newRow("plain text")
            << 504 << QByteArray("upstream request timeout\n") << QByteArray("text/plain")
            << QStringLiteral("upstream request timeout");
        QTest::newRow("empty") << 503 << QByteArray() << QByteArray()
                               << QStringLiteral("Service Unavailable");
        QTest::newRow("empty unknown status")
            << 599 << QByteArray() << QByteArray() << QStringLiteral("no details in the answer");
        QTest::newRow("json array") << 500 << QByteArray("[1,2]") << QByteArray("application/json")
                                    << QStringLiteral("[1,2]");
    }
    void otherBodies()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(QString, message);
        const auto e = ApiError::fromHttp(status, body, contentType);
        QCOMPARE(e.httpStatus, status);
        QCOMPARE(e.message, message);
    }
    void longBodiesAreShortened()
    {
        const auto e = ApiError::fromHttp(500, QByteArray(10000, 'x'), "text/plain");
        QVERIFY(e.message.size() < 300);
    }
    void transientClassification()
    {
        QVERIFY(ApiError::fromHttp(429, {}, {}).isTransient());
        QVERIFY(ApiError::fromHttp(503, {}, {}).isTransient());
        QVERIFY(ApiError::fromHttp(500, {}, {}).isTransient());
        QVERIFY(!ApiError::fromHttp(401, {}, {}).isTransient());
        QVERIFY(ApiError::fromHttp(401, {}, {}).isAuthentication());
        QVERIFY(ApiError::fromHttp(403, {}, {}).isPermission());
        QVERIFY(!ApiError::fromHttp(403, {}, {}).isClientError());
        QVERIFY(ApiError::network(QStringLiteral("reset")).isTransient());
        QVERIFY(ApiError::timeout(QStringLiteral("slow")).isTransient());
        QVERIFY(!ApiError::tls(QStringLiteral("bad cert")).isTransient());
        QVERIFY(!ApiError::invalidInput(QStringLiteral("bad")).isTransient());
    }
    void retryAfter()
    {
        QCOMPARE(ApiError::parseRetryAfter("8").count(), 8000);
        QCOMPARE(ApiError::parseRetryAfter(" 0 ").count(), 0);
        QCOMPARE(ApiError::parseRetryAfter("").count(), -1);
        QCOMPARE(ApiError::parseRetryAfter("soon").count(), -1);
        QCOMPARE(ApiError::parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT").count(), 0); // past
        const auto e =
            ApiError::fromHttp(429, R"({"error_code":"REQUEST_LIMIT_EXCEEDED"})", {}, "3");
        QCOMPARE(e.retryAfter.count(), 3000);
        QCOMPARE(e.message, QStringLiteral("Too Many Requests"));
    }
};

QTEST_GUILESS_MAIN(tst_ApiError)
#include "tst_apierror.moc"
