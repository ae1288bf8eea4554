// SPDX-License-Identifier: Apache-2.0
// bench_gui [--history FILE] [--runs N]
//
// Goal 3 of docs/performance.md: large data never freezes the window. Offscreen QApplication;
// a 1 ms heartbeat (precise QTimer) records the longest gap between two of its ticks: how long
// the GUI thread did not get back to its event loop. Per step: that stall, the time to the
// first paint after the step began, and the time until the step's result was on screen.
//   1. RunDetailsPanel: a finished run whose result is 5 MB of JSON records (a table), then one
//      whose result is 5 MB of CSV text, truncated as the service does (shown as text).
//   2. The main window (AppController, as the program builds it) on a history of N runs
//      (default 100,000, filled through HistoryStore, or --history FILE, e.g. the file that
//      `bench_history --keep DIR` leaves): open, scroll to the end, sort by run name, search.

#include "AppController.h"
#include "MemoryTokenStore.h"
#include "RunDetailsPanel.h"
#include "store/Database.h"
#include "store/HistoryStore.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMainWindow>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <functional>

using namespace Brickrun;

namespace {

// Longest time between two ticks of a 1 ms timer, and the first paint of watched widgets.
class Probe : public QObject
{
public:
    Probe()
    {
        m_heartbeat.setTimerType(Qt::PreciseTimer);
        m_heartbeat.setInterval(1);
        connect(&m_heartbeat, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_longest = std::max(m_longest, now - m_last);
            m_last = now;
        });
        m_clock.start();
        m_heartbeat.start();
        qApp->installEventFilter(this);
    }
    void reset()
    {
        m_clock.restart();
        m_last = 0;
        m_longest = 0;
        m_firstPaint = -1;
    }
    double longestMs() const
    {
        return double(std::max(m_longest, m_clock.nsecsElapsed() - m_last)) / 1e6;
    }
    double firstPaintMs() const { return m_firstPaint < 0 ? -1 : double(m_firstPaint) / 1e6; }
    double elapsedMs() const { return double(m_clock.nsecsElapsed()) / 1e6; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && m_firstPaint < 0 && watched->isWidgetType())
            m_firstPaint = m_clock.nsecsElapsed();
        return false;
    }

private:
    QTimer m_heartbeat;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_longest = 0;
    qint64 m_firstPaint = -1;
};

// Runs the event loop until `done` (checked every few ms) or the timeout; returns the time.
double waitUntil(const Probe &probe, const std::function<bool()> &done, int timeoutMs = 60000)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return probe.elapsedMs();
}

