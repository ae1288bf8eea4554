// SPDX-License-Identifier: Apache-2.0
#include "api/ApiError.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>

namespace Brickrun {

namespace {

constexpr int MaxSnippet = 200;

QString reasonPhrase(int status)
{
    switch (status) {
    case 400:
        return QStringLiteral("Bad Request");
    case 401:
        return QStringLiteral("Unauthorized");
    case 403:
        return QStringLiteral("Forbidden");
    case 404:
        return QStringLiteral("Not Found");
    case 405:
        return QStringLiteral("Method Not Allowed");
    case 409:
        return QStringLiteral("Conflict");
    case 413:
        return QStringLiteral("Payload Too Large");
    case 429:
        return QStringLiteral("Too Many Requests");
    case 500:
        return QStringLiteral("Internal Server Error");
    case 502:
        return QStringLiteral("Bad Gateway");
    case 503:
        return QStringLiteral("Service Unavailable");
    case 504:
        return QStringLiteral("Gateway Timeout");
    default:
        return QString();
    }
}

QString simplifiedSnippet(const QString &text)
{
    QString s = text.simplified();
    if (s.size() > MaxSnippet)
        s = s.left(MaxSnippet) + QStringLiteral("…");
    return s;
}

// How much of an error body is read for its message. Error pages are small; a proxy or a
// hostile server may send megabytes, and only the first line or so ends up in the message.
constexpr qsizetype MaxBodyRead = 64 * 1024;

// `text` at `from` starts with `name` (ASCII, lower case) followed by the end of a tag name.
bool startsWithTagName(const QString &text, qsizetype from, QLatin1String name)
{
    if (QStringView(text).mid(from, name.size()).compare(name, Qt::CaseInsensitive) != 0)
        return false;
    const qsizetype after = from + name.size();
    if (after >= text.size())
        return true;
    const QChar c = text.at(after);
    return c == QLatin1Char('>') || c == QLatin1Char('/') || c.isSpace();
}

// The position of "</name" at or after `from` (case-insensitive), or -1.
qsizetype closingTag(const QString &text, qsizetype from, QLatin1String name)
{
    for (qsizetype at = text.indexOf(QLatin1String("</"), from); at >= 0;
         at = text.indexOf(QLatin1String("</"), at + 2)) {
        if (startsWithTagName(text, at + 2, name))
            return at;
    }
    return -1;
}

// Turns an HTML error page into its title or, failing that, its visible text. One forward scan
// (no regular expression: a page of unclosed tags made the old patterns quadratic); every
// search starts where the previous one ended, so the work is linear in the page's size.
QString textOfHtml(const QString &html)
{
    for (qsizetype at = html.indexOf(QLatin1String("<title"), 0, Qt::CaseInsensitive); at >= 0;
         at = html.indexOf(QLatin1String("<title"), at + 1, Qt::CaseInsensitive)) {
        if (!startsWithTagName(html, at + 1, QLatin1String("title")))
            continue;
        const qsizetype open = html.indexOf(QLatin1Char('>'), at);
        const qsizetype close = open < 0 ? -1 : closingTag(html, open + 1, QLatin1String("title"));
        if (close >= 0) {
            const QString title = html.mid(open + 1, close - open - 1);
            if (!title.trimmed().isEmpty())
                return simplifiedSnippet(title);
        }
        break; // the first title only, as a browser
    }

    QString text;
    qsizetype pos = 0;
    while (pos < html.size()) {
        const qsizetype tag = html.indexOf(QLatin1Char('<'), pos);
        if (tag < 0) {
            text += QStringView(html).mid(pos);
            break;
        }
        text += QStringView(html).mid(pos, tag - pos);
        text += QLatin1Char(' ');
        const qsizetype tagEnd = html.indexOf(QLatin1Char('>'), tag);
        if (tagEnd < 0)
            break; // an unclosed tag: the rest is not text
        pos = tagEnd + 1;
        for (const QLatin1String skipped : {QLatin1String("script"), QLatin1String("style")}) {
            if (startsWithTagName(html, tag + 1, skipped)) {
                const qsizetype close = closingTag(html, pos, skipped);
                if (close < 0) {
                    pos = html.size(); // never closed: all of the rest is its content
                } else {
                    const qsizetype closeEnd = html.indexOf(QLatin1Char('>'), close);
                    pos = closeEnd < 0 ? html.size() : closeEnd + 1;
                }
                break;
            }
        }
    }
    return simplifiedSnippet(text);
}

bool looksLikeHtml(const QByteArray &body, const QByteArray &contentType)
{
    if (contentType.toLower().contains("html"))
        return true;
    const QByteArray start = body.left(256).trimmed().toLower();
    return start.startsWith("<!doctype html") || start.startsWith("<html");
}

} // namespace

bool ApiError::isClientError() const
{
    return kind == Kind::Http && httpStatus >= 400 && httpStatus < 500 && httpStatus != 401 &&
           httpStatus != 403 && httpStatus != 408 && httpStatus != 429;
}

bool ApiError::isTransient() const
{
    switch (kind) {
    case Kind::Network:
    case Kind::Timeout:
        return true;
    case Kind::Http:
        return httpStatus == 408 || httpStatus == 429 || httpStatus >= 500 ||
               errorCode == QLatin1String("REQUEST_LIMIT_EXCEEDED") ||
               errorCode == QLatin1String("TEMPORARILY_UNAVAILABLE");
    case Kind::BadResponse: // a proxy's half page or a cut-off body
        return true;
    default:
        return false;
    }
}

bool ApiError::isEndpointNotServed() const
{
    return kind == Kind::Http && httpStatus == 404 &&
           (errorCode == QLatin1String("ENDPOINT_NOT_FOUND") ||
            message.startsWith(QLatin1String("Bad Target")));
}

QString ApiError::toString() const
{
    switch (kind) {
    case Kind::None:
        return QString();
    case Kind::Http: {
        QString s = QStringLiteral("HTTP %1").arg(httpStatus);
        if (!errorCode.isEmpty())
            s += QLatin1Char(' ') + errorCode;
        if (!message.isEmpty())
            s += QStringLiteral(": ") + message;
        return s;
    }
    default:
        return message;
    }
}

QString ApiError::inParentheses(const QString &text)
{
    QString quoted = text.trimmed();
    if (quoted.endsWith(QLatin1Char('.')) && !quoted.endsWith(QLatin1String("..")))
        quoted.chop(1);
    return quoted;
}

ApiError ApiError::fromHttp(int status, const QByteArray &body, const QByteArray &contentType,
                            const QByteArray &retryAfterHeader)
{
    ApiError e;
    e.kind = Kind::Http;
    e.httpStatus = status;
    e.retryAfter = parseRetryAfter(retryAfterHeader);

    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error == QJsonParseError::NoError && doc.isObject()) {
        const QJsonObject o = doc.object();
        e.errorCode = o.value(QLatin1String("error_code")).toString();
        if (o.value(QLatin1String("message")).isString())
            e.message = o.value(QLatin1String("message")).toString();
        else if (o.value(QLatin1String("detail")).isString()) // SCIM
            e.message = o.value(QLatin1String("detail")).toString();
        else if (o.value(QLatin1String("error")).isString())
            e.message = o.value(QLatin1String("error")).toString();
        else if (o.value(QLatin1String("error_description")).isString())
            e.message = o.value(QLatin1String("error_description")).toString();
        if (e.errorCode.isEmpty() && o.value(QLatin1String("error")).isString() &&
            o.contains(QLatin1String("error_description")))
            e.errorCode = o.value(QLatin1String("error")).toString();
    } else if (looksLikeHtml(body, contentType)) {
        e.message = textOfHtml(QString::fromUtf8(body.left(MaxBodyRead)));
    } else {
        e.message = simplifiedSnippet(QString::fromUtf8(body.left(MaxBodyRead)));
    }
    if (e.message.isEmpty())
        e.message = reasonPhrase(status);
    if (e.message.isEmpty())
        e.message = QStringLiteral("no details in the answer");
    return e;
}

