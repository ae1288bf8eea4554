// SPDX-License-Identifier: Apache-2.0
// Which run page addresses the desktop program may open: only the run's own workspace.
#include "model/RunPageUrl.h"

#include <QTest>

using namespace Brickrun;

class tst_RunPageUrl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void opensOnlyTheWorkspacesOwnPages_data()
    {
        QTest::addColumn<QString>("page");
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("opens");
        const QString azure = QStringLiteral("https://adb-1234567890123456.7.azuredatabricks.net");
        QTest::newRow("the workspace's page")
            << azure + QStringLiteral("/?o=1234567890123456#job/1/run/2") << azure << true;
        QTest::newRow("host in another case")
            << QStringLiteral("https://ADB-1234567890123456.7.azuredatabricks.net/#job/1/run/2")
            << azure << true;
        QTest::newRow("file") << QStringLiteral("file:///etc/passwd") << azure << false;
        QTest::newRow("smb") << QStringLiteral("smb://adb-1234567890123456.7.azuredatabricks.net/x")
                             << azure << false;
        QTest::newRow("look-alike host")
            << QStringLiteral("https://adb-1234567890123456.7.azuredatabricks.net.evil.example/")
            << azure << false;
        QTest::newRow("another host")
            << QStringLiteral("https://example.com/#job/1") << azure << false;
        QTest::newRow("user info")
            << QStringLiteral("https://me@adb-1234567890123456.7.azuredatabricks.net/") << azure
            << false;
        QTest::newRow("plain http to the workspace")
            << QStringLiteral("http://adb-1234567890123456.7.azuredatabricks.net/#job/1") << azure
            << false;
        QTest::newRow("demo on loopback") << QStringLiteral("http://127.0.0.1:8123/#job/1/run/2")
                                          << QStringLiteral("http://127.0.0.1:8123") << true;
        QTest::newRow("loopback, another port") << QStringLiteral("http://127.0.0.1:9999/#job/1")
                                                << QStringLiteral("http://127.0.0.1:8123") << false;
        QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)") << azure << false;
        QTest::newRow("empty") << QString() << azure << false;
        QTest::newRow("no workspace host")
            << azure + QStringLiteral("/#job/1") << QString() << false;
    }
    void opensOnlyTheWorkspacesOwnPages()
    {
        QFETCH(QString, page);
        QFETCH(QString, host);
        QFETCH(bool, opens);
        QCOMPARE(safeRunPageUrl(page, host).isValid(), opens);
    }
};

QTEST_GUILESS_MAIN(tst_RunPageUrl)
#include "tst_runpageurl.moc"
