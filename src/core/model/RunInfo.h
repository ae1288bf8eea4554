// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/RunState.h"

#include <QList>
#include <QString>

namespace Brickrun {

// One task run inside a run (the unit whose output get-output returns).
struct TaskRun
{
    qint64 runId = 0;
    QString taskKey;
    RunState state;
    QString clusterId;
    QString notebookPath;
    qint64 startTimeMs = 0;
    qint64 endTimeMs = 0;
    // Retries and repairs add one entry per attempt with the same task key (live service).
    int attemptNumber = 0;           // 0 for the first attempt, or when the answer has none
    qint64 originalAttemptRunId = 0; // the first attempt's run id; 0 when absent
};

// A run as runs/get describes it. Fields a real answer may lack keep their defaults.
struct RunInfo
{
    qint64 runId = 0;
    QString runName;
    QString runType;
    QString creatorUserName;
    QString runPageUrl;
    RunState state;
    qint64 startTimeMs = 0;
    qint64 endTimeMs = 0; // 0 while running
    qint64 runDurationMs = 0;
    qint64 queueDurationMs = 0;
    QList<TaskRun> tasks;
    QList<TaskRun> iterations; // the run of a for-each task: one entry per iteration

    // The task whose output answers the seed's questions: the newest attempt of the task with
    // this key, else of the first task listed; nullptr when the run has no tasks.
    const TaskRun *primaryTask(const QString &taskKey = QString()) const;
    // One entry per task: its newest attempt, in the order the task keys first appear. A task
    // without a key is never taken for an attempt of another one.
    QList<TaskRun> latestAttempts() const;
    // How many attempts of the task with this key the answer lists.
    int attemptsOf(const QString &taskKey) const;
};

// What get-output answers for one task run.
struct RunOutput
{
    qint64 taskRunId = 0;
    bool hasNotebookResult = false; // false when the notebook never called dbutils.notebook.exit
    QString notebookResult;
    bool truncated = false;
    QString error;
    QString errorTrace;
    QString logs;
    bool logsTruncated = false;
};

} // namespace Brickrun
