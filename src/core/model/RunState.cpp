// SPDX-License-Identifier: Apache-2.0
#include "model/RunState.h"

namespace Brickrun {

bool RunState::isTerminalLifeCycle(const QString &lifeCycleState)
{
    return lifeCycleState == QLatin1String("TERMINATED") ||
           lifeCycleState == QLatin1String("SKIPPED") ||
           lifeCycleState == QLatin1String("INTERNAL_ERROR");
}

bool RunState::isSuccess() const
{
    return lifeCycleState == QLatin1String("TERMINATED") && resultState == QLatin1String("SUCCESS");
}

QString RunState::summary() const
{
    QString s = lifeCycleState.isEmpty() ? QStringLiteral("UNKNOWN") : lifeCycleState;
    if (!resultState.isEmpty())
        s += QLatin1Char(' ') + resultState;
    return s;
}

} // namespace Brickrun
