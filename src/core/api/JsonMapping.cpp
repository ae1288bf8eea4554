// SPDX-License-Identifier: Apache-2.0
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

// What a TERMINATED `status` means, by termination code: the life cycle and result that the
// classic `state` object gives for the same outcome. Every code of the Jobs API's
// TerminationCodeCode (27, as of 2026); docs/cli.md ("Run states") says what users see.
enum class LifeCycle
{
    Terminated,
    Skipped,
    InternalError,
    ByType // INTERNAL_ERROR when termination_details.type is INTERNAL_ERROR, else TERMINATED
};

struct TerminationRow
{
    const char *code;
    LifeCycle lifeCycle;
    const char *result; // "" = no result_state says it; the code is then kept as the message
    bool userCancelledOrTimedOut;
};

constexpr TerminationRow TerminationTable[] = {
    {"SUCCESS", LifeCycle::Terminated, "SUCCESS", false},
    {"SUCCESS_WITH_FAILURES", LifeCycle::Terminated, "SUCCESS_WITH_FAILURES", false},
    {"USER_CANCELED", LifeCycle::Terminated, "CANCELED", true},
    // Cancelled by the platform, e.g. when the run's timeout passed: `state` marks those too.
    {"CANCELED", LifeCycle::Terminated, "CANCELED", true},
    // Never executed: an upstream task failed, a condition was false, nothing to run.
    {"SKIPPED", LifeCycle::Skipped, "", false},
    {"DISABLED", LifeCycle::Skipped, "DISABLED", false},
    {"MAX_CONCURRENT_RUNS_EXCEEDED", LifeCycle::Skipped, "MAXIMUM_CONCURRENT_RUNS_REACHED", false},
    {"MAX_JOB_QUEUE_SIZE_EXCEEDED", LifeCycle::Skipped, "", false},
    // An unexpected error of the Jobs service itself.
    {"INTERNAL_ERROR", LifeCycle::InternalError, "FAILED", false},
    // Failures: the run started, or tried to, and did not succeed.
    {"DRIVER_ERROR", LifeCycle::ByType, "FAILED", false},
    {"CLUSTER_ERROR", LifeCycle::ByType, "FAILED", false},
    {"REPOSITORY_CHECKOUT_FAILED", LifeCycle::ByType, "FAILED", false},
    {"INVALID_CLUSTER_REQUEST", LifeCycle::ByType, "FAILED", false},
    {"WORKSPACE_RUN_LIMIT_EXCEEDED", LifeCycle::ByType, "FAILED", false},
    {"FEATURE_DISABLED", LifeCycle::ByType, "FAILED", false},
    {"CLUSTER_REQUEST_LIMIT_EXCEEDED", LifeCycle::ByType, "FAILED", false},
    {"STORAGE_ACCESS_ERROR", LifeCycle::ByType, "FAILED", false},
    {"RUN_EXECUTION_ERROR", LifeCycle::ByType, "FAILED", false},
    {"UNAUTHORIZED_ERROR", LifeCycle::ByType, "FAILED", false},
    {"LIBRARY_INSTALLATION_ERROR", LifeCycle::ByType, "FAILED", false},
    {"MAX_SPARK_CONTEXTS_EXCEEDED", LifeCycle::ByType, "FAILED", false},
    {"RESOURCE_NOT_FOUND", LifeCycle::ByType, "FAILED", false},
    {"INVALID_RUN_CONFIGURATION", LifeCycle::ByType, "FAILED", false},
    {"CLOUD_FAILURE", LifeCycle::ByType, "FAILED", false},
    // Failed, and retried by the service with a mitigation (a new attempt appears).
    {"BREAKING_CHANGE", LifeCycle::ByType, "FAILED", false},
    {"CLUSTER_TERMINATED_BY_USER", LifeCycle::ByType, "FAILED", false},
    {"BUDGET_POLICY_LIMIT_EXCEEDED", LifeCycle::ByType, "FAILED", false},
};

const TerminationRow *terminationRow(const QString &code)
{
    for (const TerminationRow &row : TerminationTable) {
        if (code == QLatin1String(row.code))
            return &row;
    }
    return nullptr;
}

