// SPDX-License-Identifier: Apache-2.0
// The brickrun-emulator program: started as a process, as a user or the CLI would.

#include "HttpTestClient.h"
#include "TestTimeouts.h"

#include <QJsonArray>
#include <QProcess>
#include <QSslCertificate>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>
#include <vector>

using Brickrun::Emulator::Test::HttpReply;
using Brickrun::Emulator::Test::HttpTestClient;

namespace {

const QString kProgram = QStringLiteral(BRICKRUN_BINARY_DIR "/src/emulator/brickrun-emulator");
const QString kTls = QStringLiteral(BRICKRUN_SOURCE_DIR "/tests/data/tls/");
const QString kList = QStringLiteral("/api/2.1/jobs/runs/list");

// Starts the program with a token and arguments; returns its base URL (empty on failure).
QString startProgram(QProcess &process, const QStringList &arguments,
                     const QString &adminToken = QString())
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("BRICKRUN_EMULATOR_TOKEN"), QStringLiteral("dapi-program"));
    if (!adminToken.isEmpty())
        env.insert(QStringLiteral("BRICKRUN_EMULATOR_ADMIN_TOKEN"), adminToken);
    process.setProcessEnvironment(env);
    process.start(kProgram, arguments);
    if (!process.waitForStarted() || !process.waitForReadyRead(10000))
        return {};
    return QString::fromUtf8(process.readLine()).trimmed();
}

void stopProgram(QProcess &process)
{
    ::kill(static_cast<pid_t>(process.processId()), SIGTERM);
    process.waitForFinished(5000);
}

} // namespace

class TestEmulatorProgram : public QObject
{
    Q_OBJECT

private slots:
    void servesAndStopsOnSigterm();
    void tokenFromEnvironment();
    void badOptions_data();
    void badOptions();
    void helpAndVersion();
    void faultsFromCommandLine();
    void shapesAndVersionsFromCommandLine();
    void faultsFromFileAndAdminRoute();
    void servesHttps();
    void oauthOptions();
    void processesShareTheStateFile();
    void bindToEveryInterfaceWarns();
};

void TestEmulatorProgram::servesAndStopsOnSigterm()
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("BRICKRUN_EMULATOR_TOKEN"));
    process.setProcessEnvironment(env);
    process.start(kProgram, {QStringLiteral("--port"), QStringLiteral("0"),
                             QStringLiteral("--speed"), QStringLiteral("50")});
    QVERIFY(process.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 10000);
    const QString url = QString::fromUtf8(process.readLine()).trimmed();
    QVERIFY2(url.startsWith(QStringLiteral("http://127.0.0.1:")), qPrintable(url));
    QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 5000);
    const QString tokenLine = QString::fromUtf8(process.readLine()).trimmed();
    QVERIFY2(tokenLine.startsWith(QStringLiteral("token: dapi")), qPrintable(tokenLine));
    const QString token = tokenLine.mid(7);

    HttpTestClient http(url, token);
    const HttpReply me = http.get(QStringLiteral("/api/2.0/preview/scim/v2/Me"));
    QCOMPARE(me.status, 200);
    QCOMPARE(me.json.value(QStringLiteral("userName")).toString(),
             QStringLiteral("demo@example.com"));
    QCOMPARE(
        http.get(QStringLiteral("/api/2.0/preview/scim/v2/Me"), QStringLiteral("Bearer x")).status,
        401);

    ::kill(static_cast<pid_t>(process.processId()), SIGTERM);
    QVERIFY(process.waitForFinished(5000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
}

void TestEmulatorProgram::tokenFromEnvironment()
{
    QTemporaryDir dir;
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("BRICKRUN_EMULATOR_TOKEN"), QStringLiteral("dapi-from-env"));
    process.setProcessEnvironment(env);
    process.start(kProgram, {QStringLiteral("--state"), dir.filePath(QStringLiteral("s.json"))});
    QVERIFY(process.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 10000);
    const QString url = QString::fromUtf8(process.readLine()).trimmed();
    HttpTestClient http(url, QStringLiteral("dapi-from-env"));
    const HttpReply submitted =
        http.post(QStringLiteral("/api/2.2/jobs/runs/submit"),
                  R"({"tasks":[{"task_key":"t","existing_cluster_id":"demo-cluster",)"
                  R"("notebook_task":{"notebook_path":"/Shared/Demo/hello"}}]})");
    QCOMPARE(submitted.status, 200);
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("s.json"))));
    ::kill(static_cast<pid_t>(process.processId()), SIGINT);
    QVERIFY(process.waitForFinished(5000));
    QCOMPARE(process.exitCode(), 0);
    // Only the URL: no "token:" line when the token was given.
    QCOMPARE(process.readAllStandardOutput().trimmed(), QByteArray());
}

