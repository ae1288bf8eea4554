// SPDX-License-Identifier: Apache-2.0
#include "SimulatedClock.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>

namespace Brickrun::Emulator {

SimulatedClock::SimulatedClock(double speed)
    : m_speed(speed)
    , m_anchorSimMs(QDateTime::currentMSecsSinceEpoch())
{
    m_elapsed.start();
}

qint64 SimulatedClock::nowMs() const
{
    return m_anchorSimMs +
           static_cast<qint64>(std::floor(static_cast<double>(m_elapsed.elapsed()) * m_speed));
}

void SimulatedClock::catchUpTo(qint64 simMs)
{
    const qint64 now = nowMs();
    if (simMs > now)
        m_anchorSimMs += simMs - now;
}

void SimulatedClock::advance(qint64 deltaMs)
{
    m_anchorSimMs += std::max<qint64>(0, deltaMs);
}

} // namespace Brickrun::Emulator
