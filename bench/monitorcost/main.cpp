// SPDX-License-Identifier: Apache-2.0
// bench_monitorcost [--speed S] [--minutes M]
//
// Goal 2 of docs/performance.md: what following 1, 20 and 200 active runs of one workspace costs
// in requests and CPU. The demo workspace runs as its own process (brickrun-emulator), so that
// getrusage() of this process is the client's CPU alone; its /__admin/stats counts the requests.
// Each configuration: submit N runs of a 2-hour notebook, wait until all are RUNNING and one
// simulated minute more (the cadence has backed off), reset the counters, then follow them for
// M simulated minutes at S× speed. "per run" is RunMonitor with sweeps off (one runs/get per run
// and poll: the monitor before sweeps existed), "sweep" the default. No history: the worst case.
// Figures per simulated minute equal those per real minute at speed 1 (the same requests are
// sent and answered; only the waits are shorter).

#include "api/HttpTransport.h"
#include "api/JobsClient.h"
#include "store/Database.h"
#include "store/HistoryStore.h"
#include "workflow/RunMonitor.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <sys/resource.h>

using namespace Brickrun;

namespace {

const QString Token = QStringLiteral("dapi-bench-monitorcost");

double cpuMs()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1000.0 +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1000.0;
}

// Sleeps in the event loop (processEvents with a time limit would spin and be counted as CPU).
void waitMs(qint64 ms)
{
    QEventLoop loop;
    QTimer::singleShot(std::chrono::milliseconds(std::max<qint64>(1, ms)), Qt::PreciseTimer, &loop,
                       &QEventLoop::quit);
    loop.exec();
}

QJsonObject admin(QNetworkAccessManager &nam, const QString &base, const QByteArray &verb,
                  const QString &route)
{
    QNetworkRequest request(QUrl(base + QStringLiteral("/__admin/") + route));
    request.setRawHeader("Authorization", "Bearer " + Token.toUtf8());
    QNetworkReply *reply = nam.sendCustomRequest(request, verb);
    QEventLoop loop; // a benchmark may wait like this; the application never does
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return body;
}

QString writeWorkspace(const QString &dir)
{
    const QByteArray json = R"({
  "format_version": 1, "workspace_id": 1234567890123456, "created_at": 1735689600000,
  "user": {"user_name": "b@x", "display_name": "B", "id": "1"},
  "clusters": [{"cluster_id": "bench-cluster", "cluster_name": "bench", "state": "RUNNING"}],
  "objects": [{"path": "/Bench/long", "object_type": "NOTEBOOK",
               "run": {"queued_seconds": 0, "pending_seconds": 1.5, "running_seconds": 7200,
                       "terminating_seconds": 1, "outcome": "SUCCESS", "result": "ok"}}]
})";
    const QString path = dir + QStringLiteral("/workspace.json");
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(json);
    return path;
}

struct Figures
{
    double lists = 0, gets = 0, other = 0, cpu = 0;
};

