// SPDX-License-Identifier: Apache-2.0
#include "TaskListModel.h"

#include "StateIcons.h"
#include "model/Duration.h"

#include <algorithm>

namespace Brickrun {

TaskListModel::TaskListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

QString TaskListModel::attemptText(const TaskRun &task, int attempts)
{
    const QString shown = QString::number(task.attemptNumber + 1);
    if (attempts <= 1)
        return shown;
    return tr("%1 of %2").arg(shown).arg(attempts);
}

void TaskListModel::setRun(const RunInfo &run)
{
    QList<Row> rows;
    for (const TaskRun &t : run.latestAttempts())
        rows.append({t, t.taskKey.isEmpty() ? 1 : std::max(1, run.attemptsOf(t.taskKey))});
    const bool sameKeys =
        rows.size() == m_rows.size() &&
        std::equal(rows.cbegin(), rows.cend(), m_rows.cbegin(), [](const Row &a, const Row &b) {
            return a.task.taskKey == b.task.taskKey && !a.task.taskKey.isEmpty();
        });
    if (sameKeys) {
        m_rows = rows;
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

void TaskListModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int TaskListModel::rowOfTaskRun(qint64 taskRunId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).task.runId == taskRunId)
            return i;
    }
    return -1;
}

int TaskListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TaskListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TaskListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const TaskRun &t = row.task;
    const auto tracking =
        t.state.isTerminal() ? RunRecord::Tracking::Finished : RunRecord::Tracking::Active;
    if (role == TaskRunIdRole)
        return t.runId;
    if (role == Qt::DecorationRole && index.column() == StateColumn)
        return StateIcons::icon(t.state, tracking);
    if (role == Qt::ToolTipRole && index.column() == StateColumn)
        return t.state.stateMessage.isEmpty()
                   ? t.state.summary()
                   : t.state.summary() + QLatin1Char('\n') + t.state.stateMessage;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TaskColumn:
        return t.taskKey.isEmpty() ? QStringLiteral("—") : t.taskKey;
    case StateColumn:
        return StateIcons::text(t.state, tracking);
    case AttemptColumn:
        return attemptText(t, row.attempts);
    case DurationColumn:
        if (t.startTimeMs > 0 && t.endTimeMs >= t.startTimeMs)
            return Duration::format((t.endTimeMs - t.startTimeMs + 500) / 1000 * 1000);
        return QStringLiteral("—");
    case TaskRunColumn:
        return t.runId > 0 ? QString::number(t.runId) : QStringLiteral("—");
    default:
        return {};
    }
}

QVariant TaskListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TaskColumn:
        return tr("Task");
    case StateColumn:
        return tr("State");
    case AttemptColumn:
        return tr("Attempt");
    case DurationColumn:
        return tr("Duration");
    case TaskRunColumn:
        return tr("Task run ID");
    default:
        return {};
    }
}

} // namespace Brickrun
