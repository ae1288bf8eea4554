// SPDX-License-Identifier: Apache-2.0
#include "DesktopNotifications.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QGuiApplication>
#include <QVariantMap>

namespace Brickrun {

namespace {
const QString Service = QStringLiteral("org.freedesktop.Notifications");
const QString Path = QStringLiteral("/org/freedesktop/Notifications");
const QString Interface = QStringLiteral("org.freedesktop.Notifications");
} // namespace

const QString DesktopNotifications::ShowAction = QStringLiteral("show");

DesktopNotifications::DesktopNotifications(QObject *parent)
    : QObject(parent)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    m_connected = bus.isConnected();
    if (!m_connected)
        return;
    bus.connect(Service, Path, Interface, QStringLiteral("ActionInvoked"), this,
                SLOT(onActionInvoked(uint, QString)));
    bus.connect(Service, Path, Interface, QStringLiteral("NotificationClosed"), this,
                SLOT(onClosed(uint, uint)));
}

void DesktopNotifications::notify(const QString &summary, const QString &body, const QString &key)
{
    if (!m_connected) {
        Q_EMIT failed(key, tr("there is no D-Bus session bus"));
        return;
    }
    QDBusMessage call =
        QDBusMessage::createMethodCall(Service, Path, Interface, QStringLiteral("Notify"));
    // "default" is the notification's own click; "show" its button.
    const QStringList actions{QStringLiteral("default"), tr("Show"), ShowAction, tr("Show")};
    QVariantMap hints;
    hints.insert(QStringLiteral("desktop-entry"), QGuiApplication::desktopFileName());
    call << QCoreApplication::applicationName() << uint(0) << QStringLiteral("brickrun") << summary
         << body << actions << hints << int(-1);
    // Never block the window on the bus: the answer comes back later.
    auto *watcher =
        new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, key](auto *w) {
        w->deleteLater();
        const QDBusPendingReply<uint> reply = *w;
        if (reply.isError()) {
            Q_EMIT failed(key, reply.error().message());
            return;
        }
        m_keys.insert(reply.value(), key);
        Q_EMIT delivered(key);
    });
}

void DesktopNotifications::onActionInvoked(uint id, const QString &action)
{
    const auto it = m_keys.constFind(id);
    if (it != m_keys.cend())
        Q_EMIT actionInvoked(*it, action);
}

void DesktopNotifications::onClosed(uint id, uint)
{
    m_keys.remove(id);
}

} // namespace Brickrun
