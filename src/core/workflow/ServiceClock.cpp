// SPDX-License-Identifier: Apache-2.0
#include "workflow/ServiceClock.h"

#include <algorithm>

namespace Brickrun {

void ServiceClock::setRate(double rate)
{
    if (rate > 0 && rate != m_rate) {
        m_rate = rate;
        m_known = false; // the offset was learned for another rate
    }
}

void ServiceClock::observe(qint64 sentMs, qint64 receivedMs, qint64 serviceMs)
{
    if (serviceMs <= 0 || receivedMs < sentMs)
        return;
    const double low = double(serviceMs) - m_rate * double(receivedMs);
    const double high = double(serviceMs) - m_rate * double(sentMs);
    if (m_known && std::max(low, m_low) <= std::min(high, m_high)) {
        m_low = std::max(low, m_low);
        m_high = std::min(high, m_high);
        return;
    }
    m_low = low;
    m_high = high;
    m_known = true;
}

double ServiceClock::toService(qint64 localMs) const
{
    return m_rate * double(localMs) + (m_low + m_high) / 2.0;
}

double ServiceClock::error() const
{
    return m_known ? (m_high - m_low) / 2.0 : 0.0;
}

} // namespace Brickrun
