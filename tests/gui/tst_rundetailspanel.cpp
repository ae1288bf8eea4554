// SPDX-License-Identifier: Apache-2.0
#include "ResultTableModel.h"
#include "RunDetailsPanel.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSet>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using Brickrun::RunDetailsPanel;
using Brickrun::RunRecord;
using Tracking = Brickrun::RunRecord::Tracking;

namespace {

constexpr qint64 Minute = 60 * 1000;

// The panel shows results, errors and JSON in the system's fixed-pitch font. What is checked is
// the font the panel asks for, not the face the font database picks for it: which face a
// machine resolves "monospace" to depends on the fonts installed (with some sets of fonts the
// offscreen platform answers a proportional one), and is none of the panel's doing.
bool asksForTheFixedFont(const QFont &font)
{
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    return font.families() == fixed.families() && font.styleHint() == fixed.styleHint() &&
           font.fixedPitch() == fixed.fixedPitch() &&
           font != QFontDatabase::systemFont(QFontDatabase::GeneralFont);
}

RunRecord baseRecord(qint64 id)
{
    RunRecord r;
    r.id = id;
    r.profile = QStringLiteral("demo");
    r.host = QStringLiteral("https://adb-1.2.azuredatabricks.net");
    r.spec.runName = QStringLiteral("Nightly sales %1").arg(id);
    r.spec.notebookPath = QStringLiteral("/Shared/sales");
    r.spec.clusterId = QStringLiteral("0101-123456-abcdefgh");
    r.runId = 1000 + id;
    r.taskRunId = 2000 + id;
    r.runPageUrl = QStringLiteral("https://adb-1.2.azuredatabricks.net/#job/1/run/%1").arg(r.runId);
    r.submittedAtMs = QDateTime::currentMSecsSinceEpoch() - 10 * Minute;
    r.startTimeMs = r.submittedAtMs + 5000;
    return r;
}

RunRecord running(qint64 id)
{
    RunRecord r = baseRecord(id);
    r.tracking = Tracking::Active;
    r.state.lifeCycleState = QStringLiteral("RUNNING");
    r.state.stateMessage = QStringLiteral("In run");
    return r;
}

RunRecord finished(qint64 id, const QString &result, bool hasResult = true)
{
    RunRecord r = baseRecord(id);
    r.tracking = Tracking::Finished;
    r.state.lifeCycleState = QStringLiteral("TERMINATED");
    r.state.resultState = QStringLiteral("SUCCESS");
    r.endTimeMs = r.startTimeMs + 2 * Minute + 5000;
    r.hasOutput = true;
    r.output.taskRunId = r.taskRunId;
    r.output.hasNotebookResult = hasResult;
    r.output.notebookResult = result;
    return r;
}

// About `bytes` of JSON records, `tag` in every name so two of them differ.
QString bigRecords(qsizetype bytes, const QString &tag)
{
    QString json = QStringLiteral("[");
    for (int i = 0; json.size() < bytes; ++i) {
        if (i > 0)
            json += QLatin1Char(',');
        json +=
            QStringLiteral(R"({"id":%1,"name":"%2 %1","amount":%3})").arg(i).arg(tag).arg(i * 1.5);
    }
    return json + QLatin1Char(']');
}

template<typename T>
T *find(const QWidget &panel, const char *name)
{
    T *w = panel.findChild<T *>(QLatin1String(name));
    if (!w)
        qWarning("no %s named %s", T::staticMetaObject.className(), name);
    return w;
}

// Readings of large results run on worker threads; waits until every one has been delivered.
bool readingsSettled(const QWidget &panel)
{
    return panel.findChildren<QFutureWatcherBase *>().isEmpty();
}

} // namespace

class tst_RunDetailsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void serverTextIsPlainText();

    void placeholderWhenClear();
    void runningRun();
    void successWithRecords();
    void successWithText();
    void truncatedResult();
    void noResult();
    void failedWithErrorAndTrace();
    void vanishedRun();
    void submitRefused();
    void cancelAsksFirst();
    void cancelIgnoredWhenTheRunEndedMeanwhile();
    void rerun();
    void runPageLinkOpensBrowser();
    void liveUpdateKeepsTabSelectionAndScroll();
    void liveUpdateFromRunningToFinished();
    void olderReadingDoesNotOverwriteNewerRecord();
    void olderReadingOfSameRunDoesNotOverwriteNewerResult();
    void ctrlCCopiesSelectedCells();
    void saveTableAsCsv();
    void keyboard();

    // What a new user tripped over (issue #16).
    void endedRunWhoseOutputIsBeingFetched();
    void eachWaitingStateSaysWhatIsHappening();
    void followedRunThatFailsOpensOnItsError();
    void errorTextWraps();
    void flatObjectResultIsAKeyValueTable();
    void serviceClockAheadOfThisComputer();
    void serviceClockBehindThisComputer();

    // The URL handler for the run page link.
    void openUrl(const QUrl &url) { m_opened.append(url); }

