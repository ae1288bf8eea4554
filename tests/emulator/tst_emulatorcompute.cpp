// SPDX-License-Identifier: Apache-2.0
// The demo workspace's compute and task shapes over real loopback HTTP: serverless runs, new
// job clusters, Python files, Git sources, the runtime and node type lists, and the service's
// refusals of what it cannot run.

#include "Emulator.h"
#include "HttpTestClient.h"
#include "TestTimeouts.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Brickrun::Emulator;
using Brickrun::Emulator::Test::HttpReply;
using Brickrun::Emulator::Test::HttpTestClient;

namespace {

const QString kToken = QStringLiteral("dapi-test-compute-0123456789abcdef");
const QString kAnalytics = QStringLiteral("https://github.com/brickrun-demo/analytics");
const QString kMainCommit = QStringLiteral("f29bc91bbdab169fc0c0a326965953d11c7dff83");
const QString kV100Commit = QStringLiteral("0e8c4304837e44c4e8d02820617bcbf7306458f7");

qint64 idOf(const QJsonValue &value)
{
    return static_cast<qint64>(value.toDouble());
}

QByteArray json(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    Q_ASSERT(QJsonDocument::fromJson(utf8).isObject());
    return utf8;
}

// One task; `task` is its members after task_key.
QByteArray oneTask(const QString &task, const QString &runMembers = QString())
{
    return json(QStringLiteral(R"({%1"run_name":"compute","tasks":[{"task_key":"main",%2}]})")
                    .arg(runMembers.isEmpty() ? QString() : runMembers + QLatin1Char(','), task));
}

const QString kHello = QStringLiteral(R"("notebook_task":{"notebook_path":"/Shared/Demo/hello"})");
const QString kEnvironments = QStringLiteral(
    R"("environments":[{"environment_key":"default","spec":{"environment_version":"3",)"
    R"("dependencies":["pandas==2.2.3"]}}])");

QString gitSource(const QString &ref, const QString &url = kAnalytics,
                  const QString &provider = QStringLiteral("gitHub"))
{
    return QStringLiteral(R"("git_source":{"git_url":"%1","git_provider":"%2",%3})")
        .arg(url, provider, ref);
}

// A run without its run page URLs, which name the emulator's port.
QJsonObject withoutPageUrls(QJsonObject run)
{
    run.remove(QStringLiteral("run_page_url"));
    QJsonArray tasks;
    for (const QJsonValue &t : run.value(QStringLiteral("tasks")).toArray()) {
        QJsonObject task = t.toObject();
        task.remove(QStringLiteral("run_page_url"));
        tasks.append(task);
    }
    run.insert(QStringLiteral("tasks"), tasks);
    return run;
}

QString stateOf(const QJsonObject &run, const char *member)
{
    return run.value(QStringLiteral("state")).toObject().value(QLatin1String(member)).toString();
}

} // namespace

class TestEmulatorCompute : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void sparkVersions();
    void nodeTypes();
    void nodeTypesPublished();
    void serverlessNotebook();
    void serverlessPythonFile();
    void newClusterWaitsForItsStart();
    void pythonFileFails();
    void pythonLogsKeepTheirEnd();
    void gitSources_data();
    void gitSources();
    void gitPythonFile();
    void validation_data();
    void validation();
    void stateFileKeepsTheNewShapes();

private:
    qint64 submit(const QByteArray &body);
    QJsonObject getRun(qint64 runId);
    QJsonObject output(qint64 taskRunId);
    static qint64 firstTaskRunId(const QJsonObject &run);
    // Runs the run to its end on the simulated clock and answers its final runs/get.
    QJsonObject finished(qint64 runId);

    std::unique_ptr<Emulator> m_emulator;
    std::unique_ptr<HttpTestClient> m_client;
};

void TestEmulatorCompute::initTestCase()
{
    EmulatorOptions options;
    options.token = kToken;
    options.speed = 1; // the tests move the clock themselves
    m_emulator = std::make_unique<Emulator>(options);
    QString error;
    QVERIFY2(m_emulator->start(&error), qPrintable(error));
    m_client = std::make_unique<HttpTestClient>(m_emulator->baseUrl(), kToken);
}

void TestEmulatorCompute::cleanupTestCase()
{
    m_client.reset();
    m_emulator->stop();
}

qint64 TestEmulatorCompute::submit(const QByteArray &body)
{
    const HttpReply reply = m_client->post(QStringLiteral("/api/2.2/jobs/runs/submit"), body);
    if (reply.status != 200)
        qWarning("submit failed: %s", reply.body.constData());
    return idOf(reply.json.value(QStringLiteral("run_id")));
}

QJsonObject TestEmulatorCompute::getRun(qint64 runId)
{
    return m_client->get(QStringLiteral("/api/2.2/jobs/runs/get?run_id=%1").arg(runId)).json;
}

QJsonObject TestEmulatorCompute::output(qint64 taskRunId)
{
    return m_client->get(QStringLiteral("/api/2.2/jobs/runs/get-output?run_id=%1").arg(taskRunId))
        .json;
}

qint64 TestEmulatorCompute::firstTaskRunId(const QJsonObject &run)
{
    return idOf(run.value(QStringLiteral("tasks"))
                    .toArray()
                    .at(0)
                    .toObject()
                    .value(QStringLiteral("run_id")));
}

