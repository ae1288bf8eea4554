// SPDX-License-Identifier: Apache-2.0
// The demo workspace's live shapes over real loopback HTTP: what the live service sends
// besides the published description (status, attempts of retried tasks, Jobs API 2.2 paging,
// page tokens, status-only answers, unserved API versions), and that the published shapes
// leave all of it out.

#include "Emulator.h"
#include "HttpTestClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Brickrun::Emulator;
using Brickrun::Emulator::Test::HttpReply;
using Brickrun::Emulator::Test::HttpTestClient;

namespace {

const QString kToken = QStringLiteral("dapi-test-live-0123456789abcdef");
constexpr qint64 kDemoJobId = 987654321098765LL;

qint64 idOf(const QJsonValue &value)
{
    return static_cast<qint64>(value.toDouble());
}

QString str(const QJsonObject &object, const char *member)
{
    return object.value(QLatin1String(member)).toString();
}

QString lifeCycle(const QJsonObject &run)
{
    return str(run.value(QStringLiteral("state")).toObject(), "life_cycle_state");
}

QString resultState(const QJsonObject &run)
{
    return str(run.value(QStringLiteral("state")).toObject(), "result_state");
}

QJsonObject status(const QJsonObject &run)
{
    return run.value(QStringLiteral("status")).toObject();
}

QJsonObject termination(const QJsonObject &run)
{
    return status(run).value(QStringLiteral("termination_details")).toObject();
}

QList<QJsonObject> tasksOf(const QJsonObject &run)
{
    QList<QJsonObject> tasks;
    for (const QJsonValue &t : run.value(QStringLiteral("tasks")).toArray())
        tasks.append(t.toObject());
    return tasks;
}

// One task on demo-cluster running notebook, with more task members (",..." or empty) and
// more run members ("...," or empty).
QByteArray taskBody(const QString &notebook, const QString &taskFields = QString(),
                    const QString &runFields = QString())
{
    return QStringLiteral(R"({%3"run_name":"live %1","tasks":[{"task_key":"main",)"
                          R"("existing_cluster_id":"demo-cluster",)"
                          R"("notebook_task":{"notebook_path":"/Shared/Demo/%1"}%2}]})")
        .arg(notebook, taskFields, runFields)
        .toUtf8();
}

// n hello tasks t001, t002, ...
QByteArray manyTasks(int n)
{
    QJsonArray tasks;
    for (int i = 1; i <= n; ++i)
        tasks.append(QJsonObject{
            {QStringLiteral("task_key"), QStringLiteral("t%1").arg(i, 4, 10, QLatin1Char('0'))},
            {QStringLiteral("existing_cluster_id"), QStringLiteral("demo-cluster")},
            {QStringLiteral("notebook_task"),
             QJsonObject{
                 {QStringLiteral("notebook_path"), QStringLiteral("/Shared/Demo/hello")}}}});
    return QJsonDocument(QJsonObject{{QStringLiteral("tasks"), tasks}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestEmulatorLive : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void retriedTaskWaitsThenRunsAgain();
    void retriesFollowTheSubmittedSettings_data();
    void retriesFollowTheSubmittedSettings();
    void cancelWhileWaitingForRetry();
    void terminationDetails_data();
    void terminationDetails();
    void retriesSurviveTheStateFile();
    void tasksArePagedInJobsApi22();
    void jobRunWithManyTasksAndARetry();
    void listAnswersPageTokens();
    void statusOnlyAnswers();
    void unservedVersionsAreBadTargets();
    void publishedShapesLeaveLiveMembersOut();

private:
    HttpTestClient &client() { return *m_client; }
    // The run id, or 0 with the answer logged.
    qint64 submit(const QByteArray &body, const QString &version = QStringLiteral("2.1"));
    QJsonObject getRun(qint64 runId, const QString &version = QStringLiteral("2.1"),
                       const QString &more = QString());
    QJsonObject output(qint64 taskRunId);
    void advance(qint64 ms) { m_emulator->advanceSimulatedTime(ms); }

    std::unique_ptr<Emulator> m_emulator;
    std::unique_ptr<HttpTestClient> m_client;
};

void TestEmulatorLive::initTestCase()
{
    // Almost no time passes by itself (1 real s = 1 simulated ms): the tests move the clock.
    EmulatorOptions options;
    options.token = kToken;
    options.speed = 0.001;
    m_emulator = std::make_unique<Emulator>(options);
    QString error;
    QVERIFY2(m_emulator->start(&error), qPrintable(error));
    QCOMPARE(m_emulator->shapeSettings().shapes, AnswerShapes::Live); // the default
    m_client = std::make_unique<HttpTestClient>(m_emulator->baseUrl(), kToken);
}

void TestEmulatorLive::cleanupTestCase()
{
    m_client.reset();
    m_emulator.reset();
}

qint64 TestEmulatorLive::submit(const QByteArray &body, const QString &version)
{
    const HttpReply reply =
        client().post(QStringLiteral("/api/%1/jobs/runs/submit").arg(version), body);
    if (reply.status != 200)
        qWarning("submit failed: %s", reply.body.constData());
    return idOf(reply.json.value(QStringLiteral("run_id")));
}

QJsonObject TestEmulatorLive::getRun(qint64 runId, const QString &version, const QString &more)
{
    return client()
        .get(QStringLiteral("/api/%1/jobs/runs/get?run_id=%2%3").arg(version).arg(runId).arg(more))
        .json;
}

QJsonObject TestEmulatorLive::output(qint64 taskRunId)
{
    return client()
        .get(QStringLiteral("/api/2.2/jobs/runs/get-output?run_id=%1").arg(taskRunId))
        .json;
}

// /Shared/Demo/flaky with max_retries 1: the failed first attempt stays, the task (and the
// run) waits for the retry, which runs under a run id of its own and succeeds.
void TestEmulatorLive::retriedTaskWaitsThenRunsAgain()
{
    // flaky: PENDING 1.5 s, RUNNING 3, TERMINATING 1; the retry waits 3 s.
    const qint64 id =
        submit(taskBody(QStringLiteral("flaky"),
                        QStringLiteral(R"(,"max_retries":1,"min_retry_interval_millis":3000)")),
               QStringLiteral("2.2"));
    QVERIFY(id > 0);
    advance(3000);
    QJsonObject run = getRun(id);
    QCOMPARE(lifeCycle(run), QStringLiteral("RUNNING"));
    QCOMPARE(tasksOf(run).size(), 1);
    const qint64 first = idOf(tasksOf(run).at(0).value(QStringLiteral("run_id")));

    advance(4000); // 7 s: the first attempt failed at 5.5 s, the retry starts at 8.5 s
    run = getRun(id);
    QCOMPARE(lifeCycle(run), QStringLiteral("WAITING_FOR_RETRY"));
    QCOMPARE(str(status(run), "state"), QStringLiteral("WAITING"));
    QVERIFY(resultState(run).isEmpty());
    QList<QJsonObject> tasks = tasksOf(run);
    QCOMPARE(tasks.size(), 2);
    const QJsonObject failed = tasks.at(0);
    const QJsonObject retry = tasks.at(1);
    QCOMPARE(idOf(failed.value(QStringLiteral("run_id"))), first);
    QCOMPARE(failed.value(QStringLiteral("attempt_number")).toInt(-1), 0);
    QCOMPARE(lifeCycle(failed), QStringLiteral("TERMINATED"));
    QCOMPARE(resultState(failed), QStringLiteral("FAILED"));
    QCOMPARE(str(termination(failed), "code"), QStringLiteral("RUN_EXECUTION_ERROR"));
    QCOMPARE(str(termination(failed), "type"), QStringLiteral("CLIENT_ERROR"));
    const qint64 second = idOf(retry.value(QStringLiteral("run_id")));
    QVERIFY(second != first && second != id);
    QCOMPARE(str(retry, "task_key"), QStringLiteral("main"));
    QCOMPARE(retry.value(QStringLiteral("attempt_number")).toInt(-1), 1);
    QCOMPARE(lifeCycle(retry), QStringLiteral("WAITING_FOR_RETRY"));
    QCOMPARE(str(status(retry), "state"), QStringLiteral("WAITING"));
    QCOMPARE(idOf(retry.value(QStringLiteral("original_attempt_run_id"))), first);
    QCOMPARE(idOf(failed.value(QStringLiteral("original_attempt_run_id"))), first);
    QCOMPARE(retry.value(QStringLiteral("start_time")), failed.value(QStringLiteral("end_time")));
    QCOMPARE(retry.value(QStringLiteral("end_time")).toDouble(), 0.0);

    // Each attempt is a run of its own.
    QJsonObject firstOutput = output(first);
    QVERIFY2(str(firstOutput, "error").startsWith(QStringLiteral("ConnectionResetError")),
             QJsonDocument(firstOutput).toJson().constData());
    QVERIFY(!firstOutput.value(QStringLiteral("notebook_output"))
                 .toObject()
                 .contains(QStringLiteral("result")));
    QJsonObject secondOutput = output(second);
    QCOMPARE(secondOutput.keys(), QStringList{QStringLiteral("metadata")});
    QJsonObject attempt = getRun(second);
    QCOMPARE(idOf(attempt.value(QStringLiteral("run_id"))), second);
    QCOMPARE(attempt.value(QStringLiteral("attempt_number")).toInt(-1), 1);
    QCOMPARE(idOf(attempt.value(QStringLiteral("original_attempt_run_id"))), first);
    QCOMPARE(idOf(attempt.value(QStringLiteral("job_run_id"))), id);
    QCOMPARE(lifeCycle(attempt), QStringLiteral("WAITING_FOR_RETRY"));

    advance(2000); // 9 s: the retry is setting up
    run = getRun(id);
    QCOMPARE(lifeCycle(run), QStringLiteral("PENDING"));
    QCOMPARE(lifeCycle(tasksOf(run).at(1)), QStringLiteral("PENDING"));

    advance(11000); // 20 s: done
    run = getRun(id);
    QCOMPARE(lifeCycle(run), QStringLiteral("TERMINATED"));
    QCOMPARE(resultState(run), QStringLiteral("SUCCESS"));
    QCOMPARE(str(termination(run), "code"), QStringLiteral("SUCCESS"));
    tasks = tasksOf(run);
    QCOMPARE(tasks.size(), 2);
    QCOMPARE(resultState(tasks.at(0)), QStringLiteral("FAILED"));
    QCOMPARE(resultState(tasks.at(1)), QStringLiteral("SUCCESS"));
    QCOMPARE(run.value(QStringLiteral("end_time")), tasks.at(1).value(QStringLiteral("end_time")));
    secondOutput = output(second);
    QCOMPARE(str(secondOutput.value(QStringLiteral("notebook_output")).toObject(), "result"),
             QStringLiteral("ok after retry"));
    QVERIFY(!secondOutput.contains(QStringLiteral("error")));
    QCOMPARE(secondOutput.value(QStringLiteral("metadata"))
                 .toObject()
                 .value(QStringLiteral("attempt_number"))
                 .toInt(-1),
             1);
    firstOutput = output(first);
    QVERIFY(str(firstOutput, "error").startsWith(QStringLiteral("ConnectionResetError")));
}

void TestEmulatorLive::retriesFollowTheSubmittedSettings_data()
{
    QTest::addColumn<QString>("notebook");
    QTest::addColumn<QString>("taskFields");
    QTest::addColumn<QString>("runFields");
    QTest::addColumn<int>("attempts");
    QTest::addColumn<QString>("lifeCycle"); // of the run and of every attempt
    QTest::addColumn<QString>("lastResult");
    QTest::addColumn<QString>("retriedResult"); // of every attempt before the last

    const QString failed = QStringLiteral("FAILED");
    const QString terminated = QStringLiteral("TERMINATED");
    QTest::newRow("failing, 2 retries")
        << "failing"
        << R"(,"max_retries":2)" << QString() << 3 << terminated << failed << failed;
    QTest::newRow("flaky, no retries")
        << "flaky" << QString() << QString() << 1 << terminated << failed << QString();
    QTest::newRow("flaky, 0 retries")
        << "flaky"
        << R"(,"max_retries":0)" << QString() << 1 << terminated << failed << QString();
    QTest::newRow("flaky, unlimited") << "flaky"
                                      << R"(,"max_retries":-1)" << QString() << 2 << terminated
                                      << QStringLiteral("SUCCESS") << failed;
    QTest::newRow("failing, unlimited (at most 100 retries)")
        << "failing"
        << R"(,"max_retries":-1)" << QString() << 101 << terminated << failed << failed;
    QTest::newRow("internal error, 1 retry")
        << "internal_error"
        << R"(,"max_retries":1)" << QString() << 2 << QStringLiteral("INTERNAL_ERROR") << failed
        << failed;
    QTest::newRow("success is not retried") << "hello"
                                            << R"(,"max_retries":3)" << QString() << 1 << terminated
                                            << QStringLiteral("SUCCESS") << QString();
    QTest::newRow("skipped is not retried") << "skipped"
                                            << R"(,"max_retries":3)" << QString() << 1
                                            << QStringLiteral("SKIPPED") << QString() << QString();
    const QString timedOut = QStringLiteral("TIMEDOUT");
    QTest::newRow("task timeout, retry_on_timeout")
        << "slow_report"
        << R"(,"timeout_seconds":10,"max_retries":1,"retry_on_timeout":true)" << QString() << 2
        << terminated << timedOut << timedOut;
    QTest::newRow("task timeout, not retried")
        << "slow_report"
        << R"(,"timeout_seconds":10,"max_retries":1)" << QString() << 1 << terminated << timedOut
        << QString();
    QTest::newRow("run timeout is never retried")
        << "slow_report"
        << R"(,"max_retries":2,"retry_on_timeout":true)"
        << R"("timeout_seconds":10,)" << 1 << terminated << timedOut << QString();
    QTest::newRow("retries end at the run timeout")
        << "failing"
        << R"(,"max_retries":5)"
        << R"("timeout_seconds":20,)" << 4 << terminated << timedOut << failed;
}

void TestEmulatorLive::retriesFollowTheSubmittedSettings()
{
    QFETCH(QString, notebook);
    QFETCH(QString, taskFields);
    QFETCH(QString, runFields);
    QFETCH(int, attempts);
    QFETCH(QString, lifeCycle);
    QFETCH(QString, lastResult);
    QFETCH(QString, retriedResult);
    const qint64 id = submit(taskBody(notebook, taskFields, runFields));
    QVERIFY(id > 0);
    advance(3 * 3600 * 1000);
    const QJsonObject run = getRun(id); // 2.1: every attempt, unpaged
    QCOMPARE(::lifeCycle(run), lifeCycle);
    QCOMPARE(resultState(run), lastResult);
    const QList<QJsonObject> tasks = tasksOf(run);
    QCOMPARE(tasks.size(), attempts);
    QSet<qint64> runIds;
    for (int i = 0; i < tasks.size(); ++i) {
        const QJsonObject &t = tasks.at(i);
        QCOMPARE(t.value(QStringLiteral("attempt_number")).toInt(-1), i);
        QCOMPARE(str(t, "task_key"), QStringLiteral("main"));
        QCOMPARE(t.value(QStringLiteral("original_attempt_run_id")),
                 tasks.at(0).value(QStringLiteral("run_id")));
        QCOMPARE(resultState(t), i + 1 < tasks.size() ? retriedResult : lastResult);
        runIds.insert(idOf(t.value(QStringLiteral("run_id"))));
        if (i > 0)
            QCOMPARE(t.value(QStringLiteral("start_time")),
                     tasks.at(i - 1).value(QStringLiteral("end_time")));
    }
    QCOMPARE(runIds.size(), attempts);
    QVERIFY(!runIds.contains(id));
    if (lastResult == QLatin1String("TIMEDOUT")) {
        // Stopped by the platform for running too long: CANCELED, not USER_CANCELED.
        QCOMPARE(str(termination(run), "code"), QStringLiteral("CANCELED"));
        QVERIFY(run.value(QStringLiteral("state"))
                    .toObject()
                    .value(QStringLiteral("user_cancelled_or_timedout"))
                    .toBool());
    }
}

// A cancel while the task waits for its retry: that attempt is cancelled, no other comes.
void TestEmulatorLive::cancelWhileWaitingForRetry()
{
    const qint64 id =
        submit(taskBody(QStringLiteral("flaky"),
                        QStringLiteral(R"(,"max_retries":3,"min_retry_interval_millis":60000)")));
    advance(10000);
    QCOMPARE(lifeCycle(getRun(id)), QStringLiteral("WAITING_FOR_RETRY"));
    QCOMPARE(client()
                 .post(QStringLiteral("/api/2.1/jobs/runs/cancel"),
                       QStringLiteral(R"({"run_id":%1})").arg(id).toUtf8())
                 .status,
             200);
    advance(5000);
    QJsonObject run = getRun(id);
    QCOMPARE(lifeCycle(run), QStringLiteral("TERMINATED"));
    QCOMPARE(resultState(run), QStringLiteral("CANCELED"));
    QCOMPARE(str(termination(run), "code"), QStringLiteral("USER_CANCELED"));
    QCOMPARE(str(termination(run), "type"), QStringLiteral("SUCCESS"));
    advance(10 * 60 * 1000);
    run = getRun(id);
    const QList<QJsonObject> tasks = tasksOf(run);
    QCOMPARE(tasks.size(), 2);
    QCOMPARE(resultState(tasks.at(0)), QStringLiteral("FAILED"));
    QCOMPARE(resultState(tasks.at(1)), QStringLiteral("CANCELED"));
}

void TestEmulatorLive::terminationDetails_data()
{
    QTest::addColumn<QString>("notebook");
    QTest::addColumn<QString>("runFields");
    QTest::addColumn<QString>("lifeCycle");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("type");
    QTest::newRow("success") << "hello" << QString() << "TERMINATED"
                             << "SUCCESS"
                             << "SUCCESS";
    QTest::newRow("notebook failed") << "failing" << QString() << "TERMINATED"
                                     << "RUN_EXECUTION_ERROR"
                                     << "CLIENT_ERROR";
    QTest::newRow("driver error") << "internal_error" << QString() << "INTERNAL_ERROR"
                                  << "DRIVER_ERROR"
                                  << "INTERNAL_ERROR";
    QTest::newRow("skipped") << "skipped" << QString() << "SKIPPED"
                             << "SKIPPED"
                             << "SUCCESS";
    QTest::newRow("timed out") << "slow_report"
                               << R"("timeout_seconds":5,)"
                               << "TERMINATED"
                               << "CANCELED"
                               << "CLIENT_ERROR";
    // A code and a type that no SDK knows (yet): a client must show them, not choke.
    QTest::newRow("unknown code and type") << "future" << QString() << "TERMINATED"
                                           << "WORKLOAD_PREEMPTED"
                                           << "CAPACITY_ERROR";
}

void TestEmulatorLive::terminationDetails()
{
    QFETCH(QString, notebook);
    QFETCH(QString, runFields);
    QFETCH(QString, lifeCycle);
    QFETCH(QString, code);
    QFETCH(QString, type);
    const qint64 id = submit(taskBody(notebook, QString(), runFields));
    QVERIFY(id > 0);
    advance(10 * 60 * 1000);
    const QJsonObject run = getRun(id);
    QCOMPARE(::lifeCycle(run), lifeCycle);
    QCOMPARE(str(status(run), "state"), QStringLiteral("TERMINATED"));
    QCOMPARE(str(termination(run), "code"), code);
    QCOMPARE(str(termination(run), "type"), type);
    QCOMPARE(str(termination(run), "message"),
             str(run.value(QStringLiteral("state")).toObject(), "state_message"));
    QVERIFY(!status(run).contains(QStringLiteral("queue_details")));
    const QJsonObject task = tasksOf(run).at(0);
    QCOMPARE(task.value(QStringLiteral("status")), run.value(QStringLiteral("status")));
}

// The run ids of retries are kept in the --state file with the run.
void TestEmulatorLive::retriesSurviveTheStateFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    EmulatorOptions options;
    options.token = kToken;
    options.speed = 0.001;
    options.stateFile = dir.filePath(QStringLiteral("state.json"));
    qint64 id = 0;
    {
        Emulator first(options);
        QVERIFY(first.start());
        HttpTestClient http(first.baseUrl(), kToken);
        id =
            idOf(http.post(QStringLiteral("/api/2.1/jobs/runs/submit"),
                           taskBody(QStringLiteral("flaky"), QStringLiteral(R"(,"max_retries":1)")))
                     .json.value(QStringLiteral("run_id")));
        QVERIFY(id > 0);
    }
    Emulator second(options);
    QVERIFY(second.start());
    second.advanceSimulatedTime(60 * 1000);
    HttpTestClient http(second.baseUrl(), kToken);
    const QJsonObject run =
        http.get(QStringLiteral("/api/2.1/jobs/runs/get?run_id=%1").arg(id)).json;
    QCOMPARE(resultState(run), QStringLiteral("SUCCESS"));
    const QList<QJsonObject> tasks = tasksOf(run);
    QCOMPARE(tasks.size(), 2);
    const HttpReply retryOutput =
        http.get(QStringLiteral("/api/2.1/jobs/runs/get-output?run_id=%1")
                     .arg(idOf(tasks.at(1).value(QStringLiteral("run_id")))));
    QCOMPARE(retryOutput.status, 200);
    QCOMPARE(str(retryOutput.json.value(QStringLiteral("notebook_output")).toObject(), "result"),
             QStringLiteral("ok after retry"));
}

// Jobs API 2.2 takes up to 1000 tasks and answers them 100 at a time; 2.1 takes up to 100 and
// answers all of them.
void TestEmulatorLive::tasksArePagedInJobsApi22()
{
    HttpReply refused = client().post(QStringLiteral("/api/2.1/jobs/runs/submit"), manyTasks(101));
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.message(),
             QStringLiteral("A run can have at most 100 tasks; 101 were given."));
    refused = client().post(QStringLiteral("/api/2.2/jobs/runs/submit"), manyTasks(1001));
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.message(),
             QStringLiteral("A run can have at most 1000 tasks; 1001 were given."));

