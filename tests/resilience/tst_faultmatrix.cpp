// SPDX-License-Identifier: Apache-2.0
// The fault matrix: every way the network and the service misbehave (issue 6), alone, at every
// step of the seed workflow (submit, poll = runs/get, output = runs/get-output, cancel), with
// the one run engine (RunMonitor, here without a history record) against the demo workspace
// over real loopback HTTP. Each row says what a user
// must end up with: the run's real outputs after silent retries (and exactly one run on the
// service: the submit faults are the "-after" kinds, so a resubmit would show as a second run),
// or a clear error of the right kind. The last rows run the real brickrun-cli against a
// standalone brickrun-emulator started with --faults and check exit codes and the retry lines.
#include "CliProcess.h"
#include "DemoNotebooks.h"
#include "Emulator.h"
#include "FaultPlan.h"
#include "TestTimeouts.h"
#include "api/JobsClient.h"
#include "store/Database.h"
#include "store/HistoryStore.h"
#include "workflow/RunMonitor.h"
#include "workflow/RunStore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace Brickrun;
using namespace std::chrono_literals;

namespace {

// Short enough for the matrix to run in seconds, long enough for a loaded CI machine (or a
// sanitizer build) to answer a normal request in time.
constexpr std::chrono::milliseconds TransferTimeout = 1500ms;
// A stall outlasts the transfer timeout (then the server closes the connection).
constexpr int StallMs = 2500;
constexpr double Speed = 200;      // hello takes ~6.5 simulated s: ~35 ms here
constexpr double CancelSpeed = 20; // slow_report runs 180 simulated s: 9 s here, time to cancel

const QString Hello = QStringLiteral("/Shared/Demo/hello");
const QString SlowReport = QStringLiteral("/Shared/Demo/slow_report");

RetryPolicy fastRetries()
{
    RetryPolicy p;
    p.maxAttempts = 6;
    p.baseDelay = 20ms;
    p.maxDelay = 200ms;
    p.maxJitter = 20ms;
    p.totalBudget = 15s;
    return p;
}

// What the user must end up with.
enum class Expect
{
    Recovers,          // retried silently; the run's real outputs (or CANCELED for cancel)
    CancelRefused,     // the cancel failed for good and the user is told; the run goes on
    CancelUnconfirmed, // the service cancelled but its answer was lost: told, and CANCELED
    AuthRefused,       // an authentication error, no retry of the 401
    RunVanished,       // the service no longer knows the run: "does not exist"
};

bool runIsGone(const ApiError &e)
{
    return e.kind == ApiError::Kind::Http &&
           (e.errorCode == QLatin1String("RESOURCE_DOES_NOT_EXIST") ||
            e.message.contains(QLatin1String("does not exist")));
}

} // namespace