void TestEmulatorProgram::badOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTemporaryDir dir;
    QTest::newRow("port not a number")
        << QStringList{QStringLiteral("--port"), QStringLiteral("abc")} << QStringLiteral("--port");
    QTest::newRow("port too big") << QStringList{QStringLiteral("--port"), QStringLiteral("70000")}
                                  << QStringLiteral("--port");
    QTest::newRow("speed zero") << QStringList{QStringLiteral("--speed"), QStringLiteral("0")}
                                << QStringLiteral("--speed");
    QTest::newRow("speed negative") << QStringList{QStringLiteral("--speed"), QStringLiteral("-2")}
                                    << QStringLiteral("--speed");
    QTest::newRow("missing workspace")
        << QStringList{QStringLiteral("--workspace"), QStringLiteral("/nonexistent/ws.json")}
        << QStringLiteral("--workspace");
    QTest::newRow("invalid workspace")
        << QStringList{QStringLiteral("--workspace"),
                       QStringLiteral(BRICKRUN_SOURCE_DIR "/CMakeLists.txt")}
        << QStringLiteral("invalid workspace file");
    QTest::newRow("bad fault plan")
        << QStringList{QStringLiteral("--faults"), QStringLiteral("runs/get:teapot")}
        << QStringLiteral("--faults: runs/get: unknown fault 'teapot'");
    QTest::newRow("missing fault file")
        << QStringList{QStringLiteral("--faults"), QStringLiteral("@/nonexistent/plan.json")}
        << QStringLiteral("--faults: cannot read '/nonexistent/plan.json'");
    QTest::newRow("certificate without key")
        << QStringList{QStringLiteral("--tls-cert"), kTls + QStringLiteral("server.pem")}
        << QStringLiteral("--tls-cert and --tls-key go together");
    QTest::newRow("key of another certificate")
        << QStringList{QStringLiteral("--tls-cert"), kTls + QStringLiteral("server.pem"),
                       QStringLiteral("--tls-key"), kTls + QStringLiteral("untrusted-key.pem")}
        << QStringLiteral("does not belong");
    QTest::newRow("token lifetime not a number")
        << QStringList{QStringLiteral("--token-lifetime"), QStringLiteral("soon")}
        << QStringLiteral("--token-lifetime");
    QTest::newRow("token lifetime zero")
        << QStringList{QStringLiteral("--token-lifetime"), QStringLiteral("0")}
        << QStringLiteral("--token-lifetime");
    QTest::newRow("shapes") << QStringList{QStringLiteral("--shapes"), QStringLiteral("newest")}
                            << QStringLiteral("--shapes: 'newest' is not live or published");
    QTest::newRow("status only, published")
        << QStringList{QStringLiteral("--shapes"), QStringLiteral("published"),
                       QStringLiteral("--status-only")}
        << QStringLiteral("--status-only needs --shapes live");
    QTest::newRow("jobs api version")
        << QStringList{QStringLiteral("--jobs-api-versions"), QStringLiteral("2.1,2.0")}
        << QStringLiteral("--jobs-api-versions: '2.0' is not 2.1 or 2.2");
    QTest::newRow("no jobs api version")
        << QStringList{QStringLiteral("--jobs-api-versions"), QStringLiteral(",")}
        << QStringLiteral("--jobs-api-versions: name at least one");
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("--frobnicate")} << QStringLiteral("frobnicate");
}

