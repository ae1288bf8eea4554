// SPDX-License-Identifier: Apache-2.0
// The history in the desktop program, driven as a user would: the filter bar, the sortable
// table, live runs of the demo workspace, export, delete and import. Real widgets (offscreen),
// a real SQLite history in a temp dir, the demo workspace over loopback HTTP.
#include "AppController.h"
#include "AppTestBase.h"
#include "DemoWorkspace.h"
#include "GuiTestSupport.h"
#include "HistoryActions.h"
#include "ImportRunsDialog.h"
#include "MainWindow.h"
#include "MemoryTokenStore.h"
#include "RunsTableModel.h"
#include "api/HttpTransport.h"
#include "api/JobsClient.h"
#include "store/Database.h"
#include "store/HistoryStore.h"
#include "store/QueryFilter.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Brickrun;
using Brickrun::Test::DialogScript;
using Brickrun::Test::find;

namespace {

constexpr qint64 HourMs = 3600 * 1000;
constexpr qint64 DayMs = 24 * HourMs;

// A history of `count` ended runs over the last ~count*3 hours: every third in the demo
// workspace, the others in "work"; names, notebooks, clusters, states and durations vary.
// Ten more carry parameters ("mode" = full/delta).
void fillHistory(const QString &databasePath, int count)
{
    Database database(databasePath);
    QString error;
    QVERIFY2(database.open(&error), qPrintable(error));
    HistoryStore history(&database);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<RunInfo> demoRuns, workRuns;
    for (int i = 0; i < count; ++i) {
        RunInfo run;
        run.runId = 1000 + i;
        run.runName =
            (i % 5 == 0 ? QStringLiteral("Nightly load %1") : QStringLiteral("report %1")).arg(i);
        if (i % 4 == 0)
            run.state = {QStringLiteral("TERMINATED"), QStringLiteral("FAILED"), {}, false};
        else if (i % 9 == 1)
            run.state = {QStringLiteral("INTERNAL_ERROR"), QStringLiteral("FAILED"), {}, false};
        else if (i % 11 == 2)
            run.state = {QStringLiteral("TERMINATED"), QStringLiteral("CANCELED"), {}, true};
        else
            run.state = {QStringLiteral("TERMINATED"), QStringLiteral("SUCCESS"), {}, false};
        run.startTimeMs = now - i * 3 * HourMs - 60000;
        run.endTimeMs = i % 13 == 5 ? 0 : run.startTimeMs + (i % 7 + 1) * 60000;
        TaskRun task;
        task.runId = 500000 + i;
        task.taskKey = QStringLiteral("main");
        task.notebookPath = QStringLiteral("/Shared/etl/Step%1").arg(i % 10);
        task.clusterId = QStringLiteral("cluster-%1").arg(i % 3);
        task.state = run.state;
        run.tasks = {task};
        (i % 3 == 0 ? demoRuns : workRuns).append(run);
    }
    QCOMPARE(
        history.importRuns(QStringLiteral("demo"), QStringLiteral("http://demo.invalid"), demoRuns),
        int(demoRuns.size()));
    QCOMPARE(history.importRuns(QStringLiteral("work"), QStringLiteral("https://work.invalid"),
                                workRuns),
             int(workRuns.size()));
    for (int i = 0; i < 10; ++i) {
        RunRecord r;
        r.profile = QStringLiteral("work");
        r.host = QStringLiteral("https://work.invalid");
        r.spec.clusterId = QStringLiteral("cluster-p");
        r.spec.notebookPath = QStringLiteral("/Shared/params");
        r.spec.runName = QStringLiteral("param run %1").arg(i);
        r.spec.parameters = {
            {QStringLiteral("date"), QStringLiteral("2024-05-%1").arg(i + 10)},
            {QStringLiteral("mode"), i % 2 ? QStringLiteral("Full") : QStringLiteral("delta")}};
        r.submittedAtMs = now - i * HourMs - 30000;
        const auto id = history.addPending(r);
        QVERIFY(id);
        QVERIFY(history.setSubmitted(id.value(), 900000 + i));
        RunInfo run;
        run.runId = 900000 + i;
        run.state = {QStringLiteral("TERMINATED"), QStringLiteral("SUCCESS"), {}, false};
        run.startTimeMs = r.submittedAtMs + 1000;
        run.endTimeMs = run.startTimeMs + i * 1000;
        QVERIFY(history.recordRun(id.value(), run));
        RunOutput output;
        output.taskRunId = 950000 + i;
        QVERIFY(history.setOutput(id.value(), output));
    }
}

} // namespace

