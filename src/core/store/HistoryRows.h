// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to src/core/store: how a RunRecord is laid out in the runs, run_outputs and
// state_changes tables (the schema is in Database.cpp), shared by HistoryStore's writes,
// queries and exports. Not part of the public API.
//
// Storage notes:
// - One runs row per record, the output in run_outputs (1:1), the states in state_changes.
// - Parameters: `parameters` holds the ordered [[key, value], …] JSON (exact round trip) and
//   `parameter_values` the values joined by U+001F for the search. A substring search
//   (LIKE '%x%') can use no index whatever the layout, so a separate key/value table would only
//   add a join per row and a write per parameter; one column keeps a run one row and the search
//   one scan of the (dense) runs table.

#include "model/RunRecord.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <optional>

namespace Brickrun::HistoryRows {

qint64 nowMs();

QString trackingName(RunRecord::Tracking tracking);

// The parameters' values joined by U+001F: the parameter_values column the search reads.
QString parameterValues(const QList<QPair<QString, QString>> &parameters);

// end - start, known once the run has ended (the runs_by_duration index's expression).
std::optional<qint64> durationMs(const RunRecord &record);

// The tracking values of a run still followed, as an SQL list: "('submitting', 'active')".
QString activeTrackingsSql();

// "<columns> FROM runs r LEFT JOIN run_outputs o …": what every record read selects, in the
// order recordFromQuery() reads them. The summary leaves the output's texts (result, error,
// trace, logs: up to megabytes each) unread, for listings.
QString recordColumnsSql();
QString summaryColumnsSql();
RunRecord recordFromQuery(const QSqlQuery &q);

// Inserts every field of `record` (its id aside), its output and first state change; returns
// the new id or 0. Runs inside the caller's transaction.
qint64 insertRecord(const QSqlDatabase &db, const RunRecord &record, QString *error);
bool insertStateChange(const QSqlDatabase &db, qint64 id, qint64 atMs, const RunState &state,
                       QString *error);
bool writeOutput(const QSqlDatabase &db, qint64 id, const RunOutput &output, QString *error);

void bindAll(QSqlQuery &q, const QVariantList &values);

} // namespace Brickrun::HistoryRows
