// SPDX-License-Identifier: Apache-2.0
#include "SecretStore.h"

#include <QTimer>

namespace Brickrun {

SecretStore::SecretStore(TokenStore *keychain, QObject *parent)
    : TokenStore(parent)
    , m_keychain(keychain)
{}

void SecretStore::answerLater(QObject *context, Callback callback, const Outcome &outcome)
{
    // Asynchronous, as the keychain answers: callers never see their callback inside the call.
    QTimer::singleShot(0, this,
                       [guard = QPointer<QObject>(context), hasContext = context != nullptr,
                        callback = std::move(callback), outcome] {
                           if (!hasContext || guard)
                               callback(outcome);
                       });
}

void SecretStore::readToken(const QString &profile, QObject *context, Callback callback)
{
    if (const auto it = m_session.constFind(profile); it != m_session.constEnd())
        return answerLater(context, std::move(callback), {Status::Ok, *it, {}});
    m_keychain->readToken(profile, context, std::move(callback));
}

void SecretStore::writeToken(const QString &profile, const QString &token, QObject *context,
                             Callback callback)
{
    if (m_session.contains(profile)) {
        m_session.insert(profile, token);
        return answerLater(context, std::move(callback), {Status::Ok, {}, {}});
    }
    m_keychain->writeToken(profile, token, context, std::move(callback));
}

void SecretStore::removeToken(const QString &profile, QObject *context, Callback callback)
{
    m_session.remove(profile);
    m_keychain->removeToken(profile, context, std::move(callback));
}

bool SecretStore::keepForSession(const QString &profile, const QString &token)
{
    if (profile.isEmpty() || token.isEmpty())
        return false;
    m_session.insert(profile, token);
    return true;
}

bool SecretStore::isKeptForSession(const QString &profile) const
{
    return m_session.contains(profile);
}

} // namespace Brickrun
