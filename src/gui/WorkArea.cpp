// SPDX-License-Identifier: Apache-2.0
#include "WorkArea.h"

#include "HistoryFilterBar.h"
#include "RunDetailsPanel.h"
#include "SubmitPanel.h"
#include "ui_WorkArea.h"

#include <QHeaderView>
#include <QTableView>

namespace Brickrun {

WorkArea::WorkArea(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::WorkArea>())
{
    m_ui->setupUi(this);
    m_ui->mainSplitter->setStretchFactor(0, 0);
    m_ui->mainSplitter->setStretchFactor(1, 1);
    m_ui->mainSplitter->setSizes({310, 890});
    m_ui->runsSplitter->setSizes({330, 400});
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

} // namespace Brickrun
