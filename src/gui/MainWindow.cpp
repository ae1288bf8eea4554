// SPDX-License-Identifier: Apache-2.0
#include "MainWindow.h"

#include "HistoryFilterBar.h"
#include "PresetsBar.h"
#include "RunDetailsPanel.h"
#include "RunsTableModel.h"
#include "ShareActions.h"
#include "SubmitPanel.h"
#include "TeamPresetsPanel.h"
#include "WorkArea.h"
#include "ui_MainWindow.h"

#include <QAction>
#include <QCloseEvent>
#include <QDateTime>
#include <QDockWidget>
#include <QEvent>
#include <QHeaderView>
#include <QMenu>
#include <QMessageBox>
#include <QTableView>

namespace Brickrun {

MainWindow::MainWindow(QWidget *parent)
    : MainWindow(Panels::Now, parent)
{}

MainWindow::MainWindow(Panels when, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
{
    m_ui->setupUi(this);
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionCancelRun, &QAction::triggered, this, &MainWindow::cancelRequested);
    connect(m_ui->actionRerun, &QAction::triggered, this, &MainWindow::rerunRequested);
    connect(m_ui->actionOpenRunPage, &QAction::triggered, this, &MainWindow::openRunPageRequested);
    connect(m_ui->actionAddWorkspace, &QAction::triggered, this,
            &MainWindow::addWorkspaceRequested);
    connect(m_ui->actionEditWorkspace, &QAction::triggered, this,
            &MainWindow::editWorkspaceRequested);
    connect(m_ui->actionTryDemo, &QAction::triggered, this, &MainWindow::demoRequested);
    connect(m_ui->actionExportRuns, &QAction::triggered, this, &MainWindow::exportRunsRequested);
    connect(m_ui->actionImportRuns, &QAction::triggered, this, &MainWindow::importRunsRequested);
    connect(m_ui->actionDeleteRuns, &QAction::triggered, this, &MainWindow::deleteRunsRequested);
    connect(m_ui->actionDeleteOldRuns, &QAction::triggered, this,
            &MainWindow::deleteOldRunsRequested);
    connect(m_ui->actionAbout, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Brickrun"),
                           tr("<h3>Brickrun %1</h3><p>Run Azure Databricks notebooks from the "
                              "desktop: submit, watch, read the output.</p>")
                               .arg(QStringLiteral(BRICKRUN_VERSION)));
    });
    m_notificationsAction = new QAction(tr("Notify when a run &ends"), this);
    m_notificationsAction->setObjectName(QStringLiteral("actionNotifications"));
    m_notificationsAction->setCheckable(true);
    m_notificationsAction->setChecked(true);
    m_notificationsAction->setToolTip(
        tr("Announce a run that ends while Brickrun's window is in the background"));
    m_ui->menuRun->addSeparator();
    m_ui->menuRun->addAction(m_notificationsAction);
    setRunActionsEnabled(false, false, false);
    m_ui->actionDeleteRuns->setEnabled(false);
    if (when == Panels::Now)
        buildPanels();
}

void MainWindow::buildPanels()
{
    if (m_work)
        return;
    m_work = new WorkArea;
    setCentralWidget(m_work); // the frame's empty one goes
    if (isVisible())
        m_work->show(); // now, not when the layout's queued show comes
    QTableView *runsTable = m_work->runsTable();
    SubmitPanel *submitPanel = m_work->submitPanel();
    connect(m_ui->actionNewRun, &QAction::triggered, submitPanel, &SubmitPanel::focusForm);
    connect(m_ui->actionSubmit, &QAction::triggered, submitPanel, &SubmitPanel::submit);
    connect(m_ui->actionShowRuns, &QAction::triggered, runsTable, qOverload<>(&QWidget::setFocus));
    connect(m_ui->actionFindRuns, &QAction::triggered, m_work->historyFilterBar(),
            &HistoryFilterBar::focusSearch);
    // Del deletes only while the table has the focus (not a character in the search box).
    runsTable->addAction(m_ui->actionDeleteRuns);
    connect(runsTable, &QWidget::customContextMenuRequested, this, &MainWindow::showRunsMenu);
    m_ui->menuPresets->addActions(submitPanel->presetsBar()->presetActions());
    const QList<QAction *> presetActions = m_ui->menuPresets->actions();
    m_ui->menuPresets->insertSeparator(presetActions.value(2)); // before Save…
    m_ui->menuPresets->insertSeparator(presetActions.value(6)); // before Export…
    // Team presets (docs/team-presets.md): a dock beside the work area, shown or hidden from
    // the Presets menu.
    m_teamPresets = new TeamPresetsPanel;
    // Squeezed, it clips its row of buttons rather than widen the window's smallest size.
    m_teamPresets->setMinimumWidth(1);
    auto *teamDock = new QDockWidget(tr("Team presets"), this);
    teamDock->setObjectName(QStringLiteral("teamPresetsDock"));
    teamDock->setWidget(m_teamPresets);
    teamDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::RightDockWidgetArea, teamDock);
    // It starts closed: the form and the history need the room, and an empty folder is what
    // most people see first. Presets → Team presets (Ctrl+Shift+T) opens it.
    teamDock->hide();
    m_ui->menuPresets->addSeparator();
    QAction *showTeam = teamDock->toggleViewAction();
    showTeam->setObjectName(QStringLiteral("actionShowTeamPresets"));
    showTeam->setText(tr("&Team presets"));
    showTeam->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    m_ui->menuPresets->addAction(showTeam);
    connect(submitPanel, &SubmitPanel::addWorkspaceRequested, this,
            &MainWindow::addWorkspaceRequested);
}

