// SPDX-License-Identifier: Apache-2.0
#include "OAuthServer.h"

#include "OAuthWire.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrl>
#include <QUuid>

#include <algorithm>
#include <climits>
#include <cmath>
#include <utility>

namespace Brickrun::Emulator {

using namespace OAuthWire;

namespace {

const QString kClientId = QString::fromLatin1(OAuthServer::ClientId);
const QString kAzureDatabricksScope =
    QStringLiteral("2ff814a6-3304-4ab8-85cb-cd0e6f879c1d/.default");
constexpr int kPruneThreshold = 20000;

const QRegularExpression &entraPath()
{
    static const QRegularExpression path(QStringLiteral("^/([^/]+)/oauth2/v2\\.0/token$"));
    return path;
}

} // namespace

OAuthServer::OAuthServer(OAuthSettings settings, Clock clock)
    : m_settings(std::move(settings))
    , m_clock(std::move(clock))
{}

bool OAuthServer::handles(const QString &path)
{
    return path.startsWith(QLatin1String("/oidc/")) || entraPath().match(path).hasMatch();
}

int OAuthServer::realSeconds(qint64 simulatedSeconds, double speed)
{
    const double seconds = std::round(static_cast<double>(simulatedSeconds) / speed);
    return static_cast<int>(std::clamp(seconds, 1.0, static_cast<double>(INT_MAX)));
}

void OAuthServer::setBaseUrl(const QString &baseUrl)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_baseUrl = baseUrl;
}

void OAuthServer::setUser(const QString &userName, const QString &displayName)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_settings.userName = userName;
    m_settings.userDisplayName = displayName;
}

QString OAuthServer::userName() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_settings.userName;
}

ApiAnswer OAuthServer::handle(const ApiRequest &request)
{
    const QString &path = request.path;
    const bool get =
        request.method == QLatin1String("GET") || request.method == QLatin1String("HEAD");
    const bool post = request.method == QLatin1String("POST");
    if (path == QLatin1String("/oidc/.well-known/oauth-authorization-server") && get)
        return discovery();
    if (path == QLatin1String("/oidc/v1/authorize") && get)
        return authorize(request);
    if (path == QLatin1String("/oidc/v1/authorize/consent") && post)
        return consent(request);
    if (path == QLatin1String("/oidc/v1/token")) {
        if (!post)
            return oauthError(405, QStringLiteral("invalid_request"),
                              QStringLiteral("The token endpoint accepts POST only."));
        return token(request);
    }
    const QRegularExpressionMatch entra = entraPath().match(path);
    if (entra.hasMatch()) {
        if (!post)
            return entraError(405, QStringLiteral("invalid_request"), 900561,
                              QStringLiteral("The endpoint only accepts POST requests."));
        return entraToken(request, entra.captured(1));
    }
    return ApiRouter::error(
        {404, QStringLiteral("ENDPOINT_NOT_FOUND"),
         QStringLiteral("No API found for '%1 %2'").arg(request.method, request.path)});
}

ApiAnswer OAuthServer::token(const ApiRequest &request)
{
    if (!isForm(request))
        return oauthError(400, QStringLiteral("invalid_request"),
                          QStringLiteral("The token request must be "
                                         "application/x-www-form-urlencoded."));
    QString repeated;
    const QMap<QString, QString> form = parseForm(request.body, &repeated);
    if (!repeated.isEmpty())
        return oauthError(400, QStringLiteral("invalid_request"),
                          QStringLiteral("Parameter '%1' is given more than once.").arg(repeated));
    const QString grantType = form.value(QStringLiteral("grant_type"));
    const qint64 now = m_clock();
    if (grantType == QLatin1String("authorization_code"))
        return authorizationCodeGrant(form, now);
    if (grantType == QLatin1String("refresh_token"))
        return refreshGrant(form, now);
    if (grantType == QLatin1String("client_credentials"))
        return clientCredentialsGrant(request, form, now);
    if (grantType.isEmpty())
        return oauthError(400, QStringLiteral("invalid_request"),
                          QStringLiteral("Missing parameter: grant_type"));
    return oauthError(400, QStringLiteral("unsupported_grant_type"),
                      QStringLiteral("Grant type '%1' is not supported.").arg(grantType));
}

