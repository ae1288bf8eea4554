// SPDX-License-Identifier: Apache-2.0
#include "model/Preset.h"

#include <QJsonArray>
#include <QTest>

using namespace Brickrun;

namespace {

QJsonObject minimal()
{
    return QJsonObject{{QStringLiteral("format"), QStringLiteral("brickrun-preset")},
                       {QStringLiteral("version"), 1},
                       {QStringLiteral("name"), QStringLiteral("Nightly")},
                       {QStringLiteral("notebookPath"), QStringLiteral("/Repos/etl/load")},
                       {QStringLiteral("clusterId"), QStringLiteral("0923-164208-abcd123")}};
}

} // namespace

class tst_Preset : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void toJsonWritesEveryFieldAndNoCredential()
    {
        Preset p;
        p.name = QStringLiteral("Nightly");
        p.profile = QStringLiteral("work");
        p.spec.runName = QStringLiteral("nightly load");
        p.spec.notebookPath = QStringLiteral("/Repos/etl/load");
        p.spec.clusterId = QStringLiteral("0923-164208-abcd123");
        p.spec.taskKey = QStringLiteral("load");
        p.spec.parameters = {{QStringLiteral("date"), QStringLiteral("2024-05-01")}};
        p.spec.queueEnabled = false;
        p.spec.timeoutSeconds = 600;
        const QJsonObject json = p.toJson();
        QStringList keys = json.keys();
        keys.sort();
        QCOMPARE(keys, (QStringList{QStringLiteral("clusterId"), QStringLiteral("format"),
                                    QStringLiteral("name"), QStringLiteral("notebookPath"),
                                    QStringLiteral("parameters"), QStringLiteral("profile"),
                                    QStringLiteral("queueEnabled"), QStringLiteral("runName"),
                                    QStringLiteral("taskKey"), QStringLiteral("timeoutSeconds"),
                                    QStringLiteral("version")}));
        QCOMPARE(json.value(QStringLiteral("format")).toString(),
                 QStringLiteral("brickrun-preset"));
        QCOMPARE(json.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(json.value(QStringLiteral("parameters"))
                     .toObject()
                     .value(QStringLiteral("date"))
                     .toString(),
                 QStringLiteral("2024-05-01"));

        Preset back;
        QStringList errors;
        QVERIFY2(Preset::fromJson(json, &back, &errors),
                 qPrintable(errors.join(QLatin1Char('\n'))));
        QCOMPARE(back.name, p.name);
        QCOMPARE(back.profile, p.profile);
        QCOMPARE(back.spec.runName, p.spec.runName);
        QCOMPARE(back.spec.notebookPath, p.spec.notebookPath);
        QCOMPARE(back.spec.clusterId, p.spec.clusterId);
        QCOMPARE(back.spec.taskKey, p.spec.taskKey);
        QCOMPARE(back.spec.parameters, p.spec.parameters);
        QCOMPARE(back.spec.queueEnabled, false);
        QCOMPARE(back.spec.timeoutSeconds, 600);
    }

    // Retries make a version 2 file with three more fields; it reads back whole.
    void retriesRoundTripAsVersion2()
    {
        Preset p;
        p.name = QStringLiteral("Nightly");
        p.spec.notebookPath = QStringLiteral("/Repos/etl/load");
        p.spec.clusterId = QStringLiteral("0923-164208-abcd123");
        p.spec.timeoutSeconds = 1800;
        p.spec.maxRetries = 3;
        p.spec.minRetryIntervalMillis = 90000;
        p.spec.retryOnTimeout = true;
        const QJsonObject json = p.toJson();
        QCOMPARE(json.value(QStringLiteral("version")).toInt(), 2);
        QCOMPARE(json.value(QStringLiteral("timeoutSeconds")).toInt(), 1800);
        QCOMPARE(json.value(QStringLiteral("maxRetries")).toInt(), 3);
        QCOMPARE(json.value(QStringLiteral("minRetryIntervalMillis")).toInt(), 90000);
        QCOMPARE(json.value(QStringLiteral("retryOnTimeout")).toBool(), true);

        Preset back;
        QStringList errors;
        QVERIFY2(Preset::fromJson(json, &back, &errors),
                 qPrintable(errors.join(QLatin1Char('\n'))));
        QCOMPARE(back.spec.timeoutSeconds, 1800);
        QCOMPARE(back.spec.maxRetries, 3);
        QCOMPARE(back.spec.minRetryIntervalMillis, 90000);
        QCOMPARE(back.spec.retryOnTimeout, true);
        QCOMPARE(back.toJson(), json);

        // Retries alone (no timeout) are version 2 as well.
        p.spec.timeoutSeconds = 0;
        p.spec.retryOnTimeout = false;
        p.spec.minRetryIntervalMillis = 0;
        QCOMPARE(p.toJson().value(QStringLiteral("version")).toInt(), 2);
        QVERIFY(Preset::fromJson(p.toJson(), &back, &errors));
        QCOMPARE(back.spec.maxRetries, 3);
    }

    // A version 1 file (written before retries existed) loads with no retries; one that names
    // them anyway is read too.
    // Version 3: a preset of every shape is written as version 3 and read back whole; a
    // workspace notebook on an existing cluster stays version 1 or 2.
    void shapesRoundTripAsVersion3_data()
    {
        QTest::addColumn<QString>("shape");
        QTest::newRow("serverless notebook") << "serverless";
        QTest::newRow("new cluster python file") << "new python";
        QTest::newRow("git notebook") << "git";
        QTest::newRow("git python file on serverless") << "git python serverless";
    }
    void shapesRoundTripAsVersion3()
    {
        QFETCH(QString, shape);
        Preset p;
        p.name = QStringLiteral("Shaped");
        p.profile = QStringLiteral("demo");
        p.spec.notebookPath = QStringLiteral("/Shared/Demo/hello");
        p.spec.clusterId = QStringLiteral("demo-cluster");
        if (shape.contains(QLatin1String("serverless"))) {
            p.spec.compute.kind = ComputeSpec::Kind::Serverless;
            p.spec.compute.environmentVersion = QStringLiteral("3");
            p.spec.compute.dependencies = {QStringLiteral("pandas==2.2.2")};
            p.spec.clusterId.clear();
        }
        if (shape.contains(QLatin1String("new"))) {
            p.spec.compute.kind = ComputeSpec::Kind::NewJobCluster;
            p.spec.compute.sparkVersion = QStringLiteral("15.4.x-scala2.12");
            p.spec.compute.sparkVersionName =
                QStringLiteral("15.4 LTS (includes Apache Spark 3.5.0)");
            p.spec.compute.nodeTypeId = QStringLiteral("Standard_DS3_v2");
            p.spec.compute.autoscale = true;
            p.spec.compute.minWorkers = 1;
            p.spec.compute.maxWorkers = 4;
            p.spec.compute.photon = true;
        }
        if (shape.contains(QLatin1String("python"))) {
            p.spec.taskKind = RunSpec::TaskKind::PythonFile;
            p.spec.notebookPath.clear();
            p.spec.pythonFile = QStringLiteral("/Shared/Demo/etl_job.py");
            p.spec.pythonArguments = {QStringLiteral("--date"), QStringLiteral("2026-12-02")};
        }
        if (shape.contains(QLatin1String("git"))) {
            p.spec.source = RunSpec::SourceKind::Git;
            p.spec.git.url = QStringLiteral("https://github.com/brickrun-demo/analytics");
            p.spec.git.branch = QStringLiteral("main");
            p.spec.notebookPath =
                p.spec.isPythonFile() ? QString() : QStringLiteral("notebooks/daily_report");
            if (p.spec.isPythonFile())
                p.spec.pythonFile = QStringLiteral("jobs/etl_job.py");
        }
        QVERIFY2(p.spec.validate().isEmpty(),
                 qPrintable(p.spec.validate().join(QLatin1Char('\n'))));
        const QJsonObject json = p.toJson();
        QCOMPARE(json.value(QStringLiteral("version")).toInt(), 3);
        Preset back;
        QStringList errors;
        QVERIFY2(Preset::fromJson(json, &back, &errors),
                 qPrintable(errors.join(QLatin1Char('\n'))));
        QCOMPARE(back.spec.toSubmitBody(QStringLiteral("t")),
                 p.spec.toSubmitBody(QStringLiteral("t")));
        QCOMPARE(back.spec.computeText(), p.spec.computeText());
        QCOMPARE(back.toJson(), json);

        // Back to a workspace notebook on an existing cluster: version 1 again.
        Preset plain = back;
        plain.spec.compute = ComputeSpec();
        plain.spec.source = RunSpec::SourceKind::Workspace;
        plain.spec.taskKind = RunSpec::TaskKind::Notebook;
        plain.spec.notebookPath = QStringLiteral("/Shared/Demo/hello");
        plain.spec.clusterId = QStringLiteral("demo-cluster");
        QCOMPARE(plain.toJson().value(QStringLiteral("version")).toInt(), 1);
        for (const QString &key : RunSpec::shapeKeys())
            QVERIFY2(!plain.toJson().contains(key), qPrintable(key));
    }

    void version1FilesStillLoad()
    {
        Preset p;
        QStringList errors;
        QJsonObject old = minimal();
        old.insert(QStringLiteral("timeoutSeconds"), 600);
        QVERIFY2(Preset::fromJson(old, &p, &errors), qPrintable(errors.join(QLatin1Char('\n'))));
        QCOMPARE(p.spec.timeoutSeconds, 600);
        QCOMPARE(p.spec.maxRetries, 0);
        QCOMPARE(p.spec.minRetryIntervalMillis, 0);
        QCOMPARE(p.spec.retryOnTimeout, false);
        QCOMPARE(p.toJson().value(QStringLiteral("version")).toInt(), 1);
        QVERIFY(!p.toJson().contains(QStringLiteral("maxRetries")));

        old.insert(QStringLiteral("maxRetries"), 2);
        QVERIFY2(Preset::fromJson(old, &p, &errors), qPrintable(errors.join(QLatin1Char('\n'))));
        QCOMPARE(p.spec.maxRetries, 2);
    }

    void optionalFieldsDefault()
    {
        Preset p;
        QStringList errors;
        QVERIFY2(Preset::fromJson(minimal(), &p, &errors),
                 qPrintable(errors.join(QLatin1Char('\n'))));
        QVERIFY(errors.isEmpty());
        QCOMPARE(p.spec.taskKey, QStringLiteral("main"));
        QVERIFY(p.profile.isEmpty());
        QVERIFY(p.spec.parameters.isEmpty());
        QCOMPARE(p.spec.queueEnabled, true);
        QCOMPARE(p.spec.timeoutSeconds, 0);
    }

    void everyProblemNamesItsField_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<QStringList>("expected"); // each must start one error
        const auto with = [](const char *key, const QJsonValue &value) {
            QJsonObject o = minimal();
            if (value.isUndefined())
                o.remove(QLatin1String(key));
            else
                o.insert(QLatin1String(key), value);
            return o;
        };
        QTest::newRow("name missing") << with("name", QJsonValue::Undefined)
                                      << QStringList{QStringLiteral("name: is missing")};
        QTest::newRow("name a number")
            << with("name", 42)
            << QStringList{QStringLiteral("name: must be a string, got a number")};
        QTest::newRow("name empty")
            << with("name", QStringLiteral("  ")) << QStringList{QStringLiteral("name: is empty")};
        QTest::newRow("name padded") << with("name", QStringLiteral(" x"))
                                     << QStringList{QStringLiteral("name: starts or ends")};
        QTest::newRow("name control char") << with("name", QStringLiteral("a\nb"))
                                           << QStringList{QStringLiteral("name: holds a control")};
        QTest::newRow("name huge") << with("name", QString(5000, QLatin1Char('n')))
                                   << QStringList{QStringLiteral("name: longer than 200")};
        QTest::newRow("format wrong")
            << with("format", QStringLiteral("other"))
            << QStringList{QStringLiteral("format: must be \"brickrun-preset\"")};
        QTest::newRow("format missing") << with("format", QJsonValue::Undefined)
                                        << QStringList{QStringLiteral("format: is missing")};
        QTest::newRow("version newer")
            << with("version", 4) << QStringList{QStringLiteral("version: 4 is newer")};
        QTest::newRow("version string")
            << with("version", QStringLiteral("1"))
            << QStringList{QStringLiteral("version: must be a whole number, got a string")};
        QTest::newRow("version fraction")
            << with("version", 1.5)
            << QStringList{QStringLiteral("version: must be a whole number")};
        QTest::newRow("cluster a number")
            << with("clusterId", 923)
            << QStringList{QStringLiteral("clusterId: must be a string, got a number")};
        // Optional since version 3 (serverless has none); an existing cluster needs one.
        QTest::newRow("cluster missing") << with("clusterId", QJsonValue::Undefined)
                                         << QStringList{QStringLiteral("clusterId: is empty")};
        QTest::newRow("compute kind unknown")
            << with("compute", QJsonObject{{QStringLiteral("kind"), QStringLiteral("gpu")}})
            << QStringList{QStringLiteral("compute.kind: must be \"serverless\" or")};
        QTest::newRow("compute not an object")
            << with("compute", QStringLiteral("serverless"))
            << QStringList{QStringLiteral("compute: must be an object, got a string")};
        QTest::newRow("workers negative")
            << with(
                   "compute",
                   QJsonObject{{QStringLiteral("kind"), QStringLiteral("newJobCluster")},
                               {QStringLiteral("sparkVersion"), QStringLiteral("15.4.x-scala2.12")},
                               {QStringLiteral("nodeTypeId"), QStringLiteral("Standard_DS3_v2")},
                               {QStringLiteral("numWorkers"), -1}})
            << QStringList{QStringLiteral("compute: workers: must not be negative, got -1")};
        QTest::newRow("git branch and tag")
            << with("git", QJsonObject{{QStringLiteral("git_url"),
                                        QStringLiteral("https://github.com/o/r")},
                                       {QStringLiteral("git_branch"), QStringLiteral("main")},
                                       {QStringLiteral("git_tag"), QStringLiteral("v1")}})
            << QStringList{QStringLiteral("git: git reference: give one of branch, tag or commit"),
                           QStringLiteral("notebookPath: must be relative to the Git repository")};
        QTest::newRow("git url a number")
            << with("git", QJsonObject{{QStringLiteral("git_url"), 7}})
            << QStringList{QStringLiteral("git.git_url: must be a string, got a number")};
        QTest::newRow("python file without path")
            << with("taskKind", QStringLiteral("pythonFile"))
            << QStringList{QStringLiteral("pythonFile: is missing")};
        QTest::newRow("arguments on a notebook")
            << with("arguments", QJsonArray{QStringLiteral("x")})
            << QStringList{QStringLiteral("arguments: is only for taskKind \"pythonFile\"")};
        QTest::newRow("cluster invalid")
            << with("clusterId", QStringLiteral("bad cluster!"))
            << QStringList{QStringLiteral("clusterId: \"bad cluster!\" is not a cluster id")};
        QTest::newRow("notebook relative")
            << with("notebookPath", QStringLiteral("Repos/x"))
            << QStringList{QStringLiteral("notebookPath: must be absolute")};
        QTest::newRow("notebook null")
            << with("notebookPath", QJsonValue::Null)
            << QStringList{QStringLiteral("notebookPath: must be a string, got null")};
        QTest::newRow("profile an array")
            << with("profile", QJsonArray{QStringLiteral("work")})
            << QStringList{QStringLiteral("profile: must be a string, got an array")};
        QTest::newRow("task key invalid")
            << with("taskKey", QStringLiteral("has space"))
            << QStringList{QStringLiteral("taskKey: \"has space\" may only hold")};
        QTest::newRow("run name huge")
            << with("runName", QString(5000, QLatin1Char('r')))
            << QStringList{QStringLiteral("runName: longer than 4096 bytes")};
        QTest::newRow("parameters an array")
            << with("parameters", QJsonArray{})
            << QStringList{
                   QStringLiteral("parameters: must be an object of strings, got an array")};
        QTest::newRow("parameter a number")
            << with("parameters", QJsonObject{{QStringLiteral("date"), 20240501},
                                              {QStringLiteral("ok"), QStringLiteral("x")}})
            << QStringList{QStringLiteral("parameters.date: must be a string, got a number")};
        QTest::newRow("parameter huge")
            << with("parameters",
                    QJsonObject{{QStringLiteral("blob"), QString(20000, QLatin1Char('b'))}})
            << QStringList{QStringLiteral("parameters.blob: longer than 10000 characters")};
        QTest::newRow("parameter unnamed")
            << with("parameters", QJsonObject{{QStringLiteral(" "), QStringLiteral("x")}})
            << QStringList{QStringLiteral("parameters: a parameter has no name")};
        QTest::newRow("queue a string")
            << with("queueEnabled", QStringLiteral("yes"))
            << QStringList{QStringLiteral("queueEnabled: must be true or false, got a string")};
        QTest::newRow("timeout negative")
            << with("timeoutSeconds", -5)
            << QStringList{QStringLiteral("timeoutSeconds: must be a whole number of seconds")};
        QTest::newRow("timeout fraction")
            << with("timeoutSeconds", 1.5)
            << QStringList{QStringLiteral("timeoutSeconds: must be a whole number of seconds")};
        QTest::newRow("timeout past 7 days")
            << with("timeoutSeconds", 8 * 24 * 3600)
            << QStringList{QStringLiteral("timeoutSeconds: at most 7 days")};
        QTest::newRow("retries a string")
            << with("maxRetries", QStringLiteral("3"))
            << QStringList{QStringLiteral("maxRetries: must be a whole number, got a string")};
        QTest::newRow("retry for ever")
            << with("maxRetries", -1)
            << QStringList{QStringLiteral("maxRetries: -1 (retry for ever) is not offered")};
        QTest::newRow("too many retries")
            << with("maxRetries", 1000) << QStringList{QStringLiteral("maxRetries: at most 100")};
        QTest::newRow("interval negative")
            << with("minRetryIntervalMillis", -1)
            << QStringList{QStringLiteral(
                   "minRetryIntervalMillis: must be a whole number of milliseconds")};
        QTest::newRow("interval without retries")
            << with("minRetryIntervalMillis", 5000)
            << QStringList{QStringLiteral("minRetryIntervalMillis: needs retries")};
        QTest::newRow("retry on timeout a string")
            << with("retryOnTimeout", QStringLiteral("yes"))
            << QStringList{QStringLiteral("retryOnTimeout: must be true or false, got a string")};
        QTest::newRow("retry on timeout without retries")
            << with("retryOnTimeout", true)
            << QStringList{QStringLiteral("retryOnTimeout: needs retries")};
        QTest::newRow("unknown field") << with("clusterID", QStringLiteral("c-1"))
                                       << QStringList{QStringLiteral("clusterID: unknown field")};
        QTest::newRow("a token is refused")
            << with("token", QStringLiteral("dapi0123"))
            << QStringList{
                   QStringLiteral("token: unknown field (a preset never holds a credential")};
        QTest::newRow("several at once")
            << QJsonObject{{QStringLiteral("format"), QStringLiteral("brickrun-preset")},
                           {QStringLiteral("version"), 1},
                           {QStringLiteral("name"), 1},
                           {QStringLiteral("notebookPath"), false},
                           {QStringLiteral("clusterId"), QStringLiteral("c-1")},
                           {QStringLiteral("password"), QStringLiteral("x")}}
            << QStringList{QStringLiteral("name: must be a string"),
                           QStringLiteral("notebookPath: must be a string, got a boolean"),
                           QStringLiteral("password: unknown field")};
    }
    void everyProblemNamesItsField()
    {
        QFETCH(QJsonObject, json);
        QFETCH(QStringList, expected);
        Preset p;
        p.name = QStringLiteral("untouched");
        QStringList errors;
        QVERIFY(!Preset::fromJson(json, &p, &errors));
        QCOMPARE(p.name, QStringLiteral("untouched")); // *out only on success
        for (const QString &e : expected) {
            bool found = false;
            for (const QString &error : errors)
                found = found || error.startsWith(e);
            QVERIFY2(found, qPrintable(QStringLiteral("missing \"%1\" in:\n%2")
                                           .arg(e, errors.join(QLatin1Char('\n')))));
        }
        QCOMPARE(errors.size(), expected.size()); // one sentence per problem, no echoes
        // A value that may be a secret is never repeated in an error.
        for (const QString &error : errors)
            QVERIFY(!error.contains(QLatin1String("dapi")));
    }
};

QTEST_GUILESS_MAIN(tst_Preset)
#include "tst_preset.moc"
