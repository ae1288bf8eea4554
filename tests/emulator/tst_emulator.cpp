// SPDX-License-Identifier: Apache-2.0
// The demo workspace over real loopback HTTP: what a Databricks client sees.

#include "Emulator.h"
#include "HttpTestClient.h"
#include "RawHttpExchange.h"
#include "RunEngine.h"
#include "RunOutput.h"
#include "TestTimeouts.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <memory>

using namespace Brickrun::Emulator;
using Brickrun::Emulator::Test::HttpReply;
using Brickrun::Emulator::Test::HttpTestClient;

namespace {

const QString kToken = QStringLiteral("dapi-test-0123456789abcdef");

QByteArray submitBody(const QString &notebook,
                      const QString &cluster = QStringLiteral("demo-cluster"),
                      const QString &extra = QString())
{
    return QStringLiteral(R"({"run_name":"test %1",%3"tasks":[{"task_key":"main",)"
                          R"("existing_cluster_id":"%2","notebook_task":{"notebook_path":"%1"}}]})")
        .arg(notebook, cluster, extra)
        .toUtf8();
}

qint64 idOf(const QJsonValue &value)
{
    return static_cast<qint64>(value.toDouble());
}

// The schemas of the seed OpenAPI file (shared/seed/openapi/azure-databricks-openapi.yml) that
// the answers must fit. Redocly respect checks them with unevaluatedProperties: false, so an
// undeclared member fails just like a wrong type. Notation: "string", "int32", "int64",
// "number", "boolean", "map" (object of strings), "enum:A|B", an object of member schemas
// ("$required": members that must be there) or a one-element array of the item schema.
const char kRunStateSchema[] =
    R"({"life_cycle_state": "enum:PENDING|QUEUED|RUNNING|TERMINATING|TERMINATED|SKIPPED|)"
    R"(INTERNAL_ERROR|BLOCKED|WAITING_FOR_RETRY",)"
    R"("result_state": "enum:SUCCESS|FAILED|TIMEDOUT|CANCELED|MAXIMUM_CONCURRENT_RUNS_REACHED|)"
    R"(EXCLUDED|SUCCESS_WITH_FAILURES|UPSTREAM_FAILED|UPSTREAM_CANCELED",)"
    R"("state_message": "string", "user_cancelled_or_timedout": "boolean"})";
// CreateClusterRequest, the members a test submit uses.
const char kNewClusterSchema[] =
    R"({"spark_version": "string", "node_type_id": "string", "num_workers": "int32",)"
    R"("spark_conf": "map", "azure_attributes": {"availability": "string"},)"
    R"("autoscale": {"min_workers": "int32", "max_workers": "int32"},)"
    R"("runtime_engine": "enum:STANDARD|PHOTON",)"
    R"("init_scripts": [{"workspace": {"destination": "string"}}],)"
    R"("$required": ["spark_version"]})";
const char kRunSchema[] =
    R"({"run_id": "int64", "job_id": "int64", "run_name": "string",)"
    R"("creator_user_name": "string", "number_in_job": "int64", "state": "@RunState",)"
    R"("tasks": [{"run_id": "int64", "task_key": "string", "state": "@RunState",)"
    R"("start_time": "int64", "setup_duration": "int64", "execution_duration": "int64",)"
    R"("cleanup_duration": "int64", "end_time": "int64", "attempt_number": "int32"}],)"
    R"("cluster_spec": {"existing_cluster_id": "string", "new_cluster": "@NewCluster"},)"
    R"("cluster_instance": {"cluster_id": "string", "spark_context_id": "string"},)"
    R"("start_time": "int64", "setup_duration": "int64", "execution_duration": "int64",)"
    R"("cleanup_duration": "int64", "end_time": "int64",)"
    R"("trigger": "enum:PERIODIC|ONE_TIME|RETRY|RUN_JOB_TASK|FILE_ARRIVAL",)"
    R"("run_type": "enum:JOB_RUN|WORKFLOW_RUN|SUBMIT_RUN", "attempt_number": "int32",)"
    R"("run_page_url": "string", "format": "enum:SINGLE_TASK|MULTI_TASK"})";
const char kGetOutputSchema[] =
    R"({"notebook_output": {"result": "string", "truncated": "boolean"}, "error": "string",)"
    R"("error_trace": "string", "metadata": "@Run"})";
const char kListRunsSchema[] = R"({"runs": ["@Run"], "has_more": "boolean"})";
const char kClusterInfoSchema[] =
    R"({"cluster_id": "string", "cluster_name": "string", "spark_version": "string",)"
    R"("node_type_id": "string", "driver_node_type_id": "string", "num_workers": "int32",)"
    R"("state": "enum:PENDING|RUNNING|RESTARTING|RESIZING|TERMINATING|TERMINATED|ERROR|UNKNOWN",)"
    R"("state_message": "string", "creator_user_name": "string", "start_time": "int64",)"
    R"("terminated_time": "int64", "last_state_loss_time": "int64",)"
    R"("last_activity_time": "int64", "autotermination_minutes": "int32",)"
    R"("cluster_source": "enum:UI|API|JOB|MODELS|PIPELINE|PIPELINE_MAINTENANCE|SQL",)"
    R"("spark_conf": "map", "custom_tags": "map", "spark_env_vars": "map",)"
    R"("enable_elastic_disk": "boolean", "instance_pool_id": "string", "policy_id": "string",)"
    R"("default_tags": "map", "termination_reason": {"code": "string", "type": "string",)"
    R"("parameters": "map"}, "data_security_mode": "string", "single_user_name": "string",)"
    R"("runtime_engine": "string", "jdbc_port": "int32", "cluster_memory_mb": "int64",)"
    R"("cluster_cores": "number"})";
const char kWorkspaceListSchema[] =
    R"({"objects": [{"object_type": "enum:NOTEBOOK|DIRECTORY|LIBRARY|FILE|REPO|DASHBOARD",)"
    R"("path": "string", "language": "enum:SCALA|PYTHON|SQL|R", "object_id": "int64",)"
    R"("created_at": "int64", "modified_at": "int64", "resource_id": "string"}]})";
const char kErrorSchema[] =
    R"({"error_code": "string", "message": "string", "$required": ["error_code", "message"]})";

QJsonObject schema(QString text)
{
    text.replace(QStringLiteral("\"@Run\""), QString::fromLatin1(kRunSchema));
    text.replace(QStringLiteral("\"@ClusterInfo\""), QString::fromLatin1(kClusterInfoSchema));
    text.replace(QStringLiteral("\"@RunState\""), QString::fromLatin1(kRunStateSchema));
    text.replace(QStringLiteral("\"@NewCluster\""), QString::fromLatin1(kNewClusterSchema));
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    Q_ASSERT(doc.isObject());
    return doc.object();
}

// Every way value does not fit schema, as "where: problem".
void schemaProblems(const QJsonValue &value, const QJsonValue &schema, const QString &where,
                    QStringList *problems)
{
    auto problem = [&](const QString &what) {
        problems->append(QStringLiteral("%1: %2 (%3)")
                             .arg(where, what,
                                  QString::fromUtf8(QJsonDocument(QJsonArray{value})
                                                        .toJson(QJsonDocument::Compact)
                                                        .left(200))));
    };
    if (schema.isArray()) {
        if (!value.isArray())
            return problem(QStringLiteral("expected an array"));
        const QJsonArray items = value.toArray();
        for (qsizetype i = 0; i < items.size(); ++i)
            schemaProblems(items.at(i), schema.toArray().at(0),
                           QStringLiteral("%1[%2]").arg(where).arg(i), problems);
        return;
    }
    if (schema.isObject()) {
        if (!value.isObject())
            return problem(QStringLiteral("expected an object"));
        const QJsonObject members = schema.toObject();
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!members.contains(it.key()) || it.key().startsWith(QLatin1Char('$')))
                problems->append(QStringLiteral("%1: undeclared member '%2'").arg(where, it.key()));
            else
                schemaProblems(it.value(), members.value(it.key()),
                               where + QLatin1Char('.') + it.key(), problems);
        }
        for (const QJsonValue &name : members.value(QStringLiteral("$required")).toArray()) {
            if (!object.contains(name.toString()))
                problem(QStringLiteral("missing required '%1'").arg(name.toString()));
        }
        return;
    }
    const QString type = schema.toString();
    const double d = value.toDouble();
    if (type == QLatin1String("string") && !value.isString())
        problem(QStringLiteral("expected a string"));
    else if (type == QLatin1String("boolean") && !value.isBool())
        problem(QStringLiteral("expected a boolean"));
    else if (type == QLatin1String("number") && !value.isDouble())
        problem(QStringLiteral("expected a number"));
    else if ((type == QLatin1String("int32") || type == QLatin1String("int64")) &&
             (!value.isDouble() || std::trunc(d) != d ||
              (type == QLatin1String("int32") && std::abs(d) > 2147483647.0)))
        problem(QStringLiteral("expected an %1").arg(type));
    else if (type == QLatin1String("map")) {
        const QJsonObject object = value.toObject();
        if (!value.isObject())
            problem(QStringLiteral("expected an object"));
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!it.value().isString())
                problem(QStringLiteral("'%1' is not a string").arg(it.key()));
        }
    } else if (type.startsWith(QLatin1String("enum:")) &&
               !type.mid(5).split(QLatin1Char('|')).contains(value.toString()))
        problem(QStringLiteral("not one of %1").arg(type.mid(5)));
}

} // namespace

class TestEmulator : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void authentication_data();
    void authentication();
    void scimMe();
    void everyJsonAnswerIsJson();
    void unknownRoutes_data();
    void unknownRoutes();
    void submitValidation_data();
    void submitValidation();
    void bothJobsPrefixes();
    void helloLifeCycle();
    void notebookOutcomes_data();
    void notebookOutcomes();
    void parentOutputIsRefused();
    void outputWhileRunningHasMetadataOnly();
    void bigOutputIsTruncated();
    void bigAnswersAreNotCompressed();
    void truncationKeepsUtf8Whole();
    void multiTaskRunTakesWorstResult();
    void cancel();
    void unknownRun();
    void idempotency();
    void queuedFirst();
    void coldClusterStarts();
    void listRuns();
    void listRunsValidation();
    void clustersList();
    void workspaceList();
    void answersFitThePublishedSchemas();
    void newClusterSpecKeepsDeclaredMembers();
    void stateFileSharedAcrossInstances();
    void damagedStateFileIsSetAside();
    void stateFileIsPrivate();

private:
    HttpTestClient &client() { return *m_client; }
    qint64 submit(const QByteArray &body);
    qint64 taskRunId(qint64 runId);
    QJsonObject getRun(qint64 runId);

    std::unique_ptr<Emulator> m_emulator;
    std::unique_ptr<HttpTestClient> m_client;
};

