// SPDX-License-Identifier: Apache-2.0
#pragma once

// What a submitted task runs and where it comes from, read and validated as the service does:
// a notebook (notebook_task) or a Python file (spark_python_task), from the workspace or from
// the run's git_source. Git checkouts happen when the run starts: an unknown repository,
// branch, tag or commit, or a path the commit does not have, fails the run, not the submit.

#include "ApiError.h"
#include "GitRepositories.h"
#include "RunRecord.h"
#include "WorkspaceDefinition.h"

#include <QJsonObject>

namespace Brickrun::Emulator {

class TaskSourceRequest
{
public:
    // The submit's top-level git_source; *reference: what it asks to check out.
    static ApiError parseGitSource(const QJsonValue &value, QJsonObject *gitSource,
                                   GitReference *reference);

    // Which kind of task `json` (at `field`) is; sets task->kind.
    static ApiError parseKind(const QJsonObject &json, TaskRecord *task);

    // The task's notebook_task or spark_python_task. hasGitSource: the run has a git_source.
    static ApiError parse(const QJsonObject &json, const QString &field, bool hasGitSource,
                          const WorkspaceDefinition &workspace, TaskRecord *task);

    // Checks the run's git_source out and gives each GIT task the behaviour of its notebook or
    // file at that commit, or the failure of its checkout.
    static void checkOut(const GitReference &reference, const WorkspaceDefinition &workspace,
                         RunRecord *run);

private:
    static ApiError parseNotebookTask(const QJsonObject &json, const QString &field,
                                      bool hasGitSource, const WorkspaceDefinition &workspace,
                                      TaskRecord *task);
    static ApiError parsePythonTask(const QJsonObject &json, const QString &field,
                                    bool hasGitSource, const WorkspaceDefinition &workspace,
                                    TaskRecord *task);
    // The task's path member (notebook_path, python_file) into *path, and its source.
    static ApiError readPath(const QJsonObject &json, const QString &member, const QString &field,
                             bool hasGitSource, TaskRecord *task, QString *path);
    // source: as submitted or the service's default; checks the path's form for it.
    static ApiError readSource(const QJsonObject &json, const QString &what, const QString &path,
                               bool hasGitSource, TaskRecord *task);
};

} // namespace Brickrun::Emulator
