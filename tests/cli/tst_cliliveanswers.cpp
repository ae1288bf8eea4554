// SPDX-License-Identifier: Apache-2.0
// brickrun-cli status and output on what the live service answers (issue #15): the answers in
// tests/data/live-answers served over loopback, a job run with many tasks and a retried one
// on a standalone demo workspace, and workspaces that do not serve Jobs API 2.2.
#include "CliProcess.h"
#include "ScriptedHttpServer.h"
#include "TestTimeouts.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using Brickrun::Test::scaledTimeout;
using Brickrun::Test::ScriptedHttpServer;

namespace {
const QString Folder = QStringLiteral(BRICKRUN_SOURCE_DIR "/tests/data/live-answers");
const QString FakeToken = QStringLiteral("dapi-test-live-answers-0000");

using Run = Brickrun::Test::CliRun;

QByteArray readFile(const QString &name)
{
    QFile f(Folder + QLatin1Char('/') + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString orEmpty(const QJsonValue &v)
{
    return v.isString() ? v.toString() : QString();
}

// "TERMINATED SUCCESS" from an object of the CLI's JSON.
QString stateOf(const QJsonObject &o)
{
    QString s = orEmpty(o.value(QLatin1String("lifeCycleState")));
    if (!orEmpty(o.value(QLatin1String("resultState"))).isEmpty())
        s += QLatin1Char(' ') + o.value(QLatin1String("resultState")).toString();
    return s.isEmpty() ? QStringLiteral("UNKNOWN") : s;
}

QByteArray pathOf(const QByteArray &target)
{
    const qsizetype q = target.indexOf('?');
    return q < 0 ? target : target.left(q);
}
} // namespace

class tst_CliLiveAnswers : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_home;

    QProcessEnvironment environment(const QString &host) const
    {
        QProcessEnvironment env = Brickrun::Test::isolatedEnvironment(m_home.path());
        env.insert(QStringLiteral("DATABRICKS_HOST"), host);
        env.insert(QStringLiteral("DATABRICKS_TOKEN"), FakeToken);
        env.insert(QStringLiteral("BRICKRUN_RETRY_BUDGET"), QStringLiteral("0"));
        return env;
    }

    // brickrun-cli while this process's event loop goes on (a scripted server answers).
    Run run(const QStringList &args, const QString &host) const
    {
        return Brickrun::Test::runCli(args, environment(host));
    }

    // A standalone brickrun-emulator: its base URL, or empty.
    static QString startEmulator(QProcess &emulator, const QStringList &extra = {})
    {
        return Brickrun::Test::startEmulatorProcess(
            emulator, FakeToken,
            QStringList{QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--speed"),
                        QStringLiteral("50")} +
                extra);
    }
    static void stopEmulator(QProcess &emulator)
    {
        emulator.terminate();
        if (!emulator.waitForFinished(5000))
            emulator.kill();
    }
    static QJsonObject admin(const QString &url, const QString &route,
                             const QByteArray &postBody = QByteArray())
    {
        QNetworkAccessManager nam;
        QNetworkRequest request(QUrl(url + QStringLiteral("/__admin/") + route));
        request.setRawHeader("Authorization", "Bearer " + FakeToken.toUtf8());
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        QNetworkReply *reply = postBody.isNull() ? nam.get(request) : nam.post(request, postBody);
        [[maybe_unused]] const bool answered =
            QTest::qWaitFor([&] { return reply->isFinished(); }, scaledTimeout(10000));
        const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
        delete reply;
        return o;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_home.isValid()); }

