// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/Profile.h"

#include <QObject>
#include <QSslCertificate>

#include <functional>

class QLabel;
class QNetworkAccessManager;
class QProgressBar;

namespace Brickrun {

class HttpTransport;
class ProfileConnector;
class WorkspaceApi;
struct AccessToken;
struct ConnectionReport;

// The profile dialog's "Test connection": asks the workspace who the credentials belong to,
// without blocking the window, and shows the answer in the dialog's busy bar, result icon and
// label. Starting again or cancel() makes an answer on its way stale; it is never shown.
class ConnectionTester : public QObject
{
    Q_OBJECT
public:
    struct Widgets
    {
        QProgressBar *busy = nullptr;
        QLabel *icon = nullptr;
        QLabel *text = nullptr;
    };
    using Then = std::function<void(const ConnectionReport &)>;

    ConnectionTester(QNetworkAccessManager *network, ProfileConnector *connector,
                     const Widgets &widgets, QObject *parent = nullptr);

    // Tests `secret` for the profile's method (an access token already in hand first, when
    // `current` has one). `method` names the method in the result. `then` sees the report
    // before it is shown.
    void test(const Profile &profile, const QString &secret,
              const QList<QSslCertificate> &certificates, const QString &method,
              const AccessToken &current, const Then &then = {});
    // Tests the secret stored for the profile (editing, with the secret field left empty).
    void testStored(const Profile &profile, const QString &method);
    // Says "Asking HOST…" until the answer is in.
    void announce(const QString &host);
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void runningChanged(bool running);

private:
    int begin();
    void show(const ConnectionReport &report, const QString &method);
    void finish(bool success, const QString &text);

    Widgets m_widgets;
    ProfileConnector *m_connector;
    QNetworkAccessManager *m_network;
    HttpTransport *m_transport;
    WorkspaceApi *m_api;
    int m_generation = 0;
    bool m_running = false;
};

} // namespace Brickrun
