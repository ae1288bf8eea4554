// SPDX-License-Identifier: Apache-2.0
#include "ProfilesCommand.h"

#include "Console.h"
#include "DatabricksCfgImport.h"
#include "SignInHints.h"
#include "api/WorkspaceApi.h"
#include "auth/BrowserSignIn.h"
#include "auth/OAuthClient.h"
#include "auth/ProfileConnector.h"
#include "auth/TokenStore.h"
#include "config/WorkspaceUrl.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace Brickrun::Cli {

namespace {

QString statusWord(TokenStore::Status status)
{
    switch (status) {
    case TokenStore::Status::Ok:
        return QStringLiteral("stored");
    case TokenStore::Status::NotFound:
        return QStringLiteral("missing");
    case TokenStore::Status::NoBackend:
        return QStringLiteral("no keychain");
    case TokenStore::Status::AccessDenied:
        return QStringLiteral("access denied");
    case TokenStore::Status::Failed:
        break;
    }
    return QStringLiteral("unreadable");
}

} // namespace

ProfilesCommand::ProfilesCommand(const CliOptions &options, TokenStore *tokens, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_tokens(tokens)
    , m_transport(&m_network)
    , m_connector(tokens, &m_network)
{}

void ProfilesCommand::start()
{
    switch (m_options.profilesAction) {
    case ProfilesAction::List:
        return list();
    case ProfilesAction::Add:
        return add();
    case ProfilesAction::Remove:
        return remove();
    case ProfilesAction::Test:
        return test();
    case ProfilesAction::ImportDatabricksCfg:
        return importDatabricksCfg();
    case ProfilesAction::Login:
        return login();
    case ProfilesAction::Logout:
        return logout();
    }
}

void ProfilesCommand::list()
{
    const QList<Profile> profiles = m_store.profiles();
    const QString defaultName = m_store.defaultProfile();
    // Ask the keychain about each secret (whether it is there, never what it is).
    auto states = std::make_shared<QMap<QString, QString>>();
    auto report = [this, profiles, defaultName, states] {
        if (m_options.json) {
            QJsonArray array;
            for (const Profile &p : profiles)
                array.append(QJsonObject{{QStringLiteral("name"), p.name},
                                         {QStringLiteral("host"), p.host.toString()},
                                         {QStringLiteral("authType"), p.authType},
                                         {QStringLiteral("clusterId"), p.clusterId},
                                         {QStringLiteral("caFile"), p.caFile},
                                         {QStringLiteral("signedInAs"), p.signedInAs},
                                         {QStringLiteral("default"), p.name == defaultName},
                                         {QStringLiteral("token"), states->value(p.name)}});
            printOut(
                QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("profiles"), array}})
                                      .toJson(QJsonDocument::Compact)));
        } else if (profiles.isEmpty()) {
            printOut(QStringLiteral("No profiles yet. Add one with: brickrun-cli profiles add NAME "
                                    "--host URL (then: brickrun-cli profiles login NAME)\n"));
        } else {
            QString out;
            for (const Profile &p : profiles)
                out +=
                    QStringLiteral("%1 %2  %3  %4: %5%6%7\n")
                        .arg(p.name == defaultName ? QLatin1Char('*') : QLatin1Char(' '))
                        .arg(p.name.leftJustified(16), p.host.toString(),
                             AuthType::displayName(p.authType), states->value(p.name),
                             p.signedInAs.isEmpty() ? QString()
                                                    : QStringLiteral("  as: %1").arg(p.signedInAs),
                             p.clusterId.isEmpty()
                                 ? QString()
                                 : QStringLiteral("  cluster: %1").arg(p.clusterId));
            printOut(out);
        }
        finish(ExitSuccess);
    };
    if (profiles.isEmpty())
        return report();
    auto remaining = std::make_shared<int>(int(profiles.size()));
    for (const Profile &p : profiles) {
        const QString key = ProfileConnector::secretKey(p.name, p.authType);
        if (key.isEmpty()) {
            states->insert(p.name, QStringLiteral("kept by az"));
            if (--*remaining == 0)
                QTimer::singleShot(0, this, report);
            continue;
        }
        m_tokens->readToken(
            key, this, [states, remaining, report, name = p.name](const TokenStore::Outcome &o) {
                states->insert(name, statusWord(o.status));
                if (--*remaining == 0)
                    report();
            });
    }
}

