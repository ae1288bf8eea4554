#include "workflow/PollPolicy.h"

#include <QTest>

using namespace Brickrun;

class tst_PollPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void firstPollWithinASecondThenBackOffToTen()
    {
        PollPolicy p;
        QCOMPARE(p.nextDelay(0).count(), 1000);
        QCOMPARE(p.nextDelay(1).count(), 1500);
        QCOMPARE(p.nextDelay(2).count(), 2250);
        QCOMPARE(p.nextDelay(50).count(), 10000);
        qint64 last = 0;
        for (int n = 0; n < 20; ++n) {
            QVERIFY(p.nextDelay(n).count() >= last);
            last = p.nextDelay(n).count();
        }
        QCOMPARE(p.nextDelay(-3).count(), 1000);
    }
    void scalesWithSimulatedTime()
    {
        PollPolicy p;
        p.timeScale = 100;
        QCOMPARE(p.nextDelay(0).count(), 10);
        QCOMPARE(p.nextDelay(50).count(), 100);
        p.timeScale = 1e9;
        QCOMPARE(p.nextDelay(0).count(), 1); // never a busy loop
    }
};

QTEST_GUILESS_MAIN(tst_PollPolicy)
#include "tst_pollpolicy.moc"
