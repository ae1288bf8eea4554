// SPDX-License-Identifier: Apache-2.0
// OAuth sign-in on the demo workspace over real loopback HTTP, as a browser and an OAuth client
// would do it: U2M with PKCE and the consent page, refresh with rotation, revocation and
// expiry, M2M client credentials and the Entra-ID-like token route.

#include "Emulator.h"
#include "HttpTestClient.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>
#include <QUrl>

#include <memory>

using namespace Brickrun::Emulator;
using Brickrun::Emulator::Test::HttpReply;
using Brickrun::Emulator::Test::HttpTestClient;

namespace {

const QString kToken = QStringLiteral("dapi-oauth-test-0123456789abcdef");
const QString kNoAuth = QStringLiteral(""); // no Authorization header (HttpTestClient)
const QString kRedirect = QStringLiteral("http://localhost:8020");
const QString kClusters = QStringLiteral("/api/2.1/clusters/list");
const QString kMe = QStringLiteral("/api/2.0/preview/scim/v2/Me");
const QString kTokenPath = QStringLiteral("/oidc/v1/token");
const QString kSpId = QStringLiteral("3b0a6f4e-0000-4000-8000-00000000aaaa");
const QString kSpSecret = QStringLiteral("dose-test-secret-not-real");
const QString kTenant = QStringLiteral("72f988bf-0000-4000-8000-0000000000ff");
const QString kAzureId = QStringLiteral("9d6b1c2a-0000-4000-8000-00000000bbbb");
const QString kAzureSecret = QStringLiteral("azure-test-secret-not-real");
const QString kAzureScope = QStringLiteral("2ff814a6-3304-4ab8-85cb-cd0e6f879c1d/.default");

QByteArray enc(const QString &text)
{
    return QUrl::toPercentEncoding(text);
}

QByteArray form(const QList<std::pair<QString, QString>> &fields)
{
    QByteArray body;
    for (const auto &[name, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += enc(name) + '=' + enc(value);
    }
    return body;
}

struct Pkce
{
    QString verifier;
    QString challenge;
};

Pkce newPkce()
{
    QByteArray random(32, Qt::Uninitialized);
    for (char &c : random)
        c = static_cast<char>(QRandomGenerator::global()->bounded(256));
    const auto b64url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
    Pkce pkce;
    pkce.verifier = QString::fromLatin1(random.toBase64(b64url));
    pkce.challenge = QString::fromLatin1(
        QCryptographicHash::hash(pkce.verifier.toLatin1(), QCryptographicHash::Sha256)
            .toBase64(b64url));
    return pkce;
}

QString authorizePath(const Pkce &pkce, const QString &redirect = kRedirect,
                      const QString &state = QStringLiteral("st-42"),
                      const QString &clientId = QStringLiteral("databricks-cli"),
                      const QString &method = QStringLiteral("S256"),
                      const QString &responseType = QStringLiteral("code"))
{
    return QStringLiteral("/oidc/v1/authorize?client_id=%1&response_type=%2&redirect_uri=%3"
                          "&scope=all-apis+offline_access&state=%4&code_challenge=%5"
                          "&code_challenge_method=%6")
        .arg(QString::fromLatin1(enc(clientId)), QString::fromLatin1(enc(responseType)),
             QString::fromLatin1(enc(redirect)), QString::fromLatin1(enc(state)),
             QString::fromLatin1(enc(pkce.challenge)), QString::fromLatin1(enc(method)));
}

// A parameter of a redirect's query, form-decoded ('+' is a space).
QString queryValue(const QByteArray &location, const QString &name)
{
    const qsizetype question = location.indexOf('?');
    if (question < 0)
        return {};
    for (const QByteArray &pair : location.mid(question + 1).split('&')) {
        const qsizetype equals = pair.indexOf('=');
        QByteArray value = pair.mid(equals + 1);
        if (QUrl::fromPercentEncoding(pair.left(equals)) == name)
            return QUrl::fromPercentEncoding(value.replace('+', ' '));
    }
    return {};
}

QString locationBase(const QByteArray &location)
{
    return QString::fromUtf8(location.left(location.indexOf('?')));
}

QString requestIdOf(const QByteArray &page)
{
    static const QRegularExpression id(
        QStringLiteral("<input type=\"hidden\" name=\"request_id\" value=\"([^\"]+)\">"));
    return id.match(QString::fromUtf8(page)).captured(1);
}

QString bearer(const QString &token)
{
    return QStringLiteral("Bearer ") + token;
}

QString basic(const QString &id, const QString &secret)
{
    return QStringLiteral("Basic ") +
           QString::fromLatin1(QByteArray(enc(id) + ':' + enc(secret)).toBase64());
}

QString str(const QJsonObject &json, const char *key)
{
    return json.value(QLatin1String(key)).toString();
}

} // namespace

class TestEmulatorOAuth : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void discovery();
    void browserSignIn();
    void wrongVerifierIsRefused();
    void codeIsSingleUse();
    void codeExpiresOnSimulatedClock();
    void redirectUriMismatchAtTokenEndpoint();
    void unregisteredRedirectIsRefused_data();
    void unregisteredRedirectIsRefused();
    void unknownClientIsRefused();
    void badAuthorizeParametersRedirectWithError_data();
    void badAuthorizeParametersRedirectWithError();
    void denyRedirectsWithAccessDenied();
    void unknownConsentRequest();
    void autoApproveConsent();
    void refreshRotates();
    void refreshWithoutRotation();
    void revokeRefreshTokenThroughAdmin();
    void revokeAllThroughAdmin();
    void expireAccessTokensThroughAdmin();
    void accessTokenExpiresOnSimulatedClock();
    void expiresInFollowsSpeed_data();
    void expiresInFollowsSpeed();
    void clientCredentials();
    void clientCredentialsRefused_data();
    void clientCredentialsRefused();
    void tokenEndpointErrors();
    void entraToken();
    void entraRefused_data();
    void entraRefused();
    void servicePrincipalThroughAdmin();
    void adminStats();
    void staticTokenStillWorks();
    void configuredOAuthUser();

private:
    // Starts a fresh emulator (replacing the one of init()).
    void startEmulator(const EmulatorOptions &options);
    HttpTestClient &http() { return *m_http; }
    // Authorize page -> consent approve -> 302 with code: the code (empty on failure).
    QString approvedCode(const Pkce &pkce, const QString &redirect = kRedirect);
    QJsonObject exchange(const QString &code, const Pkce &pkce, int expectedStatus = 200,
                         const QString &redirect = kRedirect);
    QJsonObject signIn();
    HttpReply refresh(const QString &refreshToken);
    HttpReply admin(const QString &route, const QByteArray &json);
    HttpReply clientCredentialsGrant(const QString &id, const QString &secret);

