// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "auth/ProfileConnector.h"
#include "auth/TokenStore.h"
#include "config/ProfileStore.h"
#include "model/Profile.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace Brickrun::Cli {

// brickrun-cli profiles import-databrickscfg: the sections of the Databricks CLI's
// ~/.databrickscfg (DATABRICKS_CONFIG_FILE) become profiles, their secrets moved to the keychain
// (a profile that changes workspace or method loses its old ones first); the file itself is
// never changed. One write of the profiles at the end, however many there are.
class DatabricksCfgImport : public QObject
{
    Q_OBJECT
public:
    using Print = std::function<void(const QString &)>;
    using NoKeychainHint = std::function<void(const TokenStore::Outcome &, const Profile &)>;

    // `printError` prints a line on stderr; `noKeychainHint` is told of a secret not stored.
    DatabricksCfgImport(ProfileStore *store, ProfileConnector *connector, Print printError,
                        NoKeychainHint noKeychainHint, QObject *parent = nullptr);
    // Imports the section named `only`, or every section when it is empty; done() at the end.
    void start(const QString &only);

Q_SIGNALS:
    void done(int exitCode);

private:
    void importNext();
    void finish(int exitCode);

    ProfileStore *m_store;
    ProfileConnector *m_connector;
    Print m_printError;
    NoKeychainHint m_noKeychainHint;
    struct PendingImport
    {
        Profile profile;
        QString token;
        QString note;
    };
    QList<PendingImport> m_imports;
    int m_imported = 0;
    int m_importFailures = 0;
};

} // namespace Brickrun::Cli
