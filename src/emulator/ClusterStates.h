// SPDX-License-Identifier: Apache-2.0
#pragma once

// When the compute of a task is there, and what state the workspace's clusters are in, from
// the runs made so far and the simulated time: a cold (TERMINATED) cluster starts with the
// first run that needs it and stops after autotermination_minutes idle; a new job cluster
// takes job_cluster_start_seconds; serverless compute serverless_start_seconds.

#include "RunRecord.h"
#include "WorkspaceDefinition.h"

#include <QMap>
#include <QString>

namespace Brickrun::Emulator {

class ClusterStates
{
public:
    ClusterStates(const WorkspaceDefinition &workspace, const QMap<qint64, RunRecord> &runs);

    // For a task of a run submitted at submitMs (its run id allocated): the job cluster's id
    // when it makes one, and clusterReadyMs.
    void assignCompute(qint64 submitMs, TaskRecord *task) const;

    // RUNNING, PENDING or TERMINATED for a cluster that starts TERMINATED; else its state.
    QString state(const ClusterDefinition &cluster, qint64 atMs) const;

private:
    qint64 readyMs(const QString &clusterId, qint64 atMs) const;

    const WorkspaceDefinition &m_workspace;
    const QMap<qint64, RunRecord> &m_runs;
};

} // namespace Brickrun::Emulator
