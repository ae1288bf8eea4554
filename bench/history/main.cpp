// SPDX-License-Identifier: Apache-2.0
// bench_history [RUNS] [--keep DIR]
//
// 1. Fills a new history database with RUNS runs (default 100,000) through HistoryStore, one
//    transaction per run as the app writes them: parameters, a state change, an output with a
//    few KiB of logs for the ended ones, 2% still active, four profiles, 90 days of times.
// 2. Starts itself again ("--measure FILE") so the figures are those of a fresh process, as at
//    application start: open (with integrity check and migrations), count, ids(), the first
//    page of 100, plus other sorts and filters the history window offers. Peak RSS is VmHWM.
// Prints a table. Figures depend on the disk and the page cache (the file was just written).

#include "store/Database.h"
#include "store/HistoryStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

using namespace Brickrun;

namespace {

QString vmHwm()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return QStringLiteral("n/a");
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmHWM:"))
            return QString::fromLatin1(line.mid(6).simplified());
    }
    return QStringLiteral("n/a");
}

void row(const char *what, double ms, const QString &detail = QString())
{
    std::printf("| %-44s | %10.1f ms | %-28s |\n", what, ms, qPrintable(detail));
}

int fill(const QString &path, int runs)
{
    Database db(path);
    QString error;
    if (!db.open(&error)) {
        std::fprintf(stderr, "open: %s\n", qPrintable(error));
        return 1;
    }
    // The fill is not what is measured: no fsync at checkpoints makes it minutes faster on a slow
    // disk. (The application keeps synchronous=NORMAL.)
    QSqlQuery(db.connection()).exec(QStringLiteral("PRAGMA synchronous = OFF"));
    HistoryStore history(&db);
    QRandomGenerator random(42);
    const QStringList profiles{QStringLiteral("work"), QStringLiteral("demo"),
                               QStringLiteral("staging"), QString()};
    const QByteArray logLine = "INFO  spark.Executor: task finished in 12 ms; rows=1024\n";
    const QString logs = QString::fromLatin1(logLine.repeated(40)); // ~2.3 KiB
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < runs; ++i) {
        RunRecord r;
        r.profile = profiles.at(i % profiles.size());
        r.host = QStringLiteral("https://adb-%1.azuredatabricks.net").arg(i % 3);
        r.spec.runName = QStringLiteral("nightly load %1").arg(i);
        r.spec.notebookPath = QStringLiteral("/Repos/team/etl/step_%1").arg(i % 50);
        r.spec.clusterId = QStringLiteral("0923-164208-c%1").arg(i % 20);
        r.spec.parameters = {{QStringLiteral("date"), QStringLiteral("2024-05-%1").arg(i % 28)},
                             {QStringLiteral("batch"), QString::number(i)}};
        r.idempotencyToken = QStringLiteral("tok-%1").arg(i);
        r.submittedAtMs = now - qint64(random.bounded(90 * 24 * 3600)) * 1000;
        r.runId = 1000000 + i;
        if (i % 50 == 0) {
            r.tracking = RunRecord::Tracking::Active;
            r.state.lifeCycleState = QStringLiteral("RUNNING");
            r.startTimeMs = r.submittedAtMs + 2000;
        } else {
            r.tracking = RunRecord::Tracking::Finished;
            r.state.lifeCycleState = QStringLiteral("TERMINATED");
            r.state.resultState = i % 7 == 0 ? QStringLiteral("FAILED") : QStringLiteral("SUCCESS");
            r.startTimeMs = r.submittedAtMs + 2000;
            r.endTimeMs = r.startTimeMs + random.bounded(3600) * 1000;
            r.taskRunId = 2000000 + i;
            r.hasOutput = true;
            r.output.taskRunId = r.taskRunId;
            r.output.hasNotebookResult = true;
            r.output.notebookResult = QStringLiteral("{\"rows\": %1}").arg(i);
            if (i % 10 == 0)
                r.output.logs = logs; // a notebook's output is mostly its exit value
        }
        if (!history.addPending(r)) {
            std::fprintf(stderr, "addPending failed at %d\n", i);
            return 1;
        }
    }
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    std::printf("filled %d runs in %.1f s (%.0f µs per run, one transaction each)\n", runs,
                ms / 1000, ms * 1000 / runs);
    return 0;
}

