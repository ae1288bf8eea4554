// SPDX-License-Identifier: Apache-2.0
// The demo workspace over HTTPS with the test certificates of tests/data/tls/.

#include "Emulator.h"
#include "HttpTestClient.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Brickrun::Emulator;
using Brickrun::Emulator::Test::HttpReply;
using Brickrun::Emulator::Test::HttpTestClient;

namespace {

const QString kToken = QStringLiteral("dapi-test-0123456789abcdef");
const QString kTls = QStringLiteral(BRICKRUN_SOURCE_DIR "/tests/data/tls/");
const QString kMe = QStringLiteral("/api/2.0/preview/scim/v2/Me");

QSslConfiguration trusting(const QString &caFile)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setCaCertificates(QSslCertificate::fromPath(caFile));
    return configuration;
}

EmulatorOptions tlsOptions(const QString &certificate, const QString &key)
{
    EmulatorOptions options;
    options.token = kToken;
    options.tlsCertificateFile = certificate;
    options.tlsKeyFile = key;
    return options;
}

} // namespace

class TestEmulatorTls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void trustedCaSucceeds();
    void untrustedCaFails();
    void certificateNotFromTheCaFails();
    void faultsWorkOverTls();
    void badCertificateFiles_data();
    void badCertificateFiles();
};

void TestEmulatorTls::initTestCase()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("Qt has no TLS backend here (install libqt6network6's OpenSSL plugin)");
    QCOMPARE(QSslCertificate::fromPath(kTls + QStringLiteral("ca.pem")).size(), 1);
}

void TestEmulatorTls::trustedCaSucceeds()
{
    Emulator emulator(
        tlsOptions(kTls + QStringLiteral("server.pem"), kTls + QStringLiteral("server-key.pem")));
    QString error;
    QVERIFY2(emulator.start(&error), qPrintable(error));
    QVERIFY(emulator.usesTls());
    QCOMPARE(emulator.baseUrl(), QStringLiteral("https://127.0.0.1:%1").arg(emulator.port()));

    for (const QString &host : {QStringLiteral("127.0.0.1"), QStringLiteral("localhost")}) {
        HttpTestClient client(QStringLiteral("https://%1:%2").arg(host).arg(emulator.port()),
                              kToken);
        client.setSslConfiguration(trusting(kTls + QStringLiteral("ca.pem")));
        const HttpReply me = client.get(kMe);
        QCOMPARE(me.error, QNetworkReply::NoError);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json.value(QStringLiteral("userName")).toString(),
                 QStringLiteral("demo@example.com"));
        QVERIFY(me.sslErrors.isEmpty());
    }
    // Run page URLs follow the scheme.
    HttpTestClient client(emulator.baseUrl(), kToken);
    client.setSslConfiguration(trusting(kTls + QStringLiteral("ca.pem")));
    const HttpReply submitted =
        client.post(QStringLiteral("/api/2.1/jobs/runs/submit"),
                    R"({"tasks":[{"task_key":"t","existing_cluster_id":"demo-cluster",)"
                    R"("notebook_task":{"notebook_path":"/Shared/Demo/hello"}}]})");
    QCOMPARE(submitted.status, 200);
    const HttpReply run = client.get(
        QStringLiteral("/api/2.1/jobs/runs/get?run_id=%1")
            .arg(submitted.json.value(QStringLiteral("run_id")).toVariant().toLongLong()));
    QVERIFY(run.json.value(QStringLiteral("run_page_url"))
                .toString()
                .startsWith(emulator.baseUrl() + QLatin1Char('/')));
    emulator.stop();
}

void TestEmulatorTls::untrustedCaFails()
{
    Emulator emulator(
        tlsOptions(kTls + QStringLiteral("server.pem"), kTls + QStringLiteral("server-key.pem")));
    QVERIFY(emulator.start());
    HttpTestClient client(emulator.baseUrl(), kToken); // the system CAs only
    const HttpReply me = client.get(kMe);
    QCOMPARE(me.error, QNetworkReply::SslHandshakeFailedError);
    QCOMPARE(me.status, 0);
    QVERIFY(!me.sslErrors.isEmpty());
    QCOMPARE(me.sslErrors.constFirst().error(), QSslError::UnableToGetLocalIssuerCertificate);
    QCOMPARE(emulator.requestLog().size(), 0); // nothing reached the API
    emulator.stop();
}

void TestEmulatorTls::certificateNotFromTheCaFails()
{
    Emulator emulator(tlsOptions(kTls + QStringLiteral("untrusted.pem"),
                                 kTls + QStringLiteral("untrusted-key.pem")));
    QVERIFY(emulator.start());
    HttpTestClient client(emulator.baseUrl(), kToken);
    client.setSslConfiguration(trusting(kTls + QStringLiteral("ca.pem")));
    const HttpReply me = client.get(kMe);
    QCOMPARE(me.error, QNetworkReply::SslHandshakeFailedError);
    QVERIFY(!me.sslErrors.isEmpty());
    QCOMPARE(me.sslErrors.constFirst().error(), QSslError::SelfSignedCertificate);
    emulator.stop();
}

void TestEmulatorTls::faultsWorkOverTls()
{
    Emulator emulator(
        tlsOptions(kTls + QStringLiteral("server.pem"), kTls + QStringLiteral("server-key.pem")));
    QVERIFY(emulator.start());
    QString error;
    emulator.setFaultPlan(*FaultPlan::parse(QStringLiteral("*:429@retry=2,resetx5"), &error));
    HttpTestClient client(emulator.baseUrl(), kToken);
    client.setSslConfiguration(trusting(kTls + QStringLiteral("ca.pem")));
    const HttpReply limited = client.get(kMe);
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.header("Retry-After"), QByteArray("2"));
    const HttpReply reset = client.get(kMe);
    QCOMPARE(reset.status, 0);
    QVERIFY(reset.error != QNetworkReply::NoError);
    emulator.stop();
}

void TestEmulatorTls::badCertificateFiles_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing") << kTls + QStringLiteral("nope.pem")
                             << kTls + QStringLiteral("server-key.pem")
                             << QStringLiteral("cannot read");
    QTest::newRow("key only") << QString() << kTls + QStringLiteral("server-key.pem")
                              << QStringLiteral("needs both");
    QTest::newRow("wrong key") << kTls + QStringLiteral("server.pem")
                               << kTls + QStringLiteral("untrusted-key.pem")
                               << QStringLiteral("does not belong");
    QTest::newRow("not PEM") << kTls + QStringLiteral("README.md")
                             << kTls + QStringLiteral("server-key.pem")
                             << QStringLiteral("not PEM");
}

void TestEmulatorTls::badCertificateFiles()
{
    QFETCH(QString, certificate);
    QFETCH(QString, key);
    QFETCH(QString, message);
    Emulator emulator(tlsOptions(certificate, key));
    QString error;
    QVERIFY(!emulator.start(&error));
    QVERIFY2(error.contains(message), qPrintable(error));
    QVERIFY(!emulator.isRunning());
}

QTEST_GUILESS_MAIN(TestEmulatorTls)
#include "tst_emulatortls.moc"
