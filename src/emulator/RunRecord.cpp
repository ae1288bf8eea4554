// SPDX-License-Identifier: Apache-2.0
#include "RunRecord.h"

#include <QJsonArray>

namespace Brickrun::Emulator {

namespace {

qint64 toInt64(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().toLongLong();
    return static_cast<qint64>(value.toDouble());
}

// Large ids are stored as strings so no JSON reader rounds them.
QJsonValue fromInt64(qint64 value)
{
    return QString::number(value);
}

} // namespace

qint64 TaskRecord::attemptRunId(int attempt) const
{
    if (attempt == 0)
        return runId;
    return attempt > 0 && attempt <= retryRunIds.size() ? retryRunIds.at(attempt - 1) : 0;
}

int TaskRecord::attemptOf(qint64 id) const
{
    if (id == runId)
        return 0;
    const qsizetype index = retryRunIds.indexOf(id);
    return index < 0 ? -1 : static_cast<int>(index) + 1;
}

QJsonObject TaskRecord::toJson() const
{
    QJsonArray retries;
    for (qint64 id : retryRunIds)
        retries.append(fromInt64(id));
    QJsonObject json{{QStringLiteral("run_id"), fromInt64(runId)},
                     {QStringLiteral("retry_run_ids"), retries},
                     {QStringLiteral("task_key"), taskKey},
                     {QStringLiteral("description"), description},
                     {QStringLiteral("run_if"), runIf},
                     {QStringLiteral("notebook_path"), notebookPath},
                     {QStringLiteral("source"), source},
                     {QStringLiteral("base_parameters"), baseParameters},
                     {QStringLiteral("cluster_id"), clusterId},
                     {QStringLiteral("new_cluster"), newCluster},
                     {QStringLiteral("new_cluster_spec"), newClusterSpec},
                     {QStringLiteral("cluster_ready_ms"), fromInt64(clusterReadyMs)},
                     {QStringLiteral("behaviour"), behaviour.toJson()},
                     {QStringLiteral("max_retries"), maxRetries},
                     {QStringLiteral("min_retry_interval_ms"), fromInt64(minRetryIntervalMs)},
                     {QStringLiteral("retry_on_timeout"), retryOnTimeout},
                     {QStringLiteral("timeout_seconds"), fromInt64(timeoutSeconds)},
                     {QStringLiteral("kind"), kind},
                     {QStringLiteral("serverless"), serverless}};
    if (!pythonFile.isEmpty())
        json.insert(QStringLiteral("python_file"), pythonFile);
    if (!parameters.isEmpty())
        json.insert(QStringLiteral("parameters"), QJsonArray::fromStringList(parameters));
    if (!environmentKey.isEmpty())
        json.insert(QStringLiteral("environment_key"), environmentKey);
    return json;
}

TaskRecord TaskRecord::fromJson(const QJsonObject &json)
{
    TaskRecord t;
    t.runId = toInt64(json.value(QStringLiteral("run_id")));
    for (const QJsonValue &id : json.value(QStringLiteral("retry_run_ids")).toArray())
        t.retryRunIds.append(toInt64(id));
    t.taskKey = json.value(QStringLiteral("task_key")).toString();
    t.description = json.value(QStringLiteral("description")).toString();
    t.runIf = json.value(QStringLiteral("run_if")).toString();
    t.notebookPath = json.value(QStringLiteral("notebook_path")).toString();
    t.source = json.value(QStringLiteral("source")).toString();
    t.baseParameters = json.value(QStringLiteral("base_parameters")).toObject();
    t.clusterId = json.value(QStringLiteral("cluster_id")).toString();
    t.newCluster = json.value(QStringLiteral("new_cluster")).toBool();
    t.newClusterSpec = json.value(QStringLiteral("new_cluster_spec")).toObject();
    t.clusterReadyMs = toInt64(json.value(QStringLiteral("cluster_ready_ms")));
    t.behaviour = NotebookBehaviour::fromJson(json.value(QStringLiteral("behaviour")).toObject(),
                                              NotebookBehaviour());
    t.maxRetries = json.value(QStringLiteral("max_retries")).toInt();
    t.minRetryIntervalMs = toInt64(json.value(QStringLiteral("min_retry_interval_ms")));
    t.retryOnTimeout = json.value(QStringLiteral("retry_on_timeout")).toBool();
    t.timeoutSeconds = toInt64(json.value(QStringLiteral("timeout_seconds")));
    // State files written before spark_python_task and serverless have notebook tasks only.
    t.kind = json.value(QStringLiteral("kind")).toString(QStringLiteral("notebook_task"));
    t.serverless = json.value(QStringLiteral("serverless")).toBool();
    t.pythonFile = json.value(QStringLiteral("python_file")).toString();
    for (const QJsonValue &p : json.value(QStringLiteral("parameters")).toArray())
        t.parameters.append(p.toString());
    t.environmentKey = json.value(QStringLiteral("environment_key")).toString();
    return t;
}

QJsonObject RunRecord::toJson() const
{
    QJsonArray taskArray;
    for (const TaskRecord &t : tasks)
        taskArray.append(t.toJson());
    QJsonObject json{{QStringLiteral("run_id"), fromInt64(runId)},
                     {QStringLiteral("job_id"), fromInt64(jobId)},
                     {QStringLiteral("run_type"), runType},
                     {QStringLiteral("run_name"), runName},
                     {QStringLiteral("idempotency_token"), idempotencyToken},
                     {QStringLiteral("creator_user_name"), creatorUserName},
                     {QStringLiteral("submit_ms"), fromInt64(submitMs)},
                     {QStringLiteral("queue_enabled"), queueEnabled},
                     {QStringLiteral("timeout_seconds"), fromInt64(timeoutSeconds)},
                     {QStringLiteral("cancel_ms"), fromInt64(cancelMs)},
                     {QStringLiteral("tasks"), taskArray}};
    if (!environments.isEmpty())
        json.insert(QStringLiteral("environments"), environments);
    if (!gitSource.isEmpty())
        json.insert(QStringLiteral("git_source"), gitSource);
    if (!gitCommit.isEmpty())
        json.insert(QStringLiteral("git_commit"), gitCommit);
    return json;
}

RunRecord RunRecord::fromJson(const QJsonObject &json)
{
    RunRecord r;
    r.runId = toInt64(json.value(QStringLiteral("run_id")));
    r.jobId = toInt64(json.value(QStringLiteral("job_id")));
    r.runType = json.value(QStringLiteral("run_type")).toString(QStringLiteral("SUBMIT_RUN"));
    r.runName = json.value(QStringLiteral("run_name")).toString();
    r.idempotencyToken = json.value(QStringLiteral("idempotency_token")).toString();
    r.creatorUserName = json.value(QStringLiteral("creator_user_name")).toString();
    r.submitMs = toInt64(json.value(QStringLiteral("submit_ms")));
    r.queueEnabled = json.value(QStringLiteral("queue_enabled")).toBool();
    r.timeoutSeconds = toInt64(json.value(QStringLiteral("timeout_seconds")));
    r.cancelMs = toInt64(json.value(QStringLiteral("cancel_ms")));
    r.environments = json.value(QStringLiteral("environments")).toArray();
    r.gitSource = json.value(QStringLiteral("git_source")).toObject();
    r.gitCommit = json.value(QStringLiteral("git_commit")).toString();
    const QJsonArray taskArray = json.value(QStringLiteral("tasks")).toArray();
    for (const QJsonValue &t : taskArray)
        r.tasks.append(TaskRecord::fromJson(t.toObject()));
    return r;
}

} // namespace Brickrun::Emulator
