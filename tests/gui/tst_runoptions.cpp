// SPDX-License-Identifier: Apache-2.0
// The run's own timeout and retries in the desktop program, driven as a user would: the
// "Run options" fold of the submit form (keyboard, labels, what is refused), saved in a preset
// and read back, and a retried run of the demo workspace whose details say which attempt it is
// at. Real widgets (offscreen), a real SQLite file in a temp dir, the demo over loopback HTTP.
#include "AppTestBase.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "RunsTableModel.h"
#include "SubmitPanel.h"
#include "store/PresetStore.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <QToolButton>

using namespace Brickrun;
using Brickrun::Test::DialogScript;
using Brickrun::Test::find;

class tst_RunOptions : public Test::AppTestBase
{
    Q_OBJECT
private:
    SubmitPanel *panel() const { return window()->submitPanel(); }
    QToolButton *toggle() const { return find<QToolButton>(window(), "runOptionsToggle"); }
    QWidget *box() const { return find<QWidget>(window(), "runOptionsBox"); }
    QLineEdit *timeoutEdit() const { return find<QLineEdit>(window(), "runTimeoutEdit"); }
    QSpinBox *retriesSpin() const { return find<QSpinBox>(window(), "maxRetriesSpin"); }
    QLineEdit *intervalEdit() const { return find<QLineEdit>(window(), "retryIntervalEdit"); }
    QCheckBox *onTimeoutCheck() const { return find<QCheckBox>(window(), "retryOnTimeoutCheck"); }
    QLabel *errorLabel() const { return find<QLabel>(window(), "runOptionsError"); }
    QPushButton *submitButton() const { return find<QPushButton>(window(), "submitButton"); }

    [[nodiscard]] bool startApp() { return AppTestBase::startApp(true) && activate(); }
    // The offscreen platform gives the window no activation back after a dialog closed.
    [[nodiscard]] bool activate()
    {
        window()->activateWindow();
        BRICKRUN_TEST_CHECK(QTest::qWaitForWindowActive(window()), "the window is active");
        return true;
    }
    void fillForm(const QString &notebook)
    {
        auto *nb = find<QLineEdit>(window(), "notebookEdit");
        nb->clear();
        QTest::keyClicks(nb, notebook);
    }
    static void retype(QLineEdit *edit, const QString &text)
    {
        edit->selectAll();
        if (text.isEmpty())
            QTest::keyClick(edit, Qt::Key_Backspace);
        else
            QTest::keyClicks(edit, text);
    }

private Q_SLOTS:
    void initTestCase() { setUpProcess(); }
    void init() { setUpTest(); }
    void cleanup() { tearDownTest(); }