    std::unique_ptr<Emulator> m_emulator;
    std::unique_ptr<HttpTestClient> m_http;
};

EmulatorOptions defaultOptions()
{
    EmulatorOptions options;
    options.token = kToken;
    options.servicePrincipals = {
        {kSpId, kSpSecret, QString(), QStringLiteral("Nightly reports")},
        {kAzureId, kAzureSecret, kTenant, QStringLiteral("Azure pipeline")}};
    return options;
}

void TestEmulatorOAuth::startEmulator(const EmulatorOptions &options)
{
    m_http.reset();
    m_emulator = std::make_unique<Emulator>(options);
    QString error;
    QVERIFY2(m_emulator->start(&error), qPrintable(error));
    m_http = std::make_unique<HttpTestClient>(m_emulator->baseUrl(), kToken);
}

void TestEmulatorOAuth::init()
{
    startEmulator(defaultOptions());
}

void TestEmulatorOAuth::cleanup()
{
    m_http.reset();
    m_emulator.reset();
}

QString TestEmulatorOAuth::approvedCode(const Pkce &pkce, const QString &redirect)
{
    const HttpReply page = http().get(authorizePath(pkce, redirect), kNoAuth);
    if (page.status == 302) // consent approved automatically
        return queryValue(page.header("Location"), QStringLiteral("code"));
    if (page.status != 200) {
        qWarning("authorize: %d %s", page.status, page.body.constData());
        return {};
    }
    const QString requestId = requestIdOf(page.body);
    const HttpReply approved =
        http().postForm(QStringLiteral("/oidc/v1/authorize/consent"),
                        form({{QStringLiteral("request_id"), requestId},
                              {QStringLiteral("decision"), QStringLiteral("approve")}}),
                        kNoAuth);
    if (approved.status != 302)
        qWarning("consent: %d %s", approved.status, approved.body.constData());
    return queryValue(approved.header("Location"), QStringLiteral("code"));
}

QJsonObject TestEmulatorOAuth::exchange(const QString &code, const Pkce &pkce, int expectedStatus,
                                        const QString &redirect)
{
    const HttpReply reply =
        http().postForm(kTokenPath,
                        form({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                              {QStringLiteral("code"), code},
                              {QStringLiteral("code_verifier"), pkce.verifier},
                              {QStringLiteral("redirect_uri"), redirect},
                              {QStringLiteral("client_id"), QStringLiteral("databricks-cli")}}),
                        kNoAuth);
    if (reply.status != expectedStatus)
        qWarning("token: %d %s", reply.status, reply.body.constData());
    return reply.status == expectedStatus ? reply.json : QJsonObject();
}

QJsonObject TestEmulatorOAuth::signIn()
{
    const Pkce pkce = newPkce();
    return exchange(approvedCode(pkce), pkce);
}

