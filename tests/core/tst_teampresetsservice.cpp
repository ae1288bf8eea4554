// SPDX-License-Identifier: Apache-2.0
// TeamPresets (publish, list, conflicts) and the WorkspaceApi calls under it against the demo
// workspace over loopback HTTP: two Brickruns, each with its own cache, on one workspace.
#include "Emulator.h"
#include "api/WorkspaceApi.h"
#include "share/TeamPresets.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace Brickrun;
using Status = TeamPresets::PublishOutcome::Status;

namespace {

const QString Folder = QStringLiteral("/Shared/Team/presets");

Preset presetNamed(const QString &name, const char *date)
{
    Preset p;
    p.name = name;
    p.profile = QStringLiteral("laptop");
    p.spec.notebookPath = QStringLiteral("/Shared/Demo/echo_params");
    p.spec.clusterId = QStringLiteral("demo-cluster");
    p.spec.parameters = {{QStringLiteral("date"), QString::fromLatin1(date)}};
    return p;
}

// One Brickrun: a connection and a cache of its own.
struct Instance
{
    Instance(const QString &baseUrl, const QString &token, const QString &cacheFile)
        : transport(&nam)
        , api(&transport)
        , cache(cacheFile)
        , team(&api, &cache, QStringLiteral("demo"))
    {
        transport.setEndpoint(QUrl(baseUrl), token);
    }
    TeamPresets::PublishOutcome publish(const Preset &p, bool force = false,
                                        const QString &folder = Folder)
    {
        std::optional<TeamPresets::PublishOutcome> out;
        team.publish(p, folder, force, [&](const TeamPresets::PublishOutcome &o) { out = o; });
        (void)QTest::qWaitFor([&] { return out.has_value(); }, 10000);
        return out.value_or(TeamPresets::PublishOutcome{});
    }
    std::optional<TeamPresets::Listing> list(const QString &folder = Folder)
    {
        std::optional<TeamPresets::Listing> out;
        bool done = false;
        team.refresh(folder, [&](const Result<TeamPresets::Listing> &r) {
            if (r)
                out = r.value();
            done = true;
        });
        (void)QTest::qWaitFor([&] { return done; }, 10000);
        return out;
    }
    bool importRaw(const QString &path, const QByteArray &content)
    {
        std::optional<bool> ok;
        api.importFile(path, content, true, &nam, [&](const Result<bool> &r) { ok = r.isOk(); });
        (void)QTest::qWaitFor([&] { return ok.has_value(); }, 10000);
        return ok.value_or(false);
    }

    QNetworkAccessManager nam;
    HttpTransport transport;
    WorkspaceApi api;
    TeamPresetCache cache;
    TeamPresets team;
};

} // namespace

