// SPDX-License-Identifier: Apache-2.0
#include "SubmitRequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <cmath>

namespace Brickrun::Emulator {

namespace {

const QStringList kOtherTaskKinds = {
    QStringLiteral("spark_python_task"), QStringLiteral("spark_jar_task"),
    QStringLiteral("python_wheel_task"), QStringLiteral("spark_submit_task"),
    QStringLiteral("sql_task"),          QStringLiteral("dbt_task"),
    QStringLiteral("pipeline_task"),     QStringLiteral("run_job_task"),
    QStringLiteral("condition_task"),    QStringLiteral("for_each_task")};

// A deliberate copy of the client's (src/core/model/Preset.cpp): the emulator stands for the
// service and links nothing of the client (src/emulator/CMakeLists.txt), so what the two
// share is written twice on purpose.
QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

ApiError wrongType(const QString &field, const QString &expected, const QJsonValue &value)
{
    return ApiError::malformedRequest(
        QStringLiteral("Could not parse request object: Expected %1 for field '%2', got %3")
            .arg(expected, field, typeName(value)));
}

constexpr qint64 kMaxInt32 = 2147483647;

// An optional integer member in [min, max]; *out keeps its value when the member is absent.
// prefix: where the object is ("tasks[0]."), for the message of a wrong type.
ApiError readInteger(const QJsonObject &json, const QString &key, const QString &prefix, qint64 min,
                     qint64 max, qint64 *out)
{
    const QJsonValue value = json.value(key);
    if (value.isUndefined())
        return {};
    if (!value.isDouble() || value.toDouble() != std::floor(value.toDouble()))
        return wrongType(prefix + key, QStringLiteral("an integer"), value);
    if (value.toDouble() < static_cast<double>(min) || value.toDouble() > static_cast<double>(max))
        return ApiError::invalidParameter(
            QStringLiteral("%1 must be between %2 and %3.").arg(prefix + key).arg(min).arg(max));
    *out = static_cast<qint64>(value.toDouble());
    return {};
}

const QStringList kRunIfConditions = {
    QStringLiteral("ALL_SUCCESS"), QStringLiteral("ALL_DONE"),
    QStringLiteral("NONE_FAILED"), QStringLiteral("AT_LEAST_ONE_SUCCESS"),
    QStringLiteral("ALL_FAILED"),  QStringLiteral("AT_LEAST_ONE_FAILED")};

} // namespace

ApiError SubmitRequest::parse(const QByteArray &body, const WorkspaceDefinition &workspace,
                              int maxTasks, RunRecord *run)
{
    QJsonObject json;
    if (const ApiError error = readRequestObject(body, &json); error.isError())
        return error;

    const QJsonValue runName = json.value(QStringLiteral("run_name"));
    if (!runName.isUndefined() && !runName.isString())
        return wrongType(QStringLiteral("run_name"), QStringLiteral("a string"), runName);
    run->runName = runName.toString();
    if (run->runName.toUtf8().size() > 4096)
        return ApiError::invalidParameter(
            QStringLiteral("The run_name is %1 bytes long; it must be at most 4096 bytes.")
                .arg(run->runName.toUtf8().size()));

    const QJsonValue token = json.value(QStringLiteral("idempotency_token"));
    if (!token.isUndefined() && !token.isString())
        return wrongType(QStringLiteral("idempotency_token"), QStringLiteral("a string"), token);
    run->idempotencyToken = token.toString();
    if (run->idempotencyToken.size() > 64)
        return ApiError::invalidParameter(
            QStringLiteral("The idempotency_token is %1 characters long; it must be at most 64 "
                           "characters.")
                .arg(run->idempotencyToken.size()));

    const ApiError timeout = readInteger(json, QStringLiteral("timeout_seconds"), QString(), 0,
                                         kMaxInt32, &run->timeoutSeconds);
    if (timeout.isError())
        return timeout;

    const QJsonValue queue = json.value(QStringLiteral("queue"));
    if (!queue.isUndefined()) {
        if (!queue.isObject())
            return wrongType(QStringLiteral("queue"), QStringLiteral("an object"), queue);
        const QJsonValue enabled = queue.toObject().value(QStringLiteral("enabled"));
        if (!enabled.isBool())
            return wrongType(QStringLiteral("queue.enabled"), QStringLiteral("a boolean"), enabled);
        run->queueEnabled = enabled.toBool();
    }

    const QJsonValue tasks = json.value(QStringLiteral("tasks"));
    if (tasks.isUndefined() || (tasks.isArray() && tasks.toArray().isEmpty()))
        return ApiError::invalidParameter(
            QStringLiteral("At least one task must be specified in 'tasks'."));
    if (!tasks.isArray())
        return wrongType(QStringLiteral("tasks"), QStringLiteral("an array"), tasks);
    const QJsonArray taskArray = tasks.toArray();
    if (taskArray.size() > maxTasks)
        return ApiError::invalidParameter(
            QStringLiteral("A run can have at most %1 tasks; %2 were given.")
                .arg(maxTasks)
                .arg(taskArray.size()));
    QSet<QString> keys;
    for (int i = 0; i < taskArray.size(); ++i) {
        TaskRecord task;
        const ApiError error = parseTask(taskArray.at(i), i, workspace, &task);
        if (error.isError())
            return error;
        if (keys.contains(task.taskKey))
            return ApiError::invalidParameter(
                QStringLiteral("Task key '%1' is used by more than one task. Task keys must be "
                               "unique within a run.")
                    .arg(task.taskKey));
        keys.insert(task.taskKey);
        run->tasks.append(task);
    }
    return {};
}

ApiError SubmitRequest::parseTask(const QJsonValue &value, int index,
                                  const WorkspaceDefinition &workspace, TaskRecord *task)
{
    const QString field = QStringLiteral("tasks[%1]").arg(index);
    if (!value.isObject())
        return wrongType(field, QStringLiteral("an object"), value);
    const QJsonObject json = value.toObject();

    const QJsonValue key = json.value(QStringLiteral("task_key"));
    if (key.isUndefined() || (key.isString() && key.toString().isEmpty()))
        return ApiError::invalidParameter(
            QStringLiteral("Missing required field: task_key (in %1).").arg(field));
    if (!key.isString())
        return wrongType(field + QStringLiteral(".task_key"), QStringLiteral("a string"), key);
    task->taskKey = key.toString();
    if (task->taskKey.size() > 100)
        return ApiError::invalidParameter(
            QStringLiteral("Task key '%1' is too long: at most 100 characters.")
                .arg(task->taskKey.left(20) + QStringLiteral("...")));

    // Which kind of task is it? Only notebooks run in the demo workspace.
    QStringList kinds;
    for (const QString &kind : kOtherTaskKinds) {
        if (json.contains(kind))
            kinds.append(kind);
    }
    const bool hasNotebook = json.contains(QStringLiteral("notebook_task"));
    if (!hasNotebook && kinds.isEmpty())
        return ApiError::invalidParameter(
            QStringLiteral("Task %1 has no task type. Specify one of notebook_task, "
                           "spark_python_task, spark_jar_task, python_wheel_task, sql_task, "
                           "... (the demo workspace runs notebook_task only).")
                .arg(task->taskKey));
    if (hasNotebook && !kinds.isEmpty())
        return ApiError::invalidParameter(
            QStringLiteral("Task %1 specifies more than one task type: notebook_task and %2.")
                .arg(task->taskKey, kinds.join(QStringLiteral(", "))));
    if (!hasNotebook)
        return ApiError::invalidParameter(
            QStringLiteral("Task %1 uses %2, which the demo workspace does not run: only "
                           "notebook_task is supported.")
                .arg(task->taskKey, kinds.constFirst()));

    // Compute.
    const QJsonValue existing = json.value(QStringLiteral("existing_cluster_id"));
    const QJsonValue newCluster = json.value(QStringLiteral("new_cluster"));
    if (existing.isUndefined() && newCluster.isUndefined())
        return ApiError::invalidParameter(
            QStringLiteral("Task %1 has no compute: specify existing_cluster_id or new_cluster "
                           "(the demo workspace has no serverless compute).")
                .arg(task->taskKey));
    if (!existing.isUndefined() && !newCluster.isUndefined())
        return ApiError::invalidParameter(
            QStringLiteral("Task %1 specifies both existing_cluster_id and new_cluster; "
                           "specify only one.")
                .arg(task->taskKey));
    if (!existing.isUndefined()) {
        if (!existing.isString())
            return wrongType(field + QStringLiteral(".existing_cluster_id"),
                             QStringLiteral("a string"), existing);
        task->clusterId = existing.toString();
        const ClusterDefinition *cluster = workspace.cluster(task->clusterId);
        if (!cluster)
            return ApiError::invalidParameter(
                QStringLiteral("Cluster %1 does not exist").arg(task->clusterId));
        if (cluster->clusterSource == QLatin1String("JOB"))
            return ApiError::invalidParameter(
                QStringLiteral("Cluster %1 is a job cluster and cannot run other tasks. Use an "
                               "all-purpose cluster or new_cluster.")
                    .arg(task->clusterId));
    } else {
        if (!newCluster.isObject())
            return wrongType(field + QStringLiteral(".new_cluster"), QStringLiteral("an object"),
                             newCluster);
        const QJsonObject spec = newCluster.toObject();
        if (!spec.value(QStringLiteral("spark_version")).isString())
            return ApiError::invalidParameter(
                QStringLiteral("Missing required field: new_cluster.spark_version (in task "
                               "%1).")
                    .arg(task->taskKey));
        task->newCluster = true;
        task->newClusterSpec = spec;
    }

    const ApiError settings = parseTaskSettings(json, field + QLatin1Char('.'), task);
    if (settings.isError())
        return settings;

    const QJsonValue notebook = json.value(QStringLiteral("notebook_task"));
    if (!notebook.isObject())
        return wrongType(field + QStringLiteral(".notebook_task"), QStringLiteral("an object"),
                         notebook);
    return parseNotebookTask(notebook.toObject(), task->taskKey, workspace, task);
}

// Retries, the attempt timeout, description and run_if of a task.
ApiError SubmitRequest::parseTaskSettings(const QJsonObject &json, const QString &prefix,
                                          TaskRecord *task)
{
    qint64 maxRetries = 0;
    for (const ApiError &e :
         {readInteger(json, QStringLiteral("max_retries"), prefix, -1, kMaxInt32, &maxRetries),
          readInteger(json, QStringLiteral("min_retry_interval_millis"), prefix, 0, kMaxInt32,
                      &task->minRetryIntervalMs),
          readInteger(json, QStringLiteral("timeout_seconds"), prefix, 0, kMaxInt32,
                      &task->timeoutSeconds)}) {
        if (e.isError())
            return e;
    }
    task->maxRetries = static_cast<int>(maxRetries);
    const QJsonValue retryOnTimeout = json.value(QStringLiteral("retry_on_timeout"));
    if (!retryOnTimeout.isUndefined() && !retryOnTimeout.isBool())
        return wrongType(prefix + QStringLiteral("retry_on_timeout"), QStringLiteral("a boolean"),
                         retryOnTimeout);
    task->retryOnTimeout = retryOnTimeout.toBool();
    const QJsonValue description = json.value(QStringLiteral("description"));
    if (!description.isUndefined() && !description.isString())
        return wrongType(prefix + QStringLiteral("description"), QStringLiteral("a string"),
                         description);
    task->description = description.toString();
    if (task->description.size() > 1000)
        return ApiError::invalidParameter(
            QStringLiteral("The description of task %1 is %2 characters long; it must be at "
                           "most 1000 characters.")
                .arg(task->taskKey)
                .arg(task->description.size()));
    const QJsonValue runIf = json.value(QStringLiteral("run_if"));
    if (!runIf.isUndefined() && !kRunIfConditions.contains(runIf.toString()))
        return ApiError::invalidParameter(
            QStringLiteral("Invalid run_if in task %1: expected one of %2.")
                .arg(task->taskKey, kRunIfConditions.join(QStringLiteral(", "))));
    task->runIf = runIf.toString();
    return {};
}

ApiError SubmitRequest::parseNotebookTask(const QJsonObject &json, const QString &taskKey,
                                          const WorkspaceDefinition &workspace, TaskRecord *task)
{
    const QJsonValue path = json.value(QStringLiteral("notebook_path"));
    if (path.isUndefined() || (path.isString() && path.toString().isEmpty()))
        return ApiError::invalidParameter(
            QStringLiteral("Missing required field: notebook_task.notebook_path (in task %1).")
                .arg(taskKey));
    if (!path.isString())
        return wrongType(QStringLiteral("notebook_task.notebook_path"), QStringLiteral("a string"),
                         path);
    task->notebookPath = path.toString();

    const QJsonValue source = json.value(QStringLiteral("source"));
    if (!source.isUndefined()) {
        if (!source.isString() || (source.toString() != QLatin1String("WORKSPACE") &&
                                   source.toString() != QLatin1String("GIT")))
            return ApiError::invalidParameter(
                QStringLiteral("Invalid notebook_task.source in task %1: expected WORKSPACE or "
                               "GIT.")
                    .arg(taskKey));
        task->source = source.toString();
    }
    if (task->source == QLatin1String("GIT"))
        return ApiError::invalidParameter(
            QStringLiteral("Task %1 uses source GIT, but the run has no git_source (the demo "
                           "workspace runs workspace notebooks only).")
                .arg(taskKey));
    if (!task->notebookPath.startsWith(QLatin1Char('/')))
        return ApiError::invalidParameter(
            QStringLiteral("Invalid notebook_path '%1' in task %2: a workspace notebook path "
                           "must be absolute (start with '/').")
                .arg(task->notebookPath, taskKey));
    const WorkspaceObject *object = workspace.object(task->notebookPath);
    if (!object)
        return ApiError::invalidParameter(
            QStringLiteral("Notebook not found: %1 (task %2).").arg(task->notebookPath, taskKey));
    if (object->objectType != QLatin1String("NOTEBOOK"))
        return ApiError::invalidParameter(
            QStringLiteral("%1 is not a notebook (it is a %2); task %3 needs a notebook.")
                .arg(task->notebookPath, object->objectType.toLower(), taskKey));
    task->behaviour = object->behaviour;

    const QJsonValue params = json.value(QStringLiteral("base_parameters"));
    if (!params.isUndefined()) {
        if (!params.isObject())
            return ApiError::invalidParameter(
                QStringLiteral("Invalid base_parameters in task %1: expected a map from "
                               "parameter names to string values, got %2.")
                    .arg(taskKey, typeName(params)));
        const QJsonObject map = params.toObject();
        for (auto it = map.begin(); it != map.end(); ++it) {
            if (!it.value().isString())
                return ApiError::invalidParameter(
                    QStringLiteral("Invalid base_parameters in task %1: the value of '%2' is %3; "
                                   "parameter values must be strings.")
                        .arg(taskKey, it.key(), typeName(it.value())));
        }
        if (QJsonDocument(map).toJson(QJsonDocument::Compact).size() > 1024 * 1024)
            return ApiError::invalidParameter(
                QStringLiteral("The base_parameters of task %1 are larger than 1 MB.")
                    .arg(taskKey));
        task->baseParameters = map;
    }
    return {};
}

} // namespace Brickrun::Emulator