QJsonObject TestEmulatorCompute::finished(qint64 runId)
{
    m_emulator->advanceSimulatedTime(10 * 60 * 1000);
    return getRun(runId);
}

void TestEmulatorCompute::sparkVersions()
{
    for (const QString &version : {QStringLiteral("2.0"), QStringLiteral("2.1")}) {
        const HttpReply reply =
            m_client->get(QStringLiteral("/api/%1/clusters/spark-versions").arg(version));
        QCOMPARE(reply.status, 200);
        const QJsonArray versions = reply.json.value(QStringLiteral("versions")).toArray();
        QVERIFY(versions.size() >= 10);
        int lts = 0;
        int ml = 0;
        int gpu = 0;
        int plain = 0;
        static const QRegularExpression name(
            QStringLiteral("^\\d+\\.\\d+( LTS)?( ML| Photon)? \\(includes Apache Spark "
                           "\\d\\.\\d\\.\\d(, GPU)?, Scala 2\\.1[23]\\)$"));
        for (const QJsonValue &v : versions) {
            const QString key = v.toObject().value(QStringLiteral("key")).toString();
            const QString text = v.toObject().value(QStringLiteral("name")).toString();
            QVERIFY2(name.match(text).hasMatch(), qPrintable(text));
            QVERIFY2(key.startsWith(text.section(QLatin1Char(' '), 0, 0) + QStringLiteral(".x-")),
                     qPrintable(key));
            lts += text.contains(QLatin1String(" LTS"));
            ml += key.contains(QLatin1String("-ml-"));
            gpu += key.contains(QLatin1String("-gpu-"));
            plain += !text.contains(QLatin1String(" LTS"));
        }
        QVERIFY(lts >= 5 && plain >= 2 && ml >= 3 && gpu >= 2);
        QVERIFY(versions.contains(
            QJsonObject{{QStringLiteral("key"), QStringLiteral("15.4.x-scala2.12")},
                        {QStringLiteral("name"),
                         QStringLiteral("15.4 LTS (includes Apache Spark 3.5.0, Scala 2.12)")}}));
    }
    QCOMPARE(m_client->get(QStringLiteral("/api/2.2/clusters/spark-versions")).status, 404);
    QCOMPARE(m_client->post(QStringLiteral("/api/2.1/clusters/spark-versions"), "{}").status, 404);
}

void TestEmulatorCompute::nodeTypes()
{
    const HttpReply reply = m_client->get(QStringLiteral("/api/2.1/clusters/list-node-types"));
    QCOMPARE(reply.status, 200);
    const QJsonArray types = reply.json.value(QStringLiteral("node_types")).toArray();
    QVERIFY(types.size() >= 8);
    QSet<QString> categories;
    bool deprecated = false;
    bool gpus = false;
    QJsonObject ds3;
    for (const QJsonValue &t : types) {
        const QJsonObject type = t.toObject();
        QVERIFY(type.value(QStringLiteral("node_type_id"))
                    .toString()
                    .startsWith(QLatin1String("Standard_")));
        QVERIFY(type.value(QStringLiteral("num_cores")).toDouble() >= 1);
        QVERIFY(type.value(QStringLiteral("memory_mb")).toDouble() >= 1024);
        QVERIFY(type.value(QStringLiteral("is_deprecated")).isBool());
        QVERIFY(type.value(QStringLiteral("node_instance_type")).isObject()); // live only
        categories.insert(type.value(QStringLiteral("category")).toString());
        deprecated |= type.value(QStringLiteral("is_deprecated")).toBool();
        gpus |= type.value(QStringLiteral("num_gpus")).toInt() > 0;
        if (type.value(QStringLiteral("node_type_id")) ==
            QJsonValue(QStringLiteral("Standard_DS3_v2")))
            ds3 = type;
    }
    QVERIFY(categories.contains(QStringLiteral("General Purpose")));
    QVERIFY(categories.contains(QStringLiteral("Memory Optimized")));
    QVERIFY(categories.size() >= 4);
    QVERIFY(deprecated);
    QVERIFY(gpus);
    QCOMPARE(ds3.value(QStringLiteral("num_cores")).toDouble(), 4.0);
    QCOMPARE(ds3.value(QStringLiteral("memory_mb")).toInt(), 14336);
    QCOMPARE(ds3.value(QStringLiteral("description")).toString(),
             QStringLiteral("Standard_DS3_v2"));
    QCOMPARE(m_client->get(QStringLiteral("/api/2.0/clusters/list-node-types"))
                 .json.value(QStringLiteral("node_types"))
                 .toArray(),
             types);
}

