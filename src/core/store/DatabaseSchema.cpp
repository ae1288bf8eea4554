// SPDX-License-Identifier: Apache-2.0
#include "store/DatabaseSchema.h"

#include "store/StoreSql.h"

#include <initializer_list>

namespace Brickrun::DatabaseSchema {

using StoreSql::execSql;

namespace {

bool execAll(const QSqlDatabase &db, std::initializer_list<const char *> statements, QString *error)
{
    for (const char *sql : statements) {
        if (!execSql(db, QString::fromLatin1(sql), "migrate", error))
            return false;
    }
    return true;
}

// v1: the history, its state changes, the outputs and the presets.
bool migrateToV1(const QSqlDatabase &db, QString *error)
{
    return execAll(
        db,
        {
            // One row per run. Text columns are NOT NULL DEFAULT '' (a RunRecord's empty
            // QString), times are ms since the epoch (0 = unknown). `parameters` is the ordered
            // JSON array [[key, value], …] (round-trips the user's order); `parameter_values` is
            // the values joined by U+001F, the column the search runs LIKE on.
            "CREATE TABLE runs ("
            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " profile TEXT NOT NULL DEFAULT '',"
            " host TEXT NOT NULL DEFAULT '',"
            " run_name TEXT NOT NULL DEFAULT '',"
            " task_key TEXT NOT NULL DEFAULT '',"
            " notebook_path TEXT NOT NULL DEFAULT '',"
            " cluster_id TEXT NOT NULL DEFAULT '',"
            " parameters TEXT NOT NULL DEFAULT '[]',"
            " parameter_values TEXT NOT NULL DEFAULT '',"
            " queue_enabled INTEGER NOT NULL DEFAULT 1,"
            " timeout_seconds INTEGER NOT NULL DEFAULT 0,"
            " idempotency_token TEXT NOT NULL DEFAULT '',"
            " source TEXT NOT NULL DEFAULT 'brickrun',"
            " tracking TEXT NOT NULL DEFAULT 'submitting' CHECK (tracking IN"
            "  ('submitting', 'active', 'finished', 'vanished', 'submit_failed')),"
            " run_id INTEGER NOT NULL DEFAULT 0,"
            " task_run_id INTEGER NOT NULL DEFAULT 0,"
            " run_page_url TEXT NOT NULL DEFAULT '',"
            " life_cycle_state TEXT NOT NULL DEFAULT '',"
            " result_state TEXT NOT NULL DEFAULT '',"
            " state_message TEXT NOT NULL DEFAULT '',"
            " user_cancelled_or_timed_out INTEGER NOT NULL DEFAULT 0,"
            " submitted_at_ms INTEGER NOT NULL DEFAULT 0,"
            " start_time_ms INTEGER NOT NULL DEFAULT 0,"
            " end_time_ms INTEGER NOT NULL DEFAULT 0,"
            " updated_at_ms INTEGER NOT NULL DEFAULT 0,"
            " last_error TEXT NOT NULL DEFAULT '')",
            // The primary task's output, 1:1 with runs (a row here = RunRecord::hasOutput).
            // Kept apart so the runs table stays dense: logs can be hundreds of KiB, and the
            // list, search and sort scans never read them.
            "CREATE TABLE run_outputs ("
            " record_id INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,"
            " task_run_id INTEGER NOT NULL DEFAULT 0,"
            " has_notebook_result INTEGER NOT NULL DEFAULT 0,"
            " notebook_result TEXT NOT NULL DEFAULT '',"
            " truncated INTEGER NOT NULL DEFAULT 0,"
            " error TEXT NOT NULL DEFAULT '',"
            " error_trace TEXT NOT NULL DEFAULT '',"
            " logs TEXT NOT NULL DEFAULT '',"
            " logs_truncated INTEGER NOT NULL DEFAULT 0)",
            "CREATE TABLE state_changes ("
            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " record_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
            " at_ms INTEGER NOT NULL,"
            " life_cycle_state TEXT NOT NULL DEFAULT '',"
            " result_state TEXT NOT NULL DEFAULT '',"
            " state_message TEXT NOT NULL DEFAULT '',"
            " user_cancelled_or_timed_out INTEGER NOT NULL DEFAULT 0)",
            "CREATE TABLE presets ("
            " name TEXT PRIMARY KEY NOT NULL,"
            " profile TEXT NOT NULL DEFAULT '',"
            " run_name TEXT NOT NULL DEFAULT '',"
            " task_key TEXT NOT NULL DEFAULT '',"
            " notebook_path TEXT NOT NULL DEFAULT '',"
            " cluster_id TEXT NOT NULL DEFAULT '',"
            " parameters TEXT NOT NULL DEFAULT '[]',"
            " queue_enabled INTEGER NOT NULL DEFAULT 1,"
            " timeout_seconds INTEGER NOT NULL DEFAULT 0,"
            " updated_at_ms INTEGER NOT NULL DEFAULT 0)",
            // Default sort and time range; profile filter; host + run id lookups (resume,
            // import without duplicates); the runs still followed; a run's state changes.
            // Every sort key ends with submitted_at_ms, id: the order is total, so ids() and
            // page() always agree.
            "CREATE INDEX runs_by_submitted ON runs(submitted_at_ms, id)",
            "CREATE INDEX runs_by_profile ON runs(profile, submitted_at_ms, id)",
            "CREATE INDEX runs_by_host_run_id ON runs(host, run_id)",
            "CREATE INDEX runs_active ON runs(submitted_at_ms, id)"
            " WHERE tracking IN ('submitting', 'active')",
            "CREATE INDEX state_changes_by_record ON state_changes(record_id, id)",
        },
        error);
}

// v2: an index for every other column the history table sorts on, so the first page of any
// sort over 100,000 runs is read from an index instead of sorting the whole table.
bool migrateToV2(const QSqlDatabase &db, QString *error)
{
    return execAll(db,
                   {
                       "CREATE INDEX runs_by_run_name"
                       " ON runs(run_name COLLATE NOCASE, submitted_at_ms, id)",
                       "CREATE INDEX runs_by_notebook"
                       " ON runs(notebook_path COLLATE NOCASE, submitted_at_ms, id)",
                       "CREATE INDEX runs_by_cluster ON runs(cluster_id, submitted_at_ms, id)",
                       "CREATE INDEX runs_by_state"
                       " ON runs(life_cycle_state, result_state, submitted_at_ms, id)",
                       "CREATE INDEX runs_by_duration ON runs((CASE WHEN start_time_ms > 0 AND"
                       " end_time_ms >= start_time_ms THEN end_time_ms - start_time_ms END),"
                       " submitted_at_ms, id)",
                       "CREATE INDEX runs_by_run_id ON runs(run_id, submitted_at_ms, id)",
                   },
                   error);
}

// v3: the run's own retries beside its timeout (RunSpec), in the history and the presets, and
// the attempt of a run's task the service is at (0 = the first).
bool migrateToV3(const QSqlDatabase &db, QString *error)
{
    return execAll(db,
                   {
                       "ALTER TABLE runs ADD COLUMN max_retries INTEGER NOT NULL DEFAULT 0",
                       "ALTER TABLE runs ADD COLUMN min_retry_interval_ms INTEGER NOT NULL"
                       " DEFAULT 0",
                       "ALTER TABLE runs ADD COLUMN retry_on_timeout INTEGER NOT NULL DEFAULT 0",
                       "ALTER TABLE runs ADD COLUMN attempt_number INTEGER NOT NULL DEFAULT 0",
                       "ALTER TABLE presets ADD COLUMN max_retries INTEGER NOT NULL DEFAULT 0",
                       "ALTER TABLE presets ADD COLUMN min_retry_interval_ms INTEGER NOT NULL"
                       " DEFAULT 0",
                       "ALTER TABLE presets ADD COLUMN retry_on_timeout INTEGER NOT NULL"
                       " DEFAULT 0",
                   },
                   error);
}

// v4: the run's shape beyond a workspace notebook on an existing cluster (RunSpec::shapeJson:
// task kind, compute, Git source), in the history and the presets; '{}' for what came before.
bool migrateToV4(const QSqlDatabase &db, QString *error)
{
    return execAll(db,
                   {
                       "ALTER TABLE runs ADD COLUMN shape TEXT NOT NULL DEFAULT '{}'",
                       "ALTER TABLE presets ADD COLUMN shape TEXT NOT NULL DEFAULT '{}'",
                   },
                   error);
}

} // namespace

const std::vector<MigrationStep> &migrations()
{
    // migrations()[i] takes a file from version i to version i + 1.
    static const std::vector<MigrationStep> steps{&migrateToV1, &migrateToV2, &migrateToV3,
                                                  &migrateToV4};
    return steps;
}

} // namespace Brickrun::DatabaseSchema