private:
    std::unique_ptr<RunDetailsPanel> m_panel;
    QList<QUrl> m_opened;
};

void tst_RunDetailsPanel::init()
{
    m_panel = std::make_unique<RunDetailsPanel>();
    m_panel->resize(900, 700);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    QGuiApplication::clipboard()->clear();
}

void tst_RunDetailsPanel::cleanup()
{
    m_panel.reset();
}

void tst_RunDetailsPanel::placeholderWhenClear()
{
    RunDetailsPanel &p = *m_panel;
    QCOMPARE(p.recordId(), 0);
    QVERIFY(find<QLabel>(p, "placeholderLabel")->isVisible());
    QVERIFY(!find<QTabWidget>(p, "outputTabs")->isVisible());

    p.showRecord(finished(7, QStringLiteral("ok")));
    QCOMPARE(p.recordId(), 7);
    QVERIFY(!find<QLabel>(p, "placeholderLabel")->isVisible());
    p.clear();
    QCOMPARE(p.recordId(), 0);
    QVERIFY(find<QLabel>(p, "placeholderLabel")->isVisible());
}

void tst_RunDetailsPanel::runningRun()
{
    RunDetailsPanel &p = *m_panel;
    p.showRecord(running(1));
    QCOMPARE(find<QLabel>(p, "titleLabel")->text(), QStringLiteral("Nightly sales 1"));
    QVERIFY(!find<QLabel>(p, "stateLabel")->text().isEmpty());
    QCOMPARE(find<QLabel>(p, "stateMessageLabel")->text(), QStringLiteral("In run"));
    QVERIFY(find<QPushButton>(p, "cancelButton")->isEnabled());
    QVERIFY(find<QPushButton>(p, "rerunButton")->isEnabled());
    QCOMPARE(find<QLabel>(p, "runIdLabel")->text(), QStringLiteral("1001"));
    QCOMPARE(find<QLabel>(p, "taskRunIdLabel")->text(), QStringLiteral("2001"));
    QVERIFY(find<QLabel>(p, "durationLabel")->text().contains(QStringLiteral("so far")));
    QVERIFY(find<QLabel>(p, "runPageLink")->text().contains(QStringLiteral("#job/1/run/1001")));
    QVERIFY(find<QLabel>(p, "resultMessage")->isVisible());
    QVERIFY(find<QLabel>(p, "resultMessage")->text().contains(QStringLiteral("finished")));
    QVERIFY(!find<QLabel>(p, "truncatedBanner")->isVisible());
    QVERIFY(!find<QLabel>(p, "lastErrorBanner")->isVisible());
    QVERIFY(!find<QPushButton>(p, "copyButton")->isEnabled());
}

void tst_RunDetailsPanel::successWithRecords()
{
    RunDetailsPanel &p = *m_panel;
    p.showRecord(finished(2, QStringLiteral(R"([{"region": "west", "sales": 10.5},)"
                                            R"( {"region": "east", "sales": null}])")));
    QVERIFY(!find<QPushButton>(p, "cancelButton")->isEnabled());
    QCOMPARE(find<QLabel>(p, "durationLabel")->text(), QStringLiteral("2 min 05 s"));
    auto *table = find<QTableView>(p, "resultTable");
    QVERIFY(table->isVisible());
    QCOMPARE(table->model()->rowCount(), 2);
    QCOMPARE(table->model()->headerData(1, Qt::Horizontal).toString(), QStringLiteral("sales"));
    QCOMPARE(table->model()->index(1, 1).data().toString(), QStringLiteral("null"));
    QCOMPARE(find<QLabel>(p, "resultInfoLabel")->text(), QStringLiteral("2 rows × 2 columns"));
    QVERIFY(!find<QLabel>(p, "truncatedBanner")->isVisible());
    QVERIFY(find<QPlainTextEdit>(p, "rawJsonText")
                ->toPlainText()
                .contains(QStringLiteral("\"notebook_output\"")));

    auto *copy = find<QPushButton>(p, "copyButton");
    QVERIFY(copy->isEnabled());
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(),
             QStringLiteral("region\tsales\nwest\t10.5\neast\t\n"));
}

void tst_RunDetailsPanel::successWithText()
{
    RunDetailsPanel &p = *m_panel;
    p.showRecord(finished(3, QStringLiteral("42 rows written")));
    auto *text = find<QPlainTextEdit>(p, "resultText");
    QVERIFY(text->isVisible());
    QVERIFY(text->isReadOnly());
    QVERIFY2(asksForTheFixedFont(text->font()), qPrintable(text->font().toString()));
    QCOMPARE(text->toPlainText(), QStringLiteral("42 rows written"));
    QVERIFY(!find<QTableView>(p, "resultTable")->isVisible());
    QVERIFY(find<QLabel>(p, "resultInfoLabel")->text().contains(QStringLiteral("plain text")));
    QTest::mouseClick(find<QPushButton>(p, "copyButton"), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("42 rows written"));
}

