// SPDX-License-Identifier: Apache-2.0
#include "OAuthWire.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrl>
#include <QUuid>

namespace Brickrun::Emulator::OAuthWire {

const QStringList &knownScopes()
{
    static const QStringList scopes = {QStringLiteral("all-apis"), QStringLiteral("offline_access"),
                                       QStringLiteral("openid"), QStringLiteral("email"),
                                       QStringLiteral("profile")};
    return scopes;
}

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    for (int i = 0; i < count; ++i)
        bytes[i] = static_cast<char>(QRandomGenerator::system()->bounded(256));
    return bytes;
}

QString base64Url(const QByteArray &bytes)
{
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString randomHex(int bytes)
{
    return QString::fromLatin1(randomBytes(bytes).toHex());
}

// A JWT-looking token (header.payload.signature) whose signature is random: unguessable, and
// nothing in it is needed to use it.
QString jwtLike(const QJsonObject &claims)
{
    const QJsonObject header{{QStringLiteral("alg"), QStringLiteral("RS256")},
                             {QStringLiteral("kid"), QStringLiteral("brickrun-demo")},
                             {QStringLiteral("typ"), QStringLiteral("JWT")}};
    QJsonObject payload = claims;
    payload.insert(QStringLiteral("jti"), randomHex(16));
    return base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + QLatin1Char('.') +
           base64Url(QJsonDocument(payload).toJson(QJsonDocument::Compact)) + QLatin1Char('.') +
           base64Url(randomBytes(64));
}

bool sameSecret(const QString &given, const QString &expected)
{
    const QByteArray x = given.toUtf8();
    const QByteArray y = expected.toUtf8();
    if (y.isEmpty() || x.size() != y.size())
        return false;
    unsigned char difference = 0; // same time whatever the first different byte
    for (qsizetype i = 0; i < x.size(); ++i)
        difference |= static_cast<unsigned char>(x.at(i) ^ y.at(i));
    return difference == 0;
}

QString formDecode(QByteArray text)
{
    text.replace('+', ' ');
    return QUrl::fromPercentEncoding(text);
}

QByteArray formEncode(const QString &text)
{
    return QUrl::toPercentEncoding(text).replace("%20", "+");
}

// application/x-www-form-urlencoded; *repeated: a parameter given more than once (RFC 6749 3.1).
QMap<QString, QString> parseForm(const QByteArray &body, QString *repeated)
{
    QMap<QString, QString> form;
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        const QString name = formDecode(equals < 0 ? pair : pair.left(equals));
        const QString value = equals < 0 ? QString() : formDecode(pair.mid(equals + 1));
        if (form.contains(name) && repeated->isEmpty())
            *repeated = name;
        form.insert(name, value);
    }
    return form;
}

bool isForm(const ApiRequest &request)
{
    return request.contentType.trimmed().startsWith(
        QLatin1String("application/x-www-form-urlencoded"), Qt::CaseInsensitive);
}

void addHeader(ApiAnswer &answer, const QByteArray &name, const QByteArray &value)
{
    answer.headers.append(qMakePair(name, value));
}

void noStore(ApiAnswer &answer)
{
    addHeader(answer, "Cache-Control", "no-store");
    addHeader(answer, "Pragma", "no-cache");
}

// RFC 6749 5.2.
ApiAnswer oauthError(int status, const QString &error, const QString &description)
{
    ApiAnswer answer =
        ApiRouter::json(QJsonObject{{QStringLiteral("error"), error},
                                    {QStringLiteral("error_description"), description}},
                        status);
    noStore(answer);
    return answer;
}

ApiAnswer invalidClient(bool basic)
{
    ApiAnswer answer = oauthError(401, QStringLiteral("invalid_client"),
                                  QStringLiteral("Client authentication failed"));
    if (basic)
        addHeader(answer, "WWW-Authenticate", "Basic realm=\"Brickrun demo workspace\"");
    return answer;
}

