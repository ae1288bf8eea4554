// The brickrun-emulator program: started as a process, as a user or the CLI would.

#include "HttpTestClient.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using Brickrun::Emulator::Test::HttpReply;
using Brickrun::Emulator::Test::HttpTestClient;

namespace {

const QString kProgram = QStringLiteral(BRICKRUN_BINARY_DIR "/src/emulator/brickrun-emulator");

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
          QStringLiteral("--state"), QStringLiteral("--bind")})
        QVERIFY2(help.contains(option), qPrintable(option));
    process.start(kProgram, {QStringLiteral("--version")});
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(process.readAllStandardOutput().contains(BRICKRUN_VERSION));
}

QTEST_GUILESS_MAIN(TestEmulatorProgram)
#include "tst_emulatorprogram.moc"
