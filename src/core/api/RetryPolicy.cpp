// SPDX-License-Identifier: Apache-2.0
#include "api/RetryPolicy.h"

#include <algorithm>

namespace Brickrun {

std::optional<RetryPolicy::ms> RetryPolicy::nextDelay(const ApiError &error, bool idempotent,
                                                      int attemptsMade, ms elapsed,
                                                      double random01) const
{
    if (attemptsMade >= maxAttempts || !error.isTransient())
        return std::nullopt;
    const bool serverDidNotAct =
        error.kind == ApiError::Kind::Http && (error.httpStatus == 429 || error.httpStatus == 503);
    if (!idempotent && !serverDidNotAct)
        return std::nullopt;

    ms delay = baseDelay;
    for (int i = 1; i < attemptsMade && delay < maxDelay; ++i)
        delay *= 2;
    delay = std::min(delay, maxDelay);
    if (error.retryAfter.count() >= 0)
        delay = error.retryAfter;
    delay += ms(static_cast<qint64>(std::clamp(random01, 0.0, 1.0) * double(maxJitter.count())));

    if (elapsed + delay > totalBudget)
        return std::nullopt;
    return delay;
}

RetryPolicy RetryPolicy::none()
{
    RetryPolicy p;
    p.maxAttempts = 1;
    return p;
}

} // namespace Brickrun
