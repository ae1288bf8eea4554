// SPDX-License-Identifier: Apache-2.0
#include "config/ProfileStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace Brickrun;

class tst_ProfileStore : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString file() const { return m_dir.filePath(QStringLiteral("brickrun.ini")); }

    static Profile profile(const QString &name, const QString &host)
    {
        Profile p;
        p.name = name;
        p.host = QUrl(host);
        return p;
    }

private Q_SLOTS:
    void init() { QFile::remove(file()); }

    void jobsApiVersionIsRemembered()
    {
        ProfileStore store(file());
        Profile p = profile(QStringLiteral("old"), QStringLiteral("https://old.example.com"));
        QString error;
        QVERIFY(store.save(p, &error));
        QVERIFY(store.profile(QStringLiteral("old"))->jobsApiVersion.isEmpty());
        p.jobsApiVersion = QStringLiteral("2.1");
        QVERIFY(store.save(p, &error));
        QCOMPARE(ProfileStore(file()).profile(QStringLiteral("old"))->jobsApiVersion,
                 QStringLiteral("2.1"));
        // A profile saved anew (another host, an edit that starts from the form) forgets it.
        QVERIFY(store.save(
            profile(QStringLiteral("old"), QStringLiteral("https://new.example.com")), &error));
        QVERIFY(ProfileStore(file()).profile(QStringLiteral("old"))->jobsApiVersion.isEmpty());
    }
    void saveListReadRemove()
    {
        ProfileStore store(file());
        QVERIFY(store.profiles().isEmpty());
        QVERIFY(store.defaultProfile().isEmpty());
        Profile work =
            profile(QStringLiteral("work"), QStringLiteral("https://adb-1.2.azuredatabricks.net/"));
        work.clusterId = QStringLiteral("0923-164208-abcd123");
        work.caFile = QStringLiteral("/etc/ssl/company.pem");
        QString error;
        QVERIFY2(store.save(work, &error), qPrintable(error));
        QVERIFY(store.save(
            profile(QStringLiteral("alpha"), QStringLiteral("https://a.example.com")), &error));
        QCOMPARE(store.defaultProfile(), QStringLiteral("work")); // the first one

        // Another instance reads the same file: nothing is only in memory.
        ProfileStore again(file());
        const QList<Profile> all = again.profiles();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).name, QStringLiteral("alpha"));
        const auto w = again.profile(QStringLiteral("work"));
        QVERIFY(w);
        QCOMPARE(w->host.toString(), QStringLiteral("https://adb-1.2.azuredatabricks.net"));
        QCOMPARE(w->clusterId, QStringLiteral("0923-164208-abcd123"));
        QCOMPARE(w->caFile, QStringLiteral("/etc/ssl/company.pem"));
        QCOMPARE(w->authType, QStringLiteral("pat"));

        QVERIFY(again.remove(QStringLiteral("work")));
        QVERIFY(!again.contains(QStringLiteral("work")));
        QCOMPARE(again.defaultProfile(), QStringLiteral("alpha")); // moves on
        QVERIFY(!again.remove(QStringLiteral("work")));
    }
    void rejectsBadNamesAndHosts_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty name") << ""
                                    << "https://a.example.com"
                                    << "needs a name";
        QTest::newRow("slash") << "a/b"
                               << "https://a.example.com"
                               << "may only hold";
        QTest::newRow("space") << "my ws"
                               << "https://a.example.com"
                               << "may only hold";
        QTest::newRow("dash first") << "-x"
                                    << "https://a.example.com"
                                    << "must not start";
        QTest::newRow("long") << QString(65, QLatin1Char('a')) << "https://a.example.com"
                              << "longer than 64";
        QTest::newRow("http") << "ok"
                              << "http://a.example.com"
                              << "plain http";
        QTest::newRow("no host") << "ok"
                                 << ""
                                 << "empty";
    }
    void rejectsBadNamesAndHosts()
    {
        QFETCH(QString, name);
        QFETCH(QString, host);
        QFETCH(QString, reason);
        ProfileStore store(file());
        QString error;
        QVERIFY(!store.save(profile(name, host), &error));
        QVERIFY2(error.contains(reason), qPrintable(error));
        QVERIFY(store.profiles().isEmpty());
    }
    void theFileHoldsNoToken()
    {
        // Profiles have no token field at all; the file only ever holds these keys.
        ProfileStore store(file());
        QString error;
        QVERIFY(store.save(profile(QStringLiteral("work"), QStringLiteral("https://a.example.com")),
                           &error));
        QFile f(file());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(!text.toLower().contains("token"));
        QVERIFY(text.contains("host=https://a.example.com"));
    }
    void aSecretServesOnlyTheSameWorkspaceMethodAndIdentity()
    {
        Profile a = profile(QStringLiteral("work"), QStringLiteral("https://a.example.com"));
        a.authType = QStringLiteral("azure-client-secret");
        a.clientId = QStringLiteral("app-1");
        a.tenantId = QStringLiteral("tenant-1");
        Profile b = a;
        b.clusterId = QStringLiteral("0101-abc"); // not part of the credentials
        b.signedInAs = QStringLiteral("app-1");
        QVERIFY(Profile::sameCredentials(a, b));
        for (const auto &change : std::initializer_list<std::function<void(Profile &)>>{
                 [](Profile &p) { p.host = QUrl(QStringLiteral("https://b.example.com")); },
                 [](Profile &p) { p.authType = QStringLiteral("oauth-m2m"); },
                 [](Profile &p) { p.clientId = QStringLiteral("app-2"); },
                 [](Profile &p) { p.tenantId = QStringLiteral("tenant-2"); },
                 [](Profile &p) { p.authority = QStringLiteral("https://login.example.cn"); }}) {
            Profile c = a;
            change(c);
            QVERIFY(!Profile::sameCredentials(a, c));
        }
    }
    void manyProfilesInOneBatch()
    {
        // 20,000 profiles (a generated ~/.databrickscfg): saved in one batch, the file is
        // written once. Saving each with its own write made this quadratic (minutes).
        ProfileStore store(file());
        store.beginBatch();
        QString error;
        for (int i = 0; i < 20000; ++i) {
            QVERIFY(
                store.save(profile(QStringLiteral("p%1").arg(i),
                                   QStringLiteral("https://adb-%1.1.azuredatabricks.net").arg(i)),
                           &error));
            QVERIFY(store.contains(QStringLiteral("p%1").arg(i)));
        }
        QVERIFY(!QFile::exists(file())); // nothing written yet
        QVERIFY(store.endBatch());
        ProfileStore reread(file());
        QCOMPARE(reread.profiles().size(), 20000);
        QCOMPARE(reread.profile(QStringLiteral("p19999"))->host.host(),
                 QStringLiteral("adb-19999.1.azuredatabricks.net"));
        QCOMPARE(reread.defaultProfile(), QStringLiteral("p0"));
        QVERIFY(!reread.contains(QStringLiteral("p20000")));
    }
    void theFileAndItsFolderArePrivate()
    {
#ifdef Q_OS_UNIX
        // A settings folder made 0755 and a file made 0644 (as by an older Brickrun) are
        // closed to others at the next save.
        const QString folder = m_dir.filePath(QStringLiteral("config"));
        QVERIFY(QDir().mkpath(folder));
        const QString path = folder + QStringLiteral("/brickrun.ini");
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
        const auto open =
            QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther;
        QVERIFY(QFile::setPermissions(path, open));
        QVERIFY(QFile::setPermissions(folder,
                                      open | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther));
        ProfileStore store(path);
        QString error;
        QVERIFY(store.save(profile(QStringLiteral("work"), QStringLiteral("https://a.example.com")),
                           &error));
        const auto others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup |
                            QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
        QCOMPARE(QFileInfo(path).permissions() & others, QFile::Permissions());
        QCOMPARE(QFileInfo(folder).permissions() & others, QFile::Permissions());
        QVERIFY(QFileInfo(path).permissions() & QFile::ReadOwner);
#else
        QSKIP("file modes are a Unix matter; on Windows the profile's folders are private");
#endif
    }
};

QTEST_GUILESS_MAIN(tst_ProfileStore)
#include "tst_profilestore.moc"
