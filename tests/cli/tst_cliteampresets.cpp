// SPDX-License-Identifier: Apache-2.0
// Team presets between two Brickrun installations: two brickrun-cli users with their own
// homes (their own local presets and caches) on one standalone emulator publish, list and
// submit presets through a workspace folder; a colleague's change is a conflict, never a
// silent overwrite; a folder they may not write is refused; a secret is never published.
#include "CliProcess.h"
#include "store/Database.h"
#include "store/PresetStore.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using Brickrun::Test::CliRun;

namespace {

const QString Token = QStringLiteral("dapi-test-team-presets");
const QString SharedFolder = QStringLiteral("/Shared/Brickrun/presets");

QJsonObject presetJson(const QString &name, const QString &date, const QString &extraKey = {})
{
    QJsonObject parameters{{QStringLiteral("date"), date}};
    if (!extraKey.isEmpty())
        parameters.insert(extraKey, QStringLiteral("x"));
    return {{QStringLiteral("format"), QStringLiteral("brickrun-preset")},
            {QStringLiteral("version"), 1},
            {QStringLiteral("name"), name},
            {QStringLiteral("profile"), QStringLiteral("my-laptop-profile")},
            {QStringLiteral("runName"), QString()},
            {QStringLiteral("notebookPath"), QStringLiteral("/Shared/Demo/echo_params")},
            {QStringLiteral("clusterId"), QStringLiteral("demo-cluster")},
            {QStringLiteral("taskKey"), QStringLiteral("main")},
            {QStringLiteral("parameters"), parameters},
            {QStringLiteral("queueEnabled"), true},
            {QStringLiteral("timeoutSeconds"), 0}};
}

} // namespace

