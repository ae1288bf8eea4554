// SPDX-License-Identifier: Apache-2.0
// brickrun-cli as a script would use it: the real binary, its stdout, stderr and exit codes,
// against the demo workspace (in-process) and a standalone brickrun-emulator over loopback.
#include "CliProcess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {
const QString Cli = QStringLiteral(BRICKRUN_CLI_PATH);
const QString FakeToken = QStringLiteral("dapi-test-cli-0000");

using Run = Brickrun::Test::CliRun;
} // namespace

class tst_Cli : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_home;

    QProcessEnvironment environment(double speed = 50) const
    {
        return Brickrun::Test::demoEnvironment(m_home.path(), speed);
    }

    static Run run(const QStringList &args, const QProcessEnvironment &env)
    {
        return Brickrun::Test::runCli(args, env);
    }
    Run run(const QStringList &args) { return run(args, environment()); }

    static QStringList submit(const QString &notebook)
    {
        return {QStringLiteral("submit"),     QStringLiteral("--demo"),
                QStringLiteral("--notebook"), notebook,
                QStringLiteral("--cluster"),  QStringLiteral("demo-cluster"),
                QStringLiteral("--json")};
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_home.isValid()); }

    void helpAndVersion()
    {
        const Run help = run({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("brickrun-cli submit (--demo | --host URL | --profile NAME)"));
        QVERIFY(help.out.contains("Exit codes"));
        // Each heading once (Qt's own "Usage: PATH [options]" line is not added to ours).
        QCOMPARE(help.out.count("Usage:"), 1);
        QCOMPARE(help.out.count("Options:"), 1);
        QVERIFY(help.out.contains("--notebook <PATH>"));
        const Run version = run({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith("brickrun-cli " BRICKRUN_VERSION));
    }

    void everyDemoNotebook_data()
    {
        QTest::addColumn<QString>("notebook");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("lifeCycleState");
        QTest::addColumn<QVariant>("resultState");
        QTest::addColumn<bool>("hasResult");
        QTest::addColumn<bool>("hasError");
        QTest::addColumn<bool>("truncated");
        const QVariant none;
        QTest::newRow("hello") << "/Shared/Demo/hello" << 0 << "TERMINATED"
                               << QVariant(QStringLiteral("SUCCESS")) << true << false << false;
        QTest::newRow("failing") << "/Shared/Demo/failing" << 1 << "TERMINATED"
                                 << QVariant(QStringLiteral("FAILED")) << false << true << false;
        QTest::newRow("echo_params")
            << "/Shared/Demo/echo_params" << 0 << "TERMINATED"
            << QVariant(QStringLiteral("SUCCESS")) << true << false << false;
        QTest::newRow("big_output") << "/Shared/Demo/big_output" << 0 << "TERMINATED"
                                    << QVariant(QStringLiteral("SUCCESS")) << true << false << true;
        QTest::newRow("no_exit") << "/Shared/Demo/no_exit" << 0 << "TERMINATED"
                                 << QVariant(QStringLiteral("SUCCESS")) << false << false << false;
        QTest::newRow("internal_error")
            << "/Shared/Demo/internal_error" << 1 << "INTERNAL_ERROR"
            << QVariant(QStringLiteral("FAILED")) << false << true << false;
        QTest::newRow("skipped") << "/Shared/Demo/skipped" << 1 << "SKIPPED" << none << false
                                 << false << false;
        QTest::newRow("slow_report")
            << "/Shared/Demo/slow_report" << 0 << "TERMINATED"
            << QVariant(QStringLiteral("SUCCESS")) << true << false << false;
    }
    void everyDemoNotebook()
    {
        QFETCH(QString, notebook);
        QFETCH(int, exitCode);
        QFETCH(QString, lifeCycleState);
        QFETCH(QVariant, resultState);
        QFETCH(bool, hasResult);
        QFETCH(bool, hasError);
        QFETCH(bool, truncated);
        const Run r = run(submit(notebook), environment(100));
        QCOMPARE(r.exitCode, exitCode);
        // stdout holds exactly one JSON object with every output named.
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &parseError);
        QVERIFY2(parseError.error == QJsonParseError::NoError && doc.isObject(),
                 r.out.left(300).constData());
        const QJsonObject o = doc.object();
        for (const char *key :
             {"runId", "resultState", "notebookResult", "error", "errorTrace", "lifeCycleState",
              "stateMessage", "runPageUrl", "taskRunId", "truncated"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        QVERIFY(o.value(QLatin1String("runId")).toInteger() > 0);
        QVERIFY(o.value(QLatin1String("taskRunId")).toInteger() > 0);
        QVERIFY(o.value(QLatin1String("taskRunId")) != o.value(QLatin1String("runId")));
        QCOMPARE(o.value(QLatin1String("lifeCycleState")).toString(), lifeCycleState);
        if (resultState.isValid())
            QCOMPARE(o.value(QLatin1String("resultState")).toString(), resultState.toString());
        else
            QVERIFY(o.value(QLatin1String("resultState")).isNull());
        QCOMPARE(o.value(QLatin1String("notebookResult")).isString(), hasResult);
        QCOMPARE(o.value(QLatin1String("error")).isString(), hasError);
        QCOMPARE(o.value(QLatin1String("errorTrace")).isString(), hasError);
        QCOMPARE(o.value(QLatin1String("truncated")).toBool(), truncated);
        QVERIFY(o.value(QLatin1String("runPageUrl"))
                    .toString()
                    .contains(QString::number(o.value(QLatin1String("runId")).toInteger())));
        // Progress went to stderr: one line per state change, with the elapsed time.
        QVERIFY2(r.err.contains("submitted run"), r.err.constData());
        QVERIFY2(QRegularExpression(QStringLiteral("\\[\\s*\\d+\\.\\ds\\] run \\d+: "))
                     .match(QString::fromUtf8(r.err))
                     .hasMatch(),
                 r.err.constData());
        QVERIFY(r.err.contains(lifeCycleState.toUtf8()));
    }

    void hellosResultIsItsRecords()
    {
        const Run r = run(submit(QStringLiteral("/Shared/Demo/hello")));
        const QJsonDocument records = QJsonDocument::fromJson(
            r.json().value(QLatin1String("notebookResult")).toString().toUtf8());
        QVERIFY(records.isArray());
        QVERIFY(records.array().size() >= 2);
        QVERIFY(records.array().first().isObject());
    }

    void readableSummaryWithoutJson()
    {
        QStringList args = submit(QStringLiteral("/Shared/Demo/failing"));
        args.removeAll(QStringLiteral("--json"));
        const Run r = run(args);
        QCOMPARE(r.exitCode, 1);
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.contains(QStringLiteral("TERMINATED FAILED")), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("Error:")));
        QVERIFY(out.contains(QStringLiteral("Trace:")));
        QVERIFY(!out.contains(QStringLiteral("[ "))); // no progress lines on stdout
    }

    void parametersReachTheNotebook()
    {
        QStringList args = submit(QStringLiteral("/Shared/Demo/echo_params"));
        args << QStringLiteral("--param") << QStringLiteral("date=2026-11-26")
             << QStringLiteral("--param") << QStringLiteral("expr=a=b");
        const Run r = run(args);
        QCOMPARE(r.exitCode, 0);
        const QJsonObject params =
            QJsonDocument::fromJson(
                r.json().value(QLatin1String("notebookResult")).toString().toUtf8())
                .object();
        QCOMPARE(params.value(QLatin1String("date")).toString(), QStringLiteral("2026-11-26"));
        QCOMPARE(params.value(QLatin1String("expr")).toString(), QStringLiteral("a=b"));
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString n = QStringLiteral("--notebook"), c = QStringLiteral("--cluster"),
                      d = QStringLiteral("--demo");
        QTest::newRow("no command") << QStringList{} << "no command given";
        QTest::newRow("unknown command")
            << QStringList{QStringLiteral("launch")} << "unknown command \"launch\"";
        QTest::newRow("relative notebook")
            << QStringList{QStringLiteral("submit"),   d, n,
                           QStringLiteral("Shared/x"), c, QStringLiteral("demo-cluster")}
            << "notebook path: must be absolute";
        QTest::newRow("missing cluster")
            << QStringList{QStringLiteral("submit"), d, n, QStringLiteral("/a")}
            << "--cluster: missing";
        QTest::newRow("bad cluster id")
            << QStringList{QStringLiteral("submit"), d, n,
                           QStringLiteral("/a"),     c, QStringLiteral("a b")}
            << "cluster: \"a b\" is not a cluster id";
        QTest::newRow("bad param") << QStringList{QStringLiteral("submit"),
                                                  d,
                                                  n,
                                                  QStringLiteral("/a"),
                                                  c,
                                                  QStringLiteral("x"),
                                                  QStringLiteral("--param"),
                                                  QStringLiteral("novalue")}
                                   << "--param \"novalue\": expected KEY=VALUE";
        QTest::newRow("duplicate param") << QStringList{QStringLiteral("submit"),
                                                        d,
                                                        n,
                                                        QStringLiteral("/a"),
                                                        c,
                                                        QStringLiteral("x"),
                                                        QStringLiteral("--param"),
                                                        QStringLiteral("k=1"),
                                                        QStringLiteral("--param"),
                                                        QStringLiteral("k=2")}
                                         << "\"k\" is given twice";
        QTest::newRow("bad timeout") << QStringList{QStringLiteral("submit"),
                                                    d,
                                                    n,
                                                    QStringLiteral("/a"),
                                                    c,
                                                    QStringLiteral("x"),
                                                    QStringLiteral("--timeout"),
                                                    QStringLiteral("0")}
                                     << "--timeout \"0\"";
        QTest::newRow("demo and host")
            << QStringList{QStringLiteral("status"), QStringLiteral("1"), d,
                           QStringLiteral("--host"), QStringLiteral("https://x.example.com")}
            << "--demo, --host and --profile: choose one";
        QTest::newRow("no workspace")
            << QStringList{QStringLiteral("status"), QStringLiteral("1")} << "no workspace";
        QTest::newRow("token argument")
            << QStringList{QStringLiteral("status"), QStringLiteral("1"), d,
                           QStringLiteral("--token"), FakeToken}
            << "tokens are not accepted on the command line";
        QTest::newRow("plain http")
            << QStringList{QStringLiteral("status"), QStringLiteral("1"), QStringLiteral("--host"),
                           QStringLiteral("http://adb-1.2.azuredatabricks.net")}
            << "plain http";
        QTest::newRow("no token") << QStringList{QStringLiteral("status"), QStringLiteral("1"),
                                                 QStringLiteral("--host"),
                                                 QStringLiteral(
                                                     "https://adb-1.2.azuredatabricks.net")}
                                  << "no token: set DATABRICKS_TOKEN";
        QTest::newRow("bad run id")
            << QStringList{QStringLiteral("status"), QStringLiteral("abc"), d} << "RUN_ID \"abc\"";
        QTest::newRow("submit option on status")
            << QStringList{QStringLiteral("status"), QStringLiteral("1"), d, n,
                           QStringLiteral("/a")}
            << "--notebook is only for submit";
        QTest::newRow("unknown cluster") << QStringList{QStringLiteral("submit"),
                                                        d,
                                                        n,
                                                        QStringLiteral("/Shared/Demo/hello"),
                                                        c,
                                                        QStringLiteral("no-such-cluster")}
                                         << "no-such-cluster";
        QTest::newRow("unknown notebook") << QStringList{QStringLiteral("submit"),
                                                         d,
                                                         n,
                                                         QStringLiteral("/Shared/Demo/nope"),
                                                         c,
                                                         QStringLiteral("demo-cluster")}
                                          << "/Shared/Demo/nope";
        QTest::newRow("unknown run")
            << QStringList{QStringLiteral("status"), QStringLiteral("4242"), d} << "4242";
    }
    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
        QVERIFY(r.out.isEmpty());
        QVERIFY(!r.err.contains(FakeToken.toUtf8()));
    }

    void standaloneEmulatorWithHostAndToken()
    {
        QProcess emulator;
        const QString url = Brickrun::Test::startEmulatorProcess(
            emulator, FakeToken,
            {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--speed"),
             QStringLiteral("100")});
        QVERIFY2(url.startsWith(QStringLiteral("http://127.0.0.1:")), qPrintable(url));

        QProcessEnvironment cliEnv = environment();
        cliEnv.insert(QStringLiteral("DATABRICKS_HOST"), url);
        cliEnv.insert(QStringLiteral("DATABRICKS_TOKEN"), FakeToken);
        cliEnv.insert(QStringLiteral("BRICKRUN_RETRY_BUDGET"), QStringLiteral("0"));
        const QStringList args{QStringLiteral("submit"),
                               QStringLiteral("--notebook"),
                               QStringLiteral("/Shared/Demo/hello"),
                               QStringLiteral("--cluster"),
                               QStringLiteral("demo-cluster"),
                               QStringLiteral("--json")};
        Run r = run(args, cliEnv);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().value(QLatin1String("resultState")).toString(),
                 QStringLiteral("SUCCESS"));
        QVERIFY(!r.out.contains(FakeToken.toUtf8()) && !r.err.contains(FakeToken.toUtf8()));

        cliEnv.insert(QStringLiteral("DATABRICKS_TOKEN"), QStringLiteral("dapi-test-wrong"));
        r = run(args, cliEnv);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("401") && r.err.contains("refused the sign-in") &&
                     r.err.contains("DATABRICKS_TOKEN"),
                 r.err.constData());
        QVERIFY(!r.err.contains("dapi-test-wrong"));

        emulator.terminate();
        QVERIFY(emulator.waitForFinished(5000));
    }

    void networkErrorAfterRetries()
    {
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("DATABRICKS_TOKEN"), FakeToken);
        env.insert(QStringLiteral("BRICKRUN_RETRY_BUDGET"), QStringLiteral("0"));
        const Run r = run({QStringLiteral("status"), QStringLiteral("1"), QStringLiteral("--host"),
                           QStringLiteral("http://127.0.0.1:1")},
                          env);
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains("refused"), r.err.constData());
    }

    void timeoutLeavesTheRunGoing()
    {
        QStringList args = submit(QStringLiteral("/Shared/Demo/slow_report"));
        args << QStringLiteral("--timeout") << QStringLiteral("1");
        const Run r = run(args, environment(5));
        QCOMPARE(r.exitCode, 5);
        const QJsonObject o = r.json();
        const qint64 runId = o.value(QLatin1String("runId")).toInteger();
        QVERIFY(runId > 0);
        QVERIFY(!o.value(QLatin1String("lifeCycleState"))
                     .toString()
                     .startsWith(QLatin1String("TERMINATED")));
        QVERIFY2(r.err.contains("goes on") && r.err.contains(QByteArray::number(runId)),
                 r.err.constData());
        // The run is still there for the next command: cancel it and see it end.
        const Run cancel = run({QStringLiteral("cancel"), QString::number(runId),
                                QStringLiteral("--demo"), QStringLiteral("--json")},
                               environment(5));
        QCOMPARE(cancel.exitCode, 0);
        QCOMPARE(cancel.json().value(QLatin1String("resultState")).toString(),
                 QStringLiteral("CANCELED"));
    }

    // submit, output and cancel follow with one engine and print the same outputs: every
    // task's, in `tasks`, as `output` reads them afterwards.
    void submitPrintsWhatOutputPrints()
    {
        const Run submitted = run(submit(QStringLiteral("/Shared/Demo/hello")), environment(100));
        QCOMPARE(submitted.exitCode, 0);
        const QJsonObject s = submitted.json();
        const qint64 runId = s.value(QLatin1String("runId")).toInteger();
        QVERIFY(runId > 0);
        const QJsonArray tasks = s.value(QLatin1String("tasks")).toArray();
        QCOMPARE(tasks.size(), 1);
        QVERIFY(tasks.first().toObject().value(QLatin1String("notebookResult")).isString());
        const Run output = run({QStringLiteral("output"), QString::number(runId),
                                QStringLiteral("--demo"), QStringLiteral("--json")});
        QCOMPARE(output.exitCode, 0);
        const QJsonObject o = output.json();
        for (const char *key : {"runId", "resultState", "notebookResult", "taskRunId", "tasks"})
            QVERIFY2(s.value(QLatin1String(key)) == o.value(QLatin1String(key)), key);
    }
    void cancelAnUnknownRun()
    {
        const Run r = run({QStringLiteral("cancel"), QStringLiteral("123"),
                           QStringLiteral("--demo"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 2); // as `status 123` says
        QVERIFY2(r.out.isEmpty(), r.out.constData());
        QVERIFY2(r.err.contains("does not know run 123"), r.err.constData());
    }

    void noWaitThenStatusAndOutputFromOtherProcesses()
    {
        QStringList args = submit(QStringLiteral("/Shared/Demo/hello"));
        args << QStringLiteral("--no-wait");
        const Run submitted = run(args);
        QCOMPARE(submitted.exitCode, 0);
        const qint64 runId = submitted.json().value(QLatin1String("runId")).toInteger();
        QVERIFY(runId > 0);
        QVERIFY(submitted.json().value(QLatin1String("lifeCycleState")).isNull());

        const QString id = QString::number(runId);
        QJsonObject status;
        QVERIFY(QTest::qWaitFor(
            [&] {
                const Run s = run({QStringLiteral("status"), id, QStringLiteral("--demo"),
                                   QStringLiteral("--json")});
                status = s.json();
                return s.exitCode == 0 && status.value(QLatin1String("terminal")).toBool();
            },
            20000));
        QCOMPARE(status.value(QLatin1String("runId")).toInteger(), runId);
        QCOMPARE(status.value(QLatin1String("resultState")).toString(), QStringLiteral("SUCCESS"));
        QCOMPARE(status.value(QLatin1String("tasks")).toArray().size(), 1);

        const Run output =
            run({QStringLiteral("output"), id, QStringLiteral("--demo"), QStringLiteral("--json")});
        QCOMPARE(output.exitCode, 0);
        QVERIFY(output.json().value(QLatin1String("notebookResult")).isString());
        QVERIFY(output.json().value(QLatin1String("taskRunId")).toInteger() != runId);

        const Run human = run({QStringLiteral("status"), id, QStringLiteral("--demo")});
        QVERIFY2(human.out.contains("TERMINATED SUCCESS"), human.out.constData());
    }

    void presetsFromTheCommandLine()
    {
        const QString file = m_home.filePath(QStringLiteral("daily.json"));
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(R"({"format": "brickrun-preset", "version": 1, "name": "daily echo",
                "profile": "demo", "runName": "Daily echo", "notebookPath": "/Shared/Demo/echo_params",
                "clusterId": "demo-cluster", "parameters": {"date": "2026-11-26", "city": "Bern"}})");
        }
        Run r = run({QStringLiteral("presets"), QStringLiteral("import"), file});
        QCOMPARE(r.exitCode, 0);
        r = run({QStringLiteral("presets"), QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY(r.out.contains("daily echo"));

        // One click from a script: the preset's workspace, cluster and parameters, one override.
        r = run({QStringLiteral("submit"), QStringLiteral("--preset"), QStringLiteral("daily echo"),
                 QStringLiteral("--param"), QStringLiteral("city=Genf"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject params =
            QJsonDocument::fromJson(
                r.json().value(QLatin1String("notebookResult")).toString().toUtf8())
                .object();
        QCOMPARE(params.value(QLatin1String("city")).toString(), QStringLiteral("Genf"));
        QCOMPARE(params.value(QLatin1String("date")).toString(), QStringLiteral("2026-11-26"));

        // Exported presets are plain JSON a colleague can import; never a token.
        const QString exported = m_home.filePath(QStringLiteral("exported.json"));
        r = run({QStringLiteral("presets"), QStringLiteral("export"), QStringLiteral("daily echo"),
                 exported});
        QCOMPARE(r.exitCode, 0);
        QFile f(exported);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(QJsonDocument::fromJson(text).isObject());
        QVERIFY(!text.toLower().contains("token"));

        r = run({QStringLiteral("submit"), QStringLiteral("--preset"), QStringLiteral("nope")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("no preset named \"nope\""));
        r = run({QStringLiteral("presets"), QStringLiteral("import"),
                 QStringLiteral(BRICKRUN_SOURCE_DIR "/tests/data/presets/wrong-types.json")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("clusterId: must be a string"), r.err.constData());
    }

#ifdef Q_OS_UNIX
    void ctrlCCancelsTheRunOnTheService()
    {
        QProcess p;
        QByteArray err;
        QVERIFY(Brickrun::Test::startCliUntil(p, environment(10),
                                              submit(QStringLiteral("/Shared/Demo/slow_report")),
                                              "RUNNING", &err));
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(20000));
        err += p.readAllStandardError();
        QCOMPARE(p.exitCode(), 1);
        const QJsonObject o = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        QCOMPARE(o.value(QLatin1String("resultState")).toString(), QStringLiteral("CANCELED"));
        QVERIFY2(err.contains("cancelling the run on the service"), err.constData());
    }
    void secondCtrlCLeavesAtOnce()
    {
        QProcess p;
        QByteArray err;
        // So slow that the cancel cannot finish.
        QVERIFY(Brickrun::Test::startCliUntil(p, environment(0.01),
                                              submit(QStringLiteral("/Shared/Demo/slow_report")),
                                              "submitted run", &err));
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(Brickrun::Test::waitForStderr(p, "Ctrl-C", &err, 5000));
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 130);
        err += p.readAllStandardError();
        QVERIFY2(err.contains("status"), err.constData()); // says how to check on the run
    }
#endif
};

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
