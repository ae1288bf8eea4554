// SPDX-License-Identifier: Apache-2.0
// brickrun-cli's options for the run's own limits (--run-timeout, --max-retries,
// --min-retry-interval, --retry-on-timeout): what is refused and why, and what reaches the
// service. The real binary against a scripted server in this process, over loopback HTTP.
#include "CliProcess.h"
#include "ScriptedHttpServer.h"
#include "TestTimeouts.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using Brickrun::Test::ScriptedHttpServer;

namespace {
const QString FakeToken = QStringLiteral("dapi-test-cli-limits-0000");

using Result = Brickrun::Test::CliRun;

QStringList submitArgs(const QStringList &more)
{
    return QStringList{QStringLiteral("submit"), QStringLiteral("--notebook"),
                       QStringLiteral("/Shared/etl/load"), QStringLiteral("--cluster"),
                       QStringLiteral("c-1")} +
           more;
}
} // namespace

class tst_CliRunLimits : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_home;
    ScriptedHttpServer m_server;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = Brickrun::Test::isolatedEnvironment(m_home.path());
        env.insert(QStringLiteral("BRICKRUN_DEMO_SPEED"), QStringLiteral("10"));
        env.insert(QStringLiteral("DATABRICKS_HOST"), QString::fromLatin1(m_server.baseUrl()));
        env.insert(QStringLiteral("DATABRICKS_TOKEN"), FakeToken);
        env.insert(QStringLiteral("BRICKRUN_RETRY_BUDGET"), QStringLiteral("0"));
        return env;
    }

    // Runs brickrun-cli while this process's event loop goes on (the scripted server answers).
    Result cli(const QStringList &args) const
    {
        return Brickrun::Test::runCli(args, environment());
    }

    // The task of the last runs/submit body the server received.
    QJsonObject lastSubmittedTask(QJsonObject *body = nullptr) const
    {
        for (auto it = m_server.requests().crbegin(); it != m_server.requests().crend(); ++it) {
            if (!it->target.contains("runs/submit"))
                continue;
            const QJsonObject b = QJsonDocument::fromJson(it->body).object();
            if (body)
                *body = b;
            return b.value(QLatin1String("tasks")).toArray().at(0).toObject();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QVERIFY(m_server.listen());
        m_server.setFallback([](const ScriptedHttpServer::Request &req) {
            if (req.target.contains("runs/submit"))
                return ScriptedHttpServer::json(200, "{\"run_id\": 77}");
            return ScriptedHttpServer::json(200, "{\"runs\": [], \"has_more\": false}");
        });
    }

    void refusedWithTheOptionNamed_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("message");
        const auto row = [](const char *name, const QStringList &options, const char *message) {
            QTest::newRow(name) << options << QString::fromUtf8(message);
        };
        row("not a duration", {QStringLiteral("--run-timeout"), QStringLiteral("soon")},
            "--run-timeout \"soon\": expected a duration such as 90 (seconds), 90s, 15m");
        row("timeout past 7 days", {QStringLiteral("--run-timeout"), QStringLiteral("8d")},
            "--run-timeout \"8d\": at most 7 days");
        row("timeout in ms", {QStringLiteral("--run-timeout"), QStringLiteral("1500ms")},
            "--run-timeout \"1500ms\": whole seconds only");
        row("retry for ever", {QStringLiteral("--max-retries"), QStringLiteral("-1")},
            "--max-retries \"-1\": retrying for ever is not offered");
        row("too many retries", {QStringLiteral("--max-retries"), QStringLiteral("101")},
            "--max-retries \"101\": expected a whole number from 0 to 100");
        row("interval past a day",
            {QStringLiteral("--max-retries"), QStringLiteral("1"),
             QStringLiteral("--min-retry-interval"), QStringLiteral("25h")},
            "--min-retry-interval \"25h\": at most 1 day");
        row("interval without retries",
            {QStringLiteral("--min-retry-interval"), QStringLiteral("30s")},
            "retry interval: needs retries");
        row("retry on timeout without retries", {QStringLiteral("--retry-on-timeout")},
            "retry on timeout: needs retries");
        row("retry on timeout without timeout",
            {QStringLiteral("--max-retries"), QStringLiteral("2"),
             QStringLiteral("--retry-on-timeout")},
            "retry on timeout: needs a run timeout");
        row("client wait not a duration", {QStringLiteral("--timeout"), QStringLiteral("later")},
            "--timeout \"later\": expected a duration");
    }
    void refusedWithTheOptionNamed()
    {
        QFETCH(QStringList, options);
        QFETCH(QString, message);
        const qsizetype before = m_server.requests().size();
        const Result r = cli(submitArgs(options));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
        QVERIFY(r.out.isEmpty());
        QCOMPARE(m_server.requests().size(), before); // nothing was sent
    }

    void onlyForSubmit()
    {
        const Result r = cli({QStringLiteral("status"), QStringLiteral("1"),
                              QStringLiteral("--max-retries"), QStringLiteral("2")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--max-retries is only for submit"), r.err.constData());
    }

    // The four go on the task, in the service's units; none of them when not given.
    void optionsReachTheTask()
    {
        Result r = cli(submitArgs({QStringLiteral("--no-wait")}));
        QCOMPARE(r.exitCode, 0);
        QJsonObject body;
        QJsonObject task = lastSubmittedTask(&body);
        QCOMPARE(task.value(QLatin1String("notebook_task"))
                     .toObject()
                     .value(QLatin1String("notebook_path"))
                     .toString(),
                 QStringLiteral("/Shared/etl/load"));
        for (const char *absent :
             {"timeout_seconds", "max_retries", "min_retry_interval_millis", "retry_on_timeout"})
            QVERIFY2(!task.contains(QLatin1String(absent)), absent);

        r = cli(submitArgs({QStringLiteral("--run-timeout"), QStringLiteral("1h30m"),
                            QStringLiteral("--max-retries"), QStringLiteral("3"),
                            QStringLiteral("--min-retry-interval"), QStringLiteral("2m"),
                            QStringLiteral("--retry-on-timeout"), QStringLiteral("--timeout"),
                            QStringLiteral("15m"), QStringLiteral("--no-wait")}));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("77"), r.out.constData());
        task = lastSubmittedTask(&body);
        QCOMPARE(task.value(QLatin1String("timeout_seconds")), QJsonValue(5400));
        QCOMPARE(task.value(QLatin1String("max_retries")), QJsonValue(3));
        QCOMPARE(task.value(QLatin1String("min_retry_interval_millis")), QJsonValue(120000));
        QCOMPARE(task.value(QLatin1String("retry_on_timeout")), QJsonValue(true));
        // The CLI's own wait is not the run's: the run as a whole has no limit.
        QCOMPARE(body.value(QLatin1String("timeout_seconds")), QJsonValue(0));
    }

    // A preset's retries are sent; the command line overrides them, 0 switching them off.
    void presetRetriesAndOverrides()
    {
        const QString file = m_home.filePath(QStringLiteral("retried.json"));
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(R"({"format": "brickrun-preset", "version": 2, "name": "retried load",
                "notebookPath": "/Shared/etl/load", "clusterId": "c-1", "timeoutSeconds": 600,
                "maxRetries": 2, "minRetryIntervalMillis": 30000, "retryOnTimeout": true})");
        }
        Result r = cli({QStringLiteral("presets"), QStringLiteral("import"), file});
        QVERIFY2(r.exitCode == 0, r.err.constData());

        r = cli({QStringLiteral("submit"), QStringLiteral("--preset"),
                 QStringLiteral("retried load"), QStringLiteral("--no-wait")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QJsonObject task = lastSubmittedTask();
        QCOMPARE(task.value(QLatin1String("timeout_seconds")), QJsonValue(600));
        QCOMPARE(task.value(QLatin1String("max_retries")), QJsonValue(2));
        QCOMPARE(task.value(QLatin1String("min_retry_interval_millis")), QJsonValue(30000));
        QCOMPARE(task.value(QLatin1String("retry_on_timeout")), QJsonValue(true));

        r = cli({QStringLiteral("submit"), QStringLiteral("--preset"),
                 QStringLiteral("retried load"), QStringLiteral("--max-retries"),
                 QStringLiteral("5"), QStringLiteral("--run-timeout"), QStringLiteral("0"),
                 QStringLiteral("--no-wait")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        task = lastSubmittedTask();
        QCOMPARE(task.value(QLatin1String("max_retries")), QJsonValue(5));
        QCOMPARE(task.value(QLatin1String("min_retry_interval_millis")), QJsonValue(30000));
        QVERIFY(!task.contains(QLatin1String("timeout_seconds")));
        QVERIFY(!task.contains(QLatin1String("retry_on_timeout")));

        r = cli({QStringLiteral("submit"), QStringLiteral("--preset"),
                 QStringLiteral("retried load"), QStringLiteral("--max-retries"),
                 QStringLiteral("0"), QStringLiteral("--no-wait")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        task = lastSubmittedTask();
        QCOMPARE(task.value(QLatin1String("timeout_seconds")), QJsonValue(600));
        for (const char *absent : {"max_retries", "min_retry_interval_millis", "retry_on_timeout"})
            QVERIFY2(!task.contains(QLatin1String(absent)), absent);

        // What the preset holds is shown as it is stored.
        r = cli(
            {QStringLiteral("presets"), QStringLiteral("show"), QStringLiteral("retried load")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject shown = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(shown.value(QLatin1String("maxRetries")), QJsonValue(2));
        QCOMPARE(shown.value(QLatin1String("version")), QJsonValue(2));
    }

    // A notebook that fails once, retried by the demo workspace: the progress says which
    // attempt the service is at, and the run ends with the retry's success.
    void progressSaysTheAttempt()
    {
        const Result r = cli({QStringLiteral("submit"), QStringLiteral("--demo"),
                              QStringLiteral("--notebook"), QStringLiteral("/Shared/Demo/flaky"),
                              QStringLiteral("--cluster"), QStringLiteral("demo-cluster"),
                              QStringLiteral("--max-retries"), QStringLiteral("2"),
                              QStringLiteral("--min-retry-interval"), QStringLiteral("1m")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains(", attempt 1 of 3"), r.err.constData());
        QVERIFY2(r.err.contains(", attempt 2 of 3"), r.err.constData());
        QVERIFY2(!r.err.contains("attempt 3"), r.err.constData());
        QVERIFY2(r.out.contains("ok after retry"), r.out.constData());
    }
};

QTEST_GUILESS_MAIN(tst_CliRunLimits)
#include "tst_clirunlimits.moc"
