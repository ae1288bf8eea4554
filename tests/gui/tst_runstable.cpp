// SPDX-License-Identifier: Apache-2.0
// The runs table as a user reads it: every column shows its text whole (no "…") in English,
// German and French, in a dark palette too; the width left over goes to the Notebook column,
// not to the Run ID, and the Notebook column is never narrower than its contents; the Submitted
// column shows, and sorts by, when the run was submitted; a duration is never computed across the
// workspace's clock and this computer's.
//
// What is measured is each cell's text in the table's own font against the table's own column:
// no font, face or pixel width is assumed.
#include "DarkPalette.h"
#include "RunsTableModel.h"
#include "TestTimeouts.h"
#include "Translation.h"
#include "WorkArea.h"
#include "store/Database.h"
#include "store/HistoryStore.h"

#include <QApplication>
#include <QHeaderView>
#include <QPalette>
#include <QRegularExpression>
#include <QStyle>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Brickrun;

namespace {

constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;
constexpr qint64 Hour = 60 * Minute;

// The width a cell's text needs in the view's own font, with the item's margins (and its icon).
int neededWidth(const QTableView &view, const QModelIndex &index)
{
    const QString text = index.data(Qt::DisplayRole).toString();
    if (text.isEmpty())
        return 0;
    const int margin = view.style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, &view) + 1;
    int width = view.fontMetrics().horizontalAdvance(text) + 2 * margin;
    if (!index.data(Qt::DecorationRole).isNull())
        width += view.iconSize().isValid()
                     ? view.iconSize().width()
                     : view.style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, &view);
    return width;
}

} // namespace

class tst_RunsTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyColumnShowsItsTextWhole_data();
    void everyColumnShowsItsTextWhole();
    void submittedColumnShowsAndSortsBySubmit();
    void runIdIsSpeltOneWay_data();
    void runIdIsSpeltOneWay();
    void durationsNeverMixTheClocks();

private:
    void fill();

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<HistoryStore> m_history;
    qint64 m_now = 0;
};

void tst_RunsTable::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_database = std::make_unique<Database>(m_dir.filePath(QStringLiteral("history.sqlite")));
    QString error;
    QVERIFY2(m_database->open(&error), qPrintable(error));
    m_history = std::make_unique<HistoryStore>(m_database.get());
    m_now = QDateTime::currentMSecsSinceEpoch();
    fill();
}

// Runs with the longest texts each column holds: every state, a 12-digit run id, a cluster id
// as the service gives it, durations of seconds, minutes and hours, yesterday's date.
void tst_RunsTable::fill()
{
    const QList<QPair<const char *, const char *>> states{
        {"QUEUED", ""},
        {"PENDING", ""},
        {"BLOCKED", ""},
        {"RUNNING", ""},
        {"WAITING_FOR_RETRY", ""},
        {"TERMINATING", ""},
        {"INTERNAL_ERROR", ""},
        {"SKIPPED", ""},
        {"TERMINATED", "SUCCESS"},
        {"TERMINATED", "FAILED"},
        {"TERMINATED", "TIMEDOUT"},
        {"TERMINATED", "CANCELED"},
        {"TERMINATED", "UPSTREAM_FAILED"},
        {"TERMINATED", "MAXIMUM_CONCURRENT_RUNS_REACHED"}};
    const QList<qint64> durations{4 * Second, 9 * Second, 59 * Minute + 59 * Second, 13 * Hour};
    qint64 runId = 523456789012;
    for (int i = 0; i < states.size(); ++i) {
        RunRecord r;
        r.profile = i % 2 ? QStringLiteral("demo") : QStringLiteral("work-eu");
        r.host = QStringLiteral("https://adb-1.2.azuredatabricks.net");
        r.spec.notebookPath = QStringLiteral("/Shared/Demo/hello");
        r.spec.clusterId = QStringLiteral("0101-123456-abcdefgh");
        r.spec.runName = QStringLiteral("nightly report %1").arg(i);
        r.submittedAtMs = m_now - (i + 1) * 3 * Hour; // today and yesterday
        const auto id = m_history->addPending(r);
        QVERIFY(id);
        QVERIFY(m_history->setSubmitted(id.value(), runId += 17));
        RunInfo info;
        info.runId = runId;
        info.state.lifeCycleState = QString::fromLatin1(states.at(i).first);
        info.state.resultState = QString::fromLatin1(states.at(i).second);
        info.startTimeMs = r.submittedAtMs + 2 * Second;
        if (info.state.isTerminal())
            info.endTimeMs = info.startTimeMs + durations.at(i % durations.size());
        QVERIFY(m_history->recordRun(id.value(), info));
    }
}