void tst_RunDetailsPanel::truncatedResult()
{
    RunDetailsPanel &p = *m_panel;
    const QString whole = bigRecords(600 * 1024, QStringLiteral("t"));
    RunRecord r = finished(4, whole.left(512 * 1024));
    r.output.truncated = true;
    p.showRecord(r);

    // Large: read on a worker thread, with a placeholder meanwhile.
    QCOMPARE(find<QLabel>(p, "resultMessage")->text(), QStringLiteral("Parsing result…"));
    auto *text = find<QPlainTextEdit>(p, "resultText");
    QTRY_VERIFY(text->isVisible());
    QVERIFY(find<QLabel>(p, "truncatedBanner")->isVisible());
    QVERIFY(find<QLabel>(p, "truncatedBanner")->text().contains(QStringLiteral("first 5 MB")));
    const QString info = find<QLabel>(p, "resultInfoLabel")->text();
    QVERIFY2(info.contains(QStringLiteral("ends early")), qPrintable(info));
    QVERIFY2(info.contains(QStringLiteral("Showing the first")), qPrintable(info)); // capped view
    QVERIFY(text->toPlainText().size() < 200 * 1024);
    QTest::mouseClick(find<QPushButton>(p, "copyButton"), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text().size(), 512 * 1024); // all of it
    QVERIFY(find<QPlainTextEdit>(p, "rawJsonText")
                ->toPlainText()
                .contains(QStringLiteral("\"truncated\": true")));
}

void tst_RunDetailsPanel::noResult()
{
    RunDetailsPanel &p = *m_panel;
    p.showRecord(finished(5, QString(), false));
    auto *message = find<QLabel>(p, "resultMessage");
    QVERIFY(message->isVisible());
    QCOMPARE(message->text(),
             QStringLiteral("No result: the notebook did not call dbutils.notebook.exit()."));
    QVERIFY(!find<QLabel>(p, "truncatedBanner")->isVisible());
    QVERIFY(!find<QPushButton>(p, "copyButton")->isEnabled());
    QVERIFY(!find<QPushButton>(p, "saveButton")->isEnabled());
}

void tst_RunDetailsPanel::failedWithErrorAndTrace()
{
    RunDetailsPanel &p = *m_panel;
    RunRecord r = finished(6, QString(), false);
    r.state.resultState = QStringLiteral("FAILED");
    r.state.stateMessage = QStringLiteral("Task main failed with message: ZeroDivisionError");
    r.output.error = QStringLiteral("ZeroDivisionError: division by zero");
    r.output.errorTrace = QStringLiteral("Traceback (most recent call last):\n  File \"<cell>\", "
                                         "line 1\nZeroDivisionError: division by zero");
    p.showRecord(r);

    auto *tabs = find<QTabWidget>(p, "outputTabs");
    QCOMPARE(tabs->currentWidget()->objectName(), QStringLiteral("errorTab")); // opens on it
    auto *error = find<QPlainTextEdit>(p, "errorText");
    QVERIFY(error->isVisible());
    QVERIFY(error->isReadOnly());
    QVERIFY(error->toPlainText().startsWith(r.output.error));
    QVERIFY(error->toPlainText().contains(QStringLiteral("Traceback (most recent call last)")));
    QVERIFY2(asksForTheFixedFont(error->font()), qPrintable(error->font().toString()));
    QVERIFY(find<QLabel>(p, "resultMessage")->text().contains(QStringLiteral("Error tab")));
    QVERIFY(find<QPlainTextEdit>(p, "rawJsonText")
                ->toPlainText()
                .contains(QStringLiteral("\"error_trace\"")));
    QTest::mouseClick(find<QPushButton>(p, "copyButton"), Qt::LeftButton);
    QVERIFY(QGuiApplication::clipboard()->text().contains(QStringLiteral("Traceback")));
}

void tst_RunDetailsPanel::vanishedRun()
{
    RunDetailsPanel &p = *m_panel;
    RunRecord r = running(8);
    r.tracking = Tracking::Vanished;
    r.lastError = QStringLiteral("The service no longer knows run 1008.");
    p.showRecord(r);
    auto *banner = find<QLabel>(p, "lastErrorBanner");
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->text(), r.lastError);
    QVERIFY(!find<QPushButton>(p, "cancelButton")->isEnabled());
    QVERIFY(find<QPushButton>(p, "rerunButton")->isEnabled());
    QVERIFY(find<QLabel>(p, "resultMessage")->text().contains(QStringLiteral("no longer")));
}