// Published shapes: only the members of the NodeType schema.
void TestEmulatorCompute::nodeTypesPublished()
{
    m_emulator->setShapeSettings({AnswerShapes::Published, false});
    const auto backToLive = qScopeGuard([this] {
        m_emulator->setShapeSettings({AnswerShapes::Live, false});
    });
    const QSet<QString> declared = {
        QStringLiteral("node_type_id"),     QStringLiteral("memory_mb"),
        QStringLiteral("num_cores"),        QStringLiteral("description"),
        QStringLiteral("instance_type_id"), QStringLiteral("is_deprecated"),
        QStringLiteral("num_gpus"),         QStringLiteral("category")};
    const QJsonArray types = m_client->get(QStringLiteral("/api/2.0/clusters/list-node-types"))
                                 .json.value(QStringLiteral("node_types"))
                                 .toArray();
    QVERIFY(!types.isEmpty());
    for (const QJsonValue &t : types) {
        const QStringList keys = t.toObject().keys();
        QCOMPARE(QSet<QString>(keys.begin(), keys.end()), declared);
    }
}

// A notebook on serverless: no cluster anywhere, running within seconds.
void TestEmulatorCompute::serverlessNotebook()
{
    const qint64 id = submit(oneTask(kHello));
    QVERIFY(id > 0);
    QJsonObject run = getRun(id);
    QCOMPARE(stateOf(run, "life_cycle_state"), QStringLiteral("PENDING"));
    QJsonObject task = run.value(QStringLiteral("tasks")).toArray().at(0).toObject();
    QCOMPARE(stateOf(task, "state_message"), QStringLiteral("Waiting for serverless compute"));
    for (const QJsonObject &o : {run, task}) {
        for (const char *member : {"cluster_instance", "cluster_spec", "existing_cluster_id",
                                   "new_cluster", "environment_key"})
            QVERIFY2(!o.contains(QLatin1String(member)), member);
    }
    m_emulator->advanceSimulatedTime(3500);
    QCOMPARE(stateOf(getRun(id), "life_cycle_state"), QStringLiteral("RUNNING"));
    run = finished(id);
    QCOMPARE(stateOf(run, "result_state"), QStringLiteral("SUCCESS"));
    const QJsonObject taskRun = getRun(firstTaskRunId(run));
    QVERIFY(!taskRun.contains(QStringLiteral("cluster_instance")));
    QVERIFY(!taskRun.contains(QStringLiteral("cluster_spec")));
    QVERIFY(output(firstTaskRunId(run))
                .value(QStringLiteral("notebook_output"))
                .toObject()
                .contains(QStringLiteral("result")));
}

// A Python file on serverless with an environment: its logs carry its arguments, in order.
void TestEmulatorCompute::serverlessPythonFile()
{
    const qint64 id =
        submit(oneTask(QStringLiteral(R"("environment_key":"default","spark_python_task":)"
                                      R"({"python_file":"/Shared/Demo/etl_job.py",)"
                                      R"("parameters":["--date","2026-11-26","it\u0027s"]})"),
                       kEnvironments));
    QVERIFY(id > 0);
    const QJsonObject run = finished(id);
    QCOMPARE(stateOf(run, "result_state"), QStringLiteral("SUCCESS"));
    const QJsonObject task = run.value(QStringLiteral("tasks")).toArray().at(0).toObject();
    QCOMPARE(task.value(QStringLiteral("environment_key")).toString(), QStringLiteral("default"));
    QVERIFY(!task.contains(QStringLiteral("notebook_task")));
    const QJsonObject python = task.value(QStringLiteral("spark_python_task")).toObject();
    QCOMPARE(python.value(QStringLiteral("python_file")).toString(),
             QStringLiteral("/Shared/Demo/etl_job.py"));
    QCOMPARE(python.value(QStringLiteral("source")).toString(), QStringLiteral("WORKSPACE"));
    QCOMPARE(python.value(QStringLiteral("parameters")).toArray(),
             (QJsonArray{QStringLiteral("--date"), QStringLiteral("2026-11-26"),
                         QStringLiteral("it\u0027s")}));

    const QJsonObject out = output(firstTaskRunId(run));
    QVERIFY(!out.contains(QStringLiteral("notebook_output")));
    QCOMPARE(out.value(QStringLiteral("logs_truncated")), QJsonValue(false));
    const QString logs = out.value(QStringLiteral("logs")).toString();
    QVERIFY2(logs.startsWith(QStringLiteral(
                 "ETL job started with arguments ['--date', '2026-11-26', 'it\\'s']\n")),
             qPrintable(logs));
    QVERIFY(logs.contains(QLatin1String("Wrote 12,443 rows")));

    // Published shapes: get-output as its description declares it, without logs.
    m_emulator->setShapeSettings({AnswerShapes::Published, false});
    const auto backToLive = qScopeGuard([this] {
        m_emulator->setShapeSettings({AnswerShapes::Live, false});
    });
    const QStringList published = output(firstTaskRunId(run)).keys();
    QCOMPARE(published, QStringList{QStringLiteral("metadata")});
    m_emulator->setShapeSettings({AnswerShapes::Live, false});

    // The parent's output is refused as for any multi-task run.
    QCOMPARE(
        m_client->get(QStringLiteral("/api/2.2/jobs/runs/get-output?run_id=%1").arg(id)).status,
        400);
}

