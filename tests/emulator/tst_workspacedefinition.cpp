// SPDX-License-Identifier: Apache-2.0
// The workspace definition: the built-in demo and the errors a user's file gets.

#include "ClusterCatalogue.h"
#include "GitRepositories.h"
#include "WorkspaceDefinition.h"

#include <QFile>
#include <QTest>

using namespace Brickrun::Emulator;

class TestWorkspaceDefinition : public QObject
{
    Q_OBJECT

private slots:
    void builtInDemoWorkspace();
    void invalidDefinitions_data();
    void invalidDefinitions();
    void missingFile();
    void catalogueOfAFileWithoutLists();
};

namespace {

QByteArray
minimal(const QByteArray &clusters = QByteArray(R"([{"cluster_id":"c1","cluster_name":"One"}])"),
        const QByteArray &objects = QByteArray("[]"), const QByteArray &extra = QByteArray())
{
    return R"({"format_version":1,"workspace_id":42,"user":{"user_name":"u@example.com",)"
           R"("display_name":"U","id":"1"},"clusters":)" +
           clusters + R"(,"objects":)" + objects + extra + "}";
}

} // namespace

void TestWorkspaceDefinition::builtInDemoWorkspace()
{
    QFile file(QStringLiteral(BRICKRUN_SOURCE_DIR "/resources/demo-workspace.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    WorkspaceDefinition workspace;
    QString error;
    QVERIFY2(workspace.load(file.readAll(), &error), qPrintable(error));
    QCOMPARE(workspace.userName(), QStringLiteral("demo@example.com"));
    QVERIFY(workspace.cluster(QStringLiteral("demo-cluster")));
    QCOMPARE(workspace.cluster(QStringLiteral("demo-cluster"))->state, QStringLiteral("RUNNING"));
    QCOMPARE(workspace.cluster(QStringLiteral("demo-cluster-cold"))->state,
             QStringLiteral("TERMINATED"));
    const WorkspaceObject *hello = workspace.object(QStringLiteral("/Shared/Demo/hello"));
    QVERIFY(hello);
    QCOMPARE(hello->objectType, QStringLiteral("NOTEBOOK"));
    QVERIFY(hello->behaviour.hasResult);
    const double total = hello->behaviour.pendingSeconds + hello->behaviour.runningSeconds +
                         hello->behaviour.terminatingSeconds;
    QVERIFY(total >= 3 && total <= 10);
    QCOMPARE(workspace.object(QStringLiteral("/Shared/Demo/failing"))->behaviour.outcome,
             QStringLiteral("FAILED"));
    QVERIFY(workspace.object(QStringLiteral("/Shared/Demo/big_output"))
                ->behaviour.resultGeneratedBytes > 5 * 1024 * 1024);
    QCOMPARE(workspace.object(QStringLiteral("/Shared/Demo/"))->objectType,
             QStringLiteral("DIRECTORY"));
    QVERIFY(workspace.children(QStringLiteral("/Shared/Many")).size() >= 200);
    QVERIFY(workspace.children(QStringLiteral("/Users/demo@example.com/empty")).isEmpty());

    // Python files, runtime versions, node types and Git repositories.
    const WorkspaceObject *etl = workspace.object(QStringLiteral("/Shared/Demo/etl_job.py"));
    QVERIFY(etl);
    QCOMPARE(etl->objectType, QStringLiteral("FILE"));
    QVERIFY(etl->behaviour.logs.contains(QLatin1String("{args}")));
    QVERIFY(workspace.catalogue().hasSparkVersion(QStringLiteral("15.4.x-scala2.12")));
    QVERIFY(!workspace.catalogue().hasSparkVersion(QStringLiteral("15.4.x")));
    QVERIFY(workspace.catalogue().hasNodeType(QStringLiteral("Standard_DS3_v2")));
    // Every cluster of the workspace is made of what the lists offer.
    for (const ClusterDefinition &c : workspace.clusters()) {
        QVERIFY2(workspace.catalogue().hasSparkVersion(c.sparkVersion), qPrintable(c.sparkVersion));
        QVERIFY2(workspace.catalogue().hasNodeType(c.nodeTypeId), qPrintable(c.nodeTypeId));
    }
    QVERIFY(workspace.gitRepositories().repositories().size() >= 2);
    QVERIFY(workspace.gitRepositories().repository(
        QStringLiteral("HTTPS://GitHub.com/brickrun-demo/analytics.git/")));
}

void TestWorkspaceDefinition::invalidDefinitions_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("not json") << QByteArray("{") << QStringLiteral("not valid JSON");
    QTest::newRow("array") << QByteArray("[]")
                           << QStringLiteral("the top level must be a JSON object");
    QTest::newRow("version") << QByteArray(R"({"format_version":2})")
                             << QStringLiteral("format_version: expected 1");
    QTest::newRow("workspace id") << QByteArray(R"({"format_version":1,"workspace_id":"x"})")
                                  << QStringLiteral("workspace_id: expected a positive integer");
    QTest::newRow("user name")
        << QByteArray(
               R"({"format_version":1,"workspace_id":1,"user":{"display_name":"U","id":"1"}})")
        << QStringLiteral("user.user_name: required");
    QTest::newRow("no clusters") << minimal("[]")
                                 << QStringLiteral("clusters: expected a non-empty array");
    QTest::newRow("cluster state")
        << minimal(R"([{"cluster_id":"c1","cluster_name":"One","state":"BROKEN"}])")
        << QStringLiteral("clusters[0].state: expected one of RUNNING, TERMINATED, got 'BROKEN'");
    QTest::newRow("duplicate cluster")
        << minimal(
               R"([{"cluster_id":"c1","cluster_name":"A"},{"cluster_id":"c1","cluster_name":"B"}])")
        << QStringLiteral("clusters[1].cluster_id: duplicate id 'c1'");
    QTest::newRow("relative path") << minimal(R"([{"cluster_id":"c1","cluster_name":"One"}])",
                                              R"([{"path":"x/y","object_type":"NOTEBOOK"}])")
                                   << QStringLiteral("objects[0].path: expected an absolute path");
    QTest::newRow("object type") << minimal(R"([{"cluster_id":"c1","cluster_name":"One"}])",
                                            R"([{"path":"/x","object_type":"NOTE"}])")
                                 << QStringLiteral("objects[0].object_type: expected one of");
    QTest::newRow("outcome")
        << minimal(R"([{"cluster_id":"c1","cluster_name":"One"}])",
                   R"([{"path":"/x","object_type":"NOTEBOOK","run":{"outcome":"MAYBE"}}])")
        << QStringLiteral("objects[0].run.outcome: expected one of SUCCESS, FAILED, "
                          "INTERNAL_ERROR, SKIPPED, got 'MAYBE'");
    QTest::newRow("negative duration")
        << minimal(R"([{"cluster_id":"c1","cluster_name":"One"}])",
                   R"([{"path":"/x","object_type":"NOTEBOOK","run":{"running_seconds":-1}}])")
        << QStringLiteral("objects[0].run.running_seconds: expected a number of seconds >= 0");
    QTest::newRow("unknown behaviour field")
        << minimal(R"([{"cluster_id":"c1","cluster_name":"One"}])",
                   R"([{"path":"/x","object_type":"NOTEBOOK","run":{"reslt":"typo"}}])")
        << QStringLiteral("objects[0].run.reslt: unknown field");
    QTest::newRow("failed attempts")
        << minimal(R"([{"cluster_id":"c1","cluster_name":"One"}])",
                   R"([{"path":"/x","object_type":"NOTEBOOK","run":{"failed_attempts":1.5}}])")
        << QStringLiteral("objects[0].run.failed_attempts: expected an integer between 0 and 100");
    QTest::newRow("termination code")
        << minimal(R"([{"cluster_id":"c1","cluster_name":"One"}])",
                   R"([{"path":"/x","object_type":"NOTEBOOK","run":{"termination_code":"oops"}}])")
        << QStringLiteral("objects[0].run.termination_code: expected an upper-case name");
    QTest::newRow("status only")
        << minimal(R"([{"cluster_id":"c1","cluster_name":"One"}])",
                   R"([{"path":"/x","object_type":"NOTEBOOK","run":{"status_only":"yes"}}])")
        << QStringLiteral("objects[0].run.status_only: expected true or false");
    QTest::newRow("twice")
        << minimal(R"([{"cluster_id":"c1","cluster_name":"One"}])",
                   R"([{"path":"/x","object_type":"FILE"},{"path":"/x","object_type":"FILE"}])")
        << QStringLiteral("objects[1].path: '/x' is defined twice");
    QTest::newRow("inside a file")
        << minimal(R"([{"cluster_id":"c1","cluster_name":"One"}])",
                   R"([{"path":"/x","object_type":"FILE"},{"path":"/x/y","object_type":"FILE"}])")
        << QStringLiteral("objects[1].path: the parent '/x' is not a folder");
    const QByteArray c1 = R"([{"cluster_id":"c1","cluster_name":"One"}])";
    QTest::newRow("language of a file")
        << minimal(c1, R"([{"path":"/x.py","object_type":"FILE","language":"PYTHON"}])")
        << QStringLiteral("objects[0]: only notebooks and files have a run behaviour, only "
                          "notebooks a language");
    QTest::newRow("spark version without name")
        << minimal(c1, "[]", R"(,"spark_versions":[{"key":"15.4.x-scala2.12"}])")
        << QStringLiteral("spark_versions[0]: expected an object with a non-empty key and name");
    QTest::newRow("duplicate spark version")
        << minimal(c1, "[]", R"(,"spark_versions":[{"key":"a","name":"A"},{"key":"a","name":"B"}])")
        << QStringLiteral("spark_versions[1].key: duplicate 'a'");
    QTest::newRow("node type without cores")
        << minimal(c1, "[]", R"(,"node_types":[{"node_type_id":"n","memory_mb":1024}])")
        << QStringLiteral("node_types[0]: memory_mb and num_cores must be numbers > 0");
    const QByteArray sha = "0123456789abcdef0123456789abcdef01234567";
    QTest::newRow("git url")
        << minimal(c1, "[]", R"(,"git_repositories":[{"url":"github.com/x","provider":"gitHub"}])")
        << QStringLiteral("git_repositories[0].url: expected an http(s) URL");
    QTest::newRow("git provider")
        << minimal(c1, "[]",
                   R"(,"git_repositories":[{"url":"https://h/x","provider":"github.com"}])")
        << QStringLiteral("git_repositories[0].provider: expected one of gitHub");
    QTest::newRow("git commit")
        << minimal(c1, "[]",
                   R"(,"git_repositories":[{"url":"https://h/x","provider":"gitHub",)"
                   R"("commits":["abc"]}])")
        << QStringLiteral("git_repositories[0].commits: expected 40 lower-case hex digits");
    QTest::newRow("git branch of another commit")
        << minimal(c1, "[]",
                   R"(,"git_repositories":[{"url":"https://h/x","provider":"gitHub",)"
                   R"("commits":[")" +
                       sha + R"("],"branches":{"main":"f)" + sha.mid(1) + R"("}}])")
        << QStringLiteral("git_repositories[0].branches.main: expected one of the repository's "
                          "commits");
    QTest::newRow("git object with an absolute path")
        << minimal(c1, "[]",
                   R"(,"git_repositories":[{"url":"https://h/x","provider":"gitHub",)"
                   R"("commits":[")" +
                       sha + R"("],"branches":{"main":")" + sha +
                       R"("},"objects":[{"path":"/a.py","object_type":"FILE"}]}])")
        << QStringLiteral("git_repositories[0].objects[0].path: expected a path relative to the "
                          "repository root");
    QTest::newRow("generator count")
        << minimal(R"([{"cluster_id":"c1","cluster_name":"One"}])", "[]",
                   R"(,"generated_notebooks":[{"folder":"/g","count":0}])")
        << QStringLiteral("generated_notebooks[0].count: expected an integer 1..10000");
}

