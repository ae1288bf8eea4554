// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/ApiError.h"

#include <chrono>
#include <optional>

namespace Brickrun {

// When and how long to wait before trying a failed call again. Pure: the caller supplies the
// attempt count, the time spent so far and a random number, so it is tested without a clock.
struct RetryPolicy
{
    using ms = std::chrono::milliseconds;

    int maxAttempts = 8;                     // attempts in all, the first included
    ms baseDelay{1000};                      // first back-off step, doubled each attempt
    ms maxDelay{30000};                      // cap of one back-off step (Retry-After may exceed it)
    ms maxJitter{1000};                      // 0..maxJitter added to every delay
    ms totalBudget{std::chrono::minutes(5)}; // no retry that would end after this

    // The delay before attempt `attemptsMade + 1`, or nullopt when the call must not be retried.
    // `idempotent` calls (GETs, a submit with an idempotency token) are retried on every
    // transient failure; the others only on answers that say the server did not act (429, 503).
    std::optional<ms> nextDelay(const ApiError &error, bool idempotent, int attemptsMade,
                                ms elapsed, double random01) const;

    static RetryPolicy none();
};

} // namespace Brickrun
