// SPDX-License-Identifier: Apache-2.0
#include "workflow/PollPolicy.h"

#include <algorithm>
#include <cmath>

namespace Brickrun {

namespace {

// The inverse of std::erf on (-1, 1): Newton's method from a closed-form first guess
// (Winitzki's approximation), three steps are plenty for poll times.
double erfInverse(double y)
{
    y = std::clamp(y, -0.999999, 0.999999);
    constexpr double a = 0.147;
    constexpr double pi = 3.14159265358979323846;
    const double l = std::log(1.0 - y * y);
    const double t = 2.0 / (pi * a) + l / 2.0;
    double x = std::copysign(std::sqrt(std::sqrt(t * t - l / a) - t), y);
    for (int i = 0; i < 3; ++i) {
        const double err = std::erf(x) - y;
        x -= err / (2.0 / std::sqrt(pi) * std::exp(-x * x));
    }
    return x;
}

// Before the window: `factor` × the elapsed time, between first and cap, landing on the window's
// start rather than just before it.
double sparseStep(double elapsed, double windowStart, double first, double factor, double cap)
{
    double d = std::clamp(factor * elapsed, first, cap);
    const double remaining = windowStart - elapsed;
    if (remaining <= d || (remaining - d < d / 2 && remaining <= 1.5 * cap))
        d = remaining;
    return d;
}

} // namespace

PollPolicy::Expectation PollPolicy::Expectation::fromDurations(std::vector<long long> durationsMs)
{
    durationsMs.erase(
        std::remove_if(durationsMs.begin(), durationsMs.end(), [](long long d) { return d <= 0; }),
        durationsMs.end());
    Expectation e;
    e.samples = int(durationsMs.size());
    if (durationsMs.empty())
        return e;
    const auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        const size_t n = v.size();
        return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
    };
    const std::vector<double> d(durationsMs.begin(), durationsMs.end());
    const double m = median(d);
    std::vector<double> deviations;
    deviations.reserve(d.size());
    for (double x : d)
        deviations.push_back(std::abs(x - m));
    double spread = 1.4826 * median(deviations);
    spread *= 1.0 + 2.0 / double(d.size()); // few samples: a wider window
    spread = std::max(spread, 0.02 * m + 250.0);
    e.median = ms(std::llround(m));
    e.spread = ms(std::llround(spread));
    return e;
}

int PollPolicy::sdkPollsFor(double durationMs)
{
    double t = 0;
    int polls = 1; // the waiter asks at once
    for (int n = 1; t < durationMs; ++n, ++polls)
        t += double(std::min(n, 10)) * 1000.0 + 400.0;
    return polls;
}

PollPolicy::ms PollPolicy::toReal(double simulatedMs) const
{
    return ms(std::max<long long>(1, std::llround(simulatedMs / std::max(0.001, timeScale))));
}

double PollPolicy::simulatedDelayMs(int pollsSinceChange) const
{
    const double steps = std::max(0, pollsSinceChange);
    const double delay = double(firstDelay.count()) * std::pow(std::max(1.0, growth), steps);
    return std::min(delay, double(maxDelay.count()));
}

PollPolicy::ms PollPolicy::nextDelay(int pollsSinceChange) const
{
    return toReal(simulatedDelayMs(pollsSinceChange));
}

double PollPolicy::simulatedDelayMs(int pollsSinceChange, double elapsed,
                                    const Expectation &expected) const
{
    if (!expected.isValid())
        return simulatedDelayMs(pollsSinceChange);
    elapsed = std::max(0.0, elapsed);
    const double m = double(expected.median.count());
    const double s = std::max(1.0, double(expected.spread.count()));
    const double k = std::max(0.5, windowSpreads);
    const double windowStart = m - k * s;
    const double windowEnd = m + k * s;
    const double first = double(firstDelay.count());
    const double cap = std::max(first, double(sparseMaxDelay.count()));
    const double minGap = std::max(1.0, double(minDenseDelay.count()));

    if (elapsed >= windowEnd) {
        // Slower than the history says: back off from the window's end, but stay quick after a
        // state change as without a history.
        const double grown = std::max(first, 0.5 * (elapsed - m));
        return std::min({grown, double(maxDelay.count()), simulatedDelayMs(pollsSinceChange)});
    }
    if (elapsed < windowStart)
        return std::max(minGap, sparseStep(elapsed, windowStart, first, sparseFactor, cap));

    // The budget: what the SDK waiter spends on a run as long as the window's end, minus the
    // sparse polls before the window (replayed: the policy is deterministic).
    int sparsePolls = 0;
    for (double t = 0; sparsePolls < 1000;) {
        t += std::max(minGap, sparseStep(t, windowStart, first, sparseFactor, cap));
        if (t >= windowStart)
            break;
        ++sparsePolls;
    }
    const int gaps = std::max(2, sdkPollsFor(m + s) - sparsePolls - 1);
    // Polls at evenly spaced quantiles of a normal of deviation √2·s (density ∝ √f): from the
    // quantile the run is at now, one step on.
    const double uEdge = std::erf(k / 2.0);
    const double step = 2.0 * uEdge / double(gaps);
    const double u = std::erf((elapsed - m) / s / 2.0);
    const double next = u + step;
    double target = next >= uEdge ? windowEnd : m + 2.0 * erfInverse(next) * s;
    target = std::min(target, windowEnd);
    return std::clamp(target - elapsed, minGap, double(maxDelay.count()));
}

PollPolicy::ms PollPolicy::nextDelay(int pollsSinceChange, ms elapsed,
                                     const Expectation &expected) const
{
    return toReal(simulatedDelayMs(pollsSinceChange, double(elapsed.count()), expected));
}

} // namespace Brickrun