    const qint64 id = submit(manyTasks(250), QStringLiteral("2.2"));
    QVERIFY(id > 0);
    QStringList keys;
    QString token;
    int pages = 0;
    do {
        const QJsonObject page =
            getRun(id, QStringLiteral("2.2"),
                   token.isEmpty() ? QString() : QStringLiteral("&page_token=") + token);
        QCOMPARE(idOf(page.value(QStringLiteral("run_id"))), id);
        QVERIFY(page.contains(QStringLiteral("status")));
        const QList<QJsonObject> tasks = tasksOf(page);
        QCOMPARE(tasks.size(), pages < 2 ? 100 : 50);
        for (const QJsonObject &t : tasks)
            keys.append(str(t, "task_key"));
        token = str(page, "next_page_token");
        QCOMPARE(token.isEmpty(), pages == 2);
        ++pages;
    } while (!token.isEmpty() && pages < 5);
    QCOMPARE(pages, 3);
    QCOMPARE(keys.size(), 250);
    QCOMPARE(QSet<QString>(keys.begin(), keys.end()).size(), 250);
    QCOMPARE(keys.constFirst(), QStringLiteral("t0001"));
    QCOMPARE(keys.constLast(), QStringLiteral("t0250"));

    const QJsonObject whole = getRun(id, QStringLiteral("2.1"));
    QCOMPARE(tasksOf(whole).size(), 250);
    QVERIFY(!whole.contains(QStringLiteral("next_page_token")));