void TestEmulator::initTestCase()
{
    EmulatorOptions options;
    options.token = kToken;
    options.speed = 200;
    m_emulator = std::make_unique<Emulator>(options);
    QString error;
    QVERIFY2(m_emulator->start(&error), qPrintable(error));
    QVERIFY(m_emulator->isRunning());
    QVERIFY(m_emulator->port() > 0);
    QCOMPARE(m_emulator->baseUrl(), QStringLiteral("http://127.0.0.1:%1").arg(m_emulator->port()));
    m_client = std::make_unique<HttpTestClient>(m_emulator->baseUrl(), kToken);
}

void TestEmulator::cleanupTestCase()
{
    m_client.reset();
    m_emulator->stop();
    QVERIFY(!m_emulator->isRunning());
}

qint64 TestEmulator::submit(const QByteArray &body)
{
    const HttpReply reply = client().post(QStringLiteral("/api/2.2/jobs/runs/submit"), body);
    if (reply.status != 200)
        qWarning("submit failed: %s", reply.body.constData());
    return idOf(reply.json.value(QStringLiteral("run_id")));
}

QJsonObject TestEmulator::getRun(qint64 runId)
{
    return client().get(QStringLiteral("/api/2.2/jobs/runs/get?run_id=%1").arg(runId)).json;
}

qint64 TestEmulator::taskRunId(qint64 runId)
{
    return idOf(getRun(runId)
                    .value(QStringLiteral("tasks"))
                    .toArray()
                    .at(0)
                    .toObject()
                    .value(QStringLiteral("run_id")));
}

void TestEmulator::authentication_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("authorization");
    QTest::addColumn<QString>("message");
    const QString notSent =
        QStringLiteral("Credential was not sent or was of an unsupported type for this API.");
    const QString runs = QStringLiteral("/api/2.2/jobs/runs/list");
    QTest::newRow("missing") << runs << QString(QLatin1String("")) << notSent;
    QTest::newRow("basic") << runs << QStringLiteral("Basic dXNlcjpwYXNz") << notSent;
    QTest::newRow("bearer without token") << runs << QStringLiteral("Bearer ") << notSent;
    QTest::newRow("wrong token") << runs << QStringLiteral("Bearer dapiwrong")
                                 << QStringLiteral("Invalid access token.");
    QTest::newRow("unknown route too")
        << QStringLiteral("/api/2.0/nothing/here") << QString(QLatin1String("")) << notSent;
}

void TestEmulator::authentication()
{
    QFETCH(QString, path);
    QFETCH(QString, authorization);
    QFETCH(QString, message);
    const HttpReply reply = client().get(path, authorization);
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.contentType, QByteArray("application/json"));
    QCOMPARE(reply.errorCode(), QStringLiteral("UNAUTHENTICATED"));
    QCOMPARE(reply.message(), message);

    const HttpReply scim =
        client().get(QStringLiteral("/api/2.0/preview/scim/v2/Me"), authorization);
    QCOMPARE(scim.status, 401);
    QCOMPARE(scim.json.value(QStringLiteral("status")).toString(), QStringLiteral("401"));
    QCOMPARE(scim.json.value(QStringLiteral("detail")).toString(), message);
    QVERIFY(scim.json.value(QStringLiteral("schemas")).isArray());
}

void TestEmulator::scimMe()
{
    const HttpReply reply = client().get(QStringLiteral("/api/2.0/preview/scim/v2/Me"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json.value(QStringLiteral("userName")).toString(),
             QStringLiteral("demo@example.com"));
    QCOMPARE(reply.json.value(QStringLiteral("displayName")).toString(),
             QStringLiteral("Demo User"));
    QVERIFY(reply.json.value(QStringLiteral("active")).toBool());
    QVERIFY(!reply.json.value(QStringLiteral("id")).toString().isEmpty());
    QCOMPARE(reply.json.value(QStringLiteral("emails"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("value")),
             QJsonValue(QStringLiteral("demo@example.com")));
}

void TestEmulator::everyJsonAnswerIsJson()
{
    const QStringList paths = {
        QStringLiteral("/api/2.2/jobs/runs/list"), QStringLiteral("/api/2.1/clusters/list"),
        QStringLiteral("/api/2.0/workspace/list?path=/"),
        QStringLiteral("/api/2.2/jobs/runs/get?run_id=1"), QStringLiteral("/api/2.2/nope")};
    for (const QString &path : paths) {
        const HttpReply reply = client().get(path);
        QVERIFY2(reply.contentType == "application/json", qPrintable(path));
        QVERIFY2(!reply.json.isEmpty(), qPrintable(path));
    }
}

void TestEmulator::unknownRoutes_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown jobs call")
        << QByteArray("GET") << QStringLiteral("/api/2.2/jobs/runs/frobnicate")
        << QStringLiteral("No API found for 'GET /jobs/runs/frobnicate'");
    QTest::newRow("wrong method") << QByteArray("GET")
                                  << QStringLiteral("/api/2.1/jobs/runs/submit")
                                  << QStringLiteral("No API found for 'GET /jobs/runs/submit'");
    QTest::newRow("post to get") << QByteArray("POST") << QStringLiteral("/api/2.2/jobs/runs/get")
                                 << QStringLiteral("No API found for 'POST /jobs/runs/get'");
    QTest::newRow("jobs 2.0") << QByteArray("GET") << QStringLiteral("/api/2.0/jobs/runs/list")
                              << QStringLiteral("No API found for 'GET /jobs/runs/list'");
    QTest::newRow("delete") << QByteArray("DELETE") << QStringLiteral("/api/2.0/clusters/list")
                            << QStringLiteral("No API found for 'DELETE /clusters/list'");
}

void TestEmulator::unknownRoutes()
{
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);
    QFETCH(QString, message);
    const HttpReply reply =
        client().send(verb, path, verb == "POST" ? QByteArray("{}") : QByteArray());
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.errorCode(), QStringLiteral("ENDPOINT_NOT_FOUND"));
    QCOMPARE(reply.message(), message);
}

void TestEmulator::submitValidation_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<QString>("message");
    const QString invalid = QStringLiteral("INVALID_PARAMETER_VALUE");
    const QString malformed = QStringLiteral("MALFORMED_REQUEST");
    auto task = [](const QString &fields) {
        return QStringLiteral(R"({"tasks":[{%1}]})").arg(fields).toUtf8();
    };
    const QString nb = QStringLiteral(R"("notebook_task":{"notebook_path":"/Shared/Demo/hello"})");
    const QString cluster = QStringLiteral(R"("existing_cluster_id":"demo-cluster")");
    const QString key = QStringLiteral(R"("task_key":"main")");

    QTest::newRow("not json") << QByteArray("{run_name:") << malformed
                              << QStringLiteral("Could not parse request object");
    QTest::newRow("not an object") << QByteArray("[1,2]") << malformed
                                   << QStringLiteral("Invalid JSON given in the body of the "
                                                     "request - expected a map");
    QTest::newRow("empty body") << QByteArray() << malformed
                                << QStringLiteral("Could not parse request object");
    QTest::newRow("no tasks") << QByteArray(R"({"run_name":"x"})") << invalid
                              << QStringLiteral("At least one task must be specified in 'tasks'.");
    QTest::newRow("empty tasks") << QByteArray(R"({"tasks":[]})") << invalid
                                 << QStringLiteral("At least one task");
    QTest::newRow("tasks not array") << QByteArray(R"({"tasks":{}})") << malformed
                                     << QStringLiteral("Expected an array for field 'tasks'");
    QTest::newRow("no task_key") << task(cluster + QLatin1Char(',') + nb) << invalid
                                 << QStringLiteral("Missing required field: task_key");
    QTest::newRow("duplicate task_key")
        << QStringLiteral(R"({"tasks":[{%1,%2,%3},{%1,%2,%3}]})").arg(key, cluster, nb).toUtf8()
        << invalid << QStringLiteral("Task key 'main' is used by more than one task.");
    QTest::newRow("serverless python file without environment")
        << task(key + QStringLiteral(R"(,"spark_python_task":{"python_file":"/x.py"})")) << invalid
        << QStringLiteral("An environment is required for serverless task main. Please define "
                          "one using `environments` and `environment_key`.");
    QTest::newRow("no task kind") << task(key + QLatin1Char(',') + cluster) << invalid
                                  << QStringLiteral("Task main has no task type");
    QTest::newRow("jar task")
        << task(key + QLatin1Char(',') + cluster +
                QStringLiteral(R"(,"spark_jar_task":{"main_class_name":"A"})"))
        << invalid << QStringLiteral("only notebook_task and spark_python_task are supported");
    QTest::newRow("relative path")
        << task(key + QLatin1Char(',') + cluster +
                QStringLiteral(R"(,"notebook_task":{"notebook_path":"Shared/Demo/hello"})"))
        << invalid << QStringLiteral("must be absolute");
    QTest::newRow("relative path, WORKSPACE")
        << task(
               key + QLatin1Char(',') + cluster +
               QStringLiteral(R"(,"notebook_task":{"notebook_path":"hello","source":"WORKSPACE"})"))
        << invalid << QStringLiteral("must be absolute");
    QTest::newRow("unknown cluster")
        << task(key + QLatin1Char(',') + nb + QStringLiteral(R"(,"existing_cluster_id":"nope-1")"))
        << invalid << QStringLiteral("Cluster nope-1 does not exist");
    QTest::newRow("unknown notebook")
        << task(key + QLatin1Char(',') + cluster +
                QStringLiteral(R"(,"notebook_task":{"notebook_path":"/Shared/Demo/missing"})"))
        << invalid << QStringLiteral("Notebook not found: /Shared/Demo/missing");
    QTest::newRow("folder as notebook")
        << task(key + QLatin1Char(',') + cluster +
                QStringLiteral(R"(,"notebook_task":{"notebook_path":"/Shared/Demo"})"))
        << invalid << QStringLiteral("/Shared/Demo is not a notebook");
    QTest::newRow("token too long")
        << QStringLiteral(R"({"idempotency_token":"%1","tasks":[{%2,%3,%4}]})")
               .arg(QString(65, QLatin1Char('t')), key, cluster, nb)
               .toUtf8()
        << invalid << QStringLiteral("must be at most 64 characters");
    QTest::newRow("run_name too long")
        << QStringLiteral(R"({"run_name":"%1","tasks":[{%2,%3,%4}]})")
               .arg(QString(2049, QChar(0xe9)), key, cluster, nb)
               .toUtf8()
        << invalid << QStringLiteral("The run_name is 4098 bytes long; it must be at most 4096");
    QTest::newRow("parameters not a map")
        << task(key + QLatin1Char(',') + cluster +
                QStringLiteral(R"(,"notebook_task":{"notebook_path":"/Shared/Demo/hello",)"
                               R"("base_parameters":["a"]})"))
        << invalid << QStringLiteral("expected a map from parameter names to string values");
    QTest::newRow("parameter not a string")
        << task(key + QLatin1Char(',') + cluster +
                QStringLiteral(R"(,"notebook_task":{"notebook_path":"/Shared/Demo/hello",)"
                               R"("base_parameters":{"n":3}})"))
        << invalid << QStringLiteral("the value of 'n' is a number");
    const QString all = key + QLatin1Char(',') + cluster + QLatin1Char(',') + nb;
    QTest::newRow("max_retries below -1")
        << task(all + QStringLiteral(R"(,"max_retries":-2)")) << invalid
        << QStringLiteral("tasks[0].max_retries must be between -1 and 2147483647.");
    QTest::newRow("max_retries not an integer")
        << task(all + QStringLiteral(R"(,"max_retries":1.5)")) << malformed
        << QStringLiteral("Expected an integer for field 'tasks[0].max_retries'");
    QTest::newRow("negative retry interval")
        << task(all + QStringLiteral(R"(,"min_retry_interval_millis":-1)")) << invalid
        << QStringLiteral("tasks[0].min_retry_interval_millis must be between 0");
    QTest::newRow("retry_on_timeout not a boolean")
        << task(all + QStringLiteral(R"(,"retry_on_timeout":"yes")")) << malformed
        << QStringLiteral("Expected a boolean for field 'tasks[0].retry_on_timeout'");
    QTest::newRow("task timeout negative")
        << task(all + QStringLiteral(R"(,"timeout_seconds":-5)")) << invalid
        << QStringLiteral("tasks[0].timeout_seconds must be between 0");
    QTest::newRow("run_if") << task(all + QStringLiteral(R"(,"run_if":"SOMETIMES")")) << invalid
                            << QStringLiteral(
                                   "Invalid run_if in task main: expected one of ALL_SUCCESS");
    QTest::newRow("description too long")
        << task(all + QStringLiteral(R"(,"description":"%1")").arg(QString(1001, QLatin1Char('d'))))
        << invalid << QStringLiteral("The description of task main is 1001 characters long");
}