// A job cluster made for the run: PENDING while it starts, then its Spark context.
void TestEmulatorCompute::newClusterWaitsForItsStart()
{
    const QString spec = QStringLiteral(
        R"({"spark_version":"16.4.x-scala2.12","node_type_id":"Standard_D4ds_v5",)"
        R"("autoscale":{"min_workers":1,"max_workers":4},"runtime_engine":"PHOTON"})");
    const qint64 id = submit(oneTask(QStringLiteral(R"("new_cluster":%1,%2)").arg(spec, kHello)));
    QVERIFY(id > 0);
    m_emulator->advanceSimulatedTime(10 * 1000); // the job cluster takes 20 s
    QJsonObject run = getRun(id);
    QCOMPARE(stateOf(run, "life_cycle_state"), QStringLiteral("PENDING"));
    QCOMPARE(run.value(QStringLiteral("cluster_spec")).toObject(),
             (QJsonObject{{QStringLiteral("new_cluster"),
                           QJsonDocument::fromJson(spec.toUtf8()).object()}}));
    QJsonObject task = run.value(QStringLiteral("tasks")).toArray().at(0).toObject();
    QJsonObject instance = task.value(QStringLiteral("cluster_instance")).toObject();
    const QString clusterId = instance.value(QStringLiteral("cluster_id")).toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d{4}-\\d{6}-[0-9a-z]{8}$"))
                 .match(clusterId)
                 .hasMatch(),
             qPrintable(clusterId));
    QVERIFY(!instance.contains(QStringLiteral("spark_context_id")));
    QCOMPARE(stateOf(task, "state_message"),
             QStringLiteral("Waiting for cluster %1 to start").arg(clusterId));
    // Not a cluster of the workspace: clusters/list does not show it.
    QVERIFY(
        !m_client->get(QStringLiteral("/api/2.1/clusters/list")).body.contains(clusterId.toUtf8()));

    m_emulator->advanceSimulatedTime(11 * 1000);
    run = getRun(id);
    QCOMPARE(stateOf(run, "life_cycle_state"), QStringLiteral("RUNNING"));
    task = run.value(QStringLiteral("tasks")).toArray().at(0).toObject();
    instance = task.value(QStringLiteral("cluster_instance")).toObject();
    QCOMPARE(instance.value(QStringLiteral("cluster_id")).toString(), clusterId);
    QVERIFY(!instance.value(QStringLiteral("spark_context_id")).toString().isEmpty());
    QCOMPARE(run.value(QStringLiteral("cluster_instance")).toObject(), instance);
    QVERIFY(task.value(QStringLiteral("setup_duration")).toDouble() >= 20000);
    QCOMPARE(stateOf(finished(id), "result_state"), QStringLiteral("SUCCESS"));
}

void TestEmulatorCompute::pythonFileFails()
{
    const qint64 id =
        submit(oneTask(QStringLiteral(R"("existing_cluster_id":"demo-cluster","spark_python_task":)"
                                      R"({"python_file":"/Workspace/Shared/Demo/failing_job.py",)"
                                      R"("parameters":["--date","yesterday"]})")));
    QVERIFY(id > 0);
    const QJsonObject run = finished(id);
    QCOMPARE(stateOf(run, "result_state"), QStringLiteral("FAILED"));
    const QJsonObject out = output(firstTaskRunId(run));
    QCOMPARE(out.value(QStringLiteral("error")).toString(),
             QStringLiteral("ValueError: --date must be YYYY-MM-DD"));
    QVERIFY(out.value(QStringLiteral("error_trace"))
                .toString()
                .startsWith(QLatin1String("Traceback (most recent call last):")));
    QVERIFY(out.value(QStringLiteral("logs"))
                .toString()
                .contains(QLatin1String("['--date', 'yesterday']")));
    QVERIFY(!out.contains(QStringLiteral("notebook_output")));
}

// logs keep the last 5 MB, never splitting a character.
void TestEmulatorCompute::pythonLogsKeepTheirEnd()
{
    const qint64 id = submit(oneTask(QStringLiteral(
        R"("existing_cluster_id":"demo-cluster","spark_python_task":{"python_file":"/Shared/Demo/chatty_job.py"})")));
    const QJsonObject run = finished(id);
    QNetworkAccessManager nam;
    QNetworkRequest request(
        QUrl(m_emulator->baseUrl() +
             QStringLiteral("/api/2.2/jobs/runs/get-output?run_id=%1").arg(firstTaskRunId(run))));
    request.setRawHeader("Authorization", "Bearer " + kToken.toUtf8());
    const std::unique_ptr<QNetworkReply> reply(nam.get(request));
    QVERIFY(
        QTest::qWaitFor([&] { return reply->isFinished(); }, Brickrun::Test::scaledTimeout(20000)));
    const QJsonObject out = QJsonDocument::fromJson(reply->readAll()).object();
    QCOMPARE(out.value(QStringLiteral("logs_truncated")), QJsonValue(true));
    const QByteArray logs = out.value(QStringLiteral("logs")).toString().toUtf8();
    QVERIFY(logs.size() <= 5 * 1024 * 1024);
    QVERIFY(logs.size() > 5 * 1024 * 1024 - 4);
    QVERIFY(!logs.startsWith("row;city;amount;check\n")); // the start is what was cut
    QVERIFY(!logs.contains("\xef\xbf\xbd"));
}

