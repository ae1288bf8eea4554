#pragma once

// Renders runs the way runs/get, runs/list and get-output show them (Jobs API 2.1/2.2).

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

    static QJsonObject run(const RunRecord &run, const Context &context, bool withTasks);
    // A task run as the tasks[] entry of its parent (asRun = false) or as a run of its own
    // (runs/get with a task run id, get-output metadata).
    static QJsonObject task(const RunRecord &run, const TaskRecord &task, const Context &context,
                            bool asRun);
    static QJsonObject state(const TaskStatus &status);
    static QJsonObject status(const TaskStatus &status);
    static TaskStatus runStatus(const RunRecord &run, qint64 nowMs);

private:
    static QString pageUrl(const Context &context, qint64 jobId, qint64 runId);
    static void addTimes(QJsonObject *json, qint64 startMs, const TaskStatus &status);
};

} // namespace Brickrun::Emulator
