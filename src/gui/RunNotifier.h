// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QObject>
#include <QString>

class QAction;
class QSystemTrayIcon;

namespace Brickrun {

class DesktopNotifications;
class HistoryStore;
class MainWindow;

// Says that a run ended while the window is not the active one, and brings the window forward
// on that run when asked. On Linux through the desktop's notification service (D-Bus
// org.freedesktop.Notifications: GNOME without a tray shows them too), on Windows and macOS,
// or when there is no such service, as a message of the tray icon; with neither it says so once
// in the log. Where there is a tray, its icon shows the window on a click and has a menu (Show,
// Quit). The user turns the announcements off with the window's notifications action (kept in
// the settings).
class RunNotifier : public QObject
{
    Q_OBJECT
public:
    RunNotifier(HistoryStore *history, MainWindow *window, const QString &settingsFile,
                QObject *parent = nullptr);
    ~RunNotifier() override;

    bool isEnabled() const { return m_enabled; }
    void setEnabled(bool enabled); // kept in the settings
    QSystemTrayIcon *trayIcon() const { return m_tray; }
    // The desktop's notification service did not answer: the tray (if any) is used instead.
    bool hasFallenBack() const { return m_desktopFailed; }

    // The monitor's runEnded.
    void runEnded(qint64 id);
    // Shows the window in front with the run selected (0: as it is).
    void showRun(qint64 id);

private:
    void showInTray(qint64 id, const QString &summary, const QString &body, bool ok);
    void sayOnceThatNothingIsShown(const char *why);

    HistoryStore *m_history;
    MainWindow *m_window;
    QString m_settingsFile;
    bool m_enabled = true;
    QAction *m_toggle = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    // Null where there is no D-Bus (and unused where Qt DBus is not built: Windows, macOS).
    [[maybe_unused]] DesktopNotifications *m_desktop = nullptr;
    bool m_desktopFailed = false; // its service did not answer: the tray from then on
    struct Message
    {
        QString summary;
        QString body;
        bool ok = true;
    };
    // Sent to the desktop's service, not answered yet.
    [[maybe_unused]] QHash<QString, Message> m_pending;
    qint64 m_trayRun = 0; // the run of the tray's last message
    bool m_saidNothingShown = false;
};

} // namespace Brickrun
