#pragma once

#include "api/HttpTransport.h"
#include "api/JsonMapping.h"
#include "api/Result.h"
#include "model/RunInfo.h"
#include "model/RunSpec.h"

#include <QObject>

#include <functional>

namespace Brickrun {

// Typed calls of the Jobs API (2.2) over one HttpTransport. Each call takes a context object:
// when it dies first, the request is aborted and the callback never runs.
class JobsClient : public QObject
{
    Q_OBJECT
public:
    template<typename T>
    using Callback = std::function<void(const Result<T> &)>;

    explicit JobsClient(HttpTransport *transport, QObject *parent = nullptr);

    HttpTransport *transport() const { return m_transport; }
    void setApiVersion(const QString &version) { m_apiVersion = version; } // "2.2" or "2.1"

    // runs/submit. With a non-empty idempotency token the call is retried safely.
    void submit(const RunSpec &spec, const QString &idempotencyToken, QObject *context,
                Callback<qint64> callback);
    void getRun(qint64 runId, QObject *context, Callback<RunInfo> callback);
    // runs/get-output for a TASK run id (the parent id of a multi-task run is refused).
    void getOutput(qint64 taskRunId, QObject *context, Callback<RunOutput> callback);
    void cancel(qint64 runId, QObject *context, Callback<bool> callback);

    struct ListQuery
    {
        bool activeOnly = false;
        bool submitRunsOnly = true;
        int limit = 25;
        QString pageToken;        // the live service's next_page_token; wins over offset
        int offset = 0;           // for answers with has_more but no next_page_token (the demo)
        bool expandTasks = false; // each run's tasks (notebook path, cluster) too
        qint64 startTimeFromMs = 0;
    };
    void listRuns(const ListQuery &query, QObject *context,
                  Callback<JsonMapping::RunListPage> callback);

private:
    QString path(const char *endpoint) const;
    HttpTransport *m_transport;
    QString m_apiVersion = QStringLiteral("2.2");
};

} // namespace Brickrun
