// SPDX-License-Identifier: Apache-2.0
#include "store/HistoryRows.h"

#include "store/StoreSql.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace Brickrun::HistoryRows {

using namespace StoreSql;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString trackingName(RunRecord::Tracking tracking)
{
    switch (tracking) {
    case RunRecord::Tracking::Submitting:
        return QStringLiteral("submitting");
    case RunRecord::Tracking::Active:
        return QStringLiteral("active");
    case RunRecord::Tracking::Finished:
        return QStringLiteral("finished");
    case RunRecord::Tracking::Vanished:
        return QStringLiteral("vanished");
    case RunRecord::Tracking::SubmitFailed:
        return QStringLiteral("submit_failed");
    }
    return QStringLiteral("submitting");
}

namespace {

const QChar ValueSeparator(0x1f);

RunRecord::Tracking trackingFromName(const QString &name)
{
    if (name == QLatin1String("active"))
        return RunRecord::Tracking::Active;
    if (name == QLatin1String("finished"))
        return RunRecord::Tracking::Finished;
    if (name == QLatin1String("vanished"))
        return RunRecord::Tracking::Vanished;
    if (name == QLatin1String("submit_failed"))
        return RunRecord::Tracking::SubmitFailed;
    return RunRecord::Tracking::Submitting;
}

} // namespace

QString parameterValues(const QList<QPair<QString, QString>> &parameters)
{
    QStringList values;
    for (const auto &p : parameters)
        values << p.second;
    return values.join(ValueSeparator);
}

std::optional<qint64> durationMs(const RunRecord &r)
{
    if (r.startTimeMs > 0 && r.endTimeMs >= r.startTimeMs)
        return r.endTimeMs - r.startTimeMs;
    return std::nullopt;
}

QString activeTrackingsSql()
{
    // RunRecord::isActive()
    return QStringLiteral("('%1', '%2')")
        .arg(trackingName(RunRecord::Tracking::Submitting),
             trackingName(RunRecord::Tracking::Active));
}

namespace {

// The columns recordFromQuery() reads, in its order; without `texts` the output's texts (result,
// error, trace, logs: up to megabytes each) are selected as NULL.
QString columnsSql(bool texts)
{
    const auto text = [texts](const char *column) {
        return texts ? QLatin1String(column) : QLatin1String("NULL");
    };
    return QStringLiteral(
               "r.id, r.profile, r.host, r.run_name, r.task_key, r.notebook_path, r.cluster_id,"
               " r.parameters, r.queue_enabled, r.timeout_seconds, r.idempotency_token, r.source,"
               " r.tracking, r.run_id, r.task_run_id, r.run_page_url, r.life_cycle_state,"
               " r.result_state, r.state_message, r.user_cancelled_or_timed_out,"
               " r.submitted_at_ms, r.start_time_ms, r.end_time_ms, r.updated_at_ms, r.last_error,"
               " r.max_retries, r.min_retry_interval_ms, r.retry_on_timeout, r.attempt_number,"
               " r.shape,"
               " o.record_id IS NOT NULL, o.task_run_id, o.has_notebook_result, %1, o.truncated,"
               " %2, %3, %4, o.logs_truncated"
               " FROM runs r LEFT JOIN run_outputs o ON o.record_id = r.id")
        .arg(text("o.notebook_result"), text("o.error"), text("o.error_trace"), text("o.logs"));
}

} // namespace

QString recordColumnsSql()
{
    return columnsSql(true);
}

QString summaryColumnsSql()
{
    return columnsSql(false);
}

RunRecord recordFromQuery(const QSqlQuery &q)
{
    RunRecord r;
    int i = 0;
    r.id = q.value(i++).toLongLong();
    r.profile = q.value(i++).toString();
    r.host = q.value(i++).toString();
    r.spec.runName = q.value(i++).toString();
    r.spec.taskKey = q.value(i++).toString();
    r.spec.notebookPath = q.value(i++).toString();
    r.spec.clusterId = q.value(i++).toString();
    r.spec.parameters = parametersFromJson(q.value(i++).toString());
    r.spec.queueEnabled = q.value(i++).toBool();
    r.spec.timeoutSeconds = q.value(i++).toInt();
    r.idempotencyToken = q.value(i++).toString();
    r.source = q.value(i++).toString();
    r.tracking = trackingFromName(q.value(i++).toString());
    r.runId = q.value(i++).toLongLong();
    r.taskRunId = q.value(i++).toLongLong();
    r.runPageUrl = q.value(i++).toString();
    r.state.lifeCycleState = q.value(i++).toString();
    r.state.resultState = q.value(i++).toString();
    r.state.stateMessage = q.value(i++).toString();
    r.state.userCancelledOrTimedOut = q.value(i++).toBool();
    r.submittedAtMs = q.value(i++).toLongLong();
    r.startTimeMs = q.value(i++).toLongLong();
    r.endTimeMs = q.value(i++).toLongLong();
    r.updatedAtMs = q.value(i++).toLongLong();
    r.lastError = q.value(i++).toString();
    r.spec.maxRetries = q.value(i++).toInt();
    r.spec.minRetryIntervalMillis = q.value(i++).toInt();
    r.spec.retryOnTimeout = q.value(i++).toBool();
    r.attemptNumber = q.value(i++).toInt();
    readShape(q.value(i++).toString(), &r.spec);
    r.hasOutput = q.value(i++).toBool();
    if (r.hasOutput) {
        r.output.taskRunId = q.value(i++).toLongLong();
        r.output.hasNotebookResult = q.value(i++).toBool();
        r.output.notebookResult = q.value(i++).toString();
        r.output.truncated = q.value(i++).toBool();
        r.output.error = q.value(i++).toString();
        r.output.errorTrace = q.value(i++).toString();
        r.output.logs = q.value(i++).toString();
        r.output.logsTruncated = q.value(i++).toBool();
    }
    return r;
}

