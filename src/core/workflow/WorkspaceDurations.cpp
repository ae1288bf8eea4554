// SPDX-License-Identifier: Apache-2.0
#include "workflow/WorkspaceDurations.h"

#include "api/JobsClient.h"

namespace Brickrun {

WorkspaceDurations::WorkspaceDurations(QObject *parent)
    : QObject(parent)
{}

bool WorkspaceDurations::isKnown(const QString &workspace, qint64 nowMs) const
{
    const auto it = m_entries.constFind(workspace);
    return it != m_entries.constEnd() && !it->inFlight && nowMs - it->askedAtMs < MaxAgeMs;
}

void WorkspaceDurations::request(const QString &workspace, JobsClient *client, qint64 nowMs)
{
    if (!client)
        return;
    Entry &entry = m_entries[workspace];
    if (entry.inFlight || (entry.askedAtMs > 0 && nowMs - entry.askedAtMs < MaxAgeMs))
        return;
    entry.inFlight = true;
    entry.askedAtMs = nowMs;
    JobsClient::ListQuery query;
    query.completedOnly = true;
    query.expandTasks = true;
    query.limit = 25;
    client->listRuns(query, this, [this, workspace](const Result<JsonMapping::RunListPage> &r) {
        Entry &e = m_entries[workspace];
        e.inFlight = false;
        e.runs = r ? r.value().runs : QList<RunInfo>();
        Q_EMIT answered(workspace);
    });
}

QList<qint64> WorkspaceDurations::durations(const QString &workspace, const QString &notebookPath,
                                            const QString &clusterId) const
{
    QList<qint64> out;
    const auto it = m_entries.constFind(workspace);
    if (it == m_entries.constEnd())
        return out;
    for (const RunInfo &run : it->runs) {
        const TaskRun *task = run.primaryTask();
        if (!task || run.tasks.size() != 1 || task->notebookPath != notebookPath ||
            task->clusterId != clusterId)
            continue;
        if (!run.state.isSuccess() || run.startTimeMs <= 0 || run.endTimeMs <= run.startTimeMs)
            continue;
        out.append(run.endTimeMs - run.startTimeMs);
    }
    return out;
}

} // namespace Brickrun
