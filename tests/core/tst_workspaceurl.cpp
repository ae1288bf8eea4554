// SPDX-License-Identifier: Apache-2.0
#include "config/WorkspaceUrl.h"

#include <QTest>

using namespace Brickrun;

class tst_WorkspaceUrl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void normalises_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << "https://adb-1234567890123456.7.azuredatabricks.net"
                               << "https://adb-1234567890123456.7.azuredatabricks.net";
        QTest::newRow("trailing slash") << "https://adb-1.2.azuredatabricks.net/"
                                        << "https://adb-1.2.azuredatabricks.net";
        QTest::newRow("no scheme") << "adb-1.2.azuredatabricks.net"
                                   << "https://adb-1.2.azuredatabricks.net";
        QTest::newRow("run page url") << "https://adb-1.2.azuredatabricks.net/?o=1#job/2/run/3"
                                      << "https://adb-1.2.azuredatabricks.net";
        QTest::newRow("path") << "https://ADB-1.2.AzureDatabricks.net/api/2.2/"
                              << "https://adb-1.2.azuredatabricks.net";
        QTest::newRow("port 443") << "https://h.example.com:443"
                                  << "https://h.example.com";
        QTest::newRow("loopback http") << "http://127.0.0.1:8080/"
                                       << "http://127.0.0.1:8080";
        QTest::newRow("localhost http") << "http://localhost:1"
                                        << "http://localhost:1";
        QTest::newRow("spaces") << "  https://h.example.com  "
                                << "https://h.example.com";
    }
    void normalises()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QString error;
        const QUrl url = WorkspaceUrl::parse(input, &error);
        QVERIFY2(url.isValid(), qPrintable(error));
        QCOMPARE(url.toString(), expected);
    }
    void rejects_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << ""
                               << "empty";
        QTest::newRow("http remote") << "http://adb-1.2.azuredatabricks.net"
                                     << "plain http";
        QTest::newRow("ftp") << "ftp://x.example.com"
                             << "only https://";
        QTest::newRow("credentials") << "https://me:pw@x.example.com"
                                     << "user name";
        QTest::newRow("garbage") << "https://"
                                 << "not a URL";
    }
    void rejects()
    {
        QFETCH(QString, input);
        QFETCH(QString, reason);
        QString error;
        QVERIFY(!WorkspaceUrl::parse(input, &error).isValid());
        QVERIFY2(error.contains(reason), qPrintable(error));
    }
    void neverShowsAPassword_data()
    {
        QTest::addColumn<QString>("input");
        QTest::newRow("user and password") << "https://me:hunter2-fake@x.example.com";
        QTest::newRow("no scheme") << "me:hunter2-fake@adb-1.2.azuredatabricks.net";
        QTest::newRow("plain http") << "http://me:hunter2-fake@x.example.com";
        QTest::newRow("not a URL") << "https://me:hunter2-fake@";
    }
    void neverShowsAPassword()
    {
        QFETCH(QString, input);
        QString error;
        QVERIFY(!WorkspaceUrl::parse(input, &error).isValid());
        QVERIFY(!error.isEmpty());
        QVERIFY2(!error.contains(QLatin1String("hunter2")) && !error.contains(QLatin1String("me:")),
                 qPrintable(error));
    }
    void recognisesAzure()
    {
        QVERIFY(WorkspaceUrl::isAzureDatabricks(
            QUrl(QStringLiteral("https://adb-1234.5.azuredatabricks.net"))));
        QVERIFY(!WorkspaceUrl::isAzureDatabricks(
            QUrl(QStringLiteral("https://x.cloud.databricks.com"))));
    }
};

QTEST_GUILESS_MAIN(tst_WorkspaceUrl)
#include "tst_workspaceurl.moc"