void tst_RunDetailsPanel::submitRefused()
{
    RunDetailsPanel &p = *m_panel;
    RunRecord r = baseRecord(9);
    r.tracking = Tracking::SubmitFailed;
    r.runId = 0;
    r.taskRunId = 0;
    r.runPageUrl.clear();
    r.lastError = QStringLiteral("The cluster 0101-123456-abcdefgh does not exist.");
    p.showRecord(r);
    QCOMPARE(find<QLabel>(p, "lastErrorBanner")->text(), r.lastError);
    QVERIFY(find<QLabel>(p, "lastErrorBanner")->isVisible());
    QVERIFY(!find<QPushButton>(p, "cancelButton")->isEnabled());
    QVERIFY(find<QPushButton>(p, "rerunButton")->isEnabled());
    QVERIFY(!find<QLabel>(p, "runPageLink")->text().contains(QStringLiteral("href")));
}

void tst_RunDetailsPanel::cancelAsksFirst()
{
    RunDetailsPanel &p = *m_panel;
    QSignalSpy cancelled(&p, &RunDetailsPanel::cancelRequested);
    p.showRecord(running(10));

    const auto answer = [&p](QMessageBox::StandardButton button, QString *question) {
        QTimer::singleShot(0, &p, [&p, button, question] {
            auto *box = p.findChild<QMessageBox *>(QStringLiteral("cancelConfirmation"));
            QVERIFY(box);
            QVERIFY(box->isVisible());
            *question = box->text();
            QTest::mouseClick(box->button(button), Qt::LeftButton);
        });
    };

    QString question;
    answer(QMessageBox::No, &question);
    QTest::mouseClick(find<QPushButton>(p, "cancelButton"), Qt::LeftButton);
    QTRY_VERIFY(!question.isEmpty());
    QVERIFY2(question.contains(QStringLiteral("Cancel run")) &&
                 question.contains(QStringLiteral("Nightly sales 10")),
             qPrintable(question));
    QTest::qWait(10);
    QCOMPARE(cancelled.count(), 0);

    question.clear();
    answer(QMessageBox::Yes, &question);
    QTest::mouseClick(find<QPushButton>(p, "cancelButton"), Qt::LeftButton);
    QTRY_COMPARE(cancelled.count(), 1);
    QCOMPARE(cancelled.at(0).at(0).toLongLong(), 10);
}

void tst_RunDetailsPanel::cancelIgnoredWhenTheRunEndedMeanwhile()
{
    RunDetailsPanel &p = *m_panel;
    QSignalSpy cancelled(&p, &RunDetailsPanel::cancelRequested);
    p.showRecord(running(11));
    QTest::mouseClick(find<QPushButton>(p, "cancelButton"), Qt::LeftButton);
    auto *box = p.findChild<QMessageBox *>(QStringLiteral("cancelConfirmation"));
    QVERIFY(box);
    p.showRecord(finished(11, QStringLiteral("done"))); // the poll says it ended
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    QTest::qWait(10);
    QCOMPARE(cancelled.count(), 0);
}

void tst_RunDetailsPanel::rerun()
{
    RunDetailsPanel &p = *m_panel;
    QSignalSpy rerun(&p, &RunDetailsPanel::rerunRequested);
    p.showRecord(finished(12, QStringLiteral("ok")));
    QTest::mouseClick(find<QPushButton>(p, "rerunButton"), Qt::LeftButton);
    QCOMPARE(rerun.count(), 1);
    QCOMPARE(rerun.at(0).at(0).toLongLong(), 12);
}

void tst_RunDetailsPanel::runPageLinkOpensBrowser()
{
    RunDetailsPanel &p = *m_panel;
    QDesktopServices::setUrlHandler(QStringLiteral("https"), this, "openUrl");
    p.showRecord(finished(13, QStringLiteral("ok")));
    auto *link = find<QLabel>(p, "runPageLink");
    QVERIFY(link->isVisible());
    QVERIFY(link->textInteractionFlags() & Qt::LinksAccessibleByKeyboard);
    // Activate the link from the keyboard: Tab to it, then Enter.
    link->setFocus();
    QTest::keyClick(link, Qt::Key_Tab); // selects the first (only) link inside the label
    QTest::keyClick(link, Qt::Key_Return);
    QCOMPARE(m_opened.size(), 1);
    QCOMPARE(m_opened.at(0).toString(),
             QStringLiteral("https://adb-1.2.azuredatabricks.net/#job/1/run/1013"));

    // Only web pages are opened, whatever the service answered.
    RunRecord odd = finished(14, QStringLiteral("ok"));
    odd.runPageUrl = QStringLiteral("file:///etc/passwd");
    p.showRecord(odd);
    QVERIFY(!link->text().contains(QStringLiteral("href")));
    QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
}

