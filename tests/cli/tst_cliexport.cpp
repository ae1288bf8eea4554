// SPDX-License-Identifier: Apache-2.0
// brickrun-cli sharing a run (issue 20), the real binary in a temp home: `presets export NAME
// --as cli|curl|python|arazzo [FILE]`, `runs show RUN_ID --as …` for a run of the history (a
// real demo run), and `presets import` of Arazzo workflows (Brickrun's own, the seed with
// --input values, one with steps it cannot map, each said by step id).
#include "CliProcess.h"
#include "share/ArazzoImport.h"
#include "share/RunExport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Brickrun;
using Brickrun::Test::CliRun;
using Brickrun::Test::runCli;

namespace {

QJsonObject cliBody(const QByteArray &text)
{
    const QByteArray start = "databricks jobs submit --json '";
    const qsizetype at = text.indexOf(start);
    QByteArray json = text.mid(at + start.size());
    json.chop(2); // "'\n"
    return QJsonDocument::fromJson(json.replace("'\\''", "'")).object();
}

} // namespace

class tst_CliExport : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_home;
    QProcessEnvironment env() const { return Test::demoEnvironment(m_home.path(), 40); }
    QString file(const char *name) const { return m_home.filePath(QLatin1String(name)); }
    void write(const QString &path, const QByteArray &text)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        write(file("preset.json"),
              R"({"format": "brickrun-preset", "version": 1, "name": "echo it's",
                  "profile": "demo", "runName": "echo 'it'", "notebookPath": "/Shared/Demo/echo_params",
                  "clusterId": "demo-cluster", "taskKey": "main",
                  "parameters": {"q": "it's $HOME"}, "queueEnabled": true, "timeoutSeconds": 0})");
        const CliRun r = runCli(
            {QStringLiteral("presets"), QStringLiteral("import"), file("preset.json")}, env());
        QVERIFY2(r.exitCode == 0, r.describe().constData());
    }

    void presetsExportAs()
    {
        const QString name = QStringLiteral("echo it's");
        CliRun cli = runCli({QStringLiteral("presets"), QStringLiteral("export"), name,
                             QStringLiteral("--as"), QStringLiteral("cli")},
                            env());
        QVERIFY2(cli.exitCode == 0, cli.describe().constData());
        const QJsonObject body = cliBody(cli.out);
        QCOMPARE(body.value(QStringLiteral("run_name")).toString(), QStringLiteral("echo 'it'"));
        QVERIFY(!body.contains(QStringLiteral("idempotency_token")));
        const QJsonObject task = body.value(QStringLiteral("tasks")).toArray().at(0).toObject();
        QCOMPARE(task.value(QStringLiteral("notebook_task"))
                     .toObject()
                     .value(QStringLiteral("base_parameters"))
                     .toObject()
                     .value(QStringLiteral("q"))
                     .toString(),
                 QStringLiteral("it's $HOME"));

        for (const char *format : {"curl", "python", "arazzo"}) {
            const CliRun r = runCli({QStringLiteral("presets"), QStringLiteral("export"), name,
                                     QStringLiteral("--as"), QLatin1String(format)},
                                    env());
            QVERIFY2(r.exitCode == 0 && !r.out.isEmpty(), r.describe().constData());
            QVERIFY(!r.out.contains("idempotency_token"));
        }
        // Into a file, read back as the same run.
        const QString path = file("echo.arazzo.yaml");
        const CliRun toFile = runCli({QStringLiteral("presets"), QStringLiteral("export"), name,
                                      QStringLiteral("--as"), QStringLiteral("arazzo"), path},
                                     env());
        QVERIFY2(toFile.exitCode == 0 && toFile.out.isEmpty(), toFile.describe().constData());
        const ArazzoImport::Result back = ArazzoImport::readFile(path);
        QVERIFY(back.ok());
        QCOMPARE(QJsonValue(back.preset.spec.toSubmitBody(QString())), QJsonValue(body));
    }

    void misuseIsSaid_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown format")
            << QStringList{"presets", "export", "echo it's", "--as", "yaml"}
            << "--as \"yaml\": expected cli, curl, python, arazzo";
        QTest::newRow("not for list") << QStringList{"presets", "list", "--as", "cli"}
                                      << "--as is only for presets export and runs show";
        QTest::newRow("show without --as")
            << QStringList{"runs", "show", "1"} << "runs show: --as is missing";
        QTest::newRow("input not for export")
            << QStringList{"presets", "export", "echo it's", "--input", "a=b"}
            << "--input is only for presets import";
        QTest::newRow("unknown preset") << QStringList{"presets", "export", "nope", "--as", "cli"}
                                        << "no preset named \"nope\"";
        QTest::newRow("unknown run")
            << QStringList{"runs", "show", "42", "--as", "cli"} << "no run 42 in the history";
    }
    void misuseIsSaid()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const CliRun r = runCli(args, env());
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message.toUtf8()), r.describe().constData());
    }

    // A real run on the demo workspace, then the history's record of it as each text.
    void runsShowAs()
    {
        const CliRun submitted =
            runCli({QStringLiteral("submit"), QStringLiteral("--demo"),
                    QStringLiteral("--notebook"), QStringLiteral("/Shared/Demo/echo_params"),
                    QStringLiteral("--cluster"), QStringLiteral("demo-cluster"),
                    QStringLiteral("--param"), QStringLiteral("x=it's"), QStringLiteral("--json")},
                   env());
        QVERIFY2(submitted.exitCode == 0, submitted.describe().constData());
        const QString runId =
            QString::number(submitted.json().value(QStringLiteral("runId")).toInteger());
        QVERIFY(runId != QLatin1String("0"));
        const CliRun cli = runCli({QStringLiteral("runs"), QStringLiteral("show"), runId,
                                   QStringLiteral("--as"), QStringLiteral("cli")},
                                  env());
        QVERIFY2(cli.exitCode == 0, cli.describe().constData());
        const QJsonObject body = cliBody(cli.out);
        QVERIFY(!body.contains(QStringLiteral("idempotency_token")));
        const QJsonObject task = body.value(QStringLiteral("tasks")).toArray().at(0).toObject();
        QCOMPARE(task.value(QStringLiteral("existing_cluster_id")).toString(),
                 QStringLiteral("demo-cluster"));
        QCOMPARE(task.value(QStringLiteral("notebook_task"))
                     .toObject()
                     .value(QStringLiteral("base_parameters"))
                     .toObject()
                     .value(QStringLiteral("x"))
                     .toString(),
                 QStringLiteral("it's"));
        const CliRun curl = runCli({QStringLiteral("runs"), QStringLiteral("show"), runId,
                                    QStringLiteral("--as"), QStringLiteral("curl")},
                                   env());
        QVERIFY2(curl.exitCode == 0, curl.describe().constData());
        // The demo's loopback address is never written in: the host comes from the variable.
        QVERIFY(curl.out.contains("\"$DATABRICKS_HOST/api/2.2/jobs/runs/submit\""));
        QVERIFY(curl.out.contains("Authorization: Bearer $DATABRICKS_TOKEN"));
        const CliRun arazzo = runCli({QStringLiteral("runs"), QStringLiteral("show"), runId,
                                      QStringLiteral("--as"), QStringLiteral("arazzo")},
                                     env());
        QVERIFY2(arazzo.exitCode == 0, arazzo.describe().constData());
        const ArazzoImport::Result back = ArazzoImport::read(arazzo.out);
        QVERIFY(back.ok());
        QCOMPARE(QJsonValue(back.preset.spec.toSubmitBody(QString())), QJsonValue(body));
    }

    void importsWorkflows()
    {
        // The seed: without its inputs nothing is imported, and each is named.
        const QString seed = QStringLiteral(
            BRICKRUN_SOURCE_DIR
            "/../shared/seed/arazzo/azure-databricks-submit-one-time-run-workflow.yml");
        if (QFile::exists(seed)) {
            CliRun r = runCli({QStringLiteral("presets"), QStringLiteral("import"), seed}, env());
            QCOMPARE(r.exitCode, 2);
            for (const char *input : {"runName", "taskKey", "notebookPath", "existingClusterId"})
                QVERIFY2(r.err.contains(QByteArray(QByteArray("--input ") + input + "=VALUE")),
                         r.describe().constData());
            r = runCli(
                {QStringLiteral("presets"), QStringLiteral("import"), seed,
                 QStringLiteral("--input"), QStringLiteral("runName=seeded"),
                 QStringLiteral("--input"), QStringLiteral("taskKey=main"),
                 QStringLiteral("--input"), QStringLiteral("notebookPath=/Shared/Demo/hello"),
                 QStringLiteral("--input"), QStringLiteral("existingClusterId=demo-cluster")},
                env());
            QVERIFY2(r.exitCode == 0, r.describe().constData());
            r = runCli({QStringLiteral("presets"), QStringLiteral("show"),
                        QStringLiteral("Azure Databricks Submit a One-time Run and Wait")},
                       env());
            QVERIFY2(r.out.contains("\"runName\": \"seeded\""), r.describe().constData());
        } else {
            qInfo("the seed workflow (shared/seed beside the source tree) is absent: its import "
                  "is not tried");
        }

        // Steps and fields it cannot map: imported, each said by step id with the reason.
        write(file("mixed.arazzo.yaml"), R"(arazzo: 1.0.1
info:
  title: mixed run
workflows:
- workflowId: mixed
  steps:
  - stepId: listThem
    operationId: listClusters
  - stepId: submit
    operationId: submitRun
    requestBody:
      payload:
        run_name: mixed
        tasks:
        - task_key: main
          existing_cluster_id: demo-cluster
          libraries:
          - pypi: {package: requests}
          notebook_task:
            notebook_path: /Shared/Demo/hello
)");
        const CliRun r =
            runCli({QStringLiteral("presets"), QStringLiteral("import"), file("mixed.arazzo.yaml")},
                   env());
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        QVERIFY2(r.err.contains("not mapped: step listThem: operation listClusters is not a step "
                                "of a one-time run"),
                 r.describe().constData());
        QVERIFY2(r.err.contains("not mapped: step submit: tasks[0].libraries: not supported"),
                 r.describe().constData());
        QVERIFY2(r.err.contains("imported preset \"mixed run\""), r.describe().constData());
    }
};

QTEST_GUILESS_MAIN(tst_CliExport)
#include "tst_cliexport.moc"
