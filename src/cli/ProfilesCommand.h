// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "CliOptions.h"
#include "api/HttpTransport.h"
#include "auth/ProfileConnector.h"
#include "auth/TokenStore.h"
#include "config/ProfileStore.h"

#include <QNetworkAccessManager>
#include <QObject>

namespace Brickrun::Cli {

// brickrun-cli profiles list | add | remove | test | login | logout | import-databrickscfg.
// Profiles live in the settings; their secrets in the OS keychain, and nowhere else.
class ProfilesCommand : public QObject
{
    Q_OBJECT
public:
    ProfilesCommand(const CliOptions &options, TokenStore *tokens, QObject *parent = nullptr);
    void start();

Q_SIGNALS:
    void done(int exitCode);

private:
    void list();
    void add();
    void remove();
    void test();
    void login();
    void logout();
    void reportIdentity(const Profile &profile, bool signedInNow);
    bool readSecret(const QString &option, QString *secret);
    void printNoKeychainHint(const TokenStore::Outcome &outcome, const Profile &profile);
    void useRetryBudget();
    static bool openBrowser(const QUrl &url);
    static QString validity(const Credentials *credentials);
    void importDatabricksCfg();
    void finish(int exitCode);
    void printOut(const QString &text);
    void printError(const QString &text);

    CliOptions m_options;
    TokenStore *m_tokens;
    ProfileStore m_store;
    QNetworkAccessManager m_network;
    HttpTransport m_transport;
    ProfileConnector m_connector;
    bool m_finished = false;
    bool m_noKeychainHinted = false;
};

} // namespace Brickrun::Cli
