// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/RunInfo.h"

#include <QAbstractTableModel>

namespace Brickrun {

// The tasks of one run for a table: one row per task key, its newest attempt
// (RunInfo::latestAttempts), with the columns of the CLI's task table: task, state (with the
// state icon), attempt ("1", or "2 of 2" when retried), duration and task run id.
//
// setRun() with the same run again (a refresh) updates the rows in place when the tasks are the
// same keys in the same order, so the selection stays; anything else replaces the rows.
class TaskListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        TaskColumn,
        StateColumn,
        AttemptColumn,
        DurationColumn,
        TaskRunColumn,
        ColumnCount
    };
    static constexpr int TaskRunIdRole = Qt::UserRole + 1; // qint64

    explicit TaskListModel(QObject *parent = nullptr);

    void setRun(const RunInfo &run);
    void clear();
    const TaskRun &task(int row) const { return m_rows.at(row).task; }
    int rowOfTaskRun(qint64 taskRunId) const; // -1 when none

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "1", "2 of 2": the attempt shown (attemptNumber counts from 0) out of those listed.
    static QString attemptText(const TaskRun &task, int attempts);

private:
    struct Row
    {
        TaskRun task;
        int attempts = 1;
    };
    QList<Row> m_rows;
};

} // namespace Brickrun
