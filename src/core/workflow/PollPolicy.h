// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <vector>

namespace Brickrun {

// How long to wait before the next runs/get of a run. Pure and clock-free: the caller counts
// the polls since the run last changed state and, with a history, says how long the run has
// been going (its own clock, in simulated time when the demo runs faster).
//
// Without a history, a run that just changed is polled soon again (things tend to happen in
// bursts: PENDING → RUNNING, TERMINATING → TERMINATED); a run that sits still is polled less and
// less often, up to maxDelay. On a run with no change on the way, that spends no more runs/get
// than the SDK waiter (1, 2.6, 5.2, 9.3, 15.8 s … then every 10.5 s).
//
// With a history (earlier runs of the same notebook on the same cluster and profile: their
// median duration and spread), the run is polled sparsely while its end is unlikely (the delay
// grows with the elapsed time: an early failure is still seen within about the time it took)
// and densely in a window around the expected end, the polls spaced by 1/√density of the
// expected end times (what minimises the mean detection lag for a number of polls). The number
// of polls is budgeted: the sparse phase plus the window spend no more runs/get than the
// official SDK waiter (attempt n sleeps min(n, 10) s) spends on a run of the window's length.
// Past the window (a slower run than ever), the delay grows from the window's last gap to
// maxDelay.
struct PollPolicy
{
    using ms = std::chrono::milliseconds;

    ms firstDelay{1000}; // the first poll after submit, and the first after a state change
    double growth = 1.6; // each quiet poll waits this much longer than the last
    // The SDK waiter's mean sleep once at its cap (10 s + 0.4 s of jitter on average): a run
    // followed for long is never asked about more often than the SDK would ask.
    ms maxDelay{10500};
    // Simulated seconds per real second (the demo workspace's --speed): delays shrink by it.
    double timeScale = 1.0;

    // With a history: before the window, the delay is `sparseFactor` × the elapsed time,
    // between firstDelay and sparseMaxDelay; the window is median ± windowSpreads × spread.
    double sparseFactor = 2.0;
    ms sparseMaxDelay{60000};
    double windowSpreads = 2.5;
    ms minDenseDelay{250}; // never closer than this, however narrow the history

    // What earlier runs took. Valid with at least minSamples durations.
    struct Expectation
    {
        static constexpr int MinSamples = 3;
        ms median{0};
        ms spread{0}; // ≈ one standard deviation: 1.4826 × the median absolute deviation,
                      // widened for few samples and never below 2% of the median + 250 ms
        int samples = 0;

        bool isValid() const { return samples >= MinSamples && median.count() > 0; }
        // From durations in ms (any order; non-positive ones are ignored).
        static Expectation fromDurations(std::vector<long long> durationsMs);
    };

    // No history: today's cadence.
    ms nextDelay(int pollsSinceChange) const;
    // `elapsed`: simulated time since the run was submitted. An invalid expectation gives
    // nextDelay(pollsSinceChange).
    ms nextDelay(int pollsSinceChange, ms elapsed, const Expectation &expected) const;

    // The same, in simulated ms (before timeScale): what the two above divide by timeScale.
    double simulatedDelayMs(int pollsSinceChange) const;
    double simulatedDelayMs(int pollsSinceChange, double elapsedMs,
                            const Expectation &expected) const;

    // How many runs/get the SDK waiter sends on a run that ends `durationMs` after the submit:
    // one at once, then after sleeps of min(n, 10) s + the mean jitter (400 ms).
    static int sdkPollsFor(double durationMs);

private:
    ms toReal(double simulatedMs) const;
};

} // namespace Brickrun
