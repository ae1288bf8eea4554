// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "auth/Credentials.h"

#include <QObject>
#include <QSslCertificate>
#include <QUrl>

class QLabel;
class QNetworkAccessManager;
class QPushButton;

namespace Brickrun {

class BrowserSignIn;

// The profile dialog's browser sign-in row: the "Sign in…" button and the status beside it,
// the BrowserSignIn in progress, and what it gave (the refresh token and a first access
// token), kept in memory until the dialog saves or forgets them.
class BrowserSignInRow : public QObject
{
    Q_OBJECT
public:
    BrowserSignInRow(QNetworkAccessManager *network, QPushButton *button, QLabel *status,
                     QObject *parent = nullptr);

    // Opens the browser at `host`'s consent page, forgetting an earlier sign-in.
    void start(const QUrl &host, const QList<QSslCertificate> &certificates);
    void cancel(); // the sign-in in progress, if any
    void forget(); // cancels, and forgets what an earlier sign-in gave
    bool isRunning() const { return m_signIn != nullptr; }
    bool isSignedIn() const { return !m_refreshToken.isEmpty(); }

    QUrl host() const { return m_host; } // the workspace signed in to
    QString refreshToken() const { return m_refreshToken; }
    AccessToken access() const { return m_access; }
    QString user() const { return m_user; }
    void setUser(const QString &user) { m_user = user; }
    QUrl signInUrl() const { return m_signInUrl; }

    // While no sign-in runs: who is signed in (this sign-in's user, else `storedUser` when the
    // stored secret stays), else "Not signed in yet."
    void showState(bool keepsStored, const QString &storedUser);

Q_SIGNALS:
    void signedIn(); // the tokens are in: the dialog asks the workspace who signed in
    void runningChanged(bool running);

private:
    QNetworkAccessManager *m_network;
    QPushButton *m_button;
    QLabel *m_status;
    BrowserSignIn *m_signIn = nullptr;
    QUrl m_signInUrl;
    QUrl m_host;
    QString m_refreshToken;
    AccessToken m_access;
    QString m_user;
};

} // namespace Brickrun
