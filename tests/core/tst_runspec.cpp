#include "model/RunSpec.h"

#include <QJsonArray>
#include <QTest>

using namespace Brickrun;

class tst_RunSpec : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validSpec()
    {
        RunSpec s;
        s.notebookPath = QStringLiteral("/Shared/Demo/hello");
        s.clusterId = QStringLiteral("0923-164208-abcd123");
        QVERIFY(s.validate().isEmpty());
    }
    void problemsNameTheField_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("cluster");
        QTest::addColumn<QString>("taskKey");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty path") << ""
                                    << "c"
                                    << "main"
                                    << "notebook path: is empty";
        QTest::newRow("relative path") << "Shared/x"
                                       << "c"
                                       << "main"
                                       << "notebook path: must be absolute";
        QTest::newRow("folder") << "/Shared/"
                                << "c"
                                << "main"
                                << "notebook path: names a folder";
        QTest::newRow("empty cluster") << "/a"
                                       << " "
                                       << "main"
                                       << "cluster: is empty";
        QTest::newRow("bad cluster") << "/a"
                                     << "my cluster!"
                                     << "main"
                                     << "cluster: \"my cluster!\" is not";
        QTest::newRow("empty key") << "/a"
                                   << "c"
                                   << ""
                                   << "task key: is empty";
        QTest::newRow("bad key") << "/a"
                                 << "c"
                                 << "a b"
                                 << "task key: \"a b\" may only";
        QTest::newRow("long key") << "/a"
                                  << "c" << QString(101, QLatin1Char('k')) << "task key: longer";
    }
    void problemsNameTheField()
    {
        QFETCH(QString, path);
        QFETCH(QString, cluster);
        QFETCH(QString, taskKey);
        QFETCH(QString, expected);
        RunSpec s;
        s.notebookPath = path;
        s.clusterId = cluster;
        s.taskKey = taskKey;
        const QStringList problems = s.validate();
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().startsWith(expected), qPrintable(problems.first()));
    }
    void duplicateAndNamelessParameters()
    {
        RunSpec s;
        s.notebookPath = QStringLiteral("/a");
        s.clusterId = QStringLiteral("c");
        s.parameters = {{QStringLiteral("date"), QStringLiteral("1")},
                        {QStringLiteral("date"), QStringLiteral("2")},
                        {QString(), QStringLiteral("x")}};
        const QStringList problems = s.validate();
        QCOMPARE(problems.size(), 2);
        QVERIFY(
            problems.join(QLatin1Char('|')).contains(QStringLiteral("\"date\" is given twice")));
    }
    void submitBody()
    {
        RunSpec s;
        s.notebookPath = QStringLiteral(" /Shared/Demo/echo_params ");
        s.clusterId = QStringLiteral("demo-cluster");
        s.parameters = {{QStringLiteral("date"), QStringLiteral("2026-11-26")}};
        const QJsonObject body = s.toSubmitBody(QStringLiteral("tok-1"));
        QCOMPARE(body.value(QLatin1String("run_name")).toString(),
                 QStringLiteral("echo_params (Brickrun)"));
        QCOMPARE(body.value(QLatin1String("idempotency_token")).toString(),
                 QStringLiteral("tok-1"));
        QVERIFY(
            body.value(QLatin1String("queue")).toObject().value(QLatin1String("enabled")).toBool());
        const QJsonObject task = body.value(QLatin1String("tasks")).toArray().first().toObject();
        QCOMPARE(task.value(QLatin1String("task_key")).toString(), QStringLiteral("main"));
        QCOMPARE(task.value(QLatin1String("existing_cluster_id")).toString(),
                 QStringLiteral("demo-cluster"));
        const QJsonObject nb = task.value(QLatin1String("notebook_task")).toObject();
        QCOMPARE(nb.value(QLatin1String("notebook_path")).toString(),
                 QStringLiteral("/Shared/Demo/echo_params"));
        QCOMPARE(nb.value(QLatin1String("source")).toString(), QStringLiteral("WORKSPACE"));
        QCOMPARE(nb.value(QLatin1String("base_parameters"))
                     .toObject()
                     .value(QLatin1String("date"))
                     .toString(),
                 QStringLiteral("2026-11-26"));
        QVERIFY(!RunSpec().toSubmitBody(QString()).contains(QLatin1String("idempotency_token")));
    }
};

QTEST_GUILESS_MAIN(tst_RunSpec)
#include "tst_runspec.moc"