    const HttpReply badToken = client().get(
        QStringLiteral("/api/2.2/jobs/runs/get?run_id=%1&page_token=nonsense").arg(id));
    QCOMPARE(badToken.status, 400);
    QCOMPARE(badToken.errorCode(), QStringLiteral("INVALID_PARAMETER_VALUE"));
}

// What docs/demo-workspace.md tells a user to do: a job run with 150 tasks, one of them
// retried once, made through the admin route.
void TestEmulatorLive::jobRunWithManyTasksAndARetry()
{
    const HttpReply made =
        client().post(QStringLiteral("/__admin/job-runs"), R"({"task_count": 150})");
    QCOMPARE(made.status, 200);
    const qint64 id = idOf(made.json.value(QStringLiteral("run_id")));
    QVERIFY(id > 0);
    QCOMPARE(client().post(QStringLiteral("/__admin/job-runs"), R"({"task_count": 0})").status,
             400);
    advance(10 * 60 * 1000);

    const QJsonObject run =
        getRun(id, QStringLiteral("2.1"), QStringLiteral("&include_history=true"));
    QCOMPARE(str(run, "run_type"), QStringLiteral("JOB_RUN"));
    QCOMPARE(idOf(run.value(QStringLiteral("job_id"))), kDemoJobId);
    QCOMPARE(resultState(run), QStringLiteral("SUCCESS"));
    const QList<QJsonObject> tasks = tasksOf(run);
    QCOMPARE(tasks.size(), 151);
    QList<QJsonObject> flaky;
    for (const QJsonObject &t : tasks) {
        if (str(t, "task_key") == QLatin1String("flaky"))
            flaky.append(t);
        QVERIFY(!str(t, "description").isEmpty());
    }
    QCOMPARE(flaky.size(), 2);
    QCOMPARE(resultState(flaky.at(0)), QStringLiteral("FAILED"));
    QCOMPARE(resultState(flaky.at(1)), QStringLiteral("SUCCESS"));
    const QJsonArray history = run.value(QStringLiteral("repair_history")).toArray();
    QCOMPARE(history.size(), 1);
    QCOMPARE(str(history.at(0).toObject(), "type"), QStringLiteral("ORIGINAL"));
    QCOMPARE(history.at(0).toObject().value(QStringLiteral("task_run_ids")).toArray().size(), 151);

    // Listed as a job run of the demo job; in 2.2 with at most 100 of its tasks.
    const QString list = QStringLiteral("/api/%1/jobs/runs/list?run_type=JOB_RUN&job_id=%2"
                                        "&expand_tasks=true");
    QJsonObject listed = client()
                             .get(list.arg(QStringLiteral("2.2")).arg(kDemoJobId))
                             .json.value(QStringLiteral("runs"))
                             .toArray()
                             .at(0)
                             .toObject();
    QCOMPARE(idOf(listed.value(QStringLiteral("run_id"))), id);
    QCOMPARE(tasksOf(listed).size(), 100);
    QCOMPARE(listed.value(QStringLiteral("has_more")), QJsonValue(true));
    listed = client()
                 .get(list.arg(QStringLiteral("2.1")).arg(kDemoJobId))
                 .json.value(QStringLiteral("runs"))
                 .toArray()
                 .at(0)
                 .toObject();
    QCOMPARE(tasksOf(listed).size(), 151);
    QVERIFY(!listed.contains(QStringLiteral("has_more")));
    const HttpReply submitRuns = client().get(
        QStringLiteral("/api/2.2/jobs/runs/list?run_type=SUBMIT_RUN&job_id=%1").arg(kDemoJobId));
    QVERIFY(!submitRuns.json.contains(QStringLiteral("runs")));
}

