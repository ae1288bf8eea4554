// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QTimer>
#include <QWidget>

#include <memory>

class QTableView;

namespace Brickrun {

namespace Ui {
class WorkArea;
}

class HistoryFilterBar;
class RunDetailsPanel;
class RunsTableModel;
class SubmitPanel;

// The main window's panels: the submit panel on the left; on the right the history's filter bar,
// the runs table and the selected run's details. MainWindow builds it once its frame is out
// (see MainWindow.h) and wires it; it only lays the panels out.
//
// The runs table's columns take the width of what they show (the header and a page of rows),
// in any language, font and scale; Run name up to a limit; the Notebook column takes the width
// left. The details get
// the larger part of the height: their output is what a user reads.
class WorkArea : public QWidget
{
    Q_OBJECT
public:
    explicit WorkArea(QWidget *parent = nullptr);
    ~WorkArea() override;

    SubmitPanel *submitPanel() const;
    HistoryFilterBar *historyFilterBar() const;
    QTableView *runsTable() const;
    RunDetailsPanel *detailsPanel() const;
    // Shows the model in the runs table, its columns sized as said above.
    void setRunsModel(RunsTableModel *model);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fitNotebookColumn();

    std::unique_ptr<Ui::WorkArea> m_ui;
    QTimer m_notebookFit;              // after the other columns or the view changed width
    bool m_runNameWidthChosen = false; // the user dragged the Run name column's edge
    bool m_fittingRunNames = false;
};

} // namespace Brickrun
