#pragma once

// A blocking HTTP client for the emulator tests: real requests over loopback through
// QNetworkAccessManager (a nested event loop is fine in tests).

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrl>

#include <utility>

namespace Brickrun::Emulator::Test {

struct HttpReply
{
    int status = 0;
    QByteArray contentType;
    QByteArray body;
    QJsonObject json;
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
    HttpReply send(const QByteArray &verb, const QString &path, const QByteArray &body,
                   const QString &authorization = QString())
    {
        QNetworkRequest request(QUrl(m_baseUrl + path));
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::ManualRedirectPolicy);
        if (authorization.isNull())
            request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
        else if (!authorization.isEmpty())
            request.setRawHeader("Authorization", authorization.toUtf8());
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArrayLiteral("application/json"));
        QNetworkReply *reply = m_nam.sendCustomRequest(request, verb, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(20000, &loop, &QEventLoop::quit);
        loop.exec();
        HttpReply result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        result.body = reply->readAll();
        result.json = QJsonDocument::fromJson(result.body).object();
        reply->deleteLater();
        return result;
    }

private:
    QNetworkAccessManager m_nam;
    QString m_baseUrl;
    QString m_token;
};

} // namespace Brickrun::Emulator::Test
