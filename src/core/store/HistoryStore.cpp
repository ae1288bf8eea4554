// SPDX-License-Identifier: Apache-2.0
#include "store/HistoryStore.h"

#include "store/Database.h"
#include "store/HistoryRows.h"
#include "store/StoreSql.h"

#include <QSqlQuery>

#include <functional>

// HistoryStore's writes. Every write is one BEGIN IMMEDIATE … COMMIT transaction. The reads are
// in HistoryStoreQueries.cpp, the exports in HistoryStoreExport.cpp, the row layout in
// HistoryRows.cpp.

namespace Brickrun {

using namespace StoreSql;
using namespace HistoryRows;

namespace {

// Runs one UPDATE … WHERE id = ? in its own transaction; true when the record exists and the
// transaction committed.
bool updateOne(const QSqlDatabase &db, const QString &sql, const QVariantList &values,
               const char *what, const std::function<bool()> &alsoInTransaction = {})
{
    WriteTransaction transaction(db);
    if (!transaction.isActive())
        return false;
    QSqlQuery q(db);
    if (!prepare(q, sql, what))
        return false;
    for (const QVariant &v : values)
        bind(q, v);
    if (!exec(q, what))
        return false;
    if (q.numRowsAffected() < 1)
        return false;
    if (alsoInTransaction && !alsoInTransaction())
        return false;
    return transaction.commit();
}

} // namespace

HistoryStore::HistoryStore(Database *database)
    : m_database(database)
{}

Result<qint64> HistoryStore::addPending(const RunRecord &record)
{
    const QSqlDatabase db = m_database->connection();
    QString error;
    WriteTransaction transaction(db, &error);
    qint64 id = 0;
    if (transaction.isActive()) {
        id = insertRecord(db, record, &error);
        if (id > 0 && !transaction.commit(&error))
            id = 0;
    }
    if (id <= 0) {
        // ApiError has no "storage" kind; InvalidInput is the one that is neither transient
        // nor a service answer.
        return Result<qint64>::failure(
            ApiError::invalidInput(QStringLiteral("cannot store the run in the history (%1): %2")
                                       .arg(m_database->path(), error)));
    }
    return Result<qint64>::success(id);
}

bool HistoryStore::setSubmitted(qint64 id, qint64 runId)
{
    const QSqlDatabase db = m_database->connection();
    // An import may have added this run (same host and run id) while the submit answer was on
    // its way: the submitted record is the one that stays, in the same transaction.
    return updateOne(
        db,
        QStringLiteral("UPDATE runs SET run_id = ?, tracking = 'active', updated_at_ms = ?"
                       " WHERE id = ?"),
        {runId, nowMs(), id}, "store the run id", [&db, id, runId] {
            QSqlQuery q(db);
            if (!prepare(q,
                         QStringLiteral("DELETE FROM runs WHERE source = 'imported' AND id <> ?"
                                        " AND run_id = ? AND host = (SELECT host FROM runs"
                                        " WHERE id = ?)"),
                         "drop an imported duplicate"))
                return false;
            bind(q, id);
            bind(q, runId);
            bind(q, id);
            return exec(q, "drop an imported duplicate");
        });
}

bool HistoryStore::setSubmitFailed(qint64 id, const QString &error)
{
    return updateOne(m_database->connection(),
                     QStringLiteral("UPDATE runs SET tracking = 'submit_failed', last_error = ?,"
                                    " updated_at_ms = ? WHERE id = ?"),
                     {error, nowMs(), id}, "store a refused submit");
}

namespace {

// What an answer changes in a stored run: its columns (`*changed`, the merge in `*merged`) and
// whether its state differs from the last state change recorded (`*newState`). False when the
// run could not be read.
bool mergeRunAnswer(const QSqlDatabase &db, qint64 id, const RunInfo &run, RunRecord *merged,
                    bool *changed, bool *newState)
{
    QSqlQuery q(db);
    if (!prepare(
            q,
            QStringLiteral("SELECT task_key, task_run_id, run_page_url, life_cycle_state,"
                           " result_state, state_message, user_cancelled_or_timed_out,"
                           " start_time_ms, end_time_ms, attempt_number FROM runs WHERE id = ?"),
            "read a run"))
        return false;
    bind(q, id);
    if (!exec(q, "read a run") || !q.next())
        return false;
    merged->spec.taskKey = q.value(0).toString();
    merged->taskRunId = q.value(1).toLongLong();
    merged->runPageUrl = q.value(2).toString();
    merged->state.lifeCycleState = q.value(3).toString();
    merged->state.resultState = q.value(4).toString();
    merged->state.stateMessage = q.value(5).toString();
    merged->state.userCancelledOrTimedOut = q.value(6).toBool();
    merged->startTimeMs = q.value(7).toLongLong();
    merged->endTimeMs = q.value(8).toLongLong();
    merged->attemptNumber = q.value(9).toInt();
    q.finish();

    // A field the answer lacks keeps what was known (RunRecord::mergeAnswer).
    *changed = merged->mergeAnswer(run);
    *newState = false;
    const RunState &state = merged->state;
    if (!state.lifeCycleState.isEmpty()) {
        QSqlQuery last(db);
        if (!prepare(last,
                     QStringLiteral("SELECT life_cycle_state, result_state, state_message FROM"
                                    " state_changes WHERE record_id = ? ORDER BY id DESC LIMIT 1"),
                     "read the last state change"))
            return false;
        bind(last, id);
        if (!exec(last, "read the last state change"))
            return false;
        *newState = !last.next() || last.value(0).toString() != state.lifeCycleState ||
                    last.value(1).toString() != state.resultState ||
                    last.value(2).toString() != state.stateMessage;
    }
    return true;
}

} // namespace

bool HistoryStore::recordRun(qint64 id, const RunInfo &run)
{
    const QSqlDatabase db = m_database->connection();
    RunRecord merged;
    bool changed = false;
    bool newState = false;
    // Most answers change nothing (the run is still RUNNING): a read finds that out without the
    // write lock, which other Brickruns on the same history (a desktop program, scripts) may
    // hold. Only a change takes it, and is merged again under it.
    if (!mergeRunAnswer(db, id, run, &merged, &changed, &newState) || (!changed && !newState))
        return false;
    WriteTransaction transaction(db);
    if (!transaction.isActive() || !mergeRunAnswer(db, id, run, &merged, &changed, &newState))
        return false;
    const RunState &state = merged.state;
    const qint64 now = nowMs();
    if (changed) {
        QSqlQuery u(db);
        if (!prepare(u,
                     QStringLiteral("UPDATE runs SET task_run_id = ?, run_page_url = ?,"
                                    " life_cycle_state = ?, result_state = ?, state_message = ?,"
                                    " user_cancelled_or_timed_out = ?, start_time_ms = ?,"
                                    " end_time_ms = ?, attempt_number = ?, updated_at_ms = ?"
                                    " WHERE id = ?"),
                     "store a run's state"))
            return false;
        for (const QVariant &v :
             QVariantList{merged.taskRunId, merged.runPageUrl, state.lifeCycleState,
                          state.resultState, state.stateMessage, state.userCancelledOrTimedOut,
                          merged.startTimeMs, merged.endTimeMs, merged.attemptNumber, now, id})
            bind(u, v);
        if (!exec(u, "store a run's state"))
            return false;
    }
    if (newState) {
        if (!insertStateChange(db, id, now, state, nullptr))
            return false;
        changed = true;
    }
    if (!changed)
        return false; // changed back in between by another Brickrun: nothing to write
    return transaction.commit();
}

bool HistoryStore::setOutput(qint64 id, const RunOutput &output)
{
    const QSqlDatabase db = m_database->connection();
    return updateOne(db,
                     QStringLiteral("UPDATE runs SET tracking = 'finished', updated_at_ms = ?"
                                    " WHERE id = ?"),
                     {nowMs(), id}, "store a run's output",
                     [&db, id, &output] { return writeOutput(db, id, output, nullptr); });
}

bool HistoryStore::setFinishedWithoutOutput(qint64 id, const QString &error)
{
    return updateOne(m_database->connection(),
                     QStringLiteral("UPDATE runs SET tracking = 'finished', last_error = ?,"
                                    " updated_at_ms = ? WHERE id = ?"),
                     {error, nowMs(), id}, "store a run without output");
}

bool HistoryStore::setVanished(qint64 id, const QString &error)
{
    return updateOne(m_database->connection(),
                     QStringLiteral("UPDATE runs SET tracking = 'vanished', last_error = ?,"
                                    " updated_at_ms = ? WHERE id = ?"),
                     {error, nowMs(), id}, "store a vanished run");
}

int HistoryStore::importRuns(const QString &profile, const QString &host,
                             const QList<RunInfo> &runs)
{
    const QSqlDatabase db = m_database->connection();
    WriteTransaction transaction(db);
    if (!transaction.isActive())
        return 0;
    QSqlQuery exists(db);
    // The workspace is the profile when there is one: its host may change (the demo workspace
    // listens on a new loopback port each start); a record under the same host is the same
    // workspace too (a second profile for it).
    if (!prepare(exists,
                 QStringLiteral("SELECT 1 FROM runs WHERE run_id = ? AND (host = ? OR"
                                " (? <> '' AND profile = ?)) LIMIT 1"),
                 "look up a run"))
        return 0;
    int added = 0;
    const qint64 now = nowMs();
    for (const RunInfo &run : runs) {
        if (run.runId <= 0)
            continue;
        bind(exists, run.runId);
        bind(exists, host);
        bind(exists, profile);
        bind(exists, profile);
        if (!exec(exists, "look up a run"))
            return 0;
        const bool known = exists.next();
        exists.finish();
        if (known)
            continue; // also catches a run listed twice (pages shift while new runs start)

        RunRecord r;
        r.profile = profile;
        r.host = host;
        r.source = QStringLiteral("imported");
        r.spec.runName = run.runName;
        if (const TaskRun *task = run.primaryTask()) {
            r.spec.taskKey = task->taskKey;
            r.spec.notebookPath = task->notebookPath;
            r.spec.clusterId = task->clusterId;
            r.taskRunId = task->runId;
            r.attemptNumber = task->attemptNumber;
        }
        r.runId = run.runId;
        r.runPageUrl = run.runPageUrl;
        r.state = run.state;
        // A run still going is followed to its end like one submitted here; an ended one
        // keeps what runs/list said (its output can be fetched on demand).
        r.tracking =
            run.state.isTerminal() ? RunRecord::Tracking::Finished : RunRecord::Tracking::Active;
        r.startTimeMs = run.startTimeMs;
        r.endTimeMs = run.endTimeMs;
        r.submittedAtMs = run.startTimeMs > 0 ? run.startTimeMs : now; // best known
        r.updatedAtMs = now;
        if (insertRecord(db, r, nullptr) <= 0)
            return 0; // the transaction rolls back: all or nothing
        ++added;
    }
    return transaction.commit() ? added : 0;
}

bool HistoryStore::remove(const QList<qint64> &ids)
{
    const QSqlDatabase db = m_database->connection();
    WriteTransaction transaction(db);
    if (!transaction.isActive())
        return false;
    QSqlQuery q(db);
    if (!prepare(q, QStringLiteral("DELETE FROM runs WHERE id = ?"), "delete runs"))
        return false;
    for (const qint64 id : ids) {
        bind(q, id); // outputs and state changes go with it (ON DELETE CASCADE)
        if (!exec(q, "delete runs"))
            return false;
    }
    return transaction.commit();
}

int HistoryStore::removeOlderThan(qint64 submittedBeforeMs)
{
    const QSqlDatabase db = m_database->connection();
    WriteTransaction transaction(db);
    if (!transaction.isActive())
        return 0;
    QSqlQuery q(db);
    // A run still followed is never deleted, however old: it would be lost mid-way.
    if (!prepare(q,
                 QStringLiteral("DELETE FROM runs WHERE submitted_at_ms < ? AND tracking NOT IN ") +
                     activeTrackingsSql(),
                 "delete old runs"))
        return 0;
    bind(q, submittedBeforeMs);
    if (!exec(q, "delete old runs"))
        return 0;
    const int removed = q.numRowsAffected();
    return transaction.commit() ? removed : 0;
}

} // namespace Brickrun