HttpReply TestEmulatorOAuth::refresh(const QString &refreshToken)
{
    return http().postForm(kTokenPath,
                           form({{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                 {QStringLiteral("refresh_token"), refreshToken},
                                 {QStringLiteral("client_id"), QStringLiteral("databricks-cli")}}),
                           kNoAuth);
}

HttpReply TestEmulatorOAuth::admin(const QString &route, const QByteArray &json)
{
    return http().post(QStringLiteral("/__admin/oauth/") + route, json,
                       bearer(m_emulator->adminToken()));
}

HttpReply TestEmulatorOAuth::clientCredentialsGrant(const QString &id, const QString &secret)
{
    return http().postForm(
        kTokenPath,
        form({{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
              {QStringLiteral("scope"), QStringLiteral("all-apis")}}),
        basic(id, secret));
}

void TestEmulatorOAuth::discovery()
{
    const HttpReply reply =
        http().get(QStringLiteral("/oidc/.well-known/oauth-authorization-server"), kNoAuth);
    QCOMPARE(reply.status, 200);
    const QString base = m_emulator->baseUrl();
    QCOMPARE(str(reply.json, "issuer"), base + QStringLiteral("/oidc"));
    QCOMPARE(str(reply.json, "authorization_endpoint"),
             base + QStringLiteral("/oidc/v1/authorize"));
    QCOMPARE(str(reply.json, "token_endpoint"), base + QStringLiteral("/oidc/v1/token"));
    QCOMPARE(reply.json.value(QStringLiteral("code_challenge_methods_supported")).toArray(),
             QJsonArray{QStringLiteral("S256")});
    const QJsonArray grants = reply.json.value(QStringLiteral("grant_types_supported")).toArray();
    QVERIFY(grants.contains(QStringLiteral("authorization_code")));
    QVERIFY(grants.contains(QStringLiteral("refresh_token")));
    QVERIFY(grants.contains(QStringLiteral("client_credentials")));
    const QJsonArray scopes = reply.json.value(QStringLiteral("scopes_supported")).toArray();
    QVERIFY(scopes.contains(QStringLiteral("all-apis")));
    QVERIFY(scopes.contains(QStringLiteral("offline_access")));
}

void TestEmulatorOAuth::browserSignIn()
{
    const Pkce pkce = newPkce();
    const HttpReply page = http().get(authorizePath(pkce), kNoAuth);
    QCOMPARE(page.status, 200);
    QVERIFY2(page.contentType.startsWith("text/html"), page.contentType.constData());
    QVERIFY(page.body.contains("<form method=\"post\" action=\"/oidc/v1/authorize/consent\">"));
    QVERIFY(page.body.contains("allow 'databricks-cli' to access demo@example.com"));
    QVERIFY(page.body.contains("name=\"decision\" value=\"approve\""));
    QVERIFY(page.body.contains("name=\"decision\" value=\"deny\""));
    const QString requestId = requestIdOf(page.body);
    QVERIFY2(requestId.size() >= 16, page.body.constData());

    const HttpReply approved =
        http().postForm(QStringLiteral("/oidc/v1/authorize/consent"),
                        form({{QStringLiteral("request_id"), requestId},
                              {QStringLiteral("decision"), QStringLiteral("approve")}}),
                        kNoAuth);
    QCOMPARE(approved.status, 302);
    const QByteArray location = approved.header("Location");
    QCOMPARE(locationBase(location), kRedirect);
    QCOMPARE(queryValue(location, QStringLiteral("state")), QStringLiteral("st-42"));
    const QString code = queryValue(location, QStringLiteral("code"));
    QVERIFY2(code.size() >= 32, location.constData());

    const QJsonObject tokens = exchange(code, pkce);
    QCOMPARE(str(tokens, "token_type"), QStringLiteral("Bearer"));
    QCOMPARE(str(tokens, "scope"), QStringLiteral("all-apis offline_access"));
    QCOMPARE(tokens.value(QStringLiteral("expires_in")).toInt(), 3600);
    QVERIFY(!str(tokens, "refresh_token").isEmpty());
    const QString access = str(tokens, "access_token");
    QVERIFY(access.startsWith(QStringLiteral("eyJ")));
    QVERIFY(access != kToken);

    const HttpReply clusters = http().get(kClusters, bearer(access));
    QCOMPARE(clusters.status, 200);
    QVERIFY(!clusters.json.value(QStringLiteral("clusters")).toArray().isEmpty());
    const HttpReply me = http().get(kMe, bearer(access));
    QCOMPARE(me.status, 200);
    QCOMPARE(str(me.json, "userName"), QStringLiteral("demo@example.com"));
    QVERIFY(m_emulator->requestLog().constLast().tokenMatched);

    // The consent request is used up.
    const HttpReply again =
        http().postForm(QStringLiteral("/oidc/v1/authorize/consent"),
                        form({{QStringLiteral("request_id"), requestId},
                              {QStringLiteral("decision"), QStringLiteral("approve")}}),
                        kNoAuth);
    QCOMPARE(again.status, 400);
}

void TestEmulatorOAuth::wrongVerifierIsRefused()
{
    const Pkce pkce = newPkce();
    const QString code = approvedCode(pkce);
    QVERIFY(!code.isEmpty());
    Pkce wrong = newPkce();
    wrong.challenge = pkce.challenge;
    const QJsonObject refused = exchange(code, wrong, 400);
    QCOMPARE(str(refused, "error"), QStringLiteral("invalid_grant"));
    QCOMPARE(str(refused, "error_description"), QStringLiteral("PKCE verification failed"));
    QCOMPARE(m_emulator->oauthStats().authorizationCodeGrants, 0);
}

void TestEmulatorOAuth::codeIsSingleUse()
{
    const Pkce pkce = newPkce();
    const QString code = approvedCode(pkce);
    QVERIFY(!exchange(code, pkce).isEmpty());
    const QJsonObject reused = exchange(code, pkce, 400);
    QCOMPARE(str(reused, "error"), QStringLiteral("invalid_grant"));
    QVERIFY(!str(reused, "error_description").isEmpty());
    const QJsonObject unknown = exchange(QStringLiteral("no-such-code"), pkce, 400);
    QCOMPARE(str(unknown, "error"), QStringLiteral("invalid_grant"));
}

void TestEmulatorOAuth::codeExpiresOnSimulatedClock()
{
    const Pkce pkce = newPkce();
    const QString code = approvedCode(pkce);
    QVERIFY(!code.isEmpty());
    m_emulator->advanceSimulatedTime(6 * 60 * 1000);
    const QJsonObject expired = exchange(code, pkce, 400);
    QCOMPARE(str(expired, "error"), QStringLiteral("invalid_grant"));
    QCOMPARE(str(expired, "error_description"), QStringLiteral("Authorization code has expired"));
}

void TestEmulatorOAuth::redirectUriMismatchAtTokenEndpoint()
{
    const Pkce pkce = newPkce();
    const QString code = approvedCode(pkce);
    const QJsonObject refused = exchange(code, pkce, 400, QStringLiteral("http://localhost:8021"));
    QCOMPARE(str(refused, "error"), QStringLiteral("invalid_grant"));
    // A trailing slash is another URI too; the right one still works afterwards.
    QCOMPARE(str(exchange(code, pkce, 400, kRedirect + QLatin1Char('/')), "error"),
             QStringLiteral("invalid_grant"));
    QVERIFY(!str(exchange(code, pkce), "access_token").isEmpty());
}

void TestEmulatorOAuth::unregisteredRedirectIsRefused_data()
{
    QTest::addColumn<QString>("redirect");
    QTest::newRow("port 9999") << QStringLiteral("http://localhost:9999");
    QTest::newRow("port 8019") << QStringLiteral("http://localhost:8019");
    QTest::newRow("port 8041") << QStringLiteral("http://localhost:8041/");
    QTest::newRow("https") << QStringLiteral("https://localhost:8020");
    QTest::newRow("other host") << QStringLiteral("http://evil.example:8020");
    QTest::newRow("path") << QStringLiteral("http://localhost:8020/callback");
}

void TestEmulatorOAuth::unregisteredRedirectIsRefused()
{
    QFETCH(QString, redirect);
    const HttpReply reply = http().get(authorizePath(newPkce(), redirect), kNoAuth);
    QCOMPARE(reply.status, 400);
    QVERIFY(reply.header("Location").isEmpty());
    const QString expected =
        QStringLiteral("redirect_uri \"%1\" is not registered for OAuth application "
                       "'databricks-cli'")
            .arg(redirect)
            .toHtmlEscaped();
    QVERIFY2(QString::fromUtf8(reply.body).contains(expected), reply.body.constData());

    // The registered ones are served.
    for (const QString &good :
         {QStringLiteral("http://localhost:8040/"), QStringLiteral("http://127.0.0.1:8031")})
        QCOMPARE(http().get(authorizePath(newPkce(), good), kNoAuth).status, 200);
}

void TestEmulatorOAuth::unknownClientIsRefused()
{
    const HttpReply reply = http().get(
        authorizePath(newPkce(), kRedirect, QStringLiteral("s"), QStringLiteral("someone-else")),
        kNoAuth);
    QCOMPARE(reply.status, 400);
    QVERIFY(reply.header("Location").isEmpty());
    QVERIFY2(reply.body.contains("someone-else"), reply.body.constData());
}

void TestEmulatorOAuth::badAuthorizeParametersRedirectWithError_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("error");
    Pkce pkce = newPkce();
    QTest::newRow("plain method") << authorizePath(pkce, kRedirect, QStringLiteral("st-42"),
                                                   QStringLiteral("databricks-cli"),
                                                   QStringLiteral("plain"))
                                  << QStringLiteral("invalid_request");
    QTest::newRow("response_type token")
        << authorizePath(pkce, kRedirect, QStringLiteral("st-42"), QStringLiteral("databricks-cli"),
                         QStringLiteral("S256"), QStringLiteral("token"))
        << QStringLiteral("unsupported_response_type");
    Pkce noChallenge;
    QTest::newRow("no challenge") << authorizePath(noChallenge)
                                  << QStringLiteral("invalid_request");
}

void TestEmulatorOAuth::badAuthorizeParametersRedirectWithError()
{
    QFETCH(QString, path);
    QFETCH(QString, error);
    const HttpReply reply = http().get(path, kNoAuth);
    QCOMPARE(reply.status, 302);
    const QByteArray location = reply.header("Location");
    QCOMPARE(locationBase(location), kRedirect);
    QCOMPARE(queryValue(location, QStringLiteral("error")), error);
    QVERIFY(!queryValue(location, QStringLiteral("error_description")).isEmpty());
    QCOMPARE(queryValue(location, QStringLiteral("state")), QStringLiteral("st-42"));
    QVERIFY(queryValue(location, QStringLiteral("code")).isEmpty());
}

void TestEmulatorOAuth::denyRedirectsWithAccessDenied()
{
    const HttpReply page = http().get(authorizePath(newPkce()), kNoAuth);
    const HttpReply denied =
        http().postForm(QStringLiteral("/oidc/v1/authorize/consent"),
                        form({{QStringLiteral("request_id"), requestIdOf(page.body)},
                              {QStringLiteral("decision"), QStringLiteral("deny")}}),
                        kNoAuth);
    QCOMPARE(denied.status, 302);
    const QByteArray location = denied.header("Location");
    QCOMPARE(location, QByteArray("http://localhost:8020?error=access_denied&error_description="
                                  "The+user+denied+the+request&state=st-42"));
}

void TestEmulatorOAuth::unknownConsentRequest()
{
    const HttpReply reply =
        http().postForm(QStringLiteral("/oidc/v1/authorize/consent"),
                        form({{QStringLiteral("request_id"), QStringLiteral("0123456789abcdef")},
                              {QStringLiteral("decision"), QStringLiteral("approve")}}),
                        kNoAuth);
    QCOMPARE(reply.status, 400);
    QVERIFY(reply.header("Location").isEmpty());

    // A request waiting longer than 10 simulated minutes is gone too.
    const HttpReply page = http().get(authorizePath(newPkce()), kNoAuth);
    m_emulator->advanceSimulatedTime(11 * 60 * 1000);
    const HttpReply late =
        http().postForm(QStringLiteral("/oidc/v1/authorize/consent"),
                        form({{QStringLiteral("request_id"), requestIdOf(page.body)},
                              {QStringLiteral("decision"), QStringLiteral("approve")}}),
                        kNoAuth);
    QCOMPARE(late.status, 400);
}

void TestEmulatorOAuth::autoApproveConsent()
{
    QCOMPARE(admin(QStringLiteral("consent"), R"({"auto_approve": true})").status, 200);
    const Pkce pkce = newPkce();
    const HttpReply reply = http().get(authorizePath(pkce), kNoAuth);
    QCOMPARE(reply.status, 302);
    const QByteArray location = reply.header("Location");
    QCOMPARE(queryValue(location, QStringLiteral("state")), QStringLiteral("st-42"));
    const QString code = queryValue(location, QStringLiteral("code"));
    QVERIFY(!str(exchange(code, pkce), "access_token").isEmpty());

    QCOMPARE(admin(QStringLiteral("consent"), R"({"auto_approve": false})").status, 200);
    QCOMPARE(http().get(authorizePath(newPkce()), kNoAuth).status, 200);
    QCOMPARE(admin(QStringLiteral("consent"), R"({"auto_approve": "yes"})").status, 400);

    m_emulator->setAutoApproveConsent(true);
    QCOMPARE(http().get(authorizePath(newPkce()), kNoAuth).status, 302);
}

void TestEmulatorOAuth::refreshRotates()
{
    const QJsonObject first = signIn();
    const QString oldRefresh = str(first, "refresh_token");
    QVERIFY(!oldRefresh.isEmpty());

    const HttpReply refreshed = refresh(oldRefresh);
    QCOMPARE(refreshed.status, 200);
    const QString newAccess = str(refreshed.json, "access_token");
    const QString newRefresh = str(refreshed.json, "refresh_token");
    QVERIFY(!newAccess.isEmpty());
    QVERIFY(newAccess != str(first, "access_token"));
    QVERIFY(!newRefresh.isEmpty());
    QVERIFY(newRefresh != oldRefresh);
    QCOMPARE(str(refreshed.json, "token_type"), QStringLiteral("Bearer"));
    QCOMPARE(http().get(kClusters, bearer(newAccess)).status, 200);

    const HttpReply reused = refresh(oldRefresh);
    QCOMPARE(reused.status, 400);
    QCOMPARE(str(reused.json, "error"), QStringLiteral("invalid_grant"));
    QCOMPARE(str(reused.json, "error_description"),
             QStringLiteral("Refresh token is invalid or has been revoked"));
    QCOMPARE(refresh(newRefresh).status, 200);
    QCOMPARE(m_emulator->oauthStats().refreshGrants, 2);
}

void TestEmulatorOAuth::refreshWithoutRotation()
{
    EmulatorOptions options = defaultOptions();
    options.rotateRefreshTokens = false;
    startEmulator(options);
    const QString refreshToken = str(signIn(), "refresh_token");
    for (int i = 0; i < 2; ++i) {
        const HttpReply refreshed = refresh(refreshToken);
        QCOMPARE(refreshed.status, 200);
        QVERIFY(!refreshed.json.contains(QStringLiteral("refresh_token")));
        QCOMPARE(http().get(kMe, bearer(str(refreshed.json, "access_token"))).status, 200);
    }
}

void TestEmulatorOAuth::revokeRefreshTokenThroughAdmin()
{
    const QJsonObject first = signIn();
    const HttpReply refreshed = refresh(str(first, "refresh_token"));
    const QString secondRefresh = str(refreshed.json, "refresh_token");
    const QString firstAccess = str(first, "access_token");
    const QString secondAccess = str(refreshed.json, "access_token");
    const QJsonObject other = signIn(); // another sign-in is not touched
    QCOMPARE(http().get(kClusters, bearer(firstAccess)).status, 200);

    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("refresh_token"), secondRefresh}})
            .toJson(QJsonDocument::Compact);
    QCOMPARE(admin(QStringLiteral("revoke"), body).status, 200);

    const HttpReply refused = refresh(secondRefresh);
    QCOMPARE(refused.status, 400);
    QCOMPARE(str(refused.json, "error"), QStringLiteral("invalid_grant"));
    for (const QString &access : {firstAccess, secondAccess}) {
        const HttpReply api = http().get(kClusters, bearer(access));
        QCOMPARE(api.status, 401);
        QCOMPARE(api.errorCode(), QStringLiteral("UNAUTHENTICATED"));
        QCOMPARE(api.message(), QStringLiteral("Invalid access token."));
    }
    QCOMPARE(http().get(kClusters, bearer(str(other, "access_token"))).status, 200);
    QCOMPARE(refresh(str(other, "refresh_token")).status, 200);

    QCOMPARE(admin(QStringLiteral("revoke"), R"({"refresh_token": "nope"})").status, 404);
    QCOMPARE(admin(QStringLiteral("revoke"), R"({})").status, 400);
}

