// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace Brickrun {

// The state of a run or task run as runs/get reports it. Every field may be missing in a
// real answer (result_state only appears once the run is terminal), so all are optional
// strings and the questions below never assume a value is there.
struct RunState
{
    QString lifeCycleState; // QUEUED, PENDING, RUNNING, TERMINATING, BLOCKED, WAITING_FOR_RETRY,
                            // TERMINATED, SKIPPED, INTERNAL_ERROR, or a state added later
    QString resultState;    // SUCCESS, FAILED, TIMEDOUT, CANCELED, … (terminal only)
    QString stateMessage;
    bool userCancelledOrTimedOut = false;

    // TERMINATED, SKIPPED and INTERNAL_ERROR end a run; every other state, including ones
    // the service adds in the future, means "keep waiting".
    static bool isTerminalLifeCycle(const QString &lifeCycleState);

    bool isTerminal() const { return isTerminalLifeCycle(lifeCycleState); }
    bool isSuccess() const;
    // "TERMINATED SUCCESS", "RUNNING", "INTERNAL_ERROR"…
    QString summary() const;

    friend bool operator==(const RunState &a, const RunState &b)
    {
        return a.lifeCycleState == b.lifeCycleState && a.resultState == b.resultState &&
               a.stateMessage == b.stateMessage &&
               a.userCancelledOrTimedOut == b.userCancelledOrTimedOut;
    }
    friend bool operator!=(const RunState &a, const RunState &b) { return !(a == b); }
};

} // namespace Brickrun