bool ProfilesCommand::readSecret(const QString &option, QString *secret)
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly)) {
        printError(QStringLiteral("%1: cannot read standard input").arg(option));
        return false;
    }
    *secret = QString::fromUtf8(in.read(64 * 1024)).trimmed();
    if (secret->isEmpty()) {
        printError(QStringLiteral("%1: standard input held no %2")
                       .arg(option, option == QLatin1String("--token-stdin")
                                        ? QStringLiteral("token")
                                        : QStringLiteral("client secret")));
        return false;
    }
    if (secret->contains(QLatin1Char('\n')) || secret->contains(QLatin1Char(' ')) ||
        secret->contains(QLatin1Char('\t'))) {
        printError(QStringLiteral("%1: the secret must be one word on one line").arg(option));
        return false;
    }
    return true;
}

void ProfilesCommand::add()
{
    Profile profile;
    const auto existing = m_store.profile(m_options.name);
    if (existing)
        profile = *existing;
    profile.name = m_options.name;
    profile.host = m_options.host;
    // Re-adding a profile keeps its sign-in method unless one is named.
    if (!existing || m_options.authGiven || m_options.tokenFromStdin)
        profile.authType = m_options.authType;
    if (profile.authType == AuthType::OAuthM2M || profile.authType == AuthType::AzureClientSecret) {
        if (!m_options.clientId.isEmpty())
            profile.clientId = m_options.clientId;
    } else {
        profile.clientId.clear();
    }
    if (profile.authType == AuthType::AzureClientSecret || profile.authType == AuthType::AzureCli) {
        if (!m_options.tenantId.isEmpty() || profile.authType == AuthType::AzureCli)
            profile.tenantId = m_options.tenantId;
    } else {
        profile.tenantId.clear();
    }
    profile.authority =
        profile.authType == AuthType::AzureClientSecret ? m_options.authority : QString();
    if (!m_options.spec.clusterId.isEmpty())
        profile.clusterId = m_options.spec.clusterId;
    if (!m_options.caFile.isEmpty()) {
        QList<QSslCertificate> ca;
        if (const QString why = ProfileConnector::loadCaFile(m_options.caFile, &ca);
            !why.isEmpty()) {
            printError(QStringLiteral("--ca-file: %1").arg(why));
            return finish(ExitUsage);
        }
        profile.caFile = m_options.caFile;
    }
    if (const QString why = ProfileConnector::checkComplete(profile); !why.isEmpty()) {
        printError(why);
        return finish(ExitUsage);
    }
    // A secret belongs to one workspace, one method and one identity: when any of them
    // changes, the stored secrets go (they must never be sent to another host).
    const bool identityChanged = existing && !Profile::sameCredentials(*existing, profile);
    if (identityChanged)
        profile.signedInAs.clear();

    QString secret;
    const bool secretGiven = m_options.tokenFromStdin || m_options.clientSecretFromStdin;
    if (secretGiven &&
        !readSecret(m_options.tokenFromStdin ? QStringLiteral("--token-stdin")
                                             : QStringLiteral("--client-secret-stdin"),
                    &secret))
        return finish(ExitUsage);

    auto saveProfile = [this, profile](const QString &note) {
        QString why;
        if (!m_store.save(profile, &why)) {
            printError(QStringLiteral("could not save profile \"%1\": %2").arg(profile.name, why));
            return finish(ExitUsage);
        }
        if (m_options.makeDefault)
            m_store.setDefaultProfile(profile.name);
        printError(QStringLiteral("saved profile \"%1\" for %2 (%3)%4%5")
                       .arg(profile.name, profile.host.toString(),
                            AuthType::displayName(profile.authType), note,
                            m_store.defaultProfile() == profile.name
                                ? QStringLiteral(" (the default profile)")
                                : QString()));
        finish(ExitSuccess);
    };
    auto storeAndSave = [this, profile, secret, secretGiven, saveProfile, identityChanged] {
        const QString &type = profile.authType;
        if (!secretGiven) {
            QString note;
            if (type == AuthType::OAuthU2M)
                note = QStringLiteral("; sign in with: brickrun-cli profiles login %1")
                           .arg(profile.name);
            else if (type == AuthType::Pat)
                note = identityChanged || !m_store.contains(profile.name)
                           ? QStringLiteral("; no token stored (use --token-stdin)")
                           : QString();
            else if (type == AuthType::AzureCli)
                note = QStringLiteral("; the Azure CLI's sign-in is used (az login)");
            else
                note = identityChanged || !m_store.contains(profile.name)
                           ? QStringLiteral("; no client secret stored (use "
                                            "--client-secret-stdin)")
                           : QString();
            return saveProfile(note);
        }
        // The secret goes to the keychain first: a profile is saved once its secret is safe.
        m_connector.storeSecret(
            profile, secret, this,
            [this, profile, saveProfile, type](const TokenStore::Outcome &o) {
                if (!o.isOk()) {
                    printError(QStringLiteral("the %1 was not stored, so nothing was saved: %2")
                                   .arg(type == AuthType::Pat ? QStringLiteral("token")
                                                              : QStringLiteral("client secret"),
                                        o.message));
                    printNoKeychainHint(o, profile);
                    return finish(ExitAuth);
                }
                saveProfile(type == AuthType::Pat ? QStringLiteral("; token stored in the "
                                                                   "keychain")
                                                  : QStringLiteral("; client secret stored in "
                                                                   "the keychain"));
            });
    };
    if (!identityChanged)
        return storeAndSave();
    m_connector.forgetSecrets(profile.name, this,
                              [this, storeAndSave, profile](const TokenStore::Outcome &o) {
                                  if (!o.isOk()) {
                                      printError(QStringLiteral("profile \"%1\" was not changed: "
                                                                "its old secrets could not be "
                                                                "removed from the keychain: %2")
                                                     .arg(profile.name, o.message));
                                      return finish(ExitAuth);
                                  }
                                  printError(QStringLiteral("the workspace or sign-in method of "
                                                            "\"%1\" changed: its stored secrets "
                                                            "were removed")
                                                 .arg(profile.name));
                                  storeAndSave();
                              });
}

