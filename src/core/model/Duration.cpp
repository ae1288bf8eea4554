// SPDX-License-Identifier: Apache-2.0
#include "model/Duration.h"

#include <QRegularExpression>

namespace Brickrun::Duration {

namespace {

constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;
constexpr qint64 MaxMillis = 100 * 366 * Day;

struct Unit
{
    const char *name;
    qint64 millis;
};
// Largest first: format() writes them in this order, parseMillis() wants them in it.
constexpr Unit Units[] = {{"d", Day}, {"h", Hour}, {"m", Minute}, {"s", Second}, {"ms", 1}};

} // namespace

std::optional<qint64> parseMillis(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t.isEmpty())
        return std::nullopt;
    static const QRegularExpression seconds(QStringLiteral("^\\d{1,12}$"));
    if (seconds.match(t).hasMatch()) {
        const qint64 value = t.toLongLong() * Second;
        return value <= MaxMillis ? std::optional<qint64>(value) : std::nullopt;
    }
    static const QRegularExpression part(QStringLiteral("\\G\\s*(\\d{1,12})\\s*(ms|s|m|h|d)"));
    qint64 total = 0;
    int position = 0;
    int lastUnit = -1;
    auto it = part.globalMatch(t);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QString unit = m.captured(2);
        int index = 0;
        while (unit != QLatin1String(Units[index].name))
            ++index;
        if (index <= lastUnit)
            return std::nullopt; // "1m1h", "5s5s": not a duration anyone means
        lastUnit = index;
        total += m.captured(1).toLongLong() * Units[index].millis;
        if (total > MaxMillis)
            return std::nullopt;
        position = int(m.capturedEnd());
    }
    if (lastUnit < 0 || position != t.size())
        return std::nullopt;
    return total;
}

QString format(qint64 millis)
{
    if (millis <= 0)
        return QStringLiteral("0s");
    QString text;
    for (const Unit &unit : Units) {
        if (millis >= unit.millis) {
            text += QString::number(millis / unit.millis) + QLatin1String(unit.name);
            millis %= unit.millis;
        }
    }
    return text;
}

} // namespace Brickrun::Duration
