// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "auth/Credentials.h"

#include <QUrl>

namespace Brickrun {

class OAuthClient;

// Browser sign-in (OAuth U2M, auth_type databricks-cli) after the sign-in: access tokens come
// from the workspace's token endpoint with the refresh token kept in the keychain. A refused
// refresh (invalid_grant: revoked or expired) means "sign in again".
class RefreshTokenCredentials : public Credentials
{
    Q_OBJECT
public:
    RefreshTokenCredentials(const QUrl &host, const QString &refreshToken, OAuthClient *oauth,
                            QObject *parent = nullptr);
    QString authType() const override { return AuthType::OAuthU2M; }
    // After a new sign-in: the new refresh token (the access token goes to setCurrent).
    void setRefreshToken(const QString &refreshToken);
    bool hasRefreshToken() const { return !m_refreshToken.isEmpty(); }

protected:
    void fetch(std::function<void(const Outcome &)> done) override;

private:
    QUrl m_host;
    QString m_refreshToken;
    OAuthClient *m_oauth;
};

// A service principal's client credentials: Databricks OAuth M2M (the workspace's token
// endpoint, HTTP Basic, scope all-apis) or Entra ID (`{authority}/{tenant}/oauth2/v2.0/token`,
// scope `<Azure Databricks>/.default`).
class ClientSecretCredentials : public Credentials
{
    Q_OBJECT
public:
    struct Settings
    {
        QString authType = AuthType::OAuthM2M; // or AzureClientSecret
        QUrl host;                             // the workspace (M2M discovery)
        QString clientId;
        QString clientSecret;
        QString tenantId; // Entra ID only
        QUrl authority;   // Entra ID only; default https://login.microsoftonline.com
    };
    ClientSecretCredentials(Settings settings, OAuthClient *oauth, QObject *parent = nullptr);
    QString authType() const override { return m_settings.authType; }
    // The Entra ID token URL for these settings.
    QUrl entraTokenUrl() const;

protected:
    void fetch(std::function<void(const Outcome &)> done) override;

private:
    void requestAt(const QUrl &endpoint, std::function<void(const Outcome &)> done);
    Settings m_settings;
    OAuthClient *m_oauth;
};

// Turns a failed token request into an Outcome with one sentence a person can act on.
Credentials::Outcome credentialsFailure(const ApiError &error, const QString &whatFailed,
                                        const QString &remedy);

} // namespace Brickrun
