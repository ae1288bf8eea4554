// SPDX-License-Identifier: Apache-2.0
#include "StateIcons.h"

#include <QCoreApplication>

#include <array>

namespace Brickrun::StateIcons {

namespace {

enum class Look
{
    Queued,
    Running,
    Success,
    Failed,
    Canceled,
    Skipped,
    Unknown,
    Count
};

struct Appearance
{
    Look look = Look::Unknown;
    QString text;
};

QString translated(const char *text)
{
    return QCoreApplication::translate("Brickrun::StateIcons", text);
}

// A result state, as the service reports it once a run is terminal.
bool resultAppearance(const QString &result, Appearance *out)
{
    struct Entry
    {
        const char *state;
        Look look;
        const char *text;
    };
    static const Entry entries[] = {
        {"SUCCESS", Look::Success, QT_TRANSLATE_NOOP("Brickrun::StateIcons", "Succeeded")},
        {"FAILED", Look::Failed, QT_TRANSLATE_NOOP("Brickrun::StateIcons", "Failed")},
        {"TIMEDOUT", Look::Failed, QT_TRANSLATE_NOOP("Brickrun::StateIcons", "Timed out")},
        {"CANCELED", Look::Canceled, QT_TRANSLATE_NOOP("Brickrun::StateIcons", "Cancelled")},
        {"UPSTREAM_FAILED", Look::Failed,
         QT_TRANSLATE_NOOP("Brickrun::StateIcons", "Upstream failed")},
        {"UPSTREAM_CANCELED", Look::Canceled,
         QT_TRANSLATE_NOOP("Brickrun::StateIcons", "Upstream cancelled")},
        {"MAXIMUM_CONCURRENT_RUNS_REACHED", Look::Failed,
         QT_TRANSLATE_NOOP("Brickrun::StateIcons", "Too many concurrent runs")},
        {"EXCLUDED", Look::Skipped, QT_TRANSLATE_NOOP("Brickrun::StateIcons", "Excluded")},
    };
    for (const Entry &e : entries) {
        if (result == QLatin1String(e.state)) {
            *out = {e.look, translated(e.text)};
            return true;
        }
    }
    return false;
}

Appearance appearance(const RunState &state, RunRecord::Tracking tracking)
{
    switch (tracking) {
    case RunRecord::Tracking::Submitting:
        return {Look::Queued, translated(QT_TRANSLATE_NOOP("Brickrun::StateIcons", "Submitting…"))};
    case RunRecord::Tracking::SubmitFailed:
        return {Look::Failed,
                translated(QT_TRANSLATE_NOOP("Brickrun::StateIcons", "Submit failed"))};
    case RunRecord::Tracking::Vanished:
        return {Look::Failed, translated(QT_TRANSLATE_NOOP("Brickrun::StateIcons", "Vanished"))};
    case RunRecord::Tracking::Active:
    case RunRecord::Tracking::Finished:
        break;
    }

    struct Entry
    {
        const char *state;
        Look look;
        const char *text;
    };
    static const Entry lifeCycles[] = {
        {"QUEUED", Look::Queued, QT_TRANSLATE_NOOP("Brickrun::StateIcons", "Queued")},
        {"PENDING", Look::Queued, QT_TRANSLATE_NOOP("Brickrun::StateIcons", "Pending")},
        {"BLOCKED", Look::Queued, QT_TRANSLATE_NOOP("Brickrun::StateIcons", "Blocked")},
        {"WAITING_FOR_RETRY", Look::Queued,
         QT_TRANSLATE_NOOP("Brickrun::StateIcons", "Waiting for retry")},
        {"RUNNING", Look::Running, QT_TRANSLATE_NOOP("Brickrun::StateIcons", "Running")},
        {"TERMINATING", Look::Running, QT_TRANSLATE_NOOP("Brickrun::StateIcons", "Terminating")},
        {"SKIPPED", Look::Skipped, QT_TRANSLATE_NOOP("Brickrun::StateIcons", "Skipped")},
        {"INTERNAL_ERROR", Look::Failed,
         QT_TRANSLATE_NOOP("Brickrun::StateIcons", "Internal error")},
    };
    for (const Entry &e : lifeCycles) {
        if (state.lifeCycleState == QLatin1String(e.state))
            return {e.look, translated(e.text)};
    }

    // TERMINATED, or a life cycle state we do not know: the result state tells the outcome.
    Appearance result;
    if (resultAppearance(state.resultState, &result))
        return result;
    if (state.lifeCycleState.isEmpty() && state.resultState.isEmpty())
        return {Look::Unknown, translated(QT_TRANSLATE_NOOP("Brickrun::StateIcons", "Unknown"))};
    if (state.lifeCycleState == QLatin1String("TERMINATED") && state.resultState.isEmpty())
        return {Look::Unknown, translated(QT_TRANSLATE_NOOP("Brickrun::StateIcons", "Terminated"))};
    // A state added to the service after this version: show it as the service names it.
    return {Look::Unknown, state.summary()};
}

QString iconPath(Look look)
{
    switch (look) {
    case Look::Queued:
        return QStringLiteral(":/icons/state-queued.svg");
    case Look::Running:
        return QStringLiteral(":/icons/state-running.svg");
    case Look::Success:
        return QStringLiteral(":/icons/state-success.svg");
    case Look::Failed:
        return QStringLiteral(":/icons/state-failed.svg");
    case Look::Canceled:
        return QStringLiteral(":/icons/state-canceled.svg");
    case Look::Skipped:
        return QStringLiteral(":/icons/state-skipped.svg");
    case Look::Unknown:
    case Look::Count:
        break;
    }
    return QStringLiteral(":/icons/state-unknown.svg");
}

// The fill of each icon's SVG (tst_runcharts checks that they agree).
QColor colourOf(Look look)
{
    switch (look) {
    case Look::Queued:
        return QColor(0x64, 0x74, 0x8b);
    case Look::Running:
        return QColor(0x1d, 0x6f, 0xd8);
    case Look::Success:
        return QColor(0x1f, 0x8f, 0x3a);
    case Look::Failed:
        return QColor(0xd1, 0x24, 0x2f);
    case Look::Canceled:
        return QColor(0xc7, 0x6a, 0x00);
    case Look::Skipped:
        return QColor(0x7c, 0x7c, 0x85);
    case Look::Unknown:
    case Look::Count:
        break;
    }
    return QColor(0x7a, 0x6e, 0x94);
}

// The icons are asked for on every paint of the runs table; keeping one QIcon per look lets the
// SVG engine reuse what it rendered. Emptied with the application, before its plugins go.
std::array<QIcon, static_cast<size_t>(Look::Count)> s_icons;
bool s_cleanupRegistered = false;

void clearIcons()
{
    for (QIcon &i : s_icons)
        i = QIcon();
    s_cleanupRegistered = false;
}

} // namespace

QIcon icon(const RunState &state, RunRecord::Tracking tracking)
{
    const Look look = appearance(state, tracking).look;
    QIcon &cached = s_icons[static_cast<size_t>(look)];
    if (cached.isNull()) {
        if (!s_cleanupRegistered) {
            qAddPostRoutine(clearIcons);
            s_cleanupRegistered = true;
        }
        cached = QIcon(iconPath(look));
    }
    return cached;
}

QString text(const RunState &state, RunRecord::Tracking tracking)
{
    return appearance(state, tracking).text;
}

QColor colour(const RunState &state, RunRecord::Tracking tracking)
{
    return colourOf(appearance(state, tracking).look);
}

} // namespace Brickrun::StateIcons