void TestEmulator::submitValidation()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, errorCode);
    QFETCH(QString, message);
    const int before = m_emulator->createdRunCount();
    const HttpReply reply = client().post(QStringLiteral("/api/2.2/jobs/runs/submit"), body);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.contentType, QByteArray("application/json"));
    QCOMPARE(reply.errorCode(), errorCode);
    QVERIFY2(reply.message().contains(message), qPrintable(reply.message()));
    QCOMPARE(m_emulator->createdRunCount(), before);
}

void TestEmulator::bothJobsPrefixes()
{
    for (const QString &version : {QStringLiteral("2.1"), QStringLiteral("2.2")}) {
        const HttpReply submitted =
            client().post(QStringLiteral("/api/%1/jobs/runs/submit").arg(version),
                          submitBody(QStringLiteral("/Shared/Demo/hello")));
        QCOMPARE(submitted.status, 200);
        const qint64 id = idOf(submitted.json.value(QStringLiteral("run_id")));
        QVERIFY(id >= 100000000);
        const HttpReply got =
            client().get(QStringLiteral("/api/%1/jobs/runs/get?run_id=%2").arg(version).arg(id));
        QCOMPARE(got.status, 200);
        QCOMPARE(idOf(got.json.value(QStringLiteral("run_id"))), id);
        QCOMPARE(client().get(QStringLiteral("/api/%1/jobs/runs/list").arg(version)).status, 200);
    }
}

// The default (live) shapes: `status` beside `state` all along, the task's own cluster,
// notebook and durations, the run's run_duration and queue_duration.
void TestEmulator::helloLifeCycle()
{
    // Real time, so each phase lasts long enough to be seen on a busy machine: queued 1.5 s,
    // pending 1.5 s, running 4 s, terminating 1 s.
    EmulatorOptions options;
    options.token = kToken;
    options.speed = 1;
    Emulator emulator(options);
    QVERIFY(emulator.start());
    HttpTestClient http(emulator.baseUrl(), kToken);
    const HttpReply submitted =
        http.post(QStringLiteral("/api/2.2/jobs/runs/submit"),
                  submitBody(QStringLiteral("/Shared/Demo/hello"), QStringLiteral("demo-cluster"),
                             QStringLiteral(R"("queue":{"enabled":true},)")));
    const qint64 id = idOf(submitted.json.value(QStringLiteral("run_id")));
    const QMap<QString, QString> statusOf = {
        {QStringLiteral("QUEUED"), QStringLiteral("QUEUED")},
        {QStringLiteral("PENDING"), QStringLiteral("PENDING")},
        {QStringLiteral("RUNNING"), QStringLiteral("RUNNING")},
        {QStringLiteral("TERMINATING"), QStringLiteral("TERMINATING")},
        {QStringLiteral("TERMINATED"), QStringLiteral("TERMINATED")}};
    QStringList seen;
    QJsonObject run;
    const QDeadlineTimer deadline(Brickrun::Test::scaledTimeout(60000));
    while (!deadline.hasExpired()) {
        run = http.get(QStringLiteral("/api/2.2/jobs/runs/get?run_id=%1").arg(id)).json;
        const QJsonObject state = run.value(QStringLiteral("state")).toObject();
        const QString lifeCycle = state.value(QStringLiteral("life_cycle_state")).toString();
        const QJsonObject status = run.value(QStringLiteral("status")).toObject();
        QCOMPARE(status.value(QStringLiteral("state")).toString(), statusOf.value(lifeCycle));
        QCOMPARE(status.contains(QStringLiteral("queue_details")),
                 lifeCycle == QLatin1String("QUEUED"));
        if (seen.isEmpty() || seen.constLast() != lifeCycle)
            seen.append(lifeCycle);
        if (lifeCycle == QLatin1String("TERMINATED"))
            break;
        QVERIFY2(!state.contains(QStringLiteral("result_state")), qPrintable(lifeCycle));
        QVERIFY(!status.contains(QStringLiteral("termination_details")));
        QCOMPARE(run.value(QStringLiteral("end_time")).toDouble(), 0.0);
        QTest::qWait(20);
    }
    QCOMPARE(seen.constLast(), QStringLiteral("TERMINATED"));
    const QStringList order = {QStringLiteral("QUEUED"), QStringLiteral("PENDING"),
                               QStringLiteral("RUNNING"), QStringLiteral("TERMINATING"),
                               QStringLiteral("TERMINATED")};
    int last = -1;
    for (const QString &state : seen) {
        QVERIFY2(order.indexOf(state) > last, qPrintable(seen.join(QLatin1Char(','))));
        last = static_cast<int>(order.indexOf(state));
    }
    // RUNNING (4 s) and TERMINATED always, and QUEUED or PENDING (3 s together) unless one
    // poll took longer than both: the checks above saw the run before its end.
    QVERIFY2(seen.size() >= 3, qPrintable(seen.join(QLatin1Char(','))));
    QCOMPARE(run.value(QStringLiteral("state")).toObject().value(QStringLiteral("result_state")),
             QJsonValue(QStringLiteral("SUCCESS")));
    QCOMPARE(run.value(QStringLiteral("status")).toObject(),
             QJsonDocument::fromJson(R"({"state":"TERMINATED","termination_details":)"
                                     R"({"code":"SUCCESS","type":"SUCCESS","message":""}})")
                 .object());
    QCOMPARE(run.value(QStringLiteral("run_type")).toString(), QStringLiteral("SUBMIT_RUN"));
    QCOMPARE(run.value(QStringLiteral("creator_user_name")).toString(),
             QStringLiteral("demo@example.com"));
    QVERIFY(run.value(QStringLiteral("end_time")).toDouble() >
            run.value(QStringLiteral("start_time")).toDouble());
    // Queued 1.5 s, then PENDING 1.5, RUNNING 4, TERMINATING 1. A multi-task run has no
    // durations of its own (0), run_duration is the whole run, queue_duration the queue.
    QCOMPARE(run.value(QStringLiteral("setup_duration")).toDouble(), 0.0);
    QCOMPARE(run.value(QStringLiteral("execution_duration")).toDouble(), 0.0);
    QCOMPARE(run.value(QStringLiteral("cleanup_duration")).toDouble(), 0.0);
    QCOMPARE(run.value(QStringLiteral("end_time")).toDouble() -
                 run.value(QStringLiteral("start_time")).toDouble(),
             8000.0);
    QCOMPARE(run.value(QStringLiteral("run_duration")).toDouble(), 8000.0);
    QCOMPARE(run.value(QStringLiteral("queue_duration")).toDouble(), 1500.0);
    QCOMPARE(idOf(run.value(QStringLiteral("original_attempt_run_id"))), id);
    QCOMPARE(run.value(QStringLiteral("format")).toString(), QStringLiteral("MULTI_TASK"));
    QCOMPARE(run.value(QStringLiteral("cluster_spec"))
                 .toObject()
                 .value(QStringLiteral("existing_cluster_id")),
             QJsonValue(QStringLiteral("demo-cluster")));
    const QJsonObject instance = run.value(QStringLiteral("cluster_instance")).toObject();
    QCOMPARE(instance.value(QStringLiteral("cluster_id")),
             QJsonValue(QStringLiteral("demo-cluster")));
    QVERIFY(!instance.value(QStringLiteral("spark_context_id")).toString().isEmpty());
    QCOMPARE(run.value(QStringLiteral("run_page_url")).toString(),
             QStringLiteral("%1/?o=1234567890123456#job/%2/run/%3")
                 .arg(emulator.baseUrl())
                 .arg(idOf(run.value(QStringLiteral("job_id"))))
                 .arg(id));
    const QJsonObject task = run.value(QStringLiteral("tasks")).toArray().at(0).toObject();
    const qint64 taskRunId = idOf(task.value(QStringLiteral("run_id")));
    QVERIFY(taskRunId != id);
    QCOMPARE(task.value(QStringLiteral("task_key")).toString(), QStringLiteral("main"));
    QCOMPARE(task.value(QStringLiteral("end_time")), run.value(QStringLiteral("end_time")));
    QCOMPARE(task.value(QStringLiteral("setup_duration")).toDouble(), 1500.0);
    QCOMPARE(task.value(QStringLiteral("execution_duration")).toDouble(), 4000.0);
    QCOMPARE(task.value(QStringLiteral("cleanup_duration")).toDouble(), 1000.0);
    QCOMPARE(task.value(QStringLiteral("run_duration")).toDouble(), 6500.0);
    QCOMPARE(task.value(QStringLiteral("queue_duration")).toDouble(), 1500.0);
    QCOMPARE(task.value(QStringLiteral("attempt_number")).toInt(-1), 0);
    QCOMPARE(idOf(task.value(QStringLiteral("original_attempt_run_id"))), taskRunId);
    QCOMPARE(task.value(QStringLiteral("cluster_instance")), QJsonValue(instance));
    QCOMPARE(task.value(QStringLiteral("existing_cluster_id")).toString(),
             QStringLiteral("demo-cluster"));
    QCOMPARE(task.value(QStringLiteral("notebook_task"))
                 .toObject()
                 .value(QStringLiteral("notebook_path"))
                 .toString(),
             QStringLiteral("/Shared/Demo/hello"));
    QCOMPARE(task.value(QStringLiteral("run_if")).toString(), QStringLiteral("ALL_SUCCESS"));
    QCOMPARE(task.value(QStringLiteral("status")), run.value(QStringLiteral("status")));
    QCOMPARE(task.value(QStringLiteral("run_page_url")).toString(),
             QStringLiteral("%1/?o=1234567890123456#job/%2/run/%3")
                 .arg(emulator.baseUrl())
                 .arg(idOf(run.value(QStringLiteral("job_id"))))
                 .arg(taskRunId));

    const HttpReply output =
        http.get(QStringLiteral("/api/2.2/jobs/runs/get-output?run_id=%1").arg(taskRunId));
    QCOMPARE(output.status, 200);
    const QJsonObject notebook = output.json.value(QStringLiteral("notebook_output")).toObject();
    const QJsonArray rows =
        QJsonDocument::fromJson(notebook.value(QStringLiteral("result")).toString().toUtf8())
            .array();
    QVERIFY(rows.size() >= 3);
    QCOMPARE(rows.at(0).toObject().value(QStringLiteral("city")).toString(),
             QStringLiteral("Amsterdam"));
    QCOMPARE(notebook.value(QStringLiteral("truncated")), QJsonValue(false));
    QVERIFY(!output.json.contains(QStringLiteral("error")));
    // metadata: the task run as a run of its own.
    const QJsonObject metadata = output.json.value(QStringLiteral("metadata")).toObject();
    QCOMPARE(metadata.value(QStringLiteral("run_id")), task.value(QStringLiteral("run_id")));
    QCOMPARE(metadata.value(QStringLiteral("state")), task.value(QStringLiteral("state")));
    QCOMPARE(metadata.value(QStringLiteral("status")), task.value(QStringLiteral("status")));
    QCOMPARE(metadata.value(QStringLiteral("format")).toString(), QStringLiteral("SINGLE_TASK"));
    QCOMPARE(metadata.value(QStringLiteral("run_page_url")),
             task.value(QStringLiteral("run_page_url")));
    QCOMPARE(metadata.value(QStringLiteral("cluster_instance")), QJsonValue(instance));
    QCOMPARE(metadata.value(QStringLiteral("task_key")).toString(), QStringLiteral("main"));
    QCOMPARE(idOf(metadata.value(QStringLiteral("job_run_id"))), id);
    QCOMPARE(metadata.value(QStringLiteral("run_duration")).toDouble(), 6500.0);
}

