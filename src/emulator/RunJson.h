// SPDX-License-Identifier: Apache-2.0
#pragma once

// Renders runs the way runs/get, runs/list and get-output show them (Jobs API 2.1/2.2), in
// the shapes the context asks for (AnswerShapes.h):
//   published: only members the published API description declares (the Run, RunState and
//     CreateClusterRequest schemas of the OpenAPI file);
//   live: also what the live service sends besides: `status`, `run_duration`,
//     `queue_duration`, per-task `cluster_instance`, `notebook_task` or `spark_python_task`,
//     `environment_key`, the run's `git_source` (with `git_snapshot`), `run_page_url`, ...,
//     `original_attempt_run_id`, and members no client knows (docs/demo-workspace.md).
// A task that was retried has one tasks[] entry per attempt.

#include "AnswerShapes.h"
#include "RunRecord.h"
#include "TaskTimeline.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Brickrun::Emulator {

class RunJson
{
public:
    struct Context
    {
        QString baseUrl;
        qint64 workspaceId = 0;
        qint64 nowMs = 0;
        ShapeSettings shapes;
    };

    // The parent run (runs/get, runs/list); tasks[] (every attempt) only when withTasks.
    static QJsonObject run(const RunRecord &run, const Context &context, bool withTasks);
    // An attempt of a task as a run of its own (runs/get with a task run id, get-output
    // metadata).
    static QJsonObject taskRun(const RunRecord &run, const TaskRecord &task, int attempt,
                               const Context &context);
    // Live, runs/get with include_history=true: the run's original run (no repairs here).
    static QJsonArray repairHistory(const RunRecord &run, const Context &context);
    static QJsonObject state(const TaskStatus &status);
    static QJsonObject status(const TaskStatus &status);
    static TaskStatus runStatus(const RunRecord &run, qint64 nowMs);
    // A new_cluster spec as submitted, reduced to the members (and member types) the
    // CreateClusterRequest schema declares.
    static QJsonObject declaredClusterSpec(const QJsonObject &spec);

private:
    static QJsonObject taskEntry(const RunRecord &run, const TaskRecord &task,
                                 const TaskStatus &status, const Context &context, bool onlyStatus);
    // Whether the run's answers leave `state` out (live only).
    static bool statusOnly(const RunRecord &run, const Context &context);
    static void addStates(QJsonObject *json, const TaskStatus &status, const Context &context,
                          bool statusOnly);
    static QJsonObject clusterSpec(const TaskRecord &task, const Context &context);
    static QJsonObject clusterInstance(const TaskRecord &task, qint64 nowMs);
    static QJsonObject taskCode(const TaskRecord &task);
    static QJsonObject gitSource(const RunRecord &run);
    static QString pageUrl(const Context &context, qint64 jobId, qint64 runId);
    static void addTimes(QJsonObject *json, const TaskStatus &status);
    static void addLiveTaskTimes(QJsonObject *json, const TaskStatus &status);
    static void addFutureMembers(QJsonObject *json);
};

} // namespace Brickrun::Emulator
