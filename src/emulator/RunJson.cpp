// SPDX-License-Identifier: Apache-2.0
#include "RunJson.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <limits>
#include <optional>

namespace Brickrun::Emulator {

namespace {

QJsonValue int64(qint64 value)
{
    return QJsonValue(static_cast<double>(value));
}

// The CreateClusterRequest schema of the published API description, as far as a cluster spec
// echoed in cluster_spec.new_cluster needs it. A type name ("string", "int32", "number",
// "boolean", "map" = object of strings), "enum:A|B", an object of member schemas ("$required":
// the members without which the object is dropped) or a one-element array of the item schema.
const char kCreateClusterRequestSchema[] = R"({
    "cluster_name": "string",
    "spark_version": "string",
    "node_type_id": "string",
    "driver_node_type_id": "string",
    "num_workers": "int32",
    "autoscale": {"min_workers": "int32", "max_workers": "int32",
                  "$required": ["min_workers", "max_workers"]},
    "spark_conf": "map",
    "azure_attributes": {"first_on_demand": "int32",
                         "availability": "enum:SPOT_AZURE|ON_DEMAND_AZURE|SPOT_WITH_FALLBACK_AZURE",
                         "spot_bid_max_price": "number"},
    "ssh_public_keys": ["string"],
    "custom_tags": "map",
    "cluster_log_conf": {"dbfs": {"destination": "string"},
                         "s3": {"destination": "string", "region": "string", "endpoint": "string"}},
    "init_scripts": [{"workspace": {"destination": "string"},
                      "volumes": {"destination": "string"},
                      "dbfs": {"destination": "string"},
                      "abfss": {"destination": "string"}}],
    "spark_env_vars": "map",
    "enable_elastic_disk": "boolean",
    "instance_pool_id": "string",
    "policy_id": "string",
    "enable_local_disk_encryption": "boolean",
    "runtime_engine": "enum:STANDARD|PHOTON",
    "data_security_mode": "enum:NONE|SINGLE_USER|USER_ISOLATION|LEGACY_TABLE_ACL|)"
                                           R"(LEGACY_PASSTHROUGH|LEGACY_SINGLE_USER|)"
                                           R"(LEGACY_SINGLE_USER_STANDARD",
    "single_user_name": "string"
})";

// value as the schema allows it: undeclared members and items of the wrong type left out;
// nullopt when the value itself does not fit.
std::optional<QJsonValue> declared(const QJsonValue &value, const QJsonValue &schema)
{
    if (schema.isArray()) {
        if (!value.isArray())
            return std::nullopt;
        QJsonArray items;
        for (const QJsonValue &item : value.toArray()) {
            if (const auto kept = declared(item, schema.toArray().at(0)))
                items.append(*kept);
        }
        return items;
    }
    if (schema.isObject()) {
        if (!value.isObject())
            return std::nullopt;
        const QJsonObject members = schema.toObject();
        const QJsonObject object = value.toObject();
        QJsonObject kept;
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key().startsWith(QLatin1Char('$')) || !members.contains(it.key()))
                continue;
            if (const auto member = declared(it.value(), members.value(it.key())))
                kept.insert(it.key(), *member);
        }
        for (const QJsonValue &name : members.value(QStringLiteral("$required")).toArray()) {
            if (!kept.contains(name.toString()))
                return std::nullopt;
        }
        return kept;
    }
    const QString type = schema.toString();
    if (type == QLatin1String("string"))
        return value.isString() ? std::optional<QJsonValue>(value) : std::nullopt;
    if (type == QLatin1String("boolean"))
        return value.isBool() ? std::optional<QJsonValue>(value) : std::nullopt;
    if (type == QLatin1String("number"))
        return value.isDouble() ? std::optional<QJsonValue>(value) : std::nullopt;
    if (type == QLatin1String("int32")) {
        const double d = value.toDouble(0.5);
        const bool fits = value.isDouble() && std::trunc(d) == d &&
                          d >= std::numeric_limits<qint32>::min() &&
                          d <= std::numeric_limits<qint32>::max();
        return fits ? std::optional<QJsonValue>(value) : std::nullopt;
    }
    if (type == QLatin1String("map")) {
        if (!value.isObject())
            return std::nullopt;
        QJsonObject strings;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.value().isString())
                strings.insert(it.key(), it.value());
        }
        return strings;
    }
    if (type.startsWith(QLatin1String("enum:"))) {
        const QStringList allowed = type.mid(5).split(QLatin1Char('|'));
        return value.isString() && allowed.contains(value.toString())
                   ? std::optional<QJsonValue>(value)
                   : std::nullopt;
    }
    return std::nullopt;
}

