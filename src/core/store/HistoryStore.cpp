#include "store/HistoryStore.h"

#include "store/Database.h"
#include "store/StoreSql.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSqlQuery>

#include <algorithm>
#include <functional>

// Longer than the house's ~600 lines on purpose: every statement that touches the runs tables is
// in this one file (the schema is in Database.cpp), so a change to a column is one file to read.
// Most of the length is column lists and bind calls, one per RunRecord field.
//
// Storage notes:
// - One runs row per record, the output in run_outputs (1:1), the states in state_changes.
// - Parameters: `parameters` holds the ordered [[key, value], …] JSON (exact round trip) and
//   `parameter_values` the values joined by U+001F for the search. A substring search
//   (LIKE '%x%') can use no index whatever the layout, so a separate key/value table would only
//   add a join per row and a write per parameter; one column keeps a run one row and the search
//   one scan of the (dense) runs table.
// - The search is LIKE: case-insensitive for ASCII letters only (SQLite without ICU).
// - Every write below is one BEGIN IMMEDIATE … COMMIT transaction.

namespace Brickrun {

using namespace StoreSql;

namespace {

const QChar ValueSeparator(0x1f);

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

QString parametersJson(const QList<QPair<QString, QString>> &parameters)
{
    QJsonArray array;
    for (const auto &p : parameters)
        array.append(QJsonArray{p.first, p.second});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<QPair<QString, QString>> parametersFromJson(const QString &json)
{
    QList<QPair<QString, QString>> parameters;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &v : array) {
        const QJsonArray pair = v.toArray();
        parameters.append({pair.at(0).toString(), pair.at(1).toString()});
    }
    return parameters;
}

QString parameterValues(const QList<QPair<QString, QString>> &parameters)
{
    QStringList values;
    for (const auto &p : parameters)
        values << p.second;
    return values.join(ValueSeparator);
}

// The columns every record read selects, in this order.
const QString RecordColumns = QStringLiteral(
    "r.id, r.profile, r.host, r.run_name, r.task_key, r.notebook_path, r.cluster_id,"
    " r.parameters, r.queue_enabled, r.timeout_seconds, r.idempotency_token, r.source,"
    " r.tracking, r.run_id, r.task_run_id, r.run_page_url, r.life_cycle_state, r.result_state,"
    " r.state_message, r.user_cancelled_or_timed_out, r.submitted_at_ms, r.start_time_ms,"
    " r.end_time_ms, r.updated_at_ms, r.last_error, o.record_id IS NOT NULL, o.task_run_id,"
    " o.has_notebook_result, o.notebook_result, o.truncated, o.error, o.error_trace, o.logs,"
    " o.logs_truncated"
    " FROM runs r LEFT JOIN run_outputs o ON o.record_id = r.id");

// The same columns with the output's texts (result, error, trace, logs: up to megabytes each)
// left unread, for listings.
const QString SummaryColumns = QStringLiteral(
    "r.id, r.profile, r.host, r.run_name, r.task_key, r.notebook_path, r.cluster_id,"
    " r.parameters, r.queue_enabled, r.timeout_seconds, r.idempotency_token, r.source,"
    " r.tracking, r.run_id, r.task_run_id, r.run_page_url, r.life_cycle_state, r.result_state,"
    " r.state_message, r.user_cancelled_or_timed_out, r.submitted_at_ms, r.start_time_ms,"
    " r.end_time_ms, r.updated_at_ms, r.last_error, o.record_id IS NOT NULL, o.task_run_id,"
    " o.has_notebook_result, NULL, o.truncated, NULL, NULL, NULL, o.logs_truncated"
    " FROM runs r LEFT JOIN run_outputs o ON o.record_id = r.id");

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

// Inserts every field of `record` (its id aside); returns the new id or 0.
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
                     " updated_at_ms, last_error)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                     " ?, ?, ?)"),
                 "store a run", error))
        return 0;
    const qint64 now = nowMs();
    const qint64 submittedAt = record.submittedAtMs > 0 ? record.submittedAtMs : now;
    bind(q, record.profile);
    bind(q, record.host);
    bind(q, record.spec.runName);
    bind(q, record.spec.taskKey);
    bind(q, record.spec.notebookPath);
    bind(q, record.spec.clusterId);
    bind(q, parametersJson(record.spec.parameters));
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