void TestWorkspaceDefinition::invalidDefinitions()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    WorkspaceDefinition workspace;
    QString reason;
    QVERIFY(!workspace.load(json, &reason));
    QVERIFY2(reason.startsWith(error), qPrintable(reason));
}

void TestWorkspaceDefinition::missingFile()
{
    WorkspaceDefinition workspace;
    QString reason;
    QVERIFY(!workspace.loadFile(QStringLiteral("/nonexistent/ws.json"), &reason));
    QVERIFY2(reason.contains(QStringLiteral("/nonexistent/ws.json")), qPrintable(reason));
}

// A user's definition without spark_versions and node_types offers what its clusters use.
void TestWorkspaceDefinition::catalogueOfAFileWithoutLists()
{
    WorkspaceDefinition workspace;
    QString reason;
    QVERIFY2(workspace.load(minimal(R"([{"cluster_id":"c1","cluster_name":"One",)"
                                    R"("spark_version":"13.3.x-scala2.12","node_type_id":"N1"}])"),
                            &reason),
             qPrintable(reason));
    QVERIFY(workspace.catalogue().hasSparkVersion(QStringLiteral("13.3.x-scala2.12")));
    QCOMPARE(workspace.catalogue().nodeTypeIds(), QStringList{QStringLiteral("N1")});
    QVERIFY(!workspace.catalogue().hasSparkVersion(QStringLiteral("15.4.x-scala2.12")));
    QVERIFY(workspace.gitRepositories().repositories().isEmpty());
}

QTEST_GUILESS_MAIN(TestWorkspaceDefinition)
#include "tst_workspacedefinition.moc"
