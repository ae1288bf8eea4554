// SPDX-License-Identifier: Apache-2.0
#include "api/ApiError.h"

#include <QTest>

using namespace Brickrun;

class tst_ApiError : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void inParentheses()
    {
        // "… refused the token (Invalid access token.). Create…" read as a typo (issue #16).
        QCOMPARE(ApiError::inParentheses(QStringLiteral("Invalid access token.")),
                 QStringLiteral("Invalid access token"));
        QCOMPARE(ApiError::inParentheses(QStringLiteral(" Token is expired. ")),
                 QStringLiteral("Token is expired"));
        QCOMPARE(ApiError::inParentheses(QStringLiteral("backend down")),
                 QStringLiteral("backend down"));
        QCOMPARE(ApiError::inParentheses(QStringLiteral("and so on...")),
                 QStringLiteral("and so on...")); // an ellipsis stays
    }
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
    // Hostile or broken error pages of several MB (a proxy's 502, a non-JSON 200): the message
    // stays one short readable line, and the work is bounded. With the old pattern
    // <(script|style)[^>]*>.*?</\1> these pages took tens of minutes of CPU (quadratic), so a
    // regression ends in the test's timeout; no timing is asserted here.
    void hostileHtmlPagesAreBounded_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QString>("message");
        constexpr int Size = 4 * 1024 * 1024;
        const auto page = [](const QByteArray &visible, const QByteArray &unit) {
            QByteArray body = "<html><body><p>" + visible + "</p>";
            body.reserve(Size + 64);
            while (body.size() < Size)
                body += unit;
            return body;
        };
        QTest::newRow("unclosed script tags")
            << 502 << page("Upstream down", "<script>") << QByteArray("text/html")
            << QStringLiteral("Upstream down");
        QTest::newRow("closed script tags")
            << 502 << page("Upstream down", "<script>a</script>") << QByteArray("text/html")
            << QStringLiteral("Upstream down");
        QTest::newRow("unclosed style tags")
            << 502 << page("Upstream down", "<STYLE media=x>") << QByteArray("text/html")
            << QStringLiteral("Upstream down");
        QTest::newRow("unclosed title tags")
            << 502 << page("Upstream down", "<title>") << QByteArray("text/html")
            << QStringLiteral("Upstream down");
        QTest::newRow("only scripts") << 502 << QByteArray(Size / 8, 'x').replace('x', "<script>")
                                      << QByteArray("text/html") << QStringLiteral("Bad Gateway");
        // HttpTransport builds a non-JSON 200 through fromHttp too (as a bad response).
        QTest::newRow("non-JSON 200 sniffed as HTML")
            << 200 << "<!DOCTYPE html>" + page("Sign in", "<script>")
            << QByteArray("application/octet-stream") << QStringLiteral("Sign in");
        QTest::newRow("plain text") << 200 << QByteArray(Size, 'y') << QByteArray("text/plain")
                                    << QString(200, QLatin1Char('y')) + QStringLiteral("…");
    }
    void hostileHtmlPagesAreBounded()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(QString, message);
        QVERIFY(body.size() >= 4 * 1024 * 1024);
        const auto e = ApiError::fromHttp(status, body, contentType);
        QCOMPARE(e.kind, ApiError::Kind::Http);
        QCOMPARE(e.httpStatus, status);
        QVERIFY2(e.message.size() <= 201, qPrintable(e.message.left(300)));
        QCOMPARE(e.message, message);
    }
    void htmlTextStaysReadable_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        QTest::newRow("scripts and styles dropped")
            << QByteArray("<html><head><style>p { color: red }</style>"
                          "<SCRIPT type=\"text/javascript\">if (a < b) alert(1);</SCRIPT>"
                          "</head><body><h1>Service</h1>\n<p>temporarily   unavailable</p>"
                          "</body></html>")
            << QStringLiteral("Service temporarily unavailable");
        QTest::newRow("empty title falls back to the text")
            << QByteArray("<html><head><title>  </title></head><body>Try again later</body>")
            << QStringLiteral("Try again later");
        QTest::newRow("title with attributes")
            << QByteArray("<HTML><Title lang=en>504 Gateway\nTime-out</TITLE>")
            << QStringLiteral("504 Gateway Time-out");
        QTest::newRow("tag names that only start like script")
            << QByteArray("<html><scripted>kept</scripted> <styles>too</styles></html>")
            << QStringLiteral("kept too");
        QTest::newRow("text past the first 64 KiB is not read")
            << QByteArray("<html><body>") + QByteArray(70 * 1024, ' ') + QByteArray("late")
            << QStringLiteral("Bad Gateway");
    }
    void htmlTextStaysReadable()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        QCOMPARE(ApiError::fromHttp(502, body, "text/html").message, message);
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
