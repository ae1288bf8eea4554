// SPDX-License-Identifier: Apache-2.0
#include "RunsTableModel.h"

#include "RunTimes.h"
#include "StateIcons.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <utility>

namespace Brickrun {

RunsTableModel::RunsTableModel(HistoryStore *history, QObject *parent)
    : QAbstractTableModel(parent)
    , m_history(history)
    , m_filter(m_query)
{
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &RunsTableModel::tickDurations);
    m_tick.start();
    m_recount.setSingleShot(true);
    m_recount.setInterval(RecountDelayMs);
    connect(&m_recount, &QTimer::timeout, this, &RunsTableModel::startRecount);
    m_pool.setMaxThreadCount(1);
    m_pool.setObjectName(QStringLiteral("history reads"));
    reload();
}

RunsTableModel::~RunsTableModel()
{
    m_pool.clear();
    m_pool.waitForDone();
}

void RunsTableModel::setQuery(const HistoryStore::Query &query)
{
    m_query = query;
    m_filter = QueryFilter(query);
    reload();
}

void RunsTableModel::reload()
{
    const quint64 generation = ++m_generation;
    setLoading(true);
    m_pool.start([this, generation, query = m_query, history = m_history, kept = m_keptId,
                  keptMaxRows = m_keptMaxRows] {
        if (generation != m_generation)
            return; // a newer one is queued behind this one
        Loaded loaded;
        loaded.generation = generation;
        loaded.total = history->count(query);
        loaded.rows = history->page(query, 0, PageSize);
        const auto hasKept = [&] {
            return std::any_of(loaded.rows.cbegin(), loaded.rows.cend(),
                               [kept](const RunRecord &r) { return r.id == kept; });
        };
        while (kept > 0 && loaded.rows.size() < qMin(loaded.total, keptMaxRows) && !hasKept()) {
            const QList<RunRecord> more = history->page(query, int(loaded.rows.size()), PageSize);
            if (more.isEmpty())
                break;
            loaded.rows += more;
        }
        {
            QMutexLocker lock(&m_loadedMutex);
            m_loadedResult = std::move(loaded);
        }
        QMetaObject::invokeMethod(this, &RunsTableModel::applyLoaded, Qt::QueuedConnection);
    });
}

void RunsTableModel::finishLoading()
{
    if (!m_loading)
        return;
    m_pool.waitForDone();
    applyLoaded();
}

void RunsTableModel::applyLoaded()
{
    std::optional<Loaded> loaded;
    {
        QMutexLocker lock(&m_loadedMutex);
        loaded.swap(m_loadedResult);
    }
    if (!loaded || loaded->generation != m_generation)
        return; // shown already (finishLoading), or a newer reload is on its way
    // Not loading any more from here on: views restoring their selection on modelReset may
    // fetch more pages.
    m_loading = false;
    beginResetModel();
    m_total = loaded->total;
    m_rows = std::move(loaded->rows);
    m_loaded.clear();
    for (const RunRecord &r : std::as_const(m_rows))
        m_loaded.insert(r.id);
    endResetModel();
    Q_EMIT totalCountChanged(m_total);
    Q_EMIT loadingChanged(false);
    // Runs that changed after the worker read them.
    const QSet<qint64> changed = std::exchange(m_changedWhileLoading, {});
    for (const qint64 id : changed)
        refreshRecord(id);
}

void RunsTableModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

HistoryStore::Query::Sort RunsTableModel::sortKeyOf(int column)
{
    using Sort = HistoryStore::Query::Sort;
    switch (column) {
    case StateColumn:
    case ResultColumn:
        return Sort::State;
    case RunNameColumn:
        return Sort::RunName;
    case NotebookColumn:
        return Sort::Notebook;
    case ClusterColumn:
        return Sort::Cluster;
    case ProfileColumn:
        return Sort::Profile;
    case DurationColumn:
        return Sort::Duration;
    case RunIdColumn:
        return Sort::RunId;
    default:
        return Sort::Submitted;
    }
}

void RunsTableModel::sort(int column, Qt::SortOrder order)
{
    HistoryStore::Query q = m_query;
    q.sort = sortKeyOf(column);
    q.descending = order == Qt::DescendingOrder;
    if (q.sort == m_query.sort && q.descending == m_query.descending)
        return;
    setQuery(q);
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
    return !parent.isValid() && !m_loading && !m_fetching && !allLoaded();
}

void RunsTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    // On the worker: with a text search, reading the next page scans the history up to it.
    m_fetching = true;
    const quint64 serial = ++m_fetchSerial;
    m_pool.start([this, serial, generation = quint64(m_generation), query = m_query,
                  history = m_history, offset = int(m_rows.size())] {
        Fetched fetched;
        fetched.serial = serial;
        fetched.generation = generation;
        fetched.offset = offset;
        fetched.rows = history->page(query, offset, PageSize);
        {
            QMutexLocker lock(&m_loadedMutex);
            m_fetchedResult = std::move(fetched);
        }
        QMetaObject::invokeMethod(this, &RunsTableModel::applyFetched, Qt::QueuedConnection);
    });
}

void RunsTableModel::applyFetched()
{
    std::optional<Fetched> fetched;
    {
        QMutexLocker lock(&m_loadedMutex);
        if (!m_fetchedResult || m_fetchedResult->serial != m_fetchSerial)
            return; // shown already (finishFetching), or not the newest
        fetched.swap(m_fetchedResult);
    }
    m_fetching = false;
    if (fetched->generation != m_generation || m_loading)
        return; // for a query no longer shown
    if (fetched->offset != m_rows.size()) {
        fetchMore({}); // rows came or went meanwhile: ask again from where the table is now
        return;
    }
    appendPage(std::move(fetched->rows));
}

void RunsTableModel::finishFetching()
{
    while (m_fetching) {
        m_pool.waitForDone();
        const quint64 serial = m_fetchSerial;
        applyFetched();
        if (m_fetching && serial == m_fetchSerial)
            break; // no answer for it: nothing to wait for
    }
}

void RunsTableModel::appendPage(QList<RunRecord> more)
{
    // Another program (brickrun-cli) may have added runs since: never show one twice.
    more.erase(std::remove_if(more.begin(), more.end(),
                              [this](const RunRecord &r) { return m_loaded.contains(r.id); }),
               more.end());
    if (more.isEmpty()) {
        recount();
        if (!allLoaded())
            setTotal(int(m_rows.size())); // the rest went away meanwhile
        return;
    }
    beginInsertRows(QModelIndex(), int(m_rows.size()), int(m_rows.size() + more.size()) - 1);
    for (const RunRecord &r : std::as_const(more))
        m_loaded.insert(r.id);
    m_rows += more;
    endInsertRows();
}

int RunsTableModel::loadUntil(qint64 id, int maxRows)
{
    finishLoading();
    finishFetching();
    int row = rowOf(id);
    // Here and now, on this thread: the caller wants the row at once.
    while (row < 0 && !allLoaded() && m_rows.size() < maxRows) {
        const qsizetype before = m_rows.size();
        appendPage(m_history->page(m_query, int(m_rows.size()), PageSize));
        if (m_rows.size() == before)
            break;
        row = rowOf(id);
    }
    return row;
}