class tst_FaultMatrix : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Emulator::Emulator> m_emulator;
    std::unique_ptr<Resilience::DemoNotebooks> m_notebooks;
    QTemporaryDir m_home;

    void startEmulator(double speed)
    {
        Emulator::EmulatorOptions o;
        o.speed = speed;
        o.token = QStringLiteral("dapi-test-faultmatrix");
        m_emulator = std::make_unique<Emulator::Emulator>(o);
        QString error;
        QVERIFY2(m_emulator->start(&error), qPrintable(error));
    }

    // The name the emulator counts the row's fault under.
    static QString faultName(const Emulator::FaultPlan &plan)
    {
        if (plan.revokeTokenAfter >= 0)
            return QStringLiteral("revoked-token");
        if (!plan.deleteRuns.isEmpty() || plan.deleteNextRuns > 0)
            return QStringLiteral("run-deleted");
        for (const Emulator::RouteFaults &r : plan.routes) {
            if (!r.sequence.isEmpty())
                return r.sequence.first().name();
        }
        return QString();
    }

    static void addRows(const char *step, const QString &route, bool after)
    {
        const QString a = after ? QStringLiteral("-after") : QString();
        const QString r = route + QLatin1Char(':');
        const bool cancel = route == QLatin1String("runs/cancel");
        // A cancel is retried only when the service says it did not act (429, 503): anything
        // else may have cancelled, so it is reported instead of repeated.
        const Expect notRetried = cancel ? Expect::CancelRefused : Expect::Recovers;
        const Expect processed = cancel ? Expect::CancelUnconfirmed : Expect::Recovers;
        const auto row = [step](const char *fault, const QString &plan, Expect expect) {
            QTest::addRow("%s/%s", step, fault) << QString::fromLatin1(step) << plan << int(expect);
        };
        row("503", r + QStringLiteral("503") + a, Expect::Recovers);
        row("429 Retry-After", r + QStringLiteral("429") + a + QStringLiteral("@retry=1"),
            Expect::Recovers);
        row("500", r + QStringLiteral("500") + a, notRetried);
        row("502 HTML page", r + QStringLiteral("html502") + a, notRetried);
        // Qt 6.4 sends a request again by itself, up to twice and for a POST too, when the
        // connection closes before any answer (how often depends on timing): five resets make
        // the client see at least one, and leave it an attempt that succeeds.
        row("reset before answer", r + QStringLiteral("reset") + a + QStringLiteral("x5"),
            notRetried);
        row("reset during body", r + QStringLiteral("reset-body"), processed);
        row("stall past timeout",
            r + QStringLiteral("stall") + a + QStringLiteral("@ms=%1").arg(StallMs), notRetried);
        row("truncated JSON", r + QStringLiteral("truncated"), processed);
        row("malformed JSON", r + QStringLiteral("malformed") + a, notRetried);
        row("login page", r + QStringLiteral("login") + a, notRetried);
        row("token revoked", QStringLiteral("revoke-token-after=0"), Expect::AuthRefused);
        row("run deleted",
            route == QLatin1String("runs/submit") ? QStringLiteral("delete-run=next")
                                                  : QStringLiteral("delete-run={run}"),
            Expect::RunVanished);
    }

    // GET /__admin/stats of a standalone emulator.
    static QJsonObject adminStats(const QString &baseUrl, const QString &adminToken)
    {
        QNetworkAccessManager nam;
        QNetworkRequest request(QUrl(baseUrl + QStringLiteral("/__admin/stats")));
        request.setRawHeader("Authorization", "Bearer " + adminToken.toUtf8());
        request.setTransferTimeout(Test::scaledTimeout(10000));
        QNetworkReply *reply = nam.get(request);
        [[maybe_unused]] const bool done =
            QTest::qWaitFor([reply] { return reply->isFinished(); }, Test::scaledTimeout(15000));
        const QJsonObject stats = QJsonDocument::fromJson(reply->readAll()).object();
        delete reply;
        return stats;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        m_notebooks = std::make_unique<Resilience::DemoNotebooks>(
            QStringLiteral(BRICKRUN_SOURCE_DIR "/resources/demo-workspace.json"));
        QVERIFY(m_notebooks->isValid());
        QVERIFY(m_notebooks->contains(Hello) && m_notebooks->contains(SlowReport));
    }
    void cleanup() { m_emulator.reset(); }

    void faultAtStep_data()
    {
        QTest::addColumn<QString>("step");
        QTest::addColumn<QString>("plan"); // the fault plan's text form; {run} = the run id
        QTest::addColumn<int>("expect");
        addRows("submit", QStringLiteral("runs/submit"), true);
        addRows("poll", QStringLiteral("runs/get"), false);
        addRows("output", QStringLiteral("runs/get-output"), false);
        addRows("cancel", QStringLiteral("runs/cancel"), false);
    }
    void faultAtStep()
    {
        QFETCH(QString, step);
        QFETCH(QString, plan);
        QFETCH(int, expect);
        const Expect expected = Expect(expect);
        const bool cancelStep = step == QLatin1String("cancel");
        const QString notebook = cancelStep ? SlowReport : Hello;

        QString parseError;
        const auto parsed = Emulator::FaultPlan::parse(
            QString(plan).replace(QLatin1String("{run}"), QStringLiteral("1")), &parseError);
        QVERIFY2(parsed, qPrintable(parseError));
        const QString fault = faultName(*parsed);

        const double speed = cancelStep ? CancelSpeed : Speed;
        startEmulator(speed);
        QNetworkAccessManager nam;
        HttpTransport transport(&nam);
        transport.setEndpoint(QUrl(m_emulator->baseUrl()), m_emulator->token());
        transport.setRetryPolicy(fastRetries());
        transport.setTransferTimeout(TransferTimeout);
        JobsClient client(&transport);
        // The one run engine, following the run without a history record.
        MemoryRunStore store;
        RunMonitor monitor(&store, [&client](const RunRecord &) { return &client; });
        PollPolicy poll;
        poll.timeScale = speed;
        monitor.setPollPolicy(poll);

        bool planSet = false;
        const auto setPlan = [&](qint64 runId) {
            planSet = true;
            QString text = plan;
            text.replace(QLatin1String("{run}"), QString::number(runId));
            m_emulator->setFaultPlan(*Emulator::FaultPlan::parse(text));
        };
        bool ended = false;
        QList<RunOutput> outputs;
        ApiError outputError;
        connect(&monitor, &RunMonitor::runEnded, this, [&ended] { ended = true; });
        connect(&monitor, &RunMonitor::outputsRead, this,
                [&](qint64, const RunInfo &, const QList<RunOutput> &read, const ApiError &e) {
                    outputs = read;
                    outputError = e;
                });
        QSignalSpy retrying(&transport, &HttpTransport::retrying);
        QSignalSpy cancelSent(&monitor, &RunMonitor::cancelSent);
        QSignalSpy cancelFailed(&monitor, &RunMonitor::cancelFailed);
        QSignalSpy authFailed(&monitor, &RunMonitor::authenticationFailed);

        // The fault is in force from the moment its step is about to happen: each change of the
        // record is stored (and signalled) before the engine's next request goes out.
        connect(&monitor, &RunMonitor::runChanged, this, [&](qint64 id) {
            const auto r = store.record(id);
            if (planSet || !r || r->runId <= 0)
                return;
            // poll: the run id is known, the next request is a runs/get; output: get-output is
            // sent right after this signal.
            if (step == QLatin1String("poll") ||
                (step == QLatin1String("output") && r->state.isTerminal())) {
                setPlan(r->runId);
            } else if (cancelStep && r->state.lifeCycleState == QLatin1String("RUNNING")) {
                setPlan(r->runId);
                monitor.cancel(id);
            }
        });
        if (cancelStep) {
            // A refused cancel leaves the run going: let it end now rather than in 9 s.
            connect(&monitor, &RunMonitor::cancelFailed, this,
                    [&] { m_emulator->advanceSimulatedTime(10 * 60 * 1000); });
        }
        RunRecord record;
        record.profile = QStringLiteral("matrix");
        record.host = m_emulator->baseUrl();
        record.spec.notebookPath = notebook;
        record.spec.clusterId = QStringLiteral("demo-cluster");
        record.spec.runName = QStringLiteral("fault matrix");
        const RunSpec &spec = record.spec;
        if (step == QLatin1String("submit"))
            setPlan(0);
        const qint64 id = monitor.submit(record);
        QVERIFY(id > 0);

        // The run ends, or (a refused token) the engine pauses it.
        QVERIFY2(QTest::qWaitFor([&] { return ended || !authFailed.isEmpty(); },
                                 Test::scaledTimeout(30000)),
                 "the run was not followed to an end: a hang");
        QVERIFY2(planSet, "the step was never reached");
        // A fault is counted once its answer is done: a stall only when it gives up.
        QVERIFY2(QTest::qWaitFor([&] { return m_emulator->stats().faultsByKind.value(fault) >= 1; },
                                 Test::scaledTimeout(StallMs + 3000)),
                 qPrintable(QStringLiteral("the fault %1 never happened").arg(fault)));
        const Emulator::EmulatorStats stats = m_emulator->stats();
        const RunRecord o = *store.record(id);
        const QString seen =
            QStringLiteral("%1, error: %2")
                .arg(o.runId > 0 ? o.state.summary() : QStringLiteral("no state"), o.lastError);
        const RunOutput *primaryOutput = o.hasOutput ? &o.output : nullptr;

        // Never a second run, whatever happened to the submit's answer.
        QCOMPARE(m_emulator->createdRunCount(),
                 expected == Expect::AuthRefused && step == QLatin1String("submit") ? 0 : 1);
        if (step == QLatin1String("submit") && expected == Expect::Recovers)
            QVERIFY2(stats.requestsByRoute.value(QStringLiteral("runs/submit")) >= 2,
                     "the submit was not sent again");

        switch (expected) {
        case Expect::Recovers:
            QVERIFY2(o.tracking == RunRecord::Tracking::Finished && o.lastError.isEmpty() &&
                         !outputError.isError(),
                     qPrintable(seen));
            QVERIFY2(!retrying.isEmpty(), "the client did not notice the fault");
            if (cancelStep) {
                QCOMPARE(o.state.summary(), QStringLiteral("TERMINATED CANCELED"));
                QCOMPARE(cancelSent.size(), 1);
                QCOMPARE(cancelFailed.size(), 0);
            } else {
                QVERIFY(primaryOutput);
                QCOMPARE(outputs.size(), 1);
                const QString diff =
                    m_notebooks->compare(notebook, spec.parameters, o.state, *primaryOutput);
                QVERIFY2(diff.isEmpty(), qPrintable(diff));
            }
            if (plan.contains(QLatin1String("retry=1"))) { // Retry-After is honoured
                std::chrono::milliseconds longest{0};
                for (const QList<QVariant> &args : qAsConst(retrying))
                    longest = std::max(longest, args.at(2).value<std::chrono::milliseconds>());
                QVERIFY2(longest >= 1000ms, qPrintable(QString::number(longest.count())));
            }
            break;
        case Expect::CancelRefused:
        case Expect::CancelUnconfirmed: {
            // The user is told the cancel may not have happened; the run is followed to its
            // real end, whatever the service did.
            QVERIFY2(o.tracking == RunRecord::Tracking::Finished && o.lastError.isEmpty(),
                     qPrintable(seen));
            QCOMPARE(cancelFailed.size(), 1);
            QCOMPARE(cancelSent.size(), 0);
            QCOMPARE(cancelFailed.first().first().toLongLong(), id);
            const ApiError why = cancelFailed.first().at(1).value<ApiError>();
            QVERIFY(why.isError() && !why.toString().isEmpty());
            if (expected == Expect::CancelUnconfirmed) {
                QCOMPARE(o.state.summary(), QStringLiteral("TERMINATED CANCELED"));
            } else {
                QVERIFY(primaryOutput);
                const QString diff =
                    m_notebooks->compare(notebook, spec.parameters, o.state, *primaryOutput);
                QVERIFY2(diff.isEmpty(), qPrintable(diff));
            }
            // Not retried: a cancel that may have acted is never sent twice blindly.
            for (const QList<QVariant> &args : qAsConst(retrying))
                QVERIFY2(args.at(0).toString() != QLatin1String("runs/cancel"),
                         "the cancel was retried");
            break;
        }
        case Expect::AuthRefused: {
            // The engine pauses the profile's runs and keeps this one (with its run id, when it
            // has one) for when a new token is stored; it never ends it for a refused token.
            QVERIFY2(!authFailed.isEmpty(), qPrintable(seen));
            QCOMPARE(authFailed.first().first().toString(), record.profile);
            QVERIFY(authFailed.first().at(1).value<ApiError>().isAuthentication());
            QVERIFY2(!ended && o.isActive() && monitor.isTracking(id), qPrintable(seen));
            QCOMPARE(o.runId > 0, step != QLatin1String("submit"));
            if (step == QLatin1String("output")) // the run itself is known to have ended
                QVERIFY2(o.state.isTerminal() && !o.hasOutput, qPrintable(seen));
            for (const QList<QVariant> &args : qAsConst(retrying))
                QVERIFY2(!args.at(1).value<ApiError>().isAuthentication(), "a 401 was retried");
            break;
        }
        case Expect::RunVanished:
            QVERIFY(o.runId > 0);
            QVERIFY2(o.lastError.contains(QLatin1String("does not exist")), qPrintable(seen));
            if (step == QLatin1String("output")) {
                // The run had ended: it is finished without output; what was last known is kept.
                QVERIFY2(runIsGone(outputError), qPrintable(outputError.toString()));
                QCOMPARE(int(o.tracking), int(RunRecord::Tracking::Finished));
                QVERIFY2(o.state.isTerminal() && !o.hasOutput, qPrintable(seen));
            } else {
                QCOMPARE(int(o.tracking), int(RunRecord::Tracking::Vanished));
            }
            break;
        }
        nam.clearConnectionCache();
    }

    // The permanent faults with the RunMonitor (the desktop program's and the CLI's loop over a
    // SQLite history): a refused token pauses the profile and keeps the run, which goes on
    // (same idempotency token, output included) once a new token is stored; a deleted run is
    // marked as vanished with what was last known.
    void monitor_data()
    {
        QTest::addColumn<QString>("step");
        QTest::addColumn<QString>("plan");
        QTest::addRow("submit/token revoked") << "submit"
                                              << "revoke-token-after=0";
        QTest::addRow("poll/token revoked") << "poll"
                                            << "revoke-token-after=0";
        QTest::addRow("output/token revoked") << "output"
                                              << "revoke-token-after=0";
        QTest::addRow("poll/run deleted") << "poll"
                                          << "delete-run={run}";
    }
    void monitor()
    {
        QFETCH(QString, step);
        QFETCH(QString, plan);
        const bool deleted = plan.startsWith(QLatin1String("delete-run"));
        // A poll step's fault (the run deleted, the token revoked) comes after a poll saw the
        // run running, so it must still be running then: at speed 1 hello runs for 8 real
        // seconds, which no busy machine's first poll misses (at Speed it ends in ~35 ms, and a
        // late first poll saw it ended: no fault was ever set).
        const double speed = step == QLatin1String("poll") ? 1.0 : Speed;
        startEmulator(speed);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Database database(dir.filePath(QStringLiteral("history.sqlite")));
        QString error;
        QVERIFY2(database.open(&error), qPrintable(error));
        HistoryStore history(&database);
        QNetworkAccessManager nam;
        HttpTransport transport(&nam);
        transport.setEndpoint(QUrl(m_emulator->baseUrl()), m_emulator->token());
        transport.setRetryPolicy(fastRetries());
        transport.setTransferTimeout(TransferTimeout);
        JobsClient client(&transport);
        RunMonitor monitor(&history, [&client](const RunRecord &) { return &client; });
        PollPolicy poll;
        poll.timeScale = speed;
        monitor.setPollPolicy(poll);
        QSignalSpy authFailed(&monitor, &RunMonitor::authenticationFailed);
        QSignalSpy ended(&monitor, &RunMonitor::runEnded);

        bool planSet = false;
        const auto setPlan = [&](qint64 runId) {
            planSet = true;
            m_emulator->setFaultPlan(*Emulator::FaultPlan::parse(
                QString(plan).replace(QLatin1String("{run}"), QString::number(runId))));
        };
        connect(&monitor, &RunMonitor::runChanged, this, [&](qint64 id) {
            const auto r = history.record(id);
            if (planSet || !r)
                return;
            if ((step == QLatin1String("poll") && r->runId > 0 && !r->state.isTerminal() &&
                 !r->state.lifeCycleState.isEmpty()) ||
                (step == QLatin1String("output") && r->state.isTerminal()))
                setPlan(r->runId); // the next request is the step's
        });
        if (step == QLatin1String("submit"))
            setPlan(0);
        RunRecord record;
        record.profile = QStringLiteral("matrix");
        record.host = m_emulator->baseUrl();
        record.spec.notebookPath = Hello;
        record.spec.clusterId = QStringLiteral("demo-cluster");
        record.spec.runName = QStringLiteral("fault matrix");
        const qint64 id = monitor.submit(record, &error);
        QVERIFY2(id > 0, qPrintable(error));

        if (deleted) {
            QVERIFY2(QTest::qWaitFor([&] { return !ended.isEmpty(); }, Test::scaledTimeout(20000)),
                     "a hang");
            const auto r = history.record(id);
            QCOMPARE(int(r->tracking), int(RunRecord::Tracking::Vanished));
            QVERIFY2(r->lastError.contains(QLatin1String("does not exist")),
                     qPrintable(r->lastError));
            QVERIFY(!r->state.lifeCycleState.isEmpty()); // what was last known is kept
            QCOMPARE(m_emulator->createdRunCount(), 1);
            return;
        }

        QVERIFY2(QTest::qWaitFor([&] { return !authFailed.isEmpty(); }, Test::scaledTimeout(20000)),
                 "the refused token was not reported");
        QCOMPARE(authFailed.first().at(0).toString(), record.profile);
        QVERIFY(authFailed.first().at(1).value<ApiError>().isAuthentication());
        QTest::qWait(200); // paused: nothing more happens, the run is kept
        QVERIFY(ended.isEmpty());
        QVERIFY(monitor.isTracking(id));
        QVERIFY(monitor.pausedProfiles().contains(record.profile));
        auto r = history.record(id);
        QVERIFY(r && r->isActive() && !r->hasOutput);
        const int requestsWhilePaused = m_emulator->stats().requests;
        QTest::qWait(200);
        QCOMPARE(m_emulator->stats().requests, requestsWhilePaused); // no polling without a token

        // A new token is stored: the run goes on where it stopped.
        m_emulator->setToken(QStringLiteral("dapi-test-faultmatrix-new"));
        transport.setEndpoint(QUrl(m_emulator->baseUrl()), m_emulator->token());
        monitor.resume(record.profile);
        QVERIFY2(QTest::qWaitFor([&] { return !ended.isEmpty(); }, Test::scaledTimeout(20000)),
                 "a hang");
        r = history.record(id);
        QVERIFY2(r->tracking == RunRecord::Tracking::Finished && r->hasOutput,
                 qPrintable(r->lastError));
        const QString diff = m_notebooks->compare(Hello, {}, r->state, r->output);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(m_emulator->createdRunCount(), 1);
        QCOMPARE(authFailed.size(), 1);
        nam.clearConnectionCache();
    }

    // The real brickrun-cli against a standalone brickrun-emulator started with --faults.
    void cli_data()
    {
        QTest::addColumn<QString>("faults");
        QTest::addColumn<QString>("retryBudget"); // BRICKRUN_RETRY_BUDGET, seconds
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<int>("retryLines");     // at least this many "retrying in … s" lines
        QTest::addColumn<QString>("retryCause"); // what those lines must name

        QTest::newRow("poll 503 then fine") << "runs/get:503"
                                            << "60" << 0 << 1 << "503";
        QTest::newRow("submit 503 after creating the run") << "runs/submit:503-after"
                                                           << "60" << 0 << 1 << "503";
        QTest::newRow("output 502 page") << "runs/get-output:html502"
                                         << "60" << 0 << 1 << "502";
        QTest::newRow("token revoked mid-run") << "revoke-token-after=2"
                                               << "60" << 3 << 0 << "";
        QTest::newRow("service down, no retries") << "runs/submit:503x100"
                                                  << "0" << 4 << 0 << "";
        QTest::newRow("service down past the budget") << "runs/get:503x100"
                                                      << "2" << 4 << 1 << "503";
    }
    void cli()
    {
        QFETCH(QString, faults);
        QFETCH(QString, retryBudget);
        QFETCH(int, exitCode);
        QFETCH(int, retryLines);
        QFETCH(QString, retryCause);
        const QString token = QStringLiteral("dapi-test-faultmatrix-cli");

        QProcess emulator;
        const QString url = Test::startEmulatorProcess(
            emulator, token,
            {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--speed"),
             QStringLiteral("100"), QStringLiteral("--faults"), faults});
        QVERIFY2(url.startsWith(QStringLiteral("http://127.0.0.1:")), qPrintable(url));

        QProcessEnvironment env = Test::isolatedEnvironment(m_home.path());
        env.insert(QStringLiteral("DATABRICKS_HOST"), url);
        env.insert(QStringLiteral("DATABRICKS_TOKEN"), token);
        env.insert(QStringLiteral("BRICKRUN_RETRY_BUDGET"), retryBudget);
        const Test::CliRun r = Test::runCli(
            {QStringLiteral("submit"), QStringLiteral("--notebook"), Hello,
             QStringLiteral("--cluster"), QStringLiteral("demo-cluster"), QStringLiteral("--json")},
            env);
        const QJsonObject stats = adminStats(url, token);
        emulator.terminate();
        QVERIFY(emulator.waitForFinished(Test::scaledTimeout(10000)));

        const QString err = QString::fromUtf8(r.err);
        QVERIFY2(r.exitCode == exitCode,
                 qPrintable(QStringLiteral("exit %1, expected %2; stderr:\n%3")
                                .arg(r.exitCode)
                                .arg(exitCode)
                                .arg(err)));
        QVERIFY(!r.out.contains(token.toUtf8()) && !r.err.contains(token.toUtf8()));
        static const QRegularExpression retryLine(
            QStringLiteral("^.*retrying in [0-9]+(\\.[0-9]+)? s.*$"),
            QRegularExpression::MultilineOption);
        int lines = 0;
        for (auto it = retryLine.globalMatch(err); it.hasNext();) {
            const QString line = it.next().captured(0);
            ++lines;
            QVERIFY2(
                line.contains(retryCause, Qt::CaseInsensitive),
                qPrintable(QStringLiteral("\"%1\" does not say why (%2)").arg(line, retryCause)));
        }
        QVERIFY2(lines >= retryLines, qPrintable(err));
        if (retryLines == 0 && exitCode != 0)
            QVERIFY2(err.contains(QLatin1String("error")), qPrintable(err));
        // Never a second run, and the outputs are the notebook's.
        QVERIFY2(stats.value(QLatin1String("created_runs")).toInt() <= 1,
                 qPrintable(QString::fromUtf8(QJsonDocument(stats).toJson())));
        if (exitCode == 0) {
            QCOMPARE(stats.value(QLatin1String("created_runs")).toInt(), 1);
            const QJsonObject out = QJsonDocument::fromJson(r.out).object();
            RunState state;
            state.lifeCycleState = out.value(QLatin1String("lifeCycleState")).toString();
            state.resultState = out.value(QLatin1String("resultState")).toString();
            RunOutput output;
            output.hasNotebookResult = out.value(QLatin1String("notebookResult")).isString();
            output.notebookResult = out.value(QLatin1String("notebookResult")).toString();
            output.error = out.value(QLatin1String("error")).toString();
            const QString diff = m_notebooks->compare(Hello, {}, state, output);
            QVERIFY2(diff.isEmpty(), qPrintable(diff));
        }
    }
};

QTEST_GUILESS_MAIN(tst_FaultMatrix)
#include "tst_faultmatrix.moc"