void TestEmulatorProgram::badOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QProcess process;
    process.start(kProgram, arguments);
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 2);
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(err.contains(message), qPrintable(err));
    QVERIFY(process.readAllStandardOutput().isEmpty());
}

void TestEmulatorProgram::helpAndVersion()
{
    QProcess process;
    process.start(kProgram, {QStringLiteral("--help")});
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 0);
    const QString help = QString::fromUtf8(process.readAllStandardOutput());
    for (const QString &option :
         {QStringLiteral("--port"), QStringLiteral("--workspace"), QStringLiteral("--speed"),
          QStringLiteral("--state"), QStringLiteral("--bind"), QStringLiteral("--faults"),
          QStringLiteral("--tls-cert"), QStringLiteral("--tls-key"),
          QStringLiteral("--token-lifetime"), QStringLiteral("--oauth-auto-approve"),
          QStringLiteral("--no-refresh-rotation"), QStringLiteral("--shapes"),
          QStringLiteral("--status-only"), QStringLiteral("--jobs-api-versions")})
        QVERIFY2(help.contains(option), qPrintable(option));
    process.start(kProgram, {QStringLiteral("--version")});
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(process.readAllStandardOutput().contains(BRICKRUN_VERSION));
}

void TestEmulatorProgram::faultsFromCommandLine()
{
    QProcess process;
    const QString url = startProgram(
        process, {QStringLiteral("--faults"), QStringLiteral("runs/list:503x2,429@retry=3")});
    QVERIFY2(url.startsWith(QStringLiteral("http://127.0.0.1:")), qPrintable(url));
    {
        HttpTestClient http(url, QStringLiteral("dapi-program"));
        QCOMPARE(http.get(kList).status, 503);
        QCOMPARE(http.get(kList).status, 503);
        const HttpReply limited = http.get(kList);
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.header("Retry-After"), QByteArray("3"));
        QCOMPARE(http.get(kList).status, 200);
    }
    stopProgram(process);
    QCOMPARE(process.exitCode(), 0);
}

// --shapes published --jobs-api-versions 2.1: published answers on 2.1, "Bad Target" on 2.2;
// the admin route switches to live, status-only answers.
void TestEmulatorProgram::shapesAndVersionsFromCommandLine()
{
    QProcess process;
    const QString url =
        startProgram(process, {QStringLiteral("--shapes"), QStringLiteral("published"),
                               QStringLiteral("--jobs-api-versions"), QStringLiteral("2.1")});
    QVERIFY(!url.isEmpty());
    {
        HttpTestClient http(url, QStringLiteral("dapi-program"));
        const HttpReply submitted =
            http.post(QStringLiteral("/api/2.1/jobs/runs/submit"),
                      R"({"tasks":[{"task_key":"t","existing_cluster_id":"demo-cluster",)"
                      R"("notebook_task":{"notebook_path":"/Shared/Demo/hello"}}]})");
        QCOMPARE(submitted.status, 200);
        const QString get = QStringLiteral("/api/%1/jobs/runs/get?run_id=%2")
                                .arg(QStringLiteral("2.1"))
                                .arg(static_cast<qint64>(
                                    submitted.json.value(QStringLiteral("run_id")).toDouble()));
        HttpReply run = http.get(get);
        QCOMPARE(run.status, 200);
        QVERIFY(run.json.contains(QStringLiteral("state")));
        QVERIFY(!run.json.contains(QStringLiteral("status")));
        QVERIFY(!run.json.contains(QStringLiteral("run_duration")));

        const HttpReply unserved = http.get(QStringLiteral("/api/2.2/jobs/runs/list"));
        QCOMPARE(unserved.status, 404);
        QCOMPARE(unserved.body, QByteArray(R"({"error":"Bad Target: /api/2.2/jobs/runs/list"})"));

        const HttpReply shapes =
            http.post(QStringLiteral("/__admin/shapes"), R"({"shapes":"live","status_only":true})");
        QCOMPARE(shapes.status, 200);
        QCOMPARE(shapes.json.value(QStringLiteral("shapes")).toString(), QStringLiteral("live"));
        run = http.get(get);
        QVERIFY(!run.json.contains(QStringLiteral("state")));
        QVERIFY(
            run.json.value(QStringLiteral("status")).toObject().contains(QStringLiteral("state")));
        QCOMPARE(http.post(QStringLiteral("/__admin/shapes"), R"({"shapes":"newest"})").status,
                 400);
    }
    stopProgram(process);
    QCOMPARE(process.exitCode(), 0);
}

