// SPDX-License-Identifier: Apache-2.0
// A Python file's output is its logs: the desktop program shows them in the Result tab, as a
// user sees them after running /Shared/Demo/etl_job.py, failing_job.py and chatty_job.py (6 MB
// of logs, of which the service keeps the last 5 MB) on the demo workspace. Submitted from the
// form through the real AppController and followed to the end over loopback HTTP; Copy gives
// every character. Real widgets (offscreen), a real SQLite history in a temp dir.
#include "AppTestBase.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "RunDetailsPanel.h"
#include "RunsTableModel.h"
#include "SubmitPanel.h"
#include "TestTimeouts.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace Brickrun;
using Brickrun::Test::find;

class tst_PythonLogs : public Test::AppTestBase
{
    Q_OBJECT
private:
    QWidget *details() const { return window()->detailsPanel(); }
    template<typename T>
    T *inDetails(const char *name) const
    {
        return find<T>(details(), name);
    }

    [[nodiscard]] bool startApp() { return startOnDemoWorkspace(); }

    // Runs a Python file from the form (task type "Python file") and follows the run until its
    // output is in; its record then.
    std::optional<RunRecord> runPythonFile(const QString &path)
    {
        auto *kind = find<QComboBox>(window(), "taskKindCombo");
        const int python = kind->findText(QStringLiteral("Python file"), Qt::MatchContains);
        if (python < 0)
            return std::nullopt;
        kind->setFocus();
        kind->setCurrentIndex(python);
        auto *path_ = find<QLineEdit>(window(), "notebookEdit");
        path_->setFocus();
        path_->selectAll();
        QTest::keyClick(path_, Qt::Key_Backspace);
        QTest::keyClicks(path_, path);
        auto *submit = find<QPushButton>(window(), "submitButton");
        if (!QTest::qWaitFor([submit] { return submit->isEnabled(); }, Test::scaledTimeout(5000))) {
            qWarning("Submit stays disabled for %s", qPrintable(path));
            return std::nullopt;
        }
        const int before = m_app->runsModel()->rowCount();
        QTest::mouseClick(submit, Qt::LeftButton);
        if (!QTest::qWaitFor([&] { return m_app->runsModel()->rowCount() == before + 1; },
                             Test::scaledTimeout(10000)))
            return std::nullopt;
        if (!QTest::qWaitFor(
                [&] {
                    const RunRecord *r = m_app->runsModel()->recordAt(0);
                    return r->tracking == RunRecord::Tracking::Finished && r->hasOutput;
                },
                Test::scaledTimeout(60000)))
            return std::nullopt;
        // The new run is the one the details show.
        window()->runsView()->setCurrentIndex(m_app->runsModel()->index(0, 0));
        return *m_app->runsModel()->recordAt(0);
    }
    void openResultTab()
    {
        auto *tabs = inDetails<QTabWidget>("outputTabs");
        tabs->setCurrentWidget(inDetails<QWidget>("resultTab"));
    }
    QString copied()
    {
        QApplication::clipboard()->clear();
        inDetails<QPushButton>("copyButton")->click();
        return QApplication::clipboard()->text();
    }

private Q_SLOTS:
    void initTestCase() { setUpProcess(); }
    void init() { setUpTest(); }
    void cleanup() { tearDownTest(); }