void ProfilesCommand::remove()
{
    const QString name = m_options.name;
    m_connector.forgetSecrets(name, this, [this, name](const TokenStore::Outcome &o) {
        m_store.remove(name);
        if (!o.isOk()) {
            printError(QStringLiteral("removed profile \"%1\", but its secrets could not be "
                                      "removed from the keychain: %2")
                           .arg(name, o.message));
            return finish(ExitAuth);
        }
        printError(QStringLiteral("removed profile \"%1\" and its secrets").arg(name));
        finish(ExitSuccess);
    });
}

void ProfilesCommand::logout()
{
    auto profile = m_store.profile(m_options.name);
    m_connector.forgetSecrets(profile->name, this, [this, profile](const TokenStore::Outcome &o) {
        if (!o.isOk()) {
            printError(QStringLiteral("the secrets of \"%1\" could not be removed from the "
                                      "keychain: %2")
                           .arg(profile->name, o.message));
            return finish(ExitAuth);
        }
        Profile p = *profile;
        p.signedInAs.clear();
        QString ignored;
        m_store.save(p, &ignored);
        printError(profile->authType == AuthType::AzureCli
                       ? QStringLiteral("profile \"%1\" keeps no secret (the Azure CLI keeps its "
                                        "own; sign out of it with: az logout)")
                             .arg(profile->name)
                       : QStringLiteral("signed out of \"%1\": its secrets were removed from the "
                                        "keychain")
                             .arg(profile->name));
        finish(ExitSuccess);
    });
}

void ProfilesCommand::printNoKeychainHint(const TokenStore::Outcome &outcome,
                                          const Profile &profile)
{
    // Said once per command: the same hint for each of many imported profiles helps no one.
    if (outcome.status != TokenStore::Status::NoBackend || m_noKeychainHinted)
        return;
    m_noKeychainHinted = true;
    printError(QStringLiteral("hint: %1").arg(noKeychainRemedy(profile)));
}

void ProfilesCommand::useRetryBudget()
{
    RetryPolicy retry;
    retry.totalBudget = m_options.retryBudget;
    m_transport.setRetryPolicy(m_options.retryBudget.count() == 0 ? RetryPolicy::none() : retry);
}

