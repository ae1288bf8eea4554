// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QObject>
#include <QString>

namespace Brickrun {

// The desktop's notification service, org.freedesktop.Notifications on the session bus
// (Linux and the BSDs: GNOME, KDE, Xfce… show them whether or not there is a tray). Each
// notification carries a "Show" action; a click on it (or on the notification itself) comes
// back as actionInvoked(key). Built only where Qt DBus is (BRICKRUN_HAVE_DBUS).
class DesktopNotifications : public QObject
{
    Q_OBJECT
public:
    static const QString ShowAction; // "show"

    explicit DesktopNotifications(QObject *parent = nullptr);

    // False when there is no session bus at all (then nothing is sent).
    bool isAvailable() const { return m_connected; }
    // Sends a notification; `key` comes back with actionInvoked. Answered by delivered(key) or
    // failed(key, why) (no service on the bus: the caller falls back to the tray).
    void notify(const QString &summary, const QString &body, const QString &key);

Q_SIGNALS:
    void delivered(const QString &key);
    void failed(const QString &key, const QString &why);
    void actionInvoked(const QString &key, const QString &action);

private Q_SLOTS:
    void onActionInvoked(uint id, const QString &action);
    void onClosed(uint id, uint reason);

private:
    bool m_connected = false;
    QHash<uint, QString> m_keys; // notification id → the caller's key, until closed
};

} // namespace Brickrun