void TestEmulator::notebookOutcomes_data()
{
    QTest::addColumn<QString>("notebook");
    QTest::addColumn<QString>("lifeCycle");
    QTest::addColumn<QString>("resultState"); // empty = absent
    QTest::addColumn<QString>("result");      // "-" = no result
    QTest::addColumn<QString>("error");       // empty = absent
    QTest::newRow("slow_report") << QStringLiteral("slow_report") << QStringLiteral("TERMINATED")
                                 << QStringLiteral("SUCCESS") << QStringLiteral("Report written to")
                                 << QString();
    QTest::newRow("failing") << QStringLiteral("failing") << QStringLiteral("TERMINATED")
                             << QStringLiteral("FAILED") << QStringLiteral("-")
                             << QStringLiteral("ZeroDivisionError: division by zero");
    QTest::newRow("echo_params") << QStringLiteral("echo_params") << QStringLiteral("TERMINATED")
                                 << QStringLiteral("SUCCESS")
                                 << QStringLiteral(R"({"date":"2026-11-26","name":"Zoë"})")
                                 << QString();
    QTest::newRow("no_exit") << QStringLiteral("no_exit") << QStringLiteral("TERMINATED")
                             << QStringLiteral("SUCCESS") << QStringLiteral("-") << QString();
    QTest::newRow("internal_error")
        << QStringLiteral("internal_error") << QStringLiteral("INTERNAL_ERROR")
        << QStringLiteral("FAILED") << QStringLiteral("-")
        << QStringLiteral("Run failed with an internal error");
    QTest::newRow("skipped") << QStringLiteral("skipped") << QStringLiteral("SKIPPED") << QString()
                             << QStringLiteral("-") << QString();
}

void TestEmulator::notebookOutcomes()
{
    QFETCH(QString, notebook);
    QFETCH(QString, lifeCycle);
    QFETCH(QString, resultState);
    QFETCH(QString, result);
    QFETCH(QString, error);
    const QByteArray body =
        QStringLiteral(R"({"run_name":"%1","tasks":[{"task_key":"t","existing_cluster_id":)"
                       R"("demo-cluster","notebook_task":{"notebook_path":"/Shared/Demo/%1",)"
                       R"("base_parameters":{"date":"2026-11-26","name":"Zoë"}}}]})")
            .arg(notebook)
            .toUtf8();
    const qint64 id = submit(body);
    QVERIFY(id > 0);
    m_emulator->advanceSimulatedTime(10 * 60 * 1000);
    const QJsonObject run = getRun(id);
    const QJsonObject state = run.value(QStringLiteral("state")).toObject();
    QCOMPARE(state.value(QStringLiteral("life_cycle_state")).toString(), lifeCycle);
    QCOMPARE(state.contains(QStringLiteral("result_state")), !resultState.isEmpty());
    QCOMPARE(state.value(QStringLiteral("result_state")).toString(), resultState);
    QVERIFY(run.value(QStringLiteral("end_time")).toDouble() > 0);
    if (resultState == QLatin1String("FAILED") && lifeCycle == QLatin1String("TERMINATED"))
        QCOMPARE(state.value(QStringLiteral("state_message")).toString(),
                 QStringLiteral("Workload failed, see run output for details"));

    const HttpReply output =
        client().get(QStringLiteral("/api/2.2/jobs/runs/get-output?run_id=%1").arg(taskRunId(id)));
    QCOMPARE(output.status, 200);
    QVERIFY(output.json.contains(QStringLiteral("metadata")));
    const QJsonObject notebookOutput =
        output.json.value(QStringLiteral("notebook_output")).toObject();
    if (result == QLatin1String("-")) {
        QVERIFY(!notebookOutput.contains(QStringLiteral("result")));
    } else {
        QVERIFY2(notebookOutput.value(QStringLiteral("result")).toString().startsWith(result),
                 output.body.constData());
        QCOMPARE(notebookOutput.value(QStringLiteral("truncated")), QJsonValue(false));
    }
    QCOMPARE(output.json.contains(QStringLiteral("error")), !error.isEmpty());
    if (!error.isEmpty()) {
        QVERIFY(output.json.value(QStringLiteral("error")).toString().startsWith(error));
        QVERIFY(!output.json.value(QStringLiteral("error_trace")).toString().isEmpty());
    }
}

void TestEmulator::parentOutputIsRefused()
{
    const qint64 id = submit(submitBody(QStringLiteral("/Shared/Demo/hello")));
    m_emulator->advanceSimulatedTime(60 * 1000);
    const HttpReply reply =
        client().get(QStringLiteral("/api/2.2/jobs/runs/get-output?run_id=%1").arg(id));
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.body,
             QByteArray(R"({"error_code":"INVALID_PARAMETER_VALUE","message":"Retrieving the )"
                        R"(output of runs with multiple tasks is not supported. Please retrieve )"
                        R"(the output of each individual task run instead."})"));
}

void TestEmulator::outputWhileRunningHasMetadataOnly()
{
    const qint64 id = submit(submitBody(QStringLiteral("/Shared/Demo/slow_report")));
    const HttpReply reply =
        client().get(QStringLiteral("/api/2.2/jobs/runs/get-output?run_id=%1").arg(taskRunId(id)));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json.keys(), QStringList{QStringLiteral("metadata")});
    const QJsonObject state = reply.json.value(QStringLiteral("metadata"))
                                  .toObject()
                                  .value(QStringLiteral("state"))
                                  .toObject();
    QVERIFY(!state.contains(QStringLiteral("result_state")));
}

void TestEmulator::bigOutputIsTruncated()
{
    const qint64 id = submit(submitBody(QStringLiteral("/Shared/Demo/big_output")));
    m_emulator->advanceSimulatedTime(60 * 1000);
    // A 5 MB answer: waited for as long as a slow (sanitizer) build needs, not HttpTestClient's
    // fixed 20 s.
    QNetworkAccessManager nam;
    QNetworkRequest request(
        QUrl(m_emulator->baseUrl() +
             QStringLiteral("/api/2.2/jobs/runs/get-output?run_id=%1").arg(taskRunId(id))));
    request.setRawHeader("Authorization", "Bearer " + kToken.toUtf8());
    const std::unique_ptr<QNetworkReply> reply(nam.get(request));
    QVERIFY(
        QTest::qWaitFor([&] { return reply->isFinished(); }, Brickrun::Test::scaledTimeout(20000)));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QJsonObject notebook = QJsonDocument::fromJson(reply->readAll())
                                     .object()
                                     .value(QStringLiteral("notebook_output"))
                                     .toObject();
    QCOMPARE(notebook.value(QStringLiteral("truncated")), QJsonValue(true));
    const QByteArray result = notebook.value(QStringLiteral("result")).toString().toUtf8();
    QVERIFY(result.size() <= 5 * 1024 * 1024);
    QVERIFY(result.size() > 5 * 1024 * 1024 - 4);
    QVERIFY(result.startsWith("row;city;amount;check\n"));
    QVERIFY(!result.contains("\xef\xbf\xbd")); // no U+FFFD: no character was split
}