void TestEmulatorProgram::faultsFromFileAndAdminRoute()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("plan.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"routes": {"runs/list": {"sequence": [{"kind": "html502", "count": 1}]}}})");
    file.close();
    QProcess process;
    const QString url =
        startProgram(process, {QStringLiteral("--faults"), QLatin1Char('@') + file.fileName()},
                     QStringLiteral("admin-program"));
    QVERIFY(!url.isEmpty());
    {
        HttpTestClient http(url, QStringLiteral("dapi-program"));
        HttpTestClient admin(url, QStringLiteral("admin-program"));
        const HttpReply gateway = http.get(kList);
        QCOMPARE(gateway.status, 502);
        QVERIFY(gateway.contentType.startsWith("text/html"));
        QCOMPARE(http.get(kList).status, 200);

        // The API token is not the admin token.
        QCOMPARE(http.post(QStringLiteral("/__admin/faults"), "runs/list:500").status, 401);
        QCOMPARE(admin.post(QStringLiteral("/__admin/faults"), "runs/list:500").status, 200);
        QCOMPARE(http.get(kList).status, 500);
        const HttpReply stats = admin.get(QStringLiteral("/__admin/stats"));
        QCOMPARE(stats.json.value(QStringLiteral("requests")).toInt(), 3); // admin ones not counted
        const HttpReply log = admin.get(QStringLiteral("/__admin/requests"));
        QCOMPARE(log.json.value(QStringLiteral("requests")).toArray().size(), 3);
    }
    stopProgram(process);
    QCOMPARE(process.exitCode(), 0);
}

void TestEmulatorProgram::servesHttps()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("Qt has no TLS backend here");
    QProcess process;
    const QString url = startProgram(
        process, {QStringLiteral("--tls-cert"), kTls + QStringLiteral("server.pem"),
                  QStringLiteral("--tls-key"), kTls + QStringLiteral("server-key.pem")});
    QVERIFY2(url.startsWith(QStringLiteral("https://127.0.0.1:")), qPrintable(url));
    {
        HttpTestClient http(url, QStringLiteral("dapi-program"));
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setCaCertificates(QSslCertificate::fromPath(kTls + QStringLiteral("ca.pem")));
        http.setSslConfiguration(configuration);
        QCOMPARE(http.get(kList).status, 200);
    }
    stopProgram(process);
    QCOMPARE(process.exitCode(), 0);
}

