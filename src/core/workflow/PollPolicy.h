// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <vector>

namespace Brickrun {

// How long to wait before the next runs/get of a run. Pure and clock-free: the caller says how
// many runs/get it has sent for the run, how long the run has been going on the service's clock
// (since its start_time, in simulated time when the demo runs faster), how long its answers take
// and whether the last answer was the first to say TERMINATING. bench/lag measures the result
// from outside beside the official JS SDK's waiter (docs/performance.md).
//
// The request budget is the official SDK waiters': they ask at once, then sleep n s + 50–750 ms
// before attempt n + 1, at most 10 s (JS) or 10 s + the jitter (Go, Python), so the k-th runs/get
// is at sdkPollTimeMs(k - 1) (0, 1.4 s, 3.8 s, 7.2 s … on average; 10.4 s apart at the cap). A
// schedule whose k-th runs/get never comes before the SDK's k-th spends no more requests than the
// SDK on a run of any length.
//
// Without a history, that is the schedule: the (k+1)-th poll at the later of the SDK's (k+1)-th
// and one second after the k-th. With no hint of when the run ends, no schedule within that
// budget sees the end sooner on average (moving a poll earlier than the SDK's spends a request
// the SDK has not spent yet). The one hint is TERMINATING: the run is about to end, so the next
// poll comes endingDelay after it. That poll is within the budget when it sees the end: the SDK
// has spent at least as many requests by then.
//
// With a history (earlier runs of the same notebook on the same cluster and profile, or of the
// workspace: their median duration and spread), the run is polled sparsely while its end is
// unlikely (the delay grows with the elapsed time: an early failure is still seen within about the
// time it took) and densely in a window around the expected end, the polls spaced by 1/√density
// of the expected end times (what minimises the mean detection lag for a number of polls) and
// each aimed landAfter past the moment it stands for, so that a clock error of a few milliseconds
// never puts it just before the end. From guardSpreads spreads before the median on, the sparse
// waits are at most maxDelay, and in the window no gap is longer than maxDelay either: a run that
// ends sooner or later than its history says is seen no later than without a history. The
// sparse phase plus the window spend at most one runs/get more than the SDK waiter on a run of
// the median + one spread (Brickrun sends none at once: the SDK's first); runs that end sooner
// spend fewer. Past the window (a slower run than ever), the polls back off from the window's
// end to the SDK's cadence at its cap.
//
// A few earlier runs can agree by chance: the spread is pulled towards a tenth of the median
// (Expectation::PriorSpread) with the weight of two runs, which matters with four samples (the
// workspace's runs/list) and little with twenty.
struct PollPolicy
{
    using ms = std::chrono::milliseconds;

    ms firstDelay{1000};  // the first poll after submit, and the shortest wait without history
    ms endingDelay{1000}; // after the first TERMINATING: the end is near
    // How far past the moment it stands for a poll is aimed (simulated ms), on top of the
    // caller's clock error (Situation::clockErrorMs).
    ms landAfter{25};
    // Back-off after failures (nextDelay(int)): firstDelay × growth^n, up to maxDelay.
    double growth = 1.6;
    ms maxDelay{10000}; // the SDK waiter's cap
    // Simulated seconds per real second (the demo workspace's --speed): delays shrink by it.
    double timeScale = 1.0;

    // With a history: before the window, the delay is `sparseFactor` × the elapsed time,
    // between firstDelay and sparseMaxDelay; the window is median ± windowSpreads × spread.
    double sparseFactor = 2.0;
    ms sparseMaxDelay{60000};
    double windowSpreads = 2.5;
    // From median - guardSpreads × spread on, the sparse wait is at most maxDelay: a run that
    // ends somewhat sooner than its history says is seen about as soon as without a history
    // (for at most an eighth of the request budget).
    double guardSpreads = 4.5;
    ms minDenseDelay{250}; // never closer than this, however narrow the history

    // What earlier runs took (end_time - start_time). Valid with at least MinSamples durations.
    struct Expectation
    {
        static constexpr int MinSamples = 3;
        // What a notebook's duration typically varies by (a fraction of the median), and how
        // many runs' worth of weight that prior has beside the measured spread.
        static constexpr double PriorSpread = 0.10;
        static constexpr double PriorSamples = 2.0;
        ms median{0};
        ms spread{0}; // ≈ one standard deviation: 1.4826 × the median absolute deviation,
                      // pulled towards PriorSpread × median (weight PriorSamples), widened for
                      // few samples and never below 2% of the median + 250 ms
        int samples = 0;

        bool isValid() const { return samples >= MinSamples && median.count() > 0; }
        // From durations in ms (any order; non-positive ones are ignored).
        static Expectation fromDurations(std::vector<long long> durationsMs);
    };

    // Where a followed run stands when its next poll is planned.
    struct Situation
    {
        int polls = 0;        // runs/get sent for the run so far
        double elapsedMs = 0; // simulated ms since the run's start_time, on the service's clock
        bool ending = false;  // the last answer was the first to say TERMINATING
        // How far elapsedMs may be off (simulated ms): half the round trip it was learned from.
        double clockErrorMs = 0;
        // A runs/get's round trip (simulated ms): the SDK waiter waits for each answer before
        // it sleeps, so its k-th request comes k round trips after the sleeps.
        double roundTripMs = 0;
    };

    // The wait before the next runs/get; an invalid expectation = no history.
    ms nextDelay(const Situation &now, const Expectation &expected) const;
    ms nextDelay(const Situation &now) const; // no history
    // The same in simulated ms (before timeScale).
    double simulatedDelayMs(const Situation &now, const Expectation &expected) const;
    double simulatedDelayMs(const Situation &now) const;

    // After a failure: firstDelay × growth^failures, up to maxDelay.
    ms nextDelay(int failures) const;
    double simulatedDelayMs(int failures) const;

    // When the SDK waiter sends its (k+1)-th runs/get, in ms after the submit (k = 0: at once),
    // with the mean jitter (400 ms) and answers that take `roundTripMs`.
    static double sdkPollTimeMs(int k, double roundTripMs = 0);
    // How many runs/get the SDK waiter sends on a run that ends `durationMs` after the submit.
    static int sdkPollsFor(double durationMs);

private:
    ms toReal(double simulatedMs) const;
    double withoutHistory(const Situation &now) const;
    double withHistory(const Situation &now, const Expectation &expected) const;
};

} // namespace Brickrun