// Compressing big_output's 5 MB with brotli takes the server seconds (clients timed out):
// big answers go out as they are, even to a client that accepts compression.
void TestEmulator::bigAnswersAreNotCompressed()
{
    using Brickrun::Emulator::Test::rawExchange;
    const qint64 id = submit(submitBody(QStringLiteral("/Shared/Demo/big_output")));
    m_emulator->advanceSimulatedTime(60 * 1000);
    const QString taskRun = QString::number(taskRunId(id));
    const QByteArray acceptCompression = "Accept-Encoding: gzip, br\r\n";

    const auto big =
        rawExchange(m_emulator->port(), "GET",
                    QStringLiteral("/api/2.2/jobs/runs/get-output?run_id=") + taskRun, kToken, {},
                    Brickrun::Test::scaledTimeout(60000), acceptCompression);
    QVERIFY2(big.statusLine().startsWith("HTTP/1.1 200"), big.statusLine().constData());
    QVERIFY2(!big.head().toLower().contains("content-encoding"), big.head().constData());
    QCOMPARE(big.contentLength(), big.body().size());
    QVERIFY(big.body().size() > 5 * 1024 * 1024);
    const QJsonObject notebook = QJsonDocument::fromJson(big.body())
                                     .object()
                                     .value(QStringLiteral("notebook_output"))
                                     .toObject();
    QCOMPARE(notebook.value(QStringLiteral("truncated")), QJsonValue(true));

    // A small answer may still be compressed (on Debian cpp-httplib has brotli and zlib).
    const auto small =
        rawExchange(m_emulator->port(), "GET",
                    QStringLiteral("/api/2.2/jobs/runs/get?run_id=") + QString::number(id), kToken,
                    {}, Brickrun::Test::scaledTimeout(10000), acceptCompression);
    QVERIFY2(small.statusLine().startsWith("HTTP/1.1 200"), small.statusLine().constData());
#ifdef Q_OS_LINUX
    QVERIFY2(small.head().toLower().contains("content-encoding: br"), small.head().constData());
#endif
}

void TestEmulator::truncationKeepsUtf8Whole()
{
    bool truncated = false;
    // "aé€" = 61 C3 A9 E2 82 AC: cutting at 2 or 4 or 5 bytes must back up to a boundary.
    const QByteArray text = QStringLiteral("aé€").toUtf8();
    QCOMPARE(RunOutput::truncatedResult(text, 2, &truncated), QByteArray("a"));
    QVERIFY(truncated);
    QCOMPARE(RunOutput::truncatedResult(text, 3, &truncated), QStringLiteral("aé").toUtf8());
    QCOMPARE(RunOutput::truncatedResult(text, 5, &truncated), QStringLiteral("aé").toUtf8());
    QCOMPARE(RunOutput::truncatedResult(text, 6, &truncated), text);
    QVERIFY(!truncated);
}

void TestEmulator::multiTaskRunTakesWorstResult()
{
    const QByteArray body =
        QByteArray(R"({"tasks":[{"task_key":"ok","existing_cluster_id":"demo-cluster",)"
                   R"("notebook_task":{"notebook_path":"/Shared/Demo/hello"}},)"
                   R"({"task_key":"bad","existing_cluster_id":"demo-cluster",)"
                   R"("notebook_task":{"notebook_path":"/Shared/Demo/failing"}}]})");
    const qint64 id = submit(body);
    m_emulator->advanceSimulatedTime(60 * 1000);
    const QJsonObject run = getRun(id);
    QCOMPARE(run.value(QStringLiteral("state")).toObject().value(QStringLiteral("result_state")),
             QJsonValue(QStringLiteral("FAILED")));
    const QJsonArray tasks = run.value(QStringLiteral("tasks")).toArray();
    QCOMPARE(tasks.size(), 2);
    QVERIFY(idOf(tasks.at(0).toObject().value(QStringLiteral("run_id"))) !=
            idOf(tasks.at(1).toObject().value(QStringLiteral("run_id"))));
    QCOMPARE(tasks.at(0)
                 .toObject()
                 .value(QStringLiteral("state"))
                 .toObject()
                 .value(QStringLiteral("result_state")),
             QJsonValue(QStringLiteral("SUCCESS")));
}

void TestEmulator::cancel()
{
    // Real time, so the short TERMINATING phase after the cancel can be seen.
    EmulatorOptions options;
    options.token = kToken;
    Emulator emulator(options);
    QVERIFY(emulator.start());
    HttpTestClient http(emulator.baseUrl(), kToken);
    auto getRun = [&http](qint64 runId) {
        return http.get(QStringLiteral("/api/2.2/jobs/runs/get?run_id=%1").arg(runId)).json;
    };
    const qint64 id = idOf(http.post(QStringLiteral("/api/2.2/jobs/runs/submit"),
                                     submitBody(QStringLiteral("/Shared/Demo/slow_report")))
                               .json.value(QStringLiteral("run_id")));
    emulator.advanceSimulatedTime(10 * 1000);
    QCOMPARE(getRun(id)
                 .value(QStringLiteral("state"))
                 .toObject()
                 .value(QStringLiteral("life_cycle_state")),
             QJsonValue(QStringLiteral("RUNNING")));
    const QByteArray body = QStringLiteral(R"({"run_id":%1})").arg(id).toUtf8();
    HttpReply reply = http.post(QStringLiteral("/api/2.2/jobs/runs/cancel"), body);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.body, QByteArray("{}"));
    QJsonObject state = getRun(id).value(QStringLiteral("state")).toObject();
    QCOMPARE(state.value(QStringLiteral("life_cycle_state")).toString(),
             QStringLiteral("TERMINATING"));
    QVERIFY(!state.contains(QStringLiteral("result_state")));
    emulator.advanceSimulatedTime(5 * 1000);
    const QJsonObject run = getRun(id);
    state = run.value(QStringLiteral("state")).toObject();
    QCOMPARE(state.value(QStringLiteral("life_cycle_state")).toString(),
             QStringLiteral("TERMINATED"));
    QCOMPARE(state.value(QStringLiteral("result_state")).toString(), QStringLiteral("CANCELED"));
    QCOMPARE(state.value(QStringLiteral("state_message")).toString(),
             QStringLiteral("Run cancelled."));
    QVERIFY(state.value(QStringLiteral("user_cancelled_or_timedout")).toBool());
    QCOMPARE(run.value(QStringLiteral("status")).toObject(),
             QJsonDocument::fromJson(R"({"state":"TERMINATED","termination_details":)"
                                     R"({"code":"USER_CANCELED","type":"SUCCESS",)"
                                     R"("message":"Run cancelled."}})")
                 .object());
    const qint64 endTime = static_cast<qint64>(run.value(QStringLiteral("end_time")).toDouble());

    // Cancelling a finished run changes nothing.
    reply = http.post(QStringLiteral("/api/2.2/jobs/runs/cancel"), body);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.body, QByteArray("{}"));
    emulator.advanceSimulatedTime(5 * 1000);
    QCOMPARE(static_cast<qint64>(getRun(id).value(QStringLiteral("end_time")).toDouble()), endTime);

    reply = http.post(QStringLiteral("/api/2.2/jobs/runs/cancel"), QByteArray("{}"));
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.message(), QStringLiteral("Missing required field: run_id"));
}

void TestEmulator::unknownRun()
{
    const QString expected = QStringLiteral("Run 123456789 does not exist.");
    for (const QString &path : {QStringLiteral("/api/2.2/jobs/runs/get?run_id=123456789"),
                                QStringLiteral("/api/2.2/jobs/runs/get-output?run_id=123456789")}) {
        const HttpReply reply = client().get(path);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.errorCode(), QStringLiteral("INVALID_PARAMETER_VALUE"));
        QCOMPARE(reply.message(), expected);
    }
    const HttpReply cancel =
        client().post(QStringLiteral("/api/2.2/jobs/runs/cancel"), R"({"run_id":123456789})");
    QCOMPARE(cancel.status, 400);
    QCOMPARE(cancel.message(), expected);
    const HttpReply missing = client().get(QStringLiteral("/api/2.2/jobs/runs/get"));
    QCOMPARE(missing.status, 400);
    QCOMPARE(missing.errorCode(), QStringLiteral("INVALID_PARAMETER_VALUE"));
}

void TestEmulator::idempotency()
{
    const int before = m_emulator->createdRunCount();
    const QByteArray body =
        submitBody(QStringLiteral("/Shared/Demo/hello"), QStringLiteral("demo-cluster"),
                   QStringLiteral(R"("idempotency_token":"tok-42",)"));
    const qint64 first = submit(body);
    const qint64 second = submit(body);
    QVERIFY(first > 0);
    QCOMPARE(second, first);
    QCOMPARE(m_emulator->createdRunCount(), before + 1);
    const qint64 other = submit(submitBody(QStringLiteral("/Shared/Demo/hello")));
    QVERIFY(other != first);
    QCOMPARE(m_emulator->createdRunCount(), before + 2);
}

void TestEmulator::queuedFirst()
{
    const qint64 id =
        submit(submitBody(QStringLiteral("/Shared/Demo/hello"), QStringLiteral("demo-cluster"),
                          QStringLiteral(R"("queue":{"enabled":false},)")));
    const QJsonObject run = getRun(id);
    QVERIFY(
        run.value(QStringLiteral("state")).toObject().value(QStringLiteral("life_cycle_state")) !=
        QJsonValue(QStringLiteral("QUEUED")));
    m_emulator->advanceSimulatedTime(60 * 1000);
    const QJsonObject done = getRun(id);
    // Not queued: start to end is exactly the task's three durations, no queue time.
    const QJsonObject task = done.value(QStringLiteral("tasks")).toArray().at(0).toObject();
    const double runTime = done.value(QStringLiteral("end_time")).toDouble() -
                           done.value(QStringLiteral("start_time")).toDouble();
    QCOMPARE(runTime, task.value(QStringLiteral("setup_duration")).toDouble() +
                          task.value(QStringLiteral("execution_duration")).toDouble() +
                          task.value(QStringLiteral("cleanup_duration")).toDouble());
    QCOMPARE(done.value(QStringLiteral("run_duration")).toDouble(), runTime);
    QCOMPARE(done.value(QStringLiteral("queue_duration")).toDouble(), 0.0);
}