// WHERE clause and values of a Query (no leading "WHERE" when empty).
struct Filter
{
    QString where;
    QVariantList values;
};

const QString ActiveTrackings = QStringLiteral("('submitting', 'active')");

Filter filterOf(const HistoryStore::Query &query)
{
    QStringList terms;
    Filter f;
    const QString text = query.text.trimmed();
    if (!text.isEmpty()) {
        terms << QStringLiteral(
            "(r.run_name LIKE ? ESCAPE '\\' OR r.notebook_path LIKE ? ESCAPE '\\'"
            " OR r.parameter_values LIKE ? ESCAPE '\\'"
            " OR (r.run_id <> 0 AND CAST(r.run_id AS TEXT) LIKE ? ESCAPE '\\'))");
        const QString pattern = likePattern(text);
        f.values << pattern << pattern << pattern << pattern;
    }
    if (!query.profile.isEmpty()) {
        terms << QStringLiteral("r.profile = ?");
        f.values << query.profile;
    }
    const QString success =
        QStringLiteral("(r.life_cycle_state = 'TERMINATED' AND r.result_state = 'SUCCESS')");
    if (query.status.isEmpty()) {
    } else if (query.status == QLatin1String("active")) {
        terms << QStringLiteral("r.tracking IN ") + ActiveTrackings;
    } else if (query.status == QLatin1String("success")) {
        terms << QStringLiteral("r.tracking NOT IN ") + ActiveTrackings + QStringLiteral(" AND ") +
                     success;
    } else if (query.status == QLatin1String("failed")) {
        terms << QStringLiteral("r.tracking NOT IN ") + ActiveTrackings +
                     QStringLiteral(" AND NOT ") + success;
    } else {
        qCWarning(lcStore, "unknown status filter \"%s\": nothing matches",
                  qUtf8Printable(query.status));
        terms << QStringLiteral("0");
    }
    if (query.fromMs > 0) {
        terms << QStringLiteral("r.submitted_at_ms >= ?");
        f.values << query.fromMs;
    }
    if (query.toMs > 0) {
        terms << QStringLiteral("r.submitted_at_ms < ?");
        f.values << query.toMs;
    }
    if (!terms.isEmpty())
        f.where = QStringLiteral(" WHERE ") + terms.join(QStringLiteral(" AND "));
    return f;
}

// ORDER BY for a Query. Every sort ends in submitted_at_ms, id (a total order, so ids() and
// page() always agree) and matches an index of the schema exactly (expression and collation):
// without a text search SQLite walks that index and the first page costs ~nothing. With a text
// search every row is read anyway (LIKE '%x%' has no index), and walking an index would read
// the rows in random order; "+" (a no-op) hides the index so SQLite scans the table in order
// and sorts only the matches, several times faster.
QString orderOf(const HistoryStore::Query &query)
{
    using Sort = HistoryStore::Query::Sort;
    const bool scan = !query.text.trimmed().isEmpty();
    const QString dir = query.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    QStringList keys;
    const auto key = [&](const QString &expression, const char *collation = nullptr) {
        QString k = scan ? QStringLiteral("(+%1)").arg(expression) : expression;
        if (collation)
            k += QStringLiteral(" COLLATE ") + QLatin1String(collation);
        keys << k + dir;
    };
    switch (query.sort) {
    case Sort::Submitted:
        break;
    case Sort::RunName:
        key(QStringLiteral("r.run_name"), "NOCASE");
        break;
    case Sort::Notebook:
        key(QStringLiteral("r.notebook_path"), "NOCASE");
        break;
    case Sort::Cluster:
        key(QStringLiteral("r.cluster_id"));
        break;
    case Sort::Profile:
        key(QStringLiteral("r.profile"));
        break;
    case Sort::State:
        key(QStringLiteral("r.life_cycle_state"));
        key(QStringLiteral("r.result_state"));
        break;
    case Sort::Duration:
        // Known only once the run has ended; runs without one sort as the smallest.
        key(QStringLiteral("(CASE WHEN r.start_time_ms > 0 AND r.end_time_ms >= r.start_time_ms"
                           " THEN r.end_time_ms - r.start_time_ms END)"));
        break;
    case Sort::RunId:
        key(QStringLiteral("r.run_id"));
        break;
    }
    key(QStringLiteral("r.submitted_at_ms"));
    key(QStringLiteral("r.id"));
    return QStringLiteral(" ORDER BY ") + keys.join(QStringLiteral(", "));
}

