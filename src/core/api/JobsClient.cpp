// SPDX-License-Identifier: Apache-2.0
#include "api/JobsClient.h"

#include <QLoggingCategory>
#include <QSet>

Q_LOGGING_CATEGORY(lcJobs, "brickrun.api.jobs")

namespace Brickrun {

JobsClient::JobsClient(HttpTransport *transport, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
{}

void JobsClient::send(HttpTransport::Request request, const QString &endpoint, QObject *context,
                      const HttpTransport::Callback &callback)
{
    const QString version = m_apiVersion;
    request.path = QStringLiteral("/api/%1/jobs/%2").arg(version, endpoint);
    QPointer<QObject> guard(context);
    QPointer<JobsClient> self(this);
    m_transport->send(
        request, context,
        [this, self, request, endpoint, version, guard, callback](const Result<QJsonObject> &r) {
            if (r || !r.error().isEndpointNotServed() || version != DefaultApiVersion || !guard ||
                !self) {
                callback(r);
                return;
            }
            // Asked once per client: another call may have switched already.
            if (m_apiVersion == DefaultApiVersion) {
                qCInfo(lcJobs, "the workspace does not serve Jobs API %s (%s); using %s",
                       qUtf8Printable(version), qUtf8Printable(r.error().toString()),
                       qUtf8Printable(FallbackApiVersion));
                m_apiVersion = FallbackApiVersion;
                Q_EMIT apiVersionChanged(m_apiVersion);
            }
            if (m_apiVersion == version) {
                callback(r);
                return;
            }
            send(request, endpoint, guard.data(), callback);
        });
}

void JobsClient::submit(const RunSpec &spec, const QString &idempotencyToken, QObject *context,
                        Callback<qint64> callback)
{
    HttpTransport::Request req;
    req.method = "POST";
    req.body = spec.toSubmitBody(idempotencyToken);
    req.idempotent = !idempotencyToken.isEmpty();
    req.description = QStringLiteral("runs/submit");
    send(req, req.description, context, [callback](const Result<QJsonObject> &r) {
        if (!r)
            return callback(Result<qint64>::failure(r.error()));
        callback(JsonMapping::submitResponse(r.value()));
    });
}

// One runs/get in progress: the pages so far, merged into the first.
struct JobsClient::RunPages
{
    qint64 runId = 0;
    Callback<RunInfo> callback;
    QJsonObject run;      // the first page, with the arrays of the later ones appended
    QString token;        // the page to ask for next; empty for the first
    QSet<QString> tokens; // every token seen: a token given twice would loop for ever
    int count = 0;
    int maxPages = DefaultMaxRunPages;
};

void JobsClient::getRun(qint64 runId, QObject *context, Callback<RunInfo> callback)
{
    auto pages = std::make_shared<RunPages>();
    pages->runId = runId;
    pages->callback = std::move(callback);
    pages->maxPages = m_maxRunPages;
    getRunPage(pages, context);
}

void JobsClient::getRunPage(const std::shared_ptr<RunPages> &pages, QObject *context)
{
    HttpTransport::Request req;
    req.query.addQueryItem(QStringLiteral("run_id"), QString::number(pages->runId));
    if (!pages->token.isEmpty())
        req.query.addQueryItem(QStringLiteral("page_token"), pages->token);
    req.description = QStringLiteral("runs/get");
    QPointer<QObject> guard(context);
    QPointer<JobsClient> self(this);
    send(req, req.description, context, [self, pages, guard](const Result<QJsonObject> &r) {
        if (!r)
            return pages->callback(Result<RunInfo>::failure(r.error()));
        if (++pages->count == 1)
            pages->run = r.value();
        else
            JsonMapping::appendRunPage(&pages->run, r.value());
        const QString next = pages->run.value(QLatin1String("next_page_token")).toString();
        if (next.isEmpty())
            return pages->callback(JsonMapping::runInfo(pages->run));
        if (pages->tokens.contains(next))
            return pages->callback(Result<RunInfo>::failure(ApiError::badResponse(
                QStringLiteral("runs/get of run %1 gave the page token \"%2\" twice; stopped "
                               "reading its pages (%3 read) so as not to loop")
                    .arg(pages->runId)
                    .arg(next.left(64))
                    .arg(pages->count))));
        if (pages->count >= pages->maxPages)
            return pages->callback(Result<RunInfo>::failure(ApiError::badResponse(
                QStringLiteral("runs/get of run %1 has more than %2 pages of tasks; stopped "
                               "reading them")
                    .arg(pages->runId)
                    .arg(pages->maxPages))));
        if (!guard || !self)
            return;
        pages->tokens.insert(next);
        pages->token = next;
        self->getRunPage(pages, guard.data());
    });
}

void JobsClient::getOutput(qint64 taskRunId, QObject *context, Callback<RunOutput> callback)
{
    HttpTransport::Request req;
    req.query.addQueryItem(QStringLiteral("run_id"), QString::number(taskRunId));
    req.description = QStringLiteral("runs/get-output");
    send(req, req.description, context, [callback, taskRunId](const Result<QJsonObject> &r) {
        if (!r)
            return callback(Result<RunOutput>::failure(r.error()));
        callback(Result<RunOutput>::success(JsonMapping::runOutput(r.value(), taskRunId)));
    });
}

QList<qint64> JobsClient::outputRunIds(const RunInfo &run, const QString &primaryTaskKey)
{
    QList<qint64> ids;
    const TaskRun *primary = run.primaryTask(primaryTaskKey);
    if (!primary)
        return {run.runId};
    if (primary->runId > 0)
        ids << primary->runId;
    for (const TaskRun &t : run.latestAttempts()) {
        if (t.runId > 0 && t.runId != primary->runId)
            ids << t.runId;
    }
    return ids;
}

// One getTaskOutputs in progress.
struct JobsClient::TaskOutputs
{
    QList<qint64> pending;
    QList<RunOutput> outputs;
    ApiError firstError;
    OutputsCallback callback;
};

void JobsClient::getTaskOutputs(const RunInfo &run, const QString &primaryTaskKey, QObject *context,
                                OutputsCallback callback)
{
    auto outputs = std::make_shared<TaskOutputs>();
    outputs->pending = outputRunIds(run, primaryTaskKey);
    outputs->callback = std::move(callback);
    getNextOutput(outputs, context);
}

void JobsClient::getNextOutput(const std::shared_ptr<TaskOutputs> &outputs, QObject *context)
{
    if (outputs->pending.isEmpty())
        return outputs->callback(outputs->outputs, outputs->firstError);
    const qint64 taskRunId = outputs->pending.takeFirst();
    QPointer<QObject> guard(context);
    QPointer<JobsClient> self(this);
    getOutput(taskRunId, context, [self, guard, outputs, taskRunId](const Result<RunOutput> &r) {
        if (r) {
            outputs->outputs << r.value();
        } else {
            // The run is over either way: keep what is known, say what is missing.
            RunOutput missing;
            missing.taskRunId = taskRunId;
            outputs->outputs << missing;
            if (!outputs->firstError.isError())
                outputs->firstError = r.error();
        }
        if (self && guard)
            self->getNextOutput(outputs, guard.data());
    });
}

void JobsClient::cancel(qint64 runId, QObject *context, Callback<bool> callback)
{
    HttpTransport::Request req;
    req.method = "POST";
    req.body = QJsonObject{{QStringLiteral("run_id"), runId}};
    // Cancelling twice is harmless, but a cancel is only retried when the server says it did
    // not act on it (429/503); after a timeout the caller checks the run's state instead.
    req.idempotent = false;
    req.description = QStringLiteral("runs/cancel");
    send(req, req.description, context, [callback](const Result<QJsonObject> &r) {
        if (!r)
            return callback(Result<bool>::failure(r.error()));
        callback(Result<bool>::success(true));
    });
}

void JobsClient::listRuns(const ListQuery &query, QObject *context,
                          Callback<JsonMapping::RunListPage> callback)
{
    HttpTransport::Request req;
    if (query.submitRunsOnly)
        req.query.addQueryItem(QStringLiteral("run_type"), QStringLiteral("SUBMIT_RUN"));
    if (query.activeOnly)
        req.query.addQueryItem(QStringLiteral("active_only"), QStringLiteral("true"));
    else if (query.completedOnly)
        req.query.addQueryItem(QStringLiteral("completed_only"), QStringLiteral("true"));
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
    send(req, req.description, context, [callback](const Result<QJsonObject> &r) {
        if (!r)
            return callback(Result<JsonMapping::RunListPage>::failure(r.error()));
        callback(Result<JsonMapping::RunListPage>::success(JsonMapping::runListPage(r.value())));
    });
}

} // namespace Brickrun