QString ProfilesCommand::validity(const Credentials *credentials)
{
    if (!credentials)
        return {};
    const QDateTime until = credentials->current().expiresAt;
    if (!until.isValid())
        return credentials->authType() == AuthType::Pat
                   ? QStringLiteral("the token's expiry is not known to Brickrun")
                   : QString();
    return QStringLiteral("the access token is valid until %1")
        .arg(until.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
}

void ProfilesCommand::login()
{
    const auto profile = m_store.profile(m_options.name);
    if (profile->authType != AuthType::OAuthU2M) {
        // Other methods have nothing to sign in with here: check that they work instead.
        printError(QStringLiteral("profile \"%1\" signs in with: %2; checking it")
                       .arg(profile->name, AuthType::displayName(profile->authType)));
        return test();
    }
    QList<QSslCertificate> ca;
    if (const QString why = ProfileConnector::loadCaFile(profile->caFile, &ca); !why.isEmpty()) {
        printError(QStringLiteral("error: %1").arg(why));
        return finish(ExitUsage);
    }
    auto *oauth = new OAuthClient(&m_network, this);
    oauth->setExtraCaCertificates(ca);
    auto *signIn = new BrowserSignIn(oauth, profile->host, this);
    connect(signIn, &BrowserSignIn::authorizationUrlReady, this, [this](const QUrl &url) {
        const QString address = QString::fromUtf8(url.toEncoded());
        if (m_options.noBrowser || !openBrowser(url))
            printError(QStringLiteral("Open this address in a browser to sign in (Brickrun waits "
                                      "for the answer on this computer):\n%1")
                           .arg(address));
        else
            printError(QStringLiteral("A browser was opened to sign in. If none appeared, open "
                                      "this address:\n%1")
                           .arg(address));
    });
    connect(signIn, &BrowserSignIn::finished, this,
            [this, profile, ca](const BrowserSignIn::Outcome &outcome) {
                if (!outcome.isOk()) {
                    printError(QStringLiteral("error: %1").arg(outcome.error));
                    return finish(ExitAuth);
                }
                m_connector.storeSecret(
                    *profile, outcome.tokens.refreshToken, this,
                    [this, profile, ca, outcome](const TokenStore::Outcome &o) {
                        if (!o.isOk()) {
                            printError(QStringLiteral("error: signed in, but the keychain did not "
                                                      "take the refresh token, so nothing was "
                                                      "kept: %1")
                                           .arg(o.message));
                            printNoKeychainHint(o, *profile);
                            return finish(ExitAuth);
                        }
                        auto *credentials = ProfileConnector::credentialsFor(
                            *profile, outcome.tokens.refreshToken, &m_network, ca, nullptr);
                        credentials->setCurrent(outcome.tokens.access);
                        m_transport.setExtraCaCertificates(ca);
                        m_transport.setEndpoint(profile->host, credentials);
                        reportIdentity(*profile, true);
                    });
            });
    signIn->start();
}

bool ProfilesCommand::openBrowser(const QUrl &url)
{
    const QString address = QString::fromUtf8(url.toEncoded());
    const QString custom =
        QProcessEnvironment::systemEnvironment().value(QStringLiteral("BROWSER"));
    if (!custom.isEmpty())
        return QProcess::startDetached(custom, {address});
#if defined(Q_OS_WIN)
    return QProcess::startDetached(QStringLiteral("rundll32"),
                                   {QStringLiteral("url.dll,FileProtocolHandler"), address});
#elif defined(Q_OS_MACOS)
    return QProcess::startDetached(QStringLiteral("open"), {address});
#else
    const QString opener = QStandardPaths::findExecutable(QStringLiteral("xdg-open"));
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Without a desktop session (ssh, a container) nothing would appear: print the address.
    if (opener.isEmpty() || (env.value(QStringLiteral("DISPLAY")).isEmpty() &&
                             env.value(QStringLiteral("WAYLAND_DISPLAY")).isEmpty()))
        return false;
    return QProcess::startDetached(opener, {address});
#endif
}

void ProfilesCommand::test()
{
    const auto profile = m_store.profile(m_options.name);
    useRetryBudget();
    m_connector.connectTransport(
        *profile, &m_transport, this, [this, profile](const ProfileConnector::Outcome &o) {
            if (!o.isOk()) {
                printError(
                    QStringLiteral("error: %1; %2").arg(o.error, signInRemedy(*profile, false)));
                return finish(o.failure == ProfileConnector::Failure::Config ? ExitUsage
                                                                             : ExitAuth);
            }
            reportIdentity(*profile, false);
        });
}

void ProfilesCommand::reportIdentity(const Profile &profile, bool signedInNow)
{
    auto *api = new WorkspaceApi(&m_transport, this);
    api->testConnection(this, [this, profile, signedInNow](const ConnectionReport &report) {
        const Credentials *credentials = m_transport.credentials();
        const QString method = AuthType::displayName(profile.authType);
        const QString until = validity(credentials);
        // No access token could be had (az failed, a secret was refused): the workspace was
        // never asked, so the report's words about what it answered would blame it wrongly.
        QString summary = report.summary;
        if (!report.tokenAccepted && report.error.isError() && credentials &&
            credentials->current().isEmpty())
            summary = QStringLiteral("Brickrun could not get an access token for %1 (%2): %3")
                          .arg(profile.host.host(), method, report.error.message);
        if (report.tokenAccepted && !report.user.userName.isEmpty() &&
            report.user.userName != profile.signedInAs) {
            Profile p = profile;
            p.signedInAs = report.user.userName;
            QString ignored;
            m_store.save(p, &ignored);
        }
        if (m_options.json) {
            printOut(QString::fromUtf8(
                QJsonDocument(
                    QJsonObject{{QStringLiteral("hostAnswers"), report.hostAnswers},
                                {QStringLiteral("tokenAccepted"), report.tokenAccepted},
                                {QStringLiteral("authType"), profile.authType},
                                {QStringLiteral("userName"), report.user.userName},
                                {QStringLiteral("displayName"), report.user.displayName},
                                {QStringLiteral("accessTokenExpiresAt"),
                                 credentials && credentials->current().expiresAt.isValid()
                                     ? credentials->current().expiresAt.toString(Qt::ISODate)
                                     : QString()},
                                {QStringLiteral("summary"), summary}})
                    .toJson(QJsonDocument::Compact)));
        } else {
            QString text = summary;
            if (report.tokenAccepted)
                text +=
                    QStringLiteral("\n%1 %2 as %3 (%4)%5")
                        .arg(signedInNow ? QStringLiteral("Signed in to")
                                         : QStringLiteral("Sign-in to"),
                             profile.host.host(),
                             report.user.userName.isEmpty() ? QStringLiteral("an unnamed user")
                                                            : report.user.userName,
                             method, until.isEmpty() ? QString() : QStringLiteral("; ") + until);
            printOut(text);
        }
        if (report.tokenAccepted)
            return finish(ExitSuccess);
        if (report.hostAnswers && (report.error.isAuthentication() || report.error.isPermission()))
            printError(QStringLiteral("to fix it: %1").arg(signInRemedy(profile, false)));
        finish(report.hostAnswers && !report.error.isClientError() &&
                       (report.error.isAuthentication() || report.error.isPermission())
                   ? ExitAuth
                   : ExitApi);
    });
}

void ProfilesCommand::importDatabricksCfg()
{
    auto *import = new DatabricksCfgImport(
        &m_store, &m_connector, [this](const QString &text) { printError(text); },
        [this](const TokenStore::Outcome &outcome, const Profile &profile) {
            printNoKeychainHint(outcome, profile);
        },
        this);
    connect(import, &DatabricksCfgImport::done, this, &ProfilesCommand::finish);
    import->start(m_options.cfgProfile);
}

void ProfilesCommand::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    QTimer::singleShot(0, this, [this, exitCode] { Q_EMIT done(exitCode); });
}

void ProfilesCommand::printOut(const QString &text)
{
    const QByteArray bytes =
        (text.endsWith(QLatin1Char('\n')) ? text : text + QLatin1Char('\n')).toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void ProfilesCommand::printError(const QString &text)
{
    std::fputs(qPrintable(text + QLatin1Char('\n')), stderr);
    std::fflush(stderr);
}

} // namespace Brickrun::Cli
