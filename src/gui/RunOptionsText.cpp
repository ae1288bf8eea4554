// SPDX-License-Identifier: Apache-2.0
#include "RunOptionsText.h"

#include "model/Duration.h"

#include <QStringList>

namespace Brickrun {

QString RunOptionsText::summary(const RunSpec &spec)
{
    QStringList parts;
    if (spec.timeoutSeconds > 0)
        parts << tr("timeout %1").arg(Duration::format(qint64(spec.timeoutSeconds) * 1000));
    if (spec.maxRetries > 0) {
        parts << (spec.minRetryIntervalMillis > 0
                      ? tr("retries: %1, %2 apart")
                            .arg(spec.maxRetries)
                            .arg(Duration::format(spec.minRetryIntervalMillis))
                      : tr("retries: %1").arg(spec.maxRetries));
        if (spec.retryOnTimeout)
            parts << tr("also after a timeout");
    }
    return parts.isEmpty() ? tr("none") : parts.join(tr(", "));
}

QString RunOptionsText::attempt(int attemptNumber, const RunSpec &spec)
{
    const RunSpec::AttemptPosition at = spec.attemptPosition(attemptNumber);
    if (at.number == 0)
        return QString();
    return at.of > 0 ? tr("attempt %1 of %2").arg(at.number).arg(at.of)
                     : tr("attempt %1").arg(at.number);
}

} // namespace Brickrun
