// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

// The profile dialog's way with the core's reasons: they are lower-case clauses ("a profile
// needs a name"); next to a field or in a status line they read as sentences.
namespace Brickrun::ProfileText {

inline QString withFullStop(const QString &text)
{
    if (text.isEmpty() || text.endsWith(QLatin1Char('.')) || text.endsWith(QLatin1Char('?')) ||
        text.endsWith(QLatin1Char('!')))
        return text;
    return text + QLatin1Char('.');
}

inline QString asSentence(const QString &reason)
{
    if (reason.isEmpty())
        return reason;
    QString s = withFullStop(reason);
    s[0] = s.at(0).toUpper();
    return s;
}

} // namespace Brickrun::ProfileText