    // etl_job.py succeeds: its logs are the Result tab's text, said to be the logs; no banner.
    void successfulJobShowsItsLogs()
    {
        QVERIFY(startApp());
        const auto record = runPythonFile(QStringLiteral("/Shared/Demo/etl_job.py"));
        QVERIFY(record);
        QCOMPARE(record->state.resultState, QStringLiteral("SUCCESS"));
        QVERIFY(record->spec.isPythonFile());
        QVERIFY(!record->output.logs.isEmpty());

        openResultTab();
        auto *stack = inDetails<QStackedWidget>("resultStack");
        QTRY_COMPARE(stack->currentWidget(), inDetails<QWidget>("resultTextPage"));
        const QString shown = inDetails<QPlainTextEdit>("resultText")->toPlainText();
        QVERIFY2(shown.contains(QStringLiteral("Wrote 12,443 rows to demo.sales.orders_clean")),
                 qPrintable(shown));
        QCOMPARE(shown, record->output.logs);
        auto *info = inDetails<QLabel>("resultInfoLabel");
        QVERIFY(info->isVisibleTo(details()));
        QVERIFY2(info->text().contains(QStringLiteral("Python file")), qPrintable(info->text()));
        QVERIFY(!inDetails<QLabel>("truncatedBanner")->isVisibleTo(details()));
        QCOMPARE(copied(), record->output.logs);
        // The details are titled by the file, as the history's Run name column is.
        QCOMPARE(inDetails<QLabel>("titleLabel")->text(), QStringLiteral("etl_job.py (Brickrun)"));

        const QString dir = QStringLiteral(BRICKRUN_BINARY_DIR "/screenshots");
        QVERIFY(QDir().mkpath(dir));
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest); // laid out as shown
        QVERIFY(window()->grab().save(dir + QStringLiteral("/python-logs.png")));
    }

    // failing_job.py fails: the Error tab opens first and says why; the Result tab still has
    // what it printed before it failed.
    void failedJobShowsErrorThenLogs()
    {
        QVERIFY(startApp());
        const auto record = runPythonFile(QStringLiteral("/Shared/Demo/failing_job.py"));
        QVERIFY(record);
        QCOMPARE(record->state.resultState, QStringLiteral("FAILED"));
        auto *tabs = inDetails<QTabWidget>("outputTabs");
        QTRY_COMPARE(tabs->currentWidget(), inDetails<QWidget>("errorTab"));
        QVERIFY(inDetails<QPlainTextEdit>("errorText")
                    ->toPlainText()
                    .contains(QStringLiteral("--date must be YYYY-MM-DD")));

        openResultTab();
        const QString shown = inDetails<QPlainTextEdit>("resultText")->toPlainText();
        QVERIFY2(shown.contains(QStringLiteral("Parsing --date")), qPrintable(shown));
        QCOMPARE(inDetails<QStackedWidget>("resultStack")->currentWidget(),
                 inDetails<QWidget>("resultTextPage"));
    }

    // chatty_job.py prints 6 MB: the service keeps the last 5 MB and says so; the banner says the
    // beginning is missing; the view shows the end of the logs (what is read of a log), cut for
    // display and saying so; Copy gives all that was kept.
    void longLogsShowTheirEnd()
    {
        QVERIFY(startApp());
        const auto record = runPythonFile(QStringLiteral("/Shared/Demo/chatty_job.py"));
        QVERIFY(record);
        QVERIFY(record->output.logsTruncated);
        const QString &logs = record->output.logs;
        QVERIFY2(logs.size() > 4'000'000, qPrintable(QString::number(logs.size())));

        openResultTab();
        auto *banner = inDetails<QLabel>("truncatedBanner");
        QTRY_VERIFY(banner->isVisibleTo(details()));
        QVERIFY2(banner->text().contains(QStringLiteral("last 5 MB")), qPrintable(banner->text()));
        const QString shown = inDetails<QPlainTextEdit>("resultText")->toPlainText();
        QVERIFY(shown.size() < logs.size());
        QVERIFY2(shown.startsWith(QStringLiteral("[Cut here for display: the last")),
                 qPrintable(shown.left(200)));
        QVERIFY(shown.endsWith(logs.right(1000)));
        const QString info = inDetails<QLabel>("resultInfoLabel")->text();
        QVERIFY2(info.contains(QStringLiteral("Showing the last")), qPrintable(info));
        QCOMPARE(copied().size(), logs.size());
    }
};

QTEST_MAIN(tst_PythonLogs)
#include "tst_pythonlogs.moc"