// --token-lifetime at --speed: expires_in in real seconds; a service principal registered
// through the admin route signs in with client credentials; --oauth-auto-approve skips consent.
void TestEmulatorProgram::oauthOptions()
{
    QProcess process;
    const QString url = startProgram(process,
                                     {QStringLiteral("--token-lifetime"), QStringLiteral("120"),
                                      QStringLiteral("--speed"), QStringLiteral("4"),
                                      QStringLiteral("--oauth-auto-approve")},
                                     QStringLiteral("admin-program"));
    QVERIFY(!url.isEmpty());
    {
        HttpTestClient http(url, QStringLiteral("dapi-program"));
        HttpTestClient admin(url, QStringLiteral("admin-program"));
        QCOMPARE(admin
                     .post(QStringLiteral("/__admin/oauth/service-principals"),
                           R"({"client_id": "sp-1", "client_secret": "pw-1"})")
                     .status,
                 200);
        const HttpReply token = http.postForm(
            QStringLiteral("/oidc/v1/token"),
            "grant_type=client_credentials&client_id=sp-1&client_secret=pw-1&scope=all-apis",
            QStringLiteral(""));
        QCOMPARE(token.status, 200);
        QCOMPARE(token.json.value(QStringLiteral("expires_in")).toInt(), 30);
        const QString access = token.json.value(QStringLiteral("access_token")).toString();
        QCOMPARE(http.get(kList, QStringLiteral("Bearer ") + access).status, 200);

        const HttpReply authorize =
            http.get(QStringLiteral("/oidc/v1/authorize?client_id=databricks-cli&response_type="
                                    "code&redirect_uri=http%3A%2F%2Flocalhost%3A8020&scope=all-"
                                    "apis&state=x&code_challenge="
                                    "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_"
                                    "method=S256"),
                     QStringLiteral(""));
        QCOMPARE(authorize.status, 302);
        QVERIFY(authorize.header("Location").contains("code="));
    }
    stopProgram(process);
    QCOMPARE(process.exitCode(), 0);
}

// Many processes on one state file at once, as concurrent `brickrun-cli submit --demo` commands
// are: every run gets its own id, every process answers its own run's parameters, and the file
// ends up with all of them.
void TestEmulatorProgram::processesShareTheStateFile()
{
    constexpr int kProcesses = 16;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString stateFile = dir.filePath(QStringLiteral("runs.json"));
    // A run from an earlier session with an id above any process's random first id: each
    // process starts with the same next id, as after a few runs of the demo workspace.
    {
        QFile seed(stateFile);
        QVERIFY(seed.open(QIODevice::WriteOnly));
        seed.write(R"({"format": "brickrun-emulator-state-1", "simulated_now_ms": "0",)"
                   R"("runs": [{"run_id": "950000000000", "tasks": [{"run_id": "950000000001",)"
                   R"("task_key": "seed", "notebook_path": "/Shared/Demo/hello",)"
                   R"("cluster_id": "demo-cluster"}]}]})");
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("BRICKRUN_EMULATOR_TOKEN"), QStringLiteral("dapi-program"));
    std::vector<std::unique_ptr<QProcess>> processes;
    for (int i = 0; i < kProcesses; ++i) {
        processes.push_back(std::make_unique<QProcess>());
        processes.back()->setProcessEnvironment(env);
        processes.back()->start(kProgram, {QStringLiteral("--state"), stateFile,
                                           QStringLiteral("--speed"), QStringLiteral("1000")});
    }
    QStringList urls;
    for (const auto &process : processes) {
        QTRY_VERIFY_WITH_TIMEOUT(process->canReadLine(), Brickrun::Test::scaledTimeout(20000));
        urls.append(QString::fromUtf8(process->readLine()).trimmed());
    }

    // Every submit at once.
    QNetworkAccessManager nam;
    std::vector<std::unique_ptr<QNetworkReply>> replies;
    for (int i = 0; i < kProcesses; ++i) {
        QNetworkRequest request(QUrl(urls.at(i) + QStringLiteral("/api/2.2/jobs/runs/submit")));
        request.setRawHeader("Authorization", "Bearer dapi-program");
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        replies.emplace_back(nam.post(
            request,
            QStringLiteral(R"({"tasks":[{"task_key":"t","existing_cluster_id":)"
                           R"("demo-cluster","notebook_task":{"notebook_path":)"
                           R"("/Shared/Demo/echo_params","base_parameters":{"n":"%1"}}}]})")
                .arg(i)
                .toUtf8()));
    }
    QVERIFY(QTest::qWaitFor(
        [&] {
            return std::all_of(replies.begin(), replies.end(),
                               [](const auto &reply) { return reply->isFinished(); });
        },
        Brickrun::Test::scaledTimeout(30000)));
    QList<qint64> runIds;
    for (const auto &reply : replies) {
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        runIds.append(QJsonDocument::fromJson(reply->readAll())
                          .object()
                          .value(QStringLiteral("run_id"))
                          .toInteger());
    }
    replies.clear();
    const QSet<qint64> distinct(runIds.begin(), runIds.end());
    QCOMPARE(distinct.size(), kProcesses);

    // Each process answers its own run's parameters.
    for (int i = 0; i < kProcesses; ++i) {
        HttpTestClient http(urls.at(i), QStringLiteral("dapi-program"));
        const HttpReply run =
            http.get(QStringLiteral("/api/2.2/jobs/runs/get?run_id=%1").arg(runIds.at(i)));
        QCOMPARE(run.status, 200);
        const qint64 taskRunId = run.json.value(QStringLiteral("tasks"))
                                     .toArray()
                                     .at(0)
                                     .toObject()
                                     .value(QStringLiteral("run_id"))
                                     .toInteger();
        HttpReply output;
        QTRY_VERIFY_WITH_TIMEOUT(
            (output =
                 http.get(QStringLiteral("/api/2.2/jobs/runs/get-output?run_id=%1").arg(taskRunId)))
                .json.contains(QStringLiteral("notebook_output")),
            Brickrun::Test::scaledTimeout(20000));
        QCOMPARE(output.json.value(QStringLiteral("notebook_output"))
                     .toObject()
                     .value(QStringLiteral("result"))
                     .toString(),
                 QStringLiteral(R"({"n":"%1"})").arg(i));
    }
    for (const auto &process : processes)
        stopProgram(*process);

    // The file holds every run (and the earlier one) with its own parameters.
    QFile file(stateFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QHash<qint64, QString> parametersOf;
    const QJsonArray runs =
        QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("runs")).toArray();
    for (const QJsonValue &run : runs)
        parametersOf.insert(
            run[QStringLiteral("run_id")].toString().toLongLong(),
            run[QStringLiteral("tasks")][0][QStringLiteral("base_parameters")][QStringLiteral("n")]
                .toString());
    QCOMPARE(runs.size(), kProcesses + 1);
    for (int i = 0; i < kProcesses; ++i)
        QCOMPARE(parametersOf.value(runIds.at(i)), QString::number(i));
}

