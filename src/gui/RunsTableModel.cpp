#include "RunsTableModel.h"

#include "StateIcons.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

namespace Brickrun {

namespace {

QString formatDuration(qint64 ms)
{
    if (ms < 0)
        return QString();
    const qint64 s = ms / 1000;
    if (s < 60)
        return QCoreApplication::translate("RunsTableModel", "%1 s").arg(s);
    if (s < 3600)
        return QCoreApplication::translate("RunsTableModel", "%1 min %2 s")
            .arg(s / 60)
            .arg(s % 60, 2, 10, QLatin1Char('0'));
    return QCoreApplication::translate("RunsTableModel", "%1 h %2 min")
        .arg(s / 3600)
        .arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

} // namespace

RunsTableModel::RunsTableModel(HistoryStore *history, QObject *parent)
    : QAbstractTableModel(parent)
    , m_history(history)
{
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &RunsTableModel::tickDurations);
    m_tick.start();
    reload();
}

void RunsTableModel::reload()
{
    beginResetModel();
    m_total = m_history->count({});
    m_rows = m_history->page({}, 0, PageSize);
    endResetModel();
}

int RunsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RunsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool RunsTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_rows.size() < m_total;
}

void RunsTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const QList<RunRecord> more = m_history->page({}, int(m_rows.size()), PageSize);
    if (more.isEmpty()) {
        m_total = int(m_rows.size());
        return;
    }
    beginInsertRows(QModelIndex(), int(m_rows.size()), int(m_rows.size() + more.size()) - 1);
    m_rows += more;
    endInsertRows();
}

int RunsTableModel::rowOf(qint64 id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

qint64 RunsTableModel::idAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

const RunRecord *RunsTableModel::recordAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

void RunsTableModel::refreshRecord(qint64 id)
{
    const auto record = m_history->record(id);
    const int row = rowOf(id);
    if (!record) {
        if (row >= 0) {
            beginRemoveRows(QModelIndex(), row, row);
            m_rows.removeAt(row);
            --m_total;
            endRemoveRows();
        }
        return;
    }
    if (row >= 0) {
        m_rows[row] = *record;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    // A new run: newest first, so it goes on top.
    beginInsertRows(QModelIndex(), 0, 0);
    m_rows.prepend(*record);
    ++m_total;
    endInsertRows();
}

void RunsTableModel::tickDurations()
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).isActive())
            Q_EMIT dataChanged(index(row, DurationColumn), index(row, DurationColumn),
                               {Qt::DisplayRole});
    }
}

QString RunsTableModel::durationText(const RunRecord &r) const
{
    const qint64 start = r.startTimeMs > 0 ? r.startTimeMs : r.submittedAtMs;
    if (start <= 0)
        return QString();
    if (r.endTimeMs > 0)
        return formatDuration(r.endTimeMs - start);
    if (r.isActive())
        return formatDuration(QDateTime::currentMSecsSinceEpoch() - start);
    return QString();
}

QVariant RunsTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const RunRecord &r = m_rows.at(index.row());
    if (role == RecordIdRole)
        return r.id;
    if (role == Qt::DecorationRole && index.column() == StateColumn)
        return StateIcons::icon(r.state, r.tracking);
    if (role == Qt::ToolTipRole) {
        if (index.column() == StateColumn || index.column() == ResultColumn) {
            QString tip = r.state.stateMessage;
            if (!r.lastError.isEmpty())
                tip += (tip.isEmpty() ? QString() : QStringLiteral("\n")) + r.lastError;
            return tip.isEmpty() ? QVariant() : QVariant(tip);
        }
        if (index.column() == NotebookColumn)
            return r.spec.notebookPath;
        return {};
    }
    if (role == Qt::TextAlignmentRole &&
        (index.column() == DurationColumn || index.column() == RunIdColumn))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case StateColumn:
        return StateIcons::text(r.state, r.tracking);
    case ResultColumn:
        return r.state.resultState;
    case RunNameColumn:
        return r.spec.runName.isEmpty() ? RunSpec::defaultRunName(r.spec.notebookPath)
                                        : r.spec.runName;
    case NotebookColumn:
        return r.spec.notebookPath.section(QLatin1Char('/'), -1);
    case ClusterColumn:
        return r.spec.clusterId;
    case ProfileColumn:
        return r.profile == QLatin1String("demo") ? tr("Demo workspace") : r.profile;
    case StartedColumn: {
        const qint64 t = r.startTimeMs > 0 ? r.startTimeMs : r.submittedAtMs;
        if (t <= 0)
            return QString();
        // Today's runs by time alone; older ones with their date.
        const QDateTime when = QDateTime::fromMSecsSinceEpoch(t);
        return when.date() == QDate::currentDate()
                   ? QLocale().toString(when.time(), QLocale::ShortFormat)
                   : QLocale().toString(when, QLocale::ShortFormat);
    }
    case DurationColumn:
        return durationText(r);
    case RunIdColumn:
        return r.runId > 0 ? QString::number(r.runId) : QString();
    default:
        return {};
    }
}

QVariant RunsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StateColumn:
        return tr("State");
    case ResultColumn:
        return tr("Result");
    case RunNameColumn:
        return tr("Run name");
    case NotebookColumn:
        return tr("Notebook");
    case ClusterColumn:
        return tr("Cluster");
    case ProfileColumn:
        return tr("Workspace");
    case StartedColumn:
        return tr("Started");
    case DurationColumn:
        return tr("Duration");
    case RunIdColumn:
        return tr("Run id");
    default:
        return {};
    }
}

} // namespace Brickrun
