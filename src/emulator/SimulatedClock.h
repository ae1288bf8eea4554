// SPDX-License-Identifier: Apache-2.0
#pragma once

// Simulated time in epoch milliseconds. It runs `speed` times faster than real time from an
// anchor: it starts at the wall clock (so with speed 1 simulated time is wall time) or later,
// when a state file shows that an earlier, faster emulator already got further. It never goes
// backwards, so runs shared through a state file keep their order across processes.

#include <QElapsedTimer>
#include <QtGlobal>

namespace Brickrun::Emulator {

class SimulatedClock
{
public:
    explicit SimulatedClock(double speed = 1.0);

    double speed() const { return m_speed; }
    qint64 nowMs() const;

    // Moves the clock to at least simMs (for runs loaded from a state file).
    void catchUpTo(qint64 simMs);
    // Test hook: jumps ahead by deltaMs of simulated time.
    void advance(qint64 deltaMs);

private:
    double m_speed;
    qint64 m_anchorSimMs;
    QElapsedTimer m_elapsed;
};

} // namespace Brickrun::Emulator
