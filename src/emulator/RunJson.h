#pragma once

// Renders runs the way runs/get, runs/list and get-output show them (Jobs API 2.1/2.2).
//
// Only members the published API description declares (the Run, RunState and
// CreateClusterRequest schemas of the OpenAPI file): the live service also sends `status`,
// `run_duration`, `queue_duration` and per-task `cluster_instance`, `notebook_task`, …; here
// the same facts travel in declared members (see docs/demo-workspace.md).

#include "RunRecord.h"
#include "TaskTimeline.h"

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
    };

    // The parent run (runs/get, runs/list); tasks[] only when withTasks.
    static QJsonObject run(const RunRecord &run, const Context &context, bool withTasks);
    // A task run as a run of its own (runs/get with a task run id, get-output metadata).
    static QJsonObject taskRun(const RunRecord &run, const TaskRecord &task,
                               const Context &context);
    static QJsonObject state(const TaskStatus &status);
    static TaskStatus runStatus(const RunRecord &run, qint64 nowMs);
    // A new_cluster spec as submitted, reduced to the members (and member types) the
    // CreateClusterRequest schema declares.
    static QJsonObject declaredClusterSpec(const QJsonObject &spec);

private:
    static QJsonObject taskEntry(const RunRecord &run, const TaskRecord &task,
                                 const Context &context);
    static QJsonObject clusterSpec(const TaskRecord &task);
    static QJsonObject clusterInstance(const TaskRecord &task, qint64 nowMs);
    static QString pageUrl(const Context &context, qint64 jobId, qint64 runId);
    static void addTimes(QJsonObject *json, qint64 startMs, const TaskStatus &status);
};

} // namespace Brickrun::Emulator
