// SPDX-License-Identifier: Apache-2.0
#include "model/GitSource.h"

#include "model/JsonFields.h"

#include <QRegularExpression>
#include <QUrl>

namespace Brickrun {

namespace {

const QString GitHub = QStringLiteral("gitHub");
const QString GitHubEnterprise = QStringLiteral("gitHubEnterprise");
const QString GitLab = QStringLiteral("gitLab");
const QString GitLabEnterprise = QStringLiteral("gitLabEnterpriseEdition");
const QString BitbucketCloud = QStringLiteral("bitbucketCloud");
const QString BitbucketServer = QStringLiteral("bitbucketServer");
const QString AzureDevOps = QStringLiteral("azureDevOpsServices");
const QString AwsCodeCommit = QStringLiteral("awsCodeCommit");

// A branch or tag name git accepts (git check-ref-format, the parts a person gets wrong).
bool isRefName(const QString &name)
{
    static const QRegularExpression bad(
        QStringLiteral("[\\s~^:?*\\[\\\\]|\\.\\.|@\\{|//|^[-/.]|[/.]$|\\.lock$"));
    return !bad.match(name).hasMatch() && !JsonFields::hasControlCharacter(name);
}

} // namespace

const QStringList &GitSource::providers()
{
    static const QStringList all{GitHub,         GitHubEnterprise, GitLab,      GitLabEnterprise,
                                 BitbucketCloud, BitbucketServer,  AzureDevOps, AwsCodeCommit};
    return all;
}

QString GitSource::providerForUrl(const QString &url)
{
    const QString host = QUrl(url.trimmed()).host().toLower();
    if (host.isEmpty())
        return QString();
    const auto is = [&host](const QString &domain) {
        return host == domain || host.endsWith(QLatin1Char('.') + domain);
    };
    if (host == QLatin1String("github.com") || host == QLatin1String("www.github.com"))
        return GitHub;
    if (host == QLatin1String("gitlab.com") || host == QLatin1String("www.gitlab.com"))
        return GitLab;
    if (host == QLatin1String("bitbucket.org") || host == QLatin1String("www.bitbucket.org"))
        return BitbucketCloud;
    if (is(QStringLiteral("dev.azure.com")) || is(QStringLiteral("visualstudio.com")))
        return AzureDevOps;
    if (host.startsWith(QLatin1String("git-codecommit.")) && is(QStringLiteral("amazonaws.com")))
        return AwsCodeCommit;
    // Self-hosted servers usually carry their product's name (github.example.com, *.ghe.com).
    if (host.contains(QLatin1String("github")) || is(QStringLiteral("ghe.com")))
        return GitHubEnterprise;
    if (host.contains(QLatin1String("gitlab")))
        return GitLabEnterprise;
    if (host.contains(QLatin1String("bitbucket")))
        return BitbucketServer;
    return QString();
}

QString GitSource::canonicalProvider(const QString &provider)
{
    const QString p = provider.trimmed();
    for (const QString &known : providers()) {
        if (known.compare(p, Qt::CaseInsensitive) == 0)
            return known;
    }
    return QString();
}

QString GitSource::effectiveProvider() const
{
    const QString given = canonicalProvider(provider);
    if (!given.isEmpty() || !provider.trimmed().isEmpty())
        return given;
    return providerForUrl(url);
}

QStringList GitSource::validate() const
{
    QStringList problems;
    const QString u = url.trimmed();
    const QUrl parsed(u, QUrl::StrictMode);
    const QString scheme = parsed.scheme().toLower();
    bool urlOk = false;
    if (u.isEmpty())
        problems << QStringLiteral("git URL: is empty (such as https://github.com/owner/repo)");
    else if (!parsed.isValid() ||
             (scheme != QLatin1String("https") && scheme != QLatin1String("http")) ||
             parsed.host().isEmpty() || parsed.path().size() < 2)
        problems << QStringLiteral("git URL: \"%1\" is not a URL of a repository (such as "
                                   "https://github.com/owner/repo)")
                        .arg(u);
    else
        urlOk = true;

    if (!provider.trimmed().isEmpty() && canonicalProvider(provider).isEmpty())
        problems << QStringLiteral("git provider: \"%1\" is not one of %2")
                        .arg(provider.trimmed(), providers().join(QStringLiteral(", ")));
    else if (urlOk && effectiveProvider().isEmpty())
        problems << QStringLiteral("git provider: cannot tell from the URL's host; give one of %1")
                        .arg(providers().join(QStringLiteral(", ")));

    QStringList given;
    if (!branch.trimmed().isEmpty())
        given << QStringLiteral("branch");
    if (!tag.trimmed().isEmpty())
        given << QStringLiteral("tag");
    if (!commit.trimmed().isEmpty())
        given << QStringLiteral("commit");
    if (given.isEmpty())
        problems << QStringLiteral("git reference: give a branch, a tag or a commit");
    else if (given.size() > 1)
        problems << QStringLiteral("git reference: give one of branch, tag or commit, not %1")
                        .arg(given.join(QStringLiteral(" and ")));

    if (!branch.trimmed().isEmpty() && !isRefName(branch.trimmed()))
        problems << QStringLiteral("git branch: \"%1\" is not a branch name git accepts")
                        .arg(branch.trimmed());
    if (!tag.trimmed().isEmpty() && !isRefName(tag.trimmed()))
        problems
            << QStringLiteral("git tag: \"%1\" is not a tag name git accepts").arg(tag.trimmed());
    static const QRegularExpression hash(QStringLiteral("^[0-9a-fA-F]{7,40}$"));
    if (!commit.trimmed().isEmpty() && !hash.match(commit.trimmed()).hasMatch())
        problems << QStringLiteral("git commit: \"%1\" is not a commit hash (7 to 40 hexadecimal "
                                   "digits)")
                        .arg(commit.trimmed());
    return problems;
}

QString GitSource::referenceText() const
{
    if (!branch.trimmed().isEmpty())
        return QStringLiteral("branch ") + branch.trimmed();
    if (!tag.trimmed().isEmpty())
        return QStringLiteral("tag ") + tag.trimmed();
    if (!commit.trimmed().isEmpty())
        return QStringLiteral("commit ") + commit.trimmed();
    return QString();
}

QJsonObject GitSource::toJson() const
{
    QJsonObject json{{QStringLiteral("git_url"), url.trimmed()},
                     {QStringLiteral("git_provider"), effectiveProvider()}};
    if (!branch.trimmed().isEmpty())
        json.insert(QStringLiteral("git_branch"), branch.trimmed());
    if (!tag.trimmed().isEmpty())
        json.insert(QStringLiteral("git_tag"), tag.trimmed());
    if (!commit.trimmed().isEmpty())
        json.insert(QStringLiteral("git_commit"), commit.trimmed());
    return json;
}

bool GitSource::fromJson(const QJsonObject &json, GitSource *out, QStringList *errors)
{
    JsonFields fields(json, QStringLiteral("git."));
    fields.allow({QStringLiteral("git_url"), QStringLiteral("git_provider"),
                  QStringLiteral("git_branch"), QStringLiteral("git_tag"),
                  QStringLiteral("git_commit")});
    GitSource g;
    fields.string(QStringLiteral("git_url"), true, 2048, &g.url);
    fields.string(QStringLiteral("git_provider"), false, 100, &g.provider);
    fields.string(QStringLiteral("git_branch"), false, 1000, &g.branch);
    fields.string(QStringLiteral("git_tag"), false, 1000, &g.tag);
    fields.string(QStringLiteral("git_commit"), false, 100, &g.commit);
    if (!fields.ok()) {
        if (errors)
            *errors << fields.problems();
        return false;
    }
    if (out)
        *out = g;
    return true;
}

bool GitSource::operator==(const GitSource &o) const
{
    return url == o.url && effectiveProvider() == o.effectiveProvider() && branch == o.branch &&
           tag == o.tag && commit == o.commit;
}

} // namespace Brickrun
