// SPDX-License-Identifier: Apache-2.0
#include "RunTimes.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace Brickrun {

namespace {

// Clocks a little apart (network time keeps them within a second or so) still agree.
constexpr qint64 ClockSlackMs = 60 * 1000;

} // namespace

bool RunTimes::serviceClockDiffers(const RunRecord &r, qint64 nowMs)
{
    if (r.startTimeMs <= 0)
        return false;
    if (r.startTimeMs > nowMs + ClockSlackMs)
        return true; // started in this computer's future
    // A run submitted from here cannot start before it was submitted (an imported run's submit
    // time is the service's start).
    return r.source != QLatin1String("imported") && r.submittedAtMs > 0 &&
           r.startTimeMs < r.submittedAtMs - ClockSlackMs;
}

RunTimes::Duration RunTimes::duration(const RunRecord &r, qint64 nowMs)
{
    Duration d;
    if (r.endTimeMs > 0 || r.state.isTerminal() || !r.isActive()) {
        // Ended: the service's own times, or nothing to tell.
        if (r.startTimeMs > 0 && r.endTimeMs >= r.startTimeMs) {
            d.kind = Duration::Kind::Ended;
            d.ms = r.endTimeMs - r.startTimeMs;
        }
        return d;
    }
    if (r.startTimeMs > 0 && !serviceClockDiffers(r, nowMs)) {
        d.kind = Duration::Kind::Running;
        d.ms = std::max<qint64>(0, nowMs - r.startTimeMs);
        return d;
    }
    if (r.submittedAtMs > 0 && r.submittedAtMs <= nowMs) {
        d.kind = Duration::Kind::SinceSubmitted;
        d.ms = nowMs - r.submittedAtMs;
    }
    return d;
}

QString RunTimes::format(qint64 ms)
{
    const qint64 s = std::max<qint64>(0, ms) / 1000;
    if (s < 60)
        return tr("%1 s").arg(s);
    if (s < 3600)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

QString RunTimes::shortText(const RunRecord &r, qint64 nowMs)
{
    const Duration d = duration(r, nowMs);
    return d.kind == Duration::Kind::Unknown ? QString() : format(d.ms);
}

QString RunTimes::text(const RunRecord &r, qint64 nowMs)
{
    const Duration d = duration(r, nowMs);
    switch (d.kind) {
    case Duration::Kind::Unknown:
        return tr("—");
    case Duration::Kind::Ended:
        return format(d.ms);
    case Duration::Kind::Running:
        return tr("%1 so far").arg(format(d.ms));
    case Duration::Kind::SinceSubmitted:
        return tr("%1 since submitted").arg(format(d.ms));
    }
    return tr("—");
}

QString RunTimes::formatTime(qint64 ms)
{
    if (ms <= 0)
        return QString();
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(ms);
    const QLocale locale;
    QString timeFormat = locale.timeFormat(QLocale::ShortFormat);
    if (!timeFormat.contains(QLatin1Char('s'))) // runs often last seconds: show them
        timeFormat.replace(QStringLiteral("mm"), QStringLiteral("mm:ss"));
    return locale.toString(at.date(), QLocale::ShortFormat) + QLatin1Char(' ') +
           locale.toString(at.time(), timeFormat);
}

} // namespace Brickrun
