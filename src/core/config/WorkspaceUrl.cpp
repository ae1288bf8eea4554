// SPDX-License-Identifier: Apache-2.0
#include "config/WorkspaceUrl.h"

#include <QHostAddress>
#include <QRegularExpression>

namespace Brickrun {

bool WorkspaceUrl::isLoopback(const QUrl &url)
{
    const QString host = url.host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool WorkspaceUrl::isAzureDatabricks(const QUrl &url)
{
    static const QRegularExpression azure(
        QStringLiteral("^adb-\\d+\\.\\d+\\.azuredatabricks\\.net$"),
        QRegularExpression::CaseInsensitiveOption);
    return azure.match(url.host()).hasMatch();
}

namespace {
// The text as messages show it: never with a user name or password ("user:secret@host" becomes
// "***@host"), whatever else is wrong with it.
QString shown(const QString &text)
{
    static const QRegularExpression userInfo(QStringLiteral("(^|://)[^/?#]*@"));
    QString s = text.trimmed();
    return s.replace(userInfo, QStringLiteral("\\1***@"));
}
} // namespace

QUrl WorkspaceUrl::parse(const QString &text, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return QUrl();
    };
    QString s = text.trimmed();
    if (s.isEmpty())
        return fail(QStringLiteral("the workspace URL is empty"));
    if (!s.contains(QLatin1String("://")))
        s.prepend(QStringLiteral("https://"));
    const QUrl url(s, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return fail(QStringLiteral("\"%1\" is not a URL").arg(shown(text)));
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return fail(
            QStringLiteral("\"%1\": only https:// workspace URLs are supported").arg(shown(text)));
    if (!url.userInfo().isEmpty())
        return fail(QStringLiteral("\"%1\": a workspace URL must not contain a user name or "
                                   "password (they are not shown; the token goes in the keychain "
                                   "or DATABRICKS_TOKEN)")
                        .arg(shown(text)));
    QUrl origin;
    origin.setScheme(scheme);
    origin.setHost(url.host().toLower());
    if (url.port() > 0 && !(scheme == QLatin1String("https") && url.port() == 443))
        origin.setPort(url.port());
    if (scheme == QLatin1String("http") && !isLoopback(origin))
        return fail(QStringLiteral("\"%1\": plain http would send the token unencrypted; use "
                                   "https:// (http is allowed only for 127.0.0.1 and localhost)")
                        .arg(shown(text)));
    if (error)
        error->clear();
    return origin;
}

} // namespace Brickrun
