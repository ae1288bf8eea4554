// SPDX-License-Identifier: Apache-2.0
#pragma once

// Where a submitted task runs, read and validated as the service does: an existing cluster
// (existing_cluster_id), a new job cluster (new_cluster, checked against the workspace's
// runtime versions and node types) or serverless compute (neither; environment_key naming
// one of the run's `environments`).

#include "ApiError.h"
#include "RunRecord.h"
#include "WorkspaceDefinition.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace Brickrun::Emulator {

class ComputeRequest
{
public:
    // The submit's top-level `environments`; *keys: their environment_key values.
    static ApiError parseEnvironments(const QJsonValue &value, QJsonArray *environments,
                                      QStringList *keys);

    // The compute of the task `json` (at `field`, "tasks[0]"). environmentKeys: those the run
    // defines. Sets clusterId, newCluster, newClusterSpec, serverless and environmentKey.
    static ApiError parse(const QJsonObject &json, const QString &field,
                          const QStringList &environmentKeys, const WorkspaceDefinition &workspace,
                          TaskRecord *task);

private:
    static ApiError parseEnvironment(const QJsonValue &value, const QString &field,
                                     QStringList *keys);
    static ApiError parseExistingCluster(const QJsonValue &value, const QString &field,
                                         const WorkspaceDefinition &workspace, TaskRecord *task);
    static ApiError parseNewCluster(const QJsonValue &value, const QString &field,
                                    const WorkspaceDefinition &workspace, TaskRecord *task);
    static ApiError parseServerless(const QJsonObject &json, const QString &field,
                                    const QStringList &environmentKeys, TaskRecord *task);
};

} // namespace Brickrun::Emulator