void TestEmulatorOAuth::revokeAllThroughAdmin()
{
    const QJsonObject user = signIn();
    const QString m2m = str(clientCredentialsGrant(kSpId, kSpSecret).json, "access_token");
    QCOMPARE(http().get(kClusters, bearer(m2m)).status, 200);
    QCOMPARE(admin(QStringLiteral("revoke"), R"({"all": true})").status, 200);
    QCOMPARE(refresh(str(user, "refresh_token")).status, 400);
    QCOMPARE(http().get(kClusters, bearer(str(user, "access_token"))).status, 401);
    QCOMPARE(http().get(kClusters, bearer(m2m)).status, 401);
    QCOMPARE(m_emulator->oauthStats().activeAccessTokens, 0);
    // Signing in again works, and so does the static token.
    QCOMPARE(http().get(kClusters, bearer(str(signIn(), "access_token"))).status, 200);
    QCOMPARE(http().get(kClusters).status, 200);
}

void TestEmulatorOAuth::expireAccessTokensThroughAdmin()
{
    const QJsonObject tokens = signIn();
    const QString access = str(tokens, "access_token");
    QCOMPARE(http().get(kClusters, bearer(access)).status, 200);
    QCOMPARE(admin(QStringLiteral("expire-access-tokens"), "{}").status, 200);

    const HttpReply expired = http().get(kClusters, bearer(access));
    QCOMPARE(expired.status, 401);
    QCOMPARE(expired.errorCode(), QStringLiteral("UNAUTHENTICATED"));
    QCOMPARE(expired.message(), QStringLiteral("Token is expired."));
    const HttpReply scim = http().get(kMe, bearer(access));
    QCOMPARE(scim.status, 401);
    QCOMPARE(str(scim.json, "detail"), QStringLiteral("Token is expired."));

    // What a client does on that 401: refresh, and go on.
    const HttpReply refreshed = refresh(str(tokens, "refresh_token"));
    QCOMPARE(refreshed.status, 200);
    QCOMPARE(http().get(kClusters, bearer(str(refreshed.json, "access_token"))).status, 200);
    QCOMPARE(http().get(kClusters).status, 200); // the static token is not an OAuth token
}

