#pragma once

#include <QString>

namespace Brickrun::Cli::Console {

// stdout: results (one JSON object with --json). A newline is added when missing.
void out(const QString &text);
// stdout as it is, without a newline added (a result printed in pieces).
void write(const QString &text);
// stderr: progress, warnings and errors, one line each.
void err(const QString &text);
// "[   4.2s] text", for progress lines on stderr.
QString progressLine(qint64 elapsedMs, const QString &text);

} // namespace Brickrun::Cli::Console
