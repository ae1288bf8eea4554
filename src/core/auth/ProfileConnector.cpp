// SPDX-License-Identifier: Apache-2.0
#include "auth/ProfileConnector.h"

#include "api/HttpTransport.h"
#include "auth/AzureCliCredentials.h"
#include "auth/Credentials.h"
#include "auth/OAuthClient.h"
#include "auth/OAuthCredentials.h"

#include <QFileInfo>
#include <QTimer>

#include <memory>

namespace Brickrun {

namespace {

const QString RefreshTokenSuffix = QStringLiteral("/refresh-token");
const QString ClientSecretSuffix = QStringLiteral("/client-secret");

} // namespace

ProfileConnector::ProfileConnector(TokenStore *tokens, QNetworkAccessManager *network,
                                   QObject *parent)
    : QObject(parent)
    , m_tokens(tokens)
    , m_network(network)
{}

QString ProfileConnector::secretKey(const QString &profile, const QString &authType)
{
    const QString kind = AuthType::secretKind(authType);
    if (kind == QLatin1String("token"))
        return profile; // where personal access tokens have always been
    if (kind == QLatin1String("refresh-token"))
        return profile + RefreshTokenSuffix;
    if (kind == QLatin1String("client-secret"))
        return profile + ClientSecretSuffix;
    return {};
}

QStringList ProfileConnector::allSecretKeys(const QString &profile)
{
    return {profile, profile + RefreshTokenSuffix, profile + ClientSecretSuffix};
}

QString ProfileConnector::loadCaFile(const QString &path, QList<QSslCertificate> *certificates)
{
    certificates->clear();
    if (path.isEmpty())
        return {};
    if (!QFileInfo(path).isFile())
        return QStringLiteral("the CA file %1 does not exist").arg(path);
    *certificates = QSslCertificate::fromPath(path, QSsl::Pem);
    if (certificates->isEmpty())
        return QStringLiteral("the CA file %1 holds no PEM certificate").arg(path);
    return {};
}

QString ProfileConnector::checkComplete(const Profile &profile)
{
    if (!AuthType::isKnown(profile.authType))
        return QStringLiteral("profile \"%1\" uses the sign-in method \"%2\", which Brickrun "
                              "does not know (it knows %3)")
            .arg(profile.name, profile.authType, AuthType::all().join(QStringLiteral(", ")));
    if ((profile.authType == AuthType::OAuthM2M ||
         profile.authType == AuthType::AzureClientSecret) &&
        profile.clientId.isEmpty())
        return QStringLiteral("profile \"%1\" signs in as a service principal but names no "
                              "client id")
            .arg(profile.name);
    if (profile.authType == AuthType::AzureClientSecret && profile.tenantId.isEmpty())
        return QStringLiteral("profile \"%1\" signs in with an Entra ID client secret but names "
                              "no tenant id")
            .arg(profile.name);
    if (profile.authType == AuthType::AzureClientSecret && !profile.authority.isEmpty()) {
        const QString why = OAuthClient::checkEndpoint(QUrl(profile.authority));
        if (!why.isEmpty())
            return QStringLiteral("profile \"%1\": its Entra ID authority %2")
                .arg(profile.name, why);
    }
    return {};
}

Credentials *ProfileConnector::credentialsFor(const Profile &profile, const QString &secret,
                                              QNetworkAccessManager *network,
                                              const QList<QSslCertificate> &extraCa,
                                              QObject *parent)
{
    const QString type = profile.authType;
    if (type == AuthType::AzureCli)
        return new AzureCliCredentials(profile.tenantId, parent);
    if (type == AuthType::Pat || !AuthType::isKnown(type))
        return new StaticTokenCredentials(secret, parent);

    Credentials *credentials = nullptr;
    auto *oauth = new OAuthClient(network);
    oauth->setExtraCaCertificates(extraCa);
    if (type == AuthType::OAuthU2M) {
        credentials = new RefreshTokenCredentials(profile.host, secret, oauth, parent);
    } else {
        ClientSecretCredentials::Settings s;
        s.authType = type;
        s.host = profile.host;
        s.clientId = profile.clientId;
        s.clientSecret = secret;
        s.tenantId = profile.tenantId;
        if (!profile.authority.isEmpty())
            s.authority = QUrl(profile.authority);
        credentials = new ClientSecretCredentials(s, oauth, parent);
    }
    oauth->setParent(credentials);
    return credentials;
}

void ProfileConnector::connectTransport(const Profile &profile, HttpTransport *transport,
                                        QObject *context, Callback callback)
{
    const bool hasContext = context != nullptr;
    QPointer<QObject> guard(context);
    auto reply = [this, guard, hasContext, callback](const Outcome &o) {
        QTimer::singleShot(0, this, [guard, hasContext, callback, o] {
            if (hasContext && !guard)
                return;
            callback(o);
        });
    };
    QList<QSslCertificate> ca;
    QString why = loadCaFile(profile.caFile, &ca);
    if (why.isEmpty())
        why = checkComplete(profile);
    if (!why.isEmpty()) {
        reply({Failure::Config, why, nullptr});
        return;
    }
    QPointer<HttpTransport> target(transport);
    auto install = [this, profile, target, ca](const QString &secret) -> Credentials * {
        if (!target)
            return nullptr;
        Credentials *c = credentialsFor(profile, secret, m_network, ca, nullptr);
        target->setExtraCaCertificates(ca);
        target->setEndpoint(profile.host, c);
        // A rotated refresh token replaces the stored one at once: the old one stops working.
        const QString key = secretKey(profile.name, profile.authType);
        if (!key.isEmpty()) {
            QPointer<TokenStore> tokens(m_tokens);
            connect(c, &Credentials::secretChanged, c, [tokens, key](const QString &newSecret) {
                if (tokens)
                    tokens->writeToken(key, newSecret, nullptr, [](const TokenStore::Outcome &) {});
            });
        }
        return c;
    };
    const QString key = secretKey(profile.name, profile.authType);
    if (key.isEmpty()) {
        reply({Failure::None, {}, install(QString())});
        return;
    }
    m_tokens->readToken(key, this, [profile, install, reply](const TokenStore::Outcome &o) {
        if (o.status == TokenStore::Status::NotFound) {
            const QString what = profile.authType == AuthType::Pat
                                     ? QStringLiteral("has no token in the keychain")
                                 : profile.authType == AuthType::OAuthU2M
                                     ? QStringLiteral("is not signed in")
                                     : QStringLiteral("has no client secret in the keychain");
            reply({Failure::NotSignedIn,
                   QStringLiteral("profile \"%1\" %2").arg(profile.name, what), nullptr});
            return;
        }
        if (o.status == TokenStore::Status::NoBackend) {
            // Nothing can be stored: the profile needs its secret again (for this session).
            Outcome notStored{Failure::NotSignedIn,
                              QStringLiteral("profile \"%1\" has no stored secret: no keychain "
                                             "service is running")
                                  .arg(profile.name),
                              nullptr};
            notStored.noKeychain = true;
            reply(notStored);
            return;
        }
        if (!o.isOk()) {
            reply({Failure::Keychain, o.message, nullptr});
            return;
        }
        reply({Failure::None, {}, install(o.token)});
    });
}

void ProfileConnector::storeSecret(const Profile &profile, const QString &secret, QObject *context,
                                   TokenStore::Callback callback)
{
    const QString key = secretKey(profile.name, profile.authType);
    if (key.isEmpty()) {
        QTimer::singleShot(0, this, [callback] { callback({TokenStore::Status::Ok, {}, {}}); });
        return;
    }
    m_tokens->writeToken(key, secret, context, std::move(callback));
}

bool ProfileConnector::keepSecretForSession(const Profile &profile, const QString &secret)
{
    const QString key = secretKey(profile.name, profile.authType);
    return !key.isEmpty() && m_tokens->keepForSession(key, secret);
}

bool ProfileConnector::isSecretKeptForSession(const Profile &profile) const
{
    const QString key = secretKey(profile.name, profile.authType);
    return !key.isEmpty() && m_tokens->isKeptForSession(key);
}

void ProfileConnector::forgetSecrets(const QString &profile, QObject *context,
                                     TokenStore::Callback callback)
{
    const QStringList keys = allSecretKeys(profile);
    auto remaining = std::make_shared<int>(int(keys.size()));
    auto firstFailure =
        std::make_shared<TokenStore::Outcome>(TokenStore::Outcome{TokenStore::Status::Ok, {}, {}});
    for (const QString &key : keys) {
        m_tokens->removeToken(key, context,
                              [remaining, firstFailure, callback](const TokenStore::Outcome &o) {
                                  if (!o.isOk() && firstFailure->isOk())
                                      *firstFailure = o;
                                  if (--*remaining == 0)
                                      callback(*firstFailure);
                              });
    }
}

} // namespace Brickrun