void TestEmulatorOAuth::accessTokenExpiresOnSimulatedClock()
{
    EmulatorOptions options = defaultOptions();
    options.tokenLifetimeSeconds = 600;
    startEmulator(options);
    const QString access = str(signIn(), "access_token");
    m_emulator->advanceSimulatedTime(590 * 1000);
    QCOMPARE(http().get(kClusters, bearer(access)).status, 200);
    m_emulator->advanceSimulatedTime(11 * 1000);
    const HttpReply expired = http().get(kClusters, bearer(access));
    QCOMPARE(expired.status, 401);
    QCOMPARE(expired.message(), QStringLiteral("Token is expired."));
}

void TestEmulatorOAuth::expiresInFollowsSpeed_data()
{
    QTest::addColumn<double>("speed");
    QTest::addColumn<qint64>("lifetime");
    QTest::addColumn<int>("expiresIn");
    QTest::newRow("speed 1") << 1.0 << qint64(3600) << 3600;
    QTest::newRow("speed 10") << 10.0 << qint64(3600) << 360;
    QTest::newRow("rounded") << 7.0 << qint64(100) << 14;
    QTest::newRow("at least 1") << 1000.0 << qint64(60) << 1;
}

void TestEmulatorOAuth::expiresInFollowsSpeed()
{
    QFETCH(double, speed);
    QFETCH(qint64, lifetime);
    QFETCH(int, expiresIn);
    EmulatorOptions options = defaultOptions();
    options.speed = speed;
    options.tokenLifetimeSeconds = lifetime;
    startEmulator(options);
    const HttpReply m2m = clientCredentialsGrant(kSpId, kSpSecret);
    QCOMPARE(m2m.json.value(QStringLiteral("expires_in")).toInt(), expiresIn);
    m_emulator->setAutoApproveConsent(true);
    QCOMPARE(signIn().value(QStringLiteral("expires_in")).toInt(), expiresIn);
}