WorkArea &MainWindow::work() const
{
    if (!m_work)
        const_cast<MainWindow *>(this)->buildPanels(); // logically const: they are there to see
    return *m_work;
}

bool MainWindow::event(QEvent *event)
{
    if (event->type() == QEvent::Paint && !m_firstFrameSeen) {
        m_firstFrameSeen = true;
        // Queued: it runs once this paint is done and the frame is flushed.
        QMetaObject::invokeMethod(this, &MainWindow::firstFrameShown, Qt::QueuedConnection);
    }
    return QMainWindow::event(event);
}

MainWindow::~MainWindow() = default;

SubmitPanel *MainWindow::submitPanel() const
{
    return work().submitPanel();
}

RunDetailsPanel *MainWindow::detailsPanel() const
{
    return work().detailsPanel();
}

TeamPresetsPanel *MainWindow::teamPresetsPanel() const
{
    work(); // the panels, the dock with them
    return m_teamPresets;
}

HistoryFilterBar *MainWindow::historyFilterBar() const
{
    return work().historyFilterBar();
}

QTableView *MainWindow::runsView() const
{
    return work().runsTable();
}

void MainWindow::setRunsModel(RunsTableModel *model)
{
    m_model = model;
    work().setRunsModel(model); // the columns sized to what they show
    QHeaderView *header = work().runsTable()->horizontalHeader();
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QWidget::customContextMenuRequested, this, [this, header](const QPoint &pos) {
        QMenu menu(this);
        for (int column = 0; column < m_model->columnCount(); ++column) {
            QAction *a = menu.addAction(m_model->headerData(column, Qt::Horizontal).toString());
            a->setCheckable(true);
            a->setChecked(!header->isSectionHidden(column));
            connect(a, &QAction::toggled, this, [this, column](bool shown) {
                work().runsTable()->setColumnHidden(column, !shown);
            });
        }
        menu.exec(header->mapToGlobal(pos));
    });
    // Newest first, as the model starts; a click on a header sorts in SQL (a reset).
    header->setSortIndicator(RunsTableModel::SubmittedColumn, Qt::DescendingOrder);
    work().runsTable()->setSortingEnabled(true);
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        m_selectionBeforeReset = selectedRunIds();
        m_currentBeforeReset = selectedRunId();
    });
    connect(model, &QAbstractItemModel::modelReset, this, &MainWindow::restoreSelection);
    // The count beside the filter is the model's: one place, whoever builds the window.
    HistoryFilterBar *filterBar = historyFilterBar();
    connect(model, &RunsTableModel::totalCountChanged, filterBar, &HistoryFilterBar::setCount);
    connect(model, &RunsTableModel::loadingChanged, filterBar, &HistoryFilterBar::setLoading);
    filterBar->setCount(model->totalCount());
    filterBar->setLoading(model->isLoading());
    m_ui->actionDeleteRuns->setEnabled(false);
    connect(work().runsTable()->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_ui->actionDeleteRuns->setEnabled(!selectedRunIds().isEmpty()); });
    connect(
        work().runsTable()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) {
            if (m_model)
                m_model->setKeptRecord(
                    current.isValid() ? current.data(RunsTableModel::RecordIdRole).toLongLong() : 0,
                    RestoreSearchRows);
            Q_EMIT runSelected(
                current.isValid() ? current.data(RunsTableModel::RecordIdRole).toLongLong() : 0);
        });
}

