// SPDX-License-Identifier: Apache-2.0
// RunExport, ArazzoExport, ArazzoImport and the YAML they use: every text carries the exact
// submit body (read back by a real shell, a real Python with a stand-in SDK, and the YAML
// reader), never a token or an idempotency token; imports map what they can and say the rest.
#include "share/ArazzoExport.h"
#include "share/ArazzoImport.h"
#include "share/RunExport.h"
#include "share/YamlReader.h"
#include "share/YamlWriter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Brickrun;

namespace {

// A value with everything a quoting mistake trips on.
const QString Nasty = QStringLiteral("it's \"$HOME\" `id` \\n {$inputs.token} $(rm -rf x) ü\u2028");

RunSpec notebookOnCluster()
{
    RunSpec s;
    s.runName = QStringLiteral("Nightly 'report'");
    s.notebookPath = QStringLiteral("/Shared/Demo/echo_params");
    s.clusterId = QStringLiteral("demo-cluster");
    s.parameters = {{QStringLiteral("date"), QStringLiteral("2026-11-26")},
                    {QStringLiteral("odd key: #1"), Nasty},
                    {QStringLiteral("token"), QStringLiteral("$inputs.token")}};
    return s;
}

RunSpec pythonFileServerlessFromGit()
{
    RunSpec s;
    s.taskKind = RunSpec::TaskKind::PythonFile;
    s.pythonFile = QStringLiteral("jobs/etl_job.py");
    s.pythonArguments = {QStringLiteral("--date"), Nasty, QStringLiteral("true")};
    s.compute.kind = ComputeSpec::Kind::Serverless;
    s.compute.environmentVersion = QStringLiteral("3");
    s.compute.dependencies = {QStringLiteral("pandas==2.2.2")};
    s.source = RunSpec::SourceKind::Git;
    s.git.url = QStringLiteral("https://github.com/brickrun-demo/analytics");
    s.git.branch = QStringLiteral("main");
    s.queueEnabled = false;
    return s;
}

RunSpec notebookOnNewCluster()
{
    RunSpec s;
    s.notebookPath = QStringLiteral("/Shared/Demo/hello");
    s.taskKey = QStringLiteral("load-2");
    s.compute.kind = ComputeSpec::Kind::NewJobCluster;
    s.compute.sparkVersion = QStringLiteral("15.4.x-scala2.12");
    s.compute.nodeTypeId = QStringLiteral("Standard_DS3_v2");
    s.compute.autoscale = true;
    s.compute.minWorkers = 2;
    s.compute.maxWorkers = 8;
    s.compute.photon = true;
    s.timeoutSeconds = 3600;
    s.maxRetries = 2;
    s.minRetryIntervalMillis = 60000;
    s.retryOnTimeout = true;
    return s;
}

RunSpec singleNodeFromTag()
{
    RunSpec s;
    s.notebookPath = QStringLiteral("notebooks/top_customers");
    s.source = RunSpec::SourceKind::Git;
    s.git.url = QStringLiteral("https://dev.azure.com/contoso/data-platform/_git/pipelines");
    s.git.tag = QStringLiteral("2026.10.1");
    s.compute.kind = ComputeSpec::Kind::NewJobCluster;
    s.compute.sparkVersion = QStringLiteral("16.2.x-scala2.12");
    s.compute.nodeTypeId = QStringLiteral("Standard_E8s_v3");
    s.compute.numWorkers = 0;
    return s;
}

RunSpec serverlessNotebook()
{
    RunSpec s;
    s.notebookPath = QStringLiteral("/Shared/Demo/widgets_python");
    s.compute.kind = ComputeSpec::Kind::Serverless;
    return s;
}

void addShapes()
{
    QTest::addColumn<RunSpec>("spec");
    QTest::newRow("notebook on an existing cluster") << notebookOnCluster();
    QTest::newRow("python file, serverless, git branch") << pythonFileServerlessFromGit();
    QTest::newRow("notebook, new cluster, autoscale, retries") << notebookOnNewCluster();
    QTest::newRow("single node, git tag") << singleNodeFromTag();
    QTest::newRow("notebook, serverless") << serverlessNotebook();
}

QString run(const QString &program, const QStringList &args, const QString &stdinText,
            const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    p.write(stdinText.toUtf8());
    p.closeWriteChannel();
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        qWarning().noquote() << program << "failed:" << p.readAllStandardError();
    return QString::fromUtf8(p.readAllStandardOutput());
}

QJsonObject json(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace

Q_DECLARE_METATYPE(Brickrun::RunSpec)

class tst_RunExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void formatsByName()
    {
        QCOMPARE(RunExport::formatNames(),
                 (QStringList{QStringLiteral("cli"), QStringLiteral("curl"),
                              QStringLiteral("python"), QStringLiteral("arazzo")}));
        for (const QString &name : RunExport::formatNames())
            QCOMPARE(RunExport::formatName(*RunExport::formatFromName(name)), name);
        QCOMPARE(RunExport::formatFromName(QStringLiteral(" Arazzo ")), RunExport::Format::Arazzo);
        QVERIFY(!RunExport::formatFromName(QStringLiteral("yaml")));
    }

    void submitBodyHasNoIdempotencyToken_data() { addShapes(); }
    void submitBodyHasNoIdempotencyToken()
    {
        QFETCH(RunSpec, spec);
        const QJsonObject body = RunExport::submitBody(spec);
        QVERIFY(!body.contains(QStringLiteral("idempotency_token")));
        QJsonObject sent = spec.toSubmitBody(QStringLiteral("tok-123"));
        sent.remove(QStringLiteral("idempotency_token"));
        QCOMPARE(body, sent);
        for (const auto format : {RunExport::Format::DatabricksCli, RunExport::Format::Curl,
                                  RunExport::Format::PythonSdk, RunExport::Format::Arazzo})
            QVERIFY(!RunExport::render(format, spec, QStringLiteral("t"))
                         .contains(QLatin1String("idempotency_token")));
    }

    // A real POSIX shell reads the command: `databricks` and `curl` are shell functions that
    // print the arguments they were given, so the JSON they would send is compared whole.
    void shellCommandsCarryTheExactBody_data() { addShapes(); }
    void shellCommandsCarryTheExactBody()
    {
        QFETCH(RunSpec, spec);
        const QString sh = QStandardPaths::findExecutable(QStringLiteral("sh"));
        if (sh.isEmpty())
            QSKIP("no sh on PATH to read the commands with");
        const QJsonObject body = RunExport::submitBody(spec);
        const QString printArgs =
            QStringLiteral("databricks() { for a in \"$@\"; do printf '%s\\n\\036\\n' \"$a\"; "
                           "done; }\ncurl() { databricks \"$@\"; }\n");
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DATABRICKS_TOKEN"), QStringLiteral("dapi-from-the-env"));
        env.insert(QStringLiteral("DATABRICKS_HOST"), QStringLiteral("https://adb-9.9.net"));
        env.insert(QStringLiteral("HOME"), QStringLiteral("/nowhere"));

        const QString cli = RunExport::databricksCli(spec);
        QStringList args = run(sh, {}, printArgs + cli, env).split(QStringLiteral("\n\x1e\n"));
        QCOMPARE(args.value(0), QStringLiteral("jobs"));
        QCOMPARE(args.value(1), QStringLiteral("submit"));
        QCOMPARE(args.value(2), QStringLiteral("--json"));
        QCOMPARE(json(args.value(3)), body);

        const QString curl = RunExport::curl(spec);
        QVERIFY(curl.contains(QLatin1String("Authorization: Bearer $DATABRICKS_TOKEN")));
        args = run(sh, {}, printArgs + curl, env).split(QStringLiteral("\n\x1e\n"));
        QVERIFY2(args.contains(QStringLiteral("Authorization: Bearer dapi-from-the-env")),
                 qPrintable(args.join(QLatin1Char('|'))));
        QCOMPARE(json(args.value(args.indexOf(QStringLiteral("--data")) + 1)), body);
        QVERIFY(args.contains(QStringLiteral("https://adb-9.9.net/api/2.2/jobs/runs/submit")));

        // A known workspace is written in; loopback (the demo) never is.
        QVERIFY(RunExport::curl(spec, QStringLiteral("https://adb-1.2.azuredatabricks.net"))
                    .contains(QLatin1String(
                        "'https://adb-1.2.azuredatabricks.net/api/2.2/jobs/runs/submit'")));
        QVERIFY(RunExport::curl(spec, QStringLiteral("http://127.0.0.1:41234"))
                    .contains(QLatin1String("\"$DATABRICKS_HOST/api/2.2/jobs/runs/submit\"")));
    }

    void shellQuoting()
    {
        QCOMPARE(RunExport::shellQuote(QStringLiteral("it's")), QStringLiteral("'it'\\''s'"));
        QCOMPARE(RunExport::shellQuote(QString()), QStringLiteral("''"));
        QCOMPARE(RunExport::pythonString(QStringLiteral("a\"b\\c\nd\x01")),
                 QStringLiteral("\"a\\\"b\\\\c\\nd\\u0001\""));
    }

    // A real Python runs the snippet against a stand-in `databricks.sdk` whose classes and
    // enums give back what they were built from: the call must rebuild the exact body.
    void pythonSnippetCarriesTheExactBody_data() { addShapes(); }
    void pythonSnippetCarriesTheExactBody()
    {
        QFETCH(RunSpec, spec);
        const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (python.isEmpty())
            QSKIP("no python3 on PATH to run the snippet with");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("databricks/sdk/service")));
        const auto write = [&](const QString &file, const QByteArray &text) {
            QFile f(dir.filePath(file));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text);
        };
        write(QStringLiteral("databricks/__init__.py"), "");
        write(QStringLiteral("databricks/sdk/__init__.py"), "import json, sys\n"
                                                            "class _Jobs:\n"
                                                            "    def submit(self, **kwargs):\n"
                                                            "        print(json.dumps(kwargs))\n"
                                                            "        sys.exit(0)\n"
                                                            "class WorkspaceClient:\n"
                                                            "    jobs = _Jobs()\n");
        write(QStringLiteral("databricks/sdk/service/__init__.py"), "");
        const QByteArray standIn = "import sys\n"
                                   "def __getattr__(name):\n"
                                   "    return lambda *a, **k: a[0] if a else k\n";
        write(QStringLiteral("databricks/sdk/service/jobs.py"), standIn);
        write(QStringLiteral("databricks/sdk/service/compute.py"), standIn);
        const QString snippet = RunExport::pythonSdk(spec);
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PYTHONPATH"), dir.path());
        env.insert(QStringLiteral("PYTHONIOENCODING"), QStringLiteral("utf-8"));
        const QString out = run(python, {QStringLiteral("-")}, snippet, env);
        QCOMPARE(json(out), RunExport::submitBody(spec));
        QVERIFY(snippet.contains(QLatin1String(".result()")));
        QVERIFY(snippet.contains(QLatin1String("get_run_output(run_id=task.run_id)")));
        QCOMPARE(snippet.contains(QLatin1String("jobs.SparkPythonTask(")), spec.isPythonFile());
        QCOMPARE(snippet.contains(QLatin1String("output.logs")), spec.isPythonFile());
    }

    // The YAML written reads back as the document; the workflow's payload with its inputs'
    // defaults put back is the body; the import gives back the spec.
    void arazzoRoundTrips_data() { addShapes(); }
    void arazzoRoundTrips()
    {
        QFETCH(RunSpec, spec);
        const QString yaml = ArazzoExport::yaml(spec, QStringLiteral("Nightly: report #1"));
        QString error;
        const QJsonValue read = YamlReader::parse(yaml, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error + QLatin1Char('\n') + yaml));
        const QJsonObject doc = ArazzoExport::document(spec, QStringLiteral("Nightly: report #1"));
        QCOMPARE(read.toObject(), doc);
        QCOMPARE(doc.value(QStringLiteral("arazzo")).toString(), QStringLiteral("1.0.1"));
        const QJsonObject workflow =
            doc.value(QStringLiteral("workflows")).toArray().at(0).toObject();
        QCOMPARE(workflow.value(QStringLiteral("workflowId")).toString(),
                 QStringLiteral("nightly-report-1"));
        QStringList steps;
        for (const QJsonValue &s : workflow.value(QStringLiteral("steps")).toArray())
            steps << s.toObject().value(QStringLiteral("stepId")).toString();
        QCOMPARE(steps,
                 (QStringList{QStringLiteral("submitRun"), QStringLiteral("pollRun"),
                              QStringLiteral("getFinalRun"), QStringLiteral("fetchOutput")}));
        const QJsonObject outputs = workflow.value(QStringLiteral("outputs")).toObject();
        for (const char *name : {"runId", "resultState", "error"})
            QVERIFY(outputs.contains(QLatin1String(name)));
        QCOMPARE(outputs.contains(QStringLiteral("notebookResult")), !spec.isPythonFile());
        QCOMPARE(outputs.contains(QStringLiteral("logs")), spec.isPythonFile());
        QCOMPARE(workflow.value(QStringLiteral("inputs"))
                     .toObject()
                     .value(QStringLiteral("required"))
                     .toArray(),
                 QJsonArray{QStringLiteral("token")});
        // Only the token input has no default, and no $ of a value reaches the payload.
        QVERIFY(!yaml.contains(QLatin1String("{$inputs.token}")) ||
                yaml.indexOf(QLatin1String("{$inputs.token}")) >
                    yaml.indexOf(QLatin1String("properties:")));

        const ArazzoImport::Result back = ArazzoImport::read(yaml.toUtf8());
        QVERIFY2(back.ok(), qPrintable(back.problems.join(QLatin1Char('\n'))));
        QVERIFY2(back.notMapped.isEmpty(), qPrintable(back.notMapped.join(QLatin1Char('\n'))));
        QCOMPARE(back.preset.name, QStringLiteral("Nightly: report #1"));
        QCOMPARE(back.preset.spec.toSubmitBody(QString()), RunExport::submitBody(spec));
        // Inputs given override the defaults.
        const auto renamed =
            ArazzoImport::read(yaml.toUtf8(), {{QStringLiteral("runName"), QStringLiteral("x")}});
        QCOMPARE(renamed.preset.spec.runName, QStringLiteral("x"));
        // JSON Arazzo files are read too.
        const auto fromJson = ArazzoImport::read(QJsonDocument(doc).toJson(QJsonDocument::Compact));
        QCOMPARE(fromJson.preset.spec.toSubmitBody(QString()), RunExport::submitBody(spec));
    }

    void importsTheSeed()
    {
        const QString seed = QStringLiteral(
            BRICKRUN_SOURCE_DIR
            "/../shared/seed/arazzo/azure-databricks-submit-one-time-run-workflow.yml");
        if (!QFile::exists(seed))
            QSKIP("the seed workflow (shared/seed beside the source tree) is absent: clones of "
                  "the repository do not have it");
        ArazzoImport::Result r = ArazzoImport::readFile(seed);
        QVERIFY(!r.ok());
        QStringList missing = r.missingInputs;
        missing.sort();
        QCOMPARE(missing,
                 (QStringList{QStringLiteral("existingClusterId"), QStringLiteral("notebookPath"),
                              QStringLiteral("runName"), QStringLiteral("taskKey")}));
        r = ArazzoImport::readFile(
            seed, {{QStringLiteral("runName"), QStringLiteral("seed run")},
                   {QStringLiteral("taskKey"), QStringLiteral("main")},
                   {QStringLiteral("notebookPath"), QStringLiteral("/Shared/Demo/hello")},
                   {QStringLiteral("existingClusterId"), QStringLiteral("demo-cluster")}});
        QVERIFY2(r.ok(), qPrintable(r.problems.join(QLatin1Char('\n'))));
        QCOMPARE(r.preset.name, QStringLiteral("Azure Databricks Submit a One-time Run and Wait"));
        QCOMPARE(r.preset.spec.notebookPath, QStringLiteral("/Shared/Demo/hello"));
        QCOMPARE(r.preset.spec.clusterId, QStringLiteral("demo-cluster"));
        QCOMPARE(r.preset.spec.runName, QStringLiteral("seed run"));
        QVERIFY(!r.preset.spec.queueEnabled); // the seed's payload has no queue
        QVERIFY2(r.notMapped.isEmpty(), qPrintable(r.notMapped.join(QLatin1Char('\n'))));
    }

    void reportsWhatItCannotMap()
    {
        const QByteArray workflow = R"(arazzo: 1.0.1
info: {title: Mixed, version: '1'}
sourceDescriptions: [{name: api, url: api.yml, type: openapi}]
workflows:
- workflowId: mixed
  steps:
  - stepId: clusters
    operationId: listClusters
  - stepId: submit
    operationPath: '{$sourceDescriptions.api.url}#/paths/~12.1~1jobs~1runs~1submit/post'
    requestBody:
      payload:
        run_name: mixed
        idempotency_token: abc
        tasks:
        - task_key: a
          existing_cluster_id: c1
          libraries: [{pypi: {package: x}}]
          notebook_task: {notebook_path: /x, base_parameters: {n: 3}}
        - task_key: b
          spark_jar_task: {main_class_name: M}
  - stepId: poll
    operationId: $sourceDescriptions.api.getJobRun
  - stepId: nested
    workflowId: other
  - stepId: again
    operationId: submitRun
    requestBody: {payload: {tasks: []}}
)";
        const ArazzoImport::Result r = ArazzoImport::read(workflow);
        QVERIFY2(r.ok(), qPrintable(r.problems.join(QLatin1Char('\n'))));
        QCOMPARE(r.preset.name, QStringLiteral("Mixed"));
        QCOMPARE(r.preset.spec.parameters.value(0),
                 qMakePair(QStringLiteral("n"), QStringLiteral("3")));
        const QString all = r.notMapped.join(QLatin1Char('\n'));
        for (const char *expected :
             {"step clusters: operation listClusters is not a step of a one-time run",
              "step submit: idempotency_token: Brickrun makes a new one",
              "step submit: tasks[0].libraries: not supported by Brickrun; left out",
              "step submit: tasks[0].notebook_task.base_parameters.n: not a string",
              "step submit: tasks[1] (task_key \"b\"): Brickrun runs one task per run",
              "step nested: calls the workflow other, which is not mapped",
              "step again: a second submit; only the first run is imported"})
            QVERIFY2(all.contains(QLatin1String(expected)), qPrintable(all));
        QVERIFY(!all.contains(QLatin1String("step poll")));
    }

    void refusesWhatIsNoWorkflow_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("problem");
        QTest::newRow("not arazzo") << QByteArray("openapi: 3.0.0\n") << "no \"arazzo\" version";
        QTest::newRow("version 2") << QByteArray("arazzo: 2.0.0\n") << "only version 1.x";
        QTest::newRow("no submit") << QByteArray("arazzo: 1.0.1\nworkflows:\n- steps:\n  - "
                                                 "stepId: a\n    operationId: getJobRun\n")
                                   << "no step submits a run";
        QTest::newRow("other expression")
            << QByteArray("arazzo: 1.0.1\nworkflows:\n- steps:\n  - stepId: s\n    operationId: "
                          "submitRun\n    requestBody:\n      payload:\n        run_name: "
                          "$steps.x.outputs.name\n        tasks:\n        - task_key: a\n")
            << "is a runtime expression a preset cannot hold";
        QTest::newRow("token in the payload")
            << QByteArray("arazzo: 1.0.1\nworkflows:\n- steps:\n  - stepId: s\n    operationId: "
                          "submitRun\n    requestBody:\n      payload:\n        tasks:\n        - "
                          "task_key: a\n          notebook_task:\n            base_parameters:\n "
                          "             t: $inputs.token\n")
            << "uses the input token, a credential a preset never holds";
        QTest::newRow("bad yaml") << QByteArray("arazzo: 1.0.1\n  info: x\n")
                                  << "line 2: unexpected";
        QTest::newRow("spark jar only")
            << QByteArray("{\"arazzo\": \"1.0.0\", \"workflows\": [{\"steps\": [{\"stepId\": "
                          "\"s\", \"operationId\": \"submitRun\", \"requestBody\": {\"payload\": "
                          "{\"tasks\": [{\"task_key\": \"a\", \"spark_jar_task\": {}}]}}}]}]}")
            << "has neither notebook_task nor spark_python_task";
    }
    void refusesWhatIsNoWorkflow()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, problem);
        const ArazzoImport::Result r = ArazzoImport::read(text);
        QVERIFY(!r.ok());
        QVERIFY2(r.problems.join(QLatin1Char('\n')).contains(problem),
                 qPrintable(r.problems.join(QLatin1Char('\n'))));
    }

    void yamlReaderReadsTheSubset()
    {
        const QString text =
            QStringLiteral("# comment\n---\n"
                           "folded: >-\n  one\n  two\n\n  three\n"
                           "literal: |\n  a\n   b\n"
                           "kept: |+\n  x\n\n"
                           "dq: \"tab\\there \\u00fc \\\"q\\\"\"   # after\n"
                           "sq: 'it''s'\n"
                           "multi: \"a\n  b\"\n"
                           "plain: a b # c\n"
                           "numbers: [1, -2.5, 1e3, 0x1]\n"
                           "flow: {a: 1, \"b\": [x, 'y z'], c: {}}\n"
                           "nulls: [~, null, ]\n"
                           "bools: [true, False]\n"
                           "version: 1.0.1\n"
                           "list:\n- a\n-   - nested\n    - more\n- k: v\n  k2: v2\n-\n  deep: 1\n"
                           "empty:\n"
                           "last: end\n...\n");
        QString error;
        const QJsonObject o = YamlReader::parse(text, &error).toObject();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(o.value(QStringLiteral("folded")).toString(), QStringLiteral("one two\nthree"));
        QCOMPARE(o.value(QStringLiteral("literal")).toString(), QStringLiteral("a\n b\n"));
        QCOMPARE(o.value(QStringLiteral("kept")).toString(), QStringLiteral("x\n\n"));
        QCOMPARE(o.value(QStringLiteral("dq")).toString(),
                 QStringLiteral("tab\there \u00fc \"q\""));
        QCOMPARE(o.value(QStringLiteral("sq")).toString(), QStringLiteral("it's"));
        QCOMPARE(o.value(QStringLiteral("multi")).toString(), QStringLiteral("a b"));
        QCOMPARE(o.value(QStringLiteral("plain")).toString(), QStringLiteral("a b"));
        QCOMPARE(o.value(QStringLiteral("numbers")).toArray(),
                 (QJsonArray{1, -2.5, 1000, QStringLiteral("0x1")}));
        QCOMPARE(QJsonDocument(o.value(QStringLiteral("flow")).toObject())
                     .toJson(QJsonDocument::Compact),
                 QByteArray(R"({"a":1,"b":["x","y z"],"c":{}})"));
        QCOMPARE(o.value(QStringLiteral("bools")).toArray(), (QJsonArray{true, false}));
        QCOMPARE(o.value(QStringLiteral("version")).toString(), QStringLiteral("1.0.1"));
        QCOMPARE(
            QJsonDocument(o.value(QStringLiteral("list")).toArray()).toJson(QJsonDocument::Compact),
            QByteArray(R"(["a",["nested","more"],{"k":"v","k2":"v2"},{"deep":1}])"));
        QVERIFY(o.value(QStringLiteral("empty")).isNull());
        QCOMPARE(o.value(QStringLiteral("last")).toString(), QStringLiteral("end"));
    }

    void yamlReaderRefusesWhatItDoesNotRead_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("anchor") << "a: &x 1\n"
                                << "line 1: anchors";
        QTest::newRow("alias") << "a: 1\nb: *x\n"
                               << "line 2: anchors";
        QTest::newRow("tab") << "a:\n\tb: 1\n"
                             << "line 2: a tab";
        QTest::newRow("twice") << "a: 1\na: 2\n"
                               << "line 2: the key \"a\" is given twice";
        QTest::newRow("two documents") << "a: 1\n---\nb: 2\n"
                                       << "line 2: only one YAML document";
        QTest::newRow("unclosed") << "a: \"x\n"
                                  << "line 1: a quoted or flow value";
        QTest::newRow("escape") << "a: \"\\q\"\n"
                                << "line 1: an unknown escape";
    }
    void yamlReaderRefusesWhatItDoesNotRead()
    {
        QFETCH(QString, text);
        QFETCH(QString, error);
        QString why;
        QVERIFY(YamlReader::parse(text, &why).isUndefined());
        QVERIFY2(why.startsWith(error), qPrintable(why));
    }

    void yamlWriterQuotesWhatWouldNotReadBack()
    {
        for (const QString &s :
             {QStringLiteral("true"), QStringLiteral("1.5"), QStringLiteral("- x"),
              QStringLiteral("a: b"), QStringLiteral("a #b"), QStringLiteral("'q'"),
              QStringLiteral(""), QStringLiteral(" lead"), QStringLiteral("No"),
              QStringLiteral("[x]"), QStringLiteral("line\nbreak"), Nasty}) {
            const QString yaml = YamlWriter().write(QJsonObject{{s, s}});
            QString error;
            const QJsonObject back = YamlReader::parse(yaml, &error).toObject();
            QVERIFY2(error.isEmpty(), qPrintable(error + QLatin1Char('\n') + yaml));
            QCOMPARE(back, (QJsonObject{{s, s}}));
        }
        QCOMPARE(YamlWriter::scalar(QStringLiteral("$inputs.token")),
                 QStringLiteral("$inputs.token"));
        QCOMPARE(YamlWriter::scalar(QStringLiteral("../openapi/x.yml")),
                 QStringLiteral("../openapi/x.yml"));
        QCOMPARE(YamlWriter::scalar(QStringLiteral(".5")), QStringLiteral("\".5\""));
        QCOMPARE(YamlWriter::scalar(QStringLiteral("2026-11-26")),
                 QStringLiteral("\"2026-11-26\""));
    }
};

QTEST_GUILESS_MAIN(tst_RunExport)
#include "tst_runexport.moc"
