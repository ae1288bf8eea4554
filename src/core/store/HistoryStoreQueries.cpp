// SPDX-License-Identifier: Apache-2.0
#include "store/Database.h"
#include "store/HistoryRows.h"
#include "store/HistoryStore.h"
#include "store/QueryFilter.h"
#include "store/StoreSql.h"

#include <QHash>
#include <QSqlQuery>

#include <algorithm>

// HistoryStore's reads: one record, the runs to resume, and the filtered, sorted listings.
// The search is LIKE: case-insensitive for ASCII letters only (SQLite without ICU).

namespace Brickrun {

using namespace StoreSql;
using namespace HistoryRows;

std::optional<RunRecord> HistoryStore::record(qint64 id) const
{
    QSqlQuery q(m_database->connection());
    if (!prepare(q,
                 QStringLiteral("SELECT ") + recordColumnsSql() + QStringLiteral(" WHERE r.id = ?"),
                 "read a run"))
        return std::nullopt;
    bind(q, id);
    if (!exec(q, "read a run") || !q.next())
        return std::nullopt;
    return recordFromQuery(q);
}

std::optional<RunRecord> HistoryStore::recordByRunId(const QString &host, qint64 runId) const
{
    QSqlQuery q(m_database->connection());
    // A record submitted from here wins over an imported one, then the newest.
    if (!prepare(q,
                 QStringLiteral("SELECT ") + recordColumnsSql() +
                     QStringLiteral(" WHERE r.host = ? AND r.run_id = ?"
                                    " ORDER BY r.source = 'imported', r.id DESC LIMIT 1"),
                 "read a run by run id"))
        return std::nullopt;
    bind(q, host);
    bind(q, runId);
    if (!exec(q, "read a run by run id") || !q.next())
        return std::nullopt;
    return recordFromQuery(q);
}

QList<qint64> HistoryStore::recentDurations(const QString &profile, const QString &notebookPath,
                                            const QString &clusterId, int limit) const
{
    QList<qint64> durations;
    QSqlQuery q(m_database->connection());
    q.setForwardOnly(true);
    // `notebook_path = ? COLLATE NOCASE` lets SQLite walk runs_by_notebook (newest first within
    // the notebook); the exact, case-sensitive match is the second condition.
    if (!prepare(q,
                 QStringLiteral("SELECT end_time_ms - start_time_ms FROM runs"
                                " WHERE notebook_path = ? COLLATE NOCASE AND notebook_path = ?"
                                " AND cluster_id = ? AND profile = ? AND tracking = 'finished'"
                                " AND life_cycle_state = 'TERMINATED' AND result_state = 'SUCCESS'"
                                " AND start_time_ms > 0 AND end_time_ms > start_time_ms"
                                " ORDER BY notebook_path COLLATE NOCASE DESC, submitted_at_ms DESC,"
                                " id DESC LIMIT ?"),
                 "read recent durations"))
        return durations;
    bind(q, notebookPath);
    bind(q, notebookPath);
    bind(q, clusterId);
    bind(q, profile);
    bind(q, std::max(1, limit));
    if (!exec(q, "read recent durations"))
        return durations;
    while (q.next())
        durations.append(q.value(0).toLongLong());
    return durations;
}

QList<RunRecord> HistoryStore::recentRunsOf(const QString &profile, const QString &taskPath,
                                            int limit) const
{
    QList<RunRecord> records;
    QSqlQuery q(m_database->connection());
    q.setForwardOnly(true);
    // As recentDurations: the index on the path walked newest first, the exact match second.
    if (!prepare(q,
                 QStringLiteral("SELECT ") + summaryColumnsSql() +
                     QStringLiteral(" WHERE r.notebook_path = ? COLLATE NOCASE"
                                    " AND r.notebook_path = ? AND r.profile = ?"
                                    " AND r.start_time_ms > 0 AND r.end_time_ms > r.start_time_ms"
                                    " ORDER BY r.notebook_path COLLATE NOCASE DESC,"
                                    " r.submitted_at_ms DESC, r.id DESC LIMIT ?"),
                 "read a notebook's recent runs"))
        return records;
    bind(q, taskPath);
    bind(q, taskPath);
    bind(q, profile);
    bind(q, std::max(1, limit));
    if (!exec(q, "read a notebook's recent runs"))
        return records;
    while (q.next())
        records.append(recordFromQuery(q));
    return records;
}

QList<RunRecord> HistoryStore::activeRuns() const
{
    QList<RunRecord> records;
    QSqlQuery q(m_database->connection());
    q.setForwardOnly(true);
    if (!prepare(q,
                 QStringLiteral("SELECT ") + recordColumnsSql() +
                     QStringLiteral(" WHERE r.tracking IN ") + activeTrackingsSql() +
                     QStringLiteral(" ORDER BY r.submitted_at_ms, r.id"),
                 "read the active runs") ||
        !exec(q, "read the active runs"))
        return records;
    while (q.next())
        records.append(recordFromQuery(q));
    return records;
}

QList<StateChange> HistoryStore::stateChanges(qint64 id) const
{
    QList<StateChange> changes;
    QSqlQuery q(m_database->connection());
    q.setForwardOnly(true);
    if (!prepare(q,
                 QStringLiteral("SELECT at_ms, life_cycle_state, result_state, state_message,"
                                " user_cancelled_or_timed_out FROM state_changes"
                                " WHERE record_id = ? ORDER BY id"),
                 "read state changes"))
        return changes;
    bind(q, id);
    if (!exec(q, "read state changes"))
        return changes;
    while (q.next()) {
        StateChange c;
        c.atMs = q.value(0).toLongLong();
        c.state.lifeCycleState = q.value(1).toString();
        c.state.resultState = q.value(2).toString();
        c.state.stateMessage = q.value(3).toString();
        c.state.userCancelledOrTimedOut = q.value(4).toBool();
        changes.append(c);
    }
    return changes;
}

int HistoryStore::count(const Query &query) const
{
    const QueryFilter filter(query);
    QSqlQuery q(m_database->connection());
    if (!prepare(q, QStringLiteral("SELECT count(*) FROM runs r") + filter.sqlWhere(),
                 "count runs"))
        return 0;
    bindAll(q, filter.sqlValues());
    if (!exec(q, "count runs") || !q.next())
        return 0;
    return q.value(0).toInt();
}

QList<RunRecord> HistoryStore::page(const Query &query, int offset, int limit, QString *error) const
{
    QList<RunRecord> records;
    if (limit <= 0)
        return records;
    const QSqlDatabase db = m_database->connection();
    // Two steps: the page's ids (walked in an index: OFFSET skips index entries, not joined
    // rows, so the last page of 100,000 costs about what the first does), then those records.
    const QueryFilter filter(query);
    QList<qint64> pageIds;
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!prepare(q,
                     QStringLiteral("SELECT r.id FROM runs r") + filter.sqlWhere() +
                         filter.sqlOrderBy() + QStringLiteral(" LIMIT ? OFFSET ?"),
                     "read a page of runs", error))
            return records;
        bindAll(q, filter.sqlValues());
        bind(q, limit);
        bind(q, qMax(0, offset));
        if (!exec(q, "read a page of runs", error))
            return records;
        while (q.next())
            pageIds.append(q.value(0).toLongLong());
        if (!endedCleanly(q, "read a page of runs", error))
            return records;
    }
    if (pageIds.isEmpty())
        return records;
    QHash<qint64, RunRecord> byId;
    constexpr int Chunk = 500; // well under SQLite's limit of bound parameters
    for (int start = 0; start < pageIds.size(); start += Chunk) {
        const QList<qint64> chunk = pageIds.mid(start, Chunk);
        QStringList marks;
        for (int i = 0; i < chunk.size(); ++i)
            marks << QStringLiteral("?");
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!prepare(q,
                     QStringLiteral("SELECT ") +
                         (query.outputTexts ? recordColumnsSql() : summaryColumnsSql()) +
                         QStringLiteral(" WHERE r.id IN (") + marks.join(QLatin1Char(',')) +
                         QLatin1Char(')'),
                     "read a page of runs", error))
            return records;
        for (const qint64 id : chunk)
            bind(q, id);
        if (!exec(q, "read a page of runs", error))
            return records;
        while (q.next()) {
            RunRecord r = recordFromQuery(q);
            const qint64 id = r.id;
            byId.emplace(id, std::move(r));
        }
        if (!endedCleanly(q, "read a page of runs", error))
            break; // what was read is returned, the caller knows it is not all
    }
    records.reserve(pageIds.size());
    for (const qint64 id : pageIds) {
        const auto it = byId.constFind(id);
        if (it != byId.constEnd()) // deleted by another thread between the two steps
            records.append(*it);
    }
    return records;
}

QList<qint64> HistoryStore::ids(const Query &query) const
{
    QList<qint64> result;
    const QueryFilter filter(query);
    QSqlQuery q(m_database->connection());
    q.setForwardOnly(true);
    if (!prepare(
            q, QStringLiteral("SELECT r.id FROM runs r") + filter.sqlWhere() + filter.sqlOrderBy(),
            "list run ids"))
        return result;
    bindAll(q, filter.sqlValues());
    if (!exec(q, "list run ids"))
        return result;
    while (q.next())
        result.append(q.value(0).toLongLong());
    return result;
}

} // namespace Brickrun
