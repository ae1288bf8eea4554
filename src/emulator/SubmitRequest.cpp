// SPDX-License-Identifier: Apache-2.0
#include "SubmitRequest.h"

#include "ComputeRequest.h"
#include "RequestFields.h"
#include "TaskSourceRequest.h"

#include <QJsonArray>
#include <QSet>

namespace Brickrun::Emulator {

using RequestFields::kMaxInt32;
using RequestFields::readInteger;
using RequestFields::wrongType;

namespace {

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
    if (const ApiError error = parseRunSettings(json, run); error.isError())
        return error;
    QStringList environmentKeys;
    GitReference git;
    for (const ApiError &e :
         {ComputeRequest::parseEnvironments(json.value(QStringLiteral("environments")),
                                            &run->environments, &environmentKeys),
          TaskSourceRequest::parseGitSource(json.value(QStringLiteral("git_source")),
                                            &run->gitSource, &git)}) {
        if (e.isError())
            return e;
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
        const ApiError error = parseTask(taskArray.at(i), i, !run->gitSource.isEmpty(),
                                         environmentKeys, workspace, &task);
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
    if (!run->gitSource.isEmpty())
        TaskSourceRequest::checkOut(git, workspace, run);
    return {};
}

// run_name, idempotency_token, timeout_seconds and queue.
ApiError SubmitRequest::parseRunSettings(const QJsonObject &json, RunRecord *run)
{
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
    return {};
}

ApiError SubmitRequest::parseTask(const QJsonValue &value, int index, bool hasGitSource,
                                  const QStringList &environmentKeys,
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

    // Kind first: whether a serverless task needs an environment depends on it.
    ApiError error = TaskSourceRequest::parseKind(json, task);
    if (!error.isError())
        error = ComputeRequest::parse(json, field, environmentKeys, workspace, task);
    if (!error.isError())
        error = parseTaskSettings(json, field + QLatin1Char('.'), task);
    if (!error.isError())
        error = TaskSourceRequest::parse(json, field, hasGitSource, workspace, task);
    return error;
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

} // namespace Brickrun::Emulator
