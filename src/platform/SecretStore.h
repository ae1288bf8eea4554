// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "auth/TokenStore.h"

#include <QHash>
#include <QPointer>

namespace Brickrun {

// Where the programs keep the profiles' secrets: the keychain (the store given, normally a
// KeychainTokenStore), and, for a secret the user chose to "use for this session only" because
// no keychain is there, this object's memory, gone when the program ends. Never a file. The
// desktop program and brickrun-cli both hand one to everything that takes a TokenStore, so the
// rule lives here and not in each front end:
// - readToken answers a session secret first, else asks the keychain;
// - writeToken of a session secret (a rotated refresh token) replaces it in memory, else it
//   goes to the keychain;
// - removeToken forgets the session secret and removes the keychain's: a secret never follows
//   a profile to another workspace.
class SecretStore : public TokenStore
{
    Q_OBJECT
public:
    // `keychain` must outlive this store.
    explicit SecretStore(TokenStore *keychain, QObject *parent = nullptr);

    void readToken(const QString &profile, QObject *context, Callback callback) override;
    void writeToken(const QString &profile, const QString &token, QObject *context,
                    Callback callback) override;
    void removeToken(const QString &profile, QObject *context, Callback callback) override;
    bool keepForSession(const QString &profile, const QString &token) override;
    bool isKeptForSession(const QString &profile) const override;

private:
    void answerLater(QObject *context, Callback callback, const Outcome &outcome);

    QPointer<TokenStore> m_keychain;
    QHash<QString, QString> m_session; // key → secret, in memory only
};

} // namespace Brickrun
