// SPDX-License-Identifier: Apache-2.0
// The Run menu's actions and what the window says around a run, driven as a user would: the
// demo workspace over loopback HTTP, a real history, real widgets (offscreen). Each action has
// one path (issue #17): the menu's Cancel asks the details' question, Open run page is one
// function; and the window says what is happening now (issue #16).
#include "AppController.h"
#include "AppTestBase.h"
#include "AppTranslations.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "RunsTableModel.h"
#include "TestTimeouts.h"
#include "WelcomeDialog.h"
#include "store/HistoryStore.h"
#include "workflow/RunMonitor.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace Brickrun;
using Brickrun::Test::find;

class tst_RunActions : public Test::AppTestBase
{
    Q_OBJECT
private:
    QAction *action(const char *name) const
    {
        return window()->findChild<QAction *>(QString::fromLatin1(name));
    }
    // Submits `notebook` on the demo workspace through the form, as a user does.
    void submitThroughTheForm(const QString &notebook)
    {
        auto *notebookEdit = find<QLineEdit>(window(), "notebookEdit");
        notebookEdit->clear();
        QTest::keyClicks(notebookEdit, notebook);
        QTest::mouseClick(find<QPushButton>(window(), "submitButton"), Qt::LeftButton);
    }
    [[nodiscard]] bool waitUntilEnded(qint64 id)
    {
        BRICKRUN_TEST_CHECK(QTest::qWaitFor(
                                [&] {
                                    const auto r = m_app->history()->record(id);
                                    return r && r->tracking == RunRecord::Tracking::Finished;
                                },
                                Test::scaledTimeout(30000)),
                            "the run ends");
        return true;
    }
    QString status() const { return window()->statusBar()->currentMessage(); }
    // For a look at the result (build dir's screenshots/); not an assertion.

private Q_SLOTS:
    void initTestCase()
    {
        setUpProcess();
        AppTranslations::install(QCoreApplication::instance()); // as the program does
    }
    void init() { setUpTest(); }
    void cleanup() { tearDownTest(); }

