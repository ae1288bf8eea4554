#include "MainWindow.h"

#include "RunDetailsPanel.h"
#include "RunsTableModel.h"
#include "SubmitPanel.h"
#include "ui_MainWindow.h"

#include <QCloseEvent>
#include <QHeaderView>
#include <QMessageBox>

namespace Brickrun {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
{
    m_ui->setupUi(this);
    setWindowIcon(QIcon(QStringLiteral(":/icons/brickrun.svg")));
    m_ui->mainSplitter->setStretchFactor(0, 0);
    m_ui->mainSplitter->setStretchFactor(1, 1);
    m_ui->mainSplitter->setSizes({340, 860});
    m_ui->runsSplitter->setSizes({330, 400});
    m_ui->runsTable->horizontalHeader()->setSectionsMovable(true);
    m_ui->runsTable->horizontalHeader()->setHighlightSections(false);
    m_ui->runsTable->verticalHeader()->setDefaultSectionSize(
        fontMetrics().height() + 8); // a compact, even row height at any scale

    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionNewRun, &QAction::triggered, m_ui->submitPanel, &SubmitPanel::focusForm);
    connect(m_ui->actionSubmit, &QAction::triggered, m_ui->submitPanel, &SubmitPanel::submit);
    connect(m_ui->actionCancelRun, &QAction::triggered, this, &MainWindow::cancelRequested);
    connect(m_ui->actionRerun, &QAction::triggered, this, &MainWindow::rerunRequested);
    connect(m_ui->actionOpenRunPage, &QAction::triggered, this, &MainWindow::openRunPageRequested);
    connect(m_ui->actionShowRuns, &QAction::triggered, m_ui->runsTable,
            qOverload<>(&QWidget::setFocus));
    connect(m_ui->actionAddWorkspace, &QAction::triggered, this,
            &MainWindow::addWorkspaceRequested);
    connect(m_ui->actionEditWorkspace, &QAction::triggered, this,
            &MainWindow::editWorkspaceRequested);
    connect(m_ui->actionTryDemo, &QAction::triggered, this, &MainWindow::demoRequested);
    connect(m_ui->submitPanel, &SubmitPanel::addWorkspaceRequested, this,
            &MainWindow::addWorkspaceRequested);
    connect(m_ui->actionAbout, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Brickrun"),
                           tr("<h3>Brickrun %1</h3><p>Run Azure Databricks notebooks from the "
                              "desktop: submit, watch, read the output.</p>")
                               .arg(QStringLiteral(BRICKRUN_VERSION)));
    });
    setRunActionsEnabled(false, false, false);
}

MainWindow::~MainWindow() = default;

SubmitPanel *MainWindow::submitPanel() const
{
    return m_ui->submitPanel;
}

RunDetailsPanel *MainWindow::detailsPanel() const
{
    return m_ui->detailsPanel;
}

QTableView *MainWindow::runsView() const
{
    return m_ui->runsTable;
}

void MainWindow::setRunsModel(QAbstractItemModel *model)
{
    m_ui->runsTable->setModel(model);
    QHeaderView *header = m_ui->runsTable->horizontalHeader();
    // Widths in character cells, so they follow the font and the screen's scale.
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    const QList<QPair<int, int>> widths{
        {RunsTableModel::StateColumn, 11},   {RunsTableModel::ResultColumn, 7},
        {RunsTableModel::RunNameColumn, 12}, {RunsTableModel::NotebookColumn, 9},
        {RunsTableModel::ClusterColumn, 9},  {RunsTableModel::ProfileColumn, 11},
        {RunsTableModel::StartedColumn, 6},  {RunsTableModel::DurationColumn, 6}};
    for (const auto &w : widths)
        header->resizeSection(w.first, w.second * em);
    connect(m_ui->runsTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                Q_EMIT runSelected(current.isValid()
                                       ? current.data(RunsTableModel::RecordIdRole).toLongLong()
                                       : 0);
            });
}

qint64 MainWindow::selectedRunId() const
{
    const QModelIndex current = m_ui->runsTable->currentIndex();
    return current.isValid() ? current.data(RunsTableModel::RecordIdRole).toLongLong() : 0;
}

void MainWindow::selectRun(qint64 id)
{
    auto *model = qobject_cast<RunsTableModel *>(m_ui->runsTable->model());
    if (!model)
        return;
    const int row = model->rowOf(id);
    if (row >= 0)
        m_ui->runsTable->selectRow(row);
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
