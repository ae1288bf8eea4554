// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <optional>

namespace Brickrun::Duration {

// A duration as people type it, in one rule for the command line and the submit form:
// "90" (seconds), "90s", "15m", "2h", "1d", "500ms", or parts together: "1h30m", "2m 30s".
// Units: ms, s, m (minutes), h, d; case does not matter. Returns milliseconds, or nothing when
// the text is not a duration (empty, a negative or fractional number, an unknown unit, a unit
// given twice, or more than 100 years).
std::optional<qint64> parseMillis(const QString &text);

// The short form parseMillis reads back: 90000 -> "1m30s", 7200000 -> "2h", 500 -> "500ms",
// 0 -> "0s".
QString format(qint64 millis);

} // namespace Brickrun::Duration