void TestEmulatorLive::listAnswersPageTokens()
{
    EmulatorOptions options;
    options.token = kToken;
    options.speed = 0.001;
    Emulator emulator(options);
    QVERIFY(emulator.start());
    HttpTestClient http(emulator.baseUrl(), kToken);
    QList<qint64> ids;
    for (int i = 0; i < 7; ++i) {
        ids.prepend(idOf(http.post(QStringLiteral("/api/2.2/jobs/runs/submit"),
                                   taskBody(QStringLiteral("hello")))
                             .json.value(QStringLiteral("run_id"))));
        emulator.advanceSimulatedTime(1000);
    }
    const QString list = QStringLiteral("/api/2.2/jobs/runs/list?limit=3");
    QList<qint64> listed;
    QList<QString> previous;
    QString token;
    int pages = 0;
    do {
        const HttpReply reply =
            http.get(list + (token.isEmpty() ? QString() : QStringLiteral("&page_token=") + token));
        QCOMPARE(reply.status, 200);
        for (const QJsonValue &r : reply.json.value(QStringLiteral("runs")).toArray())
            listed.append(idOf(r.toObject().value(QStringLiteral("run_id"))));
        QCOMPARE(reply.json.value(QStringLiteral("has_more")).toBool(), pages < 2);
        QCOMPARE(reply.json.contains(QStringLiteral("prev_page_token")), pages > 0);
        previous.append(str(reply.json, "prev_page_token"));
        token = str(reply.json, "next_page_token");
        ++pages;
    } while (!token.isEmpty() && pages < 10);
    QCOMPARE(pages, 3);
    QCOMPARE(listed, ids);
    // The second page's prev_page_token leads back to the first page.
    const QJsonArray first = http.get(list + QStringLiteral("&page_token=") + previous.at(1))
                                 .json.value(QStringLiteral("runs"))
                                 .toArray();
    QCOMPARE(first.size(), 3);
    QCOMPARE(idOf(first.at(0).toObject().value(QStringLiteral("run_id"))), ids.at(0));
}

