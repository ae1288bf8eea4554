// SPDX-License-Identifier: Apache-2.0
// bench_startup [--rounds N]
//
// Goal 4 of docs/performance.md: time from launch to the main window shown, and resident memory
// after a demo run, for the real `brickrun --demo` (offscreen) next to a minimal Qt Widgets
// program (bench_minimal_widgets), measured alternately in the same run. Neither program is
// changed: the probe plugin (ProbePlugin.cpp) is loaded into both through the environment and
// notes when the first main window has painted its first frame (CLOCK_MONOTONIC, compared with
// the moment this program started the process), and when the Submit button was first painted
// enabled ("ready": brickrun shows its window's frame first and builds its panels right after,
// see MainWindow.h). For brickrun it then clicks Submit (the demo's
// /Shared/Demo/hello on demo-cluster, BRICKRUN_DEMO_SPEED=10), waits until the runs table shows
// the run ended and 1.5 s more (output fetched and shown), and reads VmRSS and VmHWM.
// Each launch gets a fresh HOME and XDG folders (no settings, no history, no keychain entry).

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

namespace {

qint64 monotonicNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

struct Launch
{
    double startMs = -1;
    double readyMs = -1; // the Submit button painted enabled (brickrun only)
    double shownRssMb = 0;
    double rssMb = 0;
    double hwmMb = 0;
    bool runEnded = false;
    double runMs = 0;
};

bool launch(const QString &program, const QStringList &args, bool demoRun, Launch *out)
{
    QTemporaryDir home;
    const QString result = home.filePath(QStringLiteral("probe.txt"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("QT_PLUGIN_PATH"), QStringLiteral(BRICKRUN_PROBE_PLUGIN_DIR));
    env.insert(QStringLiteral("QT_QPA_GENERIC_PLUGINS"), QStringLiteral("brickrunprobe"));
    env.insert(QStringLiteral("BRICKRUN_PROBE_OUT"), result);
    env.insert(QStringLiteral("BRICKRUN_PROBE_DEMO_RUN"), demoRun ? QStringLiteral("1") : "0");
    env.insert(QStringLiteral("BRICKRUN_DEMO_SPEED"), QStringLiteral("10"));
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.path());
    QProcess process;
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.setStandardOutputFile(QProcess::nullDevice());
    const qint64 started = monotonicNs();
    process.start(program, args);
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        std::fprintf(stderr, "%s did not finish\n", qPrintable(program));
        return false;
    }
    QFile file(result);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "%s: no probe output (is the probe plugin loaded?)\n",
                     qPrintable(program));
        return false;
    }
    for (const QByteArray &line : file.readAll().split('\n')) {
        const int eq = line.indexOf('=');
        const QByteArray key = line.left(eq);
        const QByteArray value = line.mid(eq + 1);
        if (key == "shown_ns")
            out->startMs = double(value.toLongLong() - started) / 1e6;
        else if (key == "ready_ns")
            out->readyMs = double(value.toLongLong() - started) / 1e6;
        else if (key == "shown_rss_kb")
            out->shownRssMb = value.toDouble() / 1024.0;
        else if (key == "rss_kb")
            out->rssMb = value.toDouble() / 1024.0;
        else if (key == "hwm_kb")
            out->hwmMb = value.toDouble() / 1024.0;
        else if (key == "run_ended")
            out->runEnded = value == "1";
        else if (key == "run_ms")
            out->runMs = value.toDouble();
    }
    return out->startMs > 0;
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int rounds = 5;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--rounds"))
            rounds = std::max(1, args.at(++i).toInt());
    }
    std::vector<Launch> minimal, brickrun;
    // One launch of each first, not counted: the page cache holds the libraries after it.
    for (int r = -1; r < rounds; ++r) {
        Launch m, b;
        if (!launch(QStringLiteral(BRICKRUN_MINIMAL_PROGRAM), {}, false, &m) ||
            !launch(QStringLiteral(BRICKRUN_APP_PROGRAM), {QStringLiteral("--demo")}, true, &b))
            return 1;
        if (r >= 0) {
            minimal.push_back(m);
            brickrun.push_back(b);
        }
    }
    const auto column = [](const std::vector<Launch> &v, double Launch::*field) {
        std::vector<double> values;
        values.reserve(v.size());
        for (const Launch &l : v)
            values.push_back(l.*field);
        return values;
    };
    std::printf("Launch to main window painted (offscreen, warm page cache), median of %d "
                "alternating launches; \"ready\": until the Submit button is painted enabled "
                "(panels built, history open, demo workspace up)\n\n",
                rounds);
    std::printf("| %-24s | %9s | %9s | %9s | %9s | %13s | %13s | %12s |\n", "program", "start med",
                "min", "max", "ready med", "RSS at shown", "RSS after run", "peak (HWM)");
    std::printf("|--------------------------|-----------|-----------|-----------|-----------|"
                "---------------|---------------|--------------|\n");
    for (const auto &[name, v] :
         {std::pair<const char *, const std::vector<Launch> &>{"minimal Qt Widgets", minimal},
          {"brickrun --demo", brickrun}}) {
        const auto starts = column(v, &Launch::startMs);
        const double ready = median(column(v, &Launch::readyMs));
        const QByteArray readyText =
            ready > 0 ? QByteArray::number(ready, 'f', 0) + " ms" : QByteArray("-");
        std::printf("| %-24s | %6.0f ms | %6.0f ms | %6.0f ms | %9s | %10.1f MB | %10.1f MB | "
                    "%9.1f MB |\n",
                    name, median(starts), *std::min_element(starts.begin(), starts.end()),
                    *std::max_element(starts.begin(), starts.end()), readyText.constData(),
                    median(column(v, &Launch::shownRssMb)), median(column(v, &Launch::rssMb)),
                    median(column(v, &Launch::hwmMb)));
    }
    int ended = 0;
    for (const Launch &l : brickrun)
        ended += l.runEnded;
    const double ratio = median(column(brickrun, &Launch::startMs)) /
                         std::max(1.0, median(column(minimal, &Launch::startMs)));
    std::printf("\nbrickrun / minimal start time: %.2f× (goal <= 1.5×); RSS after the demo run: "
                "%.1f MB (goal <= 80 MB); demo runs seen to their end: %d of %d (median %.0f ms "
                "from Submit)\n",
                ratio, median(column(brickrun, &Launch::rssMb)), ended, rounds,
                median(column(brickrun, &Launch::runMs)));
    return 0;
}
