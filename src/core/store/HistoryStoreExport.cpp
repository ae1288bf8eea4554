// SPDX-License-Identifier: Apache-2.0
#include "store/Database.h"
#include "store/HistoryRows.h"
#include "store/HistoryStore.h"
#include "store/QueryFilter.h"
#include "store/StoreSql.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSqlQuery>

// HistoryStore's exports: CSV and JSON of a query's runs.

namespace Brickrun {

using namespace StoreSql;
using namespace HistoryRows;

namespace {

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
            QStringLiteral("last_error"),
            QStringLiteral("compute")};
}

QStringList csvRow(const RunRecord &r)
{
    const std::optional<qint64> duration = durationMs(r);
    const QString params =
        r.spec.parameters.isEmpty()
            ? QString()
            : QString::fromUtf8(
                  QJsonDocument(parametersObject(r.spec)).toJson(QJsonDocument::Compact));
    return {QString::number(r.id),
            r.profile,
            r.host,
            r.spec.runName,
            r.spec.taskPath(), // the notebook, or the Python file
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
            duration ? QString::number(*duration) : QString(),
            r.hasOutput && r.output.hasNotebookResult ? r.output.notebookResult : QString(),
            r.hasOutput ? r.output.error : QString(),
            r.lastError,
            r.spec.computeText()};
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
    const std::optional<qint64> duration = durationMs(r);
    return QJsonObject{
        {QStringLiteral("id"), double(r.id)},
        {QStringLiteral("profile"), r.profile},
        {QStringLiteral("host"), r.host},
        {QStringLiteral("runName"), r.spec.runName},
        {QStringLiteral("notebookPath"), r.spec.taskPath()}, // or the Python file
        {QStringLiteral("clusterId"), r.spec.clusterId},
        // The task kind, compute and Git source ({} for a workspace notebook on a cluster) and
        // the compute as the history's Cluster column shows it.
        {QStringLiteral("shape"), r.spec.shapeJson()},
        {QStringLiteral("compute"), r.spec.computeText()},
        {QStringLiteral("taskKey"), r.spec.taskKey},
        {QStringLiteral("parameters"), parametersObject(r.spec)},
        {QStringLiteral("queueEnabled"), r.spec.queueEnabled},
        {QStringLiteral("timeoutSeconds"), r.spec.timeoutSeconds},
        {QStringLiteral("maxRetries"), r.spec.maxRetries},
        {QStringLiteral("minRetryIntervalMillis"), r.spec.minRetryIntervalMillis},
        {QStringLiteral("retryOnTimeout"), r.spec.retryOnTimeout},
        {QStringLiteral("attemptNumber"), r.attemptNumber},
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
        {QStringLiteral("durationMs"), duration ? QJsonValue(double(*duration)) : QJsonValue()},
        {QStringLiteral("output"), output},
        {QStringLiteral("lastError"), r.lastError}};
}

} // namespace

bool HistoryStore::exportRecords(const Query &query, const QString &path, QString *error,
                                 const Export &format) const
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const QueryFilter filter(query);
    QSqlQuery q(m_database->connection());
    q.setForwardOnly(true);
    QString message;
    if (!prepare(q,
                 QStringLiteral("SELECT ") + recordColumnsSql() + filter.sqlWhere() +
                     filter.sqlOrderBy(),
                 "export runs", &message))
        return fail(message);
    bindAll(q, filter.sqlValues());
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
    if (!endedCleanly(q, "export runs", &message)) {
        file.cancelWriting();
        return fail(message);
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