qint64 MainWindow::selectedRunId() const
{
    if (!m_work)
        return 0;
    const QModelIndex current = m_work->runsTable()->currentIndex();
    return current.isValid() ? current.data(RunsTableModel::RecordIdRole).toLongLong() : 0;
}

QList<qint64> MainWindow::selectedRunIds() const
{
    QList<qint64> ids;
    if (!m_work || !m_work->runsTable()->selectionModel())
        return ids;
    const QModelIndexList rows = m_work->runsTable()->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows)
        ids.append(row.data(RunsTableModel::RecordIdRole).toLongLong());
    return ids;
}

void MainWindow::selectRun(qint64 id)
{
    if (!m_model)
        return;
    m_model->finishLoading();
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    // This run only, whatever was selected before (selectRow would extend a selection).
    QTableView *view = work().runsTable();
    const QModelIndex index = m_model->index(row, 0);
    view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                       QItemSelectionModel::Rows);
    view->scrollTo(index);
}

void MainWindow::restoreSelection()
{
    static_assert(RestoreSearchRows == 10 * RunsTableModel::PageSize, "ten pages");
    // The current run is looked for in the first few pages (read by the worker with the first
    // one); the other selected runs only among the rows loaded by then.
    const int currentRow =
        m_currentBeforeReset > 0 ? m_model->loadUntil(m_currentBeforeReset, RestoreSearchRows) : -1;
    QItemSelection selection;
    for (const qint64 id : std::as_const(m_selectionBeforeReset)) {
        const int row = m_model->rowOf(id);
        if (row >= 0)
            selection.select(m_model->index(row, 0),
                             m_model->index(row, RunsTableModel::ColumnCount - 1));
    }
    QItemSelectionModel *selectionModel = work().runsTable()->selectionModel();
    if (currentRow >= 0) {
        selectionModel->setCurrentIndex(m_model->index(currentRow, 0),
                                        QItemSelectionModel::NoUpdate);
        work().runsTable()->scrollTo(m_model->index(currentRow, 0));
    }
    selectionModel->select(selection, QItemSelectionModel::ClearAndSelect);
    if (currentRow < 0 && m_currentBeforeReset > 0)
        Q_EMIT runSelected(0); // the shown run is no longer in the table
    m_selectionBeforeReset.clear();
    m_currentBeforeReset = 0;
}

void MainWindow::showRunsMenu(const QPoint &pos)
{
    QMenu menu(this);
    menu.addAction(m_ui->actionCancelRun);
    menu.addAction(m_ui->actionRerun);
    menu.addAction(m_ui->actionOpenRunPage);
    // The run under the pointer as a command or an Arazzo workflow (issue 20).
    const QModelIndex at = work().runsTable()->indexAt(pos);
    const RunRecord *record = at.isValid() ? m_model->recordAt(at.row()) : nullptr;
    const std::optional<ShareActions::Shared> shared =
        record ? std::optional(ShareActions::fromRecord(*record)) : std::nullopt;
    ShareActions share([shared] { return shared; }, &menu);
    connect(&share, &ShareActions::statusMessage, this,
            [this](const QString &text) { showStatus(text, 10000); });
    menu.addMenu(share.copyMenu());
    menu.addMenu(share.exportMenu());
    menu.addSeparator();
    menu.addAction(m_ui->actionExportRuns);
    menu.addAction(m_ui->actionImportRuns);
    menu.addSeparator();
    menu.addAction(m_ui->actionDeleteRuns);
    menu.addAction(m_ui->actionDeleteOldRuns);
    menu.exec(work().runsTable()->viewport()->mapToGlobal(pos));
}

void MainWindow::showStatus(const QString &text, int timeoutMs)
{
    statusBar()->showMessage(text, timeoutMs);
}

void MainWindow::setRunActionsEnabled(bool cancel, bool rerun, bool openPage)
{
    m_ui->actionCancelRun->setEnabled(cancel);
    m_ui->actionRerun->setEnabled(rerun);
    m_ui->actionOpenRunPage->setEnabled(openPage);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_closeGuard && !m_closeGuard()) {
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

} // namespace Brickrun
