// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/Profile.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>

class QSettings;

namespace Brickrun {

// The user's workspace profiles, kept in the application's settings (never with a token).
class ProfileStore
{
public:
    // Uses the application's user settings (INI) unless a settings file is given (tests).
    explicit ProfileStore(const QString &settingsFile = QString());
    ~ProfileStore();

    QList<Profile> profiles() const; // sorted by name
    std::optional<Profile> profile(const QString &name) const;
    bool contains(const QString &name) const;
    // Adds or replaces. Fails, with a reason, for a bad name or host.
    bool save(const Profile &profile, QString *error);
    bool remove(const QString &name);

    // The profile used when a command names none; empty when there is none.
    QString defaultProfile() const;
    void setDefaultProfile(const QString &name);

    QString fileName() const;

    // Between these, saves are kept in memory and written once by endBatch() (an import of many
    // profiles would otherwise rewrite the whole file for each one). endBatch() returns false
    // when the file could not be written.
    void beginBatch();
    bool endBatch();

private:
    void syncPrivately();
    std::unique_ptr<QSettings> m_settings;
    int m_batchDepth = 0;
};

} // namespace Brickrun