void tst_RunsTable::everyColumnShowsItsTextWhole_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<bool>("dark");
    for (const char *language : {"en", "de", "fr"}) {
        QTest::addRow("%s", language) << QString::fromLatin1(language) << false;
        QTest::addRow("%s dark", language) << QString::fromLatin1(language) << true;
    }
}

void tst_RunsTable::everyColumnShowsItsTextWhole()
{
    QFETCH(QString, language);
    QFETCH(bool, dark);
    const Test::Translation translation(language);
    if (language != QLatin1String("en"))
        QVERIFY(translation.loaded());
    const QPalette before = QApplication::palette();
    if (dark)
        QApplication::setPalette(Test::darkPalette());

    RunsTableModel model(m_history.get());
    WorkArea area;
    area.setRunsModel(&model);
    model.finishLoading();
    QTableView *view = area.runsTable();
    view->setColumnHidden(RunsTableModel::ResultColumn, false); // it, too, when shown
    area.resize(1900, 900);
    area.show();
    QVERIFY(QTest::qWaitForWindowExposed(&area));
    QCoreApplication::processEvents();
    QHeaderView *header = view->horizontalHeader();
    QVERIFY(model.rowCount() > 10);

    const auto check = [&] {
        for (int column = 0; column < model.columnCount(); ++column) {
            const int width = header->sectionSize(column);
            const QString name = model.headerData(column, Qt::Horizontal).toString();
            QVERIFY2(header->sectionSizeHint(column) <= width,
                     qPrintable(QStringLiteral("the header \"%1\" is cut").arg(name)));
            for (int row = 0; row < model.rowCount(); ++row) {
                const QModelIndex index = model.index(row, column);
                QVERIFY2(neededWidth(*view, index) <= width,
                         qPrintable(QStringLiteral("\"%1\" is cut in the %2 column (%3 < %4)")
                                        .arg(index.data().toString(), name)
                                        .arg(width)
                                        .arg(neededWidth(*view, index))));
            }
        }
    };
    // Wide: the width left over is the Notebook column's (no blank strip, no scrolling), once the
    // columns are fitted (posted events: on a busy machine, not all in by the first round).
    QVERIFY(!header->stretchLastSection());
    const auto total = [header] {
        int sum = 0;
        for (int column = 0; column < header->count(); ++column)
            sum += header->isSectionHidden(column) ? 0 : header->sectionSize(column);
        return sum;
    };
    QTRY_COMPARE_WITH_TIMEOUT(total(), view->viewport()->width(), Test::scaledTimeout(5000));
    check(); // and every column whole
    int runIdNeeds = header->sectionSizeHint(RunsTableModel::RunIdColumn);
    for (int row = 0; row < model.rowCount(); ++row)
        runIdNeeds =
            qMax(runIdNeeds, neededWidth(*view, model.index(row, RunsTableModel::RunIdColumn)));
    QVERIFY2(header->sectionSize(RunsTableModel::RunIdColumn) <=
                 runIdNeeds + view->fontMetrics().height(),
             "the Run ID column takes width it does not need");

    // Narrow: every column still whole; the table scrolls.
    area.resize(900, 700);
    QCoreApplication::processEvents();
    check();

    QApplication::setPalette(before);
}

void tst_RunsTable::submittedColumnShowsAndSortsBySubmit()
{
    // An imported run (the service's start as its submit) and runs whose service start is far
    // from their submit (a workspace clock an hour ahead): the column still reads in order.
    RunRecord skewed;
    skewed.profile = QStringLiteral("demo");
    skewed.spec.notebookPath = QStringLiteral("/Shared/skew");
    skewed.spec.clusterId = QStringLiteral("c");
    skewed.submittedAtMs = m_now - 30 * Minute;
    const auto id = m_history->addPending(skewed);
    QVERIFY(id);
    QVERIFY(m_history->setSubmitted(id.value(), 777));
    RunInfo info;
    info.runId = 777;
    info.state.lifeCycleState = QStringLiteral("RUNNING");
    info.startTimeMs = m_now + Hour;
    QVERIFY(m_history->recordRun(id.value(), info));

    RunsTableModel model(m_history.get());
    model.finishLoading();
    QCOMPARE(RunsTableModel::sortKeyOf(RunsTableModel::SubmittedColumn),
             HistoryStore::Query::Sort::Submitted);
    for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
        model.sort(RunsTableModel::SubmittedColumn, order);
        model.finishLoading();
        QVERIFY(model.rowCount() > 10);
        for (int row = 0; row < model.rowCount(); ++row) {
            const RunRecord *r = model.recordAt(row);
            const QDateTime submitted = QDateTime::fromMSecsSinceEpoch(r->submittedAtMs);
            const QString shown =
                model.index(row, RunsTableModel::SubmittedColumn).data().toString();
            QVERIFY2(shown.contains(QLocale().toString(submitted.time(), QLocale::ShortFormat)),
                     qPrintable(shown));
            if (row > 0) {
                const qint64 previous = model.recordAt(row - 1)->submittedAtMs;
                QVERIFY(order == Qt::AscendingOrder ? previous <= r->submittedAtMs
                                                    : previous >= r->submittedAtMs);
            }
        }
    }
    QCOMPARE(model.headerData(RunsTableModel::SubmittedColumn, Qt::Horizontal).toString(),
             QStringLiteral("Submitted"));
    QVERIFY(m_history->remove({id.value()}));
}

