// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class QMessageBox;
class QNetworkAccessManager;

namespace Brickrun {

class ConnectionRegistry;
class MainWindow;
class ProfileStore;
class RunMonitor;
class TokenStore;
struct ApiError;

// The Workspace menu's dialogs: add a workspace, edit one (and sign in again), and the offer to
// sign in again when a workspace refuses Brickrun's sign-in. After a change the profile's
// connection is made again and its paused runs go on.
class WorkspaceDialogs : public QObject
{
    Q_OBJECT
public:
    WorkspaceDialogs(ProfileStore *profiles, TokenStore *tokens, QNetworkAccessManager *network,
                     ConnectionRegistry *connections, RunMonitor *monitor, MainWindow *window,
                     QObject *parent = nullptr);

    void addWorkspace();
    // The profile's dialog; a profile that is no stored one (none, the demo) adds one instead.
    void editWorkspace(const QString &profile);
    // `signedIn` is answered once the dialog was accepted and the profile's connection is
    // ready again (not when it is cancelled or still cannot connect).
    void editProfile(const QString &profile, bool signInNow, std::function<void()> signedIn = {});
    // The workspace refused the sign-in: its runs are paused; one click signs in again.
    void offerSignInAgain(const QString &profile, const Brickrun::ApiError &error);

Q_SIGNALS:
    // The profiles changed; `current` is the one the user worked on.
    void profilesChanged(const QString &current);

private:
    ProfileStore *m_profiles;
    TokenStore *m_tokens;
    QNetworkAccessManager *m_network;
    ConnectionRegistry *m_connections;
    RunMonitor *m_monitor;
    MainWindow *m_window;
    QHash<QString, QPointer<QMessageBox>> m_signInAgainBoxes;
};

} // namespace Brickrun