void TestEmulatorOAuth::clientCredentials()
{
    const HttpReply reply = clientCredentialsGrant(kSpId, kSpSecret);
    QCOMPARE(reply.status, 200);
    QCOMPARE(str(reply.json, "token_type"), QStringLiteral("Bearer"));
    QCOMPARE(reply.json.value(QStringLiteral("expires_in")).toInt(), 3600);
    QVERIFY(!reply.json.contains(QStringLiteral("refresh_token")));
    const QString access = str(reply.json, "access_token");
    QCOMPARE(http().get(kClusters, bearer(access)).status, 200);
    const HttpReply me = http().get(kMe, bearer(access));
    QCOMPARE(me.status, 200);
    QCOMPARE(str(me.json, "userName"), kSpId);
    QCOMPARE(str(me.json, "displayName"), QStringLiteral("Nightly reports"));

    // The secret in the body works as well.
    const HttpReply posted =
        http().postForm(kTokenPath,
                        form({{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                              {QStringLiteral("client_id"), kSpId},
                              {QStringLiteral("client_secret"), kSpSecret},
                              {QStringLiteral("scope"), QStringLiteral("all-apis")}}),
                        kNoAuth);
    QCOMPARE(posted.status, 200);
    QCOMPARE(m_emulator->oauthStats().clientCredentialsGrants, 2);
}

void TestEmulatorOAuth::clientCredentialsRefused_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("secret");
    QTest::newRow("wrong secret") << kSpId << QStringLiteral("wrong");
    QTest::newRow("unknown client") << QStringLiteral("nobody") << kSpSecret;
    QTest::newRow("empty secret") << kSpId << QString();
    QTest::newRow("Entra SP at the workspace") << kAzureId << kAzureSecret;
}