class tst_TeamPresetsService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Emulator::EmulatorOptions o;
        o.token = QStringLiteral("dapi-test-team");
        m_emulator = std::make_unique<Emulator::Emulator>(o);
        QString error;
        QVERIFY2(m_emulator->start(&error), qPrintable(error));
        m_alice = std::make_unique<Instance>(m_emulator->baseUrl(), o.token,
                                             m_dir.filePath(QStringLiteral("alice.json")));
        m_bob = std::make_unique<Instance>(m_emulator->baseUrl(), o.token,
                                           m_dir.filePath(QStringLiteral("bob.json")));
    }
    void cleanupTestCase()
    {
        m_alice.reset();
        m_bob.reset();
        m_emulator.reset();
    }

    void fileNames()
    {
        QCOMPARE(TeamPresets::fileNameFor(QStringLiteral("Nightly (EU)")),
                 QStringLiteral("Nightly (EU).json"));
        QCOMPARE(TeamPresets::fileNameFor(QStringLiteral("a/b")), QStringLiteral("a%2Fb.json"));
        QCOMPARE(TeamPresets::fileNameFor(QStringLiteral(".hidden")),
                 QStringLiteral("%2Ehidden.json"));
        QCOMPARE(TeamPresets::defaultFolderFor(QStringLiteral("me@example.com")),
                 QStringLiteral("/Users/me@example.com/.brickrun/presets"));
    }

    void secretsAreRefused_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("refused");
        QTest::newRow("plain") << "date"
                               << "2026-12-01" << false;
        QTest::newRow("secret name") << "db_password"
                                     << "x" << true;
        QTest::newRow("token value")
            << "x" << QString(QStringLiteral("dapi") + QStringLiteral("0").repeated(32))
            << true; // token-shaped, fake
        QTest::newRow("bearer") << "header"
                                << "Bearer abc" << true;
        QTest::newRow("jwt") << "t"
                             << "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkw.sig" << true;
    }
    void secretsAreRefused()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(bool, refused);
        Preset p = presetNamed(QStringLiteral("s"), "2026-12-01");
        p.spec.parameters = {{key, value}};
        QCOMPARE(!TeamPresets::secretProblem(p).isEmpty(), refused);
        if (refused) {
            const auto outcome = m_alice->publish(p);
            QCOMPARE(outcome.status, Status::Refused);
            QVERIFY(!outcome.message.contains(value) || value.size() < 12);
        }
    }

    void publishListAndConflict()
    {
        auto outcome = m_alice->publish(presetNamed(QStringLiteral("nightly"), "1"));
        QCOMPARE(outcome.status, Status::Published);
        QCOMPARE(outcome.path, Folder + QStringLiteral("/nightly.json"));
        // The same again: unchanged for Alice; for Bob (who never read it) unchanged too.
        QCOMPARE(m_alice->publish(presetNamed(QStringLiteral("nightly"), "1")).status,
                 Status::Published);
        QCOMPARE(m_bob->publish(presetNamed(QStringLiteral("nightly"), "1")).status,
                 Status::Unchanged);

        const auto listing = m_bob->list();
        QVERIFY(listing);
        QCOMPARE(listing->presets.size(), 1);
        QCOMPARE(listing->presets.at(0).preset.profile, QString()); // never the publisher's
        QVERIFY(listing->presets.at(0).modifiedAt > 0);
        QVERIFY(!listing->readOnly);

        // Alice changes it; Bob's different edit is then a conflict with Alice's as theirs.
        QCOMPARE(m_alice->publish(presetNamed(QStringLiteral("nightly"), "2")).status,
                 Status::Published);
        outcome = m_bob->publish(presetNamed(QStringLiteral("nightly"), "3"));
        QCOMPARE(outcome.status, Status::Conflict);
        QVERIFY(outcome.theirs);
        QCOMPARE(outcome.theirs->preset.spec.parameters.value(0).second, QStringLiteral("2"));
        // Bob takes theirs over: his next publish replaces it without a conflict.
        m_bob->team.adopt(*outcome.theirs);
        QCOMPARE(m_bob->publish(presetNamed(QStringLiteral("nightly"), "3")).status,
                 Status::Published);
        QCOMPARE(m_alice->publish(presetNamed(QStringLiteral("nightly"), "4")).status,
                 Status::Conflict);
        QCOMPARE(m_alice->publish(presetNamed(QStringLiteral("nightly"), "4"), true).status,
                 Status::Published);
        QCOMPARE(m_bob->list()->presets.at(0).preset.spec.parameters.value(0).second,
                 QStringLiteral("4"));
    }

    void filesThatAreNoPresetAreLeftOut()
    {
        QVERIFY(m_alice->importRaw(Folder + QStringLiteral("/notes.json"), "not json"));
        QVERIFY(m_alice->importRaw(Folder + QStringLiteral("/readme.txt"), "hello"));
        const auto listing = m_bob->list();
        QVERIFY(listing);
        QCOMPARE(listing->presets.size(), 1);
        QCOMPARE(listing->problems.size(), 1);
        QVERIFY2(listing->problems.at(0).startsWith(QStringLiteral("notes.json: not a preset")),
                 qPrintable(listing->problems.at(0)));
    }

    void missingAndReadOnlyFolders()
    {
        auto listing = m_alice->list(QStringLiteral("/Shared/Nobody/presets"));
        QVERIFY(listing && listing->folderMissing && listing->presets.isEmpty());
        listing = m_alice->list(QStringLiteral("/Shared/Demo"));
        QVERIFY(listing && listing->readOnly);
        QVERIFY(m_alice->cache.isReadOnly(QStringLiteral("demo"), QStringLiteral("/Shared/Demo")));
        const auto outcome = m_alice->publish(presetNamed(QStringLiteral("x"), "1"), false,
                                              QStringLiteral("/Shared/Demo/presets"));
        QCOMPARE(outcome.status, Status::ReadOnly);
        QVERIFY(outcome.error.isPermission());
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Emulator::Emulator> m_emulator;
    std::unique_ptr<Instance> m_alice;
    std::unique_ptr<Instance> m_bob;
};

QTEST_GUILESS_MAIN(tst_TeamPresetsService)
#include "tst_teampresetsservice.moc"
