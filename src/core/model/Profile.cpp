// SPDX-License-Identifier: Apache-2.0
#include "model/Profile.h"

#include <QRegularExpression>

namespace Brickrun {

QString Profile::checkName(const QString &name)
{
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9._@-]{1,64}$"));
    if (name.isEmpty())
        return QStringLiteral("a profile needs a name");
    if (name.size() > 64)
        return QStringLiteral("profile name \"%1…\" is longer than 64 characters")
            .arg(name.left(20));
    if (!allowed.match(name).hasMatch())
        return QStringLiteral("profile name \"%1\" may only hold letters, digits and . _ - @")
            .arg(name);
    if (name.startsWith(QLatin1Char('.')) || name.startsWith(QLatin1Char('-')))
        return QStringLiteral("profile name \"%1\" must not start with . or -").arg(name);
    return QString();
}

bool Profile::sameCredentials(const Profile &a, const Profile &b)
{
    return a.host == b.host && a.authType == b.authType && a.clientId == b.clientId &&
           a.tenantId == b.tenantId && a.authority == b.authority;
}

} // namespace Brickrun
