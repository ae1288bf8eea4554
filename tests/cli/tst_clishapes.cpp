// SPDX-License-Identifier: Apache-2.0
// Issue 18 from the command line: each compute kind (existing cluster, serverless, new job
// cluster) × each task kind (notebook, Python file) × each source (workspace, Git), the real
// brickrun-cli against the demo workspace over loopback HTTP; and the bad input it refuses with
// exit 2 before anything is sent.
#include "CliProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using Brickrun::Test::CliRun;

namespace {

const QString GitRepo = QStringLiteral("https://github.com/brickrun-demo/analytics");

QStringList computeArgs(const QString &compute)
{
    if (compute == QLatin1String("cluster"))
        return {QStringLiteral("--cluster"), QStringLiteral("demo-cluster")};
    if (compute == QLatin1String("serverless"))
        return {QStringLiteral("--serverless")};
    return {QStringLiteral("--new-cluster-runtime"),
            QStringLiteral("15.4.x-scala2.12"),
            QStringLiteral("--node-type"),
            QStringLiteral("Standard_DS3_v2"),
            QStringLiteral("--workers"),
            QStringLiteral("2")};
}

QStringList taskArgs(const QString &task, bool git)
{
    if (task == QLatin1String("notebook"))
        return {QStringLiteral("--notebook"), git ? QStringLiteral("notebooks/daily_report")
                                                  : QStringLiteral("/Shared/Demo/hello")};
    return {QStringLiteral("--python-file"),
            git ? QStringLiteral("jobs/etl_job.py") : QStringLiteral("/Shared/Demo/etl_job.py"),
            QStringLiteral("--arg=--date"), QStringLiteral("--arg"), QStringLiteral("2026-12-02")};
}

} // namespace

