// SPDX-License-Identifier: Apache-2.0
// The workspace definition: the built-in demo and the errors a user's file gets.

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

QTEST_GUILESS_MAIN(TestWorkspaceDefinition)
#include "tst_workspacedefinition.moc"
