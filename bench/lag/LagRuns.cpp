// SPDX-License-Identifier: Apache-2.0
#include "LagRuns.h"

#include "../BenchStats.h"
#include "RunRecord.h"
#include "StateFile.h"
#include "model/RunInfo.h"
#include "store/Database.h"
#include "store/HistoryStore.h"
#include "workflow/PollPolicy.h"
#include "workflow/ServiceClock.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>

namespace BenchLag {

namespace {

// From 5 s to 30 min; each class compressed to about half a minute of real time or less.
const LengthClass Classes[] = {{"5-30 s", 5000, 30000, 2},
                               {"30 s-3 min", 30000, 180000, 8},
                               {"3-10 min", 180000, 600000, 24},
                               {"10-30 min", 600000, 1800000, 60}};
const char *const ClientNames[] = {"sdk waiter", "brickrun", "+history", "+workspace"};
const char *const ClientDirs[] = {"sdk", "none", "local", "ws"};
constexpr int LocalHistoryRuns = 20;
constexpr int WorkspaceHistoryRuns = 4; // × 6 runs a batch: within runs/list's page of 25

using BenchStats::percentile;

double draw(double nominalMs, double variation, std::mt19937_64 &random)
{
    std::normal_distribution<double> z(0.0, 1.0);
    return std::max({4000.0, 0.6 * nominalMs, nominalMs * (1.0 + variation * z(random))});
}

// The lag of the SDK's schedule without jitter on a run of this length.
double boundLagMs(double durationMs)
{
    for (int k = 0;; ++k) {
        const double t = Brickrun::PollPolicy::sdkPollTimeMs(k);
        if (t >= durationMs)
            return t - durationMs;
    }
}

QJsonObject behaviour(double durationMs)
{
    return QJsonObject{{QStringLiteral("queued_seconds"), 0},
                       {QStringLiteral("pending_seconds"), 1},
                       {QStringLiteral("running_seconds"), durationMs / 1000.0 - 2.0},
                       {QStringLiteral("terminating_seconds"), 1},
                       {QStringLiteral("result"), QStringLiteral("ok")}};
}

} // namespace

int runQuietly(const QString &program, const QStringList &arguments)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(program, arguments);
    if (!p.waitForStarted(10000))
        return -1;
    p.waitForFinished(600000);
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

LagBench::LagBench(Options options)
    : m_o(std::move(options))
    , m_lists(std::size(Classes) * ClientCount, 0)
{
    m_clock.start();
    m_token = QStringLiteral("dapi-test-lag-bench");
}

LagBench::~LagBench() = default;

QString LagBench::notebookPath(const PlannedRun &run, Client client)
{
    return QStringLiteral("/Shared/Lag/c%1/r%2/%3")
        .arg(run.lengthClass + 1)
        .arg(run.index)
        .arg(QLatin1String(ClientDirs[client]));
}

QStringList LagBench::environment(double speed) const
{
    QStringList env;
    const QString home = m_o.workDir + QStringLiteral("/home");
    env << QStringLiteral("HOME=") + home
        << QStringLiteral("XDG_CONFIG_HOME=") + home + QStringLiteral("/config")
        << QStringLiteral("XDG_DATA_HOME=") + home + QStringLiteral("/data")
        << QStringLiteral("XDG_CACHE_HOME=") + home + QStringLiteral("/cache")
        << QStringLiteral("PATH=") + qEnvironmentVariable("PATH")
        << QStringLiteral("DATABRICKS_TOKEN=") + m_token
        << QStringLiteral("BRICKRUN_SERVICE_SPEED=") + QString::number(speed)
        << QStringLiteral("NODE_PATH=") + m_o.npmDir + QStringLiteral("/node_modules");
    if (qEnvironmentVariableIsSet("QT_LOGGING_RULES")) // e.g. brickrun.monitor.debug=true
        env << QStringLiteral("QT_LOGGING_RULES=") + qEnvironmentVariable("QT_LOGGING_RULES");
    return env;
}

bool LagBench::setUp(QString *error)
{
    std::mt19937_64 random(20261202);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (int c : std::as_const(m_o.classes)) {
        if (c < 0 || c >= int(std::size(Classes)))
            continue;
        const LengthClass &lc = Classes[c];
        for (int i = 0; i < m_o.runsPerClass; ++i) {
            PlannedRun r;
            r.lengthClass = c;
            r.index = i;
            r.variation = 0.05 * double(1 + i % 3);
            const double nominal = lc.minMs * std::pow(lc.maxMs / lc.minMs, unit(random));
            r.durationMs = std::round(draw(nominal, r.variation, random));
            for (int k = 0; k < LocalHistoryRuns; ++k)
                r.earlierMs.push_back(std::round(draw(nominal, r.variation, random)));
            m_runs.push_back(r);
        }
    }
    if (m_runs.empty()) {
        *error = QStringLiteral("no length class chosen (--classes 1,2,3,4)");
        return false;
    }
    for (int c = 0; c < ClientCount; ++c) {
        m_proxies.push_back(std::make_unique<RecordingProxy>(&m_clock));
        if (!m_proxies.back()->listen(error))
            return false;
    }
    const QString home = m_o.workDir + QStringLiteral("/home");
    for (const char *sub : {"/config", "/data", "/cache"})
        QDir().mkpath(home + QLatin1String(sub));
    return writeWorkspace(error) && seedHistory(error);
}

bool LagBench::writeWorkspace(QString *error)
{
    QFile in(m_o.demoWorkspace);
    if (!in.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1").arg(m_o.demoWorkspace);
        return false;
    }
    QJsonObject def = QJsonDocument::fromJson(in.readAll()).object();
    QJsonArray objects = def.value(QStringLiteral("objects")).toArray();
    for (const PlannedRun &r : m_runs) {
        for (int c = 0; c < ClientCount; ++c)
            objects.append(QJsonObject{{QStringLiteral("path"), notebookPath(r, Client(c))},
                                       {QStringLiteral("object_type"), QStringLiteral("NOTEBOOK")},
                                       {QStringLiteral("run"), behaviour(r.durationMs)}});
    }
    def.insert(QStringLiteral("objects"), objects);
    QFile out(m_o.workDir + QStringLiteral("/workspace.json"));
    if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(def).toJson()) < 0) {
        *error = QStringLiteral("cannot write %1").arg(out.fileName());
        return false;
    }
    m_workspaceFile = out.fileName();
    return true;
}

