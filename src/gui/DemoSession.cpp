// SPDX-License-Identifier: Apache-2.0
#include "DemoSession.h"

#include "DemoWorkspaceLoader.h"
#include "SettingsFile.h"
#include "auth/ConnectionRegistry.h"
#include "workflow/RunMonitor.h"

#include <QDir>
#include <QStandardPaths>
#include <QUrl>

namespace Brickrun {

namespace {
const QString EnabledKey = QStringLiteral("demo/enabled");
} // namespace

const QString DemoSession::Profile = QStringLiteral("demo");
const QString DemoSession::Notebook = QStringLiteral("/Shared/Demo/hello");
const QString DemoSession::Cluster = QStringLiteral("demo-cluster");

DemoSession::DemoSession(ConnectionRegistry *connections, RunMonitor *monitor,
                         const QString &modulePath, const QString &settingsFile, QObject *parent)
    : QObject(parent)
    , m_connections(connections)
    , m_monitor(monitor)
    , m_modulePath(modulePath)
    , m_settingsFile(settingsFile)
{
    m_connections->reserve(Profile, tr("The demo workspace is not running."));
}

DemoSession::~DemoSession()
{
    // Nothing may talk to the demo workspace once it is gone.
    if (m_workspace)
        m_connections->transport(Profile)->abortAll();
}

bool DemoSession::wasUsedBefore() const
{
    return settingsFor(m_settingsFile)->value(EnabledKey).toBool();
}

bool DemoSession::start(QString *error)
{
    if (m_workspace)
        return true;
    Demo::Options o;
    const double speed = qEnvironmentVariable("BRICKRUN_DEMO_SPEED").toDouble();
    if (speed > 0)
        o.speed = speed;
    const QString dir =
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/demo");
    if (QDir().mkpath(dir))
        o.stateFile = dir + QStringLiteral("/runs.json");
    std::unique_ptr<Demo::Workspace> demo = createDemoWorkspace(o, m_modulePath, error);
    if (!demo || !demo->start(error))
        return false;
    m_workspace = std::move(demo);
    m_connections->setEndpoint(Profile, QUrl(m_workspace->baseUrl()), m_workspace->token());
    settingsFor(m_settingsFile)->setValue(EnabledKey, true);
    PollPolicy policy;
    policy.timeScale = m_workspace->speed();
    m_monitor->setPollPolicy(policy);
    m_monitor->resume(Profile);
    return true;
}

} // namespace Brickrun
