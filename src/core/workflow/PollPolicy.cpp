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
    double d = std::clamp(factor * elapsed, first, std::max(first, cap));
    const double remaining = windowStart - elapsed;
    if (remaining <= d || (remaining - d < d / 2 && remaining <= 1.5 * cap))
        d = remaining;
    return d;
}

// The SDK waiters' mean sleep before attempt n + 1: the JS SDK's
// ExponetionalBackoffWithJitterRetryPolicy sleeps min(n s + 50–750 ms, 10 s), the Go and Python
// waiters min(n, 10) s + 50–750 ms; the longer of the two, so that Brickrun spends no more than
// either.
double sdkSleepMs(int n)
{
    return double(std::min(n, 10)) * 1000.0 + 400.0;
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
    // A handful of samples can agree by chance (four runs within 2 % of a notebook that varies
    // 15 %): their spread is pulled towards PriorSpread of the median, as if PriorSamples more
    // runs had varied that much, then widened for few samples.
    const double n = double(d.size());
    const double prior = PriorSpread * m;
    spread = std::sqrt((n * spread * spread + PriorSamples * prior * prior) / (n + PriorSamples));
    spread *= 1.0 + 2.0 / n;
    spread = std::max(spread, 0.02 * m + 250.0);
    e.median = ms(std::llround(m));
    e.spread = ms(std::llround(spread));
    return e;
}

double PollPolicy::sdkPollTimeMs(int k, double roundTripMs)
{
    double t = 0;
    for (int n = 1; n <= k; ++n)
        t += sdkSleepMs(n) + std::max(0.0, roundTripMs);
    return t;
}

int PollPolicy::sdkPollsFor(double durationMs)
{
    double t = 0;
    int polls = 1; // the waiter asks at once
    for (int n = 1; t < durationMs; ++n, ++polls)
        t += sdkSleepMs(n);
    return polls;
}

PollPolicy::ms PollPolicy::toReal(double simulatedMs) const
{
    return ms(std::max<long long>(1, std::llround(simulatedMs / std::max(0.001, timeScale))));
}

double PollPolicy::simulatedDelayMs(int failures) const
{
    const double steps = std::max(0, failures);
    const double delay = double(firstDelay.count()) * std::pow(std::max(1.0, growth), steps);
    return std::min(delay, double(std::max(firstDelay, maxDelay).count()));
}

PollPolicy::ms PollPolicy::nextDelay(int failures) const
{
    return toReal(simulatedDelayMs(failures));
}

double PollPolicy::withoutHistory(const Situation &now) const
{
    if (now.ending)
        return double(endingDelay.count());
    // Never before the SDK's poll of the same rank, never sooner than firstDelay after the last.
    const double sdkNext = sdkPollTimeMs(std::max(0, now.polls), now.roundTripMs);
    return std::max(double(firstDelay.count()), sdkNext - now.elapsedMs);
}

