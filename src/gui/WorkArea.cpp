// SPDX-License-Identifier: Apache-2.0
#include "WorkArea.h"

#include "HistoryFilterBar.h"
#include "RunDetailsPanel.h"
#include "RunsTableModel.h"
#include "SubmitPanel.h"
#include "ui_WorkArea.h"

#include <QHeaderView>
#include <QScrollArea>
#include <QStyle>
#include <QTableView>

namespace Brickrun {

WorkArea::WorkArea(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::WorkArea>())
{
    m_ui->setupUi(this);
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
    header->setSectionResizeMode(RunsTableModel::NotebookColumn, QHeaderView::Stretch);
    // The state says what the result says: the Result column is there on request (header menu).
    table->setColumnHidden(RunsTableModel::ResultColumn, true);
}

} // namespace Brickrun
