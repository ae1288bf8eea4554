// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "RunCharts.h"
#include "WorkspaceResolver.h"
#include "model/RunRecord.h"

#include <QTimer>
#include <QWidget>

#include <memory>

namespace Brickrun {

namespace Ui {
class RunDetailsPanel;
}

// The pane for the selected run: name, state, timings, ids, the run page link, Cancel and
// Re-run, and its output (RunOutputPanel).
//
// showRecord() is called again for every change of the same run while it is followed: it then
// updates in place (no flicker; the output keeps its tab, scroll positions and selection).
// Times are shown as the clock that gave them tells them (RunTimes): the submit from this
// computer's, the start and end from the workspace's, said so when the two clocks disagree.
class RunDetailsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit RunDetailsPanel(QWidget *parent = nullptr);
    ~RunDetailsPanel() override;

    void showRecord(const Brickrun::RunRecord &record);
    void clear();            // nothing selected: a placeholder text
    qint64 recordId() const; // 0 when clear
    // How the Tasks tab reaches the workspace of the shown run's profile.
    void setWorkspaceResolver(WorkspaceResolver resolver);
    // Where the timeline and the duration trend read from (unset: they are not shown).
    void setChartsSource(RunChartsSource source);
    // See RunOutputPanel::showOutputProgress.
    void showOutputProgress(const QString &profile, qint64 runId, qint64 received, qint64 total);

    // The run's name, or the one the service gives a run submitted without one.
    static QString titleOf(const RunRecord &record);
    // The state message shown: the service's, and that a new job cluster is starting.
    static QString stateMessageOf(const RunRecord &record);
    // Can the run still be cancelled: the service has it and it has not ended? (Not while its
    // output is being fetched after it ended.)
    static bool canCancel(const RunRecord &record);
Q_SIGNALS:
    void cancelRequested(qint64 id); // only after the user confirmed
    void rerunRequested(qint64 id);

private:
    void showHeader();
    void showTimings();

    void confirmCancel();
    void openRunPage(const QString &link);

    std::unique_ptr<Ui::RunDetailsPanel> m_ui;
    QTimer m_durationTick; // the duration of a running run counts up

    RunRecord m_record;
    bool m_shown = false;
};

} // namespace Brickrun