QString runName(const RunRecord &run)
{
    return run.runName.isEmpty() ? QStringLiteral("Untitled") : run.runName;
}

} // namespace

QString RunJson::pageUrl(const Context &context, qint64 jobId, qint64 runId)
{
    return QStringLiteral("%1/?o=%2#job/%3/run/%4")
        .arg(context.baseUrl)
        .arg(context.workspaceId)
        .arg(jobId)
        .arg(runId);
}

QJsonObject RunJson::declaredClusterSpec(const QJsonObject &spec)
{
    static const QJsonObject schema =
        QJsonDocument::fromJson(QByteArray(kCreateClusterRequestSchema)).object();
    return declared(spec, schema).value_or(QJsonObject()).toObject();
}

QJsonObject RunJson::state(const TaskStatus &status)
{
    QJsonObject json{
        {QStringLiteral("life_cycle_state"), status.lifeCycleState},
        {QStringLiteral("state_message"), status.stateMessage},
        {QStringLiteral("user_cancelled_or_timedout"), status.userCancelledOrTimedout}};
    if (status.terminal && !status.resultState.isEmpty())
        json.insert(QStringLiteral("result_state"), status.resultState);
    return json;
}

QJsonObject RunJson::status(const TaskStatus &status)
{
    QString state = status.lifeCycleState;
    if (status.terminal)
        state = QStringLiteral("TERMINATED");
    else if (state == QLatin1String("WAITING_FOR_RETRY"))
        state = QStringLiteral("WAITING");
    QJsonObject json{{QStringLiteral("state"), state}};
    if (status.terminal)
        json.insert(QStringLiteral("termination_details"),
                    QJsonObject{{QStringLiteral("code"), status.terminationCode},
                                {QStringLiteral("type"), status.terminationType},
                                {QStringLiteral("message"), status.stateMessage}});
    if (status.lifeCycleState == QLatin1String("QUEUED"))
        json.insert(
            QStringLiteral("queue_details"),
            QJsonObject{{QStringLiteral("code"), QStringLiteral("ACTIVE_RUNS_LIMIT_REACHED")},
                        {QStringLiteral("message"), status.stateMessage}});
    return json;
}

bool RunJson::statusOnly(const RunRecord &run, const Context &context)
{
    if (!context.shapes.live())
        return false;
    bool any = context.shapes.statusOnly;
    for (const TaskRecord &t : run.tasks)
        any |= t.behaviour.statusOnly;
    return any;
}

void RunJson::addStates(QJsonObject *json, const TaskStatus &status, const Context &context,
                        bool statusOnly)
{
    if (!statusOnly)
        json->insert(QStringLiteral("state"), state(status));
    if (context.shapes.live())
        json->insert(QStringLiteral("status"), RunJson::status(status));
}

// start_time is the submit (for a retry: the end of the attempt before); QUEUED and
// WAITING_FOR_RETRY time are in none of the three durations.
void RunJson::addTimes(QJsonObject *json, const TaskStatus &status)
{
    json->insert(QStringLiteral("start_time"), int64(status.startMs));
    json->insert(QStringLiteral("setup_duration"), int64(status.setupDurationMs));
    json->insert(QStringLiteral("execution_duration"), int64(status.executionDurationMs));
    json->insert(QStringLiteral("cleanup_duration"), int64(status.cleanupDurationMs));
    json->insert(QStringLiteral("end_time"), int64(status.terminal ? status.endMs : 0));
}

// Live: a task run's run_duration is its three durations, its queue time apart.
void RunJson::addLiveTaskTimes(QJsonObject *json, const TaskStatus &status)
{
    json->insert(
        QStringLiteral("run_duration"),
        int64(status.setupDurationMs + status.executionDurationMs + status.cleanupDurationMs));
    json->insert(QStringLiteral("queue_duration"), int64(status.queueDurationMs));
}

TaskStatus RunJson::runStatus(const RunRecord &run, qint64 nowMs)
{
    QList<TaskStatus> statuses;
    for (const TaskRecord &t : run.tasks)
        statuses.append(TaskTimeline::whole(run, t, nowMs));
    TaskStatus status = TaskTimeline::combine(statuses);
    status.startMs = run.submitMs;
    return status;
}

QJsonObject RunJson::clusterSpec(const TaskRecord &task, const Context &context)
{
    if (task.newCluster)
        return {{QStringLiteral("new_cluster"), context.shapes.live()
                                                    ? task.newClusterSpec
                                                    : declaredClusterSpec(task.newClusterSpec)}};
    return {{QStringLiteral("existing_cluster_id"), task.clusterId}};
}

