// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/HttpTransport.h"
#include "api/JsonMapping.h"
#include "api/Result.h"
#include "model/RunInfo.h"
#include "model/RunSpec.h"

#include <QObject>

#include <functional>
#include <memory>

namespace Brickrun {

// Typed calls of the Jobs API (2.2) over one HttpTransport. Each call takes a context object:
// when it dies first, the request is aborted and the callback never runs.
//
// A workspace that does not serve 2.2 (404 ENDPOINT_NOT_FOUND, or "Bad Target: /api/2.2/…")
// is asked again with 2.1, and every later call of this client uses 2.1 (apiVersionChanged
// says so, e.g. to remember it in the profile). When 2.1 is not served either, the call fails
// with that answer (ApiError::isEndpointNotServed).
class JobsClient : public QObject
{
    Q_OBJECT
public:
    template<typename T>
    using Callback = std::function<void(const Result<T> &)>;

    static inline const QString DefaultApiVersion = QStringLiteral("2.2");
    static inline const QString FallbackApiVersion = QStringLiteral("2.1");
    // runs/get of a run with more pages than this (100 tasks each) fails instead of going on.
    static constexpr int DefaultMaxRunPages = 1000;

    explicit JobsClient(HttpTransport *transport, QObject *parent = nullptr);

    HttpTransport *transport() const { return m_transport; }
    QString apiVersion() const { return m_apiVersion; }
    void setApiVersion(const QString &version) { m_apiVersion = version; } // "2.2" or "2.1"
    void setMaxRunPages(int pages) { m_maxRunPages = pages; }

    // runs/submit. With a non-empty idempotency token the call is retried safely.
    void submit(const RunSpec &spec, const QString &idempotencyToken, QObject *context,
                Callback<qint64> callback);
    // runs/get, every page of it (2.2 pages the tasks of a run at 100): the tasks, or the
    // iterations of a for-each task, of all pages in one RunInfo.
    void getRun(qint64 runId, QObject *context, Callback<RunInfo> callback);
    // runs/get-output for a TASK run id (the parent id of a multi-task run is refused).
    void getOutput(qint64 taskRunId, QObject *context, Callback<RunOutput> callback);
    // runs/get-output of every task of `run`, each by its newest attempt's run id, one request
    // at a time, the task with `primaryTaskKey` (else the first) first. A run without tasks
    // (the old single-task form) is its own task run. An output that cannot be read is there
    // with only its taskRunId; `firstError` says why the first of those failed.
    using OutputsCallback =
        std::function<void(const QList<RunOutput> &outputs, const ApiError &firstError)>;
    static QList<qint64> outputRunIds(const RunInfo &run, const QString &primaryTaskKey);
    void getTaskOutputs(const RunInfo &run, const QString &primaryTaskKey, QObject *context,
                        OutputsCallback callback);
    void cancel(qint64 runId, QObject *context, Callback<bool> callback);

    struct ListQuery
    {
        bool activeOnly = false;
        bool completedOnly = false; // ended runs only
        bool submitRunsOnly = true;
        int limit = 25;
        QString pageToken;        // the live service's next_page_token; wins over offset
        int offset = 0;           // for answers with has_more but no next_page_token (the demo)
        bool expandTasks = false; // each run's tasks (notebook path, cluster) too
        qint64 startTimeFromMs = 0;
    };
    void listRuns(const ListQuery &query, QObject *context,
                  Callback<JsonMapping::RunListPage> callback);

Q_SIGNALS:
    // The workspace does not serve the version in use; calls use `version` from now on.
    void apiVersionChanged(const QString &version);

private:
    // Sends `request` to /api/<version>/jobs/<endpoint>, falling back once from 2.2 to 2.1.
    void send(HttpTransport::Request request, const QString &endpoint, QObject *context,
              const HttpTransport::Callback &callback);
    struct RunPages;
    void getRunPage(const std::shared_ptr<RunPages> &pages, QObject *context);
    struct TaskOutputs;
    void getNextOutput(const std::shared_ptr<TaskOutputs> &outputs, QObject *context);
    HttpTransport *m_transport;
    QString m_apiVersion = DefaultApiVersion;
    int m_maxRunPages = DefaultMaxRunPages;
};

} // namespace Brickrun
