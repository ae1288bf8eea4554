// SPDX-License-Identifier: Apache-2.0
#include "GitRepositories.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>

namespace Brickrun::Emulator {

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

const QRegularExpression &commitPattern()
{
    static const QRegularExpression sha(QStringLiteral("^[0-9a-f]{40}$"));
    return sha;
}

// {"name": "commit", ...} into *out; every commit must be one of the repository's.
bool readRefs(const QJsonValue &value, const QString &field, const QStringList &commits,
              QMap<QString, QString> *out, QString *error)
{
    if (value.isUndefined())
        return true;
    if (!value.isObject())
        return fail(error, field + QStringLiteral(": expected an object of names and commits"));
    const QJsonObject json = value.toObject();
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!commits.contains(it.value().toString()))
            return fail(error, field + QLatin1Char('.') + it.key() +
                                   QStringLiteral(": expected one of the repository's commits"));
        out->insert(it.key(), it.value().toString());
    }
    return true;
}

} // namespace

const QStringList &GitRepositories::providers()
{
    static const QStringList names = {QStringLiteral("gitHub"),
                                      QStringLiteral("bitbucketCloud"),
                                      QStringLiteral("azureDevOpsServices"),
                                      QStringLiteral("gitHubEnterprise"),
                                      QStringLiteral("bitbucketServer"),
                                      QStringLiteral("gitLab"),
                                      QStringLiteral("gitLabEnterpriseEdition"),
                                      QStringLiteral("awsCodeCommit")};
    return names;
}

QString GitRepositories::normalizedUrl(const QString &url)
{
    QString u = url.trimmed();
    while (u.endsWith(QLatin1Char('/')))
        u.chop(1);
    if (u.endsWith(QLatin1String(".git"), Qt::CaseInsensitive))
        u.chop(4);
    const QUrl parsed(u);
    return parsed.scheme().toLower() + QStringLiteral("://") + parsed.host().toLower() +
           parsed.path();
}

bool GitRepositories::load(const QJsonValue &value, const NotebookBehaviour &defaults,
                           QString *error)
{
    m_repositories.clear();
    if (value.isUndefined())
        return true;
    if (!value.isArray())
        return fail(error, QStringLiteral("git_repositories: expected an array"));
    const QJsonArray array = value.toArray();
    for (int i = 0; i < array.size(); ++i) {
        const QString field = QStringLiteral("git_repositories[%1]").arg(i);
        if (!array.at(i).isObject())
            return fail(error, field + QStringLiteral(": expected an object"));
        if (!loadRepository(array.at(i).toObject(), field, defaults, error))
            return false;
    }
    return true;
}

bool GitRepositories::loadRepository(const QJsonObject &json, const QString &field,
                                     const NotebookBehaviour &defaults, QString *error)
{
    GitRepository repo;
    repo.url = json.value(QStringLiteral("url")).toString();
    const QUrl url(repo.url);
    if (!url.isValid() || !url.scheme().startsWith(QLatin1String("http")) || url.host().isEmpty())
        return fail(error, field + QStringLiteral(".url: expected an http(s) URL"));
    if (repository(repo.url))
        return fail(error,
                    field + QStringLiteral(".url: duplicate '") + repo.url + QLatin1Char('\''));
    repo.provider = json.value(QStringLiteral("provider")).toString();
    if (!providers().contains(repo.provider))
        return fail(error, field + QStringLiteral(".provider: expected one of ") +
                               providers().join(QStringLiteral(", ")));
    for (const QJsonValue &c : json.value(QStringLiteral("commits")).toArray()) {
        if (!commitPattern().match(c.toString()).hasMatch())
            return fail(error, field +
                                   QStringLiteral(".commits: expected 40 lower-case hex "
                                                  "digits, got '") +
                                   c.toString() + QLatin1Char('\''));
        repo.commits.append(c.toString());
    }
    if (repo.commits.isEmpty())
        return fail(error, field + QStringLiteral(".commits: expected a non-empty array"));
    if (!readRefs(json.value(QStringLiteral("branches")), field + QStringLiteral(".branches"),
                  repo.commits, &repo.branches, error) ||
        !readRefs(json.value(QStringLiteral("tags")), field + QStringLiteral(".tags"), repo.commits,
                  &repo.tags, error))
        return false;
    if (repo.branches.isEmpty())
        return fail(error, field + QStringLiteral(".branches: expected at least one branch"));

    const QJsonArray objects = json.value(QStringLiteral("objects")).toArray();
    for (int i = 0; i < objects.size(); ++i) {
        const QString at = field + QStringLiteral(".objects[%1]").arg(i);
        const QJsonObject o = objects.at(i).toObject();
        WorkspaceObject object;
        object.path = o.value(QStringLiteral("path")).toString();
        object.objectType = o.value(QStringLiteral("object_type")).toString();
        if (object.path.isEmpty() || object.path.startsWith(QLatin1Char('/')))
            return fail(error, at + QStringLiteral(".path: expected a path relative to the "
                                                   "repository root"));
        if (object.objectType != QLatin1String("NOTEBOOK") &&
            object.objectType != QLatin1String("FILE"))
            return fail(error, at + QStringLiteral(".object_type: expected NOTEBOOK or FILE"));
        if (object.objectType == QLatin1String("NOTEBOOK"))
            object.language =
                o.value(QStringLiteral("language")).toString(QStringLiteral("PYTHON"));
        if (!WorkspaceDefinition::readBehaviour(o.value(QStringLiteral("run")),
                                                at + QStringLiteral(".run"), defaults,
                                                &object.behaviour, error))
            return false;
        repo.objects.insert(object.path, object);
    }
    m_repositories.append(repo);
    return true;
}

const GitRepository *GitRepositories::repository(const QString &url) const
{
    const QString wanted = normalizedUrl(url);
    for (const GitRepository &r : m_repositories) {
        if (normalizedUrl(r.url) == wanted)
            return &r;
    }
    return nullptr;
}

QString GitRepositories::checkout(const GitReference &reference, const GitRepository **repository,
                                  QString *failure) const
{
    const QString prefix = QStringLiteral("Failed to checkout Git repository: ");
    const GitRepository *repo = this->repository(reference.url);
    *repository = repo;
    if (!repo) {
        *failure = prefix + QStringLiteral("RESOURCE_DOES_NOT_EXIST: Repository %1 not found or "
                                           "not accessible with the Git credentials of the run "
                                           "as user.")
                                .arg(reference.url);
        return {};
    }
    if (repo->provider.compare(reference.provider, Qt::CaseInsensitive) != 0) {
        *failure = prefix + QStringLiteral("INVALID_PARAMETER_VALUE: Repository %1 is not "
                                           "hosted on %2.")
                                .arg(reference.url, reference.provider);
        return {};
    }
    if (reference.kind == QLatin1String("branch") && repo->branches.contains(reference.name))
        return repo->branches.value(reference.name);
    if (reference.kind == QLatin1String("tag") && repo->tags.contains(reference.name))
        return repo->tags.value(reference.name);
    if (reference.kind == QLatin1String("commit") && reference.name.size() >= 7) {
        for (const QString &commit : repo->commits) {
            if (commit.startsWith(reference.name.toLower()))
                return commit;
        }
    }
    *failure = prefix + QStringLiteral("RESOURCE_DOES_NOT_EXIST: Could not find %1 '%2' in "
                                       "repository %3.")
                            .arg(reference.kind, reference.name, reference.url);
    return {};
}

} // namespace Brickrun::Emulator