double PollPolicy::withHistory(const Situation &now, const Expectation &expected) const
{
    const double margin = double(landAfter.count()) + std::max(0.0, now.clockErrorMs);
    // Where the run stands, taken `margin` early: the targets below are moments the run may end
    // at, and a poll aimed at one lands `margin` after it.
    const double elapsed = std::max(0.0, now.elapsedMs - margin);
    const double m = double(expected.median.count());
    const double s = std::max(1.0, double(expected.spread.count()));
    const double k = std::max(0.5, windowSpreads);
    const double windowStart = m - k * s;
    const double windowEnd = m + k * s;
    const double first = double(firstDelay.count());
    const double cap = std::max(first, double(sparseMaxDelay.count()));
    const double minGap = std::max(1.0, double(minDenseDelay.count()));
    // The first sparse wait: a third of the way to the window (a short run spends its few
    // requests near its end), at most the SDK's cap (an early failure is still seen soon).
    const double firstSparse = std::clamp(windowStart / 3.0, first, double(maxDelay.count()));

    if (elapsed >= windowEnd) {
        // Slower than the history says: backing off from the end up to the SDK's mean sleep at
        // its cap, the cadence without a history there: this run is seen no later than without
        // one, and each request past the window is one the SDK also spends (the window's extra
        // ones are not won back: a longer gap to wait for the SDK's rank would see it later).
        return std::clamp(0.25 * (elapsed - m), first, sdkSleepMs(10));
    }
    // The guard costs at most an eighth of the budget (below).
    const double guardStart =
        std::max({m - std::max(k, guardSpreads) * s,
                  windowStart - double(sdkPollsFor(m + s)) / 8.0 * double(maxDelay.count()), 0.0});
    const double guardCap = std::min(cap, double(maxDelay.count()));
    const auto sparseDelay = [&](double t) {
        const double d =
            sparseStep(t, windowStart, firstSparse, sparseFactor, t < guardStart ? cap : guardCap);
        // Never more than guardCap into the guard.
        return std::max(minGap, std::min(d, std::max(0.0, guardStart - t) + guardCap));
    };
    if (elapsed < windowStart)
        return sparseDelay(elapsed);

    // Polls at evenly spaced quantiles of a normal of deviation √2·s (density ∝ √f): from the
    // quantile the run is at now, one step on. The grid has the median on it: the likeliest
    // moment gets a poll of its own, just after it. Never a gap longer than the SDK's cap, in the
    // tails too: a run that ends there is seen no later than without a history.
    const double uEdge = std::erf(k / 2.0);
    const double gapCap = double(maxDelay.count());
    const auto delayOnGrid = [&](double t, int gaps) {
        const double step = 2.0 * uEdge / double(gaps);
        // (Half the closest spacing early: a poll that lands on a point, with the clock
        // estimate moved by a few ms since, is past it.)
        const double u = std::erf((t + minGap / 2.0 - m) / s / 2.0);
        const double next = (std::floor(u / step) + 1.0) * step;
        double target = next >= uEdge - 1e-9 ? windowEnd : m + 2.0 * erfInverse(next) * s;
        target = std::min(target, windowEnd);
        return std::clamp(target - t, minGap, gapCap);
    };
    // The budget: the sparse polls and the window's on a run as long as the expected end + one
    // spread are at most one more than the SDK waiter's on it (replayed: the policy is
    // deterministic); most runs end sooner and spend fewer than the SDK (bench/lag counts them).
    // The finest grid within it (more gaps, more polls: a binary search).
    const double budgetRun = m + s;
    const int budget = sdkPollsFor(budgetRun);
    int sparsePolls = 1; // the one at once
    double t0 = 0;
    for (; t0 < windowStart && sparsePolls < 100000; ++sparsePolls)
        t0 += sparseDelay(t0);
    const auto pollsFor = [&](int gaps) {
        int polls = sparsePolls;
        for (double t = t0; t < budgetRun && polls <= 2 * budget + 4; ++polls)
            t += delayOnGrid(t, gaps);
        return polls;
    };
    int lo = 1;
    int hi = std::max(1, 2 * budget);
    while (lo < hi) {
        const int mid = (lo + hi + 1) / 2;
        if (pollsFor(mid) <= budget + 1)
            lo = mid;
        else
            hi = mid - 1;
    }
    return delayOnGrid(elapsed, lo);
}

double PollPolicy::simulatedDelayMs(const Situation &now, const Expectation &expected) const
{
    if (!expected.isValid() || now.ending)
        return withoutHistory(now);
    return withHistory(now, expected);
}

PollPolicy::ms PollPolicy::nextDelay(const Situation &now, const Expectation &expected) const
{
    return toReal(simulatedDelayMs(now, expected));
}

double PollPolicy::simulatedDelayMs(const Situation &now) const
{
    return withoutHistory(now);
}

PollPolicy::ms PollPolicy::nextDelay(const Situation &now) const
{
    return toReal(withoutHistory(now));
}

} // namespace Brickrun
