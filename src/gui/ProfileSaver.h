// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/Profile.h"

#include <QObject>

namespace Brickrun {

class ProfileConnector;
class ProfileStore;

// Saves what the profile dialog holds, secret first: the stored secrets of a changed workspace
// or method are removed (they never follow a profile to another host), the new secret goes to
// the keychain, and only then is the profile saved. Without a keychain it stops before saving
// and says so (noKeychain); the user may then saveForSession(): the profile is saved without
// its secret, which stays in memory for this session only (ProfileConnector::
// keepSecretForSession) and is asked for again next time. Never a file.
class ProfileSaver : public QObject
{
    Q_OBJECT
public:
    ProfileSaver(ProfileStore *profiles, ProfileConnector *connector, QObject *parent = nullptr);

    // `secret` empty: the stored one stays (editing), or the method keeps none. `forgetOld`:
    // the workspace or method changed. `isNew`: no profile of that name existed.
    void save(const Profile &profile, const QString &secret, bool forgetOld, bool isNew);
    // After noKeychain: saves the profile, its secret kept in memory only.
    void saveForSession();
    bool isSaving() const { return m_saving; }

Q_SIGNALS:
    void saved(const QString &profile, bool sessionOnly);
    void failed(const QString &message);
    // No keychain service: `message` says what is missing and how to get it in plain words,
    // `detail` is the keychain's own error.
    void noKeychain(const QString &message, const QString &detail);

private:
    void store();
    void write(bool secretWritten, bool sessionOnly);
    void fail(const QString &message);

    ProfileStore *m_profiles;
    ProfileConnector *m_connector;
    Profile m_profile;
    QString m_secret;
    bool m_isNew = false;
    bool m_saving = false;
    bool m_waitingForChoice = false; // told noKeychain; saveForSession() goes on
};

} // namespace Brickrun
