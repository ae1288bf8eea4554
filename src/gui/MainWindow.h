#pragma once

#include <QMainWindow>

#include <functional>
#include <memory>

class QAbstractItemModel;
class QTableView;

namespace Brickrun {

namespace Ui {
class MainWindow;
}

class RunDetailsPanel;
class SubmitPanel;

// A thin shell: menus, actions, the submit panel, the runs table and the details pane.
// The AppController wires them to the core; the window itself knows no business rules.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    SubmitPanel *submitPanel() const;
    RunDetailsPanel *detailsPanel() const;
    QTableView *runsView() const;
    void setRunsModel(QAbstractItemModel *model);
    qint64 selectedRunId() const;
    void selectRun(qint64 id);

    // Asked before the window closes; returns false to keep it open.
    void setCloseGuard(std::function<bool()> guard) { m_closeGuard = std::move(guard); }
    void showStatus(const QString &text, int timeoutMs = 0);
    // Enables Cancel/Re-run/Open page for the selected run.
    void setRunActionsEnabled(bool cancel, bool rerun, bool openPage);

Q_SIGNALS:
    void runSelected(qint64 id); // 0 = none
    void addWorkspaceRequested();
    void editWorkspaceRequested();
    void demoRequested();
    void cancelRequested();
    void rerunRequested();
    void openRunPageRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    std::unique_ptr<Ui::MainWindow> m_ui;
    std::function<bool()> m_closeGuard;
};

} // namespace Brickrun
