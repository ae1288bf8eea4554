// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QtGlobal>

namespace Brickrun {

// The service's clock as seen from here: service ms = rate × local ms + offset. The rate is
// given (1, or the demo workspace's speed); the offset is learned from answers that say what time
// it is on the service (a running run's start_time + run_duration), each bracketed by when its
// request left and when the answer came: the offset lies in the intersection of those brackets.
// Times of runs (start_time, end_time) are the service's; the poll policy works on them, so that
// a few ms between the local and the service's clock never put a poll just before a run's end.
class ServiceClock
{
public:
    void setRate(double rate);
    double rate() const { return m_rate; }

    // The service said it was `serviceMs` at a moment between `sentMs` and `receivedMs` (local).
    // A bracket that contradicts the ones before (the clock was set, or drifted) starts afresh.
    void observe(qint64 sentMs, qint64 receivedMs, qint64 serviceMs);
    bool isKnown() const { return m_known; }
    // The service's time at local `localMs` (the middle of what the brackets allow).
    double toService(qint64 localMs) const;
    // How far toService may be off, in service ms.
    double error() const;

private:
    double m_rate = 1.0;
    double m_low = 0; // offset bounds
    double m_high = 0;
    bool m_known = false;
};

} // namespace Brickrun