void TestEmulator::coldClusterStarts()
{
    EmulatorOptions options;
    options.token = kToken;
    options.speed = 1;
    Emulator emulator(options);
    QVERIFY(emulator.start());
    HttpTestClient http(emulator.baseUrl(), kToken);
    auto clusterState = [&http](const QString &id) {
        const QJsonArray clusters = http.get(QStringLiteral("/api/2.0/clusters/list"))
                                        .json.value(QStringLiteral("clusters"))
                                        .toArray();
        for (const QJsonValue &c : clusters) {
            if (c.toObject().value(QStringLiteral("cluster_id")).toString() == id)
                return c.toObject().value(QStringLiteral("state")).toString();
        }
        return QString();
    };
    QCOMPARE(clusterState(QStringLiteral("demo-cluster-cold")), QStringLiteral("TERMINATED"));
    const qint64 id = idOf(http.post(QStringLiteral("/api/2.2/jobs/runs/submit"),
                                     submitBody(QStringLiteral("/Shared/Demo/hello"),
                                                QStringLiteral("demo-cluster-cold")))
                               .json.value(QStringLiteral("run_id")));
    emulator.advanceSimulatedTime(10 * 1000);
    QJsonObject state = http.get(QStringLiteral("/api/2.2/jobs/runs/get?run_id=%1").arg(id))
                            .json.value(QStringLiteral("state"))
                            .toObject();
    QCOMPARE(state.value(QStringLiteral("life_cycle_state")).toString(), QStringLiteral("PENDING"));
    QCOMPARE(state.value(QStringLiteral("state_message")).toString(),
             QStringLiteral("Waiting for cluster demo-cluster-cold to start"));
    QCOMPARE(clusterState(QStringLiteral("demo-cluster-cold")), QStringLiteral("PENDING"));
    emulator.advanceSimulatedTime(22 * 1000);
    state = http.get(QStringLiteral("/api/2.2/jobs/runs/get?run_id=%1").arg(id))
                .json.value(QStringLiteral("state"))
                .toObject();
    QCOMPARE(state.value(QStringLiteral("life_cycle_state")).toString(), QStringLiteral("RUNNING"));
    QCOMPARE(clusterState(QStringLiteral("demo-cluster-cold")), QStringLiteral("RUNNING"));
    // A second run finds the cluster up.
    emulator.advanceSimulatedTime(60 * 1000);
    const qint64 second = idOf(http.post(QStringLiteral("/api/2.2/jobs/runs/submit"),
                                         submitBody(QStringLiteral("/Shared/Demo/hello"),
                                                    QStringLiteral("demo-cluster-cold")))
                                   .json.value(QStringLiteral("run_id")));
    emulator.advanceSimulatedTime(3 * 1000);
    QCOMPARE(http.get(QStringLiteral("/api/2.2/jobs/runs/get?run_id=%1").arg(second))
                 .json.value(QStringLiteral("state"))
                 .toObject()
                 .value(QStringLiteral("life_cycle_state")),
             QJsonValue(QStringLiteral("RUNNING")));
    // Idle past autotermination: TERMINATED again.
    emulator.advanceSimulatedTime(61 * 60 * 1000);
    QCOMPARE(clusterState(QStringLiteral("demo-cluster-cold")), QStringLiteral("TERMINATED"));
}

void TestEmulator::listRuns()
{
    EmulatorOptions options;
    options.token = kToken;
    options.speed = 1;
    Emulator emulator(options);
    QVERIFY(emulator.start());
    HttpTestClient http(emulator.baseUrl(), kToken);
    const QString list = QStringLiteral("/api/2.2/jobs/runs/list");

    HttpReply reply = http.get(list);
    QCOMPARE(reply.status, 200);
    QVERIFY(!reply.json.contains(QStringLiteral("runs")));
    QCOMPARE(reply.json.value(QStringLiteral("has_more")), QJsonValue(false));

    QList<qint64> ids;
    for (int i = 0; i < 7; ++i) {
        ids.prepend(idOf(http.post(QStringLiteral("/api/2.2/jobs/runs/submit"),
                                   submitBody(i < 4 ? QStringLiteral("/Shared/Demo/hello")
                                                    : QStringLiteral("/Shared/Demo/slow_report")))
                             .json.value(QStringLiteral("run_id"))));
        emulator.advanceSimulatedTime(1000);
    }
    const qint64 fourthStart = emulator.simulatedNowMs() - 4500;
    emulator.advanceSimulatedTime(30 * 1000); // hello runs done, slow_report still running

    // Paging by offset, newest first (the tokens: tst_emulatorlive).
    QList<qint64> listed;
    bool more = false;
    int pages = 0;
    do {
        reply = http.get(list + QStringLiteral("?limit=3&offset=%1").arg(3 * pages));
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.json.contains(QStringLiteral("runs")));
        const QJsonArray runs = reply.json.value(QStringLiteral("runs")).toArray();
        QVERIFY(runs.size() <= 3);
        for (const QJsonValue &r : runs) {
            listed.append(idOf(r.toObject().value(QStringLiteral("run_id"))));
            QVERIFY(!r.toObject().contains(QStringLiteral("tasks")));
        }
        more = reply.json.value(QStringLiteral("has_more")).toBool();
        ++pages;
    } while (more && pages < 10);
    QCOMPARE(pages, 3);
    QCOMPARE(listed, ids);
    // A page_token of the live service's offset form is still accepted.
    reply = http.get(list + QStringLiteral("?limit=3&page_token=") +
                     QString::fromLatin1(QByteArray("offset:3")
                                             .toBase64(QByteArray::Base64UrlEncoding |
                                                       QByteArray::OmitTrailingEquals)));
    QCOMPARE(idOf(reply.json.value(QStringLiteral("runs"))
                      .toArray()
                      .at(0)
                      .toObject()
                      .value(QStringLiteral("run_id"))),
             ids.at(3));

    reply = http.get(list + QStringLiteral("?offset=5&limit=25"));
    QCOMPARE(reply.json.value(QStringLiteral("runs")).toArray().size(), 2);

    reply = http.get(list + QStringLiteral("?active_only=true"));
    QCOMPARE(reply.json.value(QStringLiteral("runs")).toArray().size(), 3);
    reply = http.get(list + QStringLiteral("?completed_only=true&run_type=SUBMIT_RUN"));
    QCOMPARE(reply.json.value(QStringLiteral("runs")).toArray().size(), 4);
    reply = http.get(list + QStringLiteral("?run_type=JOB_RUN"));
    QVERIFY(!reply.json.contains(QStringLiteral("runs")));
    reply = http.get(list + QStringLiteral("?start_time_from=%1").arg(fourthStart));
    QCOMPARE(reply.json.value(QStringLiteral("runs")).toArray().size(), 4);
    reply = http.get(list + QStringLiteral("?start_time_to=%1").arg(fourthStart - 1));
    QCOMPARE(reply.json.value(QStringLiteral("runs")).toArray().size(), 3);
    reply = http.get(list + QStringLiteral("?expand_tasks=true&limit=1"));
    QCOMPARE(reply.json.value(QStringLiteral("runs"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("tasks"))
                 .toArray()
                 .size(),
             1);
    reply = http.get(list);
    QCOMPARE(reply.json.value(QStringLiteral("runs")).toArray().size(), 7); // default limit 20
}

void TestEmulator::listRunsValidation()
{
    const QString list = QStringLiteral("/api/2.2/jobs/runs/list");
    HttpReply reply = client().get(list + QStringLiteral("?limit=26"));
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.errorCode(), QStringLiteral("INVALID_PARAMETER_VALUE"));
    QCOMPARE(reply.message(), QStringLiteral("Invalid limit 26 - it has to be between 1 and 25."));
    QCOMPARE(client().get(list + QStringLiteral("?limit=-1")).status, 400);
    QCOMPARE(client().get(list + QStringLiteral("?limit=abc")).status, 400);
    QCOMPARE(client().get(list + QStringLiteral("?active_only=true&completed_only=true")).status,
             400);
    QCOMPARE(client().get(list + QStringLiteral("?run_type=NOPE")).status, 400);
    QCOMPARE(client().get(list + QStringLiteral("?page_token=garbage")).status, 400);
    QCOMPARE(client().get(list + QStringLiteral("?limit=25")).status, 200);
}

void TestEmulator::clustersList()
{
    for (const QString &version : {QStringLiteral("2.0"), QStringLiteral("2.1")}) {
        const HttpReply reply = client().get(QStringLiteral("/api/%1/clusters/list").arg(version));
        QCOMPARE(reply.status, 200);
        const QJsonArray clusters = reply.json.value(QStringLiteral("clusters")).toArray();
        QCOMPARE(clusters.size(), 3);
        QMap<QString, QJsonObject> byId;
        for (const QJsonValue &c : clusters)
            byId.insert(c.toObject().value(QStringLiteral("cluster_id")).toString(), c.toObject());
        QCOMPARE(byId.value(QStringLiteral("demo-cluster")).value(QStringLiteral("state")),
                 QJsonValue(QStringLiteral("RUNNING")));
        QVERIFY(byId.contains(QStringLiteral("demo-cluster-cold")));
        int jobClusters = 0;
        for (const QJsonObject &c : byId) {
            QVERIFY(!c.value(QStringLiteral("cluster_name")).toString().isEmpty());
            QVERIFY(!c.value(QStringLiteral("spark_version")).toString().isEmpty());
            QVERIFY(c.contains(QStringLiteral("state_message")));
            jobClusters +=
                c.value(QStringLiteral("cluster_source")) == QJsonValue(QStringLiteral("JOB"));
        }
        QCOMPARE(jobClusters, 1);
    }
}

void TestEmulator::workspaceList()
{
    auto list = [this](const QString &path) {
        return client().get(QStringLiteral("/api/2.0/workspace/list?path=") +
                            QString::fromLatin1(QUrl::toPercentEncoding(path)));
    };
    auto paths = [](const HttpReply &reply) {
        QStringList result;
        for (const QJsonValue &o : reply.json.value(QStringLiteral("objects")).toArray())
            result.append(o.toObject().value(QStringLiteral("path")).toString());
        return result;
    };
    HttpReply reply = list(QStringLiteral("/"));
    QCOMPARE(paths(reply), (QStringList{QStringLiteral("/Repos"), QStringLiteral("/Shared"),
                                        QStringLiteral("/Users")}));

    reply = list(QStringLiteral("/Shared/Demo"));
    const QStringList demo = paths(reply);
    for (const QString &name :
         {QStringLiteral("hello"), QStringLiteral("slow_report"), QStringLiteral("failing"),
          QStringLiteral("echo_params"), QStringLiteral("big_output"), QStringLiteral("no_exit"),
          QStringLiteral("internal_error"), QStringLiteral("skipped")})
        QVERIFY2(demo.contains(QStringLiteral("/Shared/Demo/") + name), qPrintable(name));
    for (const QJsonValue &value : reply.json.value(QStringLiteral("objects")).toArray()) {
        const QJsonObject o = value.toObject();
        QVERIFY(o.value(QStringLiteral("object_id")).toDouble() > 0);
        if (o.value(QStringLiteral("object_type")) == QJsonValue(QStringLiteral("NOTEBOOK")))
            QVERIFY(!o.value(QStringLiteral("language")).toString().isEmpty());
        else
            QVERIFY(!o.contains(QStringLiteral("language")));
    }

    reply = list(QStringLiteral("/Users/demo@example.com/empty"));
    QCOMPARE(reply.status, 200);
    QVERIFY(!reply.json.contains(QStringLiteral("objects")));

    reply = list(QStringLiteral("/Users/demo@example.com/projects/sales/etl"));
    QCOMPARE(paths(reply).size(), 2);

    reply = list(QStringLiteral("/Shared/Demo/hello"));
    QCOMPARE(paths(reply), QStringList{QStringLiteral("/Shared/Demo/hello")});

    reply = list(QStringLiteral("/Repos/demo@example.com"));
    QCOMPARE(reply.json.value(QStringLiteral("objects"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("object_type")),
             QJsonValue(QStringLiteral("REPO")));
    QVERIFY(paths(list(QStringLiteral("/Repos/demo@example.com/brickrun-demo"))).size() >= 2);

    QVERIFY(paths(list(QStringLiteral("/Shared/Many"))).size() >= 200);

    reply = list(QStringLiteral("/Users/nobody"));
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.errorCode(), QStringLiteral("RESOURCE_DOES_NOT_EXIST"));
    QCOMPARE(reply.message(), QStringLiteral("Path (/Users/nobody) doesn't exist."));
}

