// SPDX-License-Identifier: Apache-2.0
#include "auth/OAuthCredentials.h"

#include "auth/OAuthClient.h"

#include <QUrlQuery>

namespace Brickrun {

Credentials::Outcome credentialsFailure(const ApiError &error, const QString &whatFailed,
                                        const QString &remedy)
{
    Credentials::Outcome o;
    o.error = error;
    o.signInRequired = OAuthClient::isSignInRequired(error);
    QString detail = error.message;
    if (!error.errorCode.isEmpty() && error.kind == ApiError::Kind::Http)
        detail = QStringLiteral("%1: %2").arg(error.errorCode, error.message);
    o.error.message = o.signInRequired
                          ? QStringLiteral("%1 (%2); %3").arg(whatFailed, detail, remedy)
                          : QStringLiteral("%1: %2").arg(whatFailed, detail);
    if (o.signInRequired) {
        // For callers that look at the status: this is the same as a refused token.
        o.error.kind = ApiError::Kind::Http;
        o.error.httpStatus = 401;
    }
    return o;
}

RefreshTokenCredentials::RefreshTokenCredentials(const QUrl &host, const QString &refreshToken,
                                                 OAuthClient *oauth, QObject *parent)
    : Credentials(parent)
    , m_host(host)
    , m_refreshToken(refreshToken)
    , m_oauth(oauth)
{}

void RefreshTokenCredentials::setRefreshToken(const QString &refreshToken)
{
    m_refreshToken = refreshToken;
}

void RefreshTokenCredentials::fetch(std::function<void(const Outcome &)> done)
{
    const QString remedy = QStringLiteral("sign in again");
    if (m_refreshToken.isEmpty()) {
        QMetaObject::invokeMethod(
            this,
            [done] {
                Outcome o;
                o.error = ApiError::invalidInput(
                    QStringLiteral("not signed in: sign in with the browser first"));
                o.error.kind = ApiError::Kind::Http;
                o.error.httpStatus = 401;
                o.signInRequired = true;
                done(o);
            },
            Qt::QueuedConnection);
        return;
    }
    m_oauth->discover(m_host, this, [this, done, remedy](const Result<OAuthEndpoints> &r) {
        if (!r) {
            Outcome o;
            o.error = r.error();
            done(o);
            return;
        }
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
        form.addQueryItem(QStringLiteral("refresh_token"), m_refreshToken);
        form.addQueryItem(QStringLiteral("client_id"), DatabricksCliClientId);
        m_oauth->requestToken(
            r.value().token, form, {}, {}, this,
            [this, done, remedy](const Result<OAuthTokenAnswer> &answer) {
                if (!answer) {
                    done(credentialsFailure(answer.error(),
                                            QStringLiteral("The workspace refused to renew the "
                                                           "browser sign-in"),
                                            remedy));
                    return;
                }
                if (!answer.value().refreshToken.isEmpty() &&
                    answer.value().refreshToken != m_refreshToken) {
                    m_refreshToken = answer.value().refreshToken;
                    Q_EMIT secretChanged(m_refreshToken);
                }
                Outcome o;
                o.token = answer.value().access;
                done(o);
            });
    });
}

ClientSecretCredentials::ClientSecretCredentials(Settings settings, OAuthClient *oauth,
                                                 QObject *parent)
    : Credentials(parent)
    , m_settings(std::move(settings))
    , m_oauth(oauth)
{
    if (m_settings.authority.isEmpty())
        m_settings.authority = QUrl(DefaultAzureAuthority);
}

QUrl ClientSecretCredentials::entraTokenUrl() const
{
    QUrl url = m_settings.authority;
    QString path = url.path();
    if (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QLatin1Char('/') + m_settings.tenantId +
                QStringLiteral("/oauth2/v2.0/token"));
    return url;
}

void ClientSecretCredentials::fetch(std::function<void(const Outcome &)> done)
{
    if (m_settings.authType == AuthType::AzureClientSecret) {
        requestAt(entraTokenUrl(), done);
        return;
    }
    m_oauth->discover(m_settings.host, this, [this, done](const Result<OAuthEndpoints> &r) {
        if (!r) {
            Outcome o;
            o.error = r.error();
            done(o);
            return;
        }
        requestAt(r.value().token, done);
    });
}

void ClientSecretCredentials::requestAt(const QUrl &endpoint,
                                        std::function<void(const Outcome &)> done)
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
    const bool entra = m_settings.authType == AuthType::AzureClientSecret;
    QString user;
    QString password;
    if (entra) {
        form.addQueryItem(QStringLiteral("client_id"), m_settings.clientId);
        form.addQueryItem(QStringLiteral("client_secret"), m_settings.clientSecret);
        form.addQueryItem(QStringLiteral("scope"),
                          AzureDatabricksResource + QStringLiteral("/.default"));
    } else {
        form.addQueryItem(QStringLiteral("scope"), QStringLiteral("all-apis"));
        user = m_settings.clientId;
        password = m_settings.clientSecret;
    }
    m_oauth->requestToken(
        endpoint, form, user, password, this,
        [this, done, entra](const Result<OAuthTokenAnswer> &answer) {
            if (!answer) {
                done(credentialsFailure(
                    answer.error(),
                    entra ? QStringLiteral("Entra ID refused the service principal %1")
                                .arg(m_settings.clientId)
                          : QStringLiteral("The workspace refused the service principal %1")
                                .arg(m_settings.clientId),
                    QStringLiteral("check its client id%1 and store its current secret again")
                        .arg(entra ? QStringLiteral(", tenant") : QString())));
                return;
            }
            Outcome o;
            o.token = answer.value().access;
            done(o);
        });
}

} // namespace Brickrun
