// SPDX-License-Identifier: Apache-2.0
// The desktop program's command line, run as a process: --help and --version are answered
// without a display (on a server, over ssh, in a package build), where a window could not open.
#include "TestTimeouts.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

class tst_DesktopCommandLine : public QObject
{
    Q_OBJECT
private:
    // The program with no display at all: no X server, no Wayland, no platform plugin chosen.
    static QProcessEnvironment withoutDisplay()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            env.remove(QString::fromLatin1(name));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        return env;
    }
    struct Answer
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    static Answer run(const QStringList &arguments)
    {
        QProcess program;
        program.setProcessEnvironment(withoutDisplay());
        program.start(QStringLiteral(BRICKRUN_DESKTOP_PATH), arguments);
        Answer a;
        if (!program.waitForFinished(Brickrun::Test::scaledTimeout(30000)))
            return a;
        a.exitCode = program.exitStatus() == QProcess::NormalExit ? program.exitCode() : -2;
        a.out = QString::fromUtf8(program.readAllStandardOutput());
        a.err = QString::fromUtf8(program.readAllStandardError());
        return a;
    }

private Q_SLOTS:
    void helpWithoutADisplay()
    {
        const Answer a = run({QStringLiteral("--help")});
        QVERIFY2(a.exitCode == 0,
                 qPrintable(QStringLiteral("exit %1: %2").arg(a.exitCode).arg(a.err)));
        QVERIFY2(a.out.contains(QStringLiteral("Usage:")), qPrintable(a.out));
        for (const char *option : {"--demo", "--verbose", "--help", "--version"})
            QVERIFY2(a.out.contains(QString::fromLatin1(option)), option);
    }
    void versionWithoutADisplay()
    {
        const Answer a = run({QStringLiteral("--version")});
        QVERIFY2(a.exitCode == 0, qPrintable(a.err));
        QVERIFY2(a.out.contains(QStringLiteral(BRICKRUN_VERSION)), qPrintable(a.out));
    }
};

QTEST_GUILESS_MAIN(tst_DesktopCommandLine)
#include "tst_desktopcommandline.moc"