class tst_HistoryView : public Test::AppTestBase
{
    Q_OBJECT
private:
    [[nodiscard]] bool startApp(bool demo)
    {
        if (!AppTestBase::startApp(demo))
            return false;
        window()->resize(1280, 800);
        return true;
    }
    // The runs of a new query are read on a worker thread: wait until they are shown.
    bool settled() const
    {
        return QTest::qWaitFor([this] { return !model()->isLoading(); }, 10000);
    }
    RunsTableModel *model() const { return m_app->runsModel(); }
    HistoryStore *history() const { return m_app->history(); }
    QAction *action(const char *name) const
    {
        auto *a = window()->findChild<QAction *>(QString::fromLatin1(name));
        if (!a)
            qWarning("no action named %s", name);
        return a;
    }
    QString countText() const { return find<QLabel>(window(), "countLabel")->text(); }

    // What the table shows is what the store answers for the same query: the same runs in the
    // same order, the same total; and QueryFilter in memory (used for live updates) agrees with
    // SQL.
    void verifyTableMatchesStore()
    {
        QVERIFY(settled());
        const HistoryStore::Query query = model()->query();
        const QList<qint64> ids = history()->ids(query);
        QTRY_COMPARE(model()->totalCount(), int(ids.size())); // counted again after changes
        QVERIFY(model()->rowCount() <= ids.size());
        for (int row = 0; row < model()->rowCount(); ++row)
            QCOMPARE(model()->idAt(row), ids.at(row));
        QCOMPARE(countText(), ids.size() == 1 ? QStringLiteral("1 run")
                                              : QStringLiteral("%1 runs").arg(ids.size()));
        const QueryFilter filter(query);
        const QList<RunRecord> all = history()->page({}, 0, 100000);
        const QSet<qint64> matching(ids.cbegin(), ids.cend());
        for (const RunRecord &r : all)
            QVERIFY2(filter.matches(r) == matching.contains(r.id), qPrintable(r.spec.runName));
        for (int row = 1; row < model()->rowCount(); ++row)
            QVERIFY(filter.before(*model()->recordAt(row - 1), *model()->recordAt(row)));
    }
    void loadAll()
    {
        // Pages are read on the worker thread: ask for the next one when the last is in.
        QVERIFY(QTest::qWaitFor(
            [this] {
                if (model()->canFetchMore({}))
                    model()->fetchMore({});
                return !model()->canFetchMore({}) && !model()->isFetching();
            },
            30000));
    }
    void clickHeader(int column)
    {
        QHeaderView *header = window()->runsView()->horizontalHeader();
        const QPoint at(header->sectionViewportPosition(column) + header->sectionSize(column) / 2,
                        header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
        QVERIFY(settled());
    }
    void fillForm(const QString &notebook, const QString &runName = QString())
    {
        auto *cluster = find<QLineEdit>(window(), "clusterEdit");
        cluster->clear();
        QTest::keyClicks(cluster, QStringLiteral("demo-cluster"));
        auto *nb = find<QLineEdit>(window(), "notebookEdit");
        nb->clear();
        QTest::keyClicks(nb, notebook);
        auto *name = find<QLineEdit>(window(), "runNameEdit");
        name->clear();
        QTest::keyClicks(name, runName);
    }
    qint64 submitForm(const QString &notebook, const QString &runName = QString())
    {
        fillForm(notebook, runName);
        const int before = history()->count({});
        QTest::mouseClick(find<QPushButton>(window(), "submitButton"), Qt::LeftButton);
        if (!QTest::qWaitFor([&] { return history()->count({}) == before + 1; }, 5000))
            return 0;
        return history()->ids({}).value(0); // newest first
    }
    bool waitEnded(qint64 id)
    {
        return QTest::qWaitFor(
            [&] {
                const auto r = history()->record(id);
                return r && r->tracking == RunRecord::Tracking::Finished;
            },
            30000);
    }

private Q_SLOTS:
    void initTestCase() { setUpProcess(); }
    void init() { setUpTest(); }
    void cleanup() { tearDownTest(); }

    void opensLazilyAndCounts()
    {
        fillHistory(databasePath(), 500);
        QVERIFY(startApp(false));
        QCOMPARE(model()->totalCount(), 510);
        QCOMPARE(model()->rowCount(), RunsTableModel::PageSize); // a page, not the whole history
        QCOMPARE(countText(), QStringLiteral("510 runs"));
        // The next page is read on the worker thread: asked for, not there yet, then there.
        QVERIFY(model()->canFetchMore({}));
        model()->fetchMore({});
        QVERIFY(model()->isFetching());
        QVERIFY(!model()->canFetchMore({})); // asked once
        QCOMPARE(model()->rowCount(), RunsTableModel::PageSize);
        QTRY_COMPARE(model()->rowCount(), 2 * RunsTableModel::PageSize);
        verifyTableMatchesStore();
        window()->runsView()->scrollToBottom(); // the view fetches the next page
        QTRY_VERIFY(model()->rowCount() > 2 * RunsTableModel::PageSize);
        verifyTableMatchesStore();
    }

    void searchesDoNotBlockTheWindow()
    {
        fillHistory(databasePath(), 500);
        QVERIFY(startApp(false));
        const QList<qint64> shownBefore{model()->idAt(0), model()->idAt(1)};
        auto *search = find<QLineEdit>(window(), "searchEdit");
        search->setText(QStringLiteral("nightly"));
        QTest::keyClick(search, Qt::Key_Return);
        // The search runs on the worker thread: the table keeps its rows meanwhile and the count
        // says it is reading; no page is fetched for a query not answered yet.
        QVERIFY(model()->isLoading());
        QCOMPARE(countText(), QStringLiteral("Reading runs…"));
        QCOMPARE(model()->idAt(0), shownBefore.at(0));
        QCOMPARE(model()->idAt(1), shownBefore.at(1));
        QVERIFY(!model()->canFetchMore({}));
        QVERIFY(settled());
        QCOMPARE(model()->totalCount(), 100); // every fifth of 500
        QCOMPARE(countText(), QStringLiteral("100 runs"));
        verifyTableMatchesStore();
        // Two searches in a row: only the second one's answer is shown.
        search->setText(QStringLiteral("no such run"));
        QTest::keyClick(search, Qt::Key_Return);
        search->setText(QStringLiteral("1042"));
        QTest::keyClick(search, Qt::Key_Return);
        QVERIFY(settled());
        QCOMPARE(model()->rowCount(), 1);
        QCOMPARE(model()->recordAt(0)->runId, 1042);
    }

    void searchFilterAndSort()
    {
        fillHistory(databasePath(), 300);
        QVERIFY(startApp(true));
        auto *search = find<QLineEdit>(window(), "searchEdit");
        QCOMPARE(countText(), QStringLiteral("310 runs"));

        // Ctrl+F goes to the search box; typing waits for a pause before it filters.
        window()->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window()));
        window()->runsView()->setFocus();
        QTest::keyClick(window(), Qt::Key_F, Qt::ControlModifier);
        QVERIFY(search->hasFocus());
        QTest::keyClicks(search, QStringLiteral("nightly"));
        QCOMPARE(model()->query().text, QString()); // not yet: debounced
        QTRY_COMPARE(model()->query().text, QStringLiteral("nightly"));
        QVERIFY(settled());
        QCOMPARE(model()->totalCount(), 60); // every fifth; "Nightly": case-insensitive
        verifyTableMatchesStore();

