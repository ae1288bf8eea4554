// SPDX-License-Identifier: Apache-2.0
#include "DatabricksCfgImport.h"

#include "CliOptions.h"
#include "auth/Credentials.h"
#include "config/DatabricksCfg.h"
#include "config/WorkspaceUrl.h"

#include <QProcessEnvironment>
#include <QTimer>

namespace Brickrun::Cli {

DatabricksCfgImport::DatabricksCfgImport(ProfileStore *store, ProfileConnector *connector,
                                         Print printError, NoKeychainHint noKeychainHint,
                                         QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_connector(connector)
    , m_printError(std::move(printError))
    , m_noKeychainHint(std::move(noKeychainHint))
{}

void DatabricksCfgImport::start(const QString &only)
{
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString path = DatabricksCfg::configPath(env);
    QString error;
    const DatabricksCfg cfg = DatabricksCfg::load(path, &error);
    if (!error.isEmpty()) {
        m_printError(error);
        return finish(ExitUsage);
    }
    for (const DatabricksCfgIssue &issue : cfg.issues())
        m_printError(QStringLiteral("%1:%2: %3 (line skipped)")
                         .arg(path)
                         .arg(issue.line)
                         .arg(issue.message));

    QList<DatabricksCfgProfile> chosen;
    if (!only.isEmpty()) {
        const auto p = cfg.profile(only);
        if (!p) {
            m_printError(QStringLiteral("%1 has no profile [%2]").arg(path, only));
            return finish(ExitUsage);
        }
        chosen << *p;
    } else {
        chosen = cfg.profiles();
    }
    for (const DatabricksCfgProfile &p : chosen) {
        const QString why = Profile::checkName(p.name);
        if (!why.isEmpty()) {
            m_printError(QStringLiteral("[%1] skipped: %2").arg(p.name, why));
            ++m_importFailures;
            continue;
        }
        QString hostError;
        const QUrl host = WorkspaceUrl::parse(p.host, &hostError);
        if (!host.isValid()) {
            m_printError(
                QStringLiteral("[%1] skipped: %2")
                    .arg(p.name, p.host.isEmpty() ? QStringLiteral("no host") : hostError));
            ++m_importFailures;
            continue;
        }
        PendingImport item;
        item.profile.name = p.name;
        item.profile.host = host;
        item.profile.clusterId = p.clusterId;
        const auto other = [&p](const char *key) {
            return p.otherKeys.value(QLatin1String(key)).trimmed();
        };
        // The method as the official tools choose it: auth_type when set, else the first
        // whose credentials the section holds (token, client secret, Azure client secret).
        // A section holding none of them is taken as a PAT, as one holding a token.
        QString type = p.authType;
        if (type.isEmpty() && p.token.isEmpty()) {
            if (!other("client_id").isEmpty() && !other("client_secret").isEmpty())
                type = AuthType::OAuthM2M;
            else if (!other("azure_client_id").isEmpty() && !other("azure_client_secret").isEmpty())
                type = AuthType::AzureClientSecret;
        }
        if (type.isEmpty())
            type = AuthType::Pat;
        if (!AuthType::isKnown(type)) {
            m_printError(QStringLiteral("[%1] skipped: auth_type %2 is not one Brickrun knows (%3)")
                             .arg(p.name, type, AuthType::all().join(QStringLiteral(", "))));
            ++m_importFailures;
            continue;
        }
        item.profile.authType = type;
        if (type == AuthType::OAuthM2M) {
            item.profile.clientId = other("client_id");
            item.token = other("client_secret");
        } else if (type == AuthType::AzureClientSecret) {
            item.profile.clientId = other("azure_client_id");
            item.profile.tenantId = other("azure_tenant_id");
            item.token = other("azure_client_secret");
        } else if (type == AuthType::AzureCli) {
            item.profile.tenantId = other("azure_tenant_id");
        } else if (type == AuthType::Pat) {
            item.token = p.token;
        }
        if (const QString incomplete = ProfileConnector::checkComplete(item.profile);
            !incomplete.isEmpty()) {
            m_printError(QStringLiteral("[%1] skipped: %2").arg(p.name, incomplete));
            ++m_importFailures;
            continue;
        }
        if (item.token.isEmpty())
            item.note = type == AuthType::Pat ? QStringLiteral("no token in the file")
                        : type == AuthType::OAuthU2M
                            ? QStringLiteral("browser sign-in: sign in with brickrun-cli profiles "
                                             "login %1")
                                  .arg(p.name)
                        : type == AuthType::AzureCli
                            ? QStringLiteral("azure-cli: the Azure CLI's sign-in is used")
                            : QStringLiteral("no client secret in the file");
        m_imports << item;
    }
    if (m_imports.isEmpty()) {
        m_printError(QStringLiteral("nothing to import from %1").arg(path));
        return finish(ExitUsage);
    }
    m_store->beginBatch(); // one write of the settings at the end, however many profiles
    importNext();
}

void DatabricksCfgImport::importNext()
{
    // Profiles that need nothing from the keychain are saved in this loop, without going back
    // to the event loop in between: QSettings writes its whole file at every turn of the event
    // loop after a change, which made a file of thousands of profiles quadratic.
    while (!m_imports.isEmpty()) {
        const PendingImport item = m_imports.takeFirst();
        auto save = [this, item](const QString &note) {
            QString why;
            if (!m_store->save(item.profile, &why)) {
                m_printError(QStringLiteral("[%1] skipped: %2").arg(item.profile.name, why));
                ++m_importFailures;
            } else {
                ++m_imported;
                m_printError(QStringLiteral("[%1] imported: %2%3")
                                 .arg(item.profile.name, item.profile.host.toString(), note));
            }
        };
        // A profile that already exists here for another workspace or method loses its old
        // secrets first: they must never follow it to the new host.
        const auto existing = m_store->profile(item.profile.name);
        const bool changed = existing && !Profile::sameCredentials(*existing, item.profile);
        if (!changed && item.token.isEmpty()) {
            save(QStringLiteral(" (%1)").arg(item.note));
            continue;
        }
        const bool isToken = item.profile.authType == AuthType::Pat;
        auto store = [this, save, item, isToken] {
            if (item.token.isEmpty()) {
                save(QStringLiteral(" (%1)").arg(item.note));
                return importNext();
            }
            m_connector->storeSecret(
                item.profile, item.token, this,
                [this, save, item, isToken](const TokenStore::Outcome &o) {
                    if (!o.isOk()) {
                        m_printError(QStringLiteral("[%1] skipped: the %2 was not stored: %3")
                                         .arg(item.profile.name,
                                              isToken ? QStringLiteral("token")
                                                      : QStringLiteral("client secret"),
                                              o.message));
                        m_noKeychainHint(o, item.profile);
                        ++m_importFailures;
                        return importNext();
                    }
                    save(isToken ? QStringLiteral(" (token moved to the keychain)")
                                 : QStringLiteral(" (client secret moved to the keychain)"));
                    importNext();
                });
        };
        if (!changed)
            return store(); // the keychain answers later; importNext() goes on from there
        m_connector->forgetSecrets(
            item.profile.name, this, [this, store, item](const TokenStore::Outcome &o) {
                if (!o.isOk()) {
                    m_printError(QStringLiteral("[%1] skipped: its old secrets could not be "
                                                "removed: %2")
                                     .arg(item.profile.name, o.message));
                    ++m_importFailures;
                    return importNext();
                }
                store();
            });
        return;
    }
    if (!m_store->endBatch()) {
        m_printError(
            QStringLiteral("the profiles could not be written to %1").arg(m_store->fileName()));
        return finish(ExitUsage);
    }
    m_printError(QStringLiteral("imported %1 profile(s); %2 unchanged (the file was not modified)")
                     .arg(m_imported)
                     .arg(m_importFailures));
    finish(m_imported > 0 ? ExitSuccess : ExitAuth);
}

void DatabricksCfgImport::finish(int exitCode)
{
    Q_EMIT done(exitCode);
}

} // namespace Brickrun::Cli
