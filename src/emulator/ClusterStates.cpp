// SPDX-License-Identifier: Apache-2.0
#include "ClusterStates.h"

#include "TaskTimeline.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>

namespace Brickrun::Emulator {

namespace {

qint64 secondsToMs(double seconds)
{
    return static_cast<qint64>(std::llround(seconds * 1000.0));
}

} // namespace

ClusterStates::ClusterStates(const WorkspaceDefinition &workspace,
                             const QMap<qint64, RunRecord> &runs)
    : m_workspace(workspace)
    , m_runs(runs)
{}

void ClusterStates::assignCompute(qint64 submitMs, TaskRecord *task) const
{
    if (task->serverless) {
        // Serverless compute is there within seconds, and no cluster of the workspace's.
        task->clusterReadyMs = submitMs + secondsToMs(m_workspace.serverlessStartSeconds());
    } else if (task->newCluster) {
        const QDateTime when = QDateTime::fromMSecsSinceEpoch(submitMs, Qt::UTC);
        task->clusterId =
            when.toString(QStringLiteral("MMdd-HHmmss-")) +
            QString::number(task->runId, 36).right(8).rightJustified(8, QLatin1Char('0'));
        task->clusterReadyMs = submitMs + secondsToMs(m_workspace.jobClusterStartSeconds());
    } else {
        task->clusterReadyMs = readyMs(task->clusterId, submitMs);
    }
}

qint64 ClusterStates::readyMs(const QString &clusterId, qint64 atMs) const
{
    const ClusterDefinition *cluster = m_workspace.cluster(clusterId);
    if (!cluster || cluster->state != QLatin1String("TERMINATED"))
        return atMs;
    // A cold cluster starts with its first run and stays up until it has been idle for
    // autotermination_minutes.
    qint64 ready = -1;
    for (const RunRecord &run : m_runs) {
        for (const TaskRecord &t : run.tasks) {
            if (t.newCluster || t.serverless || t.clusterId != clusterId || run.submitMs > atMs)
                continue;
            if (t.clusterReadyMs > atMs) {
                ready = ready < 0 ? t.clusterReadyMs : std::min(ready, t.clusterReadyMs);
                continue;
            }
            const TaskStatus status = TaskTimeline::at(run, t, atMs);
            const qint64 idleSince = status.terminal ? status.endMs : atMs;
            if (atMs <= idleSince + cluster->autoterminationMinutes * 60000LL)
                return atMs;
        }
    }
    return ready >= 0 ? ready : atMs + secondsToMs(cluster->startSeconds);
}

QString ClusterStates::state(const ClusterDefinition &cluster, qint64 atMs) const
{
    if (cluster.state != QLatin1String("TERMINATED"))
        return cluster.state;
    const qint64 ready = readyMs(cluster.clusterId, atMs);
    if (ready == atMs)
        return QStringLiteral("RUNNING");
    if (ready < atMs + secondsToMs(cluster.startSeconds))
        return QStringLiteral("PENDING");
    return QStringLiteral("TERMINATED");
}

} // namespace Brickrun::Emulator
