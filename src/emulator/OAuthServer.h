// SPDX-License-Identifier: Apache-2.0
#pragma once

// The OAuth side of the demo workspace, written from the API facts (docs/demo-workspace.md,
// "OAuth sign-in"): the discovery document, the authorize page with its consent form (U2M,
// public client "databricks-cli", PKCE S256, loopback redirects on ports 8020-8040), the
// workspace token endpoint (authorization_code, refresh_token with rotation,
// client_credentials) and an Entra-ID-like token route for Azure service principals. Keeps
// the issued tokens and tells the API routes whom a bearer token belongs to. Independent of
// the HTTP library like ApiRouter; thread-safe (one mutex over all its state).
//
// Lifetimes run on the emulator's simulated clock (the clock function given); "expires_in"
// in answers is in real seconds. Tokens and secrets are random (QRandomGenerator::system())
// and are never logged.

#include "ApiRouter.h"

#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <mutex>

namespace Brickrun::Emulator {

// A service principal: Databricks OAuth M2M (tenantId empty) or an Entra ID application
// (tenantId set: it signs in at /{tenant}/oauth2/v2.0/token).
struct ServicePrincipal
{
    QString clientId;
    QString clientSecret;
    QString tenantId;
    QString displayName; // empty = the client id
};

struct OAuthStats
{
    int authorizationCodeGrants = 0; // successful grants of each kind
    int refreshGrants = 0;
    int clientCredentialsGrants = 0;
    int entraGrants = 0;
    int activeAccessTokens = 0; // issued, neither expired nor revoked
};

struct OAuthSettings
{
    qint64 tokenLifetimeSeconds = 3600; // simulated seconds
    double speed = 1.0;                 // simulated seconds per real second
    bool rotateRefreshTokens = true;
    bool autoApproveConsent = false;
    QString userName;        // the user U2M tokens belong to
    QString userDisplayName; // empty = userName
    QList<ServicePrincipal> servicePrincipals;
};

// Whom an access token belongs to, for SCIM Me.
struct OAuthIdentity
{
    bool servicePrincipal = false;
    QString userName;    // the user's name, or the service principal's application (client) id
    QString displayName; // the user's configured display name, or the service principal's
};

class OAuthServer
{
public:
    using Clock = std::function<qint64()>; // simulated epoch milliseconds

    OAuthServer(OAuthSettings settings, Clock clock);

    // The routes it serves: /oidc/... and /{tenant}/oauth2/v2.0/token.
    static bool handles(const QString &path);
    ApiAnswer handle(const ApiRequest &request);

    // The emulator's base URL ("http://127.0.0.1:PORT"), for the discovery document.
    void setBaseUrl(const QString &baseUrl);
    // The user U2M tokens belong to (set from the workspace at start when none was configured).
    void setUser(const QString &userName, const QString &displayName);
    QString userName() const;

    enum class TokenState
    {
        Unknown,
        Valid,
        Expired,
        Revoked,
    };
    TokenState checkAccessToken(const QString &token, OAuthIdentity *identity = nullptr) const;

    void addServicePrincipal(const ServicePrincipal &principal); // replaces one with its id
    // Revokes a refresh token, the tokens rotated from the same sign-in and every access token
    // they gave. False when it is unknown.
    bool revokeRefreshToken(const QString &refreshToken);
    // Revokes every refresh token and every access token issued so far (U2M, M2M and Entra).
    void revokeAll();
    // Every access token issued so far is expired from now on.
    void expireAccessTokens();
    void setAutoApproveConsent(bool autoApprove);
    void setRotateRefreshTokens(bool rotate);
    OAuthStats stats() const;

    // "expires_in" for a lifetime of simulated seconds at a speed: max(1, round(s / speed)).
    static int realSeconds(qint64 simulatedSeconds, double speed);

    // The OAuth application of the browser sign-in (the Databricks CLI's, which Brickrun uses).
    static constexpr const char *ClientId = "databricks-cli";

private:
    static constexpr qint64 PendingLifetimeMs = 10 * 60 * 1000; // simulated
    static constexpr qint64 CodeLifetimeMs = 5 * 60 * 1000;     // simulated
    struct Pending // an authorize request waiting for consent
    {
        QString redirectUri;
        bool hasState = false;
        QString state;
        QString scope;
        QString codeChallenge;
        qint64 expiresAtMs = 0;
    };
    struct Code
    {
        QString redirectUri;
        QString scope;
        QString codeChallenge;
        qint64 expiresAtMs = 0;
        bool used = false;
    };
    struct AccessToken
    {
        OAuthIdentity identity;
        QString family; // the sign-in it comes from (refresh tokens share it); empty for M2M
        qint64 expiresAtMs = 0;
        bool revoked = false;
    };
    struct RefreshToken
    {
        QString family;
        QString scope;
        bool valid = true; // false once rotated or revoked
    };

    ApiAnswer discovery() const;
    ApiAnswer authorize(const ApiRequest &request);
    ApiAnswer consent(const ApiRequest &request);
    ApiAnswer token(const ApiRequest &request);
    ApiAnswer entraToken(const ApiRequest &request, const QString &tenant);
    ApiAnswer authorizationCodeGrant(const QMap<QString, QString> &form, qint64 now);
    ApiAnswer refreshGrant(const QMap<QString, QString> &form, qint64 now);
    ApiAnswer clientCredentialsGrant(const ApiRequest &request, const QMap<QString, QString> &form,
                                     qint64 now);

    // Callers hold m_mutex.
    QString newCode(const Pending &pending, qint64 now);
    // An access token for the signed-in user; a new refresh token too when the scope has
    // offline_access and withRefresh (a refresh grant without rotation keeps the old one).
    ApiAnswer userTokens(const QString &scope, const QString &family, qint64 now,
                         bool withRefresh = true);
    QString issueAccessToken(const OAuthIdentity &identity, const QString &family, qint64 now);
    OAuthIdentity userIdentity() const;
    const ServicePrincipal *principal(const QString &clientId, bool entra) const;
    void prune(qint64 now);

    OAuthSettings m_settings;
    Clock m_clock;
    mutable std::mutex m_mutex;
    QString m_baseUrl;
    QHash<QString, Pending> m_pending; // by request_id
    QHash<QString, Code> m_codes;
    QHash<QString, AccessToken> m_accessTokens;
    QHash<QString, RefreshToken> m_refreshTokens;
    OAuthStats m_stats;
};

} // namespace Brickrun::Emulator
