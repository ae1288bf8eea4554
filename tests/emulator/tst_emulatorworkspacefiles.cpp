// SPDX-License-Identifier: Apache-2.0
// workspace/import, mkdirs, delete, get-status, list and export of written files over loopback
// HTTP, with the service's errors; and two emulators sharing one state file see each other's
// files.
#include "Emulator.h"
#include "HttpTestClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace Brickrun::Emulator;
using Brickrun::Emulator::Test::HttpReply;
using Brickrun::Emulator::Test::HttpTestClient;

namespace {

const QString kToken = QStringLiteral("dapi-test-files-0000");
const QString kHome = QStringLiteral("/Users/demo@example.com");

QString withPath(const QString &route, const QString &path)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("path"), path);
    return QStringLiteral("/api/2.0/workspace/") + route + QLatin1Char('?') +
           query.toString(QUrl::FullyEncoded);
}

QByteArray body(const QJsonObject &json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

HttpReply importFile(HttpTestClient &client, const QString &path, const QByteArray &content,
                     bool overwrite = false, const QString &format = QStringLiteral("AUTO"))
{
    return client.post(QStringLiteral("/api/2.0/workspace/import"),
                       body({{QStringLiteral("path"), path},
                             {QStringLiteral("format"), format},
                             {QStringLiteral("content"), QString::fromLatin1(content.toBase64())},
                             {QStringLiteral("overwrite"), overwrite}}));
}

HttpReply mkdirs(HttpTestClient &client, const QString &path)
{
    return client.post(QStringLiteral("/api/2.0/workspace/mkdirs"),
                       body({{QStringLiteral("path"), path}}));
}

HttpReply removePath(HttpTestClient &client, const QString &path, bool recursive = false)
{
    return client.post(
        QStringLiteral("/api/2.0/workspace/delete"),
        body({{QStringLiteral("path"), path}, {QStringLiteral("recursive"), recursive}}));
}

} // namespace