// notebook_task or spark_python_task as the run shows it: as submitted, source filled in.
QJsonObject RunJson::taskCode(const TaskRecord &task)
{
    const QString source = task.source.isEmpty() ? QStringLiteral("WORKSPACE") : task.source;
    if (task.kind == QLatin1String("spark_python_task")) {
        QJsonObject python{{QStringLiteral("python_file"), task.pythonFile},
                           {QStringLiteral("source"), source}};
        if (!task.parameters.isEmpty())
            python.insert(QStringLiteral("parameters"),
                          QJsonArray::fromStringList(task.parameters));
        return python;
    }
    QJsonObject notebook{{QStringLiteral("notebook_path"), task.notebookPath},
                         {QStringLiteral("source"), source}};
    if (!task.baseParameters.isEmpty())
        notebook.insert(QStringLiteral("base_parameters"), task.baseParameters);
    return notebook;
}

// The run's git_source as submitted, with the commit it checked out (live only).
QJsonObject RunJson::gitSource(const RunRecord &run)
{
    QJsonObject json = run.gitSource;
    if (!run.gitCommit.isEmpty())
        json.insert(QStringLiteral("git_snapshot"),
                    QJsonObject{{QStringLiteral("used_commit"), run.gitCommit}});
    return json;
}

QJsonObject RunJson::clusterInstance(const TaskRecord &task, qint64 nowMs)
{
    QJsonObject instance{{QStringLiteral("cluster_id"), task.clusterId}};
    if (nowMs >= task.clusterReadyMs)
        instance.insert(QStringLiteral("spark_context_id"),
                        QString::number(task.clusterReadyMs * 7919 % 9000000000000000000LL));
    return instance;
}

// Members of every run the live service sends and no client needs: one it documents, one
// nothing documents (standing for members added later; clients must ignore both).
void RunJson::addFutureMembers(QJsonObject *json)
{
    json->insert(QStringLiteral("effective_performance_target"),
                 QStringLiteral("PERFORMANCE_OPTIMIZED"));
    json->insert(QStringLiteral("future_details"),
                 QJsonObject{{QStringLiteral("kind"), QStringLiteral("DEMO")},
                             {QStringLiteral("items"),
                              QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("a")},
                                                     {QStringLiteral("value"), 1}}}}});
}

QJsonObject RunJson::run(const RunRecord &run, const Context &context, bool withTasks)
{
    const TaskStatus status = runStatus(run, context.nowMs);
    const bool onlyStatus = statusOnly(run, context);
    QJsonObject json{{QStringLiteral("run_id"), int64(run.runId)},
                     {QStringLiteral("job_id"), int64(run.jobId)},
                     {QStringLiteral("run_name"), runName(run)},
                     {QStringLiteral("creator_user_name"), run.creatorUserName},
                     {QStringLiteral("number_in_job"), int64(run.runId)},
                     {QStringLiteral("trigger"), QStringLiteral("ONE_TIME")},
                     {QStringLiteral("run_type"), run.runType},
                     {QStringLiteral("format"), QStringLiteral("MULTI_TASK")},
                     {QStringLiteral("attempt_number"), 0},
                     {QStringLiteral("run_page_url"), pageUrl(context, run.jobId, run.runId)}};
    addStates(&json, status, context, onlyStatus);
    addTimes(&json, status);
    if (context.shapes.live()) {
        // A multi-task run: the three durations are 0, run_duration is the whole run.
        for (const char *member : {"setup_duration", "execution_duration", "cleanup_duration"})
            json.insert(QLatin1String(member), 0);
        json.insert(QStringLiteral("run_duration"),
                    int64((status.terminal ? status.endMs : context.nowMs) - run.submitMs));
        json.insert(QStringLiteral("queue_duration"), int64(status.queueDurationMs));
        json.insert(QStringLiteral("original_attempt_run_id"), int64(run.runId));
        addFutureMembers(&json);
    }
    // The published schema has no per-task cluster: the run's cluster is stated when all its
    // tasks share one (always so for a single task); tasks on different clusters leave it out.
    // Serverless tasks have no cluster at all.
    bool oneCluster = !run.tasks.isEmpty() && !run.tasks.constFirst().serverless;
    for (const TaskRecord &t : run.tasks) {
        oneCluster &= t.clusterId == run.tasks.constFirst().clusterId &&
                      t.newCluster == run.tasks.constFirst().newCluster;
    }
    if (oneCluster) {
        json.insert(QStringLiteral("cluster_spec"), clusterSpec(run.tasks.constFirst(), context));
        json.insert(QStringLiteral("cluster_instance"),
                    clusterInstance(run.tasks.constFirst(), context.nowMs));
    }
    if (context.shapes.live() && !run.gitSource.isEmpty())
        json.insert(QStringLiteral("git_source"), gitSource(run));
    if (withTasks) {
        QJsonArray tasks;
        for (const TaskRecord &t : run.tasks) {
            for (const TaskStatus &attempt : TaskTimeline::attempts(run, t, context.nowMs))
                tasks.append(taskEntry(run, t, attempt, context, onlyStatus));
        }
        json.insert(QStringLiteral("tasks"), tasks);
    }
    return json;
}