void TestEmulatorOAuth::clientCredentialsRefused()
{
    QFETCH(QString, id);
    QFETCH(QString, secret);
    const HttpReply reply = clientCredentialsGrant(id, secret);
    QCOMPARE(reply.status, 401);
    QCOMPARE(str(reply.json, "error"), QStringLiteral("invalid_client"));
    QCOMPARE(str(reply.json, "error_description"), QStringLiteral("Client authentication failed"));
    QVERIFY(!reply.header("WWW-Authenticate").isEmpty());
    QCOMPARE(m_emulator->oauthStats().clientCredentialsGrants, 0);
}

void TestEmulatorOAuth::tokenEndpointErrors()
{
    const HttpReply unsupported = http().postForm(
        kTokenPath, form({{QStringLiteral("grant_type"), QStringLiteral("password")}}), kNoAuth);
    QCOMPARE(unsupported.status, 400);
    QCOMPARE(str(unsupported.json, "error"), QStringLiteral("unsupported_grant_type"));

    const HttpReply json =
        http().post(kTokenPath, R"({"grant_type": "client_credentials"})", kNoAuth);
    QCOMPARE(json.status, 400);
    QCOMPARE(str(json.json, "error"), QStringLiteral("invalid_request"));

    const HttpReply unknownRefresh = refresh(QStringLiteral("not-a-refresh-token"));
    QCOMPARE(unknownRefresh.status, 400);
    QCOMPARE(str(unknownRefresh.json, "error"), QStringLiteral("invalid_grant"));
    QCOMPARE(str(unknownRefresh.json, "error_description"),
             QStringLiteral("Refresh token is invalid or has been revoked"));

    const HttpReply get = http().get(kTokenPath, kNoAuth);
    QCOMPARE(get.status, 405);
}