void TestEmulatorCompute::gitSources_data()
{
    QTest::addColumn<QString>("git");
    QTest::addColumn<QString>("notebook");
    QTest::addColumn<QString>("lifeCycle");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("commit");
    const QString ok = QStringLiteral("TERMINATED");
    const QString checkout = QStringLiteral("Failed to checkout Git repository: ");
    const QString report = QStringLiteral("notebooks/daily_report");
    QTest::newRow("branch") << gitSource(QStringLiteral(R"("git_branch":"main")")) << report << ok
                            << QStringLiteral("SUCCESS") << QString() << kMainCommit;
    QTest::newRow("tag, URL with .git, provider in lower case")
        << gitSource(QStringLiteral(R"("git_tag":"v1.0.0")"), kAnalytics + QStringLiteral(".git"),
                     QStringLiteral("github"))
        << report << ok << QStringLiteral("SUCCESS") << QString() << kV100Commit;
    QTest::newRow("commit prefix")
        << gitSource(QStringLiteral(R"("git_commit":"0e8c430")")) << report + QStringLiteral(".py")
        << ok << QStringLiteral("SUCCESS") << QString() << kV100Commit;
    QTest::newRow("unknown branch")
        << gitSource(QStringLiteral(R"("git_branch":"feature/nope")")) << report
        << QStringLiteral("INTERNAL_ERROR") << QStringLiteral("REPOSITORY_CHECKOUT_FAILED")
        << checkout +
               QStringLiteral("RESOURCE_DOES_NOT_EXIST: Could not find branch "
                              "'feature/nope' in repository ") +
               kAnalytics + QLatin1Char('.')
        << QString();
    QTest::newRow("unknown tag") << gitSource(QStringLiteral(R"("git_tag":"v9")")) << report
                                 << QStringLiteral("INTERNAL_ERROR")
                                 << QStringLiteral("REPOSITORY_CHECKOUT_FAILED")
                                 << checkout + QStringLiteral("RESOURCE_DOES_NOT_EXIST: Could not "
                                                              "find tag 'v9'")
                                 << QString();
    QTest::newRow("unknown repository")
        << gitSource(QStringLiteral(R"("git_branch":"main")"),
                     QStringLiteral("https://github.com/brickrun-demo/nothing"))
        << report << QStringLiteral("INTERNAL_ERROR")
        << QStringLiteral("REPOSITORY_CHECKOUT_FAILED")
        << checkout + QStringLiteral("RESOURCE_DOES_NOT_EXIST: Repository "
                                     "https://github.com/brickrun-demo/nothing not found")
        << QString();
    QTest::newRow("another provider")
        << gitSource(QStringLiteral(R"("git_branch":"main")"), kAnalytics, QStringLiteral("gitLab"))
        << report << QStringLiteral("INTERNAL_ERROR")
        << QStringLiteral("REPOSITORY_CHECKOUT_FAILED")
        << checkout + QStringLiteral("INVALID_PARAMETER_VALUE: Repository ") << QString();
    QTest::newRow("no such notebook at the commit")
        << gitSource(QStringLiteral(R"("git_branch":"main")")) << QStringLiteral("notebooks/nope")
        << ok << QStringLiteral("RESOURCE_NOT_FOUND")
        << QStringLiteral(
               "Unable to access the notebook \"notebooks/nope\": it does not exist in ") +
               kAnalytics + QStringLiteral(" at commit f29bc91.")
        << kMainCommit;
    QTest::newRow("Azure DevOps")
        << gitSource(QStringLiteral(R"("git_branch":"release/2026.11")"),
                     QStringLiteral("https://dev.azure.com/contoso/data-platform/_git/pipelines"),
                     QStringLiteral("azureDevOpsServices"))
        << QStringLiteral("notebooks/quality_checks") << ok << QStringLiteral("SUCCESS")
        << QString() << QStringLiteral("32f28ea03b1b20126629d2ca63fc6665b0bbb604");
}

// A Git checkout happens when the run starts: the submit is accepted and the run fails with
// the service's wording when the repository, branch, tag or notebook is not there.
void TestEmulatorCompute::gitSources()
{
    QFETCH(QString, git);
    QFETCH(QString, notebook);
    QFETCH(QString, lifeCycle);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(QString, commit);
    const qint64 id = submit(oneTask(
        QStringLiteral(
            R"("existing_cluster_id":"demo-cluster","notebook_task":{"notebook_path":"%1"})")
            .arg(notebook),
        git));
    QVERIFY(id > 0);
    const QJsonObject run = finished(id);
    QCOMPARE(stateOf(run, "life_cycle_state"), lifeCycle);
    const QJsonObject details = run.value(QStringLiteral("status"))
                                    .toObject()
                                    .value(QStringLiteral("termination_details"))
                                    .toObject();
    QCOMPARE(details.value(QStringLiteral("code")).toString(), code);
    QVERIFY2(details.value(QStringLiteral("message")).toString().startsWith(message),
             qPrintable(details.value(QStringLiteral("message")).toString()));
    const QJsonObject task = run.value(QStringLiteral("tasks")).toArray().at(0).toObject();
    QCOMPARE(task.value(QStringLiteral("notebook_task"))
                 .toObject()
                 .value(QStringLiteral("source"))
                 .toString(),
             QStringLiteral("GIT"));
    const QJsonObject source = run.value(QStringLiteral("git_source")).toObject();
    // The provider as the service spells it, whatever its case in the submit.
    QVERIFY(QStringList({QStringLiteral("gitHub"), QStringLiteral("gitLab"),
                         QStringLiteral("azureDevOpsServices")})
                .contains(source.value(QStringLiteral("git_provider")).toString()));
    QCOMPARE(source.value(QStringLiteral("git_snapshot"))
                 .toObject()
                 .value(QStringLiteral("used_commit"))
                 .toString(),
             commit);
    if (!code.startsWith(QLatin1String("SUCCESS"))) {
        const QJsonObject out = output(firstTaskRunId(run));
        QVERIFY(out.value(QStringLiteral("error")).toString().startsWith(message));
        QVERIFY(!out.value(QStringLiteral("notebook_output"))
                     .toObject()
                     .contains(QStringLiteral("result")));
    }
}