void tst_RunDetailsPanel::liveUpdateKeepsTabSelectionAndScroll()
{
    RunDetailsPanel &p = *m_panel;
    QString rows = QStringLiteral("[");
    for (int i = 0; i < 300; ++i)
        rows += (i ? QStringLiteral(",") : QString()) + QStringLiteral(R"({"n":%1})").arg(i);
    rows += QLatin1Char(']');
    RunRecord r = finished(20, rows);
    p.showRecord(r);

    auto *table = find<QTableView>(p, "resultTable");
    QVERIFY(table->isVisible());
    QSignalSpy resets(table->model(), &QAbstractItemModel::modelReset);
    table->selectionModel()->select(table->model()->index(150, 0), QItemSelectionModel::Select);
    table->scrollTo(table->model()->index(150, 0));
    const int scroll = table->verticalScrollBar()->value();
    QVERIFY(scroll > 0);

    // Same run, state message changes, same result: nothing in the output moves.
    r.state.stateMessage = QStringLiteral("Output fetched");
    p.showRecord(r);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(table->verticalScrollBar()->value(), scroll);
    QVERIFY(table->selectionModel()->isSelected(table->model()->index(150, 0)));

    // On another tab, the tab stays.
    auto *tabs = find<QTabWidget>(p, "outputTabs");
    tabs->setCurrentWidget(p.findChild<QWidget *>(QStringLiteral("rawJsonTab")));
    auto *raw = find<QPlainTextEdit>(p, "rawJsonText");
    raw->verticalScrollBar()->setValue(raw->verticalScrollBar()->maximum());
    const int rawScroll = raw->verticalScrollBar()->value();
    r.updatedAtMs += 1000;
    p.showRecord(r);
    QCOMPARE(tabs->currentWidget()->objectName(), QStringLiteral("rawJsonTab"));
    QCOMPARE(raw->verticalScrollBar()->value(), rawScroll);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(find<QLabel>(p, "stateMessageLabel")->text(), QStringLiteral("Output fetched"));

    // A different run starts on its result.
    p.showRecord(finished(21, QStringLiteral("[]")));
    QCOMPARE(tabs->currentWidget()->objectName(), QStringLiteral("resultTab"));
}

void tst_RunDetailsPanel::liveUpdateFromRunningToFinished()
{
    RunDetailsPanel &p = *m_panel;
    p.showRecord(running(22));
    auto *tabs = find<QTabWidget>(p, "outputTabs");
    tabs->setCurrentWidget(p.findChild<QWidget *>(QStringLiteral("rawJsonTab")));
    p.showRecord(finished(22, QStringLiteral(R"({"a": [1, 2, 3]})")));
    QCOMPARE(tabs->currentWidget()->objectName(), QStringLiteral("rawJsonTab"));
    QVERIFY(!find<QPushButton>(p, "cancelButton")->isEnabled());
    QCOMPARE(find<QTableView>(p, "resultTable")->model()->rowCount(), 3);
}

void tst_RunDetailsPanel::olderReadingDoesNotOverwriteNewerRecord()
{
    RunDetailsPanel &p = *m_panel;
    auto *table = find<QTableView>(p, "resultTable");
    auto *text = find<QPlainTextEdit>(p, "resultText");

    // A 5 MB result starts reading; the user selects a small run before it is done.
    p.showRecord(finished(30, bigRecords(5 * 1024 * 1024, QStringLiteral("old"))));
    QCOMPARE(find<QLabel>(p, "resultMessage")->text(), QStringLiteral("Parsing result…"));
    p.showRecord(finished(31, QStringLiteral("small and new")));
    QCOMPARE(text->toPlainText(), QStringLiteral("small and new"));
    QTRY_VERIFY_WITH_TIMEOUT(readingsSettled(p), 30000);
    QTest::qWait(20);
    QCOMPARE(p.recordId(), 31);
    QVERIFY(text->isVisible());
    QCOMPARE(text->toPlainText(), QStringLiteral("small and new"));
    QCOMPARE(table->model()->rowCount(), 0);

    // Two large readings: whichever ends first, the newer one is what stays.
    p.showRecord(finished(32, bigRecords(5 * 1024 * 1024, QStringLiteral("older"))));
    p.showRecord(finished(33, bigRecords(256 * 1024, QStringLiteral("newer"))));
    QTRY_VERIFY_WITH_TIMEOUT(readingsSettled(p), 30000);
    QTest::qWait(20);
    QVERIFY(table->isVisible());
    QVERIFY(table->model()->index(0, 1).data().toString().startsWith(QStringLiteral("newer")));
    QVERIFY(
        find<QPlainTextEdit>(p, "rawJsonText")->toPlainText().contains(QStringLiteral("newer")));
    QVERIFY(
        !find<QPlainTextEdit>(p, "rawJsonText")->toPlainText().contains(QStringLiteral("older")));

    // Cleared while reading: stays clear.
    p.showRecord(finished(34, bigRecords(1024 * 1024, QStringLiteral("gone"))));
    p.clear();
    QTRY_VERIFY_WITH_TIMEOUT(readingsSettled(p), 30000);
    QTest::qWait(20);
    QCOMPARE(p.recordId(), 0);
    QCOMPARE(table->model()->rowCount(), 0);
    QVERIFY(find<QLabel>(p, "placeholderLabel")->isVisible());
}