        // A run id, a parameter value.
        search->clear();
        QTest::keyClicks(search, QStringLiteral("1042"));
        QTRY_COMPARE(model()->query().text, QStringLiteral("1042"));
        QVERIFY(settled());
        QCOMPARE(model()->rowCount(), 1);
        QCOMPARE(model()->recordAt(0)->runId, 1042);
        search->clear();
        QTest::keyClicks(search, QStringLiteral("DELTA"));
        QTest::keyClick(search, Qt::Key_Return); // at once
        QVERIFY(settled());
        QCOMPARE(model()->query().text, QStringLiteral("DELTA"));
        QCOMPARE(model()->rowCount(), 5);
        verifyTableMatchesStore();
        search->clear();
        QTRY_COMPARE(model()->totalCount(), 310);

        // State, workspace, time range.
        auto *status = find<QComboBox>(window(), "statusFilterCombo");
        status->setCurrentIndex(status->findData(QStringLiteral("failed")));
        QVERIFY(settled());
        QCOMPARE(model()->query().status, QStringLiteral("failed"));
        for (int row = 0; row < model()->rowCount(); ++row)
            QVERIFY(!model()->recordAt(row)->state.isSuccess());
        verifyTableMatchesStore();
        status->setCurrentIndex(status->findData(QStringLiteral("success")));
        QVERIFY(settled());
        verifyTableMatchesStore();
        auto *profile = find<QComboBox>(window(), "profileFilterCombo");
        const int demoIndex = profile->findData(QStringLiteral("demo"));
        QVERIFY(demoIndex > 0);
        profile->setCurrentIndex(demoIndex);
        QVERIFY(settled());
        QCOMPARE(model()->query().profile, QStringLiteral("demo"));
        for (int row = 0; row < model()->rowCount(); ++row)
            QCOMPARE(model()->recordAt(row)->profile, QStringLiteral("demo"));
        verifyTableMatchesStore();
        profile->setCurrentIndex(0);
        QVERIFY(settled());
        status->setCurrentIndex(0);
        QVERIFY(settled());
        QCOMPARE(model()->totalCount(), 310);