bool insertStateChange(const QSqlDatabase &db, qint64 id, qint64 atMs, const RunState &state,
                       QString *error)
{
    QSqlQuery q(db);
    if (!prepare(q,
                 QStringLiteral("INSERT INTO state_changes (record_id, at_ms, life_cycle_state,"
                                " result_state, state_message, user_cancelled_or_timed_out)"
                                " VALUES (?, ?, ?, ?, ?, ?)"),
                 "store a state change", error))
        return false;
    bind(q, id);
    bind(q, atMs);
    bind(q, state.lifeCycleState);
    bind(q, state.resultState);
    bind(q, state.stateMessage);
    bind(q, state.userCancelledOrTimedOut);
    return exec(q, "store a state change", error);
}

bool writeOutput(const QSqlDatabase &db, qint64 id, const RunOutput &output, QString *error)
{
    QSqlQuery q(db);
    if (!prepare(q,
                 QStringLiteral("INSERT OR REPLACE INTO run_outputs (record_id, task_run_id,"
                                " has_notebook_result, notebook_result, truncated, error,"
                                " error_trace, logs, logs_truncated)"
                                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                 "store an output", error))
        return false;
    bind(q, id);
    bind(q, output.taskRunId);
    bind(q, output.hasNotebookResult);
    bind(q, output.notebookResult);
    bind(q, output.truncated);
    bind(q, output.error);
    bind(q, output.errorTrace);
    bind(q, output.logs);
    bind(q, output.logsTruncated);
    return exec(q, "store an output", error);
}

qint64 insertRecord(const QSqlDatabase &db, const RunRecord &record, QString *error)
{
    QSqlQuery q(db);
    if (!prepare(q,
                 QStringLiteral(
                     "INSERT INTO runs (profile, host, run_name, task_key, notebook_path,"
                     " cluster_id, parameters, parameter_values, queue_enabled, timeout_seconds,"
                     " idempotency_token, source, tracking, run_id, task_run_id, run_page_url,"
                     " life_cycle_state, result_state, state_message,"
                     " user_cancelled_or_timed_out, submitted_at_ms, start_time_ms, end_time_ms,"
                     " updated_at_ms, last_error, max_retries, min_retry_interval_ms,"
                     " retry_on_timeout, attempt_number, shape)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                     " ?, ?, ?, ?, ?, ?, ?, ?)"),
                 "store a run", error))
        return 0;
    const qint64 now = nowMs();
    const qint64 submittedAt = record.submittedAtMs > 0 ? record.submittedAtMs : now;
    bind(q, record.profile);
    bind(q, record.host);
    bind(q, record.spec.runName);
    bind(q, record.spec.taskKey);
    bind(q, record.spec.taskPath()); // the notebook or the Python file: searched and sorted
    // Only a run on an existing cluster has one (the Cluster column sorts and filters on it).
    bind(q, record.spec.compute.isExistingCluster() ? record.spec.clusterId : QString());
    bind(q, parametersToJson(record.spec.parameters));
    bind(q, parameterValues(record.spec.parameters));
    bind(q, record.spec.queueEnabled);
    bind(q, record.spec.timeoutSeconds);
    bind(q, record.idempotencyToken);
    bind(q, record.source);
    bind(q, trackingName(record.tracking));
    bind(q, record.runId);
    bind(q, record.taskRunId);
    bind(q, record.runPageUrl);
    bind(q, record.state.lifeCycleState);
    bind(q, record.state.resultState);
    bind(q, record.state.stateMessage);
    bind(q, record.state.userCancelledOrTimedOut);
    bind(q, submittedAt);
    bind(q, record.startTimeMs);
    bind(q, record.endTimeMs);
    bind(q, record.updatedAtMs > 0 ? record.updatedAtMs : now);
    bind(q, record.lastError);
    bind(q, record.spec.maxRetries);
    bind(q, record.spec.minRetryIntervalMillis);
    bind(q, record.spec.retryOnTimeout);
    bind(q, record.attemptNumber);
    bind(q, shapeText(record.spec));
    if (!exec(q, "store a run", error))
        return 0;
    const qint64 id = q.lastInsertId().toLongLong();
    if (record.hasOutput && !writeOutput(db, id, record.output, error))
        return 0;
    if (!record.state.lifeCycleState.isEmpty() &&
        !insertStateChange(db, id, record.updatedAtMs > 0 ? record.updatedAtMs : now, record.state,
                           error))
        return 0;
    return id;
}

void bindAll(QSqlQuery &q, const QVariantList &values)
{
    for (const QVariant &v : values)
        bind(q, v);
}

} // namespace Brickrun::HistoryRows
