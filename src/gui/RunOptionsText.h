// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/RunSpec.h"

#include <QCoreApplication>
#include <QString>

namespace Brickrun {

// The words for a run's own timeout and retries (RunSpec), the same in the submit form and the
// details pane.
class RunOptionsText
{
    Q_DECLARE_TR_FUNCTIONS(RunOptionsText)
public:
    // "timeout 45m, retries: 3, 30s apart, also after a timeout"; "none" without any.
    static QString summary(const RunSpec &spec);
    // "attempt 2 of 4" for the attempt the service is at (0 = the first) of a run with
    // retries, "attempt 3" when its retries are not known; empty for a first attempt without
    // retries.
    static QString attempt(int attemptNumber, const RunSpec &spec);
};

} // namespace Brickrun
