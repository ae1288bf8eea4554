// SPDX-License-Identifier: Apache-2.0
// One fault of a fault plan: its kinds and parameters (makeFault), read alike from the plan's text
// and JSON forms, and its name, messages and serialisation.
#include "FaultPlan.h"
#include "FaultText.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>

#include <limits>

namespace Brickrun::Emulator {

namespace {

bool parseStatusKind(const QString &digits, int *status)
{
    static const QRegularExpression number(QStringLiteral("^[0-9]{3}$"));
    if (!number.match(digits).hasMatch())
        return false;
    *status = digits.toInt();
    return *status >= 400 && *status <= 599;
}

QString errorCodeFor(int status)
{
    switch (status) {
    case 400:
        return QStringLiteral("INVALID_PARAMETER_VALUE");
    case 401:
        return QStringLiteral("UNAUTHENTICATED");
    case 403:
        return QStringLiteral("PERMISSION_DENIED");
    case 404:
        return QStringLiteral("RESOURCE_DOES_NOT_EXIST");
    case 409:
        return QStringLiteral("RESOURCE_CONFLICT");
    case 429:
        return QStringLiteral("REQUEST_LIMIT_EXCEEDED");
    case 501:
        return QStringLiteral("NOT_IMPLEMENTED");
    case 502:
        return QStringLiteral("BAD_GATEWAY");
    case 503:
        return QStringLiteral("TEMPORARILY_UNAVAILABLE");
    case 504:
        return QStringLiteral("DEADLINE_EXCEEDED");
    default:
        return status >= 500 ? QStringLiteral("INTERNAL_ERROR") : QStringLiteral("BAD_REQUEST");
    }
}

} // namespace

namespace FaultText {

bool failWith(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

bool parseInt(const QString &text, qint64 min, qint64 max, qint64 *value)
{
    bool ok = false;
    const qint64 v = text.trimmed().toLongLong(&ok);
    if (!ok || v < min || v > max)
        return false;
    *value = v;
    return true;
}

// A fault from its kind name ("503", "html502", "reset-after", ...) and parameters.
bool makeFault(const QString &kindText, const Params &params, Fault *fault, QString *error)
{
    Fault f;
    QString kind = kindText.trimmed();
    if (kind.endsWith(QLatin1String("-after"))) {
        f.afterProcessing = true;
        kind.chop(6);
    }
    int status = 0;
    if (parseStatusKind(kind, &status)) {
        f.kind = Fault::Kind::Status;
        f.status = status;
    } else if (kind.startsWith(QLatin1String("html")) && parseStatusKind(kind.mid(4), &status)) {
        f.kind = Fault::Kind::Html;
        f.status = status;
    } else if (kind == QLatin1String("reset")) {
        f.kind = Fault::Kind::Reset;
    } else if (kind == QLatin1String("reset-body")) {
        f.kind = Fault::Kind::ResetBody;
    } else if (kind == QLatin1String("stall")) {
        f.kind = Fault::Kind::Stall;
    } else if (kind == QLatin1String("truncated")) {
        f.kind = Fault::Kind::Truncated;
    } else if (kind == QLatin1String("malformed")) {
        f.kind = Fault::Kind::Malformed;
    } else if (kind == QLatin1String("login")) {
        f.kind = Fault::Kind::LoginPage;
    } else if (kind == QLatin1String("redirect")) {
        f.kind = Fault::Kind::Redirect;
        f.status = 307;
    } else {
        return failWith(error,
                        QStringLiteral("unknown fault '%1'; expected an HTTP status 400-599, "
                                       "html<status>, reset, reset-body, stall, truncated, "
                                       "malformed, login or redirect")
                            .arg(kindText.trimmed()));
    }
    if (f.afterProcessing && (f.kind == Fault::Kind::ResetBody ||
                              f.kind == Fault::Kind::Truncated || f.kind == Fault::Kind::Redirect))
        return failWith(error, QStringLiteral("fault '%1' has no -after form (%2)")
                                   .arg(kindText.trimmed(),
                                        f.kind == Fault::Kind::Redirect
                                            ? QStringLiteral("a redirect never processes")
                                            : QStringLiteral("it always processes the request")));

    const QString name = f.name();
    for (const auto &[key, value] : params) {
        // Named captures: a lambda may capture a structured binding only from C++20 on.
        auto bad = [&, &key = key, &value = value](const QString &expected) {
            return failWith(
                error,
                QStringLiteral("fault '%1': %2 '%3' is not %4").arg(name, key, value, expected));
        };
        qint64 number = 0;
        const bool statusLike = f.kind == Fault::Kind::Status || f.kind == Fault::Kind::Html;
        if (key == QLatin1String("retry") && statusLike) {
            if (!parseInt(value, 0, 86400, &number))
                return bad(QStringLiteral("a number of seconds (0-86400)"));
            f.retryAfterSeconds = static_cast<int>(number);
        } else if (key == QLatin1String("code") && f.kind == Fault::Kind::Status) {
            static const QRegularExpression code(QStringLiteral("^[A-Z][A-Z0-9_]*$"));
            if (!code.match(value).hasMatch())
                return bad(QStringLiteral("an error code (A-Z, 0-9, _)"));
            f.errorCode = value;
        } else if (key == QLatin1String("message") && f.kind == Fault::Kind::Status) {
            f.message = value;
        } else if (key == QLatin1String("ms") && f.kind == Fault::Kind::Stall) {
            if (!parseInt(value, 0, Fault::kMaxStallMs, &number))
                return bad(QStringLiteral("a duration in ms (0-%1)").arg(Fault::kMaxStallMs));
            f.stallMs = static_cast<int>(number);
        } else if (key == QLatin1String("then") && f.kind == Fault::Kind::Stall) {
            if (value == QLatin1String("close"))
                f.stallEnd = Fault::StallEnd::Close;
            else if (value == QLatin1String("answer"))
                f.stallEnd = Fault::StallEnd::Answer;
            else
                return bad(QStringLiteral("close or answer"));
        } else if (key == QLatin1String("bytes") && f.kind == Fault::Kind::ResetBody) {
            if (!parseInt(value, 0, std::numeric_limits<int>::max(), &number))
                return bad(QStringLiteral("a number of bytes"));
            f.bodyBytes = number;
        } else if (key == QLatin1String("to") && f.kind == Fault::Kind::Redirect) {
            const QUrl url(value, QUrl::StrictMode);
            if (!url.isValid() || url.host().isEmpty() ||
                (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
                return bad(QStringLiteral("an absolute http or https URL"));
            f.location = value;
        } else if (key == QLatin1String("status") && f.kind == Fault::Kind::Redirect) {
            if (!parseInt(value, 301, 308, &number) || number == 304 || number == 305 ||
                number == 306)
                return bad(QStringLiteral("a redirect status (301, 302, 303, 307, 308)"));
            f.status = static_cast<int>(number);
        } else {
            return failWith(error,
                            QStringLiteral("fault '%1' has no parameter '%2'").arg(name, key));
        }
    }
    if (f.kind == Fault::Kind::Redirect && f.location.isEmpty())
        return failWith(error, QStringLiteral("fault 'redirect' needs to=URL"));
    *fault = f;
    return true;
}

QString jsonScalarText(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (d == static_cast<double>(static_cast<qint64>(d)))
            return QString::number(static_cast<qint64>(d));
        return QString::number(d, 'g', 17);
    }
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return value.toString();
}

} // namespace FaultText

using FaultText::jsonScalarText;

QString Fault::name() const
{
    const QString after = afterProcessing ? QStringLiteral("-after") : QString();
    switch (kind) {
    case Kind::Status:
        return QString::number(status) + after;
    case Kind::Html:
        return QStringLiteral("html") + QString::number(status) + after;
    case Kind::Reset:
        return QStringLiteral("reset") + after;
    case Kind::ResetBody:
        return QStringLiteral("reset-body");
    case Kind::Stall:
        return QStringLiteral("stall") + after;
    case Kind::Truncated:
        return QStringLiteral("truncated");
    case Kind::Malformed:
        return QStringLiteral("malformed") + after;
    case Kind::LoginPage:
        return QStringLiteral("login") + after;
    case Kind::Redirect:
        return QStringLiteral("redirect");
    }
    return QString();
}

QJsonObject Fault::toJson() const
{
    QJsonObject json{{QStringLiteral("kind"), name()}};
    if (kind == Kind::Status || kind == Kind::Html) {
        if (retryAfterSeconds >= 0)
            json.insert(QStringLiteral("retry"), retryAfterSeconds);
    }
    if (kind == Kind::Status) {
        if (!errorCode.isEmpty())
            json.insert(QStringLiteral("code"), errorCode);
        if (!message.isEmpty())
            json.insert(QStringLiteral("message"), message);
    } else if (kind == Kind::Stall) {
        json.insert(QStringLiteral("ms"), stallMs);
        json.insert(QStringLiteral("then"), stallEnd == StallEnd::Close ? QStringLiteral("close")
                                                                        : QStringLiteral("answer"));
    } else if (kind == Kind::ResetBody && bodyBytes >= 0) {
        json.insert(QStringLiteral("bytes"), static_cast<double>(bodyBytes));
    } else if (kind == Kind::Redirect) {
        json.insert(QStringLiteral("to"), location);
        json.insert(QStringLiteral("status"), status);
    }
    return json;
}

QString Fault::toText() const
{
    QString text = name();
    const QJsonObject json = toJson();
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (it.key() != QLatin1String("kind"))
            text += QLatin1Char('@') + it.key() + QLatin1Char('=') + jsonScalarText(it.value());
    }
    return text;
}

QString Fault::defaultErrorCode(int status)
{
    return errorCodeFor(status);
}

QString Fault::defaultMessage(int status)
{
    switch (status) {
    case 429:
        return QStringLiteral("Too many requests. Please wait a moment and try again.");
    case 502:
        return QStringLiteral("Bad gateway: the upstream service did not answer.");
    case 503:
        return QStringLiteral("The service is temporarily unavailable. Please try again later.");
    case 504:
        return QStringLiteral("The request timed out in the gateway.");
    default:
        return status >= 500 ? QStringLiteral("Internal error.")
                             : QStringLiteral("The request was refused (fault injected by the "
                                              "demo workspace).");
    }
}

} // namespace Brickrun::Emulator
