// SPDX-License-Identifier: Apache-2.0
#include "auth/OAuthClient.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QSslConfiguration>

namespace Brickrun {

namespace {

bool isLoopback(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString describe(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo).toString();
}

// An OAuth error answer ({"error","error_description"}, RFC 6749 §5.2) as an ApiError whose
// code is the OAuth error; other answers as ApiError::fromHttp reads them.
ApiError oauthError(int status, const QByteArray &body, const QByteArray &contentType,
                    const QUrl &url)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    const QJsonObject o = doc.object();
    if (doc.isObject() && o.value(QStringLiteral("error")).isString()) {
        ApiError e;
        e.kind = ApiError::Kind::Http;
        e.httpStatus = status;
        e.errorCode = o.value(QStringLiteral("error")).toString().left(100);
        e.message = o.value(QStringLiteral("error_description")).toString().simplified().left(300);
        if (e.message.isEmpty())
            e.message = QStringLiteral("%1 refused the request").arg(describe(url));
        return e;
    }
    return ApiError::fromHttp(status, body, contentType);
}

} // namespace

OAuthClient::OAuthClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{}

void OAuthClient::setExtraCaCertificates(const QList<QSslCertificate> &certificates)
{
    m_extraCa = certificates;
}

QString OAuthClient::checkEndpoint(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return QStringLiteral("\"%1\" is not a web address").arg(url.toString());
    if (url.scheme() == QLatin1String("https"))
        return {};
    if (url.scheme() == QLatin1String("http") && isLoopback(url.host()))
        return {};
    return QStringLiteral("%1 is not https; Brickrun sends secrets only over https (plain http "
                          "only to this computer)")
        .arg(describe(url));
}

bool OAuthClient::isSignInRequired(const ApiError &error)
{
    if (error.kind != ApiError::Kind::Http)
        return false;
    const QString code = error.errorCode;
    // Entra ID answers an unknown tenant with invalid_request AADSTS90002: the profile's
    // settings are wrong, as with an unknown client id (unauthorized_client).
    const bool unknownTenant = code == QLatin1String("invalid_request") &&
                               error.message.startsWith(QLatin1String("AADSTS90002"));
    return code == QLatin1String("invalid_grant") || code == QLatin1String("invalid_client") ||
           code == QLatin1String("unauthorized_client") || code == QLatin1String("invalid_scope") ||
           unknownTenant || error.httpStatus == 401;
}

void OAuthClient::send(const QUrl &url, const QByteArray &method, const QByteArray &body,
                       const QByteArray &authorization, QObject *context,
                       std::function<void(const Result<QJsonObject> &)> callback)
{
    if (const QString why = checkEndpoint(url); !why.isEmpty()) {
        QMetaObject::invokeMethod(
            this,
            [callback, why] {
                callback(Result<QJsonObject>::failure(ApiError::invalidInput(why)));
            },
            Qt::QueuedConnection);
        return;
    }
    QNetworkRequest req(url);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     QNetworkRequest::ManualRedirectPolicy);
    req.setTransferTimeout(int(m_timeout.count()));
    req.setHeader(QNetworkRequest::UserAgentHeader,
                  QByteArrayLiteral("brickrun/" BRICKRUN_VERSION));
    req.setRawHeader("Accept", "application/json");
    if (!authorization.isEmpty())
        req.setRawHeader("Authorization", authorization);
    if (!m_extraCa.isEmpty() && url.scheme() == QLatin1String("https")) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(m_extraCa);
        req.setSslConfiguration(tls);
    }
    QNetworkReply *reply = nullptr;
    if (method == "POST") {
        req.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
        reply = m_network->post(req, body);
    } else {
        reply = m_network->get(req);
    }
    const bool hasContext = context != nullptr;
    QPointer<QObject> guard(context);
    if (context)
        connect(context, &QObject::destroyed, reply, &QNetworkReply::abort);
    connect(reply, &QNetworkReply::finished, this,
            [reply, url, guard, hasContext, callback = std::move(callback)] {
                reply->deleteLater();
                if (hasContext && !guard)
                    return;
                const int status =
                    reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                // At most 1 MB: token answers and discovery documents are a few hundred bytes.
                const QByteArray answer = reply->isOpen() ? reply->read(1 << 20) : QByteArray();
                const QByteArray type =
                    reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
                if (status == 0) {
                    callback(Result<QJsonObject>::failure(
                        ApiError::network(QStringLiteral("%1 could not be reached: %2")
                                              .arg(describe(url), reply->errorString()))));
                    return;
                }
                if (status >= 300 && status < 400) {
                    callback(Result<QJsonObject>::failure(ApiError::badResponse(
                        QStringLiteral("%1 answered with a redirect, which Brickrun does not "
                                       "follow with secrets")
                            .arg(describe(url)))));
                    return;
                }
                if (status < 200 || status >= 300) {
                    callback(Result<QJsonObject>::failure(oauthError(status, answer, type, url)));
                    return;
                }
                const QJsonDocument doc = QJsonDocument::fromJson(answer);
                if (!doc.isObject()) {
                    const ApiError asText = ApiError::fromHttp(status, answer, type);
                    callback(Result<QJsonObject>::failure(ApiError::badResponse(
                        QStringLiteral("%1 answered with something that is not JSON (%2); is "
                                       "this a Databricks workspace?")
                            .arg(describe(url), asText.message))));
                    return;
                }
                callback(Result<QJsonObject>::success(doc.object()));
            });
}