        auto *time = find<QComboBox>(window(), "timeFilterCombo");
        auto *from = find<QDateEdit>(window(), "fromDateEdit");
        auto *to = find<QDateEdit>(window(), "toDateEdit");
        QVERIFY(!from->isVisibleTo(window()));
        time->setCurrentIndex(2); // Last 7 days: 56 of the 300 (3 h apart) + the 10 with params
        QVERIFY(settled());
        QVERIFY(model()->query().fromMs > 0);
        QCOMPARE(model()->totalCount(), 66);
        verifyTableMatchesStore();
        time->setCurrentIndex(4); // Custom range
        QVERIFY(settled());
        QVERIFY(from->isVisibleTo(window()) && to->isVisibleTo(window()));
        from->setDate(QDate::currentDate().addDays(-20));
        QVERIFY(settled());
        to->setDate(QDate::currentDate().addDays(-10));
        QVERIFY(settled());
        QVERIFY(model()->query().toMs > model()->query().fromMs);
        QVERIFY(model()->totalCount() > 70 && model()->totalCount() < 100);
        verifyTableMatchesStore();
        time->setCurrentIndex(0);
        QVERIFY(settled());
        QCOMPARE(model()->totalCount(), 310);

        // Sort by each column (in SQL); the selected run stays selected.
        window()->runsView()->selectRow(7);
        const qint64 selected = window()->selectedRunId();
        QVERIFY(selected > 0);
        for (int column :
             {int(RunsTableModel::RunNameColumn), int(RunsTableModel::NotebookColumn),
              int(RunsTableModel::ClusterColumn), int(RunsTableModel::ProfileColumn),
              int(RunsTableModel::StateColumn), int(RunsTableModel::DurationColumn),
              int(RunsTableModel::RunIdColumn), int(RunsTableModel::SubmittedColumn)}) {
            for (int click = 0; click < 2; ++click) { // both orders
                const bool wasDescending = model()->query().descending;
                const auto wasSort = model()->query().sort;
                clickHeader(column);
                QCOMPARE(model()->query().sort, RunsTableModel::sortKeyOf(column));
                if (click == 1 || wasSort == RunsTableModel::sortKeyOf(column))
                    QCOMPARE(model()->query().descending, !wasDescending);
                QCOMPARE(window()->selectedRunId(), selected);
                QCOMPARE(find<QTableView>(window(), "runsTable")->currentIndex().row(),
                         model()->rowOf(selected));
                verifyTableMatchesStore();
            }
        }
        // Sorting keeps the filter, filtering keeps the sort.
        clickHeader(RunsTableModel::RunNameColumn);
        search->setText(QStringLiteral("report"));
        QTest::keyClick(search, Qt::Key_Return);
        QVERIFY(settled());
        QCOMPARE(model()->query().sort, HistoryStore::Query::Sort::RunName);
        QCOMPARE(model()->query().text, QStringLiteral("report"));
        loadAll();
        verifyTableMatchesStore();
    }

    void liveRunsFollowTheFilter()
    {
        QVERIFY(startApp(true));
        QAbstractItemModelTester tester(model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto *status = find<QComboBox>(window(), "statusFilterCombo");

        // Active only: a run is there while it runs and leaves when it ends.
        status->setCurrentIndex(status->findData(QStringLiteral("active")));
        QVERIFY(settled());
        const qint64 first = submitForm(QStringLiteral("/Shared/Demo/slow_report"));
        QVERIFY(first > 0);
        QTRY_COMPARE(model()->rowCount(), 1);
        QCOMPARE(model()->idAt(0), first);
        QCOMPARE(countText(), QStringLiteral("1 run"));
        QVERIFY(waitEnded(first));
        QTRY_COMPARE(model()->rowCount(), 0);
        QCOMPARE(countText(), QStringLiteral("0 runs"));
        verifyTableMatchesStore();

        // Succeeded only: a failing run never shows, a good one shows once it succeeded.
        status->setCurrentIndex(status->findData(QStringLiteral("success")));
        QVERIFY(settled());
        QCOMPARE(model()->rowCount(), 1);
        const qint64 failing = submitForm(QStringLiteral("/Shared/Demo/failing"));
        const qint64 second = submitForm(QStringLiteral("/Shared/Demo/hello"));
        QVERIFY(waitEnded(failing) && waitEnded(second));
        QTRY_COMPARE(model()->rowCount(), 2);
        QVERIFY(model()->rowOf(failing) < 0);
        QCOMPARE(model()->idAt(0), second); // newest first
        verifyTableMatchesStore();

        // Sorted by run name: new runs go to their sorted place, not the top.
        status->setCurrentIndex(0);
        QVERIFY(settled());
        clickHeader(RunsTableModel::RunNameColumn);
        QCOMPARE(model()->query().sort, HistoryStore::Query::Sort::RunName);
        if (model()->query().descending)
            clickHeader(RunsTableModel::RunNameColumn);
        QVERIFY(!model()->query().descending);
        const qint64 late =
            submitForm(QStringLiteral("/Shared/Demo/hello"), QStringLiteral("zz late"));
        QTRY_COMPARE(model()->rowOf(late), model()->rowCount() - 1);
        const qint64 early =
            submitForm(QStringLiteral("/Shared/Demo/echo_params"), QStringLiteral("00 early"));
        // The store sorts by the name given; runs submitted without one (the table shows
        // "<notebook> (Brickrun)" for them) sort first.
        int unnamed = 0;
        for (int row = 0; row < model()->rowCount(); ++row)
            unnamed += model()->recordAt(row)->spec.runName.isEmpty() ? 1 : 0;
        QTRY_COMPARE(model()->rowOf(early), unnamed);
        verifyTableMatchesStore();

        // Sorted by duration: a run moves when it ends and its duration is known.
        clickHeader(RunsTableModel::DurationColumn);
        QVERIFY(waitEnded(late) && waitEnded(early));
        QTRY_VERIFY(model()->recordAt(model()->rowOf(late))->endTimeMs > 0);
        verifyTableMatchesStore();

        // A search: runs that do not match never show.
        auto *search = find<QLineEdit>(window(), "searchEdit");
        search->setText(QStringLiteral("echo_params"));
        QTest::keyClick(search, Qt::Key_Return);
        QVERIFY(settled());
        QCOMPARE(model()->rowCount(), 1);
        const qint64 other = submitForm(QStringLiteral("/Shared/Demo/hello"));
        QVERIFY(waitEnded(other));
        QTest::qWait(200);
        QCOMPARE(model()->rowCount(), 1);
        QVERIFY(model()->rowOf(other) < 0);
        verifyTableMatchesStore();
    }

    void liveRunsInAPartlyLoadedTable()
    {
        fillHistory(databasePath(), 500);
        QVERIFY(startApp(true));
        // No QAbstractItemModelTester here: it fetches every page, and this is about the rows
        // not fetched yet.
        QCOMPARE(model()->rowCount(), RunsTableModel::PageSize);
        const qint64 top = submitForm(QStringLiteral("/Shared/Demo/hello"));
        QTRY_COMPARE(model()->idAt(0), top); // newest first: on top at once
        QTRY_COMPARE(model()->totalCount(), 511);
        QCOMPARE(model()->rowCount(), RunsTableModel::PageSize + 1);

        // Sorted by notebook: the new run's place may be past the loaded rows (then it comes
        // with fetchMore) or among them; either way the table agrees with the store.
        clickHeader(RunsTableModel::NotebookColumn);
        const qint64 next = submitForm(QStringLiteral("/Shared/Demo/hello"), QStringLiteral("mid"));
        QVERIFY(waitEnded(next) && waitEnded(top));
        QTRY_COMPARE(model()->totalCount(), 512);
        verifyTableMatchesStore();
        loadAll();
        verifyTableMatchesStore();
    }

    void exportCsvAndJson()
    {
        fillHistory(databasePath(), 300);
        QVERIFY(startApp(false));
        auto *search = find<QLineEdit>(window(), "searchEdit");
        search->setText(QStringLiteral("nightly"));
        QTest::keyClick(search, Qt::Key_Return);
        QVERIFY(settled());
        QCOMPARE(model()->totalCount(), 60);

        DialogScript script;
        const QString csvPath = m_dir.filePath(QStringLiteral("runs.csv"));
        script.add(DialogScript::file(csvPath));
        action("actionExportRuns")->trigger();
        QTRY_VERIFY(script.isDone());
        QTRY_VERIFY(!m_app->historyActions()->isExporting() && QFile::exists(csvPath));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().split('\n');
        QCOMPARE(lines.size(), 62); // header, 60 runs, "" after the last CRLF
        QVERIFY(lines.first().startsWith("id,profile,host,run_name"));
        for (int i = 1; i <= 60; ++i)
            QVERIFY2(lines.at(i).contains("Nightly load"), lines.at(i).constData());

        // JSON, chosen by the file name; the same runs in the table's order.
        clickHeader(RunsTableModel::RunIdColumn);
        const QString jsonPath = m_dir.filePath(QStringLiteral("runs.json"));
        script.add(DialogScript::file(jsonPath));
        action("actionExportRuns")->trigger();
        QTRY_VERIFY(script.isDone());
        QTRY_VERIFY(!m_app->historyActions()->isExporting() && QFile::exists(jsonPath));
        // Said when it is done (for a while: not after the table below was read on a busy machine).
        QTRY_VERIFY2(window()->statusBar()->currentMessage().contains(QStringLiteral("60 runs")),
                     qPrintable(window()->statusBar()->currentMessage()));
        QFile json(jsonPath);
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonArray runs = QJsonDocument::fromJson(json.readAll()).array();
        QCOMPARE(runs.size(), 60);
        loadAll();
        for (int i = 0; i < runs.size(); ++i) {
            QCOMPARE(runs.at(i).toObject().value(QStringLiteral("id")).toInteger(),
                     model()->idAt(i));
            QVERIFY(runs.at(i)
                        .toObject()
                        .value(QStringLiteral("runName"))
                        .toString()
                        .startsWith(QStringLiteral("Nightly")));
        }
    }

    void deleteSelectedAsks()
    {
        fillHistory(databasePath(), 50);
        QVERIFY(startApp(false));
        QAbstractItemModelTester tester(model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTableView *table = window()->runsView();
        QVERIFY(!action("actionDeleteRuns")->isEnabled()); // nothing selected
        table->selectRow(1);
        table->selectionModel()->select(model()->index(3, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
        const QList<qint64> chosen{model()->idAt(1), model()->idAt(3)};
        QCOMPARE(window()->selectedRunIds().size(), 2);
        QVERIFY(action("actionDeleteRuns")->isEnabled());

        DialogScript script;
        script.add(DialogScript::button(QMessageBox::Cancel));
        action("actionDeleteRuns")->trigger();
        QVERIFY(script.isDone());
        QCOMPARE(model()->totalCount(), 60);
        QVERIFY(history()->record(chosen.at(0)));

        script.add(DialogScript::button(QMessageBox::Yes));
        action("actionDeleteRuns")->trigger();
        QVERIFY(script.isDone());
        QTRY_COMPARE(model()->totalCount(), 58);
        for (const qint64 id : chosen) {
            QVERIFY(!history()->record(id));
            QCOMPARE(model()->rowOf(id), -1);
        }
        verifyTableMatchesStore();

        // The Del key in the table asks too; in the search box it only edits the text.
        window()->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window()));
        auto *search = find<QLineEdit>(window(), "searchEdit");
        search->setFocus();
        search->setText(QStringLiteral("x"));
        search->setCursorPosition(0);
        QTest::keyClick(search, Qt::Key_Delete);
        QCOMPARE(search->text(), QString());
        QVERIFY(!QApplication::activeModalWidget());
        QTest::keyClick(search, Qt::Key_Return);
        QVERIFY(settled());
        table->setFocus();
        table->selectRow(0);
        const qint64 third = model()->idAt(0);
        script.add(DialogScript::button(QMessageBox::Yes));
        QTest::keyClick(table, Qt::Key_Delete);
        QTRY_VERIFY(script.isDone());
        QVERIFY(!history()->record(third));
        QTRY_COMPARE(countText(), QStringLiteral("57 runs")); // counted again on the worker
    }

    void deleteOlderKeepsActiveRuns()
    {
        fillHistory(databasePath(), 300); // back to ~37 days
        qint64 activeId = 0;
        {
            Database database(databasePath());
            QVERIFY(database.open(nullptr));
            HistoryStore store(&database);
            RunRecord old; // still followed (its workspace is not set up here): never deleted
            old.profile = QStringLiteral("elsewhere");
            old.spec.clusterId = QStringLiteral("c");
            old.spec.notebookPath = QStringLiteral("/Shared/old");
            old.submittedAtMs = QDateTime::currentMSecsSinceEpoch() - 90 * DayMs;
            activeId = store.addPending(old).value();
        }
        QVERIFY(startApp(false));
        const qint64 cutoff = QDateTime::currentMSecsSinceEpoch() - 30 * DayMs;
        HistoryStore::Query older;
        older.toMs = cutoff;
        const int oldCount = history()->count(older);
        QVERIFY(oldCount > 20);

        DialogScript script;
        script.add(DialogScript::number(30));
        script.add(DialogScript::button(QMessageBox::Cancel));
        action("actionDeleteOldRuns")->trigger();
        QTRY_VERIFY(script.isDone());
        QCOMPARE(history()->count(older), oldCount);

        script.add(DialogScript::number(30));
        script.add([&](QWidget *modal) {
            auto *box = qobject_cast<QMessageBox *>(modal);
            if (!box)
                return false;
            // It says how many go (the active one is not among them).
            const QString expected = QStringLiteral("Delete %1 ").arg(oldCount - 1);
            if (!box->text().contains(expected))
                qWarning("unexpected question: %s", qPrintable(box->text()));
            box->button(QMessageBox::Yes)->click();
            return true;
        });
        action("actionDeleteOldRuns")->trigger();
        QTRY_VERIFY(script.isDone());
        QVERIFY(history()->record(activeId));
        QTRY_COMPARE(history()->count(older), 1);
        QTRY_COMPARE(model()->totalCount(), 310 + 1 - (oldCount - 1));
        verifyTableMatchesStore();
    }

    void importFromTheWorkspace()
    {
        QVERIFY(startApp(true));
        Demo::Workspace *demo = m_app->demoWorkspace();
        QVERIFY(demo);
        // One run from the form (in the history already), 27 straight through the API (more
        // than a page of 25), one with brickrun-cli: 28 are new to the history.
        const qint64 fromForm = submitForm(QStringLiteral("/Shared/Demo/hello"));
        QTRY_VERIFY(history()->record(fromForm)->runId > 0);

        QNetworkAccessManager network;
        HttpTransport transport(&network);
        transport.setEndpoint(QUrl(demo->baseUrl()), demo->token());
        JobsClient client(&transport);
        QSet<qint64> direct;
        for (int i = 0; i < 27; ++i) {
            RunSpec spec;
            spec.clusterId = QStringLiteral("demo-cluster");
            spec.notebookPath = QStringLiteral("/Shared/Demo/hello");
            spec.runName = QStringLiteral("api run %1").arg(i);
            client.submit(spec, QStringLiteral("token-%1").arg(i), this,
                          [&direct](const Result<qint64> &r) {
                              if (r)
                                  direct.insert(r.value());
                          });
        }
        QTRY_COMPARE_WITH_TIMEOUT(direct.size(), 27, 20000);

        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DATABRICKS_TOKEN"), demo->token());
        env.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("cli-home")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("cli-data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("cli-cfg")));
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(BRICKRUN_CLI_PATH),
                  {QStringLiteral("submit"), QStringLiteral("--host"), demo->baseUrl(),
                   QStringLiteral("--notebook"), QStringLiteral("/Shared/Demo/hello"),
                   QStringLiteral("--cluster"), QStringLiteral("demo-cluster"),
                   QStringLiteral("--run-name"), QStringLiteral("from the cli"),
                   QStringLiteral("--no-wait"), QStringLiteral("--json")});
        QVERIFY(cli.waitForFinished(30000));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
        const QByteArray cliOut = cli.readAllStandardOutput();
        const qint64 cliRunId =
            QJsonDocument::fromJson(cliOut).object().value(QStringLiteral("runId")).toInteger();
        QVERIFY2(cliRunId > 0, cliOut.constData());
        const QString host = history()->record(fromForm)->host;

        QAbstractItemModelTester tester(model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto importOnce = [&](int expectedNew) {
            action("actionImportRuns")->trigger();
            ImportRunsDialog *dialog = nullptr;
            QTRY_VERIFY((dialog = window()->findChild<ImportRunsDialog *>()) != nullptr);
            QTRY_VERIFY_WITH_TIMEOUT(dialog->isFinished(), 30000);
            QCOMPARE(dialog->errorText(), QString());
            QCOMPARE(dialog->readCount(), 29);
            QCOMPARE(dialog->importedCount(), expectedNew);
            const QString text = find<QLabel>(dialog, "importStatusLabel")->text();
            QVERIFY2(text.startsWith(QStringLiteral("%1 new runs imported").arg(expectedNew)),
                     qPrintable(text));
            QTest::mouseClick(find<QPushButton>(dialog, "closeButton"), Qt::LeftButton);
            QTRY_VERIFY(!window()->findChild<ImportRunsDialog *>());
            QVERIFY(window()->statusBar()->currentMessage().contains(
                QStringLiteral("%1 new runs imported").arg(expectedNew)));
        };
        importOnce(28);
        QTRY_COMPARE(model()->totalCount(), 29);
        for (const qint64 runId : direct + QSet<qint64>{cliRunId}) {
            const auto r = history()->recordByRunId(host, runId);
            QVERIFY2(r, qPrintable(QString::number(runId)));
            QCOMPARE(r->source, QStringLiteral("imported"));
            QCOMPARE(r->profile, QStringLiteral("demo"));
            // With expand_tasks: the task and its cluster. (The notebook path comes only from the
            // live service's notebook_task, which the published answer, and so the demo, lacks.)
            QCOMPARE(r->spec.clusterId, QStringLiteral("demo-cluster"));
            QCOMPARE(r->spec.taskKey, QStringLiteral("main"));
            QVERIFY(r->taskRunId > 0);
        }
        QCOMPARE(history()->recordByRunId(host, cliRunId)->spec.runName,
                 QStringLiteral("from the cli"));
        QCOMPARE(history()->record(fromForm)->source, QStringLiteral("brickrun"));
        verifyTableMatchesStore();

        importOnce(0); // no duplicates
        QTRY_COMPARE(model()->totalCount(), 29);
        QCOMPARE(history()->count({}), 29);

        // Imported runs still going are followed to their end like the others.
        QTRY_VERIFY_WITH_TIMEOUT(history()->activeRuns().isEmpty(), 60000);
    }

    void screenshot()
    {
        fillHistory(databasePath(), 120);
        QVERIFY(startApp(true));
        submitForm(QStringLiteral("/Shared/Demo/slow_report"), QStringLiteral("quarterly report"));
        auto *status = find<QComboBox>(window(), "statusFilterCombo");
        status->setCurrentIndex(0);
        QVERIFY(settled());
        auto *search = find<QLineEdit>(window(), "searchEdit");
        search->setText(QStringLiteral("report"));
        QTest::keyClick(search, Qt::Key_Return);
        QVERIFY(settled());
        clickHeader(RunsTableModel::RunNameColumn);
        window()->runsView()->selectRow(2);
        QTest::qWait(400);
        const QString dir = QStringLiteral(BRICKRUN_BINARY_DIR "/screenshots");
        QDir().mkpath(dir);
        const QString file = dir + QStringLiteral("/history.png");
        QVERIFY(window()->grab().save(file));
        qInfo("screenshot: %s", qPrintable(file));
    }
};

QTEST_MAIN(tst_HistoryView)
#include "tst_historyview.moc"
