// SPDX-License-Identifier: Apache-2.0
#include "RunNotifier.h"

#include "MainWindow.h"
#include "SettingsFile.h"
#include "store/HistoryStore.h"

#include <QAction>
#include <QLoggingCategory>
#include <QMenu>
#include <QSystemTrayIcon>

#include <utility>

#ifdef BRICKRUN_HAVE_DBUS
#include "DesktopNotifications.h"
#endif

Q_LOGGING_CATEGORY(lcNotify, "brickrun.notifications", QtInfoMsg)

namespace Brickrun {

namespace {
const QString EnabledKey = QStringLiteral("notifications/enabled");
} // namespace

RunNotifier::RunNotifier(HistoryStore *history, MainWindow *window, const QString &settingsFile,
                         QObject *parent)
    : QObject(parent)
    , m_history(history)
    , m_window(window)
    , m_settingsFile(settingsFile)
{
    m_enabled = settingsFor(m_settingsFile)->value(EnabledKey, true).toBool();
    m_toggle = window->notificationsAction();
    m_toggle->setChecked(m_enabled);
    connect(m_toggle, &QAction::toggled, this, &RunNotifier::setEnabled);

#ifdef BRICKRUN_HAVE_DBUS
    m_desktop = new DesktopNotifications(this);
    if (!m_desktop->isAvailable()) {
        delete m_desktop;
        m_desktop = nullptr;
    } else {
        connect(m_desktop, &DesktopNotifications::actionInvoked, this,
                [this](const QString &key) { showRun(key.toLongLong()); });
        connect(m_desktop, &DesktopNotifications::delivered, this,
                [this](const QString &key) { m_pending.remove(key); });
        connect(m_desktop, &DesktopNotifications::failed, this,
                [this](const QString &key, const QString &why) {
                    const Message m = m_pending.take(key);
                    if (!std::exchange(m_desktopFailed, true))
                        qCInfo(lcNotify, "No desktop notification service (%s): the tray is used.",
                               qPrintable(why));
                    showInTray(key.toLongLong(), m.summary, m.body, m.ok);
                });
    }
#endif
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QIcon(QStringLiteral(":/icons/brickrun.svg")), this);
        m_tray->setToolTip(QStringLiteral("Brickrun"));
        auto *menu = new QMenu(window);
        menu->setObjectName(QStringLiteral("trayMenu"));
        menu->addAction(tr("Show Brickrun"), this, [this] { showRun(0); });
        menu->addSeparator();
        menu->addAction(tr("Quit"), window, &QWidget::close);
        m_tray->setContextMenu(menu);
        connect(m_tray, &QSystemTrayIcon::activated, this,
                [this](QSystemTrayIcon::ActivationReason reason) {
                    if (reason == QSystemTrayIcon::Trigger ||
                        reason == QSystemTrayIcon::DoubleClick)
                        showRun(0);
                });
        connect(m_tray, &QSystemTrayIcon::messageClicked, this,
                [this] { showRun(std::exchange(m_trayRun, 0)); });
        m_tray->show();
    }
}

RunNotifier::~RunNotifier() = default;

void RunNotifier::setEnabled(bool enabled)
{
    if (m_toggle->isChecked() != enabled)
        m_toggle->setChecked(enabled); // comes back here through toggled
    if (m_enabled == enabled)
        return;
    m_enabled = enabled;
    settingsFor(m_settingsFile)->setValue(EnabledKey, enabled);
}

void RunNotifier::runEnded(qint64 id)
{
    if (!m_enabled || m_window->isActiveWindow())
        return;
    const auto record = m_history->record(id);
    if (!record)
        return;
    const bool ok = record->state.isSuccess();
    const QString summary =
        ok ? tr("Run succeeded") : tr("Run ended: %1").arg(record->state.summary());
    const QString body = record->spec.runName.isEmpty()
                             ? RunSpec::defaultRunName(record->spec.taskPath())
                             : record->spec.runName;
#ifdef BRICKRUN_HAVE_DBUS
    if (m_desktop && !m_desktopFailed) {
        m_pending.insert(QString::number(id), {summary, body, ok});
        m_desktop->notify(summary, body, QString::number(id));
        return;
    }
#endif
    showInTray(id, summary, body, ok);
}

void RunNotifier::showInTray(qint64 id, const QString &summary, const QString &body, bool ok)
{
    if (!m_tray || !QSystemTrayIcon::supportsMessages()) {
        sayOnceThatNothingIsShown(m_tray ? "the tray shows no messages"
                                         : "there is no system tray");
        return;
    }
    m_trayRun = id;
    m_tray->showMessage(summary, body,
                        ok ? QSystemTrayIcon::Information : QSystemTrayIcon::Warning);
}

void RunNotifier::sayOnceThatNothingIsShown(const char *why)
{
    if (std::exchange(m_saidNothingShown, true))
        return;
    qCWarning(lcNotify, "Runs that end are not announced: no desktop notification service and %s.",
              why);
}

void RunNotifier::showRun(qint64 id)
{
    if (m_window->isMinimized())
        m_window->showNormal();
    else
        m_window->show();
    m_window->raise();
    m_window->activateWindow();
    if (id > 0)
        m_window->selectRun(id);
}

} // namespace Brickrun
