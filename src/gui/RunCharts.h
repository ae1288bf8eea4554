// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "DurationTrendWidget.h"
#include "model/RunRecord.h"
#include "workflow/PollPolicy.h"

#include <QWidget>

#include <functional>

namespace Brickrun {

class HistoryStore;
class RunMonitor;
class RunTimelineWidget;

// What the charts of one run are drawn from.
struct RunChartsData
{
    QList<StateChange> stateChanges;  // the run's, oldest first
    QList<RunRecord> recentRuns;      // its notebook's last runs with a duration, newest first
    PollPolicy::Expectation expected; // what Brickrun polls its runs by (invalid: nothing yet)
};
using RunChartsSource = std::function<RunChartsData(const RunRecord &record)>;

// "Runs at a glance" in the run details: the run's timeline (RunTimelineWidget) beside the
// duration trend of its notebook (DurationTrendWidget). Reads what it draws from a source (the
// history's: historySource) when a run is shown or changes; between two changes, a run that is
// going only advances (the last phase and the elapsed time grow), without reading anything.
// Without a source it stays hidden.
class RunCharts : public QWidget
{
    Q_OBJECT
public:
    explicit RunCharts(QWidget *parent = nullptr);

    void setSource(RunChartsSource source);
    void showRecord(const RunRecord &record, qint64 nowMs);
    void advanceTo(qint64 nowMs);
    void clear();

    RunTimelineWidget *timeline() const { return m_timeline; }
    DurationTrendWidget *trend() const { return m_trend; }

    // How many earlier runs the trend shows.
    static constexpr int TrendRuns = 50;
    // The history's: the run's state changes, its notebook's last TrendRuns runs under its
    // profile, and the expectation the monitor polls it by (while it follows the run), else the
    // one it would compute from the history for the next run of the notebook on that cluster.
    static RunChartsSource historySource(HistoryStore *history, RunMonitor *monitor);
    // The trend of `record` from what was read.
    static DurationTrend trendOf(const RunRecord &record, const RunChartsData &data, qint64 nowMs);

private:
    RunChartsSource m_source;
    RunTimelineWidget *m_timeline;
    DurationTrendWidget *m_trend;
    RunRecord m_record;
};

} // namespace Brickrun
