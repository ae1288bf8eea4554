#pragma once

#include <chrono>

namespace Brickrun {

// How long to wait before the next runs/get of a run. Pure and clock-free: the caller counts
// the polls since the run last changed state. A run that just changed is polled soon again
// (things tend to happen in bursts: PENDING → RUNNING, TERMINATING → TERMINATED); a run that
// sits still is polled less and less often, up to maxDelay.
struct PollPolicy
{
    using ms = std::chrono::milliseconds;

    ms firstDelay{1000}; // the first poll after submit, and the first after a state change
    double growth = 1.5; // each quiet poll waits this much longer than the last
    ms maxDelay{10000};
    // Simulated seconds per real second (the demo workspace's --speed): delays shrink by it.
    double timeScale = 1.0;

    ms nextDelay(int pollsSinceChange) const;
};

} // namespace Brickrun
