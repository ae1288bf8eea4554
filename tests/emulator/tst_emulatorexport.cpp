// SPDX-License-Identifier: Apache-2.0
// workspace/export of the demo workspace over loopback HTTP: notebook sources in every
// language, files, direct downloads and the service's errors.
#include "Emulator.h"
#include "HttpTestClient.h"
#include "WorkspaceDefinition.h"

#include <QFile>
#include <QTest>
#include <QUrlQuery>

using namespace Brickrun::Emulator;
using Brickrun::Emulator::Test::HttpReply;
using Brickrun::Emulator::Test::HttpTestClient;

namespace {

const QString kToken = QStringLiteral("dapi-test-export-0000");

QString exportPath(const QString &path, const QString &more = QString())
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("path"), path);
    return QStringLiteral("/api/2.0/workspace/export?") + query.toString(QUrl::FullyEncoded) + more;
}

} // namespace

class TestEmulatorExport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        EmulatorOptions options;
        options.token = kToken;
        m_emulator = std::make_unique<Emulator>(options);
        QString error;
        QVERIFY2(m_emulator->start(&error), qPrintable(error));
        m_client = std::make_unique<HttpTestClient>(m_emulator->baseUrl(), kToken);
    }
    void cleanupTestCase()
    {
        m_client.reset();
        m_emulator->stop();
    }

    void widgetNotebooksInEveryLanguage_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("fileType");
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("widgetCall");
        QTest::newRow("python") << "/Shared/Demo/widgets_python"
                                << "py"
                                << "# Databricks notebook source"
                                << "dbutils.widgets.dropdown(\"region\"";
        QTest::newRow("sql") << "/Shared/Demo/widgets_sql"
                             << "sql"
                             << "-- Databricks notebook source"
                             << "CREATE WIDGET DROPDOWN env";
        QTest::newRow("scala") << "/Shared/Demo/widgets_scala"
                               << "scala"
                               << "// Databricks notebook source"
                               << "Seq(\"full\", \"incremental\")";
        QTest::newRow("r") << "/Shared/Demo/widgets_r"
                           << "r"
                           << "# Databricks notebook source"
                           << "c(\"glm\", \"gbm\", \"rf\")";
    }
    void widgetNotebooksInEveryLanguage()
    {
        QFETCH(QString, path);
        QFETCH(QString, fileType);
        QFETCH(QString, header);
        QFETCH(QString, widgetCall);
        for (const QString &format :
             {QString(), QStringLiteral("&format=SOURCE"), QStringLiteral("&format=AUTO")}) {
            const HttpReply reply = m_client->get(exportPath(path, format));
            QCOMPARE(reply.status, 200);
            QCOMPARE(reply.json.value(QStringLiteral("file_type")).toString(), fileType);
            const QString text = QString::fromUtf8(QByteArray::fromBase64(
                reply.json.value(QStringLiteral("content")).toString().toLatin1()));
            QVERIFY2(text.startsWith(header + QLatin1Char('\n')), qPrintable(text.left(80)));
            QVERIFY2(text.contains(widgetCall), qPrintable(text));
            QVERIFY(text.contains(header.section(QLatin1Char(' '), 0, 0) +
                                  QStringLiteral(" COMMAND ----------")));
        }
        // Their runs echo the parameters they are given.
        WorkspaceDefinition workspace;
        QFile file(QStringLiteral(BRICKRUN_SOURCE_DIR "/resources/demo-workspace.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QString error;
        QVERIFY2(workspace.load(file.readAll(), &error), qPrintable(error));
        QVERIFY(workspace.object(path)->behaviour.echoParameters);
    }

    void directDownloadSendsTheBytes()
    {
        const HttpReply reply = m_client->get(exportPath(QStringLiteral("/Shared/Demo/widgets_sql"),
                                                         QStringLiteral("&direct_download=true")));
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.body.startsWith("-- Databricks notebook source\nCREATE WIDGET TEXT"));
        QVERIFY(reply.json.isEmpty());
    }

    void notebookWithoutItsOwnSourceAndFiles()
    {
        HttpReply reply = m_client->get(exportPath(QStringLiteral("/Shared/Demo/failing")));
        QCOMPARE(reply.status, 200);
        QCOMPARE(QByteArray::fromBase64(
                     reply.json.value(QStringLiteral("content")).toString().toLatin1())
                     .left(29),
                 QByteArray("# Databricks notebook source\n"));
        reply = m_client->get(exportPath(QStringLiteral("/Users/demo@example.com/projects/sales/"
                                                        "reports/weekly")));
        QCOMPARE(reply.json.value(QStringLiteral("file_type")).toString(), QStringLiteral("scala"));
        reply = m_client->get(exportPath(QStringLiteral("/Shared/Demo/README.md")));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json.value(QStringLiteral("file_type")).toString(), QStringLiteral("md"));
        QVERIFY(QByteArray::fromBase64(
                    reply.json.value(QStringLiteral("content")).toString().toLatin1())
                    .startsWith("# Demo notebooks"));
    }

    void errorsAsTheServiceWordsThem_data()
    {
        QTest::addColumn<QString>("request");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("errorCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing") << exportPath(QStringLiteral("/Shared/Demo/nope")) << 404
                                 << "RESOURCE_DOES_NOT_EXIST"
                                 << "Path (/Shared/Demo/nope) doesn't exist.";
        QTest::newRow("relative") << exportPath(QStringLiteral("Shared/Demo/hello")) << 404
                                  << "RESOURCE_DOES_NOT_EXIST"
                                  << "Path (Shared/Demo/hello) doesn't exist.";
        QTest::newRow("no path") << QStringLiteral("/api/2.0/workspace/export?format=SOURCE") << 400
                                 << "INVALID_PARAMETER_VALUE"
                                 << "Missing required field: path";
        QTest::newRow("refused") << exportPath(QStringLiteral("/Shared/Demo/locked_source")) << 403
                                 << "PERMISSION_DENIED"
                                 << "demo@example.com does not have Read permissions on "
                                    "/Shared/Demo/locked_source. Please contact the owner or an "
                                    "administrator for access.";
        QTest::newRow("folder") << exportPath(QStringLiteral("/Shared/Demo")) << 400
                                << "INVALID_PARAMETER_VALUE"
                                << "Path (/Shared/Demo) is a directory: a directory can be "
                                   "exported only in DBC format, which the demo workspace does "
                                   "not produce.";
        QTest::newRow("unknown format")
            << exportPath(QStringLiteral("/Shared/Demo/hello"), QStringLiteral("&format=PDF"))
            << 400 << "INVALID_PARAMETER_VALUE"
            << "Invalid value for format: PDF. Expected one of SOURCE, HTML, JUPYTER, DBC, "
               "R_MARKDOWN, AUTO, RAW.";
        QTest::newRow("html") << exportPath(QStringLiteral("/Shared/Demo/hello"),
                                            QStringLiteral("&format=HTML"))
                              << 400 << "INVALID_PARAMETER_VALUE"
                              << "The demo workspace exports in SOURCE (or AUTO) format only, "
                                 "not HTML.";
    }
    void errorsAsTheServiceWordsThem()
    {
        QFETCH(QString, request);
        QFETCH(int, status);
        QFETCH(QString, errorCode);
        QFETCH(QString, message);
        const HttpReply reply = m_client->get(request);
        QCOMPARE(reply.status, status);
        QCOMPARE(reply.errorCode(), errorCode);
        QCOMPARE(reply.message(), message);
    }

    void postIsNoExport()
    {
        const HttpReply reply =
            m_client->post(exportPath(QStringLiteral("/Shared/Demo/hello")), QByteArray("{}"));
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.errorCode(), QStringLiteral("ENDPOINT_NOT_FOUND"));
    }

    void hugeSourceIsServedWhole()
    {
        const HttpReply reply =
            m_client->get(exportPath(QStringLiteral("/Shared/Demo/huge_source")));
        QCOMPARE(reply.status, 200);
        const QByteArray content = QByteArray::fromBase64(
            reply.json.value(QStringLiteral("content")).toString().toLatin1());
        QVERIFY(content.size() >= 9000000);
        QVERIFY(content.startsWith("# Databricks notebook source\n"));
    }

    void definitionErrorsNameTheField_data()
    {
        QTest::addColumn<QByteArray>("object");
        QTest::addColumn<QString>("error");
        QTest::newRow("source not text")
            << QByteArray(R"({"path":"/n","object_type":"NOTEBOOK","source":5})")
            << "objects[0].source: expected a string or an array of strings";
        QTest::newRow("source line not text")
            << QByteArray(R"({"path":"/n","object_type":"NOTEBOOK","source":["a",1]})")
            << "objects[0].source: expected a string or an array of strings";
        QTest::newRow("folder source")
            << QByteArray(R"({"path":"/d","object_type":"DIRECTORY","source":"x"})")
            << "objects[0]: only notebooks and files have a source";
        QTest::newRow("refused not bool")
            << QByteArray(R"({"path":"/n","object_type":"NOTEBOOK","export_refused":"yes"})")
            << "objects[0].export_refused: expected true or false";
        QTest::newRow("generated size")
            << QByteArray(R"({"path":"/n","object_type":"NOTEBOOK","source_generated_bytes":0})")
            << "objects[0].source_generated_bytes: expected 1..67108864";
    }
    void definitionErrorsNameTheField()
    {
        QFETCH(QByteArray, object);
        QFETCH(QString, error);
        WorkspaceDefinition workspace;
        QString reason;
        QVERIFY(!workspace.load(
            R"({"format_version":1,"workspace_id":42,"user":{"user_name":"u@example.com",)"
            R"("display_name":"U","id":"1"},"clusters":[{"cluster_id":"c1","cluster_name":"One"}],)"
            R"("objects":[)" +
                object + "]}",
            &reason));
        QCOMPARE(reason, error);
    }

private:
    std::unique_ptr<Emulator> m_emulator;
    std::unique_ptr<HttpTestClient> m_client;
};

QTEST_GUILESS_MAIN(TestEmulatorExport)
#include "tst_emulatorexport.moc"