void TestEmulatorCompute::gitPythonFile()
{
    const qint64 id = submit(oneTask(
        QStringLiteral(
            R"("new_cluster":{"spark_version":"15.4.x-scala2.12","node_type_id":"Standard_DS3_v2",)"
            R"("num_workers":1},"spark_python_task":{"python_file":"jobs/etl_job.py",)"
            R"("parameters":["--full"]})"),
        gitSource(QStringLiteral(R"("git_branch":"develop")"))));
    QVERIFY(id > 0);
    const QJsonObject run = finished(id);
    QCOMPARE(stateOf(run, "result_state"), QStringLiteral("SUCCESS"));
    QCOMPARE(run.value(QStringLiteral("tasks"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("spark_python_task"))
                 .toObject()
                 .value(QStringLiteral("source"))
                 .toString(),
             QStringLiteral("GIT"));
    QCOMPARE(output(firstTaskRunId(run))
                 .value(QStringLiteral("logs"))
                 .toString()
                 .section(QLatin1Char('\n'), 0, 0),
             QStringLiteral("analytics@git: ETL job started with arguments ['--full']"));
}

void TestEmulatorCompute::validation_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<QString>("message");
    const QString invalid = QStringLiteral("INVALID_PARAMETER_VALUE");
    const QString malformed = QStringLiteral("MALFORMED_REQUEST");
    const QString cluster = QStringLiteral(R"("existing_cluster_id":"demo-cluster",)");
    auto newCluster = [](const QString &members) {
        return QStringLiteral(R"("new_cluster":{%1},)").arg(members);
    };
    const QString runtime = QStringLiteral(R"("spark_version":"16.4.x-scala2.12")");
    const QString node = QStringLiteral(R"("node_type_id":"Standard_DS3_v2")");
    auto python = [](const QString &members) {
        return QStringLiteral(R"("spark_python_task":{%1})").arg(members);
    };
    const QString etl = python(QStringLiteral(R"("python_file":"/Shared/Demo/etl_job.py")"));
    // A hello task on a new cluster of this runtime and node type, and these members.
    auto sized = [&](const QString &members) {
        return oneTask(newCluster(runtime + QLatin1Char(',') + node + members) + kHello);
    };

    QTest::newRow("serverless with new_cluster")
        << oneTask(QStringLiteral(R"("environment_key":"default",)") +
                       newCluster(runtime + QLatin1Char(',') + node) + etl,
                   kEnvironments)
        << invalid
        << QStringLiteral("Task main specifies environment_key together with new_cluster.");
    QTest::newRow("serverless with existing_cluster_id")
        << oneTask(QStringLiteral(R"("environment_key":"default",)") + cluster + etl, kEnvironments)
        << invalid
        << QStringLiteral("Task main specifies environment_key together with existing_cluster_id.");
    QTest::newRow("unknown environment_key")
        << oneTask(QStringLiteral(R"("environment_key":"gpu",)") + etl, kEnvironments) << invalid
        << QStringLiteral("Task main refers to environment_key 'gpu', which is not defined in the "
                          "run's environments (default).");
    QTest::newRow("environment_key without environments")
        << oneTask(QStringLiteral(R"("environment_key":"default",)") + etl) << invalid
        << QStringLiteral("which is not defined in the run's environments.");
    QTest::newRow("python file on serverless without environment")
        << oneTask(etl) << invalid
        << QStringLiteral("An environment is required for serverless task main. Please define one "
                          "using `environments` and `environment_key`.");
    QTest::newRow("duplicate environment key")
        << oneTask(kHello, QStringLiteral(R"("environments":[{"environment_key":"a","spec":)"
                                          R"({"client":"2"}},{"environment_key":"a","spec":)"
                                          R"({"client":"2"}}])"))
        << invalid << QStringLiteral("Environment key 'a' is used by more than one environment.");
    QTest::newRow("environment without spec")
        << oneTask(kHello, QStringLiteral(R"("environments":[{"environment_key":"a"}])")) << invalid
        << QStringLiteral("Missing required field: environments[0].spec");
    QTest::newRow("unknown environment version")
        << oneTask(kHello, QStringLiteral(R"("environments":[{"environment_key":"a","spec":)"
                                          R"({"environment_version":"9"}}])"))
        << invalid << QStringLiteral("Invalid environment version '9' in environments[0].spec");
    QTest::newRow("dependency not a string")
        << oneTask(kHello, QStringLiteral(R"("environments":[{"environment_key":"a","spec":)"
                                          R"({"environment_version":"3","dependencies":[3]}}])"))
        << invalid << QStringLiteral("Invalid dependency 0 in environments[0].spec.dependencies");
    QTest::newRow("unknown runtime")
        << oneTask(newCluster(QStringLiteral(R"("spark_version":"99.1.x-scala2.12",)") + node) +
                   kHello)
        << invalid << QStringLiteral("Invalid spark version 99.1.x-scala2.12.");
    QTest::newRow("unknown node type")
        << oneTask(newCluster(runtime + QStringLiteral(R"(,"node_type_id":"Standard_Z9")")) +
                   kHello)
        << invalid
        << QStringLiteral("Node type Standard_Z9 is not supported. Supported node types: "
                          "Standard_DS3_v2, Standard_DS4_v2,");
    QTest::newRow("unknown driver node type")
        << sized(QStringLiteral(R"(,"driver_node_type_id":"Standard_Z8")")) << invalid
        << QStringLiteral("Node type Standard_Z8 is not supported.");
    QTest::newRow("no node type")
        << oneTask(newCluster(runtime) + kHello) << invalid
        << QStringLiteral("Missing required field: new_cluster.node_type_id (in task main).");
    QTest::newRow("negative workers")
        << sized(QStringLiteral(R"(,"num_workers":-1)")) << invalid
        << QStringLiteral("tasks[0].new_cluster.num_workers must be between 0 and");
    QTest::newRow("autoscale min above max")
        << sized(QStringLiteral(R"(,"autoscale":{"min_workers":5,"max_workers":2})")) << invalid
        << QStringLiteral("Invalid autoscale in the new_cluster of task main: min_workers (5) must "
                          "be less than or equal to max_workers (2).");
    QTest::newRow("autoscale without max")
        << sized(QStringLiteral(R"(,"autoscale":{"min_workers":1})")) << invalid
        << QStringLiteral("Missing required field: tasks[0].new_cluster.autoscale.max_workers");
    QTest::newRow("unknown runtime engine")
        << sized(QStringLiteral(R"(,"runtime_engine":"TURBO")")) << invalid
        << QStringLiteral("Invalid runtime_engine 'TURBO' in the new_cluster of task main: "
                          "expected STANDARD or PHOTON.");
    QTest::newRow("python file not found")
        << oneTask(cluster + python(QStringLiteral(R"("python_file":"/Shared/Demo/nope.py")")))
        << invalid << QStringLiteral("Python file not found: /Shared/Demo/nope.py (task main).");
    QTest::newRow("relative python file, WORKSPACE")
        << oneTask(cluster + python(QStringLiteral(
                                 R"("python_file":"jobs/etl_job.py","source":"WORKSPACE")")))
        << invalid
        << QStringLiteral("Invalid python_file 'jobs/etl_job.py' in task main: with source "
                          "WORKSPACE the path must be absolute (start with '/').");
    QTest::newRow("absolute python file, GIT")
        << oneTask(cluster + python(QStringLiteral(R"("python_file":"/jobs/etl_job.py")")),
                   gitSource(QStringLiteral(R"("git_branch":"main")")))
        << invalid
        << QStringLiteral("Invalid python_file '/jobs/etl_job.py' in task main: with source GIT "
                          "the path must be relative to the root of the repository.");
    QTest::newRow("GIT without git_source")
        << oneTask(cluster + python(QStringLiteral(R"("python_file":"a.py","source":"GIT")")))
        << invalid << QStringLiteral("Task main uses source GIT, but the run has no git_source.");
    QTest::newRow("notebook as python file")
        << oneTask(cluster + python(QStringLiteral(R"("python_file":"/Shared/Demo/README.md")")))
        << invalid << QStringLiteral("a Python file's name must end with .py.");
    QTest::newRow("python parameters not strings")
        << oneTask(cluster + python(QStringLiteral(
                                 R"("python_file":"/Shared/Demo/etl_job.py","parameters":[1])")))
        << invalid << QStringLiteral("parameter 0 is a number; parameters must be strings.");
    QTest::newRow("python parameters not a list")
        << oneTask(cluster + python(QStringLiteral(
                                 R"("python_file":"/Shared/Demo/etl_job.py","parameters":"a")")))
        << malformed
        << QStringLiteral("Expected an array for field 'tasks[0].spark_python_task.parameters'");
    QTest::newRow("branch and tag")
        << oneTask(cluster + kHello,
                   gitSource(QStringLiteral(R"("git_branch":"main","git_tag":"v1.0.0")")))
        << invalid
        << QStringLiteral("Only one of git_branch, git_tag or git_commit can be specified in "
                          "git_source; got git_branch and git_tag.");
    QTest::newRow("no Git reference")
        << oneTask(cluster + kHello, gitSource(QStringLiteral(R"("git_snapshot":{})"))) << invalid
        << QStringLiteral("One of git_branch, git_tag or git_commit must be specified in "
                          "git_source.");
    QTest::newRow("Git URL not a URL")
        << oneTask(cluster + kHello,
                   gitSource(QStringLiteral(R"("git_branch":"main")"), QStringLiteral("not a url")))
        << invalid << QStringLiteral("Invalid git_source.git_url 'not a url'");
    QTest::newRow("unknown Git provider")
        << oneTask(cluster + kHello, gitSource(QStringLiteral(R"("git_branch":"main")"), kAnalytics,
                                               QStringLiteral("sourceForge")))
        << invalid
        << QStringLiteral("Invalid git_source.git_provider 'sourceForge': expected one of gitHub");
    QTest::newRow("no Git provider")
        << oneTask(cluster + kHello,
                   QStringLiteral(R"("git_source":{"git_url":"%1","git_branch":"main"})")
                       .arg(kAnalytics))
        << invalid << QStringLiteral("Missing required field: git_source.git_provider");
    QTest::newRow("job_cluster_key")
        << oneTask(QStringLiteral(R"("job_cluster_key":"j",)") + kHello) << invalid
        << QStringLiteral("Task main specifies job_cluster_key");
}

