// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/RunInfo.h"

#include <QString>

namespace Brickrun::RunOutputText {

// The texts RunOutputPanel shows of a run's output, and how they are cut for display.

// A text view shows at most this many characters: QPlainTextEdit needs seconds on the GUI
// thread to lay out a 5 MB line. Copy and Save as… always give everything.
constexpr qsizetype DisplayLimit = 128 * 1024;

bool sameOutput(const RunOutput &a, const RunOutput &b);
// A long text field cut for display, saying so inside the value.
QString cutForDisplay(const QString &text);
// The output as get-output answers it (rebuilt from the stored fields).
QString rawOutputJson(const RunOutput &output);
// The error, then its trace.
QString errorText(const RunOutput &output);
// The text cut at DisplayLimit, saying so at its end.
QString forDisplay(const QString &text);

} // namespace Brickrun::RunOutputText
