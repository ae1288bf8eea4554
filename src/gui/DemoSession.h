// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QString>

#include <memory>

namespace Brickrun {

namespace Demo {
class Workspace;
}
class ConnectionRegistry;
class RunMonitor;

// The demo workspace of the desktop program: started on request (or at start when it was used
// before), served to the run monitor as the profile "demo" through the connection registry,
// followed at the demo's speed.
class DemoSession : public QObject
{
    Q_OBJECT
public:
    static const QString Profile;  // "demo"
    static const QString Notebook; // a notebook to try first
    static const QString Cluster;

    DemoSession(ConnectionRegistry *connections, RunMonitor *monitor, const QString &modulePath,
                const QString &settingsFile, QObject *parent = nullptr);
    ~DemoSession() override;

    // Whether the demo was started in an earlier session (it starts again with the program).
    bool wasUsedBefore() const;
    bool isRunning() const { return m_workspace != nullptr; }
    Demo::Workspace *workspace() const { return m_workspace.get(); }
    // Starts the demo workspace unless it runs; false with the reason in *error.
    bool start(QString *error);

private:
    ConnectionRegistry *m_connections;
    RunMonitor *m_monitor;
    QString m_modulePath;
    QString m_settingsFile;
    std::unique_ptr<Demo::Workspace> m_workspace;
};

} // namespace Brickrun
