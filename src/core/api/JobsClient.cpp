#include "api/JobsClient.h"

namespace Brickrun {

JobsClient::JobsClient(HttpTransport *transport, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
{}

QString JobsClient::path(const char *endpoint) const
{
    return QStringLiteral("/api/%1/jobs/%2").arg(m_apiVersion, QLatin1String(endpoint));
}

void JobsClient::submit(const RunSpec &spec, const QString &idempotencyToken, QObject *context,
                        Callback<qint64> callback)
{
    HttpTransport::Request req;
    req.method = "POST";
    req.path = path("runs/submit");
    req.body = spec.toSubmitBody(idempotencyToken);
    req.idempotent = !idempotencyToken.isEmpty();
    req.description = QStringLiteral("runs/submit");
    m_transport->send(req, context, [callback](const Result<QJsonObject> &r) {
        if (!r)
            return callback(Result<qint64>::failure(r.error()));
        callback(JsonMapping::submitResponse(r.value()));
    });
}

void JobsClient::getRun(qint64 runId, QObject *context, Callback<RunInfo> callback)
{
    HttpTransport::Request req;
    req.path = path("runs/get");
    req.query.addQueryItem(QStringLiteral("run_id"), QString::number(runId));
    req.description = QStringLiteral("runs/get");
    m_transport->send(req, context, [callback](const Result<QJsonObject> &r) {
        if (!r)
            return callback(Result<RunInfo>::failure(r.error()));
        callback(JsonMapping::runInfo(r.value()));
    });
}

void JobsClient::getOutput(qint64 taskRunId, QObject *context, Callback<RunOutput> callback)
{
    HttpTransport::Request req;
    req.path = path("runs/get-output");
    req.query.addQueryItem(QStringLiteral("run_id"), QString::number(taskRunId));
    req.description = QStringLiteral("runs/get-output");
    m_transport->send(req, context, [callback, taskRunId](const Result<QJsonObject> &r) {
        if (!r)
            return callback(Result<RunOutput>::failure(r.error()));
        callback(Result<RunOutput>::success(JsonMapping::runOutput(r.value(), taskRunId)));
    });
}

void JobsClient::cancel(qint64 runId, QObject *context, Callback<bool> callback)
{
    HttpTransport::Request req;
    req.method = "POST";
    req.path = path("runs/cancel");
    req.body = QJsonObject{{QStringLiteral("run_id"), runId}};
    // Cancelling twice is harmless, but a cancel is only retried when the server says it did
    // not act on it (429/503); after a timeout the caller checks the run's state instead.
    req.idempotent = false;
    req.description = QStringLiteral("runs/cancel");
    m_transport->send(req, context, [callback](const Result<QJsonObject> &r) {
        if (!r)
            return callback(Result<bool>::failure(r.error()));
        callback(Result<bool>::success(true));
    });
}

void JobsClient::listRuns(const ListQuery &query, QObject *context,
                          Callback<JsonMapping::RunListPage> callback)
{
    HttpTransport::Request req;
    req.path = path("runs/list");
    if (query.submitRunsOnly)
        req.query.addQueryItem(QStringLiteral("run_type"), QStringLiteral("SUBMIT_RUN"));
    if (query.activeOnly)
        req.query.addQueryItem(QStringLiteral("active_only"), QStringLiteral("true"));
    req.query.addQueryItem(QStringLiteral("limit"), QString::number(query.limit));
    if (!query.pageToken.isEmpty())
        req.query.addQueryItem(QStringLiteral("page_token"), query.pageToken);
    else if (query.offset > 0)
        req.query.addQueryItem(QStringLiteral("offset"), QString::number(query.offset));
    if (query.expandTasks)
        req.query.addQueryItem(QStringLiteral("expand_tasks"), QStringLiteral("true"));
    if (query.startTimeFromMs > 0)
        req.query.addQueryItem(QStringLiteral("start_time_from"),
                               QString::number(query.startTimeFromMs));
    req.description = QStringLiteral("runs/list");
    m_transport->send(req, context, [callback](const Result<QJsonObject> &r) {
        if (!r)
            return callback(Result<JsonMapping::RunListPage>::failure(r.error()));
        callback(Result<JsonMapping::RunListPage>::success(JsonMapping::runListPage(r.value())));
    });
}

} // namespace Brickrun
