// SPDX-License-Identifier: Apache-2.0
#include "RunCharts.h"

#include "RunTimelineWidget.h"
#include "RunTimes.h"
#include "StateIcons.h"
#include "store/HistoryStore.h"
#include "workflow/RunMonitor.h"

#include <QHBoxLayout>

#include <vector>

namespace Brickrun {

RunCharts::RunCharts(QWidget *parent)
    : QWidget(parent)
    , m_timeline(new RunTimelineWidget(this))
    , m_trend(new DurationTrendWidget(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(3 * layout->spacing() / 2 + 6);
    layout->addWidget(m_timeline, 3, Qt::AlignTop);
    layout->addWidget(m_trend, 2, Qt::AlignTop);
    setVisible(false);
}

void RunCharts::setSource(RunChartsSource source)
{
    m_source = std::move(source);
}

void RunCharts::showRecord(const RunRecord &record, qint64 nowMs)
{
    if (!m_source) {
        setVisible(false);
        return;
    }
    m_record = record;
    const RunChartsData read = m_source(record);
    m_timeline->setPhases(RunPhases::of(record, read.stateChanges, nowMs));
    m_trend->setTrend(trendOf(record, read, nowMs));
    setVisible(true);
}

void RunCharts::advanceTo(qint64 nowMs)
{
    if (!m_source || m_record.id == 0)
        return;
    m_timeline->advanceTo(nowMs);
    if (m_record.isActive())
        m_trend->setElapsed(std::max<qint64>(0, RunTimes::duration(m_record, nowMs).ms));
}

void RunCharts::clear()
{
    m_record = RunRecord();
    m_timeline->setPhases(RunPhases());
    m_trend->setTrend(DurationTrend());
}

DurationTrend RunCharts::trendOf(const RunRecord &record, const RunChartsData &data, qint64 nowMs)
{
    DurationTrend trend;
    trend.shownId = record.id;
    for (auto it = data.recentRuns.crbegin(); it != data.recentRuns.crend(); ++it) {
        if (it->startTimeMs <= 0 || it->endTimeMs <= it->startTimeMs)
            continue; // no duration known: nothing to draw
        DurationTrend::Run run;
        run.recordId = it->id;
        run.durationMs = it->endTimeMs - it->startTimeMs;
        run.colour = StateIcons::colour(it->state, it->tracking);
        run.outcome = StateIcons::text(it->state, it->tracking);
        run.submittedAtMs = it->submittedAtMs;
        trend.runs.append(run);
    }
    if (data.expected.isValid()) {
        trend.expectedMs = data.expected.median.count();
        trend.spreadMs = data.expected.spread.count();
        trend.expectedSamples = data.expected.samples;
    }
    if (record.isActive())
        trend.elapsedMs = std::max<qint64>(0, RunTimes::duration(record, nowMs).ms);
    return trend;
}

RunChartsSource RunCharts::historySource(HistoryStore *history, RunMonitor *monitor)
{
    return [history, monitor](const RunRecord &record) {
        RunChartsData data;
        if (record.id == 0)
            return data;
        data.stateChanges = history->stateChanges(record.id);
        const QString path = record.spec.taskPath();
        if (!path.isEmpty())
            data.recentRuns = history->recentRunsOf(record.profile, path, TrendRuns);
        if (monitor && monitor->isTracking(record.id))
            data.expected = monitor->expectation(record.id);
        if (!data.expected.isValid() && !record.spec.notebookPath.isEmpty()) {
            const QList<qint64> durations =
                history->recentDurations(record.profile, record.spec.notebookPath,
                                         record.spec.clusterId, RunMonitor::HistorySamples);
            data.expected = PollPolicy::Expectation::fromDurations(
                std::vector<long long>(durations.begin(), durations.end()));
        }
        return data;
    };
}

} // namespace Brickrun