void settle(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

void row(const char *step, const Probe &probe, double readyMs)
{
    std::printf("| %-46s | %9.1f ms | %11.1f ms | %9.1f ms |\n", step, probe.longestMs(),
                probe.firstPaintMs(), readyMs);
    std::fflush(stdout);
}

// ~5 MB of JSON records, as a notebook's dbutils.notebook.exit(json.dumps(rows)).
QString jsonRecords(int bytes)
{
    QString s = QStringLiteral("[");
    s.reserve(bytes + 200);
    for (int i = 0; s.size() < bytes - 200; ++i) {
        if (i)
            s += QLatin1Char(',');
        s += QStringLiteral("{\"id\": %1, \"city\": \"City %2\", \"orders\": %3, \"revenue_eur\": "
                            "%4.25, \"note\": \"row %1 of the nightly report\"}")
                 .arg(i)
                 .arg(i % 997)
                 .arg(i % 89)
                 .arg(i * 7 % 100000);
    }
    s += QLatin1Char(']');
    return s;
}

QString csvText(int bytes)
{
    QString s = QStringLiteral("id,city,orders,revenue_eur,note\n");
    s.reserve(bytes + 100);
    for (int i = 0; s.size() < bytes; ++i)
        s += QStringLiteral("%1,City %2,%3,%4.25,row %1 of the nightly report\n")
                 .arg(i)
                 .arg(i % 997)
                 .arg(i % 89)
                 .arg(i * 7 % 100000);
    s.truncate(bytes);
    return s;
}

RunRecord finishedRun(qint64 id, const QString &result, bool truncated)
{
    RunRecord r;
    r.id = id;
    r.profile = QStringLiteral("bench");
    r.host = QStringLiteral("https://adb-1.2.azuredatabricks.net");
    r.spec.runName = QStringLiteral("big result %1").arg(id);
    r.spec.notebookPath = QStringLiteral("/Repos/team/big_output");
    r.spec.clusterId = QStringLiteral("0923-164208-abcd123");
    r.tracking = RunRecord::Tracking::Finished;
    r.runId = 455644833 + id;
    r.taskRunId = r.runId + 1;
    r.state.lifeCycleState = QStringLiteral("TERMINATED");
    r.state.resultState = QStringLiteral("SUCCESS");
    r.submittedAtMs = QDateTime::currentMSecsSinceEpoch() - 600000;
    r.startTimeMs = r.submittedAtMs + 1000;
    r.endTimeMs = r.startTimeMs + 240000;
    r.hasOutput = true;
    r.output.taskRunId = r.taskRunId;
    r.output.hasNotebookResult = true;
    r.output.notebookResult = result;
    r.output.truncated = truncated;
    return r;
}

void detailsPanel(Probe &probe)
{
    RunDetailsPanel panel;
    panel.resize(1000, 700);
    panel.show();
    settle(300);
    auto *stack = panel.findChild<QStackedWidget *>(QStringLiteral("resultStack"));
    auto *table = panel.findChild<QTableView *>(QStringLiteral("resultTable"));
    const auto onPage = [stack](const char *name) {
        return stack && stack->currentWidget() &&
               stack->currentWidget()->objectName() == QLatin1String(name);
    };

    const QString json = jsonRecords(5 * 1024 * 1024);
    probe.reset();
    panel.showRecord(finishedRun(1, json, false));
    double ready = waitUntil(probe, [&] { return onPage("resultTablePage"); });
    settle(200);
    row(qPrintable(QStringLiteral("5 MB JSON result -> table (%L1 rows)")
                       .arg(table && table->model() ? table->model()->rowCount() : 0)),
        probe, ready);

    probe.reset();
    table->scrollToBottom();
    settle(200);
    row("  scroll the table to its end", probe, probe.firstPaintMs());

    const QString csv = csvText(5 * 1024 * 1024);
    probe.reset();
    panel.showRecord(finishedRun(2, csv, true));
    ready = waitUntil(probe, [&] { return onPage("resultTextPage"); });
    settle(200);
    row("5 MB CSV result, truncated -> text", probe, ready);
}

int fill(const QString &path, int runs)
{
    Database db(path);
    QString error;
    if (!db.open(&error)) {
        std::fprintf(stderr, "open: %s\n", qPrintable(error));
        return 1;
    }
    QSqlQuery(db.connection()).exec(QStringLiteral("PRAGMA synchronous = OFF"));
    HistoryStore history(&db);
    QRandomGenerator random(42);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < runs; ++i) {
        RunRecord r;
        r.profile = i % 2 ? QStringLiteral("work") : QStringLiteral("staging");
        r.host = QStringLiteral("https://adb-%1.azuredatabricks.net").arg(i % 3);
        r.spec.runName = QStringLiteral("nightly load %1").arg(i);
        r.spec.notebookPath = QStringLiteral("/Repos/team/etl/step_%1").arg(i % 50);
        r.spec.clusterId = QStringLiteral("0923-164208-c%1").arg(i % 20);
        r.spec.parameters = {{QStringLiteral("date"), QStringLiteral("2024-05-%1").arg(i % 28)}};
        r.idempotencyToken = QStringLiteral("tok-%1").arg(i);
        r.submittedAtMs = now - qint64(random.bounded(90 * 24 * 3600)) * 1000;
        r.runId = 1000000 + i;
        r.tracking = RunRecord::Tracking::Finished;
        r.state.lifeCycleState = QStringLiteral("TERMINATED");
        r.state.resultState = i % 7 == 0 ? QStringLiteral("FAILED") : QStringLiteral("SUCCESS");
        r.startTimeMs = r.submittedAtMs + 2000;
        r.endTimeMs = r.startTimeMs + random.bounded(3600) * 1000;
        r.hasOutput = true;
        r.output.hasNotebookResult = true;
        r.output.notebookResult = QStringLiteral("{\"rows\": %1}").arg(i);
        if (!history.addPending(r))
            return 1;
    }
    std::printf("(filled %d runs through HistoryStore in %.1f s)\n", runs,
                double(timer.elapsed()) / 1000.0);
    return 0;
}

