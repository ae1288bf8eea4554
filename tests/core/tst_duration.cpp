// SPDX-License-Identifier: Apache-2.0
#include "model/Duration.h"

#include <QTest>

using namespace Brickrun;

class tst_Duration : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("millis");
        QTest::newRow("bare number is seconds") << "90" << qint64(90000);
        QTest::newRow("zero") << "0" << qint64(0);
        QTest::newRow("seconds") << "90s" << qint64(90000);
        QTest::newRow("minutes") << "15m" << qint64(15 * 60000);
        QTest::newRow("hours") << "2h" << qint64(2 * 3600000);
        QTest::newRow("days") << "1d" << qint64(86400000);
        QTest::newRow("milliseconds") << "500ms" << qint64(500);
        QTest::newRow("parts") << "1h30m" << qint64(90 * 60000);
        QTest::newRow("parts with spaces") << " 2m 30s " << qint64(150000);
        QTest::newRow("upper case") << "2H" << qint64(2 * 3600000);
        QTest::newRow("seconds and ms") << "1s250ms" << qint64(1250);
    }
    void parses()
    {
        QFETCH(QString, text);
        QFETCH(qint64, millis);
        const auto parsed = Duration::parseMillis(text);
        QVERIFY2(parsed.has_value(), qPrintable(text));
        QCOMPARE(*parsed, millis);
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *text : {"", " ", "-5", "1.5h", "5x", "h", "m5", "1h-30m", "5s5s", "1m1h",
                                 "1 h x", "999999999999999", "abc", "30 minutes", "36601d"})
            QTest::newRow(text) << QString::fromLatin1(text);
    }
    void refuses()
    {
        QFETCH(QString, text);
        QVERIFY2(!Duration::parseMillis(text).has_value(), qPrintable(text));
    }

    void formatsWhatItReadsBack_data()
    {
        QTest::addColumn<qint64>("millis");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << qint64(0) << "0s";
        QTest::newRow("seconds") << qint64(45000) << "45s";
        QTest::newRow("minutes and seconds") << qint64(90000) << "1m30s";
        QTest::newRow("hours") << qint64(2 * 3600000) << "2h";
        QTest::newRow("a week") << qint64(7 * 86400000LL) << "7d";
        QTest::newRow("milliseconds") << qint64(1250) << "1s250ms";
    }
    void formatsWhatItReadsBack()
    {
        QFETCH(qint64, millis);
        QFETCH(QString, text);
        QCOMPARE(Duration::format(millis), text);
        QCOMPARE(Duration::parseMillis(text).value_or(-1), millis);
    }
};

QTEST_GUILESS_MAIN(tst_Duration)
#include "tst_duration.moc"
