// SPDX-License-Identifier: Apache-2.0
#pragma once

// The Git repositories the demo workspace can check out for a run's git_source: their URL,
// provider, branches, tags and commits, and the notebooks and files inside (paths relative to
// the repository root). Loaded from the workspace definition's "git_repositories".

#include "WorkspaceDefinition.h"

#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Brickrun::Emulator {

struct GitRepository
{
    QString url;
    QString provider;                // as the service spells it: gitHub, azureDevOpsServices, ...
    QMap<QString, QString> branches; // name -> commit
    QMap<QString, QString> tags;     // name -> commit
    QStringList commits;             // every commit, newest first (branch and tag heads too)
    QMap<QString, WorkspaceObject> objects; // by path relative to the root
};

// What a run's git_source asks for (validated at submit, see SubmitRequest).
struct GitReference
{
    QString url;
    QString provider;
    QString kind; // "branch", "tag" or "commit"
    QString name;
};

class GitRepositories
{
public:
    bool load(const QJsonValue &value, const NotebookBehaviour &defaults, QString *error);

    // The commit the reference checks out; empty when the checkout fails, with the service's
    // reason in *failure ("Failed to checkout Git repository: ...").
    QString checkout(const GitReference &reference, const GitRepository **repository,
                     QString *failure) const;

    const QList<GitRepository> &repositories() const { return m_repositories; }
    const GitRepository *repository(const QString &url) const;

    // The git_provider values the service accepts, spelt as it answers them.
    static const QStringList &providers();
    // The same URL as the service compares them: no scheme case, trailing '/' or ".git".
    static QString normalizedUrl(const QString &url);

private:
    bool loadRepository(const QJsonObject &json, const QString &field,
                        const NotebookBehaviour &defaults, QString *error);

    QList<GitRepository> m_repositories;
};

} // namespace Brickrun::Emulator