// Newer answers may carry `status` and no `state`: the notebook status_only answers so on its
// own, EmulatorOptions::statusOnly (--status-only, /__admin/shapes) makes every run do it.
void TestEmulatorLive::statusOnlyAnswers()
{
    const qint64 id = submit(taskBody(QStringLiteral("status_only")));
    const qint64 other = submit(taskBody(QStringLiteral("hello")));
    advance(2000);
    auto noState = [](const QJsonObject &o) {
        return !o.contains(QStringLiteral("state")) &&
               o.value(QStringLiteral("status")).toObject().contains(QStringLiteral("state"));
    };
    QJsonObject run = getRun(id);
    QVERIFY2(noState(run), QJsonDocument(run).toJson().constData());
    QCOMPARE(str(status(run), "state"), QStringLiteral("RUNNING"));
    const qint64 task = idOf(tasksOf(run).at(0).value(QStringLiteral("run_id")));
    QVERIFY(noState(tasksOf(run).at(0)));
    QVERIFY(noState(getRun(task)));
    QVERIFY(noState(output(task).value(QStringLiteral("metadata")).toObject()));
    QVERIFY(getRun(other).contains(QStringLiteral("state")));

    advance(60000);
    run = getRun(id);
    QVERIFY(noState(run));
    QCOMPARE(str(termination(run), "code"), QStringLiteral("SUCCESS"));
    QCOMPARE(str(output(task).value(QStringLiteral("notebook_output")).toObject(), "result"),
             QStringLiteral("answered with status only"));
    const QJsonArray runs = client()
                                .get(QStringLiteral("/api/2.2/jobs/runs/list?limit=25"))
                                .json.value(QStringLiteral("runs"))
                                .toArray();
    bool found = false;
    for (const QJsonValue &r : runs) {
        if (idOf(r.toObject().value(QStringLiteral("run_id"))) == id) {
            found = true;
            QVERIFY(noState(r.toObject()));
        }
    }
    QVERIFY(found);

    m_emulator->setShapeSettings({AnswerShapes::Live, true});
    const auto restore = qScopeGuard([this] {
        m_emulator->setShapeSettings({AnswerShapes::Live, false});
    });
    QVERIFY(noState(getRun(other)));
    QVERIFY(noState(tasksOf(getRun(other)).at(0)));
}