void tst_RunsTable::runIdIsSpeltOneWay_data()
{
    QTest::addColumn<QString>("language");
    for (const char *language : {"en", "de", "fr"})
        QTest::addRow("%s", language) << QString::fromLatin1(language);
}

void tst_RunsTable::runIdIsSpeltOneWay()
{
    QFETCH(QString, language);
    const Test::Translation translation(language);
    RunsTableModel model(m_history.get());
    model.finishLoading();
    const QString column = model.headerData(RunsTableModel::RunIdColumn, Qt::Horizontal).toString();
    // The column's name is the details' caption without its colon, in every language.
    const QString caption = QCoreApplication::translate("Brickrun::RunDetailsPanel", "Run ID:");
    QVERIFY2(caption.startsWith(column), qPrintable(column + QStringLiteral(" / ") + caption));
    if (language == QLatin1String("en"))
        QCOMPARE(column, QStringLiteral("Run ID"));
}

void tst_RunsTable::durationsNeverMixTheClocks()
{
    // Runs submitted 20 s ago here, whose service start is an hour from now (a workspace clock
    // ahead, as the demo workspace's at speed 10) or an hour ago (a clock behind); one that
    // ended by the service's clock; one that ended without a start from the service.
    struct Case
    {
        const char *name;
        qint64 startOffset;
        qint64 length; // 0: still running
        const char *pattern;
    };
    // A running one is timed on this computer's clock since its submit: 20 s, and more when the
    // test runs slowly, but never the hour between the clocks.
    const QList<Case> cases{{"clock ahead", Hour, 0, "^(\\d+ s|[1-9] min \\d\\d s)$"},
                            {"clock behind", -Hour, 0, "^(\\d+ s|[1-9] min \\d\\d s)$"},
                            {"ended", Hour, 65 * Second, "^1 min 05 s$"},
                            {"ended without a start", 0, 65 * Second, "^$"}};
    QList<qint64> ids;
    for (const Case &c : cases) {
        RunRecord r;
        r.profile = QStringLiteral("demo");
        r.spec.notebookPath = QStringLiteral("/Shared/clock");
        r.spec.clusterId = QStringLiteral("c");
        r.spec.runName = QString::fromLatin1(c.name);
        r.submittedAtMs = m_now - 20 * Second;
        const auto id = m_history->addPending(r);
        QVERIFY(id);
        ids.append(id.value());
        QVERIFY(m_history->setSubmitted(id.value(), 880 + ids.size()));
        RunInfo info;
        info.runId = 880 + ids.size();
        info.state.lifeCycleState = QStringLiteral("RUNNING");
        info.startTimeMs = c.startOffset != 0 ? m_now + c.startOffset : 0;
        if (c.length > 0) {
            info.state = {QStringLiteral("TERMINATED"), QStringLiteral("SUCCESS"), {}, false};
            info.endTimeMs = (c.startOffset != 0 ? info.startTimeMs : m_now) + c.length;
        }
        QVERIFY(m_history->recordRun(id.value(), info));
    }
    RunsTableModel model(m_history.get());
    model.finishLoading();
    for (int i = 0; i < cases.size(); ++i) {
        const int row = model.rowOf(ids.at(i));
        QVERIFY(row >= 0);
        const QString shown = model.index(row, RunsTableModel::DurationColumn).data().toString();
        QVERIFY2(
            QRegularExpression(QString::fromLatin1(cases.at(i).pattern)).match(shown).hasMatch(),
            qPrintable(QStringLiteral("%1: \"%2\"").arg(QLatin1String(cases.at(i).name), shown)));
    }
    QVERIFY(m_history->remove(ids));
}

QTEST_MAIN(tst_RunsTable)
#include "tst_runstable.moc"