    // Every runs/get answer of the data folder, as `status` shows it.
    void statusOfEveryAnswer_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QJsonObject>("expected");
        const QJsonObject manifest =
            QJsonDocument::fromJson(readFile(QStringLiteral("manifest.json"))).object();
        for (auto it = manifest.begin(); it != manifest.end(); ++it) {
            const QJsonObject e = it.value().toObject();
            if (e.value(QLatin1String("kind")).toString() == QLatin1String("runs/get"))
                QTest::newRow(qPrintable(it.key())) << it.key() << e;
        }
    }
    void statusOfEveryAnswer()
    {
        QFETCH(QString, file);
        QFETCH(QJsonObject, expected);
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        const QByteArray answer = readFile(file);
        server.setFallback([&answer](const ScriptedHttpServer::Request &r) {
            return pathOf(r.target) == "/api/2.2/jobs/runs/get"
                       ? ScriptedHttpServer::json(200, answer)
                       : ScriptedHttpServer::json(404, R"({"error_code":"ENDPOINT_NOT_FOUND"})");
        });
        const QString host = QString::fromLatin1(server.baseUrl());
        const QString runId = QString::number(expected.value(QLatin1String("runId")).toInteger());

        const Run json = run({QStringLiteral("status"), runId, QStringLiteral("--json")}, host);
        QVERIFY2(json.exitCode == 0, json.err.constData());
        const QJsonObject o = json.json();
        QCOMPARE(o.value(QLatin1String("runId")).toInteger(),
                 expected.value(QLatin1String("runId")).toInteger());
        QCOMPARE(orEmpty(o.value(QLatin1String("lifeCycleState"))),
                 orEmpty(expected.value(QLatin1String("lifeCycleState"))));
        // A result only once the run has ended.
        QCOMPARE(orEmpty(o.value(QLatin1String("resultState"))),
                 orEmpty(expected.value(QLatin1String("resultState"))));
        QCOMPARE(o.value(QLatin1String("terminal")).toBool(),
                 expected.value(QLatin1String("terminal")).toBool());
        const QJsonArray tasks = o.value(QLatin1String("tasks")).toArray();
        const QJsonArray want = expected.value(QLatin1String("tasks")).toArray();
        QCOMPARE(tasks.size(), want.size());

        const Run text = run({QStringLiteral("status"), runId}, host);
        QCOMPARE(text.exitCode, 0);
        const QString shown = QString::fromUtf8(text.out);
        QVERIFY2(shown.contains(QStringLiteral("State:    ") + stateOf(o)), text.out.constData());
        for (int i = 0; i < want.size(); ++i) {
            const QJsonObject t = tasks.at(i).toObject();
            const QJsonObject w = want.at(i).toObject();
            QCOMPARE(orEmpty(t.value(QLatin1String("taskKey"))),
                     orEmpty(w.value(QLatin1String("taskKey"))));
            QCOMPARE(t.value(QLatin1String("runId")).toInteger(),
                     w.value(QLatin1String("runId")).toInteger());
            QCOMPARE(stateOf(t), w.value(QLatin1String("state")).toString());
            QCOMPARE(t.value(QLatin1String("attemptNumber")).toInt(),
                     w.value(QLatin1String("attemptNumber")).toInt());
            // The table shows the task with its state and its own task run id.
            bool row = false;
            for (const QString &line : shown.split(QLatin1Char('\n'))) {
                const QString key = orEmpty(w.value(QLatin1String("taskKey")));
                if (line.startsWith(QStringLiteral("  ") +
                                    (key.isEmpty() ? QStringLiteral("-") : key)) &&
                    line.contains(stateOf(t)) &&
                    line.contains(QString::number(t.value(QLatin1String("runId")).toInteger())))
                    row = true;
            }
            QVERIFY2(row, text.out.constData());
        }
    }

    // `output` of the published multi-task sample: every task's output, each fetched by its
    // own task run id, never by the run's.
    void outputOfEveryTask()
    {
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        const QByteArray runAnswer = readFile(QStringLiteral("azure-docs-jobs21-runs-get.json"));
        const QByteArray outputAnswer =
            readFile(QStringLiteral("azure-docs-jobs21-runs-get-output.json"));
        const QByteArray parentRefused =
            readFile(QStringLiteral("prefect-13127-get-output-of-parent.error.json"));
        server.setFallback([&](const ScriptedHttpServer::Request &r) {
            const QByteArray path = pathOf(r.target);
            if (path == "/api/2.2/jobs/runs/get")
                return ScriptedHttpServer::json(200, runAnswer);
            if (path == "/api/2.2/jobs/runs/get-output")
                return r.target.contains("run_id=455644833")
                           ? ScriptedHttpServer::json(400, parentRefused)
                           : ScriptedHttpServer::json(200, outputAnswer);
            return ScriptedHttpServer::json(404, R"({"error_code":"ENDPOINT_NOT_FOUND"})");
        });
        const QString host = QString::fromLatin1(server.baseUrl());
        const Run json =
            run({QStringLiteral("output"), QStringLiteral("455644833"), QStringLiteral("--json")},
                host);
        QCOMPARE(json.exitCode, 1); // PENDING: not ended, so not a success
        QVERIFY2(json.err.contains("still PENDING"), json.err.constData());
        const QJsonObject o = json.json();
        QCOMPARE(o.value(QLatin1String("taskRunId")).toInteger(), 2112892);
        const QJsonArray tasks = o.value(QLatin1String("tasks")).toArray();
        QCOMPARE(tasks.size(), 3);
        QList<qint64> asked;
        for (const auto &r : server.requests()) {
            if (pathOf(r.target) == "/api/2.2/jobs/runs/get-output")
                asked << QUrlQuery(QString::fromLatin1(r.target.mid(r.target.indexOf('?') + 1)))
                             .queryItemValue(QStringLiteral("run_id"))
                             .toLongLong();
        }
        QCOMPARE(asked, (QList<qint64>{2112892, 2112897, 2112902}));
        for (const QJsonValue &v : tasks) {
            const QJsonObject t = v.toObject();
            QCOMPARE(
                t.value(QLatin1String("notebookResult")).toString(),
                QStringLiteral("An arbitrary string passed by calling dbutils.notebook.exit(...)"));
            QCOMPARE(t.value(QLatin1String("error")).toString(),
                     QStringLiteral("ZeroDivisionError: integer division or modulo by zero"));
        }
        const Run text = run({QStringLiteral("output"), QStringLiteral("455644833")}, host);
        for (const char *task :
             {"Task Orders_Ingest (task run 2112892)", "Task Match (task run 2112897)",
              "Task Sessionize (task run 2112902)"})
            QVERIFY2(text.out.contains(task), text.out.constData());
        QVERIFY(text.out.contains("Error:    ZeroDivisionError"));
    }

    // A job run with several tasks, one of them retried, on the demo workspace.
    void jobRunWithARetriedTask()
    {
        QProcess emulator;
        const QString url = startEmulator(emulator);
        QVERIFY(!url.isEmpty());
        const qint64 runId = admin(url, QStringLiteral("job-runs"), R"({"task_count": 4})")
                                 .value(QLatin1String("run_id"))
                                 .toInteger();
        QVERIFY(runId > 0);
        const QString id = QString::number(runId);
        QJsonObject status;
        QVERIFY(QTest::qWaitFor(
            [&] {
                const Run s = run({QStringLiteral("status"), id, QStringLiteral("--json")}, url);
                status = s.json();
                return s.exitCode == 0 && status.value(QLatin1String("terminal")).toBool();
            },
            scaledTimeout(60000)));
        QCOMPARE(status.value(QLatin1String("resultState")).toString(), QStringLiteral("SUCCESS"));
        const QJsonArray tasks = status.value(QLatin1String("tasks")).toArray();
        QCOMPARE(tasks.size(), 4); // one per task, though the answer lists five entries
        const QJsonObject flaky = tasks.last().toObject();
        QCOMPARE(flaky.value(QLatin1String("taskKey")).toString(), QStringLiteral("flaky"));
        QCOMPARE(flaky.value(QLatin1String("attemptNumber")).toInt(), 1);
        QCOMPARE(flaky.value(QLatin1String("attempts")).toInt(), 2);
        QCOMPARE(stateOf(flaky), QStringLiteral("TERMINATED SUCCESS"));
        QVERIFY(flaky.value(QLatin1String("originalAttemptRunId")).toInteger() !=
                flaky.value(QLatin1String("runId")).toInteger());

        const Run text = run({QStringLiteral("status"), id}, url);
        QCOMPARE(text.exitCode, 0);
        qInfo().noquote() << "brickrun-cli status" << id << "\n" << QString::fromUtf8(text.out);
        QVERIFY2(text.out.contains("Tasks:    4"), text.out.constData());
        bool flakyRow = false;
        for (const QByteArray &line : text.out.split('\n'))
            flakyRow = flakyRow || (line.trimmed().startsWith("flaky") &&
                                    line.contains("TERMINATED SUCCESS") && line.contains("2 of 2"));
        QVERIFY2(flakyRow, text.out.constData());

        const Run output = run({QStringLiteral("output"), id, QStringLiteral("--json")}, url);
        QCOMPARE(output.exitCode, 0);
        const QJsonArray outTasks = output.json().value(QLatin1String("tasks")).toArray();
        QCOMPARE(outTasks.size(), 4);
        for (const QJsonValue &v : outTasks) {
            const QJsonObject t = v.toObject();
            QVERIFY2(t.value(QLatin1String("notebookResult")).isString(),
                     qPrintable(t.value(QLatin1String("taskKey")).toString()));
            QVERIFY(t.value(QLatin1String("error")).isNull()); // the retry's, not the failure's
        }
        stopEmulator(emulator);
    }

    void workspaceServingOnly21()
    {
        QProcess emulator;
        const QString url =
            startEmulator(emulator, {QStringLiteral("--jobs-api-versions"), QStringLiteral("2.1")});
        QVERIFY(!url.isEmpty());
        const Run submit = run({QStringLiteral("submit"), QStringLiteral("--notebook"),
                                QStringLiteral("/Shared/Demo/hello"), QStringLiteral("--cluster"),
                                QStringLiteral("demo-cluster"), QStringLiteral("--json")},
                               url);
        QVERIFY2(submit.exitCode == 0, submit.err.constData());
        QVERIFY2(submit.err.contains("does not serve Jobs API 2.2; using 2.1"),
                 submit.err.constData());
        QCOMPARE(submit.json().value(QLatin1String("resultState")).toString(),
                 QStringLiteral("SUCCESS"));
        int refused = 0;
        for (const QJsonValue &v :
             admin(url, QStringLiteral("requests")).value(QLatin1String("requests")).toArray())
            refused += v.toObject().value(QLatin1String("status")).toInt() == 404 ? 1 : 0;
        QCOMPARE(refused, 1); // one 404, then 2.1 for every call
        stopEmulator(emulator);
    }

    void workspaceServingNeither()
    {
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        server.setFallback([](const ScriptedHttpServer::Request &r) {
            return ScriptedHttpServer::json(404, R"({"error":"Bad Target: )" + pathOf(r.target) +
                                                     R"("})");
        });
        const Run r = run({QStringLiteral("status"), QStringLiteral("7")},
                          QString::fromLatin1(server.baseUrl()));
        QCOMPARE(r.exitCode, 4); // the service's doing, not bad input (2)
        QVERIFY2(r.err.contains("Bad Target: /api/2.1/jobs/runs/get"), r.err.constData());
        QVERIFY2(r.err.contains("neither Jobs API 2.2 nor 2.1"), r.err.constData());
        QCOMPARE(server.requests().size(), 2);
    }
};

QTEST_GUILESS_MAIN(tst_CliLiveAnswers)
#include "tst_cliliveanswers.moc"
