// SPDX-License-Identifier: Apache-2.0
#include "config/AppIdentity.h"

#include <QCoreApplication>

namespace Brickrun::AppIdentity {

void apply()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Brickrun"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("brickrun.github.io"));
    QCoreApplication::setApplicationName(QStringLiteral("brickrun"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BRICKRUN_VERSION));
}

} // namespace Brickrun::AppIdentity
