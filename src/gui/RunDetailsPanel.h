// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "WorkspaceResolver.h"
#include "model/RunRecord.h"

#include <QTimer>
#include <QWidget>

#include <memory>

namespace Brickrun {

namespace Ui {
class RunDetailsPanel;
}

class ResultTableModel;
class TaskRunsPanel;

// The pane for the selected run: name, state, timings, ids, the run page link, Cancel and
// Re-run, and the output in tabs (the result as a table when it is JSON records, else as
// text; the error and its trace; the raw JSON), with Copy and Save as…, and the run's tasks with
// each task's own output (TaskRunsPanel, read from the workspace when its tab is shown).
//
// showRecord() is called again for every change of the same run while it is followed: it then
// updates in place (no flicker, the tab, scroll positions and selection stay) and reads the
// result again only when it changed. Reading a large result into a table happens on a worker
// thread; a newer record always wins over an older reading that finishes late.
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

Q_SIGNALS:
    void cancelRequested(qint64 id); // only after the user confirmed
    void rerunRequested(qint64 id);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct OutputView;

    void showHeader();
    void showTimings();
    void showOutput(bool sameRun);
    void applyOutputView(const OutputView &view);
    void showResultPane();
    void updateOutputButtons();

    void confirmCancel();
    void openRunPage(const QString &link);
    void copyOutput();
    void copyTableSelection();
    void saveOutput();

    std::unique_ptr<Ui::RunDetailsPanel> m_ui;
    ResultTableModel *m_resultModel;
    TaskRunsPanel *m_tasks;
    QTimer m_durationTick; // the duration of a running run counts up

    RunRecord m_record;
    bool m_shown = false;

    // What the output tabs show (or are being prepared for).
    bool m_outputPresented = false;
    bool m_presentedHasOutput = false;
    RunOutput m_presentedOutput;
    quint64 m_outputGeneration = 0; // bumped by every new output: late readings are dropped
    bool m_parsing = false;
    QString m_resultText;   // the whole result (the text view may show less)
    QString m_resultReason; // why the result is not a table
    QString m_rawJson;      // the whole raw JSON (the view may show less)
    QString m_saveDirectory;
};

} // namespace Brickrun