// The CLI's history (found where a first `brickrun-cli runs` opened it): 20 earlier successful
// runs of each "+history" notebook, as "Import from workspace" would have added them.
bool LagBench::seedHistory(QString *error) const
{
    QProcess cli;
    cli.setEnvironment(environment(1));
    cli.start(m_o.cli, {QStringLiteral("runs")});
    cli.waitForFinished(30000);
    QString path;
    QDirIterator it(m_o.workDir + QStringLiteral("/home/data"), {QStringLiteral("*.sqlite")},
                    QDir::Files, QDirIterator::Subdirectories);
    if (it.hasNext())
        path = it.next();
    if (path.isEmpty()) {
        *error = QStringLiteral("brickrun-cli made no history under %1/home/data (exit %2: %3)")
                     .arg(m_o.workDir)
                     .arg(cli.exitCode())
                     .arg(QString::fromLocal8Bit(cli.readAllStandardError()));
        return false;
    }
    Brickrun::Database db(path);
    if (!db.open(error))
        return false;
    Brickrun::HistoryStore history(&db);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 runId = 900000000000;
    QList<Brickrun::RunInfo> runs;
    for (const PlannedRun &r : m_runs) {
        for (size_t k = 0; k < r.earlierMs.size(); ++k) {
            Brickrun::RunInfo info;
            info.runId = ++runId;
            info.runName = QStringLiteral("earlier");
            info.state.lifeCycleState = QStringLiteral("TERMINATED");
            info.state.resultState = QStringLiteral("SUCCESS");
            info.startTimeMs = now - qint64(k + 1) * 4000000;
            info.endTimeMs = info.startTimeMs + qint64(r.earlierMs[k]);
            Brickrun::TaskRun task;
            task.runId = ++runId;
            task.taskKey = QStringLiteral("main");
            task.state = info.state;
            task.notebookPath = notebookPath(r, LocalHistory);
            task.clusterId = QStringLiteral("demo-cluster");
            task.startTimeMs = info.startTimeMs;
            task.endTimeMs = info.endTimeMs;
            info.tasks.append(task);
            runs.append(info);
        }
    }
    history.importRuns(QString(), m_proxies[LocalHistory]->url(), runs);
    const auto check = history.recentDurations(
        QString(), notebookPath(m_runs.front(), LocalHistory), QStringLiteral("demo-cluster"), 20);
    if (check.size() != LocalHistoryRuns) {
        *error = QStringLiteral("the seeded history gives %1 durations").arg(check.size());
        return false;
    }
    return true;
}