ApiAnswer OAuthServer::authorizationCodeGrant(const QMap<QString, QString> &form, qint64 now)
{
    for (const char *name : {"code", "code_verifier", "redirect_uri", "client_id"}) {
        if (form.value(QLatin1String(name)).isEmpty())
            return oauthError(400, QStringLiteral("invalid_request"),
                              QStringLiteral("Missing parameter: %1").arg(QLatin1String(name)));
    }
    if (form.value(QStringLiteral("client_id")) != kClientId)
        return invalidClient(false);
    auto invalidGrant = [](const QString &description) {
        return oauthError(400, QStringLiteral("invalid_grant"), description);
    };
    std::lock_guard<std::mutex> lock(m_mutex);
    prune(now);
    const auto it = m_codes.find(form.value(QStringLiteral("code")));
    if (it == m_codes.end())
        return invalidGrant(QStringLiteral("Authorization code is invalid"));
    if (it->used)
        return invalidGrant(QStringLiteral("Authorization code has already been used"));
    if (now >= it->expiresAtMs)
        return invalidGrant(QStringLiteral("Authorization code has expired"));
    if (form.value(QStringLiteral("redirect_uri")) != it->redirectUri)
        return invalidGrant(
            QStringLiteral("redirect_uri does not match the one of the authorization request"));
    const QByteArray digest = QCryptographicHash::hash(
        form.value(QStringLiteral("code_verifier")).toUtf8(), QCryptographicHash::Sha256);
    if (base64Url(digest) != it->codeChallenge)
        return invalidGrant(QStringLiteral("PKCE verification failed"));
    it->used = true;
    ++m_stats.authorizationCodeGrants;
    return userTokens(it->scope, randomHex(16), now);
}

ApiAnswer OAuthServer::userTokens(const QString &scope, const QString &family, qint64 now,
                                  bool withRefresh)
{
    QJsonObject answer{
        {QStringLiteral("access_token"), issueAccessToken(userIdentity(), family, now)},
        {QStringLiteral("token_type"), QStringLiteral("Bearer")},
        {QStringLiteral("expires_in"),
         realSeconds(m_settings.tokenLifetimeSeconds, m_settings.speed)},
        {QStringLiteral("scope"), scope}};
    if (withRefresh && scope.split(QLatin1Char(' ')).contains(QStringLiteral("offline_access"))) {
        const QString refresh = base64Url(randomBytes(48));
        m_refreshTokens.insert(refresh, RefreshToken{family, scope, true});
        answer.insert(QStringLiteral("refresh_token"), refresh);
    }
    ApiAnswer result = ApiRouter::json(answer);
    noStore(result);
    return result;
}

ApiAnswer OAuthServer::refreshGrant(const QMap<QString, QString> &form, qint64 now)
{
    const QString refresh = form.value(QStringLiteral("refresh_token"));
    if (refresh.isEmpty())
        return oauthError(400, QStringLiteral("invalid_request"),
                          QStringLiteral("Missing parameter: refresh_token"));
    if (form.contains(QStringLiteral("client_id")) &&
        form.value(QStringLiteral("client_id")) != kClientId)
        return invalidClient(false);
    std::lock_guard<std::mutex> lock(m_mutex);
    prune(now);
    const auto it = m_refreshTokens.find(refresh);
    if (it == m_refreshTokens.end() || !it->valid)
        return oauthError(400, QStringLiteral("invalid_grant"),
                          QStringLiteral("Refresh token is invalid or has been revoked"));
    ++m_stats.refreshGrants;
    const QString family = it->family;
    const QString scope = it->scope;
    if (m_settings.rotateRefreshTokens)
        it->valid = false;
    return userTokens(scope, family, now, m_settings.rotateRefreshTokens);
}