namespace {
ApiError make(ApiError::Kind kind, const QString &message)
{
    ApiError e;
    e.kind = kind;
    e.message = message;
    return e;
}
} // namespace

ApiError ApiError::network(const QString &message)
{
    return make(Kind::Network, message);
}

ApiError ApiError::timeout(const QString &message)
{
    return make(Kind::Timeout, message);
}

ApiError ApiError::tls(const QString &message)
{
    return make(Kind::Tls, message);
}

ApiError ApiError::badResponse(const QString &message)
{
    return make(Kind::BadResponse, message);
}

ApiError ApiError::invalidInput(const QString &message)
{
    return make(Kind::InvalidInput, message);
}

std::chrono::milliseconds ApiError::parseRetryAfter(const QByteArray &value)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return std::chrono::milliseconds(-1);
    bool ok = false;
    const double seconds = v.toDouble(&ok);
    // Capped before the conversion: "Retry-After: 1e300" (or "inf") must not overflow qint64.
    // A wait past any retry budget means "do not retry" either way.
    constexpr double MaxSeconds = 7 * 24 * 3600;
    if (ok && seconds >= 0)
        return std::chrono::milliseconds(static_cast<qint64>(std::min(seconds, MaxSeconds) * 1000));
    // HTTP-date, e.g. "Wed, 21 Oct 2015 07:28:00 GMT"
    const QDateTime when =
        QLocale::c().toDateTime(QString::fromLatin1(v).remove(QStringLiteral(" GMT")),
                                QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
    if (!when.isValid())
        return std::chrono::milliseconds(-1);
    QDateTime utc = when;
    utc.setTimeSpec(Qt::UTC);
    const qint64 ms = QDateTime::currentDateTimeUtc().msecsTo(utc);
    return std::chrono::milliseconds(ms > 0 ? ms : 0);
}

} // namespace Brickrun