    void theStatusBarNoLongerSaysSubmittingOnceTheRunIsIn()
    {
        QVERIFY(startApp(true));
        submitThroughTheForm(QStringLiteral("/Shared/Demo/hello"));
        QTRY_COMPARE(m_app->runsModel()->rowCount(), 1);
        QVERIFY2(status().startsWith(QStringLiteral("Submitting /Shared/Demo/hello")),
                 qPrintable(status()));
        QVERIFY(waitUntilEnded(m_app->runsModel()->idAt(0)));
        QVERIFY2(!status().contains(QStringLiteral("Submitting")), qPrintable(status()));
    }
    void aNewSubmissionSelectsOnlyTheNewRun()
    {
        QVERIFY(startApp(true));
        submitThroughTheForm(QStringLiteral("/Shared/Demo/hello"));
        QTRY_COMPARE(m_app->runsModel()->rowCount(), 1);
        const qint64 first = m_app->runsModel()->idAt(0);
        QVERIFY(waitUntilEnded(first));
        QCOMPARE(window()->selectedRunIds(), QList<qint64>{first});

        // Submitted with the keyboard (Run → Submit run, Ctrl+Return): Ctrl is held as the new
        // run is selected, which must not add it to the old selection.
        window()->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window()));
        QTest::keyClick(window(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE(m_app->runsModel()->rowCount(), 2);
        const qint64 second = m_app->runsModel()->idAt(0); // newest first
        QVERIFY(second != first);
        QTRY_COMPARE(window()->selectedRunId(), second);
        QCOMPARE(window()->selectedRunIds(), QList<qint64>{second});
        QVERIFY(waitUntilEnded(second));
        QCOMPARE(window()->selectedRunIds(), QList<qint64>{second});
    }
    void rerunFillsTheFormInsteadOfSubmitting()
    {
        QVERIFY(startApp(true));
        submitThroughTheForm(QStringLiteral("/Shared/Demo/echo_params"));
        QTRY_COMPARE(m_app->runsModel()->rowCount(), 1);
        QVERIFY(waitUntilEnded(m_app->runsModel()->idAt(0)));
        auto *notebookEdit = find<QLineEdit>(window(), "notebookEdit");
        notebookEdit->clear();

        QAction *rerun = action("actionRerun");
        QVERIFY(rerun && rerun->isEnabled());
        rerun->trigger();
        QCOMPARE(notebookEdit->text(), QStringLiteral("/Shared/Demo/echo_params"));
        QCOMPARE(m_app->history()->count({}), 1); // nothing submitted: the user checks first
        QVERIFY2(status().contains(QStringLiteral("submit")), qPrintable(status()));
    }
    void theMenusCancelAsksTheDetailsQuestion()
    {
        QVERIFY(startApp(true));
        submitThroughTheForm(QStringLiteral("/Shared/Demo/slow_report"));
        QTRY_VERIFY_WITH_TIMEOUT(m_app->runsModel()->rowCount() == 1 &&
                                     m_app->runsModel()->recordAt(0)->state.lifeCycleState ==
                                         QLatin1String("RUNNING"),
                                 Test::scaledTimeout(30000));
        QAction *cancel = action("actionCancelRun");
        QTRY_VERIFY(cancel->isEnabled());
        cancel->trigger();
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = window()->findChild<QMessageBox *>(
                         QStringLiteral("cancelConfirmation"))) != nullptr &&
                    box->isVisible());
        box->button(QMessageBox::Yes)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!m_app->runsModel()->recordAt(0)->isActive(),
                                 Test::scaledTimeout(30000));
        QCOMPARE(m_app->runsModel()->recordAt(0)->state.resultState, QStringLiteral("CANCELED"));
    }
    void openRunPageWithoutABrowserOffersToCopyTheLink()
    {
        QVERIFY(startApp(true));
        submitThroughTheForm(QStringLiteral("/Shared/Demo/hello"));
        QTRY_COMPARE(m_app->runsModel()->rowCount(), 1);
        QVERIFY(waitUntilEnded(m_app->runsModel()->idAt(0)));
        const QString page = m_app->history()->record(m_app->runsModel()->idAt(0))->runPageUrl;
        QVERIFY(!page.isEmpty());
        // The offscreen platform opens no browser: QDesktopServices::openUrl answers false.
        QAction *open = action("actionOpenRunPage");
        QTRY_VERIFY(open->isEnabled());
        QApplication::clipboard()->clear();
        open->trigger();
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = window()->findChild<QMessageBox *>(
                         QStringLiteral("runPageNotOpened"))) != nullptr &&
                    box->isVisible());
        QVERIFY2(box->text().contains(QStringLiteral("browser")), qPrintable(box->text()));
        QVERIFY2(box->informativeText().contains(page), qPrintable(box->informativeText()));
        saveScreenshot(box, QStringLiteral("run-page-not-opened.png"));
        auto *copy = box->findChild<QPushButton *>(QStringLiteral("copyRunPageLink"));
        QVERIFY(copy);
        copy->click();
        QCOMPARE(QApplication::clipboard()->text(), page);
    }
    void quittingWithOneActiveRunSaysItInTheSingular()
    {
        QVERIFY(startApp(true));
        submitThroughTheForm(QStringLiteral("/Shared/Demo/slow_report"));
        QTRY_VERIFY_WITH_TIMEOUT(m_app->monitor()->trackedCount() == 1 &&
                                     m_app->runsModel()->recordAt(0)->runId > 0,
                                 Test::scaledTimeout(30000));
        QString text;
        QTimer answer; // the question is modal: answered from the event loop it runs
        answer.setInterval(20);
        connect(&answer, &QTimer::timeout, this, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box || box->objectName() != QLatin1String("quitConfirmation"))
                return;
            answer.stop();
            text = box->text();
            for (QAbstractButton *b : box->buttons()) {
                if (box->buttonRole(b) == QMessageBox::RejectRole)
                    b->click(); // Don't quit
            }
        });
        answer.start();
        QVERIFY(!window()->close());
        QCOMPARE(text, QStringLiteral("1 run is still active."));
        QVERIFY(window()->isVisible());
    }
    void closingTheWelcomeSaysWhereToStart()
    {
        QTimer closer; // answers the welcome dialog once it is up: closed without a choice
        closer.setInterval(20);
        connect(&closer, &QTimer::timeout, this, [&closer] {
            if (auto *welcome = qobject_cast<WelcomeDialog *>(QApplication::activeModalWidget())) {
                closer.stop();
                welcome->reject();
            }
        });
        closer.start();
        QVERIFY(startApp(false, true));
        QTRY_VERIFY2(status().contains(QStringLiteral("Add workspace")), qPrintable(status()));
        QVERIFY2(status().contains(QStringLiteral("demo")), qPrintable(status()));
        saveScreenshot(window(), QStringLiteral("welcome-closed.png"));
        auto *runMenu = window()->findChild<QMenu *>(QStringLiteral("menuRun"));
        QVERIFY(runMenu);
        saveScreenshot(runMenu, QStringLiteral("run-menu.png"));
    }
};

QTEST_MAIN(tst_RunActions)
#include "tst_runactions.moc"
