// SPDX-License-Identifier: Apache-2.0
// The desktop program driven as a user would: real widgets (offscreen), the demo workspace over
// loopback HTTP, a real SQLite history. Widgets are found by objectName.
#include "AppController.h"
#include "AppTestBase.h"
#include "DamagedHistory.h"
#include "Emulator.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "MemoryTokenStore.h"
#include "ProfileDialog.h"
#include "RunsTableModel.h"
#include "TestTimeouts.h"
#include "auth/BrowserSignIn.h"
#include "auth/OAuthClient.h"
#include "config/ProfileStore.h"
#include "config/WorkspaceUrl.h"
#include "model/Profile.h"
#include "store/Database.h"
#include "store/HistoryStore.h"
#include "workflow/RunMonitor.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Brickrun;
using Brickrun::Test::find;

namespace {

// Clicks the first button with `text` of the next modal dialog (a QMessageBox or our own).
void answerNextDialog(const QString &buttonName, const QString &buttonText = QString())
{
    QTimer::singleShot(50, [=] {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal) {
            answerNextDialog(buttonName, buttonText);
            return;
        }
        const auto buttons = modal->findChildren<QAbstractButton *>();
        for (QAbstractButton *b : buttons) {
            if ((!buttonName.isEmpty() && b->objectName() == buttonName) ||
                (!buttonText.isEmpty() && b->text().remove(QLatin1Char('&')) == buttonText)) {
                b->click();
                return;
            }
        }
        qWarning("no button %s / %s in %s", qPrintable(buttonName), qPrintable(buttonText),
                 modal->metaObject()->className());
    });
}

} // namespace

class tst_AppController : public Test::AppTestBase
{
    Q_OBJECT
private:
    void fillForm(const QString &notebook, const QString &cluster = QStringLiteral("demo-cluster"))
    {
        auto *clusterEdit = find<QLineEdit>(window(), "clusterEdit");
        auto *notebookEdit = find<QLineEdit>(window(), "notebookEdit");
        clusterEdit->clear();
        QTest::keyClicks(clusterEdit, cluster);
        notebookEdit->clear();
        QTest::keyClicks(notebookEdit, notebook);
    }

    QString stateOfRow(int row) const
    {
        return m_app->runsModel()->index(row, RunsTableModel::StateColumn).data().toString();
    }

public Q_SLOTS:
    // The "browser": QDesktopServices hands the sign-in page here. The workspace approves at
    // once (the consent page itself is tested in tst_profiledialog), so following its redirect
    // reaches Brickrun's loopback listener, as a browser would.
    void openUrl(const QUrl &url)
    {
        QNetworkReply *reply = m_browser.get(QNetworkRequest(url));
        connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    }

private:
    QNetworkAccessManager m_browser;

private Q_SLOTS:
    void initTestCase() { setUpProcess(); }
    void init() { setUpTest(); }
    void cleanup() { tearDownTest(); }

