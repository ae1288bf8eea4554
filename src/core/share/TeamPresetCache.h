// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/Preset.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

namespace Brickrun {

// A team preset as this Brickrun last read it from a workspace folder.
struct TeamPreset
{
    Preset preset;         // its profile is always empty: a team preset names none
    QString path;          // the workspace file, e.g. /Users/me/.brickrun/presets/nightly.json
    qint64 modifiedAt = 0; // the file's modified_at (epoch ms) when it was read
};

// What this Brickrun last read of each team presets folder, per workspace: the presets (shown
// at start before the folder is read again), the modified_at of every file it read or wrote
// (the base a publish compares with, to tell a colleague's change from one's own), and whether
// the workspace refused to let this user write there. Kept in one JSON file in the
// application's data folder ("team-presets.json"); never a token, never a host's secret.
class TeamPresetCache
{
public:
    // fileName empty: the default file in AppDataLocation.
    explicit TeamPresetCache(QString fileName = {});

    QString fileName() const { return m_fileName; }

    // workspace: the workspace's origin ("https://adb-1.2.azuredatabricks.net").
    QList<TeamPreset> presets(const QString &workspace, const QString &folder) const;
    void setPresets(const QString &workspace, const QString &folder,
                    const QList<TeamPreset> &presets);
    // The modified_at last read or written for a file; 0 when never.
    qint64 baseOf(const QString &workspace, const QString &path) const;
    void setBase(const QString &workspace, const QString &path, qint64 modifiedAt);
    bool isReadOnly(const QString &workspace, const QString &folder) const;
    void setReadOnly(const QString &workspace, const QString &folder, bool readOnly);

private:
    QJsonObject read() const;
    void write(const QJsonObject &root) const;
    void updateFolder(const QString &workspace, const QString &folder,
                      const std::function<void(QJsonObject *)> &change);

    QString m_fileName;
};

} // namespace Brickrun
