#include "api/ApiError.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

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

// Turns an HTML error page into its title or, failing that, its visible text.
QString textOfHtml(const QString &html)
{
    static const QRegularExpression title(QStringLiteral("<title[^>]*>(.*?)</title>"),
                                          QRegularExpression::CaseInsensitiveOption |
                                              QRegularExpression::DotMatchesEverythingOption);
    const auto m = title.match(html);
    if (m.hasMatch() && !m.captured(1).trimmed().isEmpty())
        return simplifiedSnippet(m.captured(1));
    static const QRegularExpression scripts(QStringLiteral("<(script|style)[^>]*>.*?</\\1>"),
                                            QRegularExpression::CaseInsensitiveOption |
                                                QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    QString text = html;
    text.remove(scripts);
    text.replace(tags, QStringLiteral(" "));
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
        e.message = textOfHtml(QString::fromUtf8(body));
    } else {
        e.message = simplifiedSnippet(QString::fromUtf8(body));
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
