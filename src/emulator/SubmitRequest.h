// SPDX-License-Identifier: Apache-2.0
#pragma once

// Reads and validates a runs/submit body the way the service does, producing the run to
// create (ids, times and cluster readiness are filled in by RunEngine) or the 400 answer.
// The run's own members and each task's key and settings are read here; where a task runs by
// ComputeRequest, what it runs by TaskSourceRequest.

#include "ApiError.h"
#include "RunRecord.h"
#include "WorkspaceDefinition.h"

#include <QByteArray>
#include <QStringList>

namespace Brickrun::Emulator {

class SubmitRequest
{
public:
    // maxTasks: how many tasks a run may have (100 in Jobs API 2.1, 1000 in 2.2).
    static ApiError parse(const QByteArray &body, const WorkspaceDefinition &workspace,
                          int maxTasks, RunRecord *run);

private:
    static ApiError parseRunSettings(const QJsonObject &json, RunRecord *run);
    static ApiError parseTask(const QJsonValue &value, int index, bool hasGitSource,
                              const QStringList &environmentKeys,
                              const WorkspaceDefinition &workspace, TaskRecord *task);
    static ApiError parseTaskSettings(const QJsonObject &json, const QString &prefix,
                                      TaskRecord *task);
};

} // namespace Brickrun::Emulator
