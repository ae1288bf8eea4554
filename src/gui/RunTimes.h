// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/RunRecord.h"

#include <QCoreApplication>
#include <QString>

namespace Brickrun {

// How long a run took, or has been going, in one rule for the runs table and the details.
//
// The record holds times from two clocks: submittedAtMs from this computer's, startTimeMs and
// endTimeMs from the workspace's, which may be ahead or behind (the demo workspace at speed 10
// runs ten times faster). A duration is the difference of two times of the same clock: an ended
// run's is the service's end minus its start; a running run's is now minus the service's start
// only while the two clocks agree (the start lies between the submit and now), else the time
// since the submit on this computer's clock. When neither can be told there is no duration:
// never a number computed across the clocks, never an empty number.
class RunTimes
{
    Q_DECLARE_TR_FUNCTIONS(Brickrun::RunTimes)
public:
    struct Duration
    {
        enum class Kind
        {
            Unknown,       // no duration can be told
            Ended,         // the service's end minus its start
            Running,       // now minus the service's start (the clocks agree)
            SinceSubmitted // now minus the submit, on this computer's clock
        } kind = Kind::Unknown;
        qint64 ms = 0;
    };
    static Duration duration(const RunRecord &record, qint64 nowMs);

    // Does the service's start time disagree with this computer's clock (it lies in the future,
    // or well before the run was submitted from here)?
    static bool serviceClockDiffers(const RunRecord &record, qint64 nowMs);

    // "42 s", "3 min 05 s", "2 h 07 min".
    static QString format(qint64 ms);
    // The duration for the runs table: the number alone, empty when unknown.
    static QString shortText(const RunRecord &record, qint64 nowMs);
    // The duration for the details: "2 min 05 s", "1 min 10 s so far", "40 s since submitted",
    // or "—" when unknown.
    static QString text(const RunRecord &record, qint64 nowMs);
    // A time as the clock that gave it tells it, with the date and seconds.
    static QString formatTime(qint64 ms);
};

} // namespace Brickrun
