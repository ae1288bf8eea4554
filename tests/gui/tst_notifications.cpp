// SPDX-License-Identifier: Apache-2.0
// A run that ends while the window is in the background is announced through the desktop's
// notification service (org.freedesktop.Notifications), and its "Show" action brings the window
// forward on that run. On a real X server (Xvfb, brickrun_add_test X11) and a private D-Bus
// session bus (the test runs itself again under dbus-run-session), with a stand-in notification
// service that this test registers on the bus and that records what it is sent.
#include "AppController.h"
#include "AppTestBase.h"
#include "MainWindow.h"
#include "RunNotifier.h"
#include "RunsTableModel.h"
#include "TestTimeouts.h"
#include "store/HistoryStore.h"

#include <QAction>
#include <QApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCall>
#include <QRegularExpression>
#include <QSettings>
#include <QTableView>
#include <QTest>
#include <QVariantMap>

#include <unistd.h>
#include <vector>

using namespace Brickrun;

namespace {

const char PrivateBusVariable[] = "BRICKRUN_TEST_PRIVATE_BUS";

} // namespace

// The desktop's notification service as GNOME's or KDE's answers it, recording each Notify.
class FakeNotifications : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct Call
    {
        QString summary;
        QString body;
        QStringList actions;
    };
    QList<Call> calls;

public Q_SLOTS:
    uint Notify(const QString &, uint, const QString &, const QString &summary, const QString &body,
                const QStringList &actions, const QVariantMap &, int)
    {
        calls.append({summary, body, actions});
        return uint(100 + calls.size());
    }
    QStringList GetCapabilities() { return {QStringLiteral("actions"), QStringLiteral("body")}; }
    void CloseNotification(uint) {}
};

class tst_Notifications : public Test::AppTestBase
{
    Q_OBJECT
private:
    FakeNotifications m_service;
    std::unique_ptr<QDBusConnection> m_serviceBus;

    // Waits until the notifications sent so far have reached the service: a call from the
    // program's connection after them is answered after they were (D-Bus keeps the order).
    [[nodiscard]] bool serviceHasCaughtUp()
    {
        QDBusMessage ping = QDBusMessage::createMethodCall(
            QStringLiteral("org.freedesktop.Notifications"),
            QStringLiteral("/org/freedesktop/Notifications"),
            QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("GetCapabilities"));
        QDBusPendingCall pending = QDBusConnection::sessionBus().asyncCall(ping);
        BRICKRUN_TEST_CHECK(
            QTest::qWaitFor([&] { return pending.isFinished(); }, Test::scaledTimeout(10000)),
            "the notification service answers");
        return true;
    }
    // Runs /Shared/Demo/<notebook> while another window is the active one, until it has ended.
    [[nodiscard]] bool runInTheBackground(const QString &notebook, QWidget *other, qint64 *id)
    {
        other->show();
        other->activateWindow();
        BRICKRUN_TEST_CHECK(QTest::qWaitForWindowActive(other), "the other window is active");
        BRICKRUN_TEST_CHECK(!window()->isActiveWindow(), "Brickrun is in the background");
        RunSpec spec;
        spec.notebookPath = QStringLiteral("/Shared/Demo/") + notebook;
        spec.clusterId = QStringLiteral("demo-cluster");
        const int before = m_app->history()->count({});
        m_app->submit(QStringLiteral("demo"), spec);
        BRICKRUN_TEST_CHECK(m_app->history()->count({}) == before + 1, "the run is submitted");
        *id = m_app->history()->ids({}).first();
        BRICKRUN_TEST_CHECK(QTest::qWaitFor(
                                [&] {
                                    return m_app->history()->record(*id)->tracking ==
                                           RunRecord::Tracking::Finished;
                                },
                                Test::scaledTimeout(30000)),
                            "the run ends");
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        setUpProcess();
        if (qEnvironmentVariable(PrivateBusVariable) != QLatin1String("1"))
            QSKIP("No private D-Bus session bus: dbus-run-session is not installed (Debian: "
                  "dbus-daemon), so the notification service cannot be stood in for.");
        if (!QDBusConnection::sessionBus().isConnected())
            QSKIP("The private D-Bus session bus could not be reached.");
        m_serviceBus = std::make_unique<QDBusConnection>(QDBusConnection::connectToBus(
            QDBusConnection::SessionBus, QStringLiteral("fake-notification-service")));
        QVERIFY(m_serviceBus->isConnected());
        QVERIFY(m_serviceBus->registerService(QStringLiteral("org.freedesktop.Notifications")));
        QVERIFY(m_serviceBus->registerObject(QStringLiteral("/org/freedesktop/Notifications"),
                                             &m_service, QDBusConnection::ExportAllSlots));
    }
    void init()
    {
        setUpTest();
        m_service.calls.clear();
    }
    void cleanup() { tearDownTest(); }

