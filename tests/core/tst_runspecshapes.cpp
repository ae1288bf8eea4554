// SPDX-License-Identifier: Apache-2.0
// The run shapes of issue 18: each compute kind × each task kind × each source gives the
// runs/submit body the Jobs API expects, and every bad input is named at its field.
#include "model/RunSpec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Brickrun;

namespace {

QJsonObject onlyTask(const QJsonObject &body)
{
    const QJsonArray tasks = body.value(QLatin1String("tasks")).toArray();
    return tasks.size() == 1 ? tasks.first().toObject() : QJsonObject();
}

QStringList sortedKeys(const QJsonObject &o)
{
    QStringList keys = o.keys();
    keys.sort();
    return keys;
}

RunSpec shape(ComputeSpec::Kind compute, RunSpec::TaskKind task, RunSpec::SourceKind source)
{
    RunSpec s;
    s.taskKind = task;
    s.source = source;
    const bool git = source == RunSpec::SourceKind::Git;
    if (task == RunSpec::TaskKind::Notebook) {
        s.notebookPath = git ? QStringLiteral("notebooks/etl") : QStringLiteral("/Shared/Demo/etl");
        s.parameters = {{QStringLiteral("date"), QStringLiteral("2026-12-02")}};
    } else {
        s.pythonFile = git ? QStringLiteral("jobs/etl.py") : QStringLiteral("/Shared/Demo/etl.py");
        s.pythonArguments = {QStringLiteral("--date"), QStringLiteral("2026-12-02"),
                             QStringLiteral("--dry-run")};
    }
    s.compute.kind = compute;
    s.clusterId = QStringLiteral("demo-cluster");
    s.compute.sparkVersion = QStringLiteral("15.4.x-scala2.12");
    s.compute.nodeTypeId = QStringLiteral("Standard_DS3_v2");
    s.compute.numWorkers = 2;
    if (git) {
        s.git.url = QStringLiteral("https://github.com/example/pipelines");
        s.git.branch = QStringLiteral("main");
    }
    return s;
}

} // namespace