class TestEmulatorWorkspaceFiles : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_first = start();
        m_second = start();
        QVERIFY(m_first && m_second);
        m_client = std::make_unique<HttpTestClient>(m_first->baseUrl(), kToken);
        m_other = std::make_unique<HttpTestClient>(m_second->baseUrl(), kToken);
    }

    void importNeedsTheParentFolder()
    {
        const QString folder = kHome + QStringLiteral("/.brickrun/presets");
        HttpReply r = importFile(*m_client, folder + QStringLiteral("/a.json"), "{}");
        QCOMPARE(r.status, 404);
        QCOMPARE(r.errorCode(), QStringLiteral("RESOURCE_DOES_NOT_EXIST"));
        QVERIFY2(r.message().contains(folder), qPrintable(r.message()));

        QCOMPARE(mkdirs(*m_client, folder).status, 200);
        QCOMPARE(mkdirs(*m_client, folder).status, 200); // there already: fine
        r = importFile(*m_client, folder + QStringLiteral("/a.json"), "{\"x\": 1}");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.trimmed(), QByteArray("{}"));
    }

    void getStatusListAndExportTheFile()
    {
        const QString path = kHome + QStringLiteral("/.brickrun/presets/a.json");
        HttpReply status = m_client->get(withPath(QStringLiteral("get-status"), path));
        QCOMPARE(status.status, 200);
        QCOMPARE(status.json.value(QStringLiteral("object_type")).toString(),
                 QStringLiteral("FILE"));
        QCOMPARE(status.json.value(QStringLiteral("size")).toInt(), 8);
        QVERIFY(status.json.value(QStringLiteral("modified_at")).toDouble() > 0);

        const HttpReply list =
            m_client->get(withPath(QStringLiteral("list"), kHome + QStringLiteral("/.brickrun")));
        QCOMPARE(list.status, 200);
        const QJsonArray objects = list.json.value(QStringLiteral("objects")).toArray();
        QCOMPARE(objects.size(), 1);
        QCOMPARE(objects.at(0).toObject().value(QStringLiteral("object_type")).toString(),
                 QStringLiteral("DIRECTORY"));

        // The home folder lists the definition's objects and the written folder together.
        const HttpReply home = m_client->get(withPath(QStringLiteral("list"), kHome));
        QVERIFY(home.body.contains("/.brickrun\""));
        QVERIFY(home.body.contains("/scratch\""));

        const HttpReply exported = m_client->get(withPath(QStringLiteral("export"), path) +
                                                 QStringLiteral("&format=AUTO"));
        QCOMPARE(exported.status, 200);
        QCOMPARE(QByteArray::fromBase64(
                     exported.json.value(QStringLiteral("content")).toString().toLatin1()),
                 QByteArray("{\"x\": 1}"));
        QCOMPARE(exported.json.value(QStringLiteral("file_type")).toString(),
                 QStringLiteral("json"));
    }

    void overwriteRulesAndModifiedAt()
    {
        const QString path = kHome + QStringLiteral("/.brickrun/presets/a.json");
        HttpReply r = importFile(*m_client, path, "{\"x\": 2}");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("RESOURCE_ALREADY_EXISTS"));
        const double before = m_client->get(withPath(QStringLiteral("get-status"), path))
                                  .json.value(QStringLiteral("modified_at"))
                                  .toDouble();
        QCOMPARE(importFile(*m_client, path, "{\"x\": 2}", true).status, 200);
        const HttpReply after = m_client->get(withPath(QStringLiteral("get-status"), path));
        QVERIFY(after.json.value(QStringLiteral("modified_at")).toDouble() > before);
        // A folder is never replaced by a file.
        r = importFile(*m_client, kHome + QStringLiteral("/.brickrun/presets"), "x", true);
        QCOMPARE(r.errorCode(), QStringLiteral("RESOURCE_ALREADY_EXISTS"));
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("demo folder") << "/Shared/Demo/x.json"
                                     << "AUTO" << QByteArray("{}") << 403 << "PERMISSION_DENIED";
        QTest::newRow("demo notebook") << "/Shared/Demo/hello"
                                       << "AUTO" << QByteArray("{}") << 403 << "PERMISSION_DENIED";
        QTest::newRow("another user")
            << "/Users/else@example.com/x.json"
            << "AUTO" << QByteArray("{}") << 404 << "RESOURCE_DOES_NOT_EXIST";
        QTest::newRow("relative") << "x.json"
                                  << "AUTO" << QByteArray("{}") << 400 << "INVALID_PARAMETER_VALUE";
        QTest::newRow("dot dot") << "/Shared/../x.json"
                                 << "AUTO" << QByteArray("{}") << 400 << "INVALID_PARAMETER_VALUE";
        QTest::newRow("bad format")
            << "/Shared/x.json"
            << "ZIP" << QByteArray("{}") << 400 << "INVALID_PARAMETER_VALUE";
        QTest::newRow("source without language")
            << "/Shared/x.py"
            << "SOURCE" << QByteArray("print(1)") << 400 << "INVALID_PARAMETER_VALUE";
        QTest::newRow("too big") << "/Shared/big.bin"
                                 << "AUTO" << QByteArray(10 * 1024 * 1024 + 1, 'x') << 400
                                 << "MAX_NOTEBOOK_SIZE_EXCEEDED";
    }
    void refusals()
    {
        QFETCH(QString, path);
        QFETCH(QString, format);
        QFETCH(QByteArray, content);
        QFETCH(int, status);
        QFETCH(QString, code);
        const HttpReply r = importFile(*m_client, path, content, false, format);
        QCOMPARE(r.status, status);
        QCOMPARE(r.errorCode(), code);
        QVERIFY(!r.message().isEmpty());
    }

    void mkdirsRefusals()
    {
        HttpReply r = mkdirs(*m_client, QStringLiteral("/Shared/Demo/presets"));
        QCOMPARE(r.status, 403);
        QCOMPARE(r.errorCode(), QStringLiteral("PERMISSION_DENIED"));
        QVERIFY2(r.message().contains(QStringLiteral("/Shared/Demo")), qPrintable(r.message()));
        r = mkdirs(*m_client, QStringLiteral("/Shared/Demo")); // there, but not the user's
        QCOMPARE(r.errorCode(), QStringLiteral("PERMISSION_DENIED"));
        r = mkdirs(*m_client, kHome + QStringLiteral("/.brickrun/presets/a.json/sub"));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("RESOURCE_ALREADY_EXISTS"));
    }

    void deleteRules()
    {
        const QString folder = QStringLiteral("/Shared/Brickrun/presets");
        QCOMPARE(mkdirs(*m_client, folder).status, 200);
        QCOMPARE(importFile(*m_client, folder + QStringLiteral("/b.json"), "{}").status, 200);
        HttpReply r = removePath(*m_client, QStringLiteral("/Shared/Brickrun"));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("DIRECTORY_NOT_EMPTY"));
        r = removePath(*m_client, QStringLiteral("/Shared/Demo/hello"));
        QCOMPARE(r.errorCode(), QStringLiteral("PERMISSION_DENIED"));
        r = removePath(*m_client, folder + QStringLiteral("/none.json"));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.errorCode(), QStringLiteral("RESOURCE_DOES_NOT_EXIST"));
        QCOMPARE(removePath(*m_client, folder + QStringLiteral("/b.json")).status, 200);
        QCOMPARE(m_client->get(withPath(QStringLiteral("get-status"), folder + "/b.json")).status,
                 404);
        QCOMPARE(removePath(*m_client, QStringLiteral("/Shared/Brickrun"), true).status, 200);
        QCOMPARE(m_client->get(withPath(QStringLiteral("list"), folder)).status, 404);
    }

    void notebookFromAutoImport()
    {
        QCOMPARE(importFile(*m_client, kHome + QStringLiteral("/note.py"),
                            "# Databricks notebook source\nprint(1)\n")
                     .status,
                 200);
        const HttpReply status =
            m_client->get(withPath(QStringLiteral("get-status"), kHome + QStringLiteral("/note")));
        QCOMPARE(status.json.value(QStringLiteral("object_type")).toString(),
                 QStringLiteral("NOTEBOOK"));
        QCOMPARE(status.json.value(QStringLiteral("language")).toString(),
                 QStringLiteral("PYTHON"));
    }

    // Two emulator processes on one state (as `brickrun-cli --demo` runs them) share files.
    void aSecondEmulatorSeesTheFiles()
    {
        const QString path = kHome + QStringLiteral("/.brickrun/presets/shared.json");
        QCOMPARE(importFile(*m_other, path, "{\"from\": \"second\"}").status, 200);
        const HttpReply seen = m_client->get(withPath(QStringLiteral("export"), path));
        QCOMPARE(seen.status, 200);
        QCOMPARE(QByteArray::fromBase64(
                     seen.json.value(QStringLiteral("content")).toString().toLatin1()),
                 QByteArray("{\"from\": \"second\"}"));
        QCOMPARE(importFile(*m_client, path, "{\"from\": \"first\"}").errorCode(),
                 QStringLiteral("RESOURCE_ALREADY_EXISTS"));
        QCOMPARE(removePath(*m_client, path).status, 200);
        QCOMPARE(m_other->get(withPath(QStringLiteral("get-status"), path)).status, 404);
    }

private:
    std::unique_ptr<Emulator> start()
    {
        EmulatorOptions options;
        options.token = kToken;
        options.stateFile = m_dir.filePath(QStringLiteral("state/runs.json"));
        auto emulator = std::make_unique<Emulator>(options);
        QString error;
        if (!emulator->start(&error)) {
            qWarning("%s", qPrintable(error));
            return nullptr;
        }
        return emulator;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Emulator> m_first;
    std::unique_ptr<Emulator> m_second;
    std::unique_ptr<HttpTestClient> m_client;
    std::unique_ptr<HttpTestClient> m_other;
};

QTEST_GUILESS_MAIN(TestEmulatorWorkspaceFiles)
#include "tst_emulatorworkspacefiles.moc"