ApiAnswer page(int status, const QString &title, const QString &bodyHtml)
{
    ApiAnswer answer;
    answer.status = status;
    answer.contentType = "text/html; charset=utf-8";
    answer.body = QStringLiteral("<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>%1"
                                 "</title></head>\n<body>\n<h1>%1</h1>\n%2\n</body></html>\n")
                      .arg(title.toHtmlEscaped(), bodyHtml)
                      .toUtf8();
    noStore(answer);
    return answer;
}

ApiAnswer errorPage(int status, const QString &text)
{
    return page(status, QStringLiteral("Brickrun demo workspace: sign-in error"),
                QStringLiteral("<p>%1</p>").arg(text.toHtmlEscaped()));
}

// 302 to a registered loopback redirect URI (which has no query of its own) with parameters.
ApiAnswer redirect(const QString &redirectUri, const QList<std::pair<QString, QString>> &params)
{
    QByteArray location = redirectUri.toUtf8();
    char separator = '?';
    for (const auto &[name, value] : params) {
        location += separator + formEncode(name) + '=' + formEncode(value);
        separator = '&';
    }
    ApiAnswer answer;
    answer.status = 302;
    answer.contentType = "text/html; charset=utf-8";
    addHeader(answer, "Location", location);
    noStore(answer);
    return answer;
}

bool isRegisteredRedirect(const QString &uri)
{
    static const QRegularExpression loopback(
        QStringLiteral("^http://(?:localhost|127\\.0\\.0\\.1):([0-9]{4})/?$"));
    const QRegularExpressionMatch match = loopback.match(uri);
    const int port = match.hasMatch() ? match.captured(1).toInt() : 0;
    return port >= 8020 && port <= 8040;
}

// Every scope known and at least one: the error description, or empty.
QString scopeProblem(const QString &scope)
{
    const QStringList scopes = scope.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (scopes.isEmpty())
        return QStringLiteral("The request has no scope; use 'all-apis offline_access'.");
    for (const QString &s : scopes) {
        if (!knownScopes().contains(s))
            return QStringLiteral("Unknown scope '%1'.").arg(s);
    }
    return {};
}

QString normalizedScope(const QString &scope)
{
    QStringList scopes = scope.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    scopes.removeDuplicates();
    return scopes.join(QLatin1Char(' '));
}

// "Authorization: Basic base64(id:secret)" with id and secret form-encoded (RFC 6749 2.3.1).
bool basicCredentials(const QString &authorization, QString *id, QString *secret)
{
    if (!authorization.startsWith(QLatin1String("Basic "), Qt::CaseInsensitive))
        return false;
    const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6).trimmed().toLatin1());
    const qsizetype colon = decoded.indexOf(':');
    if (colon < 0) {
        *id = QString();
        *secret = QString();
        return true;
    }
    *id = formDecode(decoded.left(colon));
    *secret = formDecode(decoded.mid(colon + 1));
    return true;
}

// Entra ID's error shape: error, error_description with trace and correlation ids, error_codes.
ApiAnswer entraError(int status, const QString &error, int code, const QString &text)
{
    const QString timestamp =
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss'Z'"));
    const QString trace = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString correlation = QUuid::createUuid().toString(QUuid::WithoutBraces);
    ApiAnswer answer = ApiRouter::json(
        QJsonObject{{QStringLiteral("error"), error},
                    {QStringLiteral("error_description"),
                     QStringLiteral("AADSTS%1: %2 Trace ID: %3 Correlation ID: %4 Timestamp: %5")
                         .arg(code)
                         .arg(text, trace, correlation, timestamp)},
                    {QStringLiteral("error_codes"), QJsonArray{code}},
                    {QStringLiteral("timestamp"), timestamp},
                    {QStringLiteral("trace_id"), trace},
                    {QStringLiteral("correlation_id"), correlation},
                    {QStringLiteral("error_uri"),
                     QStringLiteral("https://login.microsoftonline.com/error?code=%1").arg(code)}},
        status);
    noStore(answer);
    return answer;
}

} // namespace Brickrun::Emulator::OAuthWire
