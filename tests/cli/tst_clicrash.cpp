// SPDX-License-Identifier: Apache-2.0
// Never lose a run: brickrun-cli is SIGKILLed at several points of a run, then `resume` must
// follow that run to its end exactly once — no second run on the service, nothing lost in the
// history. Real processes, a real SQLite history, the emulator over loopback HTTP.
#include "Emulator.h"
#include "FaultPlan.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <functional>

namespace {
const QString Cli = QStringLiteral(BRICKRUN_CLI_PATH);
const QString Token = QStringLiteral("dapi-test-crash");
} // namespace

class tst_CliCrash : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<Brickrun::Emulator::Emulator> m_emulator;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home->filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home->filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("DATABRICKS_HOST"), m_emulator->baseUrl());
        env.insert(QStringLiteral("DATABRICKS_TOKEN"), Token);
        env.insert(QStringLiteral("BRICKRUN_RETRY_BUDGET"), QStringLiteral("30"));
        return env;
    }

    void setFaults(const QString &spec)
    {
        QString error;
        const auto plan = Brickrun::Emulator::FaultPlan::parse(spec, &error);
        QVERIFY2(plan, qPrintable(error));
        m_emulator->setFaultPlan(*plan);
    }

    // Starts `brickrun-cli submit`, waits until stderr shows `marker` and `ready()` holds, then
    // SIGKILLs it. The marker alone is not enough where the kill must land after a request has
    // reached the service: the CLI prints before it sends.
    void submitAndKillAt(
        const char *notebook, const QByteArray &marker,
        const std::function<bool()> &ready = [] { return true; })
    {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(Cli, {QStringLiteral("submit"), QStringLiteral("--notebook"),
                      QString::fromLatin1(notebook), QStringLiteral("--cluster"),
                      QStringLiteral("demo-cluster"), QStringLiteral("--json")});
        QVERIFY(p.waitForStarted());
        QByteArray err;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         err += p.readAllStandardError();
                         return (err.contains(marker) && ready()) ||
                                p.state() == QProcess::NotRunning;
                     },
                     20000),
                 err.constData());
        QVERIFY2(p.state() == QProcess::Running, err.constData());
        ::kill(pid_t(p.processId()), SIGKILL);
        QVERIFY(p.waitForFinished(5000));
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);
    }

    QJsonObject resume()
    {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(Cli, {QStringLiteral("resume"), QStringLiteral("--json")});
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
            qWarning("resume did not finish");
            return {};
        }
        const QByteArray out = p.readAllStandardOutput();
        if (p.exitCode() != 0)
            qWarning("resume exited %d: %s", p.exitCode(), p.readAllStandardError().constData());
        return QJsonDocument::fromJson(out).object();
    }

    QJsonArray history()
    {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(Cli, {QStringLiteral("runs"), QStringLiteral("--json")});
        p.waitForFinished(20000);
        return QJsonDocument::fromJson(p.readAllStandardOutput()).array();
    }

    void checkFollowedOnce(const QString &resultState, bool hasResult)
    {
        QCOMPARE(m_emulator->createdRunCount(), 1);
        const QJsonArray runs = history();
        QCOMPARE(runs.size(), 1);
        const QJsonObject run = runs.first().toObject();
        QVERIFY(!run.value(QLatin1String("active")).toBool());
        QVERIFY(run.value(QLatin1String("runId")).toInteger() > 0);
        QCOMPARE(run.value(QLatin1String("resultState")).toString(), resultState);
        QCOMPARE(run.value(QLatin1String("notebookResult")).isString(), hasResult);
    }

private Q_SLOTS:
    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        Brickrun::Emulator::EmulatorOptions o;
        o.token = Token;
        o.speed = 20;
        m_emulator = std::make_unique<Brickrun::Emulator::Emulator>(o);
        QString error;
        QVERIFY2(m_emulator->start(&error), qPrintable(error));
    }
    void cleanup()
    {
        m_emulator.reset();
        m_home.reset();
    }

    void killedBeforeTheSubmitAnswer()
    {
        // The service creates the run, then holds the answer: the CLI dies waiting for it.
        setFaults(QStringLiteral("runs/submit:stall-after@ms=20000"));
        submitAndKillAt("/Shared/Demo/hello", "submitting",
                        [this] { return m_emulator->createdRunCount() == 1; });
        QCOMPARE(m_emulator->createdRunCount(), 1);
        QCOMPARE(history().first().toObject().value(QLatin1String("active")).toBool(), true);
        m_emulator->clearFaultPlan();
        const QJsonObject done = resume(); // resubmits with the stored idempotency token
        QCOMPARE(done.value(QLatin1String("resultState")).toString(), QStringLiteral("SUCCESS"));
        checkFollowedOnce(QStringLiteral("SUCCESS"), true);
    }
    void killedWhilePolling()
    {
        submitAndKillAt("/Shared/Demo/slow_report", "RUNNING");
        const QJsonObject done = resume();
        QCOMPARE(done.value(QLatin1String("resultState")).toString(), QStringLiteral("SUCCESS"));
        checkFollowedOnce(QStringLiteral("SUCCESS"), true);
    }
    void killedDuringTheOutputFetch()
    {
        setFaults(QStringLiteral("runs/get-output:stall@ms=20000"));
        submitAndKillAt("/Shared/Demo/failing", "TERMINATED FAILED");
        m_emulator->clearFaultPlan();
        const QJsonObject done = resume();
        QCOMPARE(done.value(QLatin1String("resultState")).toString(), QStringLiteral("FAILED"));
        QVERIFY(done.value(QLatin1String("error")).isString());
        checkFollowedOnce(QStringLiteral("FAILED"), false);
    }
    void nothingToResume()
    {
        const QJsonObject none = resume();
        QVERIFY(none.isEmpty());
        QCOMPARE(history().size(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_CliCrash)
#include "tst_clicrash.moc"