class TestCliTeamPresets : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_alice.isValid() && m_bob.isValid());
        m_url = Brickrun::Test::startEmulatorProcess(m_emulator, Token,
                                                     {QStringLiteral("--port"), QStringLiteral("0"),
                                                      QStringLiteral("--speed"),
                                                      QStringLiteral("100")});
        QVERIFY2(m_url.startsWith(QStringLiteral("http://127.0.0.1:")), qPrintable(m_url));
    }
    void cleanupTestCase()
    {
        m_emulator.terminate();
        m_emulator.waitForFinished(5000);
    }

    void publishFromOneHomeListAndSubmitFromTheOther()
    {
        importLocal(m_alice, presetJson(QStringLiteral("nightly"), QStringLiteral("2026-12-01")));
        CliRun r =
            cli(m_alice, {QStringLiteral("presets"), QStringLiteral("publish"),
                          QStringLiteral("nightly"), QStringLiteral("--folder"), SharedFolder});
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        QVERIFY2(r.err.contains(
                     QByteArray(QByteArray("published \"nightly\" to ") + SharedFolder.toUtf8())),
                 r.err.constData());

        r = cli(m_bob, {QStringLiteral("presets"), QStringLiteral("list"), QStringLiteral("--team"),
                        QStringLiteral("--folder"), SharedFolder, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        const QJsonObject listing = r.json();
        QCOMPARE(listing.value(QStringLiteral("readOnly")).toBool(), false);
        const QJsonArray presets = listing.value(QStringLiteral("presets")).toArray();
        QCOMPARE(presets.size(), 1);
        const QJsonObject nightly = presets.at(0).toObject();
        QCOMPARE(nightly.value(QStringLiteral("name")).toString(), QStringLiteral("nightly"));
        // Never the publisher's profile (nor its host, nor a token).
        QCOMPARE(nightly.value(QStringLiteral("profile")).toString(), QString());
        QVERIFY(!r.out.contains("my-laptop-profile") && !r.out.contains(Token.toUtf8()));
        QCOMPARE(nightly.value(QStringLiteral("workspacePath")).toString(),
                 SharedFolder + QStringLiteral("/nightly.json"));

        // Bob runs it as published, overriding one parameter on the command line.
        r = cli(m_bob, {QStringLiteral("submit"), QStringLiteral("--team-preset"),
                        QStringLiteral("nightly"), QStringLiteral("--folder"), SharedFolder,
                        QStringLiteral("--param"), QStringLiteral("region=emea"),
                        QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        QVERIFY2(r.err.contains("team preset \"nightly\""), r.err.constData());
        const QByteArray result =
            r.json().value(QStringLiteral("notebookResult")).toString().toUtf8();
        QVERIFY2(result.contains("2026-12-01") && result.contains("emea"), r.out.constData());
    }

    void aColleaguesChangeIsAConflict()
    {
        // Bob has his own "nightly": publishing it over Alice's is refused, nothing written.
        importLocal(m_bob, presetJson(QStringLiteral("nightly"), QStringLiteral("1999-01-01")));
        CliRun r = publish(m_bob, QStringLiteral("nightly"));
        QVERIFY2(r.exitCode == 1, r.describe().constData());
        QVERIFY2(r.err.contains("conflict") && r.err.contains("--force"), r.err.constData());
        QVERIFY(teamDateOf(m_alice) == QStringLiteral("2026-12-01"));

        // Asked to, he replaces hers; now Alice's next publish is the conflict.
        r = publish(m_bob, QStringLiteral("nightly"), {QStringLiteral("--force")});
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        QCOMPARE(teamDateOf(m_alice), QStringLiteral("1999-01-01"));
        importLocal(m_alice, presetJson(QStringLiteral("nightly"), QStringLiteral("2026-12-02")));
        r = publish(m_alice, QStringLiteral("nightly"));
        QVERIFY2(r.exitCode == 1, r.describe().constData());
        QCOMPARE(teamDateOf(m_bob), QStringLiteral("1999-01-01"));

        // Bob's own next edit goes through: the version there is the one he wrote.
        importLocal(m_bob, presetJson(QStringLiteral("nightly"), QStringLiteral("2000-02-02")));
        r = publish(m_bob, QStringLiteral("nightly"));
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        QCOMPARE(teamDateOf(m_alice), QStringLiteral("2000-02-02"));
    }

    void aFolderOneMayNotWriteIsReadOnly()
    {
        const QString demoFolder = QStringLiteral("/Shared/Demo");
        CliRun r = publish(m_alice, QStringLiteral("nightly"),
                           {QStringLiteral("--folder"), demoFolder + QStringLiteral("/presets")});
        QVERIFY2(r.exitCode == 3, r.describe().constData());
        QVERIFY2(r.err.contains("read-only") && r.err.contains("PERMISSION_DENIED") == false,
                 r.err.constData());
        r = cli(m_alice,
                {QStringLiteral("presets"), QStringLiteral("list"), QStringLiteral("--team"),
                 QStringLiteral("--folder"), demoFolder, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        QCOMPARE(r.json().value(QStringLiteral("readOnly")).toBool(), true);
    }

    void aSecretIsNeverPublished()
    {
        importLocal(m_alice, presetJson(QStringLiteral("leaky"), QStringLiteral("2026-12-01"),
                                        QStringLiteral("api_token")));
        const CliRun r = publish(m_alice, QStringLiteral("leaky"));
        QVERIFY2(r.exitCode == 2, r.describe().constData());
        QVERIFY2(r.err.contains("not published") && r.err.contains("api_token"), r.err.constData());
        const CliRun list =
            cli(m_bob, {QStringLiteral("presets"), QStringLiteral("list"), QStringLiteral("--team"),
                        QStringLiteral("--folder"), SharedFolder, QStringLiteral("--json")});
        QVERIFY(!list.out.contains("leaky"));
    }

    void theDefaultFolderIsTheUsersHome()
    {
        CliRun r = publish(m_alice, QStringLiteral("nightly"), {}, false);
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        QVERIFY2(r.err.contains("/Users/demo@example.com/.brickrun/presets/nightly.json"),
                 r.err.constData());
        r = cli(m_bob,
                {QStringLiteral("presets"), QStringLiteral("list"), QStringLiteral("--team")});
        QVERIFY2(r.exitCode == 0 && r.out.contains("nightly") &&
                     r.out.contains("/Users/demo@example.com/.brickrun/presets"),
                 r.describe().constData());
        r = cli(m_bob, {QStringLiteral("submit"), QStringLiteral("--team-preset"),
                        QStringLiteral("nobody")});
        QVERIFY2(r.exitCode == 2 && r.err.contains("no team preset named \"nobody\""),
                 r.describe().constData());
    }

private:
    CliRun cli(QTemporaryDir &home, QStringList args)
    {
        QProcessEnvironment env = Brickrun::Test::isolatedEnvironment(home.path());
        env.insert(QStringLiteral("DATABRICKS_TOKEN"), Token);
        env.insert(QStringLiteral("BRICKRUN_RETRY_BUDGET"), QStringLiteral("0"));
        if (args.value(0) != QLatin1String("presets") ||
            args.value(1) == QLatin1String("publish") || args.contains(QStringLiteral("--team")))
            args << QStringLiteral("--host") << m_url;
        return Brickrun::Test::runCli(args, env);
    }
    CliRun publish(QTemporaryDir &home, const QString &name, const QStringList &more = {},
                   bool sharedFolder = true)
    {
        QStringList args{QStringLiteral("presets"), QStringLiteral("publish"), name};
        if (sharedFolder && !more.contains(QStringLiteral("--folder")))
            args << QStringLiteral("--folder") << SharedFolder;
        return cli(home, args + more);
    }
    // Saves (adds or replaces) a preset in that home's own presets, as the desktop program's
    // "Save form as preset" does: the CLI's import would keep both under two names.
    void importLocal(QTemporaryDir &home, const QJsonObject &json)
    {
        Brickrun::Preset preset;
        QStringList problems;
        QVERIFY2(Brickrun::Preset::fromJson(json, &preset, &problems),
                 qPrintable(problems.join(QLatin1Char(';'))));
        QDir().mkpath(home.filePath(QStringLiteral("data/Brickrun/brickrun")));
        const QString path =
            home.filePath(QStringLiteral("data/Brickrun/brickrun/brickrun.sqlite"));
        {
            Brickrun::Database database(path);
            QString error;
            QVERIFY2(database.open(&error), qPrintable(error));
            QVERIFY2(Brickrun::PresetStore(&database).save(preset, &error), qPrintable(error));
        }
        // The program's own presets list sees it.
        const CliRun r =
            cli(home, {QStringLiteral("presets"), QStringLiteral("show"), preset.name});
        QVERIFY2(r.exitCode == 0 && r.out.contains(json.value(QStringLiteral("parameters"))
                                                       .toObject()
                                                       .value(QStringLiteral("date"))
                                                       .toString()
                                                       .toUtf8()),
                 r.describe().constData());
    }
    QString teamDateOf(QTemporaryDir &home)
    {
        const CliRun r =
            cli(home, {QStringLiteral("presets"), QStringLiteral("list"), QStringLiteral("--team"),
                       QStringLiteral("--folder"), SharedFolder, QStringLiteral("--json")});
        const QJsonArray presets = r.json().value(QStringLiteral("presets")).toArray();
        for (const QJsonValue &v : presets) {
            const QJsonObject p = v.toObject();
            if (p.value(QStringLiteral("name")).toString() == QLatin1String("nightly"))
                return p.value(QStringLiteral("parameters"))
                    .toObject()
                    .value(QStringLiteral("date"))
                    .toString();
        }
        return {};
    }

    QTemporaryDir m_alice;
    QTemporaryDir m_bob;
    QProcess m_emulator;
    QString m_url;
};

QTEST_GUILESS_MAIN(TestCliTeamPresets)
#include "tst_cliteampresets.moc"
