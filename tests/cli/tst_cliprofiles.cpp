// SPDX-License-Identifier: Apache-2.0
// brickrun-cli profiles, as a user would use them, against a standalone emulator and a real
// Secret Service (tools/with-keyring). Also the trust boundary: where the token may and may not be.
#include "CliProcess.h"
#include "Emulator.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString AppId = QStringLiteral(BRICKRUN_APP_ID);
const QString Token = QStringLiteral("dapi-test-profiles-7f3a");

using Run = Brickrun::Test::CliRun;
} // namespace

class tst_CliProfiles : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_home;
    QProcess m_emulator;
    QString m_url;
    QStringList m_leaks; // commands whose output showed the token

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = Brickrun::Test::isolatedEnvironment(m_home.path());
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("BRICKRUN_RETRY_BUDGET"), QStringLiteral("0"));
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("brickrun.*=true"));
        return env;
    }

    Run run(const QStringList &args, const QByteArray &stdinData = {},
            const QProcessEnvironment &env = QProcessEnvironment())
    {
        const Run r = Brickrun::Test::runCli(args, env.isEmpty() ? environment() : env, stdinData);
        // The token never shows in anything the program prints, even with all logs on.
        if (r.both().contains(Token.toUtf8()))
            m_leaks << args.join(QLatin1Char(' '));
        return r;
    }

    // A standalone brickrun-emulator accepting the token: its base URL, or empty.
    static QString startEmulator(QProcess &emulator, const QStringList &args)
    {
        return Brickrun::Test::startEmulatorProcess(emulator, Token, args);
    }

    static QString keychainLookup(const QString &profile)
    {
        QProcess p;
        p.start(QStringLiteral("secret-tool"), {QStringLiteral("lookup"), QStringLiteral("server"),
                                                AppId, QStringLiteral("user"), profile});
        p.waitForFinished(10000);
        return QString::fromUtf8(p.readAllStandardOutput());
    }

    // Every file Brickrun wrote under the throw-away home must be free of the token.
    void verifyNoTokenInFiles()
    {
        QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (path.endsWith(QLatin1String(".databrickscfg")))
                continue; // the user's own file, which import never changes
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains(Token.toUtf8()), qPrintable(path));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!qEnvironmentVariableIsSet("BRICKRUN_KEYRING_SESSION"))
            QSKIP("needs a throw-away Secret Service: run through tools/with-keyring "
                  "(tools/dev test does)");
        QVERIFY(m_home.isValid());
        m_url = startEmulator(m_emulator, {QStringLiteral("--speed"), QStringLiteral("100")});
        QVERIFY(!m_url.isEmpty());
    }
    void cleanup() { QVERIFY2(m_leaks.isEmpty(), qPrintable(m_leaks.join(QLatin1Char('|')))); }
    void cleanupTestCase()
    {
        m_emulator.terminate();
        m_emulator.waitForFinished(5000);
    }

    void noProfilesYet()
    {
        const Run r = run({QStringLiteral("profiles"), QStringLiteral("list")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("No profiles yet"));
        const Run submit = run({QStringLiteral("status"), QStringLiteral("1")});
        QCOMPARE(submit.exitCode, 2);
        QVERIFY(submit.err.contains("profiles add"));
    }
    void addStoresTheTokenInTheKeychainOnly()
    {
        const Run r =
            run({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("demo"),
                 QStringLiteral("--host"), m_url + QStringLiteral("/"), QStringLiteral("--cluster"),
                 QStringLiteral("demo-cluster"), QStringLiteral("--token-stdin")},
                Token.toUtf8() + "\n");
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains("token stored in the keychain"), r.err.constData());
        QCOMPARE(keychainLookup(QStringLiteral("demo")), Token);
        const Run list =
            run({QStringLiteral("profiles"), QStringLiteral("list"), QStringLiteral("--json")});
        const QJsonObject p =
            list.json().value(QLatin1String("profiles")).toArray().first().toObject();
        QCOMPARE(p.value(QLatin1String("name")).toString(), QStringLiteral("demo"));
        QCOMPARE(p.value(QLatin1String("host")).toString(), m_url);
        QCOMPARE(p.value(QLatin1String("token")).toString(), QStringLiteral("stored"));
        QVERIFY(p.value(QLatin1String("default")).toBool());
        verifyNoTokenInFiles();
    }
    void testConnectionSaysWhoItIs()
    {
        const Run r =
            run({QStringLiteral("profiles"), QStringLiteral("test"), QStringLiteral("demo")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith("Connected to 127.0.0.1 as "), r.out.constData());
    }
    void submitWithTheDefaultProfileAndCluster()
    {
        // No --profile, no --host, no --cluster: the default profile supplies all three.
        const Run r = run({QStringLiteral("submit"), QStringLiteral("--notebook"),
                           QStringLiteral("/Shared/Demo/hello"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().value(QLatin1String("resultState")).toString(),
                 QStringLiteral("SUCCESS"));
        const Run named = run({QStringLiteral("submit"), QStringLiteral("--profile"),
                               QStringLiteral("demo"), QStringLiteral("--notebook"),
                               QStringLiteral("/Shared/Demo/failing"), QStringLiteral("--json")});
        QCOMPARE(named.exitCode, 1);
        verifyNoTokenInFiles();
    }
    void aRefusedTokenIsExplained()
    {
        const Run add =
            run({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("stale"),
                 QStringLiteral("--host"), m_url, QStringLiteral("--token-stdin")},
                "dapi-test-expired\n");
        QCOMPARE(add.exitCode, 0);
        const Run test =
            run({QStringLiteral("profiles"), QStringLiteral("test"), QStringLiteral("stale")});
        QCOMPARE(test.exitCode, 3);
        QVERIFY2(test.out.contains("refused the token"), test.out.constData());
        const Run status = run({QStringLiteral("status"), QStringLiteral("1"),
                                QStringLiteral("--profile"), QStringLiteral("stale")});
        QCOMPARE(status.exitCode, 3);
        QVERIFY2(status.err.contains("profiles add stale"), status.err.constData());
    }
    void notSignedIn()
    {
        const Run add =
            run({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("bare"),
                 QStringLiteral("--host"), QStringLiteral("https://adb-1.2.azuredatabricks.net")});
        QCOMPARE(add.exitCode, 0);
        const Run status = run({QStringLiteral("status"), QStringLiteral("1"),
                                QStringLiteral("--profile"), QStringLiteral("bare")});
        QCOMPARE(status.exitCode, 3);
        QVERIFY2(status.err.contains("not signed in"), status.err.constData());
    }
    void badInput()
    {
        Run r = run({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("x"),
                     QStringLiteral("--host"), QStringLiteral("http://example.com")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("plain http"));
        r = run({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("x y"),
                 QStringLiteral("--host"), m_url});
        QCOMPARE(r.exitCode, 2);
        r = run({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("x"),
                 QStringLiteral("--host"), m_url, QStringLiteral("--token-stdin")},
                "\n");
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("held no token"));
        r = run({QStringLiteral("profiles"), QStringLiteral("test"), QStringLiteral("nope")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("no profile named \"nope\""));
        r = run({QStringLiteral("profiles"), QStringLiteral("frobnicate")});
        QCOMPARE(r.exitCode, 2);
    }
    void aStoredTokenNeverFollowsAChangedHost()
    {
        const QString other = QStringLiteral("https://adb-7777.7.azuredatabricks.net");
        Run r = run({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("moving"),
                     QStringLiteral("--host"), m_url, QStringLiteral("--token-stdin")},
                    Token.toUtf8() + "\n");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(keychainLookup(QStringLiteral("moving")), Token);
        // Same workspace, new default cluster: the token stays.
        r = run({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("moving"),
                 QStringLiteral("--host"), m_url, QStringLiteral("--cluster"),
                 QStringLiteral("demo-cluster")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(keychainLookup(QStringLiteral("moving")), Token);
        // Another workspace without a token: the old workspace's token is removed, not sent there.
        r = run({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("moving"),
                 QStringLiteral("--host"), other});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains("stored secrets were removed"), r.err.constData());
        QCOMPARE(keychainLookup(QStringLiteral("moving")), QString());
        const Run status = run({QStringLiteral("status"), QStringLiteral("1"),
                                QStringLiteral("--profile"), QStringLiteral("moving")});
        QCOMPARE(status.exitCode, 3);
        QVERIFY2(status.err.contains("has no token"), status.err.constData());
        run({QStringLiteral("profiles"), QStringLiteral("remove"), QStringLiteral("moving")});
    }
    void aWorkspaceServingOnlyJobsApi21IsRemembered()
    {
        QProcess old;
        const QString url =
            startEmulator(old, {QStringLiteral("--speed"), QStringLiteral("100"),
                                QStringLiteral("--jobs-api-versions"), QStringLiteral("2.1")});
        QVERIFY(!url.isEmpty());
        Run r = run({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("only21"),
                     QStringLiteral("--host"), url, QStringLiteral("--token-stdin")},
                    Token.toUtf8() + "\n");
        QCOMPARE(r.exitCode, 0);
        const QStringList submit{QStringLiteral("submit"),
                                 QStringLiteral("--profile"),
                                 QStringLiteral("only21"),
                                 QStringLiteral("--notebook"),
                                 QStringLiteral("/Shared/Demo/hello"),
                                 QStringLiteral("--cluster"),
                                 QStringLiteral("demo-cluster"),
                                 QStringLiteral("--json")};
        r = run(submit);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("does not serve Jobs API 2.2; using 2.1 (remembered for profile "
                                "only21)"),
                 r.err.constData());
        QSettings settings(m_home.filePath(QStringLiteral("config/Brickrun/brickrun.ini")),
                           QSettings::IniFormat);
        QCOMPARE(settings.value(QStringLiteral("profiles/only21/jobsApiVersion")).toString(),
                 QStringLiteral("2.1"));
        // The next command asks 2.1 at once.
        r = run(submit);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(!r.err.contains("does not serve"), r.err.constData());
        run({QStringLiteral("profiles"), QStringLiteral("remove"), QStringLiteral("only21")});
        old.terminate();
        QVERIFY(old.waitForFinished(5000));
    }
    void importOfTwentyThousandProfilesIsNotQuadratic()
    {
        // A generated ~/.databrickscfg with 20,000 sections: the settings are written once, not
        // once per profile (which took minutes, past run()'s wait).
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QByteArray cfg;
        for (int i = 0; i < 20000; ++i)
            cfg += "[p" + QByteArray::number(i) + "]\nhost=adb-" + QByteArray::number(i) +
                   ".1.azuredatabricks.net\n";
        const QString cfgPath = home.filePath(QStringLiteral("databrickscfg"));
        {
            QFile f(cfgPath);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(cfg);
        }
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("DATABRICKS_CONFIG_FILE"), cfgPath);
        const Run r =
            run({QStringLiteral("profiles"), QStringLiteral("import-databrickscfg")}, {}, env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains("imported 20000 profile(s)"), r.err.right(300).constData());
        QSettings settings(home.filePath(QStringLiteral("config/Brickrun/brickrun.ini")),
                           QSettings::IniFormat);
        settings.beginGroup(QStringLiteral("profiles"));
        QCOMPARE(settings.childGroups().size(), 20000);
        QCOMPARE(settings.value(QStringLiteral("p19999/host")).toString(),
                 QStringLiteral("https://adb-19999.1.azuredatabricks.net"));
    }
    void importDatabricksCfgMovesTokensAndLeavesTheFile()
    {
        const QString cfgPath = m_home.filePath(QStringLiteral(".databrickscfg"));
        const QByteArray cfg = "; my workspaces\n"
                               "[DEFAULT]\n"
                               "host = " +
                               m_url.toUtf8() +
                               "\n"
                               "token = " +
                               Token.toUtf8() +
                               "\n"
                               "\n"
                               "[azure]\n"
                               "host  = https://adb-1234567890123456.7.azuredatabricks.net/\n"
                               "auth_type = azure-cli\n"
                               "cluster_id = 0923-164208-abcd123\n"
                               "this line is broken\n";
        {
            QFile f(cfgPath);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(cfg);
        }
        const Run r = run({QStringLiteral("profiles"), QStringLiteral("import-databrickscfg")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains("[DEFAULT] imported") &&
                     r.err.contains("token moved to the keychain"),
                 r.err.constData());
        QVERIFY2(r.err.contains("[azure] imported") && r.err.contains("azure-cli"),
                 r.err.constData());
        QVERIFY2(r.err.contains(":10:"), r.err.constData()); // the broken line, by number
        QCOMPARE(keychainLookup(QStringLiteral("DEFAULT")), Token);
        QFile f(cfgPath);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), cfg); // never changed
        verifyNoTokenInFiles();

        // DATABRICKS_CONFIG_FILE moves it; --profile picks one.
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("DATABRICKS_CONFIG_FILE"), cfgPath);
        env.insert(QStringLiteral("HOME"), m_home.filePath(QStringLiteral("elsewhere")));
        const Run one = run({QStringLiteral("profiles"), QStringLiteral("import-databrickscfg"),
                             QStringLiteral("--profile"), QStringLiteral("azure")},
                            {}, env);
        QCOMPARE(one.exitCode, 0);
        QVERIFY(!one.err.contains("[DEFAULT]"));
        const Run missing = run({QStringLiteral("profiles"), QStringLiteral("import-databrickscfg"),
                                 QStringLiteral("--profile"), QStringLiteral("nope")},
                                {}, env);
        QCOMPARE(missing.exitCode, 2);
    }
    void removeDeletesTheToken()
    {
        const Run r =
            run({QStringLiteral("profiles"), QStringLiteral("remove"), QStringLiteral("demo")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(keychainLookup(QStringLiteral("demo")), QString());
        const Run list =
            run({QStringLiteral("profiles"), QStringLiteral("list"), QStringLiteral("--json")});
        for (const QJsonValue &v : list.json().value(QLatin1String("profiles")).toArray())
            QVERIFY(v.toObject().value(QLatin1String("name")).toString() != QLatin1String("demo"));
    }
    void httpsWithTheProfilesOwnCa()
    {
        const QString tls = QStringLiteral(BRICKRUN_SOURCE_DIR "/tests/data/tls/");
        QProcess secure;
        const QString url = startEmulator(
            secure, {QStringLiteral("--speed"), QStringLiteral("100"), QStringLiteral("--tls-cert"),
                     tls + QStringLiteral("server.pem"), QStringLiteral("--tls-key"),
                     tls + QStringLiteral("server-key.pem")});
        QVERIFY(!url.isEmpty());
        QVERIFY2(url.startsWith(QStringLiteral("https://")), qPrintable(url));

        // Without the CA the certificate is not trusted, and the CLI says so (never ignores it).
        Run r = run({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("secure"),
                     QStringLiteral("--host"), url, QStringLiteral("--token-stdin")},
                    Token.toUtf8());
        QCOMPARE(r.exitCode, 0);
        r = run({QStringLiteral("profiles"), QStringLiteral("test"), QStringLiteral("secure")});
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.out.contains("certificate is not trusted"), r.out.constData());

        // With the profile's own CA file it works, for the test and for runs.
        r = run({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("secure"),
                 QStringLiteral("--host"), url, QStringLiteral("--ca-file"),
                 tls + QStringLiteral("ca.pem")});
        QCOMPARE(r.exitCode, 0);
        r = run({QStringLiteral("profiles"), QStringLiteral("test"), QStringLiteral("secure")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith("Connected to 127.0.0.1 as "), r.out.constData());
        r = run({QStringLiteral("submit"), QStringLiteral("--profile"), QStringLiteral("secure"),
                 QStringLiteral("--notebook"), QStringLiteral("/Shared/Demo/hello"),
                 QStringLiteral("--cluster"), QStringLiteral("demo-cluster"),
                 QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        secure.terminate();
        QVERIFY(secure.waitForFinished(5000));
    }
    void aRedirectToAnotherOriginDoesNotCarryTheToken()
    {
        // Another site, watching what arrives.
        Brickrun::Emulator::EmulatorOptions o;
        o.token = QStringLiteral("dapi-test-elsewhere");
        Brickrun::Emulator::Emulator elsewhere(o);
        QString error;
        QVERIFY2(elsewhere.start(&error), qPrintable(error));

        QProcess redirecting;
        const QString url = startEmulator(
            redirecting, {QStringLiteral("--faults"),
                          QStringLiteral("runs/get:redirect@to=%1").arg(elsewhere.baseUrl())});
        QVERIFY(!url.isEmpty());

        QProcessEnvironment cliEnv = environment();
        cliEnv.insert(QStringLiteral("DATABRICKS_HOST"), url);
        cliEnv.insert(QStringLiteral("DATABRICKS_TOKEN"), Token);
        const Run r = run({QStringLiteral("status"), QStringLiteral("123")}, {}, cliEnv);
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains("redirected to another site"), r.err.constData());
        // Brickrun does not follow a redirect to another origin at all, so nothing arrived there
        // (with Qt's default policy the token would have: see HttpTransport).
        QCOMPARE(elsewhere.requestLog().size(), 0);
        redirecting.terminate();
        QVERIFY(redirecting.waitForFinished(5000));
    }
    void withoutAKeychainNothingIsSavedInPlainText()
    {
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QStringLiteral("unix:path=/nonexistent/bus"));
        const Run r =
            run({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("nokeychain"),
                 QStringLiteral("--host"), m_url, QStringLiteral("--token-stdin")},
                Token.toUtf8(), env);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("No keychain service is running"), r.err.constData());
        const Run list = run({QStringLiteral("profiles"), QStringLiteral("list")});
        QVERIFY(!list.out.contains("nokeychain"));
        verifyNoTokenInFiles();
    }
    void withoutAKeychainTheCliSaysHowToGoOnHeadless()
    {
        // No session bus and no dbus-launch: the error issue #16 saw raw, "Failed to execute
        // child process "dbus-launch"".
        QTemporaryDir emptyBin;
        QVERIFY(emptyBin.isValid());
        QProcessEnvironment env = environment();
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        env.insert(QStringLiteral("PATH"), emptyBin.path());
        env.insert(QStringLiteral("DISPLAY"), QStringLiteral(":97"));
        const Run add =
            run({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("headless"),
                 QStringLiteral("--host"), m_url, QStringLiteral("--auth"), QStringLiteral("pat"),
                 QStringLiteral("--token-stdin")},
                Token.toUtf8(), env);
        QCOMPARE(add.exitCode, 3);
        for (const char *words : {"No keychain service is running", "GNOME Keyring", "KWallet",
                                  "KeePassXC", "nothing was saved"})
            QVERIFY2(add.err.contains(words), add.err.constData());
        QVERIFY2(!add.err.contains("dbus-launch"), add.err.constData());
        // How to go on: the workspace in the environment, for each command.
        QVERIFY2(add.err.contains("hint: without a keychain"), add.err.constData());
        QVERIFY2(add.err.contains(
                     QStringLiteral("DATABRICKS_HOST=%1 DATABRICKS_TOKEN=").arg(m_url).toUtf8()),
                 add.err.constData());
        QVERIFY(
            !run({QStringLiteral("profiles"), QStringLiteral("list")}).out.contains("headless"));

        // Which works, with no keychain and nothing stored.
        QProcessEnvironment headless = env;
        headless.insert(QStringLiteral("DATABRICKS_HOST"), m_url);
        headless.insert(QStringLiteral("DATABRICKS_TOKEN"), Token);
        const Run submit = run({QStringLiteral("submit"), QStringLiteral("--notebook"),
                                QStringLiteral("/Shared/Demo/hello"), QStringLiteral("--cluster"),
                                QStringLiteral("demo-cluster"), QStringLiteral("--json")},
                               {}, headless);
        QVERIFY2(submit.exitCode == 0, submit.err.constData());
        QCOMPARE(submit.json().value(QLatin1String("resultState")).toString(),
                 QStringLiteral("SUCCESS"));

        // A profile whose secret no keychain can give says the same where it is used (added
        // while the keychain was there: without one, adding removes the name's old secrets
        // first, and cannot).
        const Run bare =
            run({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("bare"),
                 QStringLiteral("--host"), m_url, QStringLiteral("--auth"), QStringLiteral("pat")});
        QVERIFY2(bare.exitCode == 0, bare.err.constData());
        const Run status = run({QStringLiteral("status"), QStringLiteral("1"),
                                QStringLiteral("--profile"), QStringLiteral("bare")},
                               {}, env);
        QCOMPARE(status.exitCode, 3);
        QVERIFY2(status.err.contains("no stored secret: no keychain service is running"),
                 status.err.constData());
        QVERIFY2(status.err.contains("DATABRICKS_HOST="), status.err.constData());
        QVERIFY2(!status.err.contains("profiles add bare"), status.err.constData());
        run({QStringLiteral("profiles"), QStringLiteral("remove"), QStringLiteral("bare")});
        verifyNoTokenInFiles();
    }
};

QTEST_GUILESS_MAIN(tst_CliProfiles)
#include "tst_cliprofiles.moc"