    // Folded away until asked for, with a one-line summary; every field has its label, and the
    // keyboard reaches each in order.
    void foldedUntilAskedAndKeyboardReachable()
    {
        QVERIFY(startApp());
        QVERIFY(toggle()->isVisible());
        QVERIFY(!box()->isVisible());
        auto *summary = find<QLabel>(window(), "runOptionsSummary");
        QVERIFY(summary->isVisible());
        QCOMPARE(summary->text(), QStringLiteral("none"));
        QCOMPARE(find<QLabel>(window(), "runTimeoutLabel")->buddy(), timeoutEdit());
        QCOMPARE(find<QLabel>(window(), "maxRetriesLabel")->buddy(), retriesSpin());
        QCOMPARE(find<QLabel>(window(), "retryIntervalLabel")->buddy(), intervalEdit());
        QCOMPARE(toggle()->focusPolicy(), Qt::StrongFocus);
        saveScreenshot(panel(), QStringLiteral("submit-panel-folded.png"));

        // Space on the fold opens it; Tab goes through the fields, then to Submit.
        toggle()->setFocus();
        QTest::keyClick(toggle(), Qt::Key_Space);
        QTRY_VERIFY(box()->isVisible());
        QVERIFY(summary->text().isEmpty()); // the fields say it now
        QWidget *expected[] = {timeoutEdit(), retriesSpin()};
        for (QWidget *w : expected) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QCOMPARE(QApplication::focusWidget(), w);
        }
        // The interval and retry-on-timeout wait for retries: Tab skips them until then.
        QVERIFY(!intervalEdit()->isEnabled());
        QVERIFY(!onTimeoutCheck()->isEnabled());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), submitButton());

        // Alt+U (the fold's mnemonic, "R&un options") folds it again.
        QTest::keyClick(window(), Qt::Key_U, Qt::AltModifier);
        QTRY_VERIFY(!box()->isVisible());
        QCOMPARE(summary->text(), QStringLiteral("none"));
        QVERIFY(summary->width() >= summary->sizeHint().width()); // room to be read
    }

    // What is typed becomes the spec, is saved in a preset and fills the form again.
    void optionsGoIntoTheSpecAndThePreset()
    {
        QVERIFY(startApp());
        fillForm(QStringLiteral("/Shared/Demo/flaky"));
        toggle()->click();
        QVERIFY(box()->isVisible());
        QTest::keyClicks(timeoutEdit(), QStringLiteral("45m"));
        retriesSpin()->selectAll();
        QTest::keyClicks(retriesSpin(), QStringLiteral("3"));
        QVERIFY(intervalEdit()->isEnabled());
        QVERIFY(onTimeoutCheck()->isEnabled());
        QTest::keyClicks(intervalEdit(), QStringLiteral("30s"));
        onTimeoutCheck()->setFocus();
        QTest::keyClick(onTimeoutCheck(), Qt::Key_Space);
        QVERIFY(onTimeoutCheck()->isChecked());

        RunSpec spec = panel()->spec();
        QCOMPARE(spec.timeoutSeconds, 45 * 60);
        QCOMPARE(spec.maxRetries, 3);
        QCOMPARE(spec.minRetryIntervalMillis, 30000);
        QCOMPARE(spec.retryOnTimeout, true);
        QVERIFY(submitButton()->isEnabled());
        QCOMPARE(toggle()->accessibleDescription(),
                 QStringLiteral("timeout 45m, retries: 3, 30s apart, also after a timeout"));
        saveScreenshot(panel(), QStringLiteral("submit-panel-run-options.png"));
        toggle()->click(); // folded, the summary says what is set
        QVERIFY(!box()->isVisible());
        QCOMPARE(find<QLabel>(window(), "runOptionsSummary")->text(),
                 toggle()->accessibleDescription());
        toggle()->click();

        DialogScript script;
        script.add(DialogScript::text(QStringLiteral("retried")));
        window()->findChild<QAction *>(QStringLiteral("actionSavePreset"))->trigger();
        QVERIFY(script.isDone());
        const auto saved = m_app->presets()->preset(QStringLiteral("retried"));
        QVERIFY(saved);
        QCOMPARE(saved->spec.timeoutSeconds, 45 * 60);
        QCOMPARE(saved->spec.maxRetries, 3);
        QCOMPARE(saved->spec.minRetryIntervalMillis, 30000);
        QCOMPARE(saved->spec.retryOnTimeout, true);

        // Without retries the interval and retry on timeout are not part of the run.
        retriesSpin()->setValue(0);
        QVERIFY(!intervalEdit()->isEnabled());
        QVERIFY(!onTimeoutCheck()->isEnabled());
        spec = panel()->spec();
        QCOMPARE(spec.maxRetries, 0);
        QCOMPARE(spec.minRetryIntervalMillis, 0);
        QCOMPARE(spec.retryOnTimeout, false);
        QCOMPARE(spec.timeoutSeconds, 45 * 60);

        // An empty form, then the preset again: every option is back.
        panel()->setSpec(RunSpec());
        QVERIFY(timeoutEdit()->text().isEmpty());
        QCOMPARE(retriesSpin()->value(), 0);
        QVERIFY(panel()->loadPreset(*saved));
        QCOMPARE(timeoutEdit()->text(), QStringLiteral("45m"));
        QCOMPARE(retriesSpin()->value(), 3);
        QCOMPARE(intervalEdit()->text(), QStringLiteral("30s"));
        QVERIFY(onTimeoutCheck()->isChecked());
        QCOMPARE(panel()->spec().minRetryIntervalMillis, 30000);
    }

    // A duration that is none, or past a limit, is said next to the options and blocks Submit;
    // a mistake is never folded away.
    void mistakesAreShownAndBlockSubmit()
    {
        QVERIFY(startApp());
        fillForm(QStringLiteral("/Shared/Demo/hello"));
        QVERIFY(submitButton()->isEnabled());
        toggle()->click();
        retype(timeoutEdit(), QStringLiteral("soon"));
        QVERIFY(errorLabel()->isVisible());
        QVERIFY2(errorLabel()->text().contains(QStringLiteral("\"soon\" is not a duration")),
                 qPrintable(errorLabel()->text()));
        QVERIFY(!submitButton()->isEnabled());
        retype(timeoutEdit(), QStringLiteral("8d"));
        QVERIFY2(errorLabel()->text().contains(QStringLiteral("run timeout: at most 7 days")),
                 qPrintable(errorLabel()->text()));
        QVERIFY(!submitButton()->isEnabled());
        retype(timeoutEdit(), QStringLiteral("1500ms"));
        QVERIFY2(errorLabel()->text().contains(QStringLiteral("whole seconds")),
                 qPrintable(errorLabel()->text()));
        retype(timeoutEdit(), QStringLiteral("90s"));
        QVERIFY(!errorLabel()->isVisible());
        QVERIFY(submitButton()->isEnabled());

        // Folded, then a spec whose interval is past its limit (Re-run of an old run): the fold
        // opens to show why Submit is off.
        toggle()->click();
        QVERIFY(!box()->isVisible());
        RunSpec s = panel()->spec();
        s.maxRetries = 1;
        s.minRetryIntervalMillis = RunSpec::MaxRetryIntervalMillis + 1;
        panel()->setSpec(s);
        QVERIFY(box()->isVisible());
        QVERIFY2(errorLabel()->text().contains(QStringLiteral("retry interval: at most 1 day")),
                 qPrintable(errorLabel()->text()));
        QVERIFY(!submitButton()->isEnabled());
    }

    // The demo's flaky notebook fails once; with a retry the service runs it again. The details
    // say which attempt it was and with which options; Re-run fills them in again.
    void aRetriedRunShowsItsAttempt()
    {
        QVERIFY(startApp());
        fillForm(QStringLiteral("/Shared/Demo/flaky"));
        toggle()->click();
        retriesSpin()->setValue(1);
        QTest::keyClicks(timeoutEdit(), QStringLiteral("10m"));
        QVERIFY(submitButton()->isEnabled());
        QTest::mouseClick(submitButton(), Qt::LeftButton);

        RunsTableModel *runs = m_app->runsModel();
        QTRY_COMPARE(runs->rowCount(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(runs->recordAt(0)->tracking == RunRecord::Tracking::Finished,
                                 60000);
        const RunRecord run = *runs->recordAt(0);
        QCOMPARE(run.state.resultState, QStringLiteral("SUCCESS"));
        QCOMPARE(run.spec.maxRetries, 1);
        QCOMPARE(run.spec.timeoutSeconds, 600);
        QCOMPARE(run.attemptNumber, 1);
        QVERIFY(run.output.notebookResult.contains(QStringLiteral("ok after retry")));

        QCOMPARE(window()->selectedRunId(), run.id);
        auto *attempt = find<QLabel>(window(), "attemptLabel");
        QTRY_COMPARE(attempt->text(), QStringLiteral("attempt 2 of 2"));
        QVERIFY(attempt->isVisibleTo(window()));
        auto *options = find<QLabel>(window(), "runOptionsLabel");
        QCOMPARE(options->text(), QStringLiteral("timeout 10m, retries: 1"));
        QVERIFY(options->isVisibleTo(window()));
        saveScreenshot(window(), QStringLiteral("retried-run-details.png"));

        // Re-run fills the form with the run's options.
        panel()->setSpec(RunSpec());
        QCOMPARE(retriesSpin()->value(), 0);
        find<QPushButton>(window(), "rerunButton")->click();
        QTRY_COMPARE(retriesSpin()->value(), 1);
        QCOMPARE(timeoutEdit()->text(), QStringLiteral("10m"));
    }
};

QTEST_MAIN(tst_RunOptions)
#include "tst_runoptions.moc"
