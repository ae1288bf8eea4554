// SPDX-License-Identifier: Apache-2.0
#include "workflow/DeadlineTimer.h"

#include <algorithm>

namespace Brickrun {

DeadlineTimer::DeadlineTimer(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_deadline.hasExpired())
            Q_EMIT timeout();
        else
            arm(); // a chunk of a longer wait has passed
    });
}

void DeadlineTimer::start(std::chrono::milliseconds wait)
{
    m_deadline = QDeadlineTimer(std::max(wait, std::chrono::milliseconds(0)), Qt::PreciseTimer);
    arm();
}

void DeadlineTimer::stop()
{
    m_timer.stop();
}

std::chrono::milliseconds DeadlineTimer::remaining() const
{
    if (!m_timer.isActive())
        return std::chrono::milliseconds(0);
    return std::chrono::milliseconds(std::max<qint64>(0, m_deadline.remainingTime()));
}

void DeadlineTimer::arm()
{
    const std::chrono::milliseconds left(std::max<qint64>(0, m_deadline.remainingTime()));
    m_timer.start(std::min(left, MaxChunk));
}

} // namespace Brickrun