// --shapes published (what the conformance test runs): every answer fits the published
// schemas, also for retried tasks, job runs, include_history and Jobs API 2.2.
void TestEmulator::answersFitThePublishedSchemas()
{
    EmulatorOptions options;
    options.token = kToken;
    options.speed = 1;
    options.shapes = AnswerShapes::Published;
    Emulator emulator(options);
    QVERIFY(emulator.start());
    HttpTestClient http(emulator.baseUrl(), kToken);
    QStringList problems;
    int answers = 0;
    // One answer: a declared status, JSON, and a body that fits the schema of that status.
    auto check = [&](const QString &what, const HttpReply &reply, const QList<int> &declared,
                     const char *okSchema) {
        ++answers;
        if (!declared.contains(reply.status))
            problems.append(QStringLiteral("%1: undeclared status %2").arg(what).arg(reply.status));
        if (reply.contentType != "application/json")
            problems.append(QStringLiteral("%1: content type %2")
                                .arg(what, QString::fromLatin1(reply.contentType)));
        schemaProblems(reply.json,
                       schema(QString::fromLatin1(reply.status == 200 ? okSchema : kErrorSchema)),
                       what, &problems);
    };
    const QString jobs = QStringLiteral("/api/2.1/jobs/runs/");
    QList<qint64> runs;
    auto submit = [&](const QByteArray &body) {
        const HttpReply reply = http.post(jobs + QStringLiteral("submit"), body);
        check(QStringLiteral("submit"), reply, {200, 400, 401, 403, 429, 500},
              R"({"run_id": "int64"})");
        if (reply.status == 200)
            runs.append(idOf(reply.json.value(QStringLiteral("run_id"))));
    };
    auto everyRun = [&](const QString &when) {
        for (const qint64 id : runs) {
            const HttpReply run =
                http.get(jobs + QStringLiteral("get?run_id=%1&include_history=true").arg(id));
            check(when + QStringLiteral(" get 2.2 ") + QString::number(id),
                  http.get(QStringLiteral("/api/2.2/jobs/runs/get?run_id=%1").arg(id)),
                  {200, 400, 401, 403, 404, 429, 500}, kRunSchema);
            check(when + QStringLiteral(" get ") + QString::number(id), run,
                  {200, 400, 401, 403, 404, 429, 500}, kRunSchema);
            for (const QJsonValue &t : run.json.value(QStringLiteral("tasks")).toArray()) {
                const qint64 task = idOf(t.toObject().value(QStringLiteral("run_id")));
                check(when + QStringLiteral(" get task ") + QString::number(task),
                      http.get(jobs + QStringLiteral("get?run_id=%1").arg(task)),
                      {200, 400, 401, 403, 404, 429, 500}, kRunSchema);
                check(when + QStringLiteral(" get-output ") + QString::number(task),
                      http.get(jobs + QStringLiteral("get-output?run_id=%1").arg(task)),
                      {200, 400, 401, 403, 404, 429, 500}, kGetOutputSchema);
            }
            check(when + QStringLiteral(" get-output parent"),
                  http.get(jobs + QStringLiteral("get-output?run_id=%1").arg(id)),
                  {200, 400, 401, 403, 404, 429, 500}, kGetOutputSchema);
        }
        for (const QString &query :
             {QStringLiteral("list"), QStringLiteral("list?expand_tasks=true&limit=25"),
              QStringLiteral("list?run_type=JOB_RUN&expand_tasks=true"),
              QStringLiteral("list?active_only=true&expand_tasks=true"),
              QStringLiteral("list?limit=2&offset=1")})
            check(when + QLatin1Char(' ') + query, http.get(jobs + query),
                  {200, 401, 403, 429, 500}, kListRunsSchema);
        check(when + QStringLiteral(" clusters/list"),
              http.get(QStringLiteral("/api/2.0/clusters/list")), {200, 401, 403, 429, 500},
              R"({"clusters": ["@ClusterInfo"]})");
    };

    submit(submitBody(QStringLiteral("/Shared/Demo/hello"), QStringLiteral("demo-cluster"),
                      QStringLiteral(R"("queue":{"enabled":true},"timeout_seconds":600,)")));
    submit(QByteArray(R"({"run_name":"two clusters","tasks":[)"
                      R"({"task_key":"cold","existing_cluster_id":"demo-cluster-cold",)"
                      R"("notebook_task":{"notebook_path":"/Shared/Demo/echo_params",)"
                      R"("base_parameters":{"x":"1"}}},)"
                      R"({"task_key":"job","depends_on":[{"task_key":"cold"}],)"
                      R"("new_cluster":{"spark_version":"13.3.x-scala2.12","num_workers":1,)"
                      R"("aws_attributes":{"zone_id":"auto"}},)"
                      R"("notebook_task":{"notebook_path":"/Shared/Demo/failing"}}]})"));
    submit(submitBody(QStringLiteral("/Shared/Demo/internal_error")));
    submit(submitBody(QStringLiteral("/Shared/Demo/skipped")));
    submit(QByteArray(R"({"tasks":[{"task_key":"retried","existing_cluster_id":"demo-cluster",)"
                      R"("max_retries":2,"retry_on_timeout":true,"timeout_seconds":100,)"
                      R"("notebook_task":{"notebook_path":"/Shared/Demo/flaky"}}]})"));
    submit(submitBody(QStringLiteral("/Shared/Demo/status_only")));
    submit(submitBody(QStringLiteral("/Shared/Demo/future")));
    qint64 jobRun = 0;
    QVERIFY(emulator.createJobRun(QJsonObject{{QStringLiteral("task_count"), 3}}, &jobRun));
    runs.append(jobRun);
    submit(submitBody(QStringLiteral("/Shared/Demo/slow_report")));
    const qint64 slow = runs.constLast();
    // Validation errors.
    submit(QByteArray("not json"));
    submit(submitBody(QStringLiteral("/Shared/Demo/missing")));

    everyRun(QStringLiteral("t=0"));
    for (const qint64 step : {1000, 1000, 2000, 3000, 30000, 60000}) {
        emulator.advanceSimulatedTime(step);
        everyRun(QStringLiteral("t+%1").arg(step));
    }
    const HttpReply cancelled = http.post(jobs + QStringLiteral("cancel"),
                                          QStringLiteral(R"({"run_id":%1})").arg(slow).toUtf8());
    check(QStringLiteral("cancel"), cancelled, {200, 400, 401, 403, 429, 500}, "{}");
    everyRun(QStringLiteral("cancelling"));
    emulator.advanceSimulatedTime(10 * 1000);
    everyRun(QStringLiteral("cancelled"));

    // Errors of the described operations: just error_code and message.
    check(QStringLiteral("get unknown"), http.get(jobs + QStringLiteral("get?run_id=42")),
          {400, 404}, "{}");
    check(QStringLiteral("get no id"), http.get(jobs + QStringLiteral("get")), {400, 404}, "{}");
    check(QStringLiteral("cancel unknown"),
          http.post(jobs + QStringLiteral("cancel"), QByteArray(R"({"run_id":42})")), {400}, "{}");
    check(QStringLiteral("get unauthenticated"),
          http.get(jobs + QStringLiteral("get?run_id=42"), QStringLiteral("Bearer nope")), {401},
          "{}");

    for (const QString &path :
         {QStringLiteral("/"), QStringLiteral("/Shared/Demo"), QStringLiteral("/Shared/Demo/hello"),
          QStringLiteral("/Shared/Demo/README.md"), QStringLiteral("/Users/demo@example.com"),
          QStringLiteral("/Users/demo@example.com/data"),
          QStringLiteral("/Users/demo@example.com/empty"),
          QStringLiteral("/Repos/demo@example.com"),
          QStringLiteral("/Repos/demo@example.com/brickrun-demo"), QStringLiteral("/Shared/Many"),
          QStringLiteral("/nope"), QString()})
        check(QStringLiteral("workspace/list ") + path,
              http.get(QStringLiteral("/api/2.0/workspace/list?path=") +
                       QString::fromLatin1(QUrl::toPercentEncoding(path))),
              {200, 400, 401, 403, 404, 429, 500}, kWorkspaceListSchema);

    QVERIFY(answers > 200);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 20).join(QLatin1Char('\n'))));
}