void TestEmulatorCompute::validation()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, errorCode);
    QFETCH(QString, message);
    const int before = m_emulator->createdRunCount();
    const HttpReply reply = m_client->post(QStringLiteral("/api/2.1/jobs/runs/submit"), body);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.errorCode(), errorCode);
    QVERIFY2(reply.message().contains(message), qPrintable(reply.message()));
    QCOMPARE(m_emulator->createdRunCount(), before);
}

// A restarted demo shows the runs of every shape as they were submitted.
void TestEmulatorCompute::stateFileKeepsTheNewShapes()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    EmulatorOptions options;
    options.token = kToken;
    options.speed = 1;
    options.stateFile = dir.filePath(QStringLiteral("runs.json"));
    const QList<QByteArray> bodies = {
        oneTask(
            QStringLiteral(R"("environment_key":"default","spark_python_task":)"
                           R"({"python_file":"/Shared/Demo/etl_job.py","parameters":["a","b"]})"),
            kEnvironments),
        oneTask(QStringLiteral(R"("new_cluster":{"spark_version":"17.3.x-scala2.13",)"
                               R"("node_type_id":"Standard_E8ds_v5","num_workers":3},)") +
                kHello),
        oneTask(QStringLiteral(R"("notebook_task":{"notebook_path":"notebooks/echo_params",)"
                               R"("base_parameters":{"day":"monday"}})"),
                gitSource(QStringLiteral(R"("git_tag":"v1.1.0")")))};
    QList<QJsonObject> before;
    QList<qint64> ids;
    {
        Emulator first(options);
        QVERIFY(first.start());
        HttpTestClient http(first.baseUrl(), kToken);
        for (const QByteArray &body : bodies) {
            const HttpReply reply = http.post(QStringLiteral("/api/2.2/jobs/runs/submit"), body);
            QCOMPARE(reply.status, 200);
            ids.append(idOf(reply.json.value(QStringLiteral("run_id"))));
        }
        first.advanceSimulatedTime(10 * 60 * 1000);
        for (qint64 id : ids)
            before.append(
                http.get(QStringLiteral("/api/2.2/jobs/runs/get?run_id=%1").arg(id)).json);
    }
    Emulator second(options);
    QString error;
    QVERIFY2(second.start(&error), qPrintable(error));
    HttpTestClient http(second.baseUrl(), kToken);
    for (int i = 0; i < ids.size(); ++i) {
        QJsonObject after =
            http.get(QStringLiteral("/api/2.2/jobs/runs/get?run_id=%1").arg(ids.at(i))).json;
        QCOMPARE(stateOf(after, "result_state"), QStringLiteral("SUCCESS"));
        // Everything as it was but the run page URLs (another port).
        QCOMPARE(withoutPageUrls(after), withoutPageUrls(before.at(i)));
    }
    const QJsonObject python =
        before.at(0).value(QStringLiteral("tasks")).toArray().at(0).toObject();
    QCOMPARE(python.value(QStringLiteral("spark_python_task"))
                 .toObject()
                 .value(QStringLiteral("parameters"))
                 .toArray(),
             (QJsonArray{QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(python.value(QStringLiteral("environment_key")).toString(), QStringLiteral("default"));
    QCOMPARE(before.at(1)
                 .value(QStringLiteral("cluster_spec"))
                 .toObject()
                 .value(QStringLiteral("new_cluster"))
                 .toObject()
                 .value(QStringLiteral("node_type_id"))
                 .toString(),
             QStringLiteral("Standard_E8ds_v5"));
    QCOMPARE(before.at(2)
                 .value(QStringLiteral("git_source"))
                 .toObject()
                 .value(QStringLiteral("git_tag"))
                 .toString(),
             QStringLiteral("v1.1.0"));
    const qint64 taskRun = firstTaskRunId(before.at(2));
    QCOMPARE(http.get(QStringLiteral("/api/2.2/jobs/runs/get-output?run_id=%1").arg(taskRun))
                 .json.value(QStringLiteral("notebook_output"))
                 .toObject()
                 .value(QStringLiteral("result"))
                 .toString(),
             QStringLiteral(R"({"day":"monday"})"));
}

QTEST_GUILESS_MAIN(TestEmulatorCompute)
#include "tst_emulatorcompute.moc"
