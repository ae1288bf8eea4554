// SPDX-License-Identifier: Apache-2.0
#pragma once

// A blocking HTTP client for the emulator tests: real requests over loopback through
// QNetworkAccessManager (a nested event loop is fine in tests).

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimer>
#include <QUrl>

#include <optional>
#include <utility>

namespace Brickrun::Emulator::Test {

struct HttpReply
{
    int status = 0;
    QByteArray contentType;
    QByteArray body;
    QJsonObject json;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QList<QSslError> sslErrors;
    QList<QNetworkReply::RawHeaderPair> headers;
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &pair : headers) {
            if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
                return pair.second;
        }
        return {};
    }
    QString errorCode() const { return json.value(QStringLiteral("error_code")).toString(); }
    QString message() const { return json.value(QStringLiteral("message")).toString(); }
};

class HttpTestClient
{
public:
    HttpTestClient(QString baseUrl, QString token)
        : m_baseUrl(std::move(baseUrl))
        , m_token(std::move(token))
    {}

    // 0 = none; else the reply fails with OperationCanceledError after this long.
    void setTransferTimeout(int ms) { m_transferTimeoutMs = ms; }
    // Off by default: redirects are answers of their own.
    void setFollowRedirects(bool follow) { m_followRedirects = follow; }
    void setSslConfiguration(const QSslConfiguration &configuration)
    {
        m_sslConfiguration = configuration;
    }

    // authorization: null = "Bearer <token>", empty = no header, else sent as is.
    HttpReply get(const QString &path, const QString &authorization = QString())
    {
        return send("GET", path, QByteArray(), authorization);
    }
    HttpReply post(const QString &path, const QByteArray &body,
                   const QString &authorization = QString())
    {
        return send("POST", path, body, authorization);
    }
    // An application/x-www-form-urlencoded POST, as a browser or an OAuth client sends it.
    HttpReply postForm(const QString &path, const QByteArray &body,
                       const QString &authorization = QString())
    {
        return send("POST", path, body, authorization,
                    QByteArrayLiteral("application/x-www-form-urlencoded"));
    }
    HttpReply send(const QByteArray &verb, const QString &path, const QByteArray &body,
                   const QString &authorization = QString(),
                   const QByteArray &contentType = QByteArrayLiteral("application/json"))
    {
        QNetworkRequest request(QUrl(m_baseUrl + path));
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             m_followRedirects ? QNetworkRequest::NoLessSafeRedirectPolicy
                                               : QNetworkRequest::ManualRedirectPolicy);
        if (m_transferTimeoutMs > 0)
            request.setTransferTimeout(m_transferTimeoutMs);
        if (m_sslConfiguration)
            request.setSslConfiguration(*m_sslConfiguration);
        if (authorization.isNull())
            request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
        else if (!authorization.isEmpty())
            request.setRawHeader("Authorization", authorization.toUtf8());
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        QNetworkReply *reply = m_nam.sendCustomRequest(request, verb, body);
        QList<QSslError> sslErrors;
        QObject::connect(reply, &QNetworkReply::sslErrors,
                         [&sslErrors](const QList<QSslError> &errors) { sslErrors = errors; });
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(20000, &loop, &QEventLoop::quit);
        loop.exec();
        HttpReply result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        if (reply->isOpen())
            result.body = reply->readAll();
        result.json = QJsonDocument::fromJson(result.body).object();
        result.error = reply->error();
        result.sslErrors = sslErrors;
        result.headers = reply->rawHeaderPairs();
        reply->deleteLater();
        return result;
    }

private:
    QNetworkAccessManager m_nam;
    QString m_baseUrl;
    QString m_token;
    int m_transferTimeoutMs = 0;
    bool m_followRedirects = false;
    std::optional<QSslConfiguration> m_sslConfiguration;
};

} // namespace Brickrun::Emulator::Test