void tst_RunDetailsPanel::olderReadingOfSameRunDoesNotOverwriteNewerResult()
{
    RunDetailsPanel &p = *m_panel;
    p.showRecord(finished(40, bigRecords(5 * 1024 * 1024, QStringLiteral("first"))));
    p.showRecord(finished(40, bigRecords(200 * 1024, QStringLiteral("second"))));
    QTRY_VERIFY_WITH_TIMEOUT(readingsSettled(p), 30000);
    QTest::qWait(20);
    auto *table = find<QTableView>(p, "resultTable");
    QVERIFY(table->isVisible());
    QVERIFY(table->model()->index(0, 1).data().toString().startsWith(QStringLiteral("second")));

    // Only the error changes while the result is being read: the result is still read.
    RunRecord r = finished(41, bigRecords(1024 * 1024, QStringLiteral("kept")));
    p.showRecord(r);
    r.output.error = QStringLiteral("late warning");
    p.showRecord(r);
    QTRY_VERIFY_WITH_TIMEOUT(readingsSettled(p), 30000);
    QTest::qWait(20);
    QVERIFY(table->isVisible());
    QVERIFY(table->model()->index(0, 1).data().toString().startsWith(QStringLiteral("kept")));
}

void tst_RunDetailsPanel::ctrlCCopiesSelectedCells()
{
    RunDetailsPanel &p = *m_panel;
    p.showRecord(finished(50, QStringLiteral(R"({"a": [1, 2, 3], "b": ["x", "y\tz", "w"]})")));
    auto *table = find<QTableView>(p, "resultTable");
    table->setFocus();
    const QAbstractItemModel *model = table->model();
    table->selectionModel()->select(QItemSelection(model->index(1, 0), model->index(2, 1)),
                                    QItemSelectionModel::ClearAndSelect);
    QTest::keySequence(table, QKeySequence::Copy);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("2\t\"y\tz\"\n3\tw\n"));

    table->selectAll();
    QTest::keySequence(table, QKeySequence::Copy);
    QCOMPARE(QGuiApplication::clipboard()->text(),
             QStringLiteral("a\tb\n1\tx\n2\t\"y\tz\"\n3\tw\n"));
}

void tst_RunDetailsPanel::saveTableAsCsv()
{
    RunDetailsPanel &p = *m_panel;
    p.showRecord(
        finished(60, QStringLiteral(R"([{"name": "a, b", "n": 1}, {"name": "say \"hi\""}])")));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("result.csv"));
    QString suggested;
    QTimer::singleShot(0, &p, [&p, &path, &suggested] {
        auto *dialog = p.findChild<QFileDialog *>();
        QVERIFY(dialog);
        suggested = dialog->selectedFiles().value(0);
        dialog->selectFile(path);
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept is protected
    });
    QTest::mouseClick(find<QPushButton>(p, "saveButton"), Qt::LeftButton);
    QVERIFY2(suggested.endsWith(QStringLiteral("Nightly-sales-60-result.csv")),
             qPrintable(suggested));
    QTRY_VERIFY(QFile::exists(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()),
             QStringLiteral("name,n\r\n\"a, b\",1\r\n\"say \"\"hi\"\"\",\r\n"));
}

void tst_RunDetailsPanel::keyboard()
{
    RunDetailsPanel &p = *m_panel;
    p.showRecord(running(70));
    QApplication::setActiveWindow(&p);
    QVERIFY(QTest::qWaitForWindowActive(&p));

    // Every button is reachable with Tab, in reading order.
    const auto tabChain = [&p] {
        // (A label with a link takes one Tab to select the link, one more to move on.)
        QStringList names;
        find<QPushButton>(p, "rerunButton")->setFocus();
        for (int i = 0; i < 30; ++i) {
            QWidget *focus = QApplication::focusWidget();
            if (!focus || (i > 0 && focus->objectName() == names.first()))
                break;
            const QString name = focus->parentWidget() && focus->parentWidget()->objectName() ==
                                                              QLatin1String("outputTabs")
                                     ? QStringLiteral("outputTabs") // its tab bar
                                     : focus->objectName();
            if (names.isEmpty() || names.last() != name)
                names.append(name);
            QTest::keyClick(focus, Qt::Key_Tab);
        }
        return names;
    };
    QStringList chain = tabChain();
    const QStringList expected{QStringLiteral("rerunButton"), QStringLiteral("cancelButton"),
                               QStringLiteral("runPageLink"), QStringLiteral("outputTabs")};
    QVERIFY2(chain.mid(0, 4) == expected, qPrintable(chain.join(QLatin1Char(' '))));

    p.showRecord(finished(70, QStringLiteral(R"([{"a": 1}])")));
    chain = tabChain();
    const QStringList expectedFinished{QStringLiteral("rerunButton"), QStringLiteral("runPageLink"),
                                       QStringLiteral("outputTabs"),  QStringLiteral("resultTable"),
                                       QStringLiteral("copyButton"),  QStringLiteral("saveButton")};
    QVERIFY2(chain.mid(0, 6) == expectedFinished, qPrintable(chain.join(QLatin1Char(' '))));

    // No Alt+letter of their own: the buttons repeat Run > Re-run (Ctrl+R) and Cancel run
    // (Ctrl+Shift+X), and the letters belong to the menus and the form (tst_mnemonics).
    QVERIFY(!find<QPushButton>(p, "cancelButton")->text().contains(QLatin1Char('&')));
    QVERIFY(!find<QPushButton>(p, "rerunButton")->text().contains(QLatin1Char('&')));
}

