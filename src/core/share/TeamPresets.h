// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/ApiError.h"
#include "api/Result.h"
#include "share/TeamPresetCache.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace Brickrun {

class WorkspaceApi;
struct WorkspaceObject;

// Presets a team shares through a workspace folder, with no server of its own: each preset is
// a small JSON file (Preset::toJson, its profile left out) written with workspace/import and
// read with workspace/list + workspace/export. The default folder is the user's own
// "/Users/<user name>/.brickrun/presets" (the name from SCIM Me); a team uses a shared one,
// e.g. "/Shared/Brickrun/presets".
//
// Conflicts: the Workspace API has no compare-and-swap, so a publish compares the file's
// modified_at (get-status) with the one this Brickrun last read or wrote (TeamPresetCache).
// A file that is new to this Brickrun, or changed since, is somebody else's edit: the publish
// stops with a Conflict naming theirs, and replaces it only when asked to (force). A create
// uses overwrite=false, so two people publishing a new name at once see a conflict too.
class TeamPresets : public QObject
{
    Q_OBJECT
public:
    struct Listing
    {
        QString folder;
        QList<TeamPreset> presets; // sorted by name, case-insensitively
        QStringList problems;      // files that are no preset, one sentence each
        bool readOnly = false;     // the workspace refused this user writing there
        bool folderMissing = false;
    };

    struct PublishOutcome
    {
        enum class Status
        {
            Published, // created or replaced
            Unchanged, // the folder holds this very preset already
            Conflict,  // someone else's version is there: see `theirs`
            ReadOnly,  // PERMISSION_DENIED: the user may not write in the folder
            Refused,   // the preset holds what a shared preset must not (a secret…)
            Failed     // the workspace or the network failed: see `error`
        };
        Status status = Status::Failed;
        QString path;
        std::optional<TeamPreset> theirs; // Conflict: their version, when it could be read
        ApiError error;
        QString message; // one sentence for a person
    };

    // workspace: the workspace's origin, the key of the cache. `api` outlives this object.
    TeamPresets(WorkspaceApi *api, TeamPresetCache *cache, QString workspace,
                QObject *parent = nullptr);

    static QString defaultFolderFor(const QString &userName);
    // The file a preset's name is kept in: the name percent-encoded, then ".json".
    static QString fileNameFor(const QString &presetName);
    // Why a preset may not be shared (a parameter that looks like a secret, a Git URL with a
    // password…); empty when it may.
    static QString secretProblem(const Preset &preset);
    // The preset as it is published: without the profile (a profile is local, and its host
    // and sign-in stay on this computer).
    static Preset shareable(const Preset &preset);

    // The folder to use: `folder` when given, else the user's default one (asks SCIM Me once).
    void resolveFolder(const QString &folder, std::function<void(const Result<QString> &)> then);
    // Reads the folder's presets (a missing folder is an empty listing) and remembers them.
    void refresh(const QString &folder, std::function<void(const Result<Listing> &)> then);
    // Writes the preset into the folder (making the folder when missing). force: replace a
    // version that is somebody else's (after a Conflict the user chose to replace).
    void publish(const Preset &preset, const QString &folder, bool force,
                 std::function<void(const PublishOutcome &)> then);

    // The user took this version over (used it, kept theirs after a conflict): a publish of
    // that name replaces it without asking, as long as nobody changed it since.
    void adopt(const TeamPreset &preset);

    QString workspace() const { return m_workspace; }
    TeamPresetCache *cache() const { return m_cache; }

private:
    struct PublishJob;
    void readPresets(const std::shared_ptr<Listing> &listing, const QList<WorkspaceObject> &files,
                     int next, const std::function<void(const Result<Listing> &)> &then);
    void create(const std::shared_ptr<PublishJob> &job, bool folderMade);
    void replace(const std::shared_ptr<PublishJob> &job);
    void checkExisting(const std::shared_ptr<PublishJob> &job, qint64 theirModifiedAt);
    void recordWritten(const std::shared_ptr<PublishJob> &job, PublishOutcome::Status status);
    void finish(const std::shared_ptr<PublishJob> &job, PublishOutcome outcome);
    void failed(const std::shared_ptr<PublishJob> &job, const ApiError &error);

    WorkspaceApi *m_api;
    TeamPresetCache *m_cache;
    QString m_workspace;
    QString m_userName; // from SCIM Me, once asked
};

} // namespace Brickrun