void TestEmulator::newClusterSpecKeepsDeclaredMembers()
{
    const QByteArray body =
        R"({"tasks":[{"task_key":"job","notebook_task":{"notebook_path":"/Shared/Demo/hello"},)"
        R"("new_cluster":{"spark_version":"13.3.x-scala2.12","node_type_id":"Standard_DS3_v2",)"
        R"("num_workers":2,"spark_conf":{"a":"1","b":2},"aws_attributes":{"zone_id":"auto"},)"
        R"("autoscale":{"min_workers":1,"max_workers":3},"runtime_engine":"PHOTON",)"
        R"("data_security_mode":)"
        R"("SINGLE_USER","azure_attributes":{"availability":"SPOT_AZURE","zone":"x"},)"
        R"("init_scripts":[{"workspace":{"destination":"/init.sh"}},{"s3":{"destination":)"
        R"("s3://b/i.sh"}}]}}]})";
    // Live: the spec as it was submitted, on the run and on its task.
    qint64 id = submit(body);
    QVERIFY(id > 0);
    const QJsonObject submitted = QJsonDocument::fromJson(body)
                                      .object()
                                      .value(QStringLiteral("tasks"))
                                      .toArray()
                                      .at(0)
                                      .toObject()
                                      .value(QStringLiteral("new_cluster"))
                                      .toObject();
    QJsonObject run = getRun(id);
    QCOMPARE(run.value(QStringLiteral("cluster_spec")).toObject(),
             (QJsonObject{{QStringLiteral("new_cluster"), submitted}}));
    QCOMPARE(run.value(QStringLiteral("tasks"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("new_cluster"))
                 .toObject(),
             submitted);

    // Published: only the members the schema declares.
    m_emulator->setShapeSettings({AnswerShapes::Published, false});
    const auto backToLive = qScopeGuard([this] {
        m_emulator->setShapeSettings({AnswerShapes::Live, false});
    });
    id = submit(body);
    QVERIFY(id > 0);
    run = getRun(id);
    const QJsonObject expected =
        QJsonDocument::fromJson(
            R"({"new_cluster":{"spark_version":"13.3.x-scala2.12",)"
            R"("node_type_id":"Standard_DS3_v2",)"
            R"("num_workers":2,"spark_conf":{"a":"1"},"data_security_mode":"SINGLE_USER",)"
            R"("autoscale":{"min_workers":1,"max_workers":3},"runtime_engine":"PHOTON",)"
            R"("azure_attributes":{"availability":"SPOT_AZURE"},)"
            R"("init_scripts":[{"workspace":{"destination":"/init.sh"}},{}]}})")
            .object();
    QCOMPARE(run.value(QStringLiteral("cluster_spec")).toObject(), expected);
    const QJsonObject taskRun = getRun(taskRunId(id));
    QCOMPARE(taskRun.value(QStringLiteral("cluster_spec")).toObject(), expected);
    // The job cluster made for the task, not a workspace cluster.
    const QString clusterId = taskRun.value(QStringLiteral("cluster_instance"))
                                  .toObject()
                                  .value(QStringLiteral("cluster_id"))
                                  .toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d{4}-\\d{6}-[0-9a-z]{8}$"))
                 .match(clusterId)
                 .hasMatch(),
             qPrintable(clusterId));
}

void TestEmulator::stateFileSharedAcrossInstances()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    EmulatorOptions options;
    options.token = kToken;
    options.speed = 50;
    options.stateFile = dir.filePath(QStringLiteral("state.json"));

    qint64 id = 0;
    {
        Emulator first(options);
        QVERIFY(first.start());
        HttpTestClient http(first.baseUrl(), kToken);
        id = idOf(http.post(QStringLiteral("/api/2.2/jobs/runs/submit"),
                            submitBody(QStringLiteral("/Shared/Demo/slow_report"),
                                       QStringLiteral("demo-cluster"),
                                       QStringLiteral(R"("idempotency_token":"persisted",)")))
                      .json.value(QStringLiteral("run_id")));
        QVERIFY(id > 0);
        first.advanceSimulatedTime(20 * 1000);
        QVERIFY(QFile::exists(options.stateFile));
    }
    Emulator second(options);
    QString error;
    QVERIFY2(second.start(&error), qPrintable(error));
    HttpTestClient http(second.baseUrl(), kToken);
    HttpReply reply = http.get(QStringLiteral("/api/2.2/jobs/runs/get?run_id=%1").arg(id));
    QCOMPARE(reply.status, 200);
    // The clock carried over: the run is already running, not back in PENDING.
    QCOMPARE(reply.json.value(QStringLiteral("state"))
                 .toObject()
                 .value(QStringLiteral("life_cycle_state")),
             QJsonValue(QStringLiteral("RUNNING")));
    // The idempotency token is remembered too.
    const qint64 again =
        idOf(http.post(QStringLiteral("/api/2.2/jobs/runs/submit"),
                       submitBody(QStringLiteral("/Shared/Demo/slow_report"),
                                  QStringLiteral("demo-cluster"),
                                  QStringLiteral(R"("idempotency_token":"persisted",)")))
                 .json.value(QStringLiteral("run_id")));
    QCOMPARE(again, id);
    QCOMPARE(second.createdRunCount(), 0);

    // A change made by one running instance is seen by another running one.
    Emulator third(options);
    QVERIFY(third.start());
    HttpTestClient thirdHttp(third.baseUrl(), kToken);
    reply = thirdHttp.post(QStringLiteral("/api/2.2/jobs/runs/cancel"),
                           QStringLiteral(R"({"run_id":%1})").arg(id).toUtf8());
    QCOMPARE(reply.status, 200);
    second.advanceSimulatedTime(10 * 1000);
    reply = http.get(QStringLiteral("/api/2.2/jobs/runs/get?run_id=%1").arg(id));
    QCOMPARE(
        reply.json.value(QStringLiteral("state")).toObject().value(QStringLiteral("result_state")),
        QJsonValue(QStringLiteral("CANCELED")));
    const qint64 newId = idOf(http.post(QStringLiteral("/api/2.2/jobs/runs/submit"),
                                        submitBody(QStringLiteral("/Shared/Demo/hello")))
                                  .json.value(QStringLiteral("run_id")));
    reply = thirdHttp.get(QStringLiteral("/api/2.2/jobs/runs/get?run_id=%1").arg(newId));
    QCOMPARE(reply.status, 200);
}

// A state file that is not one (cut short, edited by hand) does not stop the demo workspace: it
// is kept aside, as the run history is, and the emulator starts with no runs.
void TestEmulator::damagedStateFileIsSetAside()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    EmulatorOptions options;
    options.token = kToken;
    options.stateFile = dir.filePath(QStringLiteral("runs.json"));
    const QByteArray damaged = R"({"format": "brickrun-emulator-state-1", "runs": [{"run_)";
    {
        QFile file(options.stateFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(damaged);
    }
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("is not a Brickrun emulator state "
                                                           "file; it was moved aside to .*"
                                                           "runs\\.json\\.damaged-")));
    Emulator emulator(options);
    QString error;
    QVERIFY2(emulator.start(&error), qPrintable(error));
    const QString keptAt = emulator.setAsideStateFile();
    QVERIFY2(QRegularExpression(QStringLiteral("/runs\\.json\\.damaged-\\d{8}-\\d{6}$"))
                 .match(keptAt)
                 .hasMatch(),
             qPrintable(keptAt));
    QFile kept(keptAt);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), damaged);

    HttpTestClient http(emulator.baseUrl(), kToken);
    HttpReply reply = http.get(QStringLiteral("/api/2.2/jobs/runs/list"));
    QCOMPARE(reply.status, 200);
    QVERIFY(!reply.json.contains(QStringLiteral("runs")));
    reply = http.post(QStringLiteral("/api/2.2/jobs/runs/submit"),
                      submitBody(QStringLiteral("/Shared/Demo/hello")));
    QCOMPARE(reply.status, 200);
    emulator.stop();

    // The next start reads the new file.
    Emulator next(options);
    QVERIFY2(next.start(&error), qPrintable(error));
    QVERIFY(next.setAsideStateFile().isEmpty());
    HttpTestClient nextHttp(next.baseUrl(), kToken);
    QCOMPARE(nextHttp.get(QStringLiteral("/api/2.2/jobs/runs/list"))
                 .json.value(QStringLiteral("runs"))
                 .toArray()
                 .size(),
             1);
}

// The state file holds notebook paths, parameters and results: only its owner may read it.
void TestEmulator::stateFileIsPrivate()
{
#ifndef Q_OS_UNIX
    QSKIP("file modes are Unix");
#else
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QFileDevice::Permissions folderMode = QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                QFileDevice::ExeOwner | QFileDevice::ReadUser |
                                                QFileDevice::WriteUser | QFileDevice::ExeUser;
    const QFileDevice::Permissions fileMode = QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                              QFileDevice::ReadUser | QFileDevice::WriteUser;
    const QFileDevice::Permissions readableByAll =
        fileMode | QFileDevice::ReadGroup | QFileDevice::ReadOther;
    const QFileDevice::Permissions openFolder = folderMode | QFileDevice::ReadGroup |
                                                QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                                QFileDevice::ExeOther;
    auto submitOne = [](const Emulator &emulator) {
        HttpTestClient http(emulator.baseUrl(), kToken);
        return http
            .post(QStringLiteral("/api/2.2/jobs/runs/submit"),
                  submitBody(QStringLiteral("/Shared/Demo/hello")))
            .status;
    };
    EmulatorOptions options;
    options.token = kToken;

    // The demo's folder as the programs make it (mkpath: 0755), with a file from before (0644).
    const QString demo = dir.filePath(QStringLiteral("demo"));
    QVERIFY(QDir().mkpath(demo));
    QVERIFY(QFile::setPermissions(demo, openFolder));
    options.stateFile = demo + QStringLiteral("/runs.json");
    {
        QFile old(options.stateFile);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write(R"({"format": "brickrun-emulator-state-1", "runs": []})");
    }
    QVERIFY(QFile::setPermissions(options.stateFile, readableByAll));
    {
        Emulator emulator(options);
        QVERIFY(emulator.start());
        QCOMPARE(QFileInfo(demo).permissions(), folderMode);
        QCOMPARE(QFileInfo(options.stateFile).permissions(), fileMode);
        QCOMPARE(submitOne(emulator), 200);
        QCOMPARE(QFileInfo(options.stateFile).permissions(), fileMode);
    }

    // A folder the emulator creates is private from the start, and so is a new file.
    options.stateFile = dir.filePath(QStringLiteral("new/state/runs.json"));
    {
        Emulator emulator(options);
        QVERIFY(emulator.start());
        QCOMPARE(QFileInfo(dir.filePath(QStringLiteral("new/state"))).permissions(), folderMode);
        QCOMPARE(submitOne(emulator), 200);
        QCOMPARE(QFileInfo(options.stateFile).permissions(), fileMode);
    }

    // A folder that holds other files too is not the state file's own: left as it is.
    const QString shared = dir.filePath(QStringLiteral("shared"));
    QVERIFY(QDir().mkpath(shared));
    QVERIFY(QFile::setPermissions(shared, openFolder));
    {
        QFile other(shared + QStringLiteral("/notes.txt"));
        QVERIFY(other.open(QIODevice::WriteOnly));
    }
    options.stateFile = shared + QStringLiteral("/runs.json");
    {
        Emulator emulator(options);
        QVERIFY(emulator.start());
        QCOMPARE(submitOne(emulator), 200);
        QCOMPARE(QFileInfo(shared).permissions(), openFolder);
        QCOMPARE(QFileInfo(options.stateFile).permissions(), fileMode);
    }
#endif
}

QTEST_GUILESS_MAIN(TestEmulator)
#include "tst_emulator.moc"
