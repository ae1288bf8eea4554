// SPDX-License-Identifier: Apache-2.0
#include "share/TeamPresets.h"

#include "api/WorkspaceApi.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <algorithm>
#include <utility>

namespace Brickrun {

namespace {

constexpr int kMaxFileNameBytes = 200;

bool isNotFound(const ApiError &e)
{
    return e.httpStatus == 404 && e.errorCode != QLatin1String("ENDPOINT_NOT_FOUND");
}

bool isAlreadyThere(const ApiError &e)
{
    return e.errorCode == QLatin1String("RESOURCE_ALREADY_EXISTS");
}

// A value that is a secret whatever its name: a Databricks personal access token, a bearer
// header, an Azure AD / OAuth token (a JWT).
bool looksLikeSecretValue(const QString &value)
{
    static const QRegularExpression secret(
        QStringLiteral("(^|[^A-Za-z0-9])(dapi[0-9a-f]{16,}|dose[0-9a-f]{16,})|^Bearer\\s|"
                       "eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}"),
        QRegularExpression::CaseInsensitiveOption);
    return secret.match(value).hasMatch();
}

bool looksLikeSecretName(const QString &name)
{
    static const QRegularExpression secret(
        QStringLiteral("token|secret|password|passwd|credential|api[_-]?key|authorization"),
        QRegularExpression::CaseInsensitiveOption);
    return secret.match(name).hasMatch();
}

QByteArray contentOf(const Preset &preset)
{
    return QJsonDocument(preset.toJson()).toJson(QJsonDocument::Indented);
}

} // namespace

struct TeamPresets::PublishJob
{
    Preset preset;
    QString folder;
    QString path;
    QByteArray content;
    bool force = false;
    std::function<void(const PublishOutcome &)> then;
};

TeamPresets::TeamPresets(WorkspaceApi *api, TeamPresetCache *cache, QString workspace,
                         QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_cache(cache)
    , m_workspace(std::move(workspace))
{}

QString TeamPresets::defaultFolderFor(const QString &userName)
{
    return QStringLiteral("/Users/%1/.brickrun/presets").arg(userName);
}

QString TeamPresets::fileNameFor(const QString &presetName)
{
    // Letters, digits and " -_()" stay readable; the rest (a slash above all) is encoded.
    QByteArray encoded = QUrl::toPercentEncoding(presetName, " ()");
    if (encoded.startsWith('.'))
        encoded.replace(0, 1, "%2E");
    return QString::fromLatin1(encoded.left(kMaxFileNameBytes)) + QStringLiteral(".json");
}

QString TeamPresets::secretProblem(const Preset &preset)
{
    const RunSpec &spec = preset.spec;
    for (const auto &p : spec.parameters) {
        if (looksLikeSecretName(p.first))
            return tr("parameter \"%1\" looks like a secret; a shared preset never "
                      "holds one (use a Databricks secret scope instead)")
                .arg(p.first);
        if (looksLikeSecretValue(p.second))
            return tr("the value of parameter \"%1\" looks like a token; a shared "
                      "preset never holds one")
                .arg(p.first);
    }
    for (const QString &argument : spec.pythonArguments) {
        if (looksLikeSecretValue(argument))
            return tr("an argument looks like a token; a shared preset never holds "
                      "one");
    }
    const QJsonObject shape = spec.shapeJson();
    const QString text = QString::fromUtf8(QJsonDocument(shape).toJson(QJsonDocument::Compact));
    if (looksLikeSecretValue(text))
        return tr("the compute or Git settings hold what looks like a token");
    static const QRegularExpression userInfo(QStringLiteral("://[^/@\\s\"]+:[^/@\\s\"]*@"));
    if (userInfo.match(text).hasMatch())
        return tr("the Git URL holds a user name and password; a shared preset "
                  "never holds one");
    return {};
}

Preset TeamPresets::shareable(const Preset &preset)
{
    Preset shared = preset;
    shared.profile.clear();
    return shared;
}

void TeamPresets::adopt(const TeamPreset &preset)
{
    if (!preset.path.isEmpty() && preset.modifiedAt > 0)
        m_cache->setBase(m_workspace, preset.path, preset.modifiedAt);
}

void TeamPresets::resolveFolder(const QString &folder,
                                std::function<void(const Result<QString> &)> then)
{
    if (!folder.isEmpty()) {
        QString f = folder.trimmed();
        while (f.size() > 1 && f.endsWith(QLatin1Char('/')))
            f.chop(1);
        if (!f.startsWith(QLatin1Char('/')))
            return then(Result<QString>::failure(ApiError::invalidInput(
                tr("the folder \"%1\" is not a workspace path (it starts with /)").arg(folder))));
        return then(Result<QString>::success(f));
    }
    if (!m_userName.isEmpty())
        return then(Result<QString>::success(defaultFolderFor(m_userName)));
    QPointer<TeamPresets> self(this);
    m_api->currentUser(this, [self, then](const Result<CurrentUser> &r) {
        if (!self)
            return;
        if (!r)
            return then(Result<QString>::failure(r.error()));
        self->m_userName = r.value().userName;
        then(Result<QString>::success(defaultFolderFor(self->m_userName)));
    });
}

void TeamPresets::refresh(const QString &folder, std::function<void(const Result<Listing> &)> then)
{
    auto listing = std::make_shared<Listing>();
    listing->folder = folder;
    m_api->listFolder(folder, this, [this, listing, then](const Result<QList<WorkspaceObject>> &r) {
        if (!r && isNotFound(r.error())) {
            listing->folderMissing = true;
            listing->readOnly = m_cache->isReadOnly(m_workspace, listing->folder);
            m_cache->setPresets(m_workspace, listing->folder, {});
            return then(Result<Listing>::success(*listing));
        }
        if (!r)
            return then(Result<Listing>::failure(r.error()));
        QList<WorkspaceObject> files;
        for (const WorkspaceObject &o : r.value()) {
            if (o.type == QLatin1String("FILE") && o.name().endsWith(QLatin1String(".json")))
                files.append(o);
        }
        readPresets(listing, files, 0, then);
    });
}

// One file after the other: a folder holds a handful, and the workspace is not hammered.
void TeamPresets::readPresets(const std::shared_ptr<Listing> &listing,
                              const QList<WorkspaceObject> &files, int next,
                              const std::function<void(const Result<Listing> &)> &then)
{
    if (next >= files.size()) {
        std::sort(listing->presets.begin(), listing->presets.end(),
                  [](const TeamPreset &a, const TeamPreset &b) {
                      return a.preset.name.compare(b.preset.name, Qt::CaseInsensitive) < 0;
                  });
        m_cache->setPresets(m_workspace, listing->folder, listing->presets);
        // Whether this user may write there: mkdirs of a folder that is there changes nothing,
        // and is refused (PERMISSION_DENIED) where the user may only read.
        m_api->makeFolders(listing->folder, this, [this, listing, then](const Result<bool> &r) {
            if (r || r.error().isPermission()) {
                listing->readOnly = !r;
                m_cache->setReadOnly(m_workspace, listing->folder, listing->readOnly);
            } else {
                listing->readOnly = m_cache->isReadOnly(m_workspace, listing->folder);
            }
            then(Result<Listing>::success(*listing));
        });
        return;
    }
    const WorkspaceObject &file = files.at(next);
    m_api->exportFile(
        file.path, this, [this, listing, files, next, then, file](const Result<ExportedSource> &r) {
            if (!r) {
                listing->problems
                    << tr("%1: cannot be read (%2)").arg(file.name(), r.error().toString());
            } else {
                QJsonParseError parseError;
                const QJsonDocument doc = QJsonDocument::fromJson(r.value().content, &parseError);
                TeamPreset p;
                QStringList problems;
                if (!doc.isObject())
                    problems << tr("not JSON");
                else
                    Preset::fromJson(doc.object(), &p.preset, &problems);
                p.preset.profile.clear();
                p.path = file.path;
                p.modifiedAt = file.modifiedAt;
                const bool taken = std::any_of(
                    listing->presets.cbegin(), listing->presets.cend(),
                    [&p](const TeamPreset &t) { return t.preset.name == p.preset.name; });
                if (!problems.isEmpty())
                    listing->problems << tr("%1: not a preset (%2)")
                                             .arg(file.name(), problems.join(QStringLiteral("; ")));
                else if (taken)
                    listing->problems << tr("%1: a second preset named \"%2\"; left out")
                                             .arg(file.name(), p.preset.name);
                else
                    listing->presets.append(p);
            }
            readPresets(listing, files, next + 1, then);
        });
}

void TeamPresets::publish(const Preset &preset, const QString &folder, bool force,
                          std::function<void(const PublishOutcome &)> then)
{
    auto job = std::make_shared<PublishJob>();
    job->preset = shareable(preset);
    job->folder = folder;
    job->path = folder + QLatin1Char('/') + fileNameFor(preset.name);
    job->content = contentOf(job->preset);
    job->force = force;
    job->then = std::move(then);
    PublishOutcome refused;
    refused.status = PublishOutcome::Status::Refused;
    refused.path = job->path;
    Preset check;
    QStringList problems;
    if (preset.name.trimmed().isEmpty())
        refused.message = tr("a preset needs a name to be published");
    else if (const QString secret = secretProblem(preset); !secret.isEmpty())
        refused.message = secret;
    else if (!Preset::fromJson(job->preset.toJson(), &check, &problems))
        refused.message = problems.join(QStringLiteral("; "));
    if (!refused.message.isEmpty())
        return finish(job, refused);
    m_api->getStatus(job->path, this, [this, job](const Result<WorkspaceObject> &r) {
        if (r && r.value().isFolder())
            return failed(
                job, ApiError::invalidInput(tr("%1 is a folder, not a preset").arg(job->path)));
        if (r)
            return checkExisting(job, r.value().modifiedAt);
        if (isNotFound(r.error()))
            return create(job, false);
        failed(job, r.error());
    });
}

void TeamPresets::create(const std::shared_ptr<PublishJob> &job, bool folderMade)
{
    m_api->importFile(
        job->path, job->content, false, this, [this, job, folderMade](const Result<bool> &r) {
            if (r)
                return recordWritten(job, PublishOutcome::Status::Published);
            const ApiError &e = r.error();
            if (isNotFound(e) && !folderMade) { // the folder is not there yet
                m_api->makeFolders(job->folder, this, [this, job](const Result<bool> &m) {
                    if (m)
                        return create(job, true);
                    failed(job, m.error());
                });
                return;
            }
            if (isAlreadyThere(e)) { // someone published that name just now
                m_api->getStatus(job->path, this, [this, job](const Result<WorkspaceObject> &s) {
                    if (!s)
                        return failed(job, s.error());
                    checkExisting(job, s.value().modifiedAt);
                });
                return;
            }
            failed(job, e);
        });
}

void TeamPresets::checkExisting(const std::shared_ptr<PublishJob> &job, qint64 theirModifiedAt)
{
    const qint64 base = m_cache->baseOf(m_workspace, job->path);
    if (job->force || (base != 0 && base == theirModifiedAt))
        return replace(job); // the version this Brickrun wrote or took over: no one else's
    m_api->exportFile(
        job->path, this, [this, job, theirModifiedAt](const Result<ExportedSource> &r) {
            PublishOutcome outcome;
            outcome.path = job->path;
            TeamPreset theirs;
            QStringList problems;
            const QJsonDocument doc =
                r ? QJsonDocument::fromJson(r.value().content) : QJsonDocument();
            if (doc.isObject() && Preset::fromJson(doc.object(), &theirs.preset, &problems)) {
                theirs.preset.profile.clear();
                theirs.path = job->path;
                theirs.modifiedAt = theirModifiedAt;
                outcome.theirs = theirs;
                if (theirs.preset.toJson() == job->preset.toJson()) {
                    m_cache->setBase(m_workspace, job->path, theirModifiedAt);
                    outcome.status = PublishOutcome::Status::Unchanged;
                    outcome.message =
                        tr("\"%1\" is in %2 already, as it is").arg(job->preset.name, job->folder);
                    return finish(job, outcome);
                }
            }
            outcome.status = PublishOutcome::Status::Conflict;
            outcome.message = tr("\"%1\" in %2 was changed by someone else since this "
                                 "Brickrun last read or wrote it; theirs is kept")
                                  .arg(job->preset.name, job->folder);
            finish(job, outcome);
        });
}

void TeamPresets::replace(const std::shared_ptr<PublishJob> &job)
{
    m_api->importFile(job->path, job->content, true, this, [this, job](const Result<bool> &r) {
        if (!r)
            return failed(job, r.error());
        recordWritten(job, PublishOutcome::Status::Published);
    });
}

// The base of the next publish: the modified_at of what was written, once its content is seen
// to be ours (someone writing at the same moment makes it theirs, and the base stays unknown).
void TeamPresets::recordWritten(const std::shared_ptr<PublishJob> &job,
                                PublishOutcome::Status status)
{
    m_api->getStatus(job->path, this, [this, job, status](const Result<WorkspaceObject> &s) {
        if (!s)
            return failed(job, s.error());
        const qint64 modifiedAt = s.value().modifiedAt;
        m_api->exportFile(
            job->path, this, [this, job, status, modifiedAt](const Result<ExportedSource> &e) {
                PublishOutcome outcome;
                outcome.path = job->path;
                outcome.status = status;
                const bool ours = e && e.value().content == job->content;
                m_cache->setBase(m_workspace, job->path, ours ? modifiedAt : 0);
                m_cache->setReadOnly(m_workspace, job->folder, false);
                outcome.message =
                    ours ? tr("published \"%1\" to %2").arg(job->preset.name, job->path)
                         : tr("published \"%1\" to %2, but someone "
                              "changed it again right after")
                               .arg(job->preset.name, job->path);
                if (!ours)
                    outcome.status = PublishOutcome::Status::Conflict;
                finish(job, outcome);
            });
    });
}

void TeamPresets::failed(const std::shared_ptr<PublishJob> &job, const ApiError &error)
{
    PublishOutcome outcome;
    outcome.path = job->path;
    outcome.error = error;
    if (error.isPermission()) {
        m_cache->setReadOnly(m_workspace, job->folder, true);
        outcome.status = PublishOutcome::Status::ReadOnly;
        outcome.message = tr("%1 is read-only for you: the workspace refused to "
                             "write there (%2)")
                              .arg(job->folder, ApiError::inParentheses(error.message));
    } else {
        outcome.status = PublishOutcome::Status::Failed;
        outcome.message =
            tr("publishing \"%1\" failed: %2").arg(job->preset.name, error.toString());
    }
    finish(job, outcome);
}

void TeamPresets::finish(const std::shared_ptr<PublishJob> &job, PublishOutcome outcome)
{
    if (job->then)
        job->then(outcome);
}

} // namespace Brickrun