bool measure(int runs, bool sweeps, double speed, double minutes, Figures *out)
{
    QTemporaryDir dir;
    QProcess emulator;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("BRICKRUN_EMULATOR_TOKEN"), Token);
    emulator.setProcessEnvironment(env);
    emulator.start(QStringLiteral(BRICKRUN_EMULATOR_PROGRAM),
                   {QStringLiteral("--speed"), QString::number(speed),
                    QStringLiteral("--workspace"), writeWorkspace(dir.path())});
    if (!emulator.waitForStarted() || !emulator.waitForReadyRead(10000)) {
        std::fprintf(stderr, "cannot start %s\n", BRICKRUN_EMULATOR_PROGRAM);
        return false;
    }
    const QString base = QString::fromUtf8(emulator.readLine().trimmed());

    {
        Database db(dir.filePath(QStringLiteral("h.sqlite")));
        QString error;
        if (!db.open(&error))
            return false;
        HistoryStore history(&db);
        QNetworkAccessManager nam;
        HttpTransport transport(&nam);
        transport.setEndpoint(QUrl(base), Token);
        // The request-rate limit (15/s) in simulated time, as the service's clock counts it.
        transport.setRateLimit(int(15 * speed));
        JobsClient client(&transport);
        RunMonitor monitor(&history, [&client](const RunRecord &) { return &client; });
        PollPolicy policy;
        policy.timeScale = speed;
        monitor.setPollPolicy(policy);
        monitor.setRunsListEnabled(sweeps);

        QList<qint64> ids;
        for (int i = 0; i < runs; ++i) {
            RunRecord r;
            r.profile = QStringLiteral("bench");
            r.host = base;
            r.spec.notebookPath = QStringLiteral("/Bench/long");
            r.spec.clusterId = QStringLiteral("bench-cluster");
            r.spec.runName = QStringLiteral("long %1").arg(i);
            r.spec.queueEnabled = false;
            ids.append(monitor.submit(r));
        }
        QElapsedTimer wall;
        wall.start();
        for (;;) {
            int running = 0;
            for (qint64 id : std::as_const(ids)) {
                const auto r = history.record(id);
                running += r && r->state.lifeCycleState == QLatin1String("RUNNING");
            }
            if (running == runs)
                break;
            if (wall.elapsed() > 60000) {
                std::fprintf(stderr, "only %d of %d runs RUNNING after 60 s\n", running, runs);
                return false;
            }
            waitMs(50);
        }
        waitMs(qint64(60000 / speed)); // a simulated minute: the cadence backs off

        QNetworkAccessManager adminNam;
        admin(adminNam, base, "DELETE", QStringLiteral("requests"));
        const double cpuBefore = cpuMs();
        waitMs(qint64(minutes * 60000 / speed));
        const double cpu = cpuMs() - cpuBefore;
        const QJsonObject byRoute = admin(adminNam, base, "GET", QStringLiteral("stats"))
                                        .value(QStringLiteral("requests_by_route"))
                                        .toObject();
        out->lists = byRoute.value(QStringLiteral("runs/list")).toDouble() / minutes;
        out->gets = byRoute.value(QStringLiteral("runs/get")).toDouble() / minutes;
        double all = 0;
        for (auto it = byRoute.begin(); it != byRoute.end(); ++it)
            all += it.value().toDouble();
        out->other = all / minutes - out->lists - out->gets;
        out->cpu = cpu / minutes;
        transport.abortAll();
        nam.clearConnectionCache();
        adminNam.clearConnectionCache();
    }
    emulator.terminate();
    emulator.waitForFinished(5000);
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("brickrun.*=false"));
    double speed = 30;
    double minutes = 4;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--speed"))
            speed = std::max(1.0, args.at(++i).toDouble());
        else if (args.at(i) == QLatin1String("--minutes"))
            minutes = std::max(0.5, args.at(++i).toDouble());
    }
    std::printf("Following N RUNNING runs of one workspace: %.0f simulated minutes at %.0f× "
                "speed, per simulated minute (= per minute at speed 1)\n\n",
                minutes, speed);
    std::printf("| %4s | %-8s | %12s | %10s | %10s | %12s | %14s |\n", "runs", "mode",
                "requests/min", "runs/list", "runs/get", "CPU ms/min", "CPU % of core");
    std::printf("|------|----------|--------------|------------|------------|--------------|"
                "----------------|\n");
    struct Config
    {
        int runs;
        bool sweeps;
    };
    for (const Config c : {Config{1, true}, Config{20, false}, Config{20, true}, Config{200, false},
                           Config{200, true}}) {
        Figures f;
        if (!measure(c.runs, c.sweeps, speed, minutes, &f))
            return 1;
        std::printf("| %4d | %-8s | %12.1f | %10.1f | %10.1f | %12.1f | %13.3f%% |\n", c.runs,
                    c.sweeps ? "sweep" : "per run", f.lists + f.gets + f.other, f.lists, f.gets,
                    f.cpu, f.cpu / 600.0);
        std::fflush(stdout);
    }
    return 0;
}
