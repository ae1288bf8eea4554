#include "RunJson.h"

#include <QJsonArray>

namespace Brickrun::Emulator {

namespace {

QJsonValue int64(qint64 value)
{
    return QJsonValue(static_cast<double>(value));
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
    QJsonObject json{{QStringLiteral("state"), status.statusState()}};
    if (status.terminal) {
        json.insert(QStringLiteral("termination_details"),
                    QJsonObject{{QStringLiteral("code"), status.terminationCode},
                                {QStringLiteral("type"), status.terminationType},
                                {QStringLiteral("message"), status.stateMessage}});
    } else if (status.lifeCycleState == QLatin1String("QUEUED")) {
        json.insert(
            QStringLiteral("queue_details"),
            QJsonObject{{QStringLiteral("code"), QStringLiteral("ACTIVE_RUNS_LIMIT_REACHED")},
                        {QStringLiteral("message"), status.stateMessage}});
    }
    return json;
}

void RunJson::addTimes(QJsonObject *json, qint64 startMs, const TaskStatus &status)
{
    json->insert(QStringLiteral("start_time"), int64(startMs));
    json->insert(QStringLiteral("setup_duration"), int64(status.setupDurationMs));
    json->insert(QStringLiteral("execution_duration"), int64(status.executionDurationMs));
    json->insert(QStringLiteral("cleanup_duration"), int64(status.cleanupDurationMs));
    json->insert(QStringLiteral("end_time"), int64(status.terminal ? status.endMs : 0));
    json->insert(QStringLiteral("run_duration"),
                 int64(status.terminal ? status.endMs - startMs : 0));
    json->insert(QStringLiteral("queue_duration"), int64(status.queueDurationMs));
}

TaskStatus RunJson::runStatus(const RunRecord &run, qint64 nowMs)
{
    QList<TaskStatus> statuses;
    for (const TaskRecord &t : run.tasks)
        statuses.append(TaskTimeline::at(run, t, nowMs));
    return TaskTimeline::combine(statuses);
}

QJsonObject RunJson::run(const RunRecord &run, const Context &context, bool withTasks)
{
    const TaskStatus status = runStatus(run, context.nowMs);
    QJsonObject json{{QStringLiteral("run_id"), int64(run.runId)},
                     {QStringLiteral("job_id"), int64(run.jobId)},
                     {QStringLiteral("run_name"),
                      run.runName.isEmpty() ? QStringLiteral("Untitled") : run.runName},
                     {QStringLiteral("creator_user_name"), run.creatorUserName},
                     {QStringLiteral("number_in_job"), int64(run.runId)},
                     {QStringLiteral("original_attempt_run_id"), int64(run.runId)},
                     {QStringLiteral("state"), state(status)},
                     {QStringLiteral("status"), RunJson::status(status)},
                     {QStringLiteral("trigger"), QStringLiteral("ONE_TIME")},
                     {QStringLiteral("run_type"), QStringLiteral("SUBMIT_RUN")},
                     {QStringLiteral("format"), QStringLiteral("MULTI_TASK")},
                     {QStringLiteral("attempt_number"), 0},
                     {QStringLiteral("run_page_url"), pageUrl(context, run.jobId, run.runId)}};
    addTimes(&json, run.submitMs, status);
    if (run.timeoutSeconds > 0)
        json.insert(QStringLiteral("timeout_seconds"), int64(run.timeoutSeconds));
    if (withTasks) {
        QJsonArray tasks;
        for (const TaskRecord &t : run.tasks)
            tasks.append(task(run, t, context, false));
        json.insert(QStringLiteral("tasks"), tasks);
    }
    return json;
}

QJsonObject RunJson::task(const RunRecord &run, const TaskRecord &task, const Context &context,
                          bool asRun)
{
    const TaskStatus status = TaskTimeline::at(run, task, context.nowMs);
    QJsonObject notebook{{QStringLiteral("notebook_path"), task.notebookPath},
                         {QStringLiteral("source"),
                          task.source.isEmpty() ? QStringLiteral("WORKSPACE") : task.source}};
    if (!task.baseParameters.isEmpty())
        notebook.insert(QStringLiteral("base_parameters"), task.baseParameters);
    QJsonObject json{{QStringLiteral("run_id"), int64(task.runId)},
                     {QStringLiteral("task_key"), task.taskKey},
                     {QStringLiteral("notebook_task"), notebook},
                     {QStringLiteral("state"), state(status)},
                     {QStringLiteral("status"), RunJson::status(status)},
                     {QStringLiteral("run_if"), QStringLiteral("ALL_SUCCESS")},
                     {QStringLiteral("attempt_number"), 0},
                     {QStringLiteral("run_page_url"), pageUrl(context, run.jobId, task.runId)}};
    if (task.newCluster)
        json.insert(QStringLiteral("new_cluster"), task.newClusterSpec);
    else
        json.insert(QStringLiteral("existing_cluster_id"), task.clusterId);
    QJsonObject instance{{QStringLiteral("cluster_id"), task.clusterId}};
    if (context.nowMs >= task.clusterReadyMs)
        instance.insert(QStringLiteral("spark_context_id"),
                        QString::number(task.clusterReadyMs * 7919 % 9000000000000000000LL));
    json.insert(QStringLiteral("cluster_instance"), instance);
    addTimes(&json, run.submitMs, status);
    if (asRun) {
        json.insert(QStringLiteral("job_id"), int64(run.jobId));
        json.insert(QStringLiteral("run_name"),
                    run.runName.isEmpty() ? QStringLiteral("Untitled") : run.runName);
        json.insert(QStringLiteral("creator_user_name"), run.creatorUserName);
        json.insert(QStringLiteral("number_in_job"), int64(task.runId));
        json.insert(QStringLiteral("original_attempt_run_id"), int64(task.runId));
        json.insert(QStringLiteral("trigger"), QStringLiteral("ONE_TIME"));
        json.insert(QStringLiteral("run_type"), QStringLiteral("SUBMIT_RUN"));
        json.insert(QStringLiteral("format"), QStringLiteral("SINGLE_TASK"));
        json.insert(QStringLiteral("cluster_spec"),
                    task.newCluster
                        ? QJsonObject{{QStringLiteral("new_cluster"), task.newClusterSpec}}
                        : QJsonObject{{QStringLiteral("existing_cluster_id"), task.clusterId}});
    }
    return json;
}

} // namespace Brickrun::Emulator
