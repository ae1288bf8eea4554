// SPDX-License-Identifier: Apache-2.0
// brickrun-cli against what a hostile or broken world sends it: signals from CI, answers no
// well-behaved service gives, limits on options (issue #14). The real binary, its stdout,
// stderr and exit codes; a scripted server in this process where the emulator cannot help.
#include "CliProcess.h"
#include "ScriptedHttpServer.h"
#include "TestTimeouts.h"
#include "store/Database.h"
#include "store/HistoryStore.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#ifdef Q_OS_UNIX
#include <sys/resource.h>
#include <sys/stat.h>
#endif

using Brickrun::Test::scaledTimeout;
using Brickrun::Test::ScriptedHttpServer;

namespace {
const QString Cli = QStringLiteral(BRICKRUN_CLI_PATH);
const QString FakeToken = QStringLiteral("dapi-test-cli-safety-0000");

using Run = Brickrun::Test::CliRun;
} // namespace

class tst_CliSafety : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_home;

    QProcessEnvironment environment(double speed = 50) const
    {
        return Brickrun::Test::demoEnvironment(m_home.path(), speed);
    }

    // Runs brickrun-cli while this process's event loop goes on (a scripted server answers).
    static Run run(const QStringList &args, const QProcessEnvironment &env, int timeoutMs = 60000)
    {
        return Brickrun::Test::runCli(args, env, {}, timeoutMs);
    }
    Run run(const QStringList &args) { return run(args, environment()); }

    // A standalone brickrun-emulator: its base URL, or empty.
    static QString startEmulator(QProcess &emulator, double speed, const QStringList &extra = {})
    {
        return Brickrun::Test::startEmulatorProcess(
            emulator, FakeToken,
            QStringList{QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--speed"),
                        QString::number(speed)} +
                extra);
    }
    QProcessEnvironment hostEnvironment(const QString &url) const
    {
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("DATABRICKS_HOST"), url);
        env.insert(QStringLiteral("DATABRICKS_TOKEN"), FakeToken);
        return env;
    }
    // GET /__admin/... of a standalone emulator.
    static QJsonObject admin(const QString &url, const QString &route)
    {
        QNetworkAccessManager nam;
        QNetworkRequest request(QUrl(url + QStringLiteral("/__admin/") + route));
        request.setRawHeader("Authorization", "Bearer " + FakeToken.toUtf8());
        QNetworkReply *reply = nam.get(request);
        [[maybe_unused]] const bool answered =
            QTest::qWaitFor([&] { return reply->isFinished(); }, scaledTimeout(10000));
        const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
        delete reply;
        return o;
    }
    static int cancelsSeen(const QString &url)
    {
        return admin(url, QStringLiteral("stats"))
            .value(QLatin1String("requests_by_route"))
            .toObject()
            .value(QLatin1String("runs/cancel"))
            .toInt();
    }
    static QStringList hostSubmit(const QString &notebook)
    {
        return {
            QStringLiteral("submit"),    QStringLiteral("--notebook"),   notebook,
            QStringLiteral("--cluster"), QStringLiteral("demo-cluster"), QStringLiteral("--json")};
    }
    static qint64 submittedRunId(const QByteArray &err)
    {
        const int at = int(err.indexOf("submitted run "));
        return at < 0 ? 0 : err.mid(at + 14, 20).split('\n').first().trimmed().toLongLong();
    }

    static QStringList demoSubmit(const QString &notebook)
    {
        return {QStringLiteral("submit"),     QStringLiteral("--demo"),
                QStringLiteral("--notebook"), notebook,
                QStringLiteral("--cluster"),  QStringLiteral("demo-cluster"),
                QStringLiteral("--json")};
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_home.isValid()); }

    // #11: Qt 6.4 timers take int milliseconds; 4,294,968 s fired after 0.7 s.
    void hugeTimeoutIsRefused()
    {
        QStringList args = demoSubmit(QStringLiteral("/Shared/Demo/slow_report"));
        args << QStringLiteral("--timeout") << QStringLiteral("4294968");
        const Run r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--timeout \"4294968\": at most 2592000 seconds"),
                 r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    // #17: resultState is null until the run has ended, whatever an answer carries.
    void timeoutJsonHasNoResultStateBeforeTheEnd()
    {
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        server.setFallback([](const ScriptedHttpServer::Request &req) {
            if (req.target.contains("runs/submit"))
                return ScriptedHttpServer::json(200, "{\"run_id\": 77}");
            if (req.target.contains("runs/get"))
                return ScriptedHttpServer::json(
                    200, "{\"run_id\": 77, \"state\": {\"life_cycle_state\": \"PENDING\", "
                         "\"result_state\": \"SUCCESS\", \"state_message\": \"\"}, \"tasks\": "
                         "[{\"run_id\": 78, \"task_key\": \"main\", \"state\": "
                         "{\"life_cycle_state\": \"PENDING\"}}]}");
            return ScriptedHttpServer::json(200, "{\"runs\": [], \"has_more\": false}");
        });
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("DATABRICKS_HOST"), QString::fromLatin1(server.baseUrl()));
        env.insert(QStringLiteral("DATABRICKS_TOKEN"), FakeToken);
        const Run r =
            run({QStringLiteral("submit"), QStringLiteral("--notebook"),
                 QStringLiteral("/Shared/x"), QStringLiteral("--cluster"), QStringLiteral("c-1"),
                 QStringLiteral("--timeout"), QStringLiteral("2"), QStringLiteral("--json")},
                env);
        QCOMPARE(r.exitCode, 5);
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QLatin1String("runId")).toInteger(), 77);
        QCOMPARE(o.value(QLatin1String("lifeCycleState")).toString(), QStringLiteral("PENDING"));
        QVERIFY2(o.value(QLatin1String("resultState")).isNull(), r.out.constData());
    }
    // #9: a state message (and a result) with escape sequences reaches no terminal raw.
    void serverTextCannotDriveTheTerminal()
    {
        const QString workspace = m_home.filePath(QStringLiteral("evil-workspace.json"));
        {
            QFile f(workspace);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(
                "{\"format_version\": 1, \"workspace_id\": 42, \"created_at\": 1735689600000, "
                "\"user\": {\"user_name\": \"me@example.com\", \"display_name\": \"Me\", \"id\": "
                "\"1\"}, \"clusters\": [{\"cluster_id\": \"demo-cluster\", \"cluster_name\": "
                "\"c\", \"state\": \"RUNNING\"}], \"objects\": [{\"path\": \"/Shared/evil\", "
                "\"object_type\": \"NOTEBOOK\", \"run\": {\"pending_seconds\": 0, "
                "\"running_seconds\": 1, \"terminating_seconds\": 0, \"state_message\": "
                "\"\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m\", \"result\": \"ok\\u001b[2J\"}}]}");
        }
        QProcess emulator;
        const QString url = startEmulator(emulator, 20, {QStringLiteral("--workspace"), workspace});
        QVERIFY2(url.startsWith(QLatin1String("http://")),
                 emulator.readAllStandardError().constData());
        const QProcessEnvironment env = hostEnvironment(url);
        QStringList args = hostSubmit(QStringLiteral("/Shared/evil"));
        args.removeAll(QStringLiteral("--json"));
        const Run human = run(args, env);
        QCOMPARE(human.exitCode, 0);
        QVERIFY2(human.err.contains("pwned") && human.out.contains("pwned"), human.err.constData());
        for (const QByteArray &text : {human.out, human.err}) {
            QVERIFY2(!text.contains('\x1b') && !text.contains('\x07'), text.toHex().constData());
            QVERIFY(!QString::fromUtf8(text).contains(QChar(0x9b)));
        }
        QVERIFY2(human.err.contains("\\u001b]0;pwned\\u0007"), human.err.constData());

        // JSON stays valid and carries the same text, escaped.
        const Run json = run(hostSubmit(QStringLiteral("/Shared/evil")), env);
        QCOMPARE(json.exitCode, 0);
        QVERIFY(!json.out.contains('\x1b') && !json.err.contains('\x1b'));
        QVERIFY(!QString::fromUtf8(json.out).contains(QChar(0x9b)));
        QCOMPARE(json.json().value(QLatin1String("stateMessage")).toString(),
                 QStringLiteral("\x1b]0;pwned\x07\x1b[2J") + QChar(0x9b) + QStringLiteral("31m"));
        emulator.terminate();
        QVERIFY(emulator.waitForFinished(5000));
    }

    // #9: a preset with a control character is refused on import, naming the field.
    void presetWithAControlCharacterIsRefused()
    {
        const QString file = m_home.filePath(QStringLiteral("evil-preset.json"));
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("{\"format\": \"brickrun-preset\", \"version\": 1, \"name\": \"evil\", "
                    "\"profile\": \"demo\", \"runName\": \"x\\u001b]0;pwned\\u0007\", "
                    "\"notebookPath\": \"/Shared/Demo/hello\", \"clusterId\": \"demo-cluster\", "
                    "\"parameters\": {\"p\": \"a\\u001b[2Jb\"}}");
        }
        const Run r = run({QStringLiteral("presets"), QStringLiteral("import"), file});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("runName: holds a control character"), r.err.constData());
        QVERIFY2(r.err.contains("parameters.p: holds a control character"), r.err.constData());
        QVERIFY(!r.err.contains('\x1b'));
        const Run list =
            run({QStringLiteral("presets"), QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY(!list.out.contains("evil"));
    }

#ifdef Q_OS_UNIX
    // #15: importing a FIFO waited for a writer for ever.
    void presetImportOfAFifoIsRefused()
    {
        const QByteArray fifo = m_home.filePath(QStringLiteral("presets.fifo")).toLocal8Bit();
        QCOMPARE(::mkfifo(fifo.constData(), 0600), 0);
        const Run r =
            run({QStringLiteral("presets"), QStringLiteral("import"), QString::fromLocal8Bit(fifo)},
                environment(), 15000);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("is not a regular file"), r.err.constData());
    }

    // #8: a full disk while the output is stored is an error (exit 4), and the run stays
    // resumable; never "the notebook did not call dbutils.notebook.exit".
    void outputThatCannotBeStoredIsAnError()
    {
        QCOMPARE(run({QStringLiteral("runs")}).exitCode, 0); // the history exists
        QProcess p;
        p.setProcessEnvironment(environment());
        // Files may grow to 1 MB: the run's records fit, its 6 MB output does not (EFBIG,
        // as on a full disk).
        p.setChildProcessModifier([] {
            ::signal(SIGXFSZ, SIG_IGN);
            const rlimit limit{1024 * 1024, 1024 * 1024};
            ::setrlimit(RLIMIT_FSIZE, &limit);
        });
        QStringList args = demoSubmit(QStringLiteral("/Shared/Demo/big_output"));
        args.removeAll(QStringLiteral("--json"));
        p.start(Cli, args);
        QVERIFY(p.waitForStarted());
        QVERIFY(QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; },
                                scaledTimeout(60000)));
        const QByteArray out = p.readAllStandardOutput();
        const QByteArray err = p.readAllStandardError();
        QCOMPARE(p.exitCode(), 4);
        QVERIFY2(err.contains("could not be stored") && err.contains("resume --demo"),
                 err.constData());
        QVERIFY2(!out.contains("dbutils.notebook.exit"), out.constData());

        const Run active =
            run({QStringLiteral("runs"), QStringLiteral("--active"), QStringLiteral("--profile"),
                 QStringLiteral("demo"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(active.out).array().size(), 1);
        const Run resumed =
            run({QStringLiteral("resume"), QStringLiteral("--demo"), QStringLiteral("--json")});
        QCOMPARE(resumed.exitCode, 0);
        QVERIFY(resumed.json().value(QLatin1String("notebookResult")).isString());
    }

    // #6: `runs` lists without reading the outputs' texts. 40 runs of 4 MB each (320 MB as
    // QStrings) cannot be read under a 160 MB data limit; a list of their summaries can.
    void runsListDoesNotLoadOutputs()
    {
#if defined(__SANITIZE_ADDRESS__)
        QSKIP("AddressSanitizer reserves far more memory than the limit this test sets");
#elif !defined(Q_OS_LINUX)
        QSKIP("RLIMIT_DATA bounds heap and anonymous mappings on Linux only");
#else
        QCOMPARE(run({QStringLiteral("runs")}).exitCode, 0); // the history file exists
        QString path;
        QDirIterator it(m_home.filePath(QStringLiteral("data")), {QStringLiteral("*.sqlite")},
                        QDir::Files, QDirIterator::Subdirectories);
        while (path.isEmpty() && it.hasNext())
            path = it.next();
        QVERIFY2(!path.isEmpty(), "brickrun-cli made no history file under XDG_DATA_HOME");
        constexpr int Runs = 40;
        {
            Brickrun::Database db(path);
            QString error;
            QVERIFY2(db.open(&error), qPrintable(error));
            Brickrun::HistoryStore history(&db);
            Brickrun::RunOutput output;
            output.hasNotebookResult = true;
            output.notebookResult = QString(4 * 1024 * 1024, QLatin1Char('x'));
            for (int i = 0; i < Runs; ++i) {
                Brickrun::RunRecord r;
                r.profile = QStringLiteral("big");
                r.host = QStringLiteral("https://adb-1.1.azuredatabricks.net");
                r.spec.runName = QStringLiteral("big %1").arg(i);
                r.spec.notebookPath = QStringLiteral("/Shared/big");
                r.spec.clusterId = QStringLiteral("c-1");
                r.spec.taskKey = QStringLiteral("main");
                r.idempotencyToken = QStringLiteral("token-%1").arg(i);
                const auto id = history.addPending(r);
                QVERIFY(id);
                QVERIFY(history.setSubmitted(id.value(), 1000 + i));
                output.taskRunId = 2000 + i;
                QVERIFY(history.setOutput(id.value(), output));
            }
        }
        QProcess p;
        p.setProcessEnvironment(environment());
        p.setChildProcessModifier([] {
            const rlimit limit{160 * 1024 * 1024, 160 * 1024 * 1024};
            ::setrlimit(RLIMIT_DATA, &limit);
        });
        p.start(Cli, {QStringLiteral("runs"), QStringLiteral("--profile"), QStringLiteral("big")});
        QVERIFY(p.waitForStarted());
        QVERIFY(QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; },
                                scaledTimeout(60000)));
        const QByteArray out = p.readAllStandardOutput();
        const QByteArray err = p.readAllStandardError();
        QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0,
                 qPrintable(QStringLiteral("exit status %1, code %2: %3")
                                .arg(int(p.exitStatus()))
                                .arg(p.exitCode())
                                .arg(QString::fromUtf8(err))));
        for (int i = 0; i < Runs; ++i)
            QVERIFY2(out.contains(QByteArray::number(1000 + i)), out.constData());