void OAuthClient::discover(const QUrl &host, QObject *context,
                           std::function<void(const Result<OAuthEndpoints> &)> callback)
{
    const QString key = host.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment |
                                      QUrl::RemoveUserInfo)
                            .toString();
    if (const auto it = m_discovered.constFind(key); it != m_discovered.constEnd()) {
        const OAuthEndpoints &known = *it;
        QMetaObject::invokeMethod(
            this, [callback, known] { callback(Result<OAuthEndpoints>::success(known)); },
            Qt::QueuedConnection);
        return;
    }
    QUrl url(key);
    url.setPath(QStringLiteral("/oidc/.well-known/oauth-authorization-server"));
    send(url, "GET", {}, {}, context, [this, key, url, callback](const Result<QJsonObject> &r) {
        if (!r) {
            ApiError e = r.error();
            e.message = QStringLiteral("the workspace's sign-in settings (%1) could not be "
                                       "read: %2")
                            .arg(describe(url), e.message);
            callback(Result<OAuthEndpoints>::failure(e));
            return;
        }
        OAuthEndpoints endpoints;
        endpoints.authorization =
            QUrl(r.value().value(QStringLiteral("authorization_endpoint")).toString());
        endpoints.token = QUrl(r.value().value(QStringLiteral("token_endpoint")).toString());
        QString why = checkEndpoint(endpoints.authorization);
        if (why.isEmpty())
            why = checkEndpoint(endpoints.token);
        if (why.isEmpty() && (endpoints.authorization.isEmpty() || endpoints.token.isEmpty()))
            why = QStringLiteral("it names no authorization or token endpoint");
        if (!why.isEmpty()) {
            callback(Result<OAuthEndpoints>::failure(ApiError::badResponse(
                QStringLiteral("the workspace's sign-in settings (%1) are not usable: %2")
                    .arg(describe(url), why))));
            return;
        }
        m_discovered.insert(key, endpoints);
        callback(Result<OAuthEndpoints>::success(endpoints));
    });
}

void OAuthClient::requestToken(const QUrl &endpoint, const QUrlQuery &form,
                               const QString &basicUser, const QString &basicPassword,
                               QObject *context,
                               std::function<void(const Result<OAuthTokenAnswer> &)> callback)
{
    QByteArray authorization;
    if (!basicUser.isEmpty()) {
        const QByteArray pair =
            QUrl::toPercentEncoding(basicUser) + ':' + QUrl::toPercentEncoding(basicPassword);
        authorization = "Basic " + pair.toBase64();
    }
    // QUrlQuery leaves '+' and '&' inside values as they are: encode the form by hand.
    QByteArray body;
    for (const auto &[name, value] : form.queryItems(QUrl::FullyDecoded)) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    send(endpoint, "POST", body, authorization, context,
         [callback, endpoint](const Result<QJsonObject> &r) {
             if (!r) {
                 callback(Result<OAuthTokenAnswer>::failure(r.error()));
                 return;
             }
             const QJsonObject &o = r.value();
             OAuthTokenAnswer answer;
             answer.access.value = o.value(QStringLiteral("access_token")).toString();
             answer.refreshToken = o.value(QStringLiteral("refresh_token")).toString();
             answer.scope = o.value(QStringLiteral("scope")).toString();
             // expires_in is a number by the RFC; Entra ID has sent it as a string.
             const QJsonValue expires = o.value(QStringLiteral("expires_in"));
             const qint64 seconds =
                 expires.isString() ? expires.toString().toLongLong() : qint64(expires.toDouble());
             if (seconds > 0)
                 answer.access.expiresAt = QDateTime::currentDateTimeUtc().addSecs(seconds);
             if (answer.access.value.isEmpty()) {
                 callback(Result<OAuthTokenAnswer>::failure(ApiError::badResponse(
                     QStringLiteral("%1 answered without an access token")
                         .arg(endpoint.adjusted(QUrl::RemoveQuery).toString()))));
                 return;
             }
             callback(Result<OAuthTokenAnswer>::success(answer));
         });
}

} // namespace Brickrun
