// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

class QNetworkAccessManager;
class QUrl;
class QUrlQuery;

namespace Brickrun {

class ComputeApi;
class HttpTransport;
class JobsClient;
class ProfileConnector;
class ProfileStore;
class TokenStore;
class WorkspaceApi;

// The connections of a program, one per profile: a transport with its Jobs client and workspace
// API, signed in from the profile's credentials (the keychain read once, whoever asks first; the
// callers asking meanwhile are answered by that one read). Profiles that are no ProfileStore
// entry (the demo workspace) are served by an endpoint set from outside (setEndpoint).
// Not a widget class: the desktop program uses it, a command-line program can.
class ConnectionRegistry : public QObject
{
    Q_OBJECT
public:
    // Answered once: an empty error when the profile's connection is ready.
    using Then = std::function<void(const QString &error)>;

    ConnectionRegistry(ProfileStore *profiles, TokenStore *tokens, QNetworkAccessManager *network,
                       QObject *parent = nullptr);
    ~ConnectionRegistry() override; // stops every request first

    // The profile's parts, made on first use (not signed in until isReady()).
    HttpTransport *transport(const QString &profile);
    JobsClient *client(const QString &profile);
    WorkspaceApi *api(const QString &profile);
    ComputeApi *compute(const QString &profile);
    bool isReady(const QString &profile) const;
    bool isLoading(const QString &profile) const;
    // The last load() failed because the profile has no usable credentials (never signed in,
    // its secret kept for one session only, or removed from the keychain): signing in, not
    // waiting, is what helps.
    bool needsSignIn(const QString &profile) const;

    // Signs the profile's connection in from its stored profile and credentials, unless it is
    // ready; `then` is answered once (at once when ready or impossible, else after the read).
    void load(const QString &profile, Then then = {});
    // The credentials are to be read again (new ones stored, or the workspace refused them).
    void invalidate(const QString &profile);
    // A profile served without a stored profile or keychain: `unavailable` answers load() until
    // setEndpoint() made it ready.
    void reserve(const QString &profile, const QString &unavailable);
    void setEndpoint(const QString &profile, const QUrl &baseUrl, const QString &token);
    // Stops every request (before the program or a served endpoint goes).
    void abortAll();

    ProfileConnector *connector() const { return m_connector; }

Q_SIGNALS:
    void ready(const QString &profile);
    // The connection could not be made; `message` says so in one sentence (shown to the user).
    void failed(const QString &profile, const QString &message);
    // HttpTransport::receiving of the profile's connection.
    void receiving(const QString &profile, const QString &what, const QUrlQuery &query,
                   qint64 received, qint64 total);

private:
    struct Connection
    {
        HttpTransport *transport = nullptr;
        JobsClient *client = nullptr;
        WorkspaceApi *api = nullptr;
        ComputeApi *compute = nullptr;
        bool ready = false;
        bool loading = false;
        bool needsSignIn = false;
        QString unavailable; // set for a reserved profile
        QList<Then> waiting;
    };
    Connection &connection(const QString &profile);
    void finishLoad(const QString &profile, const QString &error);

    ProfileStore *m_profiles;
    QNetworkAccessManager *m_network;
    ProfileConnector *m_connector;
    QHash<QString, Connection> m_connections;
};

} // namespace Brickrun