    void submitFollowAndReadTheOutput()
    {
        QVERIFY(startApp(true));
        QAbstractItemModelTester tester(m_app->runsModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        fillForm(QStringLiteral("/Shared/Demo/hello"));
        auto *submit = find<QPushButton>(window(), "submitButton");
        QVERIFY(submit->isEnabled());
        QTest::mouseClick(submit, Qt::LeftButton);

        QTRY_COMPARE(m_app->runsModel()->rowCount(), 1);
        QStringList seen;
        QVERIFY(QTest::qWaitFor(
            [&] {
                const QString s = stateOfRow(0);
                if (seen.isEmpty() || seen.last() != s)
                    seen << s;
                return m_app->runsModel()->recordAt(0)->tracking == RunRecord::Tracking::Finished;
            },
            30000));
        QVERIFY2(seen.size() >= 3, qPrintable(seen.join(QStringLiteral(" → "))));
        QCOMPARE(m_app->runsModel()->index(0, RunsTableModel::ResultColumn).data().toString(),
                 QStringLiteral("SUCCESS"));
        QVERIFY(
            !m_app->runsModel()->index(0, RunsTableModel::RunIdColumn).data().toString().isEmpty());

        // The new run is selected; the details show its records as a table.
        QCOMPARE(window()->selectedRunId(), m_app->runsModel()->idAt(0));
        auto *resultTable = find<QTableView>(window(), "resultTable");
        QTRY_VERIFY(resultTable->model() && resultTable->model()->rowCount() >= 2);
        QVERIFY(resultTable->isVisibleTo(window()));
        QCOMPARE(resultTable->model()->headerData(0, Qt::Horizontal).toString(),
                 QStringLiteral("city"));
    }
    void keyboardOnly()
    {
        QVERIFY(startApp(true));
        window()->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window()));
        fillForm(QStringLiteral("/Shared/Demo/echo_params"));
        QTest::keyClick(window(), Qt::Key_Return, Qt::ControlModifier); // Run → Submit
        QTRY_COMPARE(m_app->runsModel()->rowCount(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!m_app->runsModel()->recordAt(0)->isActive(), 30000);
    }
    void invalidInputShowsTheReasonAndBlocksSubmit()
    {
        QVERIFY(startApp(true));
        fillForm(QStringLiteral("Shared/Demo/hello"), QStringLiteral("bad cluster!"));
        auto *notebookError = find<QLabel>(window(), "notebookError");
        auto *clusterError = find<QLabel>(window(), "clusterError");
        QVERIFY(notebookError->isVisibleTo(window()));
        QVERIFY2(notebookError->text().contains(QStringLiteral("absolute")),
                 qPrintable(notebookError->text()));
        QVERIFY(clusterError->isVisibleTo(window()));
        QVERIFY(!find<QPushButton>(window(), "submitButton")->isEnabled());
        QTest::keyClick(window(), Qt::Key_Return, Qt::ControlModifier);
        QTest::qWait(100);
        QCOMPARE(m_app->runsModel()->rowCount(), 0);

        fillForm(QStringLiteral("/Shared/Demo/hello"));
        QVERIFY(!notebookError->isVisibleTo(window()));
        QVERIFY(find<QPushButton>(window(), "submitButton")->isEnabled());
    }
    void cancelARunningRun()
    {
        QVERIFY(startApp(true));
        fillForm(QStringLiteral("/Shared/Demo/slow_report"));
        QTest::mouseClick(find<QPushButton>(window(), "submitButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_app->runsModel()->rowCount() == 1 &&
                                     m_app->runsModel()->recordAt(0)->state.lifeCycleState ==
                                         QLatin1String("RUNNING"),
                                 30000);
        auto *cancel = find<QPushButton>(window(), "cancelButton");
        QTRY_VERIFY(cancel->isEnabled());
        answerNextDialog(QString(), QStringLiteral("Cancel run"));
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_app->runsModel()->recordAt(0)->isActive(), 30000);
        QCOMPARE(m_app->runsModel()->recordAt(0)->state.resultState, QStringLiteral("CANCELED"));
    }
    void firstStartOffersTheDemo()
    {
        QVERIFY(startApp(false, true));
        auto *combo = find<QComboBox>(window(), "profileCombo");
        QCOMPARE(combo->count(), 0);
        answerNextDialog(QStringLiteral("demoButton"));
        QTRY_COMPARE(combo->count(), 1);
        QCOMPARE(combo->currentData().toString(), QStringLiteral("demo"));
        QCOMPARE(find<QLineEdit>(window(), "notebookEdit")->text(),
                 QStringLiteral("/Shared/Demo/hello"));
        QVERIFY(find<QPushButton>(window(), "submitButton")->isEnabled());
    }
    void activeRunsResumeAfterARestart()
    {
        QVERIFY(startApp(true));
        fillForm(QStringLiteral("/Shared/Demo/slow_report"));
        QTest::mouseClick(find<QPushButton>(window(), "submitButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_app->runsModel()->rowCount() == 1 &&
                                     m_app->runsModel()->recordAt(0)->runId > 0,
                                 30000);
        const qint64 runId = m_app->runsModel()->recordAt(0)->runId;
        // Quit, keeping the run.
        answerNextDialog(QString(), QStringLiteral("Keep running and quit"));
        QVERIFY(window()->close());
        m_app.reset();

        QVERIFY(startApp(false)); // the demo comes back by itself: it has active runs
        QCOMPARE(m_app->runsModel()->rowCount(), 1);
        QCOMPARE(m_app->runsModel()->recordAt(0)->runId, runId);
        QTRY_VERIFY_WITH_TIMEOUT(m_app->monitor()->isTracking(m_app->runsModel()->idAt(0)), 5000);
    }
    void oneKeychainReadForManyResumedRuns()
    {
        // A workspace (an emulator standing in for a real one) with 40 runs still active.
        Emulator::EmulatorOptions eo;
        eo.token = QStringLiteral("dapi-test-many");
        Emulator::Emulator emulator(eo);
        QString error;
        QVERIFY2(emulator.start(&error), qPrintable(error));
        {
            ProfileStore profiles(m_dir.filePath(QStringLiteral("settings.ini")));
            Profile p;
            p.name = QStringLiteral("work");
            p.host = WorkspaceUrl::parse(emulator.baseUrl(), &error);
            QVERIFY2(profiles.save(p, &error), qPrintable(error));
        }
        m_tokens->tokens.insert(QStringLiteral("work"), eo.token);
        {
            Database db(m_dir.filePath(QStringLiteral("history.sqlite")));
            QVERIFY2(db.open(&error), qPrintable(error));
            HistoryStore history(&db);
            for (int i = 0; i < 40; ++i) {
                RunRecord r;
                r.profile = QStringLiteral("work");
                r.host = emulator.baseUrl();
                r.spec.notebookPath = QStringLiteral("/Shared/Demo/hello");
                r.spec.clusterId = QStringLiteral("demo-cluster");
                const auto id = history.addPending(r);
                QVERIFY(id);
                QVERIFY(history.setSubmitted(id.value(), 7000 + i));
            }
            QCOMPARE(history.activeRuns().size(), 40);
        }
        // A keychain that takes its time, as one asking the user to unlock it does: the resumed
        // runs ask for the token, and a submit on the same workspace comes while they wait.
        m_tokens->answerDelayMs = 1500;
        QVERIFY(startApp(false));
        QTRY_COMPARE(m_tokens->reads, 1);
        auto *profile = find<QComboBox>(window(), "profileCombo");
        profile->setCurrentIndex(profile->findData(QStringLiteral("work")));
        QCOMPARE(profile->currentData().toString(), QStringLiteral("work"));
        fillForm(QStringLiteral("/Shared/Demo/hello"));
        QTest::mouseClick(find<QPushButton>(window(), "submitButton"), Qt::LeftButton);
        // One keychain read (one unlock prompt) answers the runs, the form and the submit.
        QTRY_VERIFY_WITH_TIMEOUT(m_app->history()->count({}) == 41, 10000);
        QCOMPARE(m_tokens->reads, 1);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_app->history()->ids({}).size() == 41 &&
                m_app->history()->record(m_app->history()->ids({}).first())->runId > 0,
            10000); // the new run reached the workspace
        QCOMPARE(m_tokens->reads, 1);
        m_app.reset(); // before the emulator goes
    }

