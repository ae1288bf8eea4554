// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "WorkspaceResolver.h"
#include "model/RunInfo.h"

#include <QHash>
#include <QSet>
#include <QWidget>

#include <memory>

namespace Brickrun {

namespace Ui {
class TaskRunsPanel;
}

class TaskListModel;

// The "Tasks" tab of the run details: every task of a run (its newest attempt) read with
// runs/get on demand (when the tab is first shown for a run, and on Refresh; never polled), and
// the output of the selected task read with get-output by that task run's own id, once (kept
// per task run id until Refresh). Progress and the service's errors show in the tab; nothing
// waits on the GUI thread.
class TaskRunsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit TaskRunsPanel(QWidget *parent = nullptr);
    ~TaskRunsPanel() override;

    // How the tab reaches a profile's workspace (the composition root's; unset: it says so).
    void setWorkspaceResolver(WorkspaceResolver resolver);
    // The run shown; a different run empties the tab until it is read. runId 0: no run.
    void setRun(const QString &profile, qint64 runId);
    // Reads the tasks unless they were read for this run already (or are being read).
    void ensureLoaded();
    void refresh();
    TaskListModel *model() const { return m_model; }

private:
    struct TaskOutput
    {
        bool ok = false;
        RunOutput output;
        QString error; // why it could not be read
    };
    // Calls back with the client of the shown run's workspace, or shows why there is none.
    void withClient(const std::function<void(JobsClient *client)> &then);
    void showSelectedOutput();
    void fetchOutput(qint64 taskRunId);
    void showOutput(const TaskRun &task, const TaskOutput &output);

    std::unique_ptr<Ui::TaskRunsPanel> m_ui;
    TaskListModel *m_model;
    WorkspaceResolver m_resolver;
    QString m_profile;
    qint64 m_runId = 0;
    bool m_loaded = false;               // read (or being read) for this run
    quint64 m_generation = 0;            // bumped per run and per refresh: late answers are dropped
    QHash<qint64, TaskOutput> m_outputs; // by task run id
    QSet<qint64> m_reading;              // task run ids whose output is on its way
};

} // namespace Brickrun