ApiAnswer OAuthServer::clientCredentialsGrant(const ApiRequest &request,
                                              const QMap<QString, QString> &form, qint64 now)
{
    QString id;
    QString secret;
    const bool basic = basicCredentials(request.authorization, &id, &secret);
    if (basic && form.contains(QStringLiteral("client_secret")))
        return oauthError(400, QStringLiteral("invalid_request"),
                          QStringLiteral("Use one client authentication method: HTTP Basic or "
                                         "client_secret in the body, not both."));
    if (!basic) {
        id = form.value(QStringLiteral("client_id"));
        secret = form.value(QStringLiteral("client_secret"));
    }
    const QString scope = form.value(QStringLiteral("scope"));
    std::lock_guard<std::mutex> lock(m_mutex);
    const ServicePrincipal *sp = principal(id, false);
    if (!sp || !sameSecret(secret, sp->clientSecret))
        return invalidClient(basic);
    const QString scopeError = scopeProblem(scope);
    if (!scopeError.isEmpty())
        return oauthError(400, QStringLiteral("invalid_scope"), scopeError);
    prune(now);
    ++m_stats.clientCredentialsGrants;
    const OAuthIdentity identity{true, sp->clientId,
                                 sp->displayName.isEmpty() ? sp->clientId : sp->displayName};
    ApiAnswer result = ApiRouter::json(
        QJsonObject{{QStringLiteral("access_token"), issueAccessToken(identity, QString(), now)},
                    {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                    {QStringLiteral("expires_in"),
                     realSeconds(m_settings.tokenLifetimeSeconds, m_settings.speed)},
                    {QStringLiteral("scope"), normalizedScope(scope)}});
    noStore(result);
    return result;
}

ApiAnswer OAuthServer::entraToken(const ApiRequest &request, const QString &tenant)
{
    QString repeated;
    const QMap<QString, QString> form = parseForm(request.body, &repeated);
    const qint64 now = m_clock();
    std::lock_guard<std::mutex> lock(m_mutex);
    const bool knownTenant = std::any_of(
        m_settings.servicePrincipals.cbegin(), m_settings.servicePrincipals.cend(),
        [&](const ServicePrincipal &sp) {
            return !sp.tenantId.isEmpty() && sp.tenantId.compare(tenant, Qt::CaseInsensitive) == 0;
        });
    if (!knownTenant)
        return entraError(400, QStringLiteral("invalid_request"), 90002,
                          QStringLiteral("Tenant '%1' not found. Check to make sure you have the "
                                         "correct tenant ID and are signing into the correct "
                                         "cloud. Check with your subscription administrator, "
                                         "this may happen if there are no active subscriptions "
                                         "for the tenant.")
                              .arg(tenant));
    if (!isForm(request))
        return entraError(400, QStringLiteral("invalid_request"), 900144,
                          QStringLiteral("The request body must contain the following parameter: "
                                         "'grant_type'."));
    auto missing = [](const QString &name) {
        return entraError(400, QStringLiteral("invalid_request"), 900144,
                          QStringLiteral("The request body must contain the following parameter: "
                                         "'%1'.")
                              .arg(name));
    };
    const QString grantType = form.value(QStringLiteral("grant_type"));
    if (grantType.isEmpty())
        return missing(QStringLiteral("grant_type"));
    if (grantType != QLatin1String("client_credentials"))
        return entraError(
            400, QStringLiteral("unsupported_grant_type"), 70003,
            QStringLiteral("The app requested an unsupported grant type '%1'.").arg(grantType));
    QString id;
    QString secret;
    if (!basicCredentials(request.authorization, &id, &secret)) {
        id = form.value(QStringLiteral("client_id"));
        secret = form.value(QStringLiteral("client_secret"));
    }
    if (id.isEmpty())
        return missing(QStringLiteral("client_id"));
    const ServicePrincipal *sp = principal(id, true);
    if (!sp || sp->tenantId.compare(tenant, Qt::CaseInsensitive) != 0)
        return entraError(400, QStringLiteral("unauthorized_client"), 700016,
                          QStringLiteral("Application with identifier '%1' was not found in the "
                                         "directory '%2'. This can happen if the application has "
                                         "not been installed by the administrator of the tenant "
                                         "or consented to by any user in the tenant.")
                              .arg(id, tenant));
    if (secret.isEmpty())
        return entraError(401, QStringLiteral("invalid_client"), 7000218,
                          QStringLiteral("The request body must contain the following parameter: "
                                         "'client_assertion' or 'client_secret'."));
    if (!sameSecret(secret, sp->clientSecret))
        return entraError(401, QStringLiteral("invalid_client"), 7000215,
                          QStringLiteral("Invalid client secret provided. Ensure the secret being "
                                         "sent in the request is the client secret value, not "
                                         "the client secret ID, for a secret added to app '%1'.")
                              .arg(sp->clientId));
    const QString scope = form.value(QStringLiteral("scope"));
    if (scope.isEmpty())
        return missing(QStringLiteral("scope"));
    if (scope != kAzureDatabricksScope)
        return entraError(400, QStringLiteral("invalid_scope"), 70011,
                          QStringLiteral("The provided request must include a 'scope' input "
                                         "parameter. The provided value for the input parameter "
                                         "'scope' is not valid. The scope %1 is not valid.")
                              .arg(scope));
    prune(now);
    ++m_stats.entraGrants;
    const OAuthIdentity identity{true, sp->clientId,
                                 sp->displayName.isEmpty() ? sp->clientId : sp->displayName};
    const int expiresIn = realSeconds(m_settings.tokenLifetimeSeconds, m_settings.speed);
    ApiAnswer result = ApiRouter::json(
        QJsonObject{{QStringLiteral("token_type"), QStringLiteral("Bearer")},
                    {QStringLiteral("expires_in"), expiresIn},
                    {QStringLiteral("ext_expires_in"), expiresIn},
                    {QStringLiteral("access_token"), issueAccessToken(identity, QString(), now)}});
    noStore(result);
    return result;
}

QString OAuthServer::issueAccessToken(const OAuthIdentity &identity, const QString &family,
                                      qint64 now)
{
    const QString token =
        jwtLike(QJsonObject{{QStringLiteral("iss"), QString(m_baseUrl + QStringLiteral("/oidc"))},
                            {QStringLiteral("sub"), identity.userName},
                            {QStringLiteral("scope"), QStringLiteral("all-apis")}});
    m_accessTokens.insert(
        token, AccessToken{identity, family, now + m_settings.tokenLifetimeSeconds * 1000, false});
    return token;
}

OAuthIdentity OAuthServer::userIdentity() const
{
    return {false, m_settings.userName,
            m_settings.userDisplayName.isEmpty() ? m_settings.userName
                                                 : m_settings.userDisplayName};
}

const ServicePrincipal *OAuthServer::principal(const QString &clientId, bool entra) const
{
    if (clientId.isEmpty())
        return nullptr;
    for (const ServicePrincipal &sp : m_settings.servicePrincipals) {
        if (sp.clientId == clientId && sp.tenantId.isEmpty() != entra)
            return &sp;
    }
    return nullptr;
}

void OAuthServer::prune(qint64 now)
{
    // Kept a while after they expire, so the answer can say "expired".
    m_pending.removeIf([now](QHash<QString, Pending>::iterator it) {
        return now >= it.value().expiresAtMs + PendingLifetimeMs;
    });
    m_codes.removeIf([now](QHash<QString, Code>::iterator it) {
        return now >= it.value().expiresAtMs + CodeLifetimeMs;
    });
    // Expired access tokens answer "Token is expired." until there are many.
    if (m_accessTokens.size() > kPruneThreshold)
        m_accessTokens.removeIf([now](QHash<QString, AccessToken>::iterator it) {
            return it.value().revoked || now >= it.value().expiresAtMs;
        });
    if (m_refreshTokens.size() > kPruneThreshold)
        m_refreshTokens.removeIf(
            [](QHash<QString, RefreshToken>::iterator it) { return !it.value().valid; });
}

OAuthServer::TokenState OAuthServer::checkAccessToken(const QString &token,
                                                      OAuthIdentity *identity) const
{
    const qint64 now = m_clock();
    std::lock_guard<std::mutex> lock(m_mutex);
    const auto it = m_accessTokens.constFind(token);
    if (it == m_accessTokens.constEnd())
        return TokenState::Unknown;
    if (it->revoked)
        return TokenState::Revoked;
    if (now >= it->expiresAtMs)
        return TokenState::Expired;
    if (identity)
        *identity = it->identity;
    return TokenState::Valid;
}

void OAuthServer::addServicePrincipal(const ServicePrincipal &principal)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    auto &list = m_settings.servicePrincipals;
    list.removeIf([&](const ServicePrincipal &sp) {
        return sp.clientId == principal.clientId &&
               sp.tenantId.compare(principal.tenantId, Qt::CaseInsensitive) == 0;
    });
    list.append(principal);
}