    void aRunThatEndsInTheBackgroundIsAnnouncedAndShowBringsItForward()
    {
        QVERIFY(startApp(true));
        QWidget other;
        other.setWindowTitle(QStringLiteral("another program"));
        other.resize(300, 200);
        qint64 id = 0;
        QVERIFY(runInTheBackground(QStringLiteral("hello"), &other, &id));
        QTRY_COMPARE_WITH_TIMEOUT(m_service.calls.size(), 1, Test::scaledTimeout(10000));
        const FakeNotifications::Call call = m_service.calls.first();
        QCOMPARE(call.summary, QStringLiteral("Run succeeded"));
        QVERIFY2(call.body.contains(QStringLiteral("hello")), qPrintable(call.body));
        QVERIFY2(call.actions.contains(QStringLiteral("show")) &&
                     call.actions.contains(QStringLiteral("Show")),
                 qPrintable(call.actions.join(u',')));

        // Another run is looked at meanwhile; the user clicks "Show" on the notification.
        window()->runsView()->clearSelection();
        window()->runsView()->setCurrentIndex(QModelIndex());
        QCOMPARE(window()->selectedRunId(), 0);
        QDBusMessage clicked = QDBusMessage::createSignal(
            QStringLiteral("/org/freedesktop/Notifications"),
            QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("ActionInvoked"));
        clicked << uint(101) << QStringLiteral("show");
        QVERIFY(m_serviceBus->send(clicked));
        QTRY_VERIFY_WITH_TIMEOUT(window()->isActiveWindow(), Test::scaledTimeout(10000));
        QTRY_COMPARE(window()->selectedRunId(), id);
    }
    void notificationsTurnedOffStayOff()
    {
        QVERIFY(startApp(true));
        QAction *toggle = window()->notificationsAction();
        QVERIFY(toggle->isChecked());
        toggle->trigger(); // Run → Notify when a run ends: off
        QVERIFY(!m_app->notifier()->isEnabled());
        QWidget other;
        other.resize(300, 200);
        qint64 id = 0;
        QVERIFY(runInTheBackground(QStringLiteral("hello"), &other, &id));
        QVERIFY(serviceHasCaughtUp());
        QCOMPARE(m_service.calls.size(), 0);

        // Kept: the next start has them off too.
        window()->setCloseGuard({});
        m_app.reset();
        QCOMPARE(QSettings(settingsFile(), QSettings::IniFormat)
                     .value(QStringLiteral("notifications/enabled"))
                     .toBool(),
                 false);
        QVERIFY(startApp(false));
        QVERIFY(!window()->notificationsAction()->isChecked());
        QVERIFY(!m_app->notifier()->isEnabled());
    }
    // Last: the stand-in service leaves the bus.
    void withoutTheServiceTheTrayOrTheLogSaysSoOnce()
    {
        QVERIFY(m_serviceBus->unregisterService(QStringLiteral("org.freedesktop.Notifications")));
        QVERIFY(startApp(true));
        QWidget other;
        other.resize(300, 200);
        // Xvfb has no tray: the log says once that the runs' ends are not announced.
        QTest::ignoreMessage(QtInfoMsg,
                             QRegularExpression(QStringLiteral("No desktop notification service")));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("not announced.*no system tray")));
        QTest::failOnWarning(QRegularExpression(QStringLiteral("not announced")));
        qint64 id = 0;
        QVERIFY(runInTheBackground(QStringLiteral("hello"), &other, &id));
        QVERIFY(serviceHasCaughtUp());
        QTRY_VERIFY(m_app->notifier()->hasFallenBack());
        QVERIFY(runInTheBackground(QStringLiteral("hello"), &other, &id)); // said once only
        QCOMPARE(m_service.calls.size(), 0);
    }
};

int main(int argc, char *argv[])
{
    // A private session bus for this test alone: run again under dbus-run-session (the user's
    // own bus, with its real notification service, is never touched).
    if (qEnvironmentVariable(PrivateBusVariable).isEmpty()) {
        qputenv(PrivateBusVariable, "1");
        std::vector<char *> arguments{const_cast<char *>("dbus-run-session"),
                                      const_cast<char *>("--")};
        for (int i = 0; i < argc; ++i)
            arguments.push_back(argv[i]);
        arguments.push_back(nullptr);
        execvp("dbus-run-session", arguments.data());
        // No dbus-run-session: no bus at all (the tests say so and skip).
        qputenv(PrivateBusVariable, "0");
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    }
    QApplication app(argc, argv);
    tst_Notifications test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_notifications.moc"
