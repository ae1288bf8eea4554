// SPDX-License-Identifier: Apache-2.0
// bench_polling [--runs N] [--mock-only]
//
// Goal 1 of docs/performance.md: how late a run's end is seen, and how many runs/get that costs,
// for runs of 10 s, 2 min and 20 min whose durations jitter (seeded), with three cadences:
//   sdk        the official waiters: ask at once, then attempt n sleeps min(n, 10) s + 50–750 ms
//   brickrun   PollPolicy without history (never before the SDK's poll of the same rank, 1 s
//              after the first TERMINATING)
//   +history   PollPolicy with the durations of 20 earlier runs of the same notebook
// (bench/lag measures the real programs from outside; this one is the policy's own account.)
// 1. the policy alone on a mock clock (1000 runs a length; the run is PENDING 1 s, RUNNING,
//    TERMINATING its last second, as on the service; the monitor's rules are replayed);
// 2. RunMonitor / a JobsClient waiter against the in-process demo workspace with compressed time
//    (N runs per cadence and length, all at once, each in a workspace of its own so that no
//    runs/list sweep mixes in): lag = simulated time at which the terminal state was recorded
//    minus the emulator's end_time; runs/get counted per run id on the wire.
// Jitter: duration = nominal × (1 + 0.05·z₁) + 0.3 s·z₂ (z standard normal), at least 3 s.

#include "../BenchStats.h"
#include "Emulator.h"
#include "api/HttpTransport.h"
#include "api/JobsClient.h"
#include "store/Database.h"
#include "store/HistoryStore.h"
#include "workflow/PollPolicy.h"
#include "workflow/RunMonitor.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QPointer>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <random>
#include <vector>

using namespace Brickrun;