void tst_RunDetailsPanel::endedRunWhoseOutputIsBeingFetched()
{
    // The poll saw the run end; its output is still on its way (a large one takes a while).
    RunDetailsPanel &p = *m_panel;
    RunRecord r = running(90);
    r.state = {QStringLiteral("TERMINATED"), QStringLiteral("SUCCESS"), QString(), false};
    r.endTimeMs = r.startTimeMs + Minute;
    p.showRecord(r);
    QVERIFY(!find<QPushButton>(p, "cancelButton")->isEnabled()); // nothing left to cancel
    const QString message = find<QLabel>(p, "resultMessage")->text();
    QVERIFY2(message.contains(QStringLiteral("Fetching")), qPrintable(message));
    QVERIFY2(!message.contains(QStringLiteral("when the run has finished")), qPrintable(message));
    QCOMPARE(find<QLabel>(p, "durationLabel")->text(), QStringLiteral("1 min 00 s"));

    // While it arrives, how much of it: the shown run's only, from its own workspace.
    const QLocale locale;
    p.showOutputProgress(r.profile, r.taskRunId + 1000, 1024 * 1024, 4 * 1024 * 1024);
    p.showOutputProgress(QStringLiteral("another"), r.taskRunId, 1024 * 1024, 4 * 1024 * 1024);
    QCOMPARE(find<QLabel>(p, "resultMessage")->text(), message);
    p.showOutputProgress(r.profile, r.taskRunId, 1536 * 1024, 4 * 1024 * 1024);
    QString arriving = find<QLabel>(p, "resultMessage")->text();
    QVERIFY2(arriving.contains(QStringLiteral("Fetching")) &&
                 arriving.contains(locale.formattedDataSize(1536 * 1024)) &&
                 arriving.contains(locale.formattedDataSize(4 * 1024 * 1024)),
             qPrintable(arriving));
    p.showOutputProgress(r.profile, r.taskRunId, 2 * 1024 * 1024, -1); // no length given
    arriving = find<QLabel>(p, "resultMessage")->text();
    QVERIFY2(arriving.contains(locale.formattedDataSize(2 * 1024 * 1024)), qPrintable(arriving));

    // Once it is in, the output is shown, and a late word about it changes nothing.
    r.hasOutput = true;
    r.tracking = RunRecord::Tracking::Finished;
    r.output.hasNotebookResult = true;
    r.output.notebookResult = QStringLiteral("done");
    p.showRecord(r);
    p.showOutputProgress(r.profile, r.taskRunId, 3 * 1024 * 1024, 4 * 1024 * 1024);
    QVERIFY(!find<QLabel>(p, "resultMessage")->text().contains(QStringLiteral("Fetching")));
}

void tst_RunDetailsPanel::eachWaitingStateSaysWhatIsHappening()
{
    RunDetailsPanel &p = *m_panel;
    QSet<QString> messages;
    for (const char *state : {"QUEUED", "PENDING", "RUNNING", "WAITING_FOR_RETRY"}) {
        RunRecord r = running(91);
        r.state.lifeCycleState = QString::fromLatin1(state);
        p.showRecord(r);
        QVERIFY(find<QPushButton>(p, "cancelButton")->isEnabled());
        messages.insert(find<QLabel>(p, "resultMessage")->text());
    }
    QCOMPARE(messages.size(), 3); // QUEUED and PENDING both: not started yet
    RunRecord submitting = running(92);
    submitting.tracking = Tracking::Submitting;
    submitting.runId = 0;
    p.showRecord(submitting);
    QVERIFY(!find<QPushButton>(p, "cancelButton")->isEnabled()); // no run id to cancel yet
    QVERIFY(find<QLabel>(p, "resultMessage")->text().contains(QStringLiteral("submitted")));
}