int RunsTableModel::rowOf(qint64 id) const
{
    if (!m_loaded.contains(id))
        return -1;
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

void RunsTableModel::setTotal(int total)
{
    total = qMax(total, int(m_rows.size()));
    if (total == m_total)
        return;
    m_total = total;
    Q_EMIT totalCountChanged(m_total);
}

void RunsTableModel::recount()
{
    if (!m_recount.isActive())
        m_recount.start();
}

void RunsTableModel::startRecount()
{
    if (m_loading)
        return; // the reload on its way counts
    const quint64 generation = m_generation;
    m_pool.start([this, generation, query = m_query, history = m_history] {
        if (generation != m_generation)
            return;
        const int total = history->count(query);
        QMetaObject::invokeMethod(
            this,
            [this, generation, total] {
                if (generation == m_generation && !m_loading)
                    setTotal(total);
            },
            Qt::QueuedConnection);
    });
}

int RunsTableModel::insertionRow(const RunRecord &record) const
{
    const auto it = std::lower_bound(
        m_rows.cbegin(), m_rows.cend(), record,
        [this](const RunRecord &row, const RunRecord &r) { return m_filter.before(row, r); });
    return int(it - m_rows.cbegin());
}

void RunsTableModel::removeRowAt(int row)
{
    beginRemoveRows(QModelIndex(), row, row);
    m_loaded.remove(m_rows.at(row).id);
    m_rows.removeAt(row);
    endRemoveRows();
}

void RunsTableModel::refreshRecord(qint64 id)
{
    if (m_loading) {
        m_changedWhileLoading.insert(id); // the rows shown are about to be replaced
        return;
    }
    const auto record = m_history->record(id);
    const bool inQuery = record && m_filter.matches(*record);
    const int row = rowOf(id);
    const bool wasAllLoaded = allLoaded();

    if (row >= 0) {
        if (!inQuery) {
            removeRowAt(row);
            setTotal(m_total - 1);
            return;
        }
        const bool inPlace =
            (row == 0 || m_filter.before(m_rows.at(row - 1), *record)) &&
            (row == m_rows.size() - 1 || m_filter.before(*record, m_rows.at(row + 1)));
        if (inPlace) {
            m_rows[row] = *record;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            return;
        }
        // Its sort key changed: move the row (or let it go when its place is not loaded yet).
        m_rows.removeAt(row);
        const int target = insertionRow(*record);
        m_rows.insert(row, *record); // back for the move signals
        if (target == m_rows.size() - 1 && !wasAllLoaded) {
            removeRowAt(row); // fetchMore brings it where it belongs
            return;
        }
        beginMoveRows(QModelIndex(), row, row, QModelIndex(), target > row ? target + 1 : target);
        m_rows.move(row, target);
        endMoveRows();
        Q_EMIT dataChanged(index(target, 0), index(target, ColumnCount - 1));
        return;
    }

    if (!inQuery) {
        if (!wasAllLoaded)
            recount(); // it may have been one of the rows not loaded yet
        return;
    }
    const int target = insertionRow(*record);
    if (target < m_rows.size() || wasAllLoaded) {
        beginInsertRows(QModelIndex(), target, target);
        m_rows.insert(target, *record);
        m_loaded.insert(id);
        endInsertRows();
    }
    if (wasAllLoaded)
        setTotal(m_total + 1);
    else
        recount();
}

void RunsTableModel::removeRecords(const QList<qint64> &ids)
{
    if (m_loading) {
        for (const qint64 id : ids)
            m_changedWhileLoading.insert(id);
        return;
    }
    for (const qint64 id : ids) {
        const int row = rowOf(id);
        if (row >= 0)
            removeRowAt(row);
    }
    recount();
}

void RunsTableModel::tickDurations()
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).isActive())
            Q_EMIT dataChanged(index(row, DurationColumn), index(row, DurationColumn),
                               {Qt::DisplayRole});
    }
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
        if (index.column() == RunNameColumn) // its column may be narrower than the name
            return data(index, Qt::DisplayRole);
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
        return r.spec.runName.isEmpty() ? RunSpec::defaultRunName(r.spec.taskPath())
                                        : r.spec.runName;
    case NotebookColumn: // or the Python file
        return r.spec.taskPath().section(QLatin1Char('/'), -1);
    case ClusterColumn: // "Serverless", "New: 15.4 LTS · DS3_v2 × 2" or the cluster's id
        return r.spec.computeText();
    case ProfileColumn:
        return r.profile == QLatin1String("demo") ? tr("Demo workspace") : r.profile;
    case SubmittedColumn: {
        // This computer's clock for every run (an imported run's is the service's start), so
        // the column reads, and sorts, in one order. Today's runs by time alone.
        if (r.submittedAtMs <= 0)
            return QString();
        const QDateTime when = QDateTime::fromMSecsSinceEpoch(r.submittedAtMs);
        const QLocale locale;
        return when.date() == QDate::currentDate()
                   ? locale.toString(when.time(), QLocale::ShortFormat)
                   : locale.toString(when.date(), QLocale::ShortFormat) + QLatin1Char(' ') +
                         locale.toString(when.time(), QLocale::ShortFormat);
    }
    case DurationColumn:
        return RunTimes::shortText(r, QDateTime::currentMSecsSinceEpoch());
    case RunIdColumn:
        return r.runId > 0 ? QString::number(r.runId) : QString();
    default:
        return {};
    }
}

QVariant RunsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::InitialSortOrderRole)
        // Times, durations and ids newest/largest first; names A to Z.
        return section == SubmittedColumn || section == DurationColumn || section == RunIdColumn
                   ? Qt::DescendingOrder
                   : Qt::AscendingOrder;
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
    case SubmittedColumn:
        return tr("Submitted");
    case DurationColumn:
        return tr("Duration");
    case RunIdColumn:
        return tr("Run ID");
    default:
        return {};
    }
}

} // namespace Brickrun
