// SPDX-License-Identifier: Apache-2.0
#include "ProfileSaver.h"

#include "ProfileText.h"
#include "auth/ProfileConnector.h"
#include "auth/TokenStore.h"
#include "config/ProfileStore.h"

namespace Brickrun {

using ProfileText::asSentence;
using ProfileText::withFullStop;

ProfileSaver::ProfileSaver(ProfileStore *profiles, ProfileConnector *connector, QObject *parent)
    : QObject(parent)
    , m_profiles(profiles)
    , m_connector(connector)
{}

void ProfileSaver::save(const Profile &profile, const QString &secret, bool forgetOld, bool isNew)
{
    if (m_saving)
        return;
    m_profile = profile;
    m_secret = secret;
    m_isNew = isNew;
    m_saving = true;
    m_waitingForChoice = false;
    if (!forgetOld)
        return store();
    // A secret belongs to one workspace and one method: it never follows the profile.
    m_connector->forgetSecrets(profile.name, this, [this](const TokenStore::Outcome &o) {
        if (!o.isOk()) {
            fail(tr("The old secrets could not be removed from the keychain, so nothing was "
                    "saved: %1")
                     .arg(withFullStop(o.message)));
            return;
        }
        store();
    });
}

void ProfileSaver::store()
{
    if (m_secret.isEmpty()) // editing: the stored secret stays; or a method without one
        return write(false, false);
    // The secret goes to the keychain first: there is no other place it may go.
    m_connector->storeSecret(m_profile, m_secret, this, [this](const TokenStore::Outcome &o) {
        if (o.status == TokenStore::Status::NoBackend) {
            m_saving = false;
            m_waitingForChoice = true;
            Q_EMIT noKeychain(o.message, o.detail);
            return;
        }
        if (!o.isOk()) {
            fail(tr("The secret could not be stored in the keychain, so nothing was saved: %1")
                     .arg(withFullStop(o.message)));
            return;
        }
        write(true, false);
    });
}

void ProfileSaver::saveForSession()
{
    if (!m_waitingForChoice || m_saving)
        return;
    m_waitingForChoice = false;
    m_saving = true;
    if (!m_connector->keepSecretForSession(m_profile, m_secret)) {
        fail(tr("The secret cannot be kept for this session either, so nothing was saved."));
        return;
    }
    write(false, true);
}

void ProfileSaver::write(bool secretWritten, bool sessionOnly)
{
    QString error;
    if (!m_profiles->save(m_profile, &error)) {
        // A new profile's secret must not outlive the failed save.
        if ((secretWritten || sessionOnly) && m_isNew)
            m_connector->forgetSecrets(m_profile.name, this, [](const TokenStore::Outcome &) {});
        fail(tr("The profile could not be saved: %1").arg(asSentence(error)));
        return;
    }
    m_saving = false;
    m_secret.clear();
    Q_EMIT saved(m_profile.name, sessionOnly);
}

void ProfileSaver::fail(const QString &message)
{
    m_saving = false;
    m_secret.clear();
    Q_EMIT failed(message);
}

} // namespace Brickrun