// The demo workspace's --state file for a batch: 4 earlier runs of each "+workspace" notebook,
// ended before the batch starts.
bool LagBench::writeWorkspaceHistory(const QString &file, const std::vector<PlannedRun> &batch,
                                     QString *error) const
{
    namespace E = Brickrun::Emulator;
    QList<E::RunRecord> records;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 runId = 800000000000;
    for (const PlannedRun &r : batch) {
        for (int k = 0; k < WorkspaceHistoryRuns; ++k) {
            E::RunRecord rec;
            rec.runId = ++runId;
            rec.runName = QStringLiteral("earlier");
            rec.creatorUserName = QStringLiteral("demo@example.com");
            rec.submitMs = now - qint64(k + 1) * 4000000;
            E::TaskRecord task;
            task.runId = ++runId;
            task.taskKey = QStringLiteral("main");
            task.notebookPath = notebookPath(r, WorkspaceHistory);
            task.source = QStringLiteral("WORKSPACE");
            task.clusterId = QStringLiteral("demo-cluster");
            task.clusterReadyMs = rec.submitMs;
            task.behaviour = E::NotebookBehaviour::fromJson(
                behaviour(r.earlierMs[size_t(LocalHistoryRuns - 1 - k)]), E::NotebookBehaviour());
            rec.tasks.append(task);
            records.append(rec);
        }
    }
    E::StateFile state(file);
    return state.save(records, now, 0, error);
}

bool LagBench::run(QString *error)
{
    if (!setUp(error))
        return false;
    int batchNumber = 0;
    for (int c : std::as_const(m_o.classes)) {
        std::vector<PlannedRun> batch;
        for (const PlannedRun &r : m_runs) {
            if (r.lengthClass != c)
                continue;
            batch.push_back(r);
            if (int(batch.size()) == m_o.batch) {
                if (!runBatch(++batchNumber, batch, error))
                    return false;
                batch.clear();
            }
        }
        if (!batch.empty() && !runBatch(++batchNumber, batch, error))
            return false;
    }
    return true;
}

bool LagBench::runBatch(int batchNumber, const std::vector<PlannedRun> &batch, QString *error)
{
    const LengthClass &lc = Classes[batch.front().lengthClass];
    const QString stateFile = m_o.workDir + QStringLiteral("/state-%1.json").arg(batchNumber);
    if (!writeWorkspaceHistory(stateFile, batch, error))
        return false;
    QProcess emulator;
    QStringList env = environment(lc.speed);
    env << QStringLiteral("BRICKRUN_EMULATOR_TOKEN=") + m_token;
    emulator.setEnvironment(env);
    emulator.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    emulator.start(m_o.emulator,
                   {QStringLiteral("--workspace"), m_workspaceFile, QStringLiteral("--state"),
                    stateFile, QStringLiteral("--speed"), QString::number(lc.speed)});
    if (!emulator.waitForReadyRead(20000)) {
        *error = QStringLiteral("brickrun-emulator did not start");
        return false;
    }
    const QUrl base(QString::fromUtf8(emulator.readLine()).trimmed());
    for (auto &proxy : m_proxies) {
        proxy->setUpstream(quint16(base.port()));
        proxy->clear();
    }
    std::fprintf(stderr, "bench_lag: batch %d, %s at %gx, %zu runs\n", batchNumber, lc.name,
                 lc.speed, batch.size());

    std::vector<std::unique_ptr<QProcess>> clients;
    const auto launch = [&](const QString &program, const QStringList &arguments) {
        auto p = std::make_unique<QProcess>();
        p->setEnvironment(environment(lc.speed));
        p->setStandardOutputFile(QProcess::nullDevice());
        p->setStandardErrorFile(m_o.workDir + QStringLiteral("/clients.log"), QIODevice::Append);
        p->start(program, arguments);
        clients.push_back(std::move(p));
    };
    if (m_o.withSdk) {
        QStringList arguments{m_o.script, m_proxies[Sdk]->url(), QString::number(lc.speed)};
        for (const PlannedRun &r : batch)
            arguments << notebookPath(r, Sdk);
        launch(QStringLiteral("node"), arguments);
    }
    for (const PlannedRun &r : batch) {
        for (Client c : {NoHistory, LocalHistory, WorkspaceHistory})
            launch(m_o.cli, {QStringLiteral("submit"), QStringLiteral("--host"),
                             m_proxies[c]->url(), QStringLiteral("--notebook"), notebookPath(r, c),
                             QStringLiteral("--cluster"), QStringLiteral("demo-cluster")});
    }
    double longest = 0;
    for (const PlannedRun &r : batch)
        longest = std::max(longest, r.durationMs);
    QElapsedTimer waited;
    waited.start();
    const qint64 deadline = qint64(longest / lc.speed) + 120000;
    QEventLoop loop;
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        const bool running = std::any_of(clients.begin(), clients.end(), [](const auto &p) {
            return p->state() != QProcess::NotRunning;
        });
        if (!running || waited.elapsed() > deadline)
            loop.quit();
    });
    tick.start(50);
    loop.exec();
    for (auto &p : clients) {
        if (p->state() != QProcess::NotRunning) {
            std::fprintf(stderr, "bench_lag: a client did not finish: %s\n",
                         qPrintable(p->program()));
            p->kill();
            p->waitForFinished(5000);
        }
    }
    collect(batch, lc.speed);
    emulator.terminate();
    emulator.waitForFinished(10000);
    return true;
}

