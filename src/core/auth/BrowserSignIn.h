// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "auth/OAuthClient.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <memory>

class QTcpServer;
class QTcpSocket;

namespace Brickrun {

// The browser sign-in (OAuth U2M, authorization code with PKCE), as the Databricks CLI does it:
// discovery, a loopback listener on http://localhost:8020 (8021…8040 when busy: the workspace
// accepts only these), the consent page in the system browser, then the code exchanged for an
// access token and a refresh token. The listener takes exactly one answer that carries this
// sign-in's `state`, answers the browser a small page, and gives up after a timeout or on
// cancel(). Opening the browser is the front end's job: it gets `authorizationUrlReady`.
class BrowserSignIn : public QObject
{
    Q_OBJECT
public:
    struct Outcome
    {
        OAuthTokenAnswer tokens; // access token and refresh token when it worked
        QString error;           // one sentence when it did not
        bool cancelled = false;
        bool isOk() const { return error.isEmpty() && !cancelled; }
    };

    BrowserSignIn(OAuthClient *oauth, const QUrl &host, QObject *parent = nullptr);
    ~BrowserSignIn() override;

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    // The ports to try, in order (default 8020…8040).
    void setPorts(int first, int last);

    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    quint16 port() const { return m_port; }

    static QString makeCodeVerifier();
    static QString codeChallenge(const QString &verifier);

Q_SIGNALS:
    // Open this in the browser (or show it to be opened by hand).
    void authorizationUrlReady(const QUrl &url);
    // The consent was given in the browser; the code is being exchanged for tokens.
    void exchangingCode();
    void finished(const Brickrun::BrowserSignIn::Outcome &outcome);

private:
    void listen(const OAuthEndpoints &endpoints);
    void onConnection();
    void onRequest(QTcpSocket *socket, const QByteArray &requestLine);
    void answer(QTcpSocket *socket, int status, const QString &title, const QString &text);
    void exchange(const QString &code);
    void fail(const QString &message);
    void finishWith(const Outcome &outcome);

    OAuthClient *m_oauth;
    QUrl m_host;
    OAuthEndpoints m_endpoints;
    std::chrono::milliseconds m_timeout{std::chrono::minutes(5)};
    int m_firstPort = 8020;
    int m_lastPort = 8040;
    QTcpServer *m_server = nullptr;
    QTcpServer *m_server6 = nullptr; // the same port on ::1, where it is free
    quint16 m_port = 0;
    QString m_verifier;
    QString m_state;
    QString m_redirectUri;
    QTimer m_deadline;
    bool m_running = false;
    bool m_answered = false; // a matching answer came; later ones are turned away
};

} // namespace Brickrun

Q_DECLARE_METATYPE(Brickrun::BrowserSignIn::Outcome)
