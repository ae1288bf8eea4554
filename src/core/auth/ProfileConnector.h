// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "auth/TokenStore.h"
#include "model/Profile.h"

#include <QObject>
#include <QPointer>
#include <QSslCertificate>

#include <functional>

class QNetworkAccessManager;

namespace Brickrun {

class Credentials;
class HttpTransport;
class OAuthClient;

// The one place that turns a profile into a ready, authenticated transport: the CA file, the
// secret from the keychain, the credentials for the profile's sign-in method. The CLI, the
// desktop program and the profile dialog all go through it, so they behave the same.
class ProfileConnector : public QObject
{
    Q_OBJECT
public:
    enum class Failure
    {
        None,
        Config,      // the profile itself is wrong (CA file, missing client id…)
        NotSignedIn, // no secret stored: sign in (or store a token) first
        Keychain     // the keychain failed; its message says how
    };
    struct Outcome
    {
        Failure failure = Failure::None;
        QString error;                      // one sentence when failure != None
        Credentials *credentials = nullptr; // owned by the transport
        // NotSignedIn because no keychain is running (TokenStore::Status::NoBackend) and no
        // secret is kept for this session: the secret is to be given again, or another way.
        bool noKeychain = false;
        bool isOk() const { return failure == Failure::None; }
    };
    using Callback = std::function<void(const Outcome &)>;

    ProfileConnector(TokenStore *tokens, QNetworkAccessManager *network, QObject *parent = nullptr);

    // Points `transport` at the profile's workspace with its credentials. Calls back once,
    // later, unless `context` dies first.
    void connectTransport(const Profile &profile, HttpTransport *transport, QObject *context,
                          Callback callback);

    // Credentials for an explicit host and secrets (environment, command line); no keychain.
    static Credentials *credentialsFor(const Profile &profile, const QString &secret,
                                       QNetworkAccessManager *network,
                                       const QList<QSslCertificate> &extraCa, QObject *parent);

    // The keychain entry of the profile's long-lived secret for `authType`; empty when the
    // method keeps none (Azure CLI).
    static QString secretKey(const QString &profile, const QString &authType);
    // Every keychain entry a profile may have, whatever its method.
    static QStringList allSecretKeys(const QString &profile);

    // Stores the method's secret for the profile.
    void storeSecret(const Profile &profile, const QString &secret, QObject *context,
                     TokenStore::Callback callback);
    // "Use for this session only": keeps the method's secret in memory, never in a file (when
    // no keychain is there). False when the token store cannot (see TokenStore::keepForSession).
    bool keepSecretForSession(const Profile &profile, const QString &secret);
    // Whether the profile's secret is one kept for this session only.
    bool isSecretKeptForSession(const Profile &profile) const;
    // Removes every secret kept for the profile (host or method changed, sign-out, removal).
    // Calls back once with the first failure, or Ok.
    void forgetSecrets(const QString &profile, QObject *context, TokenStore::Callback callback);

    // Empty when the profile's CA file is usable (or there is none), else why not; the
    // certificates go to *certificates.
    static QString loadCaFile(const QString &path, QList<QSslCertificate> *certificates);
    // Empty when the profile names everything its method needs, else what is missing.
    static QString checkComplete(const Profile &profile);

    TokenStore *tokenStore() const { return m_tokens; }

private:
    TokenStore *m_tokens;
    QNetworkAccessManager *m_network;
};

} // namespace Brickrun
