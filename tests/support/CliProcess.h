// SPDX-License-Identifier: Apache-2.0
#pragma once

// The real programs as a script would start them: brickrun-cli to its end (its exit code,
// stdout and stderr), and a standalone brickrun-emulator on a free loopback port. The test's
// event loop keeps turning while they run, so servers living in the test answer meanwhile.
//
// A test using runCli() defines BRICKRUN_CLI_PATH, one using startEmulatorProcess() defines
// BRICKRUN_EMULATOR_PATH (target_compile_definitions with $<TARGET_FILE:…>).
#include "TestTimeouts.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTest>

#include <initializer_list>

namespace Brickrun::Test {

// What one brickrun-cli ended with.
struct CliRun
{
    int exitCode = -1; // -1: did not start, did not end in time (killed), or crashed
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    QByteArray both() const { return out + err; }
    QByteArray describe() const { return "exit " + QByteArray::number(exitCode) + "\n" + both(); }
};

// The system's environment without what would reach a real workspace or the user's own files:
// Brickrun's data and configuration under `home` (XDG_DATA_HOME=home/data,
// XDG_CONFIG_HOME=home/config), and no DATABRICKS_HOST, _TOKEN, _CONFIG_FILE or
// _CONFIG_PROFILE.
inline QProcessEnvironment isolatedEnvironment(const QString &home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    for (const char *name : {"DATABRICKS_HOST", "DATABRICKS_TOKEN", "DATABRICKS_CONFIG_FILE",
                             "DATABRICKS_CONFIG_PROFILE"})
        env.remove(QString::fromLatin1(name));
    return env;
}

// isolatedEnvironment() with the demo workspace running at `speed` times real time.
inline QProcessEnvironment demoEnvironment(const QString &home, double speed)
{
    QProcessEnvironment env = isolatedEnvironment(home);
    env.insert(QStringLiteral("BRICKRUN_DEMO_SPEED"), QString::number(speed));
    return env;
}

// Waits until `p`'s stderr (gathered in *err) shows `until`: false if it did not in time.
inline bool waitForStderr(QProcess &p, const QByteArray &until, QByteArray *err,
                          int timeoutMs = 20000)
{
    return QTest::qWaitFor(
        [&] {
            *err += p.readAllStandardError();
            return err->contains(until);
        },
        scaledTimeout(timeoutMs));
}

// Waits for a started brickrun-cli to end, then reads what it printed. Killed after
// `timeoutMs` (scaled), then exitCode -1.
inline CliRun finishCli(QProcess &p, int timeoutMs = 60000)
{
    CliRun r;
    const bool ended = QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; },
                                       scaledTimeout(timeoutMs));
    if (!ended) {
        p.kill();
        p.waitForFinished();
        qWarning("brickrun-cli %s did not finish",
                 qPrintable(p.arguments().join(QLatin1Char(' '))));
    } else if (p.exitStatus() == QProcess::NormalExit) {
        r.exitCode = p.exitCode();
    }
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

#ifdef BRICKRUN_CLI_PATH
// Runs brickrun-cli with `args` in `env` to its end: `stdinData` (if not null) on its stdin,
// then stdin closed (nothing can prompt).
inline CliRun runCli(const QStringList &args, const QProcessEnvironment &env,
                     const QByteArray &stdinData = {}, int timeoutMs = 60000)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(BRICKRUN_CLI_PATH), args);
    if (!p.waitForStarted(scaledTimeout(10000))) {
        qWarning("brickrun-cli %s did not start", qPrintable(args.join(QLatin1Char(' '))));
        return {};
    }
    if (!stdinData.isNull())
        p.write(stdinData);
    p.closeWriteChannel();
    return finishCli(p, timeoutMs);
}

// Starts brickrun-cli with `args` in `env` and returns once its stderr (gathered in *err) shows
// `until`: false if it did not start or did not say so in time. The caller ends it.
inline bool startCliUntil(QProcess &p, const QProcessEnvironment &env, const QStringList &args,
                          const QByteArray &until, QByteArray *err)
{
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(BRICKRUN_CLI_PATH), args);
    return p.waitForStarted() && waitForStderr(p, until, err);
}
#endif

#ifdef BRICKRUN_EMULATOR_PATH
// Starts a standalone brickrun-emulator accepting `token`, with `args` (add "--port", "0" for
// a free port). Returns the base URL it prints first, or empty if it did not start.
inline QString startEmulatorProcess(QProcess &emulator, const QString &token,
                                    const QStringList &args)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("BRICKRUN_EMULATOR_TOKEN"), token);
    emulator.setProcessEnvironment(env);
    emulator.start(QStringLiteral(BRICKRUN_EMULATOR_PATH), args);
    if (!emulator.waitForStarted() ||
        !QTest::qWaitFor([&] { return emulator.canReadLine(); }, scaledTimeout(10000)))
        return {};
    return QString::fromUtf8(emulator.readLine()).trimmed();
}
#endif

} // namespace Brickrun::Test