void LagBench::collect(const std::vector<PlannedRun> &batch, double speed)
{
    // The service's clock: service ms = speed / 1000 × proxy µs + offset, from the answers of
    // running runs (start_time + run_duration); the emulator counts whole ms: ±1 ms real.
    Brickrun::ServiceClock clock;
    clock.setRate(speed / 1000.0);
    for (const auto &proxy : m_proxies) {
        for (const Exchange &e : proxy->exchanges()) {
            if (!e.target.contains("/runs/get") || e.status != 200)
                continue;
            const QJsonObject run = QJsonDocument::fromJson(e.responseBody).object();
            const qint64 start = run.value(QStringLiteral("start_time")).toInteger();
            const qint64 duration = run.value(QStringLiteral("run_duration")).toInteger();
            if (run.value(QStringLiteral("end_time")).toInteger() == 0 && duration > 0)
                clock.observe(e.sentUs - 1000, e.answeredUs + 1000, start + duration);
        }
    }
    QHash<QString, const PlannedRun *> byPath;
    for (const PlannedRun &r : batch) {
        for (int c = 0; c < ClientCount; ++c)
            byPath.insert(notebookPath(r, Client(c)), &r);
    }
    for (int c = 0; c < ClientCount; ++c) {
        QHash<qint64, Measured> runs;
        for (const Exchange &e : m_proxies[size_t(c)]->exchanges()) {
            if (qEnvironmentVariableIsSet("BENCH_LAG_DEBUG"))
                std::fprintf(stderr, "%s %lld %s %s -> %d %s\n", ClientDirs[c], e.sentUs / 1000,
                             e.method.constData(), e.target.constData(), e.status,
                             e.responseBody.left(200).constData());
            if (e.target.contains("/runs/list"))
                ++m_lists[size_t(batch.front().lengthClass) * ClientCount + size_t(c)];
            const QJsonObject body = QJsonDocument::fromJson(e.responseBody).object();
            if (e.target.contains("/runs/submit") && e.status == 200) {
                const QString path = QJsonDocument::fromJson(e.requestBody)
                                         .object()
                                         .value(QStringLiteral("tasks"))
                                         .toArray()
                                         .at(0)
                                         .toObject()
                                         .value(QStringLiteral("notebook_task"))
                                         .toObject()
                                         .value(QStringLiteral("notebook_path"))
                                         .toString();
                const PlannedRun *r = byPath.value(path);
                const qint64 id = body.value(QStringLiteral("run_id")).toInteger();
                if (r && id > 0) {
                    Measured &m = runs[id];
                    m.lengthClass = r->lengthClass;
                    m.index = r->index;
                    m.client = Client(c);
                    m.durationMs = r->durationMs;
                }
                continue;
            }
            if (!e.target.contains("/runs/get"))
                continue;
            const qint64 id = QUrlQuery(QUrl(QString::fromUtf8(e.target)).query())
                                  .queryItemValue(QStringLiteral("run_id"))
                                  .toLongLong();
            if (!runs.contains(id))
                continue;
            Measured &m = runs[id];
            ++m.gets;
            const QString state = body.value(QStringLiteral("state"))
                                      .toObject()
                                      .value(QStringLiteral("life_cycle_state"))
                                      .toString();
            const qint64 end = body.value(QStringLiteral("end_time")).toInteger();
            if (!m.seen && end > 0 &&
                (state == QLatin1String("TERMINATED") || state == QLatin1String("INTERNAL_ERROR") ||
                 state == QLatin1String("SKIPPED"))) {
                m.seen = true;
                m.lagMs = std::max(0.0, clock.toService(e.answeredUs) - double(end));
            }
        }
        for (const Measured &m : std::as_const(runs))
            m_results.push_back(m);
    }
}

