// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/RunInfo.h"
#include "model/RunRecord.h"

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
// The last DisplayLimit characters, saying so at the start: what a log is read for is its end
// (and the service itself keeps the last 5 MB of a task's logs).
QString forDisplayTail(const QString &text);
// Whether the Result tab shows the task's logs: a Python file's output, which has no notebook
// result.
bool showsLogs(bool hasOutput, const RunOutput &output);
// What the Result tab says while a run has no output: what is happening to it (`received` and
// `total` bytes of its output while it is fetched; total < 0 when unknown).
QString waitingMessage(const RunRecord &record, qint64 received, qint64 total);
// Why the Result tab has nothing to show for a run that has its output.
QString noResultMessage(const RunRecord &record);

} // namespace Brickrun::RunOutputText
