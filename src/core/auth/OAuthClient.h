// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/Result.h"
#include "auth/Credentials.h"

#include <QHash>
#include <QObject>
#include <QSslCertificate>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>
#include <functional>

class QNetworkAccessManager;

namespace Brickrun {

// The Azure Databricks application, whose tokens Entra ID and the Azure CLI hand out.
inline const QString AzureDatabricksResource =
    QStringLiteral("2ff814a6-3304-4ab8-85cb-cd0e6f879c1d");
inline const QString DefaultAzureAuthority = QStringLiteral("https://login.microsoftonline.com");
// The public OAuth application of the Databricks CLI, which browser sign-in uses.
inline const QString DatabricksCliClientId = QStringLiteral("databricks-cli");

// Where a workspace signs people in, from its discovery document.
struct OAuthEndpoints
{
    QUrl authorization;
    QUrl token;
};

// What a token endpoint answered.
struct OAuthTokenAnswer
{
    AccessToken access;
    QString refreshToken; // empty when none was given (client credentials, or no rotation)
    QString scope;
};

// The few HTTP calls of OAuth: the discovery document and token requests (form-encoded). The
// same trust rules as HttpTransport: https only (plain http to loopback, for the demo
// workspace), no redirect followed, TLS errors never ignored, a timeout on every request.
class OAuthClient : public QObject
{
    Q_OBJECT
public:
    explicit OAuthClient(QNetworkAccessManager *network, QObject *parent = nullptr);

    void setExtraCaCertificates(const QList<QSslCertificate> &certificates);
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    // GET {host}/oidc/.well-known/oauth-authorization-server, remembered per host.
    void discover(const QUrl &host, QObject *context,
                  std::function<void(const Result<OAuthEndpoints> &)> callback);

    // POSTs `form` to `endpoint`; with `basicUser` set, the client id and secret go as HTTP
    // Basic credentials (Databricks M2M), else they are in the form (Entra ID).
    void requestToken(const QUrl &endpoint, const QUrlQuery &form, const QString &basicUser,
                      const QString &basicPassword, QObject *context,
                      std::function<void(const Result<OAuthTokenAnswer> &)> callback);

    // Empty when `url` may receive secrets, else why not.
    static QString checkEndpoint(const QUrl &url);
    // True for the answers that mean "the secret is no good": only signing in again helps.
    static bool isSignInRequired(const ApiError &error);

private:
    void send(const QUrl &url, const QByteArray &method, const QByteArray &body,
              const QByteArray &authorization, QObject *context,
              std::function<void(const Result<QJsonObject> &)> callback);

    QNetworkAccessManager *m_network;
    QList<QSslCertificate> m_extraCa;
    std::chrono::milliseconds m_timeout{30000};
    QHash<QString, OAuthEndpoints> m_discovered;
};

} // namespace Brickrun
