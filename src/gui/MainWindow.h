// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QMainWindow>

#include <functional>
#include <memory>

class QAbstractItemModel;
class QAction;
class QTableView;

namespace Brickrun {

namespace Ui {
class MainWindow;
} // namespace Ui

class HistoryFilterBar;
class RunDetailsPanel;
class RunsTableModel;
class SubmitPanel;
class TeamPresetsPanel;
class WorkArea;

// A thin shell: menus, actions, the submit panel, the runs table and the details pane.
// The AppController wires them to the core; the window itself knows no business rules.
//
// The panels (WorkArea) are most of the window's cost (figures in bench/README.md), so the
// desktop program shows the frame first (menus, status bar, an empty central area) and builds the
// panels once that frame is out (Panels::AfterFirstFrame, firstFrameShown()). Any accessor of a
// panel builds them at once if they are not there yet.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class Panels
    {
        Now,
        AfterFirstFrame // the owner calls buildPanels() (e.g. on firstFrameShown())
    };
    explicit MainWindow(QWidget *parent = nullptr);
    explicit MainWindow(Panels when, QWidget *parent = nullptr);
    ~MainWindow() override;

    bool hasPanels() const { return m_work != nullptr; }
    void buildPanels(); // once; later calls do nothing

    SubmitPanel *submitPanel() const;
    RunDetailsPanel *detailsPanel() const;
    HistoryFilterBar *historyFilterBar() const;
    TeamPresetsPanel *teamPresetsPanel() const; // in the "Team presets" dock
    QTableView *runsView() const;
    // Shows the model, sorted by clicking a header (in SQL); the selection is kept by record
    // id across the model's resets (a new filter or sort).
    void setRunsModel(RunsTableModel *model);
    qint64 selectedRunId() const;         // the current run
    QList<qint64> selectedRunIds() const; // every selected run
    void selectRun(qint64 id);

    // Asked before the window closes; returns false to keep it open.
    void setCloseGuard(std::function<bool()> guard) { m_closeGuard = std::move(guard); }
    void showStatus(const QString &text, int timeoutMs = 0);
    // Enables Cancel/Re-run/Open page for the selected run.
    void setRunActionsEnabled(bool cancel, bool rerun, bool openPage);
    // Run → "Notify when a run ends" (checkable; RunNotifier keeps its state).
    QAction *notificationsAction() const { return m_notificationsAction; }

Q_SIGNALS:
    // Once, after the first frame of the window was painted (queued: the frame is out).
    void firstFrameShown();
    void runSelected(qint64 id); // 0 = none
    void addWorkspaceRequested();
    void editWorkspaceRequested();
    void demoRequested();
    void cancelRequested();
    void rerunRequested();
    void openRunPageRequested();
    void exportRunsRequested();
    void importRunsRequested();
    void deleteRunsRequested();
    void deleteOldRunsRequested();

protected:
    bool event(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    WorkArea &work() const; // the panels, built on first use
    void showRunsMenu(const QPoint &pos);
    void restoreSelection();
    // After a new filter or sort, the current run is looked for in this many rows (read on the
    // runs model's worker thread, see RunsTableModel::setKeptRecord).
    static constexpr int RestoreSearchRows = 2000; // ten pages

    std::unique_ptr<Ui::MainWindow> m_ui;
    WorkArea *m_work = nullptr; // the central widget once built
    // In its dock, made with the panels.
    TeamPresetsPanel *m_teamPresets = nullptr;
    bool m_firstFrameSeen = false;
    RunsTableModel *m_model = nullptr;
    QList<qint64> m_selectionBeforeReset;
    qint64 m_currentBeforeReset = 0;
    std::function<bool()> m_closeGuard;
    QAction *m_notificationsAction = nullptr;
};

} // namespace Brickrun
