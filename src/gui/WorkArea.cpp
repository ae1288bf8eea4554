// SPDX-License-Identifier: Apache-2.0
#include "WorkArea.h"

#include "HistoryFilterBar.h"
#include "RunDetailsPanel.h"
#include "RunsTableModel.h"
#include "SubmitPanel.h"
#include "ui_WorkArea.h"

#include <QEvent>
#include <QHeaderView>
#include <QScrollArea>
#include <QStyle>
#include <QTableView>

#include <algorithm>

namespace Brickrun {

WorkArea::WorkArea(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::WorkArea>())
{
    m_ui->setupUi(this);
    m_notebookFit.setSingleShot(true);
    m_notebookFit.setInterval(0);
    connect(&m_notebookFit, &QTimer::timeout, this, &WorkArea::fitNotebookColumn);
    // In a small window (a small screen, 2x scaling) the details scroll rather than push the
    // window past the screen; at any usual size the scroll area shows no scroll bar.
    auto *detailsScroll = new QScrollArea;
    detailsScroll->setObjectName(QStringLiteral("detailsScroll"));
    detailsScroll->setFrameShape(QFrame::NoFrame);
    detailsScroll->setWidgetResizable(true);
    detailsScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    detailsScroll->setMinimumWidth(
        m_ui->detailsPanel->minimumSizeHint().width() +
        style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, detailsScroll));
    m_ui->runsSplitter->replaceWidget(m_ui->runsSplitter->indexOf(m_ui->detailsPanel),
                                      detailsScroll);
    detailsScroll->setWidget(m_ui->detailsPanel);
    m_ui->mainSplitter->setStretchFactor(0, 0);
    m_ui->mainSplitter->setStretchFactor(1, 1);
    m_ui->mainSplitter->setSizes({310, 890});
    // The table over the details, 2 : 3, growing in that ratio.
    m_ui->runsSplitter->setStretchFactor(0, 2);
    m_ui->runsSplitter->setStretchFactor(1, 3);
    m_ui->runsSplitter->setSizes({280, 420});
    QHeaderView *header = m_ui->runsTable->horizontalHeader();
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    m_ui->runsTable->verticalHeader()->setDefaultSectionSize(
        fontMetrics().height() + 8); // a compact, even row height at any scale
}

WorkArea::~WorkArea() = default;

SubmitPanel *WorkArea::submitPanel() const
{
    return m_ui->submitPanel;
}

HistoryFilterBar *WorkArea::historyFilterBar() const
{
    return m_ui->historyFilterBar;
}

QTableView *WorkArea::runsTable() const
{
    return m_ui->runsTable;
}

RunDetailsPanel *WorkArea::detailsPanel() const
{
    return m_ui->detailsPanel;
}

void WorkArea::setRunsModel(RunsTableModel *model)
{
    QTableView *table = m_ui->runsTable;
    table->setModel(model);
    QHeaderView *header = table->horizontalHeader();
    // A page of rows is measured (the rows in view, then the nearest): a history of 100,000
    // runs sizes as fast as one of 200.
    header->setResizeContentsPrecision(RunsTableModel::PageSize);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    // The Notebook column: its contents at least, and the width the others leave.
    header->setSectionResizeMode(RunsTableModel::NotebookColumn, QHeaderView::Interactive);
    // Run names can be sentences: sized to them up to a limit (the whole name is its tooltip),
    // and from then on to what the user drags it to.
    header->setSectionResizeMode(RunsTableModel::RunNameColumn, QHeaderView::Interactive);
    const auto fitRunNames = [this, table, header] {
        if (m_runNameWidthChosen)
            return;
        const int limit = table->fontMetrics().averageCharWidth() * 24;
        const int wanted =
            std::max(header->sectionSizeHint(RunsTableModel::RunNameColumn),
                     static_cast<const QAbstractItemView *>(table)->sizeHintForColumn(
                         RunsTableModel::RunNameColumn));
        m_fittingRunNames = true;
        header->resizeSection(RunsTableModel::RunNameColumn, std::min(wanted, limit));
        m_fittingRunNames = false;
    };
    connect(header, &QHeaderView::sectionResized, this, [this](int section) {
        if (section == RunsTableModel::RunNameColumn && !m_fittingRunNames)
            m_runNameWidthChosen = true;
        if (section != RunsTableModel::NotebookColumn)
            m_notebookFit.start();
    });
    const auto fitAll = [this, fitRunNames] {
        fitRunNames();
        m_notebookFit.start();
    };
    connect(model, &QAbstractItemModel::modelReset, this, fitAll);
    connect(model, &QAbstractItemModel::rowsInserted, this, fitAll);
    connect(model, &QAbstractItemModel::dataChanged, &m_notebookFit, qOverload<>(&QTimer::start));
    table->viewport()->installEventFilter(this);
    fitAll();
    // The state says what the result says: the Result column is there on request (header menu).
    table->setColumnHidden(RunsTableModel::ResultColumn, true);
}

void WorkArea::fitNotebookColumn()
{
    QTableView *table = m_ui->runsTable;
    QHeaderView *header = table->horizontalHeader();
    if (!table->model())
        return;
    int others = 0;
    for (int column = 0; column < header->count(); ++column) {
        if (column != RunsTableModel::NotebookColumn && !header->isSectionHidden(column))
            others += header->sectionSize(column);
    }
    const int needed = std::max(header->sectionSizeHint(RunsTableModel::NotebookColumn),
                                static_cast<const QAbstractItemView *>(table)->sizeHintForColumn(
                                    RunsTableModel::NotebookColumn));
    header->resizeSection(RunsTableModel::NotebookColumn,
                          std::max(needed, table->viewport()->width() - others));
}

bool WorkArea::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->runsTable->viewport() && event->type() == QEvent::Resize)
        m_notebookFit.start();
    return QWidget::eventFilter(watched, event);
}

} // namespace Brickrun