void TestEmulatorLive::unservedVersionsAreBadTargets()
{
    for (const QString &served : {QStringLiteral("2.1"), QStringLiteral("2.2")}) {
        EmulatorOptions options;
        options.token = kToken;
        options.jobsApiVersions = {served};
        Emulator emulator(options);
        QVERIFY(emulator.start());
        HttpTestClient http(emulator.baseUrl(), kToken);
        const QString other =
            served == QLatin1String("2.1") ? QStringLiteral("2.2") : QStringLiteral("2.1");
        const HttpReply submitted =
            http.post(QStringLiteral("/api/%1/jobs/runs/submit").arg(served),
                      taskBody(QStringLiteral("hello")));
        QCOMPARE(submitted.status, 200);
        const qint64 id = idOf(submitted.json.value(QStringLiteral("run_id")));
        QCOMPARE(
            http.get(QStringLiteral("/api/%1/jobs/runs/get?run_id=%2").arg(served).arg(id)).status,
            200);
        for (const QString &route :
             {QStringLiteral("runs/get?run_id=%1").arg(id), QStringLiteral("runs/list"),
              QStringLiteral("runs/get-output?run_id=%1").arg(id)}) {
            const HttpReply reply = http.get(QStringLiteral("/api/%1/jobs/%2").arg(other, route));
            QCOMPARE(reply.status, 404);
            QCOMPARE(reply.body, QStringLiteral(R"({"error":"Bad Target: /api/%1/jobs/%2"})")
                                     .arg(other, route.section(QLatin1Char('?'), 0, 0))
                                     .toUtf8());
        }
        const HttpReply submit = http.post(QStringLiteral("/api/%1/jobs/runs/submit").arg(other),
                                           taskBody(QStringLiteral("hello")));
        QCOMPARE(submit.status, 404);
        QCOMPARE(submit.body, QStringLiteral(R"({"error":"Bad Target: /api/%1/jobs/runs/submit"})")
                                  .arg(other)
                                  .toUtf8());
        QCOMPARE(emulator.createdRunCount(), 1);
        // Other APIs and unknown routes are as before.
        QCOMPARE(http.get(QStringLiteral("/api/2.1/clusters/list")).status, 200);
        QCOMPARE(http.get(QStringLiteral("/api/2.0/jobs/runs/list")).errorCode(),
                 QStringLiteral("ENDPOINT_NOT_FOUND"));
    }
    EmulatorOptions options;
    options.jobsApiVersions = {QStringLiteral("2.0")};
    Emulator emulator(options);
    QString error;
    QVERIFY(!emulator.start(&error));
    QVERIFY2(error.contains(QStringLiteral("2.0")), qPrintable(error));
}