int measure(const QString &path)
{
    QElapsedTimer timer;
    const auto lap = [&timer] {
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        timer.restart();
        return ms;
    };
    std::printf("| %-44s | %13s | %-28s |\n", "step (fresh process)", "time", "result");
    std::printf("|%s|%s|%s|\n", QByteArray(46, '-').constData(), QByteArray(15, '-').constData(),
                QByteArray(30, '-').constData());
    const QString before = vmHwm();
    timer.start();
    Database db(path);
    QString error;
    if (!db.open(&error)) {
        std::fprintf(stderr, "open: %s\n", qPrintable(error));
        return 1;
    }
    const double openMs = lap();
    HistoryStore history(&db);
    const HistoryStore::Query all;
    const int total = history.count(all);
    const double countMs = lap();
    const QList<qint64> ids = history.ids(all);
    const double idsMs = lap();
    const QList<RunRecord> first = history.page(all, 0, 100);
    const double pageMs = lap();
    row("open (quick_check, WAL, migrations)", openMs);
    row("count()", countMs, QString::number(total));
    row("ids() (newest first)", idsMs, QStringLiteral("%1 ids").arg(ids.size()));
    row("page(0, 100)", pageMs, QStringLiteral("%1 records").arg(first.size()));
    row("  = history window ready", openMs + countMs + idsMs + pageMs);
    const QString afterOpen = vmHwm();

    timer.restart();
    const QList<RunRecord> last = history.page(all, total - 100, 100);
    row("page(count-100, 100) (last page)", lap(), QStringLiteral("%1 records").arg(last.size()));
    HistoryStore::Query q;
    q.sort = HistoryStore::Query::Sort::RunName;
    q.descending = false;
    timer.restart();
    QList<qint64> sorted = history.ids(q);
    row("ids() sorted by run name", lap(), QStringLiteral("%1 ids").arg(sorted.size()));
    history.page(q, 0, 100);
    row("page(0, 100) sorted by run name", lap());
    q.sort = HistoryStore::Query::Sort::Duration;
    q.descending = true;
    sorted = history.ids(q);
    row("ids() sorted by duration", lap(), QStringLiteral("%1 ids").arg(sorted.size()));
    HistoryStore::Query search;
    search.text = QStringLiteral("2024-05-17");
    const int found = history.count(search);
    row("count() search parameter value", lap(), QString::number(found));
    history.ids(search);
    row("ids() search parameter value", lap());
    search.text = QStringLiteral("load 4242");
    const QList<RunRecord> hits = history.page(search, 0, 100);
    row("page(0, 100) search run name", lap(), QString::number(hits.size()));
    timer.restart();
    HistoryStore::Query filtered;
    filtered.profile = QStringLiteral("staging");
    filtered.status = QStringLiteral("failed");
    const int failed = history.count(filtered);
    row("count() profile + failed", lap(), QString::number(failed));
    history.ids(filtered);
    row("ids() profile + failed", lap());
    const QList<RunRecord> active = history.activeRuns();
    row("activeRuns()", lap(), QString::number(active.size()));

    std::printf("\nfile %s: %.1f MiB (+ WAL %.1f MiB)\n", qPrintable(path),
                double(QFileInfo(path).size()) / 1048576.0,
                double(QFileInfo(path + QStringLiteral("-wal")).size()) / 1048576.0);
    std::printf("peak RSS (VmHWM): at start %s, after open+count+ids+page %s, at the end %s\n",
                qPrintable(before), qPrintable(afterOpen), qPrintable(vmHwm()));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() >= 3 && args.at(1) == QLatin1String("--measure"))
        return measure(args.at(2));

    int runs = 100000;
    QString keep;
    for (int i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--keep") && i + 1 < args.size())
            keep = args.at(++i);
        else
            runs = args.at(i).toInt();
    }
    QTemporaryDir dir;
    const QString folder = keep.isEmpty() ? dir.path() : keep;
    const QString path = folder + QStringLiteral("/brickrun.sqlite");
    QFile::remove(path);
    if (const int rc = fill(path, runs))
        return rc;

    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.start(app.applicationFilePath(), {QStringLiteral("--measure"), path});
    if (!child.waitForFinished(-1))
        return 1;
    return child.exitCode();
}
