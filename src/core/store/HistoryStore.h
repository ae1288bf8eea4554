// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/Result.h"
#include "model/RunRecord.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace Brickrun {

class Database;

// The run history in SQLite. Every write is one short transaction, so a crash at any moment
// leaves either the old or the new record, never half of one. Methods use the calling thread's
// connection and may be called from any thread.
//
// One class, three files by responsibility: the writes in HistoryStore.cpp, the reads and
// listings in HistoryStoreQueries.cpp, the exports in HistoryStoreExport.cpp; the row layout
// they share is in HistoryRows.
class HistoryStore
{
public:
    explicit HistoryStore(Database *database);

    // Before the submit is sent: stores the record (tracking Submitting, with its idempotency
    // token, spec, profile, host, submittedAtMs) and returns its id.
    Result<qint64> addPending(const RunRecord &record);
    // The moment the submit answer arrives: run id stored, tracking Active.
    bool setSubmitted(qint64 id, qint64 runId);
    // The submit was refused for good.
    bool setSubmitFailed(qint64 id, const QString &error);
    // A runs/get answer: updates state, times, task run id, run page URL, updatedAtMs; appends a
    // StateChange when life cycle, result or message differ from the last one stored. Returns
    // true when something changed.
    bool recordRun(qint64 id, const RunInfo &run);
    // The primary task's output (tracking Finished).
    bool setOutput(qint64 id, const RunOutput &output);
    // Terminal but the output could not be read (tracking Finished, lastError set).
    bool setFinishedWithoutOutput(qint64 id, const QString &error);
    // The service answered that the run does not exist (tracking Vanished; state kept).
    bool setVanished(qint64 id, const QString &error);

    std::optional<RunRecord> record(qint64 id) const;
    std::optional<RunRecord> recordByRunId(const QString &host, qint64 runId) const;
    // Submitting and Active records, oldest first: what to resume at start.
    QList<RunRecord> activeRuns() const;
    QList<StateChange> stateChanges(qint64 id) const; // oldest first
    // How long (end_time - start_time, ms) the latest `limit` runs of this notebook on this
    // cluster under this profile took that ended TERMINATED SUCCESS, newest first: what the
    // poll policy expects of the next one. Failed and cancelled runs end at any time and are
    // left out.
    QList<qint64> recentDurations(const QString &profile, const QString &notebookPath,
                                  const QString &clusterId, int limit = 20) const;
    // The latest `limit` runs of this notebook (or Python file, by RunSpec::taskPath) under this
    // profile whose duration is known (both a start and an end time), whatever their outcome,
    // newest first: the duration trend in the run details. The outputs' texts are left empty.
    QList<RunRecord> recentRunsOf(const QString &profile, const QString &taskPath,
                                  int limit = 50) const;

    // Runs submitted elsewhere (runs/list with run_type=SUBMIT_RUN): added with source
    // "imported" unless a record of the same workspace (same profile, when there is one, or same
    // host) with that run id exists; a known run is left as it is. Returns how many were new.
    int importRuns(const QString &profile, const QString &host, const QList<RunInfo> &runs);

    // Listing for the history table and the CLI, filtered and sorted in SQL. QueryFilter (the
    // one definition of these rules) compiles it to SQL and evaluates it on a record in memory.
    struct Query
    {
        QString text;      // matches run name, notebook, run id, parameter values (substring)
        QString profile;   // exact; empty = all
        QString status;    // "active", "success", "failed" (any other end), or empty = all
        qint64 fromMs = 0; // submittedAtMs >= fromMs (0 = no bound)
        qint64 toMs = 0;   // submittedAtMs < toMs (0 = no bound)
        enum class Sort
        {
            Submitted,
            RunName,
            Notebook,
            Cluster,
            Profile,
            State,
            Duration,
            RunId
        } sort = Sort::Submitted;
        bool descending = true;
        // page(): false leaves the outputs' texts (result, error, trace, logs) empty, for a
        // listing that does not show them (hasOutput and the flags are read).
        bool outputTexts = true;
    };
    int count(const Query &query) const;
    // Sets *error (and returns what was read) when the history cannot be read to the end.
    QList<RunRecord> page(const Query &query, int offset, int limit,
                          QString *error = nullptr) const;
    // The row ids in query order (cheap: the table model keeps these and loads rows lazily).
    QList<qint64> ids(const Query &query) const;

    bool remove(const QList<qint64> &ids);
    int removeOlderThan(qint64 submittedBeforeMs); // returns how many

    // CSV (RFC 4180, header row, UTF-8) and JSON (an array of objects) of the query's runs.
    // Neither ever holds a token (records have none).
    bool exportCsv(const Query &query, const QString &path, QString *error) const;
    bool exportJson(const Query &query, const QString &path, QString *error) const;

private:
    // An export format: what goes before, for each record (first or not), and after.
    struct Export
    {
        QByteArray head;
        std::function<QByteArray(const RunRecord &, bool first)> record;
        QByteArray tail;
        QByteArray tailWhenEmpty;
    };
    bool exportRecords(const Query &query, const QString &path, QString *error,
                       const Export &format) const;

    Database *m_database;
};

} // namespace Brickrun