bool LagBench::writeCsv(const QString &file) const
{
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Text))
        return false;
    out.write("class,index,client,duration_ms,lag_ms,runs_get\n");
    for (const Measured &m : m_results)
        out.write(QStringLiteral("%1,%2,%3,%4,%5,%6\n")
                      .arg(QLatin1String(Classes[m.lengthClass].name))
                      .arg(m.index)
                      .arg(QLatin1String(ClientDirs[m.client]))
                      .arg(m.durationMs, 0, 'f', 0)
                      .arg(m.seen ? QString::number(m.lagMs, 'f', 0) : QString()) // unseen: empty
                      .arg(m.gets)
                      .toUtf8());
    return true;
}

void LagBench::printTable() const
{
    std::printf("\n| class (speed) | client | runs | lag median | lag p95 | runs/get median | "
                "mean | runs/list | median lag / SDK's | runs/get / SDK's |\n");
    std::printf("|---|---|---|---|---|---|---|---|---|---|\n");
    for (int c : std::as_const(m_o.classes)) {
        if (c < 0 || c >= int(std::size(Classes)))
            continue;
        std::vector<double> sdkLags;
        double sdkGets = 0;
        struct Row
        {
            std::vector<double> lags;
            std::vector<double> gets;
            int missed = 0;
        };
        std::vector<Row> rows(ClientCount + 1);
        for (const Measured &m : m_results) {
            if (m.lengthClass != c)
                continue;
            Row &row = rows[size_t(m.client)];
            if (!m.seen) {
                ++row.missed;
                continue;
            }
            row.lags.push_back(m.lagMs / 1000.0);
            row.gets.push_back(m.gets);
            if (m.client == NoHistory) {
                // The bound: the SDK's own schedule without its jitter, on the same run (every
                // client's run of an index has the same duration).
                rows[ClientCount].lags.push_back(boundLagMs(m.durationMs) / 1000.0);
                rows[ClientCount].gets.push_back(Brickrun::PollPolicy::sdkPollsFor(m.durationMs));
            }
        }
        const auto mean = [](const std::vector<double> &v) {
            double sum = 0;
            for (double x : v)
                sum += x;
            return v.empty() ? 0.0 : sum / double(v.size());
        };
        sdkLags = rows[Sdk].lags;
        sdkGets = mean(rows[Sdk].gets);
        const double sdkMedian = percentile(sdkLags, 0.5);
        for (int client = 0; client <= ClientCount; ++client) {
            const Row &row = rows[size_t(client)];
            if (row.lags.empty() && row.missed == 0)
                continue;
            const char *name = client == ClientCount ? "bound" : ClientNames[client];
            const double median = percentile(row.lags, 0.5);
            std::printf(
                "| %s (%gx) | %s | %zu%s | %.2f s | %.2f s | %.0f | %.1f | %s | %s | %s |\n",
                Classes[c].name, Classes[c].speed, name, row.lags.size(),
                row.missed ? qPrintable(QStringLiteral(" (+%1 unseen)").arg(row.missed)) : "",
                median, percentile(row.lags, 0.95), percentile(row.gets, 0.5), mean(row.gets),
                client < ClientCount
                    ? qPrintable(QString::number(m_lists[size_t(c) * ClientCount + size_t(client)]))
                    : "-",
                sdkMedian > 0 ? qPrintable(QString::number(median / sdkMedian, 'f', 2)) : "-",
                sdkGets > 0 ? qPrintable(QString::number(mean(row.gets) / sdkGets, 'f', 2)) : "-");
        }
    }
    std::printf("\nruns/list: the class's total (a +workspace run asks once: one process each).\n");
}

} // namespace BenchLag