    void damagedHistoryIsFoundAfterTheWindowIsUpAndSetAsideAtTheNextStart()
    {
        const QString path = m_dir.filePath(QStringLiteral("history.sqlite"));
        QVERIFY(Test::writeHistory(path));
        QVERIFY(Test::losePages(path)); // only a full read of the file sees it
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("moves it aside")));
        QVERIFY(startApp(false)); // opens at once: the slow check runs after the window is up
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = window()->findChild<QMessageBox *>(
                         QStringLiteral("historyDamagedBox"))) != nullptr);
        QTRY_VERIFY(box->isVisible());
        QVERIFY2(box->text().contains(QStringLiteral("integrity check failed")),
                 qPrintable(box->text()));
        box->accept();
        window()->setCloseGuard({});
        m_app.reset();

        // The next start sets the file aside, says where, and starts a new history.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("moved aside to")));
        answerNextDialog(QString(), QStringLiteral("OK"));
        QVERIFY(startApp(false));
        QCOMPARE(m_app->history()->count({}), 0);
        const QStringList kept =
            QDir(m_dir.path()).entryList({QStringLiteral("history.sqlite.damaged-*")}, QDir::Files);
        QVERIFY2(!kept.isEmpty(), qPrintable(QDir(m_dir.path()).entryList().join(u',')));
        QVERIFY(!QFile::exists(path + QStringLiteral(".damaged")));
    }
    void theFrameShowsAtOnceAndThePanelsFollowItsFirstFrame()
    {
        m_app = std::make_unique<AppController>(m_tokens, appOptions());
        QSignalSpy started(m_app.get(), &AppController::started);
        m_app->start();
        // The frame: shown, with its menus, and nothing built of the panels yet.
        QVERIFY(window()->isVisible());
        QVERIFY(!window()->hasPanels());
        QVERIFY(!window()->findChild<QWidget *>(QStringLiteral("submitPanel")));
        QVERIFY(!m_app->isStarted());
        QVERIFY(window()->menuBar()->actions().size() >= 5);
        const QString dir = QStringLiteral(BRICKRUN_BINARY_DIR "/screenshots");
        QDir().mkpath(dir);
        QVERIFY(window()->grab().save(dir + QStringLiteral("/first-frame.png")));
        // Then, after the first frame and the history's opening on a worker: everything.
        QVERIFY(started.wait(10000));
        QCOMPARE(started.size(), 1);
        QVERIFY(m_app->isStarted());
        QVERIFY(window()->hasPanels());
        QVERIFY(find<QPushButton>(window(), "submitButton")->isVisible());
        QVERIFY(m_app->history() && m_app->runsModel());
        // Started once, whatever comes later (the frame's fallback timer, more paints).
        QTest::qWait(2 * 250);
        QCOMPARE(started.size(), 1);
    }
    void startFailsWithAReasonWhenTheHistoryCannotBeOpened()
    {
        AppController::Options o = appOptions();
        o.databasePath = m_dir.path(); // a folder, not a file
        m_app = std::make_unique<AppController>(m_tokens, o);
        QSignalSpy started(m_app.get(), &AppController::started);
        QSignalSpy failed(m_app.get(), &AppController::startFailed);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("is a folder")));
        m_app->start();
        QVERIFY(failed.wait(10000));
        QVERIFY2(failed.value(0).value(0).toString().contains(QStringLiteral("is a folder")),
                 qPrintable(failed.value(0).value(0).toString()));
        QVERIFY(started.isEmpty());
        QVERIFY(!m_app->isStarted());
    }
    void aMissingDemoModuleIsReportedNotFatal()
    {
        AppController::Options o = appOptions();
        o.demoModule = m_dir.filePath(QStringLiteral("no-such-module"));
        m_app = std::make_unique<AppController>(m_tokens, o);
        QSignalSpy started(m_app.get(), &AppController::started);
        m_app->start();
        QVERIFY(started.wait(10000));
        QString text;
        QTimer::singleShot(50, this, [&text] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                text = box->text();
                box->accept();
            }
        });
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("cannot load the demo workspace")));
        m_app->startDemo();
        QVERIFY2(text.contains(QStringLiteral("could not start")) &&
                     text.contains(QStringLiteral("no-such-module")),
                 qPrintable(text));
        QVERIFY(!m_app->demoWorkspace());
        QVERIFY(window()->isVisible()); // the program goes on, on its real workspaces
    }
    void signInAgainResumesPausedRuns()
    {
        // A workspace with browser sign-in (an emulator standing in for a real one).
        Emulator::EmulatorOptions eo;
        eo.speed = 10; // slow_report: 18 s
        eo.autoApproveConsent = true;
        Emulator::Emulator emulator(eo);
        QString error;
        QVERIFY2(emulator.start(&error), qPrintable(error));
        const QUrl host(emulator.baseUrl());
        QDesktopServices::setUrlHandler(QStringLiteral("http"), this, "openUrl");

        // Signed in once before (as the profile dialog does), the refresh token in the keychain.
        {
            QNetworkAccessManager network;
            OAuthClient oauth(&network);
            BrowserSignIn signIn(&oauth, host);
            connect(&signIn, &BrowserSignIn::authorizationUrlReady, this,
                    &tst_AppController::openUrl);
            QSignalSpy finished(&signIn, &BrowserSignIn::finished);
            signIn.start();
            QVERIFY(finished.wait(Test::scaledTimeout(20000)));
            const auto outcome = finished.first().first().value<BrowserSignIn::Outcome>();
            QVERIFY2(outcome.isOk(), qPrintable(outcome.error));
            m_tokens->tokens.insert(QStringLiteral("work/refresh-token"),
                                    outcome.tokens.refreshToken);
            ProfileStore profiles(settingsFile());
            Profile p;
            p.name = QStringLiteral("work");
            p.host = WorkspaceUrl::parse(emulator.baseUrl(), &error);
            p.authType = QStringLiteral("databricks-cli");
            QVERIFY2(profiles.save(p, &error), qPrintable(error));
        }
        const QString firstRefresh = m_tokens->tokens.value(QStringLiteral("work/refresh-token"));

        QVERIFY(startApp(false));
        auto *profile = find<QComboBox>(window(), "profileCombo");
        profile->setCurrentIndex(profile->findData(QStringLiteral("work")));
        fillForm(QStringLiteral("/Shared/Demo/slow_report"));
        QTRY_VERIFY_WITH_TIMEOUT(find<QPushButton>(window(), "submitButton")->isEnabled(),
                                 Test::scaledTimeout(10000));
        QTest::mouseClick(find<QPushButton>(window(), "submitButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_app->runsModel()->rowCount() == 1 &&
                                     m_app->runsModel()->recordAt(0)->runId > 0,
                                 Test::scaledTimeout(15000));

        // The sign-in is revoked mid-run: the runs pause (kept), and one click signs in again.
        emulator.revokeAllOAuthTokens();
        QMessageBox *box = nullptr;
        QVERIFY(QTest::qWaitFor(
            [&] {
                box = window()->findChild<QMessageBox *>(QStringLiteral("signInAgainBox"));
                return box && box->isVisible();
            },
            Test::scaledTimeout(30000)));
        QVERIFY(m_app->monitor()->pausedProfiles().contains(QStringLiteral("work")));
        QCOMPARE(m_app->runsModel()->recordAt(0)->tracking, RunRecord::Tracking::Active);

        // The profile dialog opens and signs in by itself; OK once it says who signed in.
        bool accepted = false;
        std::function<void()> acceptWhenSignedIn = [&] {
            auto *dialog = qobject_cast<ProfileDialog *>(QApplication::activeModalWidget());
            auto *status =
                dialog ? dialog->findChild<QLabel *>(QStringLiteral("signInStatus")) : nullptr;
            if (status && status->text().contains(QLatin1String("Signed in as"))) {
                dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))
                    ->button(QDialogButtonBox::Ok)
                    ->click();
                accepted = true;
                return;
            }
            QTimer::singleShot(100, this, acceptWhenSignedIn);
        };
        QTimer::singleShot(100, this, acceptWhenSignedIn);
        QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("signInAgainButton")),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(accepted, Test::scaledTimeout(30000));
        QTRY_VERIFY_WITH_TIMEOUT(
            !m_app->monitor()->pausedProfiles().contains(QStringLiteral("work")),
            Test::scaledTimeout(10000));
        QVERIFY(m_tokens->tokens.value(QStringLiteral("work/refresh-token")) != firstRefresh);

        // The same run goes on to its end: nothing was lost, nothing submitted twice.
        QTRY_VERIFY_WITH_TIMEOUT(m_app->runsModel()->recordAt(0)->tracking ==
                                     RunRecord::Tracking::Finished,
                                 Test::scaledTimeout(60000));
        QCOMPARE(m_app->runsModel()->index(0, RunsTableModel::ResultColumn).data().toString(),
                 QStringLiteral("SUCCESS"));
        QCOMPARE(m_app->runsModel()->rowCount(), 1);
        QCOMPARE(emulator.createdRunCount(), 1);
        QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
        m_app.reset(); // before the emulator goes
    }
    void screenshot()
    {
        QVERIFY(startApp(true));
        for (const char *nb : {"/Shared/Demo/failing", "/Shared/Demo/hello"}) {
            fillForm(QString::fromLatin1(nb));
            QTest::mouseClick(find<QPushButton>(window(), "submitButton"), Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(!m_app->runsModel()->recordAt(0)->isActive(), 30000);
        }
        window()->resize(1280, 800);
        QTest::qWait(300);
        const QString dir = QStringLiteral(BRICKRUN_BINARY_DIR "/screenshots");
        QDir().mkpath(dir);
        const QString file = dir + QStringLiteral("/main-window.png");
        QVERIFY(window()->grab().save(file));
        qInfo("screenshot: %s", qPrintable(file));
    }
};

QTEST_MAIN(tst_AppController)
#include "tst_appcontroller.moc"