class tst_CliShapes : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_home;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = Brickrun::Test::isolatedEnvironment(m_home.path());
        env.insert(QStringLiteral("BRICKRUN_DEMO_SPEED"), QStringLiteral("20"));
        return env;
    }
    CliRun cli(const QStringList &args) const
    {
        return Brickrun::Test::runCli(args, environment());
    }
    int runsInHistory() const
    {
        const CliRun r = cli({QStringLiteral("runs"), QStringLiteral("--json")});
        return int(QJsonDocument::fromJson(r.out).array().size());
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_home.isValid()); }

    void everyShapeRunsOnTheDemo_data()
    {
        QTest::addColumn<QString>("compute");
        QTest::addColumn<QString>("task");
        QTest::addColumn<bool>("git");
        for (const char *compute : {"cluster", "serverless", "new"}) {
            for (const char *task : {"notebook", "python"}) {
                for (const bool git : {false, true}) {
                    QTest::newRow(qPrintable(
                        QStringLiteral("%1 %2 %3")
                            .arg(QLatin1String(compute), QLatin1String(task),
                                 git ? QStringLiteral("git") : QStringLiteral("workspace"))))
                        << QString::fromLatin1(compute) << QString::fromLatin1(task) << git;
                }
            }
        }
    }
    void everyShapeRunsOnTheDemo()
    {
        QFETCH(QString, compute);
        QFETCH(QString, task);
        QFETCH(bool, git);
        QStringList args{QStringLiteral("submit"), QStringLiteral("--demo"),
                         QStringLiteral("--json")};
        args << taskArgs(task, git) << computeArgs(compute);
        if (git)
            args << QStringLiteral("--git-url") << GitRepo << QStringLiteral("--git-branch")
                 << QStringLiteral("main");
        const int before = runsInHistory();
        const CliRun r = cli(args);
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QLatin1String("resultState")).toString(), QStringLiteral("SUCCESS"));

        // The output the task kind has: a notebook's result, a Python file's logs.
        if (task == QLatin1String("notebook")) {
            QVERIFY2(o.value(QLatin1String("notebookResult")).isString(), r.out.constData());
            QVERIFY(o.value(QLatin1String("logs")).isNull());
        } else {
            const QString logs = o.value(QLatin1String("logs")).toString();
            QVERIFY2(logs.contains(QLatin1String("--date")) &&
                         logs.contains(QLatin1String("2026-12-02")),
                     r.out.constData());
            QCOMPARE(o.value(QLatin1String("logsTruncated")), QJsonValue(false));
            QVERIFY(o.value(QLatin1String("notebookResult")).isNull());
        }

        // What was asked is echoed.
        const QJsonObject spec = o.value(QLatin1String("spec")).toObject();
        QCOMPARE(spec.value(QLatin1String("taskKind")).toString(),
                 task == QLatin1String("notebook") ? QStringLiteral("notebook")
                                                   : QStringLiteral("pythonFile"));
        QCOMPARE(spec.value(QLatin1String("source")).toString(),
                 git ? QStringLiteral("git") : QStringLiteral("workspace"));
        const QJsonObject c = spec.value(QLatin1String("compute")).toObject();
        const QString kind = c.value(QLatin1String("kind")).toString();
        if (compute == QLatin1String("cluster")) {
            QCOMPARE(kind, QStringLiteral("existingCluster"));
            QCOMPARE(c.value(QLatin1String("clusterId")).toString(),
                     QStringLiteral("demo-cluster"));
        } else if (compute == QLatin1String("serverless")) {
            QCOMPARE(kind, QStringLiteral("serverless"));
            QCOMPARE(c.value(QLatin1String("summary")).toString(), QStringLiteral("Serverless"));
        } else {
            QCOMPARE(kind, QStringLiteral("newJobCluster"));
            QCOMPARE(c.value(QLatin1String("numWorkers")).toInt(), 2);
            // The runtime's name came from the workspace's list, checked before the submit.
            QCOMPARE(c.value(QLatin1String("summary")).toString(),
                     QStringLiteral("New: 15.4 LTS · DS3_v2 × 2"));
        }
        if (git)
            QCOMPARE(spec.value(QLatin1String("git"))
                         .toObject()
                         .value(QLatin1String("git_provider"))
                         .toString(),
                     QStringLiteral("gitHub"));

        // The history keeps the run with its shape: the compute shows as the Cluster column
        // will, the output as the task gave it.
        QCOMPARE(runsInHistory(), before + 1);
        const CliRun runs = cli({QStringLiteral("runs"), QStringLiteral("--json")});
        const QJsonObject newest = QJsonDocument::fromJson(runs.out).array().first().toObject();
        QCOMPARE(newest.value(QLatin1String("runId")), o.value(QLatin1String("runId")));
        QCOMPARE(newest.value(QLatin1String("compute")).toString(),
                 compute == QLatin1String("cluster")
                     ? QStringLiteral("demo-cluster")
                     : c.value(QLatin1String("summary")).toString());
        QCOMPARE(newest.value(QLatin1String("notebookPath")).toString(), taskArgs(task, git).at(1));
        // Only a run on an existing cluster has a cluster id (the column sorts and filters on it).
        QCOMPARE(newest.value(QLatin1String("clusterId")).toString(),
                 compute == QLatin1String("cluster") ? QStringLiteral("demo-cluster") : QString());
        if (task != QLatin1String("notebook"))
            QCOMPARE(newest.value(QLatin1String("logs")), o.value(QLatin1String("logs")));
    }

    // A Python file's logs are shown as text without --json.
    void pythonLogsAsText()
    {
        const CliRun r = cli(
            {QStringLiteral("submit"), QStringLiteral("--demo"), QStringLiteral("--python-file"),
             QStringLiteral("/Shared/Demo/etl_job.py"), QStringLiteral("--serverless"),
             QStringLiteral("--dependency"), QStringLiteral("pandas==2.2.2")});
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        QVERIFY2(r.out.contains("Logs:\n"), r.out.constData());
        QVERIFY2(!r.out.contains("dbutils.notebook.exit"), r.out.constData());
        QVERIFY2(r.err.contains("on Serverless · pandas==2.2.2"), r.err.constData());
    }

    // Bad input: exit 2 with the reason, and nothing sent (no run in the history).
    void badInputIsRefusedBeforeAnythingIsSent_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("reason");
        const QStringList nb{QStringLiteral("--notebook"), QStringLiteral("/Shared/Demo/hello")};
        const QStringList newCluster{
            QStringLiteral("--new-cluster-runtime"), QStringLiteral("15.4.x-scala2.12"),
            QStringLiteral("--node-type"), QStringLiteral("Standard_DS3_v2")};
        QTest::newRow("runtime not offered")
            << (nb + QStringList{QStringLiteral("--new-cluster-runtime"),
                                 QStringLiteral("9.9.x-scala2.12"), QStringLiteral("--node-type"),
                                 QStringLiteral("Standard_DS3_v2")})
            << "runtime: \"9.9.x-scala2.12\" is not a runtime this workspace offers (";
        QTest::newRow("node type not offered")
            << (nb + QStringList{QStringLiteral("--new-cluster-runtime"),
                                 QStringLiteral("15.4.x-scala2.12"), QStringLiteral("--node-type"),
                                 QStringLiteral("Standard_Nope")})
            << "node type: \"Standard_Nope\" is not a node type this workspace offers (";
        QTest::newRow("negative workers")
            << (nb + newCluster + QStringList{QStringLiteral("--workers"), QStringLiteral("-1")})
            << "--workers \"-1\": expected a whole number of workers";
        QTest::newRow("autoscale min above max")
            << (nb + newCluster + QStringList{QStringLiteral("--autoscale"), QStringLiteral("5:2")})
            << "autoscale: min workers (5) is more than max workers (2)";
        QTest::newRow("workers without a new cluster")
            << (nb + QStringList{QStringLiteral("--serverless"), QStringLiteral("--workers"),
                                 QStringLiteral("2")})
            << "--workers: only with --new-cluster-runtime";
        QTest::newRow("git url not a url")
            << QStringList{QStringLiteral("--notebook"),
                           QStringLiteral("notebooks/daily_report"),
                           QStringLiteral("--serverless"),
                           QStringLiteral("--git-url"),
                           QStringLiteral("github.com/brickrun-demo/analytics"),
                           QStringLiteral("--git-branch"),
                           QStringLiteral("main")}
            << "git URL: \"github.com/brickrun-demo/analytics\" is not a URL";
        QTest::newRow("branch and tag")
            << QStringList{QStringLiteral("--notebook"),
                           QStringLiteral("notebooks/daily_report"),
                           QStringLiteral("--serverless"),
                           QStringLiteral("--git-url"),
                           GitRepo,
                           QStringLiteral("--git-branch"),
                           QStringLiteral("main"),
                           QStringLiteral("--git-tag"),
                           QStringLiteral("v1.1.0")}
            << "git reference: give one of branch, tag or commit, not branch and tag";
        QTest::newRow("relative python file in the workspace")
            << QStringList{QStringLiteral("--python-file"), QStringLiteral("etl_job.py"),
                           QStringLiteral("--serverless")}
            << "python file: must be absolute (start with /) or a URI";
        QTest::newRow("two computes")
            << (nb + QStringList{QStringLiteral("--serverless"), QStringLiteral("--cluster"),
                                 QStringLiteral("demo-cluster")})
            << "--cluster, --serverless: choose one";
        QTest::newRow("arguments for a notebook")
            << (nb + QStringList{QStringLiteral("--serverless"), QStringLiteral("--arg"),
                                 QStringLiteral("x")})
            << "--arg is only for --python-file";
    }
    void badInputIsRefusedBeforeAnythingIsSent()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, reason);
        const int before = runsInHistory();
        const CliRun r = cli(QStringList{QStringLiteral("submit"), QStringLiteral("--demo"),
                                         QStringLiteral("--json")} +
                             args);
        QVERIFY2(r.exitCode == 2, r.describe().constData());
        QVERIFY2(r.err.contains(reason.toUtf8()), r.describe().constData());
        QVERIFY2(r.out.isEmpty(), r.out.constData());
        QCOMPARE(runsInHistory(), before);
    }
};

QTEST_GUILESS_MAIN(tst_CliShapes)
#include "tst_clishapes.moc"
