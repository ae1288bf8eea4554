// SPDX-License-Identifier: Apache-2.0
#include "model/RunInfo.h"

#include <QHash>

#include <algorithm>

namespace Brickrun {

namespace {

// Retries and repairs list one entry per attempt under the same task key. The newest is the
// one with the highest attempt number; on a tie (answers without attempt numbers, repairs),
// the one started later; then the one with the larger run id.
bool isNewerAttempt(const TaskRun &a, const TaskRun &b)
{
    if (a.attemptNumber != b.attemptNumber)
        return a.attemptNumber > b.attemptNumber;
    if (a.startTimeMs != b.startTimeMs)
        return a.startTimeMs > b.startTimeMs;
    return a.runId > b.runId;
}

bool sameTask(const TaskRun &a, const TaskRun &b)
{
    return !a.taskKey.isEmpty() && a.taskKey == b.taskKey;
}

} // namespace

const TaskRun *RunInfo::primaryTask(const QString &taskKey) const
{
    if (tasks.isEmpty())
        return nullptr;
    const TaskRun *chosen = &tasks.first();
    if (!taskKey.isEmpty()) {
        for (const TaskRun &t : tasks) {
            if (t.taskKey == taskKey) {
                chosen = &t;
                break;
            }
        }
    }
    for (const TaskRun &t : tasks) {
        if (sameTask(t, *chosen) && isNewerAttempt(t, *chosen))
            chosen = &t;
    }
    return chosen;
}

QList<TaskRun> RunInfo::latestAttempts() const
{
    QList<TaskRun> latest;
    QHash<QString, qsizetype> indexOfKey; // a run may list thousands of attempts
    for (const TaskRun &t : tasks) {
        const auto known =
            t.taskKey.isEmpty() ? indexOfKey.cend() : indexOfKey.constFind(t.taskKey);
        if (known == indexOfKey.cend()) {
            if (!t.taskKey.isEmpty())
                indexOfKey.insert(t.taskKey, latest.size());
            latest.append(t);
        } else if (isNewerAttempt(t, latest.at(*known))) {
            latest[*known] = t;
        }
    }
    return latest;
}

int RunInfo::attemptsOf(const QString &taskKey) const
{
    return int(std::count_if(tasks.cbegin(), tasks.cend(),
                             [&taskKey](const TaskRun &t) { return t.taskKey == taskKey; }));
}

} // namespace Brickrun