class tst_RunSpecShapes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // A default spec (a workspace notebook on an existing cluster) sends exactly what it sent
    // before the shapes existed.
    void defaultSpecSendsTheBodyItAlwaysSent()
    {
        RunSpec s;
        s.notebookPath = QStringLiteral("/Shared/Demo/hello");
        s.clusterId = QStringLiteral("demo-cluster");
        s.parameters = {{QStringLiteral("a"), QStringLiteral("1")}};
        const QByteArray expected =
            R"x({"idempotency_token":"tok","queue":{"enabled":true},"run_name":"hello (Brickrun)",)x"
            R"x("tasks":[{"existing_cluster_id":"demo-cluster","notebook_task":{"base_parameters":)x"
            R"x({"a":"1"},"notebook_path":"/Shared/Demo/hello","source":"WORKSPACE"},)x"
            R"x("task_key":"main"}],"timeout_seconds":0})x";
        QCOMPARE(
            QJsonDocument(s.toSubmitBody(QStringLiteral("tok"))).toJson(QJsonDocument::Compact),
            expected);
    }

    void everyShape_data()
    {
        QTest::addColumn<int>("compute");
        QTest::addColumn<int>("task");
        QTest::addColumn<int>("source");
        for (const auto compute :
             {ComputeSpec::Kind::ExistingCluster, ComputeSpec::Kind::Serverless,
              ComputeSpec::Kind::NewJobCluster}) {
            for (const auto task : {RunSpec::TaskKind::Notebook, RunSpec::TaskKind::PythonFile}) {
                for (const auto source :
                     {RunSpec::SourceKind::Workspace, RunSpec::SourceKind::Git}) {
                    const QString name =
                        ComputeSpec::kindName(compute) +
                        (task == RunSpec::TaskKind::Notebook ? QStringLiteral(" notebook")
                                                             : QStringLiteral(" python")) +
                        (source == RunSpec::SourceKind::Git ? QStringLiteral(" git")
                                                            : QStringLiteral(" workspace"));
                    QTest::newRow(qPrintable(name)) << int(compute) << int(task) << int(source);
                }
            }
        }
    }
    void everyShape()
    {
        QFETCH(int, compute);
        QFETCH(int, task);
        QFETCH(int, source);
        const RunSpec s =
            shape(ComputeSpec::Kind(compute), RunSpec::TaskKind(task), RunSpec::SourceKind(source));
        QVERIFY2(s.validate().isEmpty(), qPrintable(s.validate().join(QLatin1Char('\n'))));
        const QJsonObject body = s.toSubmitBody(QStringLiteral("tok"));
        const QJsonObject t = onlyTask(body);
        const bool git = s.usesGit();
        const QString sourceName = git ? QStringLiteral("GIT") : QStringLiteral("WORKSPACE");

        // The task kind.
        if (s.isPythonFile()) {
            QVERIFY(!t.contains(QLatin1String("notebook_task")));
            const QJsonObject py = t.value(QLatin1String("spark_python_task")).toObject();
            QCOMPARE(sortedKeys(py),
                     (QStringList{QStringLiteral("parameters"), QStringLiteral("python_file"),
                                  QStringLiteral("source")}));
            QCOMPARE(py.value(QLatin1String("python_file")).toString(), s.pythonFile);
            QCOMPARE(py.value(QLatin1String("source")).toString(), sourceName);
            // Arguments keep their order, options and values alike.
            QCOMPARE(py.value(QLatin1String("parameters")).toArray(),
                     QJsonArray::fromStringList(s.pythonArguments));
            QCOMPARE(body.value(QLatin1String("run_name")).toString(),
                     QStringLiteral("etl.py (Brickrun)"));
        } else {
            QVERIFY(!t.contains(QLatin1String("spark_python_task")));
            const QJsonObject nb = t.value(QLatin1String("notebook_task")).toObject();
            QCOMPARE(nb.value(QLatin1String("notebook_path")).toString(), s.notebookPath);
            QCOMPARE(nb.value(QLatin1String("source")).toString(), sourceName);
            QCOMPARE(nb.value(QLatin1String("base_parameters")).toObject(),
                     (QJsonObject{{QStringLiteral("date"), QStringLiteral("2026-12-02")}}));
        }

        // The source.
        if (git) {
            QCOMPARE(body.value(QLatin1String("git_source")).toObject(),
                     (QJsonObject{{QStringLiteral("git_url"),
                                   QStringLiteral("https://github.com/example/pipelines")},
                                  {QStringLiteral("git_provider"), QStringLiteral("gitHub")},
                                  {QStringLiteral("git_branch"), QStringLiteral("main")}}));
        } else {
            QVERIFY(!body.contains(QLatin1String("git_source")));
        }

        // The compute: exactly one of the three forms on the task.
        const bool existing = t.contains(QLatin1String("existing_cluster_id"));
        const bool newCluster = t.contains(QLatin1String("new_cluster"));
        switch (s.compute.kind) {
        case ComputeSpec::Kind::ExistingCluster:
            QVERIFY(existing && !newCluster);
            QCOMPARE(t.value(QLatin1String("existing_cluster_id")).toString(),
                     QStringLiteral("demo-cluster"));
            QVERIFY(!body.contains(QLatin1String("environments")));
            QVERIFY(!t.contains(QLatin1String("environment_key")));
            break;
        case ComputeSpec::Kind::NewJobCluster:
            QVERIFY(newCluster && !existing);
            QCOMPARE(
                t.value(QLatin1String("new_cluster")).toObject(),
                (QJsonObject{{QStringLiteral("spark_version"), QStringLiteral("15.4.x-scala2.12")},
                             {QStringLiteral("node_type_id"), QStringLiteral("Standard_DS3_v2")},
                             {QStringLiteral("num_workers"), 2},
                             {QStringLiteral("runtime_engine"), QStringLiteral("STANDARD")}}));
            QVERIFY(!body.contains(QLatin1String("environments")));
            break;
        case ComputeSpec::Kind::Serverless:
            QVERIFY(!existing && !newCluster);
            QVERIFY(!t.contains(QLatin1String("job_cluster_key")));
            // A Python file needs an environment on serverless; a plain notebook brings its own.
            if (s.isPythonFile()) {
                QCOMPARE(t.value(QLatin1String("environment_key")).toString(),
                         QStringLiteral("default"));
                const QJsonArray envs = body.value(QLatin1String("environments")).toArray();
                QCOMPARE(envs.size(), 1);
                QCOMPARE(
                    envs.first().toObject(),
                    (QJsonObject{{QStringLiteral("environment_key"), QStringLiteral("default")},
                                 {QStringLiteral("spec"),
                                  QJsonObject{{QStringLiteral("environment_version"),
                                               ComputeSpec::DefaultEnvironmentVersion}}}}));
            } else {
                QVERIFY(!t.contains(QLatin1String("environment_key")));
                QVERIFY(!body.contains(QLatin1String("environments")));
            }
            break;
        }
    }

    void serverlessEnvironmentCarriesVersionAndDependencies()
    {
        RunSpec s = shape(ComputeSpec::Kind::Serverless, RunSpec::TaskKind::Notebook,
                          RunSpec::SourceKind::Workspace);
        s.compute.environmentVersion = QStringLiteral("3");
        s.compute.dependencies = {QStringLiteral("pandas==2.2.2"), QStringLiteral(" requests ")};
        QVERIFY(s.validate().isEmpty());
        const QJsonObject body = s.toSubmitBody(QString());
        QCOMPARE(onlyTask(body).value(QLatin1String("environment_key")).toString(),
                 QStringLiteral("default"));
        const QJsonObject spec = body.value(QLatin1String("environments"))
                                     .toArray()
                                     .first()
                                     .toObject()
                                     .value(QLatin1String("spec"))
                                     .toObject();
        QCOMPARE(spec.value(QLatin1String("environment_version")).toString(), QStringLiteral("3"));
        QCOMPARE(spec.value(QLatin1String("dependencies")).toArray(),
                 (QJsonArray{QStringLiteral("pandas==2.2.2"), QStringLiteral("requests")}));
    }

    void newClusterAutoscalePhotonAndSingleNode()
    {
        RunSpec s = shape(ComputeSpec::Kind::NewJobCluster, RunSpec::TaskKind::Notebook,
                          RunSpec::SourceKind::Workspace);
        s.compute.autoscale = true;
        s.compute.minWorkers = 2;
        s.compute.maxWorkers = 8;
        s.compute.photon = true;
        QVERIFY(s.validate().isEmpty());
        QJsonObject cluster =
            onlyTask(s.toSubmitBody(QString())).value(QLatin1String("new_cluster")).toObject();
        QVERIFY(!cluster.contains(QLatin1String("num_workers")));
        QCOMPARE(
            cluster.value(QLatin1String("autoscale")).toObject(),
            (QJsonObject{{QStringLiteral("min_workers"), 2}, {QStringLiteral("max_workers"), 8}}));
        QCOMPARE(cluster.value(QLatin1String("runtime_engine")).toString(),
                 QStringLiteral("PHOTON"));

        s.compute.autoscale = false;
        s.compute.numWorkers = 0;
        QVERIFY(s.validate().isEmpty());
        cluster =
            onlyTask(s.toSubmitBody(QString())).value(QLatin1String("new_cluster")).toObject();
        QCOMPARE(cluster.value(QLatin1String("num_workers")), QJsonValue(0));
        QCOMPARE(cluster.value(QLatin1String("spark_conf"))
                     .toObject()
                     .value(QLatin1String("spark.databricks.cluster.profile"))
                     .toString(),
                 QStringLiteral("singleNode"));
        QCOMPARE(cluster.value(QLatin1String("custom_tags"))
                     .toObject()
                     .value(QLatin1String("ResourceClass"))
                     .toString(),
                 QStringLiteral("SingleNode"));
    }

    void gitReferenceAndProvider()
    {
        RunSpec s = shape(ComputeSpec::Kind::ExistingCluster, RunSpec::TaskKind::Notebook,
                          RunSpec::SourceKind::Git);
        s.git.url = QStringLiteral("https://dev.azure.com/org/project/_git/repo");
        s.git.branch.clear();
        s.git.commit = QStringLiteral("1a2b3c4d");
        QVERIFY(s.validate().isEmpty());
        QCOMPARE(
            s.toSubmitBody(QString()).value(QLatin1String("git_source")).toObject(),
            (QJsonObject{{QStringLiteral("git_url"),
                          QStringLiteral("https://dev.azure.com/org/project/_git/repo")},
                         {QStringLiteral("git_provider"), QStringLiteral("azureDevOpsServices")},
                         {QStringLiteral("git_commit"), QStringLiteral("1a2b3c4d")}}));
        // A provider given in any case is sent in the API's spelling and wins over the URL's.
        s.git.provider = QStringLiteral("GITLABENTERPRISEEDITION");
        QCOMPARE(s.toSubmitBody(QString())
                     .value(QLatin1String("git_source"))
                     .toObject()
                     .value(QLatin1String("git_provider"))
                     .toString(),
                 QStringLiteral("gitLabEnterpriseEdition"));
    }

    void providerFromUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("provider");
        QTest::newRow("github") << "https://github.com/o/r"
                                << "gitHub";
        QTest::newRow("github .git") << "https://github.com/o/r.git"
                                     << "gitHub";
        QTest::newRow("github enterprise") << "https://github.example.com/o/r"
                                           << "gitHubEnterprise";
        QTest::newRow("ghe.com") << "https://acme.ghe.com/o/r"
                                 << "gitHubEnterprise";
        QTest::newRow("gitlab") << "https://gitlab.com/g/r"
                                << "gitLab";
        QTest::newRow("gitlab self-hosted") << "https://gitlab.acme.io/g/r"
                                            << "gitLabEnterpriseEdition";
        QTest::newRow("bitbucket") << "https://bitbucket.org/w/r"
                                   << "bitbucketCloud";
        QTest::newRow("bitbucket server") << "https://bitbucket.acme.io/scm/p/r.git"
                                          << "bitbucketServer";
        QTest::newRow("azure devops") << "https://dev.azure.com/org/p/_git/r"
                                      << "azureDevOpsServices";
        QTest::newRow("azure devops user") << "https://org@dev.azure.com/org/p/_git/r"
                                           << "azureDevOpsServices";
        QTest::newRow("visualstudio.com") << "https://org.visualstudio.com/p/_git/r"
                                          << "azureDevOpsServices";
        QTest::newRow("codecommit") << "https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/r"
                                    << "awsCodeCommit";
        QTest::newRow("unknown host") << "https://git.example.com/r"
                                      << "";
        QTest::newRow("not a url") << "not a url"
                                   << "";
    }
    void providerFromUrl()
    {
        QFETCH(QString, url);
        QFETCH(QString, provider);
        QCOMPARE(GitSource::providerForUrl(url), provider);
    }

    // The issue's "Bad input": each named at its field.
    void badInputNamesTheField_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("expected");
        QTest::newRow("negative workers") << "workers=-1"
                                          << "workers: must not be negative, got -1";
        QTest::newRow("autoscale min > max")
            << "autoscale=5:2"
            << "autoscale: min workers (5) is more than max workers (2)";
        QTest::newRow("autoscale max 0") << "autoscale=0:0"
                                         << "autoscale: max workers must be at least 1";
        QTest::newRow("autoscale negative min") << "autoscale=-1:3"
                                                << "autoscale: min workers must not be negative";
        QTest::newRow("no runtime") << "runtime="
                                    << "runtime: is empty";
        QTest::newRow("bad runtime") << "runtime=15.4 LTS"
                                     << "runtime: \"15.4 LTS\" is not a runtime key";
        QTest::newRow("no node type") << "node="
                                      << "node type: is empty";
        QTest::newRow("git url not a url") << "giturl=github.com/o/r"
                                           << "git URL: \"github.com/o/r\" is not a URL";
        QTest::newRow("git url ssh") << "giturl=git@github.com:o/r.git"
                                     << "git URL: \"git@github.com:o/r.git\" is not a URL";
        QTest::newRow("git url empty") << "giturl="
                                       << "git URL: is empty";
        QTest::newRow("unknown host, no provider") << "giturl=https://git.example.com/o/r"
                                                   << "git provider: cannot tell from the URL";
        QTest::newRow("unknown provider") << "provider=sourceforge"
                                          << "git provider: \"sourceforge\" is not one of gitHub";
        QTest::newRow("branch and tag")
            << "tag=v1"
            << "git reference: give one of branch, tag or commit, not branch and tag";
        QTest::newRow("no reference") << "branch="
                                      << "git reference: give a branch, a tag or a commit";
        QTest::newRow("bad branch") << "branch=feature..x"
                                    << "git branch: \"feature..x\" is not a branch name";
        QTest::newRow("bad commit") << "commit=xyz"
                                    << "git commit: \"xyz\" is not a commit hash";
        QTest::newRow("absolute path in git")
            << "gitpath=/Repos/x/etl"
            << "notebook path: must be relative to the Git repository";
        QTest::newRow("path leaving the repo")
            << "gitpath=../etl"
            << "notebook path: must stay inside the Git repository";
        QTest::newRow("relative python file in workspace")
            << "python=etl.py"
            << "python file: must be absolute (start with /) or a URI";
        QTest::newRow("python file folder") << "python=/Shared/"
                                            << "python file: names a folder, not a file";
        QTest::newRow("python with named parameters")
            << "python+params"
            << "parameter: a Python file takes arguments, not named parameters";
        QTest::newRow("notebook with arguments")
            << "notebook+args"
            << "argument: a notebook takes named parameters, not arguments";
        QTest::newRow("environment version")
            << "env=four"
            << "environment version: \"four\" is not a version number";
        QTest::newRow("empty dependency") << "dep= "
                                          << "dependency: a dependency is empty";
    }
    void badInputNamesTheField()
    {
        QFETCH(QString, what);
        QFETCH(QString, expected);
        const QString key = what.section(QLatin1Char('='), 0, 0);
        const QString value = what.section(QLatin1Char('='), 1);
        RunSpec s = shape(ComputeSpec::Kind::NewJobCluster, RunSpec::TaskKind::Notebook,
                          RunSpec::SourceKind::Workspace);
        if (key == QLatin1String("workers")) {
            s.compute.numWorkers = value.toInt();
        } else if (key == QLatin1String("autoscale")) {
            s.compute.autoscale = true;
            s.compute.minWorkers = value.section(QLatin1Char(':'), 0, 0).toInt();
            s.compute.maxWorkers = value.section(QLatin1Char(':'), 1).toInt();
        } else if (key == QLatin1String("runtime")) {
            s.compute.sparkVersion = value;
        } else if (key == QLatin1String("node")) {
            s.compute.nodeTypeId = value;
        } else if (key == QLatin1String("env") || key == QLatin1String("dep")) {
            s = shape(ComputeSpec::Kind::Serverless, RunSpec::TaskKind::Notebook,
                      RunSpec::SourceKind::Workspace);
            if (key == QLatin1String("env"))
                s.compute.environmentVersion = value;
            else
                s.compute.dependencies = {value};
        } else if (key.startsWith(QLatin1String("python"))) {
            s = shape(ComputeSpec::Kind::ExistingCluster, RunSpec::TaskKind::PythonFile,
                      RunSpec::SourceKind::Workspace);
            if (key == QLatin1String("python+params"))
                s.parameters = {{QStringLiteral("a"), QStringLiteral("b")}};
            else
                s.pythonFile = value;
        } else if (key == QLatin1String("notebook+args")) {
            s.pythonArguments = {QStringLiteral("x")};
        } else {
            s = shape(ComputeSpec::Kind::ExistingCluster, RunSpec::TaskKind::Notebook,
                      RunSpec::SourceKind::Git);
            if (key == QLatin1String("giturl"))
                s.git.url = value;
            else if (key == QLatin1String("provider"))
                s.git.provider = value;
            else if (key == QLatin1String("tag"))
                s.git.tag = value;
            else if (key == QLatin1String("branch"))
                s.git.branch = value;
            else if (key == QLatin1String("commit")) {
                s.git.branch.clear();
                s.git.commit = value;
            } else if (key == QLatin1String("gitpath"))
                s.notebookPath = value;
        }
        const QStringList problems = s.validate();
        QVERIFY2(problems.size() == 1, qPrintable(problems.join(QLatin1Char('\n'))));
        QVERIFY2(problems.first().startsWith(expected), qPrintable(problems.first()));
    }

    // The cluster id only matters on an existing cluster; the cluster's fields only on a new one.
    void fieldsOfOtherKindsAreIgnored()
    {
        RunSpec s = shape(ComputeSpec::Kind::Serverless, RunSpec::TaskKind::Notebook,
                          RunSpec::SourceKind::Workspace);
        s.clusterId = QStringLiteral("not a cluster!");
        s.compute.numWorkers = -3;
        QVERIFY2(s.validate().isEmpty(), qPrintable(s.validate().join(QLatin1Char('\n'))));
        s.git.url = QStringLiteral("nonsense"); // the workspace source ignores it
        QVERIFY(s.validate().isEmpty());
        QVERIFY(!s.toSubmitBody(QString()).contains(QLatin1String("git_source")));
        s.compute.kind = ComputeSpec::Kind::ExistingCluster;
        QCOMPARE(s.validate().size(), 1);
        QVERIFY(s.validate().first().startsWith(QLatin1String("cluster:")));
    }

    void shortText_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("runtimeName");
        QTest::addColumn<QString>("expected");
        QTest::newRow("existing") << "{}"
                                  << ""
                                  << "";
        QTest::newRow("serverless") << R"({"kind":"serverless"})"
                                    << ""
                                    << "Serverless";
        QTest::newRow("serverless env deps")
            << R"({"kind":"serverless","environmentVersion":"3","dependencies":["a","b"]})"
            << ""
            << "Serverless · env 3 · a +1";
        QTest::newRow("new, name known")
            << R"({"kind":"newJobCluster","sparkVersion":"15.4.x-scala2.12","nodeTypeId":"Standard_DS3_v2","numWorkers":2,"photon":false})"
            << "15.4 LTS (includes Apache Spark 3.5.0, Scala 2.12)"
            << "New: 15.4 LTS · DS3_v2 × 2";
        QTest::newRow("new, key only, autoscale, photon")
            << R"({"kind":"newJobCluster","sparkVersion":"16.2.x-cpu-ml-scala2.12","nodeTypeId":"Standard_E8s_v3","minWorkers":2,"maxWorkers":8,"photon":true})"
            << ""
            << "New: 16.2 ML · E8s_v3 × 2–8 · Photon";
        QTest::newRow("odd key")
            << R"({"kind":"newJobCluster","sparkVersion":"custom","nodeTypeId":"m5.large","numWorkers":0})"
            << ""
            << "New: custom · m5.large × 0";
    }
    void shortText()
    {
        QFETCH(QString, json);
        QFETCH(QString, runtimeName);
        QFETCH(QString, expected);
        ComputeSpec c;
        QStringList errors;
        QVERIFY2(
            ComputeSpec::fromJson(QJsonDocument::fromJson(json.toUtf8()).object(), &c, &errors),
            qPrintable(errors.join(QLatin1Char('\n'))));
        QCOMPARE(c.shortText(runtimeName), expected);
    }

    void computeAndGitJsonRoundTrip()
    {
        for (const auto kind : {ComputeSpec::Kind::ExistingCluster, ComputeSpec::Kind::Serverless,
                                ComputeSpec::Kind::NewJobCluster}) {
            ComputeSpec c =
                shape(kind, RunSpec::TaskKind::Notebook, RunSpec::SourceKind::Workspace).compute;
            c.dependencies = {QStringLiteral("pandas")};
            c.environmentVersion = QStringLiteral("2");
            c.photon = true;
            ComputeSpec back;
            QVERIFY(ComputeSpec::fromJson(c.toJson(), &back, nullptr));
            QVERIFY(back == c);
            c.autoscale = true;
            c.minWorkers = 1;
            c.maxWorkers = 4;
            QVERIFY(ComputeSpec::fromJson(c.toJson(), &back, nullptr));
            QVERIFY(back == c);
        }
        GitSource g;
        g.url = QStringLiteral("https://gitlab.com/g/r");
        g.tag = QStringLiteral("v1.2");
        GitSource gitBack;
        QVERIFY(GitSource::fromJson(g.toJson(), &gitBack, nullptr));
        QVERIFY(gitBack == g);
        QCOMPARE(gitBack.referenceText(), QStringLiteral("tag v1.2"));
    }

    void badJsonNamesTheField_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("kind")
            << R"({"kind":"gpu"})"
            << "compute.kind: must be \"serverless\" or \"newJobCluster\", got \"gpu\"";
        QTest::newRow("workers type")
            << R"({"kind":"newJobCluster","sparkVersion":"a","nodeTypeId":"b","numWorkers":"2"})"
            << "compute.numWorkers: must be a whole number, got a string";
        QTest::newRow("both sizes")
            << R"({"kind":"newJobCluster","sparkVersion":"a","nodeTypeId":"b","numWorkers":2,"maxWorkers":3})"
            << "compute.numWorkers: give numWorkers or minWorkers and maxWorkers, not both";
        QTest::newRow("unknown") << R"({"kind":"serverless","token":"x"})"
                                 << "compute.token: unknown field";
        QTest::newRow("dependency type")
            << R"({"kind":"serverless","dependencies":[1]})"
            << "compute.dependencies[0]: must be a string, got a number";
        QTest::newRow("missing runtime") << R"({"kind":"newJobCluster","nodeTypeId":"b"})"
                                         << "compute.sparkVersion: is missing";
    }
    void badJsonNamesTheField()
    {
        QFETCH(QString, json);
        QFETCH(QString, expected);
        QStringList errors;
        ComputeSpec c;
        QVERIFY(
            !ComputeSpec::fromJson(QJsonDocument::fromJson(json.toUtf8()).object(), &c, &errors));
        QVERIFY2(errors.contains(expected), qPrintable(errors.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(tst_RunSpecShapes)
#include "tst_runspecshapes.moc"
