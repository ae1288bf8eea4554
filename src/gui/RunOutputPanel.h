// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "WorkspaceResolver.h"
#include "model/RunRecord.h"

#include <QWidget>

#include <memory>

namespace Brickrun {

namespace Ui {
class RunOutputPanel;
}

class ResultTableModel;
class TaskRunsPanel;

// The output of the run shown in the details, in tabs: the result as a table when it is JSON
// records or an object, else as text; the error and its trace; the raw JSON; with Copy and Save
// as…; and the run's tasks with each task's own output (TaskRunsPanel, read from the workspace
// when its tab is shown). Until there is output, the Result tab says what is happening.
//
// showRecord() is called again for every change of the same run while it is followed: it then
// updates in place (no flicker, the tab, scroll positions and selection stay) and reads the
// result again only when it changed. Reading a large result into a table happens on a worker
// thread; a newer record always wins over an older reading that finishes late.
//
// A run opens on its Result tab, or on its Error tab when it failed without a result; so does a
// followed run when its output arrives, unless the user picked a tab meanwhile.
class RunOutputPanel : public QWidget
{
    Q_OBJECT
public:
    explicit RunOutputPanel(QWidget *parent = nullptr);
    ~RunOutputPanel() override;

    // `sameRun`: an update of the run already shown.
    void showRecord(const Brickrun::RunRecord &record, bool sameRun);
    void clear();
    void setWorkspaceResolver(WorkspaceResolver resolver);
    // An output (runs/get-output for `runId`, the shown run's primary task) is arriving from
    // `profile`'s workspace: said in the Result tab while the shown run's output is fetched.
    void showOutputProgress(const QString &profile, qint64 runId, qint64 received, qint64 total);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct OutputView;

    void presentOutput();
    void applyOutputView(const OutputView &view);
    void openTab(bool newRun, bool outputArrived);
    void showResultPane();
    void updateOutputButtons();

    void copyOutput();
    void copyTableSelection();
    void saveOutput();

    std::unique_ptr<Ui::RunOutputPanel> m_ui;
    ResultTableModel *m_resultModel;
    TaskRunsPanel *m_tasks;

    RunRecord m_record;
    qint64 m_fetchReceived = 0; // of the shown run's output, while it arrives
    qint64 m_fetchTotal = -1;
    bool m_userPickedTab = false; // since this run was shown
    bool m_openingTab = false;

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