bool OAuthServer::revokeRefreshToken(const QString &refreshToken)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const auto it = m_refreshTokens.constFind(refreshToken);
    if (it == m_refreshTokens.constEnd())
        return false;
    const QString family = it->family;
    for (RefreshToken &refresh : m_refreshTokens) {
        if (refresh.family == family)
            refresh.valid = false;
    }
    for (AccessToken &access : m_accessTokens) {
        if (access.family == family)
            access.revoked = true;
    }
    return true;
}

void OAuthServer::revokeAll()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    for (RefreshToken &refresh : m_refreshTokens)
        refresh.valid = false;
    for (AccessToken &access : m_accessTokens)
        access.revoked = true;
}

void OAuthServer::expireAccessTokens()
{
    const qint64 now = m_clock();
    std::lock_guard<std::mutex> lock(m_mutex);
    for (AccessToken &access : m_accessTokens)
        access.expiresAtMs = std::min(access.expiresAtMs, now);
}

void OAuthServer::setAutoApproveConsent(bool autoApprove)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_settings.autoApproveConsent = autoApprove;
}

void OAuthServer::setRotateRefreshTokens(bool rotate)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_settings.rotateRefreshTokens = rotate;
}

OAuthStats OAuthServer::stats() const
{
    const qint64 now = m_clock();
    std::lock_guard<std::mutex> lock(m_mutex);
    OAuthStats stats = m_stats;
    stats.activeAccessTokens = static_cast<int>(
        std::count_if(m_accessTokens.cbegin(), m_accessTokens.cend(),
                      [now](const AccessToken &a) { return !a.revoked && now < a.expiresAtMs; }));
    return stats;
}

} // namespace Brickrun::Emulator
