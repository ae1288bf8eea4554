// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace Brickrun::Cli::Console {

// Everything printed goes through this: text from the service (a state message, a result) and
// from imported presets must not drive the terminal (set its title, clear the screen). Control
// characters (C0 but newline and tab, DEL, C1) become "\u001b"-style escapes, which in JSON
// text (where C0 is escaped already and only DEL and C1 may appear raw, inside strings) are
// escapes of the same characters: the JSON stays valid and means the same.
QString printable(const QString &text);

// stdout: results (one JSON object with --json). A newline is added when missing.
void out(const QString &text);
// stdout as it is, without a newline added (a result printed in pieces).
void write(const QString &text);
// stderr: progress, warnings and errors, one line each.
void err(const QString &text);
// "[   4.2s] text", for progress lines on stderr.
QString progressLine(qint64 elapsedMs, const QString &text);

} // namespace Brickrun::Cli::Console
