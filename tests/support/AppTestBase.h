// SPDX-License-Identifier: Apache-2.0
#pragma once

// The desktop program as the GUI tests drive it: an AppController on a throw-away folder (its
// history file and settings), an in-memory keychain, the demo workspace at 40× speed. A test
// class derives from AppTestBase and calls its set-up from its own initTestCase/init/cleanup.
#include "AppController.h"
#include "MainWindow.h"
#include "MemoryTokenStore.h"
#include "RunsTableModel.h"

#include <QCoreApplication>
#include <QDir>
#include <QEvent>
#include <QObject>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// QVERIFY2 for a test helper that returns bool: records the failure where it happened and
// returns false, so the caller's QVERIFY(helper()) ends the test there (a QVERIFY in a helper
// only leaves the helper, and the test would go on).
#define BRICKRUN_TEST_CHECK(condition, description)                                                \
    do {                                                                                           \
        if (!QTest::qVerify(static_cast<bool>(condition), #condition, description, __FILE__,       \
                            __LINE__))                                                             \
            return false;                                                                          \
    } while (false)

namespace Brickrun::Test {

class AppTestBase : public QObject
{
protected:
    QTemporaryDir m_dir;
    MemoryTokenStore *m_tokens = nullptr;
    std::unique_ptr<AppController> m_app;

    QString databasePath() const { return m_dir.filePath(QStringLiteral("history.sqlite")); }
    QString settingsFile() const { return m_dir.filePath(QStringLiteral("settings.ini")); }
    MainWindow *window() const { return m_app->window(); }

    // From initTestCase(): QStandardPaths in test mode, the demo workspace fast.
    void setUpProcess()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        qputenv("BRICKRUN_DEMO_SPEED", "40");
    }
    // From init(): an empty folder, no demo state left, a new keychain.
    void setUpTest()
    {
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
        m_tokens = new MemoryTokenStore(this);
    }
    // From cleanup(): the program goes without asking about runs still active.
    void tearDownTest()
    {
        if (m_app && m_app->window())
            m_app->window()->setCloseGuard({});
        m_app.reset();
        delete m_tokens;
        m_tokens = nullptr;
    }
    // The program's options on the throw-away folder, with the demo module of the build tree.
    AppController::Options appOptions(bool demo = false, bool showWelcome = false) const
    {
        AppController::Options o;
        o.databasePath = databasePath();
        o.settingsFile = settingsFile();
        o.startDemo = demo;
        o.showWelcome = showWelcome;
        o.demoModule = QStringLiteral(BRICKRUN_DEMO_MODULE_PATH);
        return o;
    }
    // Starts the program as main() does and waits until it has started (the window's frame
    // shows at once, its panels come after the first frame and the history's opening). Unless the
    // welcome dialog is to show (its test answers it first), waits until the runs table's first
    // page, read on a worker thread, is in: as a user, who sees the window settle before the first
    // click. False (the failure recorded) when it did not start: call it as
    // QVERIFY(startApp(…)), so that a test stops there instead of going on without a window.
    [[nodiscard]] bool startApp(bool demo, bool showWelcome = false)
    {
        m_app = std::make_unique<AppController>(m_tokens, appOptions(demo, showWelcome));
        QSignalSpy failed(m_app.get(), &AppController::startFailed);
        m_app->start();
        BRICKRUN_TEST_CHECK(m_app->window() && m_app->window()->isVisible(),
                            "the window's frame shows at once");
        BRICKRUN_TEST_CHECK(
            QTest::qWaitFor([&] { return m_app->isStarted() || !failed.isEmpty(); }, 10000),
            "the program starts");
        BRICKRUN_TEST_CHECK(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        if (!showWelcome)
            BRICKRUN_TEST_CHECK(
                QTest::qWaitFor([this] { return !m_app->runsModel()->isLoading(); }, 10000),
                "the runs table's first page is read");
        return true;
    }
    // Starts the program on the demo workspace and waits as a user would before the first
    // click: the window active and the form connected to the workspace (Browse… enabled).
    [[nodiscard]] bool startOnDemoWorkspace()
    {
        if (!startApp(true))
            return false;
        window()->activateWindow();
        BRICKRUN_TEST_CHECK(QTest::qWaitForWindowActive(window()), "the window is active");
        BRICKRUN_TEST_CHECK(QTest::qWaitFor([this] {
                                const auto *browse = window()->findChild<QPushButton *>(
                                    QStringLiteral("browseNotebookButton"));
                                return browse && browse->isEnabled();
                            }),
                            "the form reaches the demo workspace");
        return true;
    }
    // A picture of `widget`, laid out as shown, as BUILD/screenshots/<name> (the docs show them).
    void saveScreenshot(QWidget *widget, const QString &name)
    {
        const QString dir = QStringLiteral(BRICKRUN_BINARY_DIR "/screenshots");
        QDir().mkpath(dir);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QVERIFY(widget->grab().save(dir + QLatin1Char('/') + name));
    }
};

} // namespace Brickrun::Test
