// SPDX-License-Identifier: Apache-2.0
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

    // The run's own limits go on the task, where the service applies and retries them; each
    // only when set, so a spec without them sends the body it always sent.
    void optionsGoOnTheTaskOnlyWhenSet()
    {
        RunSpec s;
        s.notebookPath = QStringLiteral("/Shared/Demo/hello");
        s.clusterId = QStringLiteral("demo-cluster");
        const QJsonObject plain = s.toSubmitBody(QStringLiteral("tok"));
        const QJsonObject plainTask =
            plain.value(QLatin1String("tasks")).toArray().at(0).toObject();
        QStringList keys = plainTask.keys();
        keys.sort();
        QCOMPARE(keys, (QStringList{QStringLiteral("existing_cluster_id"),
                                    QStringLiteral("notebook_task"), QStringLiteral("task_key")}));
        QCOMPARE(plain.value(QLatin1String("timeout_seconds")), QJsonValue(0));

        s.timeoutSeconds = 900;
        s.maxRetries = 3;
        s.minRetryIntervalMillis = 30000;
        s.retryOnTimeout = true;
        QVERIFY2(s.validate().isEmpty(), qPrintable(s.validate().join(QLatin1Char('\n'))));
        const QJsonObject body = s.toSubmitBody(QStringLiteral("tok"));
        const QJsonObject task = body.value(QLatin1String("tasks")).toArray().at(0).toObject();
        QCOMPARE(task.value(QLatin1String("timeout_seconds")), QJsonValue(900));
        QCOMPARE(task.value(QLatin1String("max_retries")), QJsonValue(3));
        QCOMPARE(task.value(QLatin1String("min_retry_interval_millis")), QJsonValue(30000));
        QCOMPARE(task.value(QLatin1String("retry_on_timeout")), QJsonValue(true));
        // The run as a whole keeps no limit: it would end the retries with it.
        QCOMPARE(body.value(QLatin1String("timeout_seconds")), QJsonValue(0));
        // Everything else is the plain body.
        QJsonObject rest = body;
        rest.insert(QStringLiteral("tasks"), plain.value(QLatin1String("tasks")));
        QCOMPARE(rest, plain);
        QCOMPARE(s.attempts(), 4);
        QCOMPARE(RunSpec().attempts(), 1);

        // Retries alone: no timeout member, no retry_on_timeout member.
        RunSpec retries = s;
        retries.timeoutSeconds = 0;
        retries.retryOnTimeout = false;
        retries.minRetryIntervalMillis = 0;
        const QJsonObject t2 = retries.toSubmitBody(QString())
                                   .value(QLatin1String("tasks"))
                                   .toArray()
                                   .at(0)
                                   .toObject();
        QCOMPARE(t2.value(QLatin1String("max_retries")), QJsonValue(1 + 2));
        for (const char *absent :
             {"timeout_seconds", "min_retry_interval_millis", "retry_on_timeout"})
            QVERIFY2(!t2.contains(QLatin1String(absent)), absent);
    }

    void optionProblemsNameTheField_data()
    {
        QTest::addColumn<int>("timeout");
        QTest::addColumn<int>("retries");
        QTest::addColumn<int>("interval");
        QTest::addColumn<bool>("onTimeout");
        QTest::addColumn<QString>("expected");
        QTest::newRow("negative timeout")
            << -1 << 0 << 0 << false << "run timeout: must not be negative";
        QTest::newRow("timeout past 7 days") << 7 * 24 * 3600 + 1 << 0 << 0 << false
                                             << "run timeout: at most 7 days (604800 seconds)";
        QTest::newRow("retry for ever")
            << 0 << -1 << 0 << false << "max retries: -1 (retry for ever) is not offered";
        QTest::newRow("negative retries")
            << 0 << -2 << 0 << false << "max retries: must not be negative";
        QTest::newRow("too many retries")
            << 0 << 101 << 0 << false << "max retries: at most 100, got 101";
        QTest::newRow("negative interval")
            << 0 << 1 << -5 << false << "retry interval: must not be negative";
        QTest::newRow("interval past a day")
            << 0 << 1 << 24 * 3600 * 1000 + 1 << false << "retry interval: at most 1 day";
        QTest::newRow("interval without retries")
            << 0 << 0 << 1000 << false << "retry interval: needs retries";
        QTest::newRow("retry on timeout without retries")
            << 60 << 0 << 0 << true << "retry on timeout: needs retries";
        QTest::newRow("retry on timeout without timeout")
            << 0 << 2 << 0 << true << "retry on timeout: needs a run timeout";
    }
    void optionProblemsNameTheField()
    {
        QFETCH(int, timeout);
        QFETCH(int, retries);
        QFETCH(int, interval);
        QFETCH(bool, onTimeout);
        QFETCH(QString, expected);
        RunSpec s;
        s.notebookPath = QStringLiteral("/a");
        s.clusterId = QStringLiteral("c");
        s.timeoutSeconds = timeout;
        s.maxRetries = retries;
        s.minRetryIntervalMillis = interval;
        s.retryOnTimeout = onTimeout;
        const QStringList problems = s.validate();
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().startsWith(expected), qPrintable(problems.first()));
    }

    void limitsThemselvesAreAllowed()
    {
        RunSpec s;
        s.notebookPath = QStringLiteral("/a");
        s.clusterId = QStringLiteral("c");
        s.timeoutSeconds = RunSpec::MaxTimeoutSeconds;
        s.maxRetries = RunSpec::MaxRetries;
        s.minRetryIntervalMillis = RunSpec::MaxRetryIntervalMillis;
        s.retryOnTimeout = true;
        QVERIFY2(s.validate().isEmpty(), qPrintable(s.validate().join(QLatin1Char('\n'))));
        QCOMPARE(s.attempts(), 101);
    }

    // "attempt N of M": the one rule the command line and the desktop program word.
    void attemptPosition_data()
    {
        QTest::addColumn<int>("maxRetries");
        QTest::addColumn<int>("attemptNumber");
        QTest::addColumn<int>("number");
        QTest::addColumn<int>("of");
        QTest::newRow("first, no retries: nothing to say") << 0 << 0 << 0 << 0;
        QTest::newRow("repaired, retries not set") << 0 << 2 << 3 << 0;
        QTest::newRow("first of four") << 3 << 0 << 1 << 4;
        QTest::newRow("last of four") << 3 << 3 << 4 << 4;
        QTest::newRow("past the retries (a repair)") << 1 << 4 << 5 << 5;
    }
    void attemptPosition()
    {
        QFETCH(int, maxRetries);
        QFETCH(int, attemptNumber);
        QFETCH(int, number);
        QFETCH(int, of);
        RunSpec s;
        s.maxRetries = maxRetries;
        const RunSpec::AttemptPosition at = s.attemptPosition(attemptNumber);
        QCOMPARE(at.number, number);
        QCOMPARE(at.of, of);
    }
};

QTEST_GUILESS_MAIN(tst_RunSpec)
#include "tst_runspec.moc"