QJsonObject RunJson::taskEntry(const RunRecord &run, const TaskRecord &task,
                               const TaskStatus &status, const Context &context, bool onlyStatus)
{
    const qint64 runId = task.attemptRunId(status.attempt);
    QJsonObject json{{QStringLiteral("run_id"), int64(runId)},
                     {QStringLiteral("task_key"), task.taskKey},
                     {QStringLiteral("attempt_number"), status.attempt}};
    addStates(&json, status, context, onlyStatus);
    addTimes(&json, status);
    if (!context.shapes.live())
        return json;
    addLiveTaskTimes(&json, status);
    json.insert(QStringLiteral("original_attempt_run_id"), int64(task.runId));
    json.insert(QStringLiteral("run_page_url"), pageUrl(context, run.jobId, runId));
    if (task.serverless) {
        if (!task.environmentKey.isEmpty())
            json.insert(QStringLiteral("environment_key"), task.environmentKey);
    } else {
        json.insert(QStringLiteral("cluster_instance"), clusterInstance(task, context.nowMs));
        const QJsonObject cluster = clusterSpec(task, context);
        for (auto it = cluster.begin(); it != cluster.end(); ++it)
            json.insert(it.key(), it.value());
    }
    json.insert(task.kind, taskCode(task));
    json.insert(QStringLiteral("run_if"),
                task.runIf.isEmpty() ? QStringLiteral("ALL_SUCCESS") : task.runIf);
    if (!task.description.isEmpty())
        json.insert(QStringLiteral("description"), task.description);
    if (task.timeoutSeconds > 0)
        json.insert(QStringLiteral("timeout_seconds"), int64(task.timeoutSeconds));
    return json;
}

QJsonObject RunJson::taskRun(const RunRecord &run, const TaskRecord &task, int attempt,
                             const Context &context)
{
    const QList<TaskStatus> attempts = TaskTimeline::attempts(run, task, context.nowMs);
    const TaskStatus status = attempts.value(attempt, attempts.constLast());
    const qint64 runId = task.attemptRunId(status.attempt);
    QJsonObject json{{QStringLiteral("run_id"), int64(runId)},
                     {QStringLiteral("job_id"), int64(run.jobId)},
                     {QStringLiteral("run_name"), runName(run)},
                     {QStringLiteral("creator_user_name"), run.creatorUserName},
                     {QStringLiteral("number_in_job"), int64(runId)},
                     {QStringLiteral("trigger"), QStringLiteral("ONE_TIME")},
                     {QStringLiteral("run_type"), run.runType},
                     {QStringLiteral("format"), QStringLiteral("SINGLE_TASK")},
                     {QStringLiteral("attempt_number"), status.attempt},
                     {QStringLiteral("run_page_url"), pageUrl(context, run.jobId, runId)}};
    if (!task.serverless) {
        json.insert(QStringLiteral("cluster_spec"), clusterSpec(task, context));
        json.insert(QStringLiteral("cluster_instance"), clusterInstance(task, context.nowMs));
    }
    addStates(&json, status, context, statusOnly(run, context));
    addTimes(&json, status);
    if (context.shapes.live()) {
        addLiveTaskTimes(&json, status);
        json.insert(QStringLiteral("original_attempt_run_id"), int64(task.runId));
        json.insert(QStringLiteral("job_run_id"), int64(run.runId));
        json.insert(QStringLiteral("task_key"), task.taskKey);
        addFutureMembers(&json);
    }
    return json;
}

QJsonArray RunJson::repairHistory(const RunRecord &run, const Context &context)
{
    const TaskStatus status = runStatus(run, context.nowMs);
    QJsonArray taskRunIds;
    for (const TaskRecord &t : run.tasks) {
        for (const TaskStatus &attempt : TaskTimeline::attempts(run, t, context.nowMs))
            taskRunIds.append(int64(t.attemptRunId(attempt.attempt)));
    }
    QJsonObject original{{QStringLiteral("type"), QStringLiteral("ORIGINAL")},
                         {QStringLiteral("start_time"), int64(run.submitMs)},
                         {QStringLiteral("end_time"), int64(status.terminal ? status.endMs : 0)},
                         {QStringLiteral("task_run_ids"), taskRunIds}};
    addStates(&original, status, context, statusOnly(run, context));
    return QJsonArray{original};
}

} // namespace Brickrun::Emulator