void TestEmulatorOAuth::entraToken()
{
    const HttpReply reply =
        http().postForm(QStringLiteral("/%1/oauth2/v2.0/token").arg(kTenant),
                        form({{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                              {QStringLiteral("client_id"), kAzureId},
                              {QStringLiteral("client_secret"), kAzureSecret},
                              {QStringLiteral("scope"), kAzureScope}}),
                        kNoAuth);
    QCOMPARE(reply.status, 200);
    QCOMPARE(str(reply.json, "token_type"), QStringLiteral("Bearer"));
    QCOMPARE(reply.json.value(QStringLiteral("expires_in")).toInt(), 3600);
    QCOMPARE(reply.json.value(QStringLiteral("ext_expires_in")).toInt(), 3600);
    const QString access = str(reply.json, "access_token");
    QVERIFY(access.startsWith(QStringLiteral("eyJ")));
    QCOMPARE(http().get(kClusters, bearer(access)).status, 200);
    const HttpReply me = http().get(kMe, bearer(access));
    QCOMPARE(str(me.json, "userName"), kAzureId);
    QCOMPARE(str(me.json, "displayName"), QStringLiteral("Azure pipeline"));
    QCOMPARE(m_emulator->oauthStats().entraGrants, 1);
}

void TestEmulatorOAuth::entraRefused_data()
{
    QTest::addColumn<QString>("tenant");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("scope");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("code");
    QTest::newRow("unknown tenant")
        << QStringLiteral("00000000-1111-2222-3333-444444444444") << kAzureSecret << kAzureScope
        << 400 << QStringLiteral("invalid_request") << QStringLiteral("AADSTS90002: Tenant '");
    QTest::newRow("wrong secret") << kTenant << QStringLiteral("wrong") << kAzureScope << 401
                                  << QStringLiteral("invalid_client")
                                  << QStringLiteral("AADSTS7000215: Invalid client secret");
    QTest::newRow("wrong scope") << kTenant << kAzureSecret
                                 << QStringLiteral("https://management.azure.com/.default") << 400
                                 << QStringLiteral("invalid_scope")
                                 << QStringLiteral("AADSTS70011: ");
}

void TestEmulatorOAuth::entraRefused()
{
    QFETCH(QString, tenant);
    QFETCH(QString, secret);
    QFETCH(QString, scope);
    QFETCH(int, status);
    QFETCH(QString, error);
    QFETCH(QString, code);
    const HttpReply reply =
        http().postForm(QStringLiteral("/%1/oauth2/v2.0/token").arg(tenant),
                        form({{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                              {QStringLiteral("client_id"), kAzureId},
                              {QStringLiteral("client_secret"), secret},
                              {QStringLiteral("scope"), scope}}),
                        kNoAuth);
    QCOMPARE(reply.status, status);
    QCOMPARE(str(reply.json, "error"), error);
    QVERIFY2(str(reply.json, "error_description").startsWith(code), reply.body.constData());
    QVERIFY(!reply.json.contains(QStringLiteral("access_token")));
    QCOMPARE(m_emulator->oauthStats().entraGrants, 0);
}

void TestEmulatorOAuth::servicePrincipalThroughAdmin()
{
    QCOMPARE(clientCredentialsGrant(QStringLiteral("new-sp"), QStringLiteral("s3cret")).status,
             401);
    QCOMPARE(admin(QStringLiteral("service-principals"),
                   R"({"client_id": "new-sp", "client_secret": "s3cret", "display_name": "New"})")
                 .status,
             200);
    const HttpReply reply =
        clientCredentialsGrant(QStringLiteral("new-sp"), QStringLiteral("s3cret"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(str(http().get(kMe, bearer(str(reply.json, "access_token"))).json, "displayName"),
             QStringLiteral("New"));
    QCOMPARE(admin(QStringLiteral("service-principals"), R"({"client_id": "x"})").status, 400);

    // An Entra one, through the C++ API.
    m_emulator->addServicePrincipal(
        {QStringLiteral("az-2"), QStringLiteral("pw"), QStringLiteral("tenant-2"), QString()});
    const HttpReply entra =
        http().postForm(QStringLiteral("/tenant-2/oauth2/v2.0/token"),
                        form({{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                              {QStringLiteral("client_id"), QStringLiteral("az-2")},
                              {QStringLiteral("client_secret"), QStringLiteral("pw")},
                              {QStringLiteral("scope"), kAzureScope}}),
                        kNoAuth);
    QCOMPARE(entra.status, 200);
}

void TestEmulatorOAuth::adminStats()
{
    signIn();
    refresh(str(signIn(), "refresh_token"));
    clientCredentialsGrant(kSpId, kSpSecret);
    clientCredentialsGrant(kSpId, QStringLiteral("wrong"));
    const HttpReply stats =
        http().get(QStringLiteral("/__admin/oauth/stats"), bearer(m_emulator->adminToken()));
    QCOMPARE(stats.status, 200);
    QCOMPARE(stats.json.value(QStringLiteral("authorization_code_grants")).toInt(), 2);
    QCOMPARE(stats.json.value(QStringLiteral("refresh_grants")).toInt(), 1);
    QCOMPARE(stats.json.value(QStringLiteral("client_credentials_grants")).toInt(), 1);
    QCOMPARE(stats.json.value(QStringLiteral("entra_grants")).toInt(), 0);
    QCOMPARE(stats.json.value(QStringLiteral("active_access_tokens")).toInt(), 4);
    QCOMPARE(http().get(QStringLiteral("/__admin/oauth/stats"), bearer(QStringLiteral("x"))).status,
             401);
}

void TestEmulatorOAuth::staticTokenStillWorks()
{
    QCOMPARE(http().get(kClusters).status, 200);
    const HttpReply me = http().get(kMe);
    QCOMPARE(me.status, 200);
    QCOMPARE(str(me.json, "userName"), QStringLiteral("demo@example.com"));
    QCOMPARE(http().get(kClusters, bearer(QStringLiteral("eyJnot.a.token"))).message(),
             QStringLiteral("Invalid access token."));
    // An OAuth token does not make the static token a different user, nor the reverse.
    signIn();
    QCOMPARE(http().get(kClusters).status, 200);
    m_emulator->setToken(QStringLiteral("dapi-other"));
    QCOMPARE(http().get(kClusters).status, 401);
}

void TestEmulatorOAuth::configuredOAuthUser()
{
    EmulatorOptions options = defaultOptions();
    options.oauthUserName = QStringLiteral("someone@example.org");
    startEmulator(options);
    const HttpReply page = http().get(authorizePath(newPkce()), kNoAuth);
    QVERIFY(page.body.contains("to access someone@example.org ?"));
    m_emulator->setAutoApproveConsent(true);
    const HttpReply me = http().get(kMe, bearer(str(signIn(), "access_token")));
    QCOMPARE(me.status, 200);
    QCOMPARE(str(me.json, "userName"), QStringLiteral("someone@example.org"));
    QCOMPARE(str(http().get(kMe).json, "userName"), QStringLiteral("demo@example.com"));
}

QTEST_GUILESS_MAIN(TestEmulatorOAuth)
#include "tst_emulatoroauth.moc"
