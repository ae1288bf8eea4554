// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Brickrun {

// A remote Git repository a run takes its notebook or Python file from (the run's
// `git_source`). Paths of a task are then relative to the repository's root. Exactly one of
// branch, tag and commit names what is checked out.
struct GitSource
{
    QString url;      // https://github.com/owner/repo
    QString provider; // the API's spelling (gitHub, gitLab…); empty = detected from the URL
    QString branch;
    QString tag;
    QString commit;

    // The providers the Jobs API knows, in its spelling.
    static const QStringList &providers();
    // The provider a URL's host names ("gitHub" for github.com, "azureDevOpsServices" for
    // dev.azure.com…); empty when the host does not tell.
    static QString providerForUrl(const QString &url);
    // The API's spelling of a provider a user typed in any case ("github" → "gitHub"); empty
    // when it is none of providers().
    static QString canonicalProvider(const QString &provider);
    // The provider sent: the one given, else the URL's.
    QString effectiveProvider() const;

    // Every problem, each naming the field ("git URL: \"x\" is not a URL…", "git reference:
    // give one of branch, tag or commit, not both branch and tag").
    QStringList validate() const;

    // "branch main", "tag v1.2", "commit 1a2b3c4"; empty when none is set.
    QString referenceText() const;

    // The run's `git_source` object: {git_url, git_provider, git_branch|git_tag|git_commit}.
    // The same shape is how presets and history store it; fromJson reads it back, every problem
    // naming the field ("git.git_url: must be a string").
    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject &json, GitSource *out, QStringList *errors);

    bool operator==(const GitSource &other) const;
    bool operator!=(const GitSource &other) const { return !(*this == other); }
};

} // namespace Brickrun