void tst_RunDetailsPanel::followedRunThatFailsOpensOnItsError()
{
    RunDetailsPanel &p = *m_panel;
    auto *tabs = find<QTabWidget>(p, "outputTabs");
    p.showRecord(running(93));
    QCOMPARE(tabs->currentWidget()->objectName(), QStringLiteral("resultTab"));

    RunRecord failed = finished(93, QString(), false);
    failed.state.resultState = QStringLiteral("FAILED");
    failed.output.error = QStringLiteral("ZeroDivisionError: division by zero");
    p.showRecord(failed); // the same run, followed until it failed
    QCOMPARE(tabs->currentWidget()->objectName(), QStringLiteral("errorTab"));

    // Later updates leave the tab the user is on.
    tabs->setCurrentWidget(p.findChild<QWidget *>(QStringLiteral("resultTab")));
    failed.state.stateMessage = QStringLiteral("later");
    p.showRecord(failed);
    QCOMPARE(tabs->currentWidget()->objectName(), QStringLiteral("resultTab"));
}

void tst_RunDetailsPanel::errorTextWraps()
{
    RunDetailsPanel &p = *m_panel;
    RunRecord r = finished(94, QString(), false);
    r.state.resultState = QStringLiteral("FAILED");
    r.output.error = QStringLiteral("Py4JJavaError: An error occurred while calling o123.save. ") +
                     QString(40, QLatin1Char('x')) +
                     QStringLiteral(" : the table default.sales does not exist");
    p.showRecord(r);
    auto *error = find<QPlainTextEdit>(p, "errorText");
    QVERIFY(error->isVisible());
    QVERIFY(error->lineWrapMode() != QPlainTextEdit::NoWrap);
    QCOMPARE(error->horizontalScrollBar()->maximum(), 0); // the end of the line is in view
}

void tst_RunDetailsPanel::flatObjectResultIsAKeyValueTable()
{
    RunDetailsPanel &p = *m_panel;
    p.showRecord(finished(95, QStringLiteral(R"({"status": "ok", "rows": 42})")));
    auto *table = find<QTableView>(p, "resultTable");
    QVERIFY(table->isVisible());
    QCOMPARE(table->model()->rowCount(), 2);
    QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("status"));
    QCOMPARE(table->model()->index(1, 1).data().toString(), QStringLiteral("42"));
    QCOMPARE(find<QLabel>(p, "resultInfoLabel")->text(), QStringLiteral("2 rows × 2 columns"));
}

void tst_RunDetailsPanel::serviceClockAheadOfThisComputer()
{
    // The demo workspace at speed 10 leaves its clock ahead; a real one can be skewed.
    RunDetailsPanel &p = *m_panel;
    RunRecord r = running(96);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    r.submittedAtMs = now - 20 * 1000;
    r.startTimeMs = now + 60 * Minute;
    p.showRecord(r);
    const QString duration = find<QLabel>(p, "durationLabel")->text();
    QVERIFY2(
        QRegularExpression(QStringLiteral("^\\d+ s since submitted$")).match(duration).hasMatch(),
        qPrintable(duration));
    const QString started = find<QLabel>(p, "startedLabel")->text();
    QVERIFY2(started.contains(QStringLiteral("workspace's clock")), qPrintable(started));
    QVERIFY(!find<QLabel>(p, "submittedLabel")->text().contains(QStringLiteral("clock")));
}

void tst_RunDetailsPanel::serviceClockBehindThisComputer()
{
    RunDetailsPanel &p = *m_panel;
    RunRecord r = running(97);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    r.submittedAtMs = now - 20 * 1000;
    r.startTimeMs = now - 60 * Minute;
    p.showRecord(r);
    const QString duration = find<QLabel>(p, "durationLabel")->text();
    QVERIFY2(
        QRegularExpression(QStringLiteral("^\\d+ s since submitted$")).match(duration).hasMatch(),
        qPrintable(duration));
    // Ended: the service's end minus its start, on its own clock.
    RunRecord ended = finished(97, QStringLiteral("ok"));
    ended.startTimeMs = now + 60 * Minute;
    ended.endTimeMs = ended.startTimeMs + 5000;
    p.showRecord(ended);
    QCOMPARE(find<QLabel>(p, "durationLabel")->text(), QStringLiteral("5 s"));
}

void tst_RunDetailsPanel::serverTextIsPlainText()
{
    RunDetailsPanel p;
    RunRecord r = running(3);
    const QString hostile = QStringLiteral("<b>In run</b><img src=\"file:///etc/passwd\">");
    r.state.stateMessage = hostile;
    r.spec.runName = QStringLiteral("<i>Nightly</i>");
    r.spec.clusterId = QStringLiteral("<u>0101</u>");
    p.showRecord(r);
    for (const char *name :
         {"stateMessageLabel", "titleLabel", "clusterLabel", "notebookLabel", "lastErrorBanner"}) {
        auto *label = p.findChild<QLabel *>(QLatin1String(name));
        QVERIFY2(label, name);
        QCOMPARE(label->textFormat(), Qt::PlainText);
    }
    QCOMPARE(p.findChild<QLabel *>(QStringLiteral("stateMessageLabel"))->text(), hostile);
}

QTEST_MAIN(tst_RunDetailsPanel)
#include "tst_rundetailspanel.moc"
