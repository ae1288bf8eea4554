// SPDX-License-Identifier: Apache-2.0
#include "auth/ConnectionRegistry.h"

#include "api/ComputeApi.h"
#include "api/HttpTransport.h"
#include "api/JobsClient.h"
#include "api/WorkspaceApi.h"
#include "auth/ProfileConnector.h"
#include "config/ProfileStore.h"

#include <QUrl>
#include <QUrlQuery>

#include <utility>

namespace Brickrun {

ConnectionRegistry::ConnectionRegistry(ProfileStore *profiles, TokenStore *tokens,
                                       QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_profiles(profiles)
    , m_network(network)
    , m_connector(new ProfileConnector(tokens, network, this))
{}

ConnectionRegistry::~ConnectionRegistry()
{
    abortAll();
}

ConnectionRegistry::Connection &ConnectionRegistry::connection(const QString &profile)
{
    Connection &c = m_connections[profile];
    if (!c.transport) {
        c.transport = new HttpTransport(m_network, this);
        connect(c.transport, &HttpTransport::receiving, this,
                [this, profile](const QString &what, const QUrlQuery &query, qint64 received,
                                qint64 total) {
                    Q_EMIT receiving(profile, what, query, received, total);
                });
        c.client = new JobsClient(c.transport, this);
        c.api = new WorkspaceApi(c.transport, this);
        c.compute = new ComputeApi(c.transport, this);
    }
    return c;
}

HttpTransport *ConnectionRegistry::transport(const QString &profile)
{
    return connection(profile).transport;
}

JobsClient *ConnectionRegistry::client(const QString &profile)
{
    return connection(profile).client;
}

WorkspaceApi *ConnectionRegistry::api(const QString &profile)
{
    return connection(profile).api;
}

ComputeApi *ConnectionRegistry::compute(const QString &profile)
{
    return connection(profile).compute;
}

bool ConnectionRegistry::isReady(const QString &profile) const
{
    const auto it = m_connections.constFind(profile);
    return it != m_connections.cend() && it->ready;
}

bool ConnectionRegistry::isLoading(const QString &profile) const
{
    const auto it = m_connections.constFind(profile);
    return it != m_connections.cend() && it->loading;
}

bool ConnectionRegistry::needsSignIn(const QString &profile) const
{
    const auto it = m_connections.constFind(profile);
    return it != m_connections.cend() && it->needsSignIn;
}

void ConnectionRegistry::reserve(const QString &profile, const QString &unavailable)
{
    connection(profile).unavailable = unavailable;
}

void ConnectionRegistry::setEndpoint(const QString &profile, const QUrl &baseUrl,
                                     const QString &token)
{
    Connection &c = connection(profile);
    c.transport->setEndpoint(baseUrl, token);
    c.ready = true;
    Q_EMIT ready(profile);
}

void ConnectionRegistry::invalidate(const QString &profile)
{
    connection(profile).ready = false;
}

void ConnectionRegistry::abortAll()
{
    for (Connection &c : m_connections) {
        if (c.transport)
            c.transport->abortAll();
    }
}

void ConnectionRegistry::load(const QString &profile, Then then)
{
    Connection &c = connection(profile);
    if (c.ready || !c.unavailable.isEmpty()) {
        if (then)
            then(c.ready ? QString() : c.unavailable);
        return;
    }
    const auto p = m_profiles->profile(profile);
    if (!p) {
        if (then)
            then(tr("There is no workspace profile named \"%1\".").arg(profile));
        return;
    }
    if (then)
        c.waiting.append(std::move(then));
    if (c.loading)
        return; // answered with the read on its way
    c.loading = true;
    // The one place a profile becomes a ready transport: CA file, keychain, credentials.
    m_connector->connectTransport(
        *p, c.transport, this, [this, profile](const ProfileConnector::Outcome &o) {
            connection(profile).needsSignIn = o.failure == ProfileConnector::Failure::NotSignedIn;
            if (o.isOk())
                return finishLoad(profile, QString());
            finishLoad(profile,
                       o.failure == ProfileConnector::Failure::NotSignedIn
                           ? tr("Workspace \"%1\" is not signed in: %2 (Workspace → Edit "
                                "workspace…).")
                                 .arg(profile, o.error)
                           : tr("Workspace \"%1\" cannot be used: %2.").arg(profile, o.error));
        });
}

void ConnectionRegistry::finishLoad(const QString &profile, const QString &error)
{
    Connection &c = connection(profile);
    c.loading = false;
    // A refresh the workspace refuses later pauses the profile's runs, as a refused token does;
    // the run monitor reports it and the user signs in again (invalidate, load).
    c.ready = error.isEmpty();
    const QList<Then> waiting = std::exchange(c.waiting, {});
    if (error.isEmpty())
        Q_EMIT ready(profile);
    else
        Q_EMIT failed(profile, error);
    for (const Then &f : waiting)
        f(error);
}

} // namespace Brickrun