namespace {

struct Length
{
    const char *name;
    double nominalMs;
    double speed; // for the emulator part: simulated seconds per real second
};
const Length Lengths[] = {{"10 s", 10000, 4}, {"2 min", 120000, 12}, {"20 min", 1200000, 30}};

double jittered(double nominalMs, double relative, std::mt19937_64 &random)
{
    std::normal_distribution<double> z(0.0, 1.0);
    return std::max(3000.0, nominalMs * (1.0 + relative * z(random)) + 300.0 * z(random));
}

struct Outcome
{
    double lagMs = 0;
    int gets = 0;
    int sdkGets = 0; // what the SDK cadence spends on the same run (mock clock)
};

// The run as the service reports it at time t (ms after the submit).
QString stateAt(double t, double durationMs, bool terminating = true)
{
    if (t >= durationMs)
        return QStringLiteral("TERMINATED");
    if (terminating && t >= durationMs - 1000)
        return QStringLiteral("TERMINATING");
    return t < 1000 ? QStringLiteral("PENDING") : QStringLiteral("RUNNING");
}

Outcome followSdk(double durationMs, std::mt19937_64 &random)
{
    std::uniform_int_distribution<int> jitter(50, 750);
    Outcome o;
    double t = 0;
    for (int n = 1;; ++n) {
        ++o.gets;
        if (t >= durationMs)
            break;
        t += std::min(n, 10) * 1000.0 + jitter(random);
    }
    o.lagMs = t - durationMs;
    return o;
}

// RunMonitor's rules: the policy is told the runs/get sent and the first TERMINATING; a state off
// the usual path (TERMINATING) drops the expectation.
Outcome followPolicy(const PollPolicy &policy, double durationMs,
                     const PollPolicy::Expectation &expected, bool terminating = true)
{
    Outcome o;
    PollPolicy::Situation now;
    bool useExpectation = expected.isValid();
    QString last;
    for (;;) {
        now.elapsedMs +=
            useExpectation ? policy.simulatedDelayMs(now, expected) : policy.simulatedDelayMs(now);
        ++o.gets;
        now.polls = o.gets;
        const QString state = stateAt(now.elapsedMs, durationMs, terminating);
        if (state == QLatin1String("TERMINATED"))
            break;
        now.ending = state == QLatin1String("TERMINATING") && state != last;
        last = state;
        if (state == QLatin1String("TERMINATING"))
            useExpectation = false;
    }
    o.lagMs = now.elapsedMs - durationMs;
    return o;
}

using BenchStats::percentile;

void header(const char *where)
{
    std::printf("\n%s\n", where);
    std::printf("| %-7s | %-9s | %10s | %10s | %12s | %10s | %12s |\n", "length", "cadence",
                "median lag", "p90 lag", "runs/get med", "mean", "<= SDK count");
    std::printf("|---------|-----------|------------|------------|--------------|------------|"
                "--------------|\n");
}

void printRow(const char *length, const char *cadence, const std::vector<Outcome> &outcomes)
{
    std::vector<double> lags;
    std::vector<double> gets;
    int withinSdk = 0;
    double sum = 0;
    for (const Outcome &o : outcomes) {
        lags.push_back(o.lagMs / 1000.0);
        gets.push_back(o.gets);
        sum += o.gets;
        if (o.gets <= o.sdkGets)
            ++withinSdk;
    }
    std::printf("| %-7s | %-9s | %8.2f s | %8.2f s | %12.0f | %10.1f | %10.0f %% |\n", length,
                cadence, percentile(lags, 0.5), percentile(lags, 0.9), percentile(gets, 0.5),
                sum / double(std::max<size_t>(1, outcomes.size())),
                100.0 * withinSdk / double(std::max<size_t>(1, outcomes.size())));
}

PollPolicy::Expectation historyFor(double nominalMs, double relative, std::mt19937_64 &random,
                                   std::vector<long long> *durations = nullptr)
{
    std::vector<long long> d;
    d.reserve(20);
    for (int i = 0; i < 20; ++i)
        d.push_back(std::llround(jittered(nominalMs, relative, random)));
    if (durations)
        *durations = d;
    return PollPolicy::Expectation::fromDurations(d);
}

void mockClock(int runs)
{
    for (const double relative : {0.05, 0.15}) {
        header(qPrintable(QStringLiteral("Policy alone on a mock clock: %1 runs per length, "
                                         "jitter %2 % of the duration + 0.3 s")
                              .arg(runs)
                              .arg(relative * 100)));
        for (const Length &length : Lengths) {
            std::mt19937_64 random(20240501);
            const PollPolicy policy;
            const PollPolicy::Expectation expected = historyFor(length.nominalMs, relative, random);
            std::vector<Outcome> sdk, plain, history, noHint;
            for (int i = 0; i < runs; ++i) {
                const double d = jittered(length.nominalMs, relative, random);
                Outcome s = followSdk(d, random);
                s.sdkGets = s.gets;
                Outcome p = followPolicy(policy, d, {});
                Outcome h = followPolicy(policy, d, expected);
                // The same without the TERMINATING second before the end (no hint: the policy
                // alone).
                Outcome n = followPolicy(policy, d, expected, false);
                p.sdkGets = h.sdkGets = n.sdkGets = s.gets;
                noHint.push_back(n);
                sdk.push_back(s);
                plain.push_back(p);
                history.push_back(h);
            }
            printRow(length.name, "sdk", sdk);
            printRow(length.name, "brickrun", plain);
            printRow(length.name, "+history", history);
            printRow(length.name, "+hist/noT", noHint);
        }
    }
}

// ---- on the emulator ------------------------------------------------------------------------

// Counts runs/get per run id as the requests leave (retries included).
class CountingNetwork : public QNetworkAccessManager
{
public:
    QHash<qint64, int> getsByRunId;

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request,
                                 QIODevice *data) override
    {
        const QUrl url = request.url();
        if (url.path().endsWith(QLatin1String("/runs/get")))
            ++getsByRunId[QUrlQuery(url).queryItemValue(QStringLiteral("run_id")).toLongLong()];
        return QNetworkAccessManager::createRequest(op, request, data);
    }
};

struct EmulatorRun
{
    QString notebook;
    double durationMs = 0;
    std::vector<long long> history;
};

QString writeWorkspace(const QString &dir, const std::vector<EmulatorRun> &runs)
{
    QJsonArray objects;
    for (const EmulatorRun &r : runs) {
        const double running = std::max(0.1, r.durationMs / 1000.0 - 2.0);
        objects.append(
            QJsonObject{{QStringLiteral("path"), r.notebook},
                        {QStringLiteral("object_type"), QStringLiteral("NOTEBOOK")},
                        {QStringLiteral("run"),
                         QJsonObject{{QStringLiteral("queued_seconds"), 0},
                                     {QStringLiteral("pending_seconds"), 1},
                                     {QStringLiteral("running_seconds"), running},
                                     {QStringLiteral("terminating_seconds"), 1},
                                     {QStringLiteral("outcome"), QStringLiteral("SUCCESS")},
                                     {QStringLiteral("result"), QStringLiteral("ok")}}}});
    }
    const QJsonObject workspace{
        {QStringLiteral("format_version"), 1},
        {QStringLiteral("workspace_id"), 1234567890123456LL},
        {QStringLiteral("created_at"), 1735689600000LL},
        {QStringLiteral("user"), QJsonObject{{QStringLiteral("user_name"), QStringLiteral("b@x")},
                                             {QStringLiteral("display_name"), QStringLiteral("B")},
                                             {QStringLiteral("id"), QStringLiteral("1")}}},
        {QStringLiteral("clusters"),
         QJsonArray{QJsonObject{{QStringLiteral("cluster_id"), QStringLiteral("bench-cluster")},
                                {QStringLiteral("cluster_name"), QStringLiteral("bench")},
                                {QStringLiteral("state"), QStringLiteral("RUNNING")}}}},
        {QStringLiteral("objects"), objects}};
    const QString path = dir + QStringLiteral("/workspace.json");
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(QJsonDocument(workspace).toJson());
    return path;
}