// --bind 0.0.0.0 serves other machines too: the program says where, and warns. (The test talks
// to it over loopback only.)
void TestEmulatorProgram::bindToEveryInterfaceWarns()
{
    QProcess loopback;
    QVERIFY(!startProgram(loopback, {}).isEmpty());
    stopProgram(loopback);
    QCOMPARE(loopback.readAllStandardError(), QByteArray());

    QProcess process;
    const QString url = startProgram(process, {QStringLiteral("--bind"), QStringLiteral("0.0.0.0"),
                                               QStringLiteral("--port"), QStringLiteral("0")});
    const int port = QUrl(url).port();
    QVERIFY2(port > 0, qPrintable(url));
    QCOMPARE(url, QStringLiteral("http://%1:%2").arg(QSysInfo::machineHostName()).arg(port));
    {
        HttpTestClient http(QStringLiteral("http://127.0.0.1:%1").arg(port),
                            QStringLiteral("dapi-program"));
        QCOMPARE(http.get(kList).status, 200);
    }
    stopProgram(process);
    QCOMPARE(process.exitCode(), 0);
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("warning: listening on every network interface "
                                         "(0.0.0.0): the emulator is reachable from other "
                                         "machines at ") +
                          url),
             qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("anyone who has its token")), qPrintable(err));
    QVERIFY2(!err.contains(QStringLiteral("dapi-program")), qPrintable(err)); // never the token
}

QTEST_GUILESS_MAIN(TestEmulatorProgram)
#include "tst_emulatorprogram.moc"