// --shapes published: what the conformance test sees. None of the live members, no paging,
// no page tokens; retries and job runs still work.
void TestEmulatorLive::publishedShapesLeaveLiveMembersOut()
{
    m_emulator->setShapeSettings({AnswerShapes::Published, true}); // status-only: live only
    const auto restore = qScopeGuard([this] {
        m_emulator->setShapeSettings({AnswerShapes::Live, false});
    });
    const qint64 many = submit(manyTasks(150), QStringLiteral("2.2"));
    const qint64 retried =
        submit(taskBody(QStringLiteral("flaky"), QStringLiteral(R"(,"max_retries":1)")));
    advance(60000);
    const QJsonObject run =
        getRun(many, QStringLiteral("2.2"), QStringLiteral("&include_history=true"));
    QCOMPARE(tasksOf(run).size(), 150);
    QVERIFY(run.contains(QStringLiteral("state")));
    const QSet<QString> runMembers = {QStringLiteral("run_id"),
                                      QStringLiteral("job_id"),
                                      QStringLiteral("run_name"),
                                      QStringLiteral("creator_user_name"),
                                      QStringLiteral("number_in_job"),
                                      QStringLiteral("state"),
                                      QStringLiteral("tasks"),
                                      QStringLiteral("cluster_spec"),
                                      QStringLiteral("cluster_instance"),
                                      QStringLiteral("start_time"),
                                      QStringLiteral("setup_duration"),
                                      QStringLiteral("execution_duration"),
                                      QStringLiteral("cleanup_duration"),
                                      QStringLiteral("end_time"),
                                      QStringLiteral("trigger"),
                                      QStringLiteral("run_type"),
                                      QStringLiteral("attempt_number"),
                                      QStringLiteral("run_page_url"),
                                      QStringLiteral("format")};
    const QSet<QString> taskMembers = {QStringLiteral("run_id"),
                                       QStringLiteral("task_key"),
                                       QStringLiteral("state"),
                                       QStringLiteral("start_time"),
                                       QStringLiteral("setup_duration"),
                                       QStringLiteral("execution_duration"),
                                       QStringLiteral("cleanup_duration"),
                                       QStringLiteral("end_time"),
                                       QStringLiteral("attempt_number")};
    auto undeclared = [](const QJsonObject &o, const QSet<QString> &declared) {
        QStringList extra;
        for (const QString &key : o.keys()) {
            if (!declared.contains(key))
                extra.append(key);
        }
        return extra.join(QLatin1Char(','));
    };
    QCOMPARE(undeclared(run, runMembers), QString());
    const QJsonObject retriedRun = getRun(retried);
    QCOMPARE(undeclared(retriedRun, runMembers), QString());
    QCOMPARE(tasksOf(retriedRun).size(), 2);
    for (const QJsonObject &t : tasksOf(retriedRun))
        QCOMPARE(undeclared(t, taskMembers), QString());
    QCOMPARE(tasksOf(retriedRun).at(1).value(QStringLiteral("attempt_number")).toInt(), 1);
    const HttpReply listed = client().get(QStringLiteral("/api/2.2/jobs/runs/list?limit=1"));
    QCOMPARE(listed.json.keys(), (QStringList{QStringLiteral("has_more"), QStringLiteral("runs")}));
}

QTEST_GUILESS_MAIN(TestEmulatorLive)
#include "tst_emulatorlive.moc"
