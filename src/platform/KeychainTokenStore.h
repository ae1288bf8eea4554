// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "auth/TokenStore.h"

namespace Brickrun {

// Tokens in the OS keychain through QtKeychain: Secret Service (gnome-keyring, KWallet) on
// Linux, Keychain on macOS, Credential Manager on Windows. Service = the app id, key = the
// profile name. There is no plain-text fallback: without a keychain, storing fails and says so.
class KeychainTokenStore : public TokenStore
{
    Q_OBJECT
public:
    explicit KeychainTokenStore(QObject *parent = nullptr,
                                const QString &service = QStringLiteral(BRICKRUN_APP_ID));

    void readToken(const QString &profile, QObject *context, Callback callback) override;
    void writeToken(const QString &profile, const QString &token, QObject *context,
                    Callback callback) override;
    void removeToken(const QString &profile, QObject *context, Callback callback) override;

    QString service() const { return m_service; }

    // What a missing keychain (Status::NoBackend) means and how to get one, in plain words;
    // the keychain's own error goes to Outcome::detail, never into this sentence.
    static QString noKeychainMessage();

private:
    QString m_service;
};

} // namespace Brickrun