bool bindAll(QSqlQuery &q, const QVariantList &values)
{
    for (const QVariant &v : values)
        bind(q, v);
    return true;
}

// ---- Export ------------------------------------------------------------------------------

QString isoTime(qint64 ms)
{
    if (ms <= 0)
        return QString();
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonValue isoTimeJson(qint64 ms)
{
    return ms > 0 ? QJsonValue(isoTime(ms)) : QJsonValue(QJsonValue::Null);
}

qint64 durationMs(const RunRecord &r)
{
    return r.startTimeMs > 0 && r.endTimeMs >= r.startTimeMs ? r.endTimeMs - r.startTimeMs : -1;
}

QJsonObject parametersObject(const RunSpec &spec)
{
    QJsonObject params;
    for (const auto &p : spec.parameters)
        params.insert(p.first, p.second);
    return params;
}

// One CSV field (RFC 4180): quoted when it holds a comma, a quote, CR or LF; quotes doubled.
// Formula injection: a spreadsheet runs a cell starting with =, +, -, @ (or tab/CR) as a
// formula, and run names, messages and parameter values are text anyone who can submit a run
// chooses. Such a field is prefixed with ' so it opens as text (OWASP's advice); the visible
// price is that leading apostrophe.
QString csvField(const QString &value)
{
    QString field = value;
    if (!field.isEmpty()) {
        const QChar first = field.at(0);
        if (first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-') ||
            first == QLatin1Char('@') || first == QLatin1Char('\t') || first == QLatin1Char('\r'))
            field.prepend(QLatin1Char('\''));
    }
    if (field.contains(QLatin1Char(',')) || field.contains(QLatin1Char('"')) ||
        field.contains(QLatin1Char('\n')) || field.contains(QLatin1Char('\r'))) {
        field.replace(QLatin1Char('"'), QLatin1String("\"\""));
        field = QLatin1Char('"') + field + QLatin1Char('"');
    }
    return field;
}

QStringList csvHeader()
{
    return {QStringLiteral("id"),
            QStringLiteral("profile"),
            QStringLiteral("host"),
            QStringLiteral("run_name"),
            QStringLiteral("notebook_path"),
            QStringLiteral("cluster_id"),
            QStringLiteral("task_key"),
            QStringLiteral("parameters"),
            QStringLiteral("source"),
            QStringLiteral("tracking"),
            QStringLiteral("run_id"),
            QStringLiteral("task_run_id"),
            QStringLiteral("run_page_url"),
            QStringLiteral("life_cycle_state"),
            QStringLiteral("result_state"),
            QStringLiteral("state_message"),
            QStringLiteral("submitted_at"),
            QStringLiteral("start_time"),
            QStringLiteral("end_time"),
            QStringLiteral("duration_ms"),
            QStringLiteral("notebook_result"),
            QStringLiteral("output_error"),
            QStringLiteral("last_error")};
}

QStringList csvRow(const RunRecord &r)
{
    const qint64 duration = durationMs(r);
    const QString params =
        r.spec.parameters.isEmpty()
            ? QString()
            : QString::fromUtf8(
                  QJsonDocument(parametersObject(r.spec)).toJson(QJsonDocument::Compact));
    return {QString::number(r.id),
            r.profile,
            r.host,
            r.spec.runName,
            r.spec.notebookPath,
            r.spec.clusterId,
            r.spec.taskKey,
            params,
            r.source,
            trackingName(r.tracking),
            r.runId > 0 ? QString::number(r.runId) : QString(),
            r.taskRunId > 0 ? QString::number(r.taskRunId) : QString(),
            r.runPageUrl,
            r.state.lifeCycleState,
            r.state.resultState,
            r.state.stateMessage,
            isoTime(r.submittedAtMs),
            isoTime(r.startTimeMs),
            isoTime(r.endTimeMs),
            duration >= 0 ? QString::number(duration) : QString(),
            r.hasOutput && r.output.hasNotebookResult ? r.output.notebookResult : QString(),
            r.hasOutput ? r.output.error : QString(),
            r.lastError};
}

// Everything of a record a person may want, the idempotency token left out: it is
// bookkeeping, not history, and an export holds no token of any kind.
QJsonObject recordJson(const RunRecord &r, const QList<StateChange> &changes)
{
    QJsonObject state{{QStringLiteral("lifeCycleState"), r.state.lifeCycleState},
                      {QStringLiteral("resultState"), r.state.resultState},
                      {QStringLiteral("stateMessage"), r.state.stateMessage},
                      {QStringLiteral("userCancelledOrTimedOut"), r.state.userCancelledOrTimedOut}};
    QJsonArray history;
    for (const StateChange &c : changes) {
        history.append(QJsonObject{{QStringLiteral("at"), isoTimeJson(c.atMs)},
                                   {QStringLiteral("lifeCycleState"), c.state.lifeCycleState},
                                   {QStringLiteral("resultState"), c.state.resultState},
                                   {QStringLiteral("stateMessage"), c.state.stateMessage}});
    }
    QJsonValue output = QJsonValue::Null;
    if (r.hasOutput) {
        output = QJsonObject{{QStringLiteral("taskRunId"), double(r.output.taskRunId)},
                             {QStringLiteral("notebookResult"),
                              r.output.hasNotebookResult ? QJsonValue(r.output.notebookResult)
                                                         : QJsonValue(QJsonValue::Null)},
                             {QStringLiteral("truncated"), r.output.truncated},
                             {QStringLiteral("error"), r.output.error},
                             {QStringLiteral("errorTrace"), r.output.errorTrace},
                             {QStringLiteral("logs"), r.output.logs},
                             {QStringLiteral("logsTruncated"), r.output.logsTruncated}};
    }
    const qint64 duration = durationMs(r);
    return QJsonObject{
        {QStringLiteral("id"), double(r.id)},
        {QStringLiteral("profile"), r.profile},
        {QStringLiteral("host"), r.host},
        {QStringLiteral("runName"), r.spec.runName},
        {QStringLiteral("notebookPath"), r.spec.notebookPath},
        {QStringLiteral("clusterId"), r.spec.clusterId},
        {QStringLiteral("taskKey"), r.spec.taskKey},
        {QStringLiteral("parameters"), parametersObject(r.spec)},
        {QStringLiteral("queueEnabled"), r.spec.queueEnabled},
        {QStringLiteral("timeoutSeconds"), r.spec.timeoutSeconds},
        {QStringLiteral("source"), r.source},
        {QStringLiteral("tracking"), trackingName(r.tracking)},
        {QStringLiteral("runId"), r.runId > 0 ? QJsonValue(double(r.runId)) : QJsonValue()},
        {QStringLiteral("taskRunId"),
         r.taskRunId > 0 ? QJsonValue(double(r.taskRunId)) : QJsonValue()},
        {QStringLiteral("runPageUrl"), r.runPageUrl},
        {QStringLiteral("state"), state},
        {QStringLiteral("stateChanges"), history},
        {QStringLiteral("submittedAt"), isoTimeJson(r.submittedAtMs)},
        {QStringLiteral("startTime"), isoTimeJson(r.startTimeMs)},
        {QStringLiteral("endTime"), isoTimeJson(r.endTimeMs)},
        {QStringLiteral("updatedAt"), isoTimeJson(r.updatedAtMs)},
        {QStringLiteral("durationMs"), duration >= 0 ? QJsonValue(double(duration)) : QJsonValue()},
        {QStringLiteral("output"), output},
        {QStringLiteral("lastError"), r.lastError}};
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

bool HistoryStore::recordRun(qint64 id, const RunInfo &run)
{
    const QSqlDatabase db = m_database->connection();
    WriteTransaction transaction(db);
    if (!transaction.isActive())
        return false;

    QSqlQuery q(db);
    if (!prepare(q,
                 QStringLiteral("SELECT task_key, task_run_id, run_page_url, life_cycle_state,"
                                " result_state, state_message, user_cancelled_or_timed_out,"
                                " start_time_ms, end_time_ms FROM runs WHERE id = ?"),
                 "read a run"))
        return false;
    bind(q, id);
    if (!exec(q, "read a run") || !q.next())
        return false;
    const QString taskKey = q.value(0).toString();
    const qint64 oldTaskRunId = q.value(1).toLongLong();
    const QString oldUrl = q.value(2).toString();
    RunState oldState;
    oldState.lifeCycleState = q.value(3).toString();
    oldState.resultState = q.value(4).toString();
    oldState.stateMessage = q.value(5).toString();
    oldState.userCancelledOrTimedOut = q.value(6).toBool();
    const qint64 oldStart = q.value(7).toLongLong();
    const qint64 oldEnd = q.value(8).toLongLong();
    q.finish();

    // A field the answer lacks keeps what was known (an answer never erases history).
    const RunState state = run.state.lifeCycleState.isEmpty() ? oldState : run.state;
    qint64 taskRunId = oldTaskRunId;
    if (const TaskRun *task = run.primaryTask(taskKey); task && task->runId > 0)
        taskRunId = task->runId;
    const QString url = run.runPageUrl.isEmpty() ? oldUrl : run.runPageUrl;
    const qint64 start = run.startTimeMs > 0 ? run.startTimeMs : oldStart;
    const qint64 end = run.endTimeMs > 0 ? run.endTimeMs : oldEnd;

    bool changed = false;
    const qint64 now = nowMs();
    if (state != oldState || taskRunId != oldTaskRunId || url != oldUrl || start != oldStart ||
        end != oldEnd) {
        QSqlQuery u(db);
        if (!prepare(u,
                     QStringLiteral("UPDATE runs SET task_run_id = ?, run_page_url = ?,"
                                    " life_cycle_state = ?, result_state = ?, state_message = ?,"
                                    " user_cancelled_or_timed_out = ?, start_time_ms = ?,"
                                    " end_time_ms = ?, updated_at_ms = ? WHERE id = ?"),
                     "store a run's state"))
            return false;
        for (const QVariant &v :
             QVariantList{taskRunId, url, state.lifeCycleState, state.resultState,
                          state.stateMessage, state.userCancelledOrTimedOut, start, end, now, id})
            bind(u, v);
        if (!exec(u, "store a run's state"))
            return false;
        changed = true;
    }

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
        const bool differs = !last.next() || last.value(0).toString() != state.lifeCycleState ||
                             last.value(1).toString() != state.resultState ||
                             last.value(2).toString() != state.stateMessage;
        last.finish();
        if (differs) {
            if (!insertStateChange(db, id, now, state, nullptr))
                return false;
            changed = true;
        }
    }
    if (!changed)
        return false; // nothing to write; the transaction ends without a change
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

std::optional<RunRecord> HistoryStore::record(qint64 id) const
{
    QSqlQuery q(m_database->connection());
    if (!prepare(q, QStringLiteral("SELECT ") + RecordColumns + QStringLiteral(" WHERE r.id = ?"),
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
                 QStringLiteral("SELECT ") + RecordColumns +
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

QList<RunRecord> HistoryStore::activeRuns() const
{
    QList<RunRecord> records;
    QSqlQuery q(m_database->connection());
    q.setForwardOnly(true);
    if (!prepare(q,
                 QStringLiteral("SELECT ") + RecordColumns +
                     QStringLiteral(" WHERE r.tracking IN ") + ActiveTrackings +
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

int HistoryStore::importRuns(const QString &profile, const QString &host,
                             const QList<RunInfo> &runs)
{
    const QSqlDatabase db = m_database->connection();
    WriteTransaction transaction(db);
    if (!transaction.isActive())
        return 0;
    QSqlQuery exists(db);
    if (!prepare(exists, QStringLiteral("SELECT 1 FROM runs WHERE host = ? AND run_id = ? LIMIT 1"),
                 "look up a run"))
        return 0;
    int added = 0;
    const qint64 now = nowMs();
    for (const RunInfo &run : runs) {
        if (run.runId <= 0)
            continue;
        bind(exists, host);
        bind(exists, run.runId);
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

int HistoryStore::count(const Query &query) const
{
    const Filter f = filterOf(query);
    QSqlQuery q(m_database->connection());
    if (!prepare(q, QStringLiteral("SELECT count(*) FROM runs r") + f.where, "count runs"))
        return 0;
    bindAll(q, f.values);
    if (!exec(q, "count runs") || !q.next())
        return 0;
    return q.value(0).toInt();
}

QList<RunRecord> HistoryStore::page(const Query &query, int offset, int limit) const
{
    QList<RunRecord> records;
    if (limit <= 0)
        return records;
    const QSqlDatabase db = m_database->connection();
    // Two steps: the page's ids (walked in an index: OFFSET skips index entries, not joined
    // rows, so the last page of 100,000 costs about what the first does), then those records.
    const Filter f = filterOf(query);
    QList<qint64> pageIds;
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!prepare(q,
                     QStringLiteral("SELECT r.id FROM runs r") + f.where + orderOf(query) +
                         QStringLiteral(" LIMIT ? OFFSET ?"),
                     "read a page of runs"))
            return records;
        bindAll(q, f.values);
        bind(q, limit);
        bind(q, qMax(0, offset));
        if (!exec(q, "read a page of runs"))
            return records;
        while (q.next())
            pageIds.append(q.value(0).toLongLong());
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
                         (query.outputTexts ? RecordColumns : SummaryColumns) +
                         QStringLiteral(" WHERE r.id IN (") + marks.join(QLatin1Char(',')) +
                         QLatin1Char(')'),
                     "read a page of runs"))
            return records;
        for (const qint64 id : chunk)
            bind(q, id);
        if (!exec(q, "read a page of runs"))
            return records;
        while (q.next()) {
            RunRecord r = recordFromQuery(q);
            byId.insert(r.id, std::move(r));
        }
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
    const Filter f = filterOf(query);
    QSqlQuery q(m_database->connection());
    q.setForwardOnly(true);
    if (!prepare(q, QStringLiteral("SELECT r.id FROM runs r") + f.where + orderOf(query),
                 "list run ids"))
        return result;
    bindAll(q, f.values);
    if (!exec(q, "list run ids"))
        return result;
    while (q.next())
        result.append(q.value(0).toLongLong());
    return result;
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
                     ActiveTrackings,
                 "delete old runs"))
        return 0;
    bind(q, submittedBeforeMs);
    if (!exec(q, "delete old runs"))
        return 0;
    const int removed = q.numRowsAffected();
    return transaction.commit() ? removed : 0;
}

bool HistoryStore::exportRecords(const Query &query, const QString &path, QString *error,
                                 const Export &format) const
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const Filter f = filterOf(query);
    QSqlQuery q(m_database->connection());
    q.setForwardOnly(true);
    QString message;
    if (!prepare(q, QStringLiteral("SELECT ") + RecordColumns + f.where + orderOf(query),
                 "export runs", &message))
        return fail(message);
    bindAll(q, f.values);
    if (!exec(q, "export runs", &message))
        return fail(message);
    QSaveFile file(path); // all or nothing: a failed export never leaves half a file
    if (!file.open(QIODevice::WriteOnly))
        return fail(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    // Written one record at a time: an export of 100,000 runs never holds them all in memory.
    file.write(format.head);
    bool first = true;
    while (q.next()) {
        file.write(format.record(recordFromQuery(q), first));
        first = false;
    }
    file.write(first ? format.tailWhenEmpty : format.tail);
    if (!file.commit())
        return fail(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return true;
}

bool HistoryStore::exportCsv(const Query &query, const QString &path, QString *error) const
{
    const auto line = [](const QStringList &fields) {
        QStringList quoted;
        quoted.reserve(fields.size());
        for (const QString &field : fields)
            quoted << csvField(field);
        return (quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n")).toUtf8();
    };
    Export csv;
    csv.head = line(csvHeader());
    csv.record = [&line](const RunRecord &r, bool) -> QByteArray { return line(csvRow(r)); };
    return exportRecords(query, path, error, csv);
}

bool HistoryStore::exportJson(const Query &query, const QString &path, QString *error) const
{
    Export json;
    json.head = "[";
    json.record = [this](const RunRecord &r, bool first) -> QByteArray {
        return (first ? QByteArray("\n") : QByteArray(",\n")) +
               QJsonDocument(recordJson(r, stateChanges(r.id))).toJson(QJsonDocument::Compact);
    };
    json.tail = "\n]\n";
    json.tailWhenEmpty = "]\n";
    return exportRecords(query, path, error, json);
}

} // namespace Brickrun