#endif
    }

    // #12: CI and `timeout` send SIGTERM; it must not cancel a production run.
    void sigtermLeavesTheRunGoing()
    {
        QProcess emulator;
        const QString url = startEmulator(emulator, 2);
        QVERIFY2(url.startsWith(QLatin1String("http://127.0.0.1:")), qPrintable(url));
        const QProcessEnvironment env = hostEnvironment(url);
        QProcess p;
        QByteArray err;
        QVERIFY(Brickrun::Test::startCliUntil(
            p, env, hostSubmit(QStringLiteral("/Shared/Demo/slow_report")), "RUNNING", &err));
        const qint64 runId = submittedRunId(err);
        QVERIFY2(runId > 0, err.constData());
        ::kill(pid_t(p.processId()), SIGTERM);
        QVERIFY(QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; },
                                scaledTimeout(10000)));
        err += p.readAllStandardError();
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 143);
        QVERIFY2(err.contains("goes on") && err.contains("resume"), err.constData());
        QCOMPARE(cancelsSeen(url), 0);

        const Run status =
            run({QStringLiteral("status"), QString::number(runId), QStringLiteral("--json")}, env);
        QCOMPARE(status.json().value(QLatin1String("lifeCycleState")).toString(),
                 QStringLiteral("RUNNING"));
        const Run active = run(
            {QStringLiteral("runs"), QStringLiteral("--active"), QStringLiteral("--json")}, env);
        QCOMPARE(active.exitCode, 0);
        QVERIFY2(
            active.out.contains(QByteArray(QByteArray("\"runId\":") + QByteArray::number(runId))),
            active.out.constData());
        emulator.terminate();
        QVERIFY(emulator.waitForFinished(5000));
    }

    // #16: two Ctrl-C back to back: what is printed about the cancel is what the service saw.
    void twoQuickCtrlCsSayWhatHappenedToTheCancel()
    {
        QProcess emulator;
        const QString url = startEmulator(emulator, 0.05); // the run cannot end by itself
        QVERIFY(!url.isEmpty());
        const QProcessEnvironment env = hostEnvironment(url);
        QProcess p;
        QByteArray err;
        QVERIFY(Brickrun::Test::startCliUntil(
            p, env, hostSubmit(QStringLiteral("/Shared/Demo/slow_report")), "submitted run", &err));
        const qint64 runId = submittedRunId(err);
        QVERIFY(runId > 0);
        ::kill(pid_t(p.processId()), SIGINT);
        // Two signals sent before the first is delivered are one: send the second the moment
        // the first is seen, while its cancel request is (most likely) still on its way.
        QVERIFY(Brickrun::Test::waitForStderr(p, "Ctrl-C", &err, 10000));
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; },
                                scaledTimeout(15000)));
        err += p.readAllStandardError();
        QCOMPARE(p.exitCode(), 130);
        const bool saysAccepted = err.contains("accepted the cancel");
        const bool saysNotCancelled = err.contains("NOT cancelled");
        QVERIFY2(saysAccepted != saysNotCancelled, err.constData());
        QVERIFY2(!err.contains("was asked to cancel"), err.constData());
        const Run status =
            run({QStringLiteral("status"), QString::number(runId), QStringLiteral("--json")}, env);
        const QString state = status.json().value(QLatin1String("lifeCycleState")).toString();
        if (saysAccepted) {
            QVERIFY(cancelsSeen(url) >= 1);
            QVERIFY2(state == QLatin1String("TERMINATING") || state == QLatin1String("TERMINATED"),
                     qPrintable(state));
        } else {
            QVERIFY2(state != QLatin1String("TERMINATED"), qPrintable(state));
        }
        emulator.terminate();
        QVERIFY(emulator.waitForFinished(5000));
    }
#endif
};

QTEST_GUILESS_MAIN(tst_CliSafety)
#include "tst_clisafety.moc"
