// SPDX-License-Identifier: Apache-2.0
// bench_lag [--runs N] [--batch B] [--classes LIST] [--no-sdk] [--keep DIR]
//
// How late the real programs see a run's end, measured from outside, side by side with the
// official SDK's waiter. Each batch: a fresh `brickrun-emulator --speed S` (the demo workspace at
// compressed time), one recording proxy per client on loopback (RecordingProxy), and at once,
// for B runs of one length class:
//   sdk         node sdk-waiter.js: @databricks/sdk-experimental's jobs.submit(...).wait()
//   brickrun    brickrun-cli submit, no history
//   +history    brickrun-cli submit, 20 earlier runs of the same notebook in its history
//   +workspace  brickrun-cli submit, no local history; 4 earlier runs of the notebook in the
//               workspace (the newest 25 ended runs are the batch's: B × 4 ≤ 25)
// The four runs of one index share one duration (a notebook each, with the same behaviour), so
// the clients are compared on the same runs. Lengths are drawn log-uniformly in the class, each
// notebook's durations vary by 5, 10 or 15 % (normal, by run index).
// Lag = the moment the first terminal runs/get answer passed the proxy, on the service's clock
// (a ServiceClock fitted on the running runs' start_time + run_duration, bracketed by the
// proxy's send and answer times), minus the run's end_time in that answer. runs/get are counted
// per run id on the wire. "bound" = the lag of the SDK's own schedule without its jitter: with no
// hint of the end, no schedule that never spends more runs/get than the SDK does better.
// The SDK is installed by the bench (npm, pinned) into the build folder; --no-sdk skips it.
// --keep DIR keeps the workspace, histories, clients.log and results.csv (one line a run);
// BENCH_LAG_DEBUG=1 prints every request the proxies saw.

#include "LagRuns.h"
#include "RecordingProxy.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>

using namespace BenchLag;

namespace {

const char *const SdkPackage = "@databricks/sdk-experimental";
const char *const SdkVersion = "0.17.0";

bool sdkInstalled(const QString &npmDir)
{
    QFile f(npmDir + QStringLiteral("/node_modules/@databricks/sdk-experimental/package.json"));
    return f.open(QIODevice::ReadOnly) &&
           f.readAll().contains(QByteArray(QByteArray("\"version\": \"") + SdkVersion + '"'));
}

// Installs the pinned SDK with npm into the build folder (once).
bool ensureSdk(const QString &npmDir)
{
    if (sdkInstalled(npmDir))
        return true;
    const QString npm = QStandardPaths::findExecutable(QStringLiteral("npm"));
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (npm.isEmpty() || node.isEmpty()) {
        std::fprintf(stderr, "bench_lag: node and npm are needed for the SDK waiter's column "
                             "(apt-get install nodejs npm); run with --no-sdk to skip it.\n");
        return false;
    }
    QDir().mkpath(npmDir);
    std::fprintf(stderr, "bench_lag: npm install %s@%s into %s\n", SdkPackage, SdkVersion,
                 qPrintable(npmDir));
    const int rc = runQuietly(
        npm, {QStringLiteral("install"), QStringLiteral("--prefix"), npmDir,
              QStringLiteral("--no-audit"), QStringLiteral("--no-fund"),
              QStringLiteral("--ignore-scripts"),
              QStringLiteral("%1@%2").arg(QLatin1String(SdkPackage), QLatin1String(SdkVersion))});
    if (rc != 0 || !sdkInstalled(npmDir)) {
        std::fprintf(stderr, "bench_lag: npm install failed (exit %d); --no-sdk skips the SDK.\n",
                     rc);
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Options o;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        const QString &a = args[i];
        const QString next = args.value(i + 1);
        if (a == QLatin1String("--runs")) {
            o.runsPerClass = std::max(1, next.toInt());
            ++i;
        } else if (a == QLatin1String("--batch")) {
            o.batch = std::clamp(next.toInt(), 1, 6);
            ++i;
        } else if (a == QLatin1String("--classes")) {
            o.classes.clear();
            for (const QString &c : next.split(QLatin1Char(',')))
                o.classes.append(c.toInt() - 1);
            ++i;
        } else if (a == QLatin1String("--no-sdk")) {
            o.withSdk = false;
        } else if (a == QLatin1String("--keep")) {
            o.keepDir = next;
            ++i;
        } else {
            std::fprintf(stderr,
                         "usage: bench_lag [--runs N (per class, default 6; 30 for the full "
                         "sample)] [--batch B (1-6, default 6)] [--classes 1,2,3,4] [--no-sdk] "
                         "[--keep DIR]\n");
            return 2;
        }
    }
    o.cli = QStringLiteral(BENCH_LAG_CLI);
    o.emulator = QStringLiteral(BENCH_LAG_EMULATOR);
    o.script = QStringLiteral(BENCH_LAG_SCRIPT);
    o.demoWorkspace = QStringLiteral(BENCH_LAG_DEMO_WORKSPACE);
    o.npmDir = QStringLiteral(BENCH_LAG_NPM_DIR);
    if (o.withSdk && !ensureSdk(o.npmDir))
        return 2;

    QTemporaryDir tmp;
    tmp.setAutoRemove(o.keepDir.isEmpty());
    o.workDir = o.keepDir.isEmpty() ? tmp.path() : o.keepDir;
    QDir().mkpath(o.workDir);

    LagBench bench(o);
    QString error;
    if (!bench.run(&error)) {
        std::fprintf(stderr, "bench_lag: %s\n", qPrintable(error));
        return 1;
    }
    bench.printTable();
    if (!o.keepDir.isEmpty() && bench.writeCsv(o.keepDir + QStringLiteral("/results.csv")))
        std::printf("Each run: %s/results.csv\n", qPrintable(o.keepDir));
    return 0;
}