void mainWindow(Probe &probe, const QString &databasePath, const QString &settingsFile)
{
    Test::MemoryTokenStore tokens;
    AppController::Options options;
    options.databasePath = databasePath;
    options.settingsFile = settingsFile;
    options.showWelcome = false;
    AppController controller(&tokens, options);
    probe.reset();
    QTableView *table = nullptr;
    QObject::connect(
        &controller, &AppController::startFailed, &controller,
        [](const QString &error) { std::fprintf(stderr, "start: %s\n", qPrintable(error)); });
    // As main() does: start() shows the window's frame; the rest follows its first frame.
    QTimer::singleShot(0, &controller, [&] { controller.start(); });
    double ready = waitUntil(probe, [&] {
        if (!table) {
            for (QWidget *w : QApplication::topLevelWidgets()) {
                if (qobject_cast<QMainWindow *>(w) && w->isVisible())
                    table = w->findChild<QTableView *>(QStringLiteral("runsTable"));
            }
        }
        return table && table->model() && table->model()->rowCount() > 0;
    });
    settle(500);
    const int rows = table && table->model() ? table->model()->rowCount() : 0;
    row(qPrintable(QStringLiteral("main window on the history (%L1 rows loaded)").arg(rows)), probe,
        ready);
    if (!table)
        return;

    probe.reset();
    table->scrollToBottom();
    settle(300);
    table->scrollToBottom(); // lazily loaded rows: the end moves as pages arrive
    settle(300);
    row(qPrintable(QStringLiteral("  scroll to the end (%L1 rows loaded)")
                       .arg(table->model()->rowCount())),
        probe, probe.firstPaintMs());

    probe.reset();
    table->horizontalHeader()->setSortIndicator(1, Qt::AscendingOrder);
    table->sortByColumn(1, Qt::AscendingOrder);
    settle(500);
    row("  sort by the second column", probe, probe.firstPaintMs());

    auto *search = table->window()->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    if (!search) {
        for (QLineEdit *edit : table->window()->findChildren<QLineEdit *>()) {
            if (edit->objectName().contains(QLatin1String("search"), Qt::CaseInsensitive) ||
                edit->objectName().contains(QLatin1String("filter"), Qt::CaseInsensitive))
                search = edit;
        }
    }
    if (search) {
        probe.reset();
        search->setText(QStringLiteral("2024-05-17"));
        settle(1500);
        row(qPrintable(QStringLiteral("  search a parameter value (%L1 rows)")
                           .arg(table->model()->rowCount())),
            probe, probe.firstPaintMs());
    }
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("brickrun.*=false"));
    QString historyFile;
    int runs = 100000;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--history"))
            historyFile = args.at(++i);
        else if (args.at(i) == QLatin1String("--runs"))
            runs = args.at(++i).toInt();
    }
    QTemporaryDir dir;
    if (historyFile.isEmpty()) {
        historyFile = dir.filePath(QStringLiteral("history.sqlite"));
        if (fill(historyFile, runs))
            return 1;
    } else {
        // Work on a copy: the window may write to it.
        const QString copy = dir.filePath(QStringLiteral("history.sqlite"));
        if (!QFile::copy(historyFile, copy)) {
            std::fprintf(stderr, "cannot copy %s\n", qPrintable(historyFile));
            return 1;
        }
        QFile::copy(historyFile + QStringLiteral("-wal"), copy + QStringLiteral("-wal"));
        historyFile = copy;
    }

    Probe probe;
    settle(100);
    std::printf("\n| %-46s | %12s | %14s | %12s |\n", "step (offscreen, 1 ms heartbeat)",
                "longest stall", "to first paint", "to shown");
    std::printf("|------------------------------------------------|--------------|"
                "----------------|--------------|\n");
    detailsPanel(probe);
    mainWindow(probe, historyFile, dir.filePath(QStringLiteral("settings.ini")));
    return 0;
}
