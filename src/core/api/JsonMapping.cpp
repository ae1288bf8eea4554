#include "api/JsonMapping.h"

#include <QJsonArray>

namespace Brickrun::JsonMapping {

namespace {

QString str(const QJsonObject &o, QLatin1String key)
{
    const QJsonValue v = o.value(key);
    return v.isString() ? v.toString() : QString();
}

} // namespace

qint64 toInt64(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toInteger();
    if (value.isString()) {
        bool ok = false;
        const qint64 n = value.toString().toLongLong(&ok);
        return ok ? n : 0;
    }
    return 0;
}

Result<qint64> submitResponse(const QJsonObject &body)
{
    const qint64 id = toInt64(body.value(QLatin1String("run_id")));
    if (id <= 0)
        return Result<qint64>::failure(
            ApiError::badResponse(QStringLiteral("the submit answer has no run_id")));
    return Result<qint64>::success(id);
}

RunState runState(const QJsonObject &state)
{
    RunState s;
    s.lifeCycleState = str(state, QLatin1String("life_cycle_state"));
    s.resultState = str(state, QLatin1String("result_state"));
    s.stateMessage = str(state, QLatin1String("state_message"));
    s.userCancelledOrTimedOut = state.value(QLatin1String("user_cancelled_or_timedout")).toBool();
    return s;
}

namespace {

// The newer `status` object carries the same facts; use it only where `state` is silent.
void fillFromStatus(RunState &s, const QJsonObject &status)
{
    if (status.isEmpty())
        return;
    if (s.lifeCycleState.isEmpty()) {
        const QString st = str(status, QLatin1String("state"));
        s.lifeCycleState =
            st == QLatin1String("WAITING") ? QStringLiteral("WAITING_FOR_RETRY") : st;
    }
    const QJsonObject details = status.value(QLatin1String("termination_details")).toObject();
    if (s.stateMessage.isEmpty())
        s.stateMessage = str(details, QLatin1String("message"));
    if (s.resultState.isEmpty() && s.lifeCycleState == QLatin1String("TERMINATED")) {
        const QString code = str(details, QLatin1String("code"));
        if (code == QLatin1String("SUCCESS") || code == QLatin1String("CANCELED"))
            s.resultState = code;
        else if (!code.isEmpty())
            s.resultState = QStringLiteral("FAILED");
    }
}

} // namespace

TaskRun taskRun(const QJsonObject &task)
{
    TaskRun t;
    t.runId = toInt64(task.value(QLatin1String("run_id")));
    t.taskKey = str(task, QLatin1String("task_key"));
    t.state = runState(task.value(QLatin1String("state")).toObject());
    fillFromStatus(t.state, task.value(QLatin1String("status")).toObject());
    t.clusterId =
        str(task.value(QLatin1String("cluster_instance")).toObject(), QLatin1String("cluster_id"));
    if (t.clusterId.isEmpty())
        t.clusterId = str(task, QLatin1String("existing_cluster_id"));
    t.notebookPath =
        str(task.value(QLatin1String("notebook_task")).toObject(), QLatin1String("notebook_path"));
    t.startTimeMs = toInt64(task.value(QLatin1String("start_time")));
    t.endTimeMs = toInt64(task.value(QLatin1String("end_time")));
    t.attemptNumber = int(toInt64(task.value(QLatin1String("attempt_number"))));
    t.originalAttemptRunId = toInt64(task.value(QLatin1String("original_attempt_run_id")));
    return t;
}

Result<RunInfo> runInfo(const QJsonObject &body)
{
    RunInfo r;
    r.runId = toInt64(body.value(QLatin1String("run_id")));
    if (r.runId <= 0)
        return Result<RunInfo>::failure(
            ApiError::badResponse(QStringLiteral("the run description has no run_id")));
    r.runName = str(body, QLatin1String("run_name"));
    r.runType = str(body, QLatin1String("run_type"));
    r.creatorUserName = str(body, QLatin1String("creator_user_name"));
    r.runPageUrl = str(body, QLatin1String("run_page_url"));
    r.state = runState(body.value(QLatin1String("state")).toObject());
    fillFromStatus(r.state, body.value(QLatin1String("status")).toObject());
    r.startTimeMs = toInt64(body.value(QLatin1String("start_time")));
    r.endTimeMs = toInt64(body.value(QLatin1String("end_time")));
    r.runDurationMs = toInt64(body.value(QLatin1String("run_duration")));
    r.queueDurationMs = toInt64(body.value(QLatin1String("queue_duration")));
    // The cluster: per task on the live service, for the whole run in the published schema.
    QString runCluster =
        str(body.value(QLatin1String("cluster_instance")).toObject(), QLatin1String("cluster_id"));
    if (runCluster.isEmpty())
        runCluster = str(body.value(QLatin1String("cluster_spec")).toObject(),
                         QLatin1String("existing_cluster_id"));
    const QJsonArray tasks = body.value(QLatin1String("tasks")).toArray();
    for (const QJsonValue &t : tasks) {
        if (!t.isObject())
            continue;
        TaskRun task = taskRun(t.toObject());
        if (task.clusterId.isEmpty())
            task.clusterId = runCluster;
        r.tasks.append(task);
    }
    return Result<RunInfo>::success(r);
}

RunOutput runOutput(const QJsonObject &body, qint64 taskRunId)
{
    RunOutput out;
    out.taskRunId = taskRunId;
    const QJsonObject notebook = body.value(QLatin1String("notebook_output")).toObject();
    const QJsonValue result = notebook.value(QLatin1String("result"));
    if (result.isString()) {
        out.hasNotebookResult = true;
        out.notebookResult = result.toString();
    }
    out.truncated = notebook.value(QLatin1String("truncated")).toBool();
    out.error = str(body, QLatin1String("error"));
    out.errorTrace = str(body, QLatin1String("error_trace"));
    out.logs = str(body, QLatin1String("logs"));
    out.logsTruncated = body.value(QLatin1String("logs_truncated")).toBool();
    return out;
}

RunListPage runListPage(const QJsonObject &body)
{
    RunListPage page;
    const QJsonArray runs = body.value(QLatin1String("runs")).toArray();
    for (const QJsonValue &v : runs) {
        const auto run = runInfo(v.toObject());
        if (run)
            page.runs.append(run.value());
    }
    page.hasMore = body.value(QLatin1String("has_more")).toBool();
    page.nextPageToken = str(body, QLatin1String("next_page_token"));
    return page;
}

} // namespace Brickrun::JsonMapping