// One length: N runs per cadence, all at once.
void onEmulator(const Length &length, int runs)
{
    std::mt19937_64 random(777 + quint64(length.nominalMs));
    std::vector<EmulatorRun> plan;
    for (int i = 0; i < runs; ++i) {
        EmulatorRun r;
        r.notebook = QStringLiteral("/Bench/run_%1").arg(i);
        r.durationMs = jittered(length.nominalMs, 0.05, random);
        historyFor(length.nominalMs, 0.05, random, &r.history);
        plan.push_back(r);
    }
    QTemporaryDir dir;
    Emulator::EmulatorOptions options;
    options.speed = length.speed;
    options.workspaceFile = writeWorkspace(dir.path(), plan);
    Emulator::Emulator emulator(options);
    QString error;
    if (!emulator.start(&error)) {
        std::fprintf(stderr, "emulator: %s\n", qPrintable(error));
        return;
    }
    Database db(dir.filePath(QStringLiteral("history.sqlite")));
    if (!db.open(&error)) {
        std::fprintf(stderr, "history: %s\n", qPrintable(error));
        return;
    }
    HistoryStore history(&db);
    CountingNetwork network;
    // A client per workspace (profile), as in the program: each with its own request-rate
    // limit, 15 per second of simulated time (the limit protects the service, whose clock the
    // compressed time stands for).
    struct Client
    {
        std::unique_ptr<HttpTransport> transport;
        std::unique_ptr<JobsClient> jobs;
    };
    std::map<QString, Client> clients;
    const auto clientOf = [&](const QString &workspace) {
        Client &c = clients[workspace];
        if (!c.jobs) {
            c.transport = std::make_unique<HttpTransport>(&network);
            c.transport->setEndpoint(QUrl(emulator.baseUrl()), emulator.token());
            c.transport->setRateLimit(int(15 * length.speed));
            c.jobs = std::make_unique<JobsClient>(c.transport.get());
        }
        return c.jobs.get();
    };
    RunMonitor monitor(&history, [&](const RunRecord &r) { return clientOf(r.profile); });
    PollPolicy policy;
    policy.timeScale = length.speed;
    monitor.setPollPolicy(policy);

    // Earlier runs for the "+history" profiles only.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < runs; ++i) {
        for (size_t k = 0; k < plan[size_t(i)].history.size(); ++k) {
            RunRecord r;
            r.profile = QStringLiteral("history-%1").arg(i);
            r.host = emulator.baseUrl();
            r.spec.notebookPath = plan[size_t(i)].notebook;
            r.spec.clusterId = QStringLiteral("bench-cluster");
            r.idempotencyToken = QStringLiteral("h-%1-%2").arg(i).arg(k);
            r.tracking = RunRecord::Tracking::Finished;
            r.state.lifeCycleState = QStringLiteral("TERMINATED");
            r.state.resultState = QStringLiteral("SUCCESS");
            r.runId = 1 + qint64(i) * 100 + qint64(k);
            r.submittedAtMs = now - 86400000 + qint64(k) * 60000;
            r.startTimeMs = r.submittedAtMs;
            r.endTimeMs = r.startTimeMs + plan[size_t(i)].history[k];
            history.addPending(r);
        }
    }

    struct Seen
    {
        double lagMs = -1;
        int gets = 0;
    };
    QHash<qint64, int> planOf;     // record id → plan index
    QHash<qint64, Seen> monitored; // record id → outcome
    std::vector<Seen> sdkSeen = std::vector<Seen>(size_t(runs));
    std::vector<qint64> sdkRunIds(size_t(runs), 0);
    int pending = 0;

    QObject::connect(&monitor, &RunMonitor::runChanged, &monitor, [&](qint64 id) {
        auto it = monitored.find(id);
        if (it == monitored.end() || it->lagMs >= 0)
            return;
        const auto r = history.record(id);
        if (r && r->state.isTerminal() && r->endTimeMs > 0) {
            it->lagMs = double(emulator.simulatedNowMs() - r->endTimeMs);
            --pending;
        }
    });

    for (int i = 0; i < runs; ++i) {
        for (const QString &profile :
             {QStringLiteral("history-%1").arg(i), QStringLiteral("plain-%1").arg(i)}) {
            RunRecord r;
            r.profile = profile;
            r.host = emulator.baseUrl();
            r.spec.notebookPath = plan[size_t(i)].notebook;
            r.spec.clusterId = QStringLiteral("bench-cluster");
            r.spec.runName = profile;
            r.spec.queueEnabled = false;
            const qint64 id = monitor.submit(r);
            planOf.insert(id, i);
            monitored.insert(id, {});
            ++pending;
        }
        // The SDK waiter: submit, ask at once, then sleep min(n, 10) s + 50–750 ms.
        RunSpec spec;
        spec.notebookPath = plan[size_t(i)].notebook;
        spec.clusterId = QStringLiteral("bench-cluster");
        spec.runName = QStringLiteral("sdk-%1").arg(i);
        spec.queueEnabled = false;
        ++pending;
        auto attempt = std::make_shared<int>(0);
        auto poll = std::make_shared<std::function<void()>>();
        JobsClient *client = clientOf(QStringLiteral("sdk-%1").arg(i));
        *poll = [&, i, attempt, poll, client] {
            client->getRun(sdkRunIds[size_t(i)], &monitor, [&, i, attempt, poll](auto r) {
                if (r && r.value().state.isTerminal()) {
                    sdkSeen[size_t(i)].lagMs =
                        double(emulator.simulatedNowMs() - r.value().endTimeMs);
                    --pending;
                    return;
                }
                ++*attempt;
                std::uniform_int_distribution<int> jitter(50, 750);
                const double sleepMs = std::min(*attempt, 10) * 1000.0 + jitter(random);
                QTimer::singleShot(std::max(1, int(sleepMs / length.speed)), Qt::PreciseTimer,
                                   &monitor, [poll] { (*poll)(); });
            });
        };
        client->submit(spec, QStringLiteral("sdk-%1").arg(i), &monitor, [&, i, poll](auto r) {
            if (!r) {
                --pending;
                return;
            }
            sdkRunIds[size_t(i)] = r.value();
            (*poll)();
        });
    }

    QElapsedTimer wall;
    wall.start();
    const qint64 limitMs = qint64(length.nominalMs * 2.0 / length.speed) + 20000;
    while (pending > 0 && wall.elapsed() < limitMs) {
        QEventLoop loop; // sleeps until something happens or 50 ms pass
        QTimer::singleShot(50, &loop, &QEventLoop::quit);
        loop.exec();
    }

    std::vector<Outcome> sdk = std::vector<Outcome>(size_t(runs));
    std::vector<Outcome> plain, withHistory;
    for (int i = 0; i < runs; ++i) {
        sdk[size_t(i)].lagMs = sdkSeen[size_t(i)].lagMs;
        sdk[size_t(i)].gets = network.getsByRunId.value(sdkRunIds[size_t(i)]);
        sdk[size_t(i)].sdkGets = sdk[size_t(i)].gets;
    }
    for (auto it = monitored.cbegin(); it != monitored.cend(); ++it) {
        const auto r = history.record(it.key());
        if (!r)
            continue;
        const int i = planOf.value(it.key());
        Outcome o;
        o.lagMs = it->lagMs;
        o.gets = network.getsByRunId.value(r->runId);
        o.sdkGets = sdk[size_t(i)].gets;
        (r->profile.startsWith(QLatin1String("history")) ? withHistory : plain).push_back(o);
    }
    printRow(length.name, "sdk", sdk);
    printRow(length.name, "brickrun", plain);
    printRow(length.name, "+history", withHistory);
    if (pending > 0)
        std::printf("  (%d runs not seen to their end within %lld s)\n", pending, limitMs / 1000);
    std::printf("  (speed %.0f×: 1 ms of real time is %.0f ms simulated; %.1f s real)\n",
                length.speed, length.speed, double(wall.elapsed()) / 1000.0);
    network.clearConnectionCache();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("brickrun.*=false"));
    int runs = 30;
    bool mockOnly = false;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--runs") && i + 1 < args.size())
            runs = std::max(1, args.at(++i).toInt());
        else if (args.at(i) == QLatin1String("--mock-only"))
            mockOnly = true;
    }
    mockClock(1000);
    if (mockOnly)
        return 0;
    header(qPrintable(QStringLiteral("RunMonitor and an SDK-style waiter on the demo workspace, "
                                     "compressed time: %1 runs per length and cadence, jitter 5 % "
                                     "+ 0.3 s; lag in simulated seconds")
                          .arg(runs)));
    for (const Length &length : Lengths)
        onEmulator(length, runs);
    return 0;
}