// The state a `status` object describes, in the terms of `state`. Unknown states are kept as
// they are (RunState treats them as still running); an unknown code on a TERMINATED status is
// an ended run that did not succeed, with the code itself as its result.
RunState stateFromStatus(const QJsonObject &status)
{
    RunState s;
    const QString state = str(status, QLatin1String("state"));
    s.lifeCycleState =
        state == QLatin1String("WAITING") ? QStringLiteral("WAITING_FOR_RETRY") : state;
    const QJsonObject details = status.value(QLatin1String("termination_details")).toObject();
    s.stateMessage = str(details, QLatin1String("message"));
    if (s.stateMessage.isEmpty())
        s.stateMessage =
            str(status.value(QLatin1String("queue_details")).toObject(), QLatin1String("message"));
    const QString code = str(details, QLatin1String("code"));
    if (state != QLatin1String("TERMINATED") || code.isEmpty())
        return s;

    const bool internalType =
        str(details, QLatin1String("type")) == QLatin1String("INTERNAL_ERROR");
    const TerminationRow *row = terminationRow(code);
    const LifeCycle lifeCycle = row ? row->lifeCycle : LifeCycle::ByType;
    if (lifeCycle == LifeCycle::Skipped)
        s.lifeCycleState = QStringLiteral("SKIPPED");
    else if (lifeCycle == LifeCycle::InternalError ||
             (lifeCycle == LifeCycle::ByType && internalType))
        s.lifeCycleState = QStringLiteral("INTERNAL_ERROR");
    s.resultState = row ? QString::fromLatin1(row->result) : code;
    s.userCancelledOrTimedOut = row && row->userCancelledOrTimedOut;
    // The code stays visible where the result does not already say it.
    if (s.stateMessage.isEmpty() && code != QLatin1String("SUCCESS") && s.resultState != code)
        s.stateMessage = code;
    return s;
}

// The newer `status` object carries the same facts; use it only where `state` is silent.
void fillFromStatus(RunState &s, const QJsonObject &state, const QJsonObject &status)
{
    if (status.isEmpty())
        return;
    const RunState fromStatus = stateFromStatus(status);
    if (s.lifeCycleState.isEmpty())
        s.lifeCycleState = fromStatus.lifeCycleState;
    if (s.resultState.isEmpty() && RunState::isTerminalLifeCycle(s.lifeCycleState))
        s.resultState = fromStatus.resultState;
    if (s.stateMessage.isEmpty())
        s.stateMessage = fromStatus.stateMessage;
    if (!state.contains(QLatin1String("user_cancelled_or_timedout")))
        s.userCancelledOrTimedOut = fromStatus.userCancelledOrTimedOut;
}

RunState stateOf(const QJsonObject &o)
{
    const QJsonObject state = o.value(QLatin1String("state")).toObject();
    RunState s = runState(state);
    fillFromStatus(s, state, o.value(QLatin1String("status")).toObject());
    return s;
}

} // namespace

TaskRun taskRun(const QJsonObject &task)
{
    TaskRun t;
    t.runId = toInt64(task.value(QLatin1String("run_id")));
    t.taskKey = str(task, QLatin1String("task_key"));
    t.state = stateOf(task);
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
    r.state = stateOf(body);
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
    const QJsonArray iterations = body.value(QLatin1String("iterations")).toArray();
    for (const QJsonValue &t : iterations) {
        if (t.isObject())
            r.iterations.append(taskRun(t.toObject()));
    }
    return Result<RunInfo>::success(r);
}

void appendRunPage(QJsonObject *run, const QJsonObject &page)
{
    const QLatin1String iterations("iterations");
    const bool pagingIterations = !run->value(iterations).toArray().isEmpty();
    QList<QLatin1String> paged{QLatin1String("job_clusters"), QLatin1String("job_parameters"),
                               QLatin1String("repair_history")};
    paged.prepend(pagingIterations ? iterations : QLatin1String("tasks"));
    for (const QLatin1String key : std::as_const(paged)) {
        const QJsonArray more = page.value(key).toArray();
        if (more.isEmpty())
            continue;
        QJsonArray all = run->value(key).toArray();
        for (const QJsonValue &v : more)
            all.append(v);
        run->insert(key, all);
    }
    const QLatin1String token("next_page_token");
    if (page.contains(token))
        run->insert(token, page.value(token));
    else
        run->remove(token);
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
