// SPDX-License-Identifier: Apache-2.0
#include "TestTimeouts.h"
#include "workflow/DeadlineTimer.h"

#include <QSignalSpy>
#include <QTest>

using namespace Brickrun;
using ms = std::chrono::milliseconds;

class tst_DeadlineTimer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aShortWaitEnds()
    {
        DeadlineTimer timer;
        QSignalSpy fired(&timer, &DeadlineTimer::timeout);
        timer.start(ms(50));
        QVERIFY(timer.isActive());
        QVERIFY(fired.wait(Brickrun::Test::scaledTimeout(5000)));
        QCOMPARE(fired.size(), 1);
    }
    void aWaitPastIntMillisecondsDoesNotEndEarly()
    {
        // 4,294,968 s is 2^32 ms + 704 ms: a QTimer given it in Qt 6.4 fired after 0.7 s.
        DeadlineTimer timer;
        QSignalSpy fired(&timer, &DeadlineTimer::timeout);
        timer.start(std::chrono::seconds(4294968));
        QVERIFY(timer.isActive());
        QVERIFY(!fired.wait(1500));
        QVERIFY(timer.isActive());
        QVERIFY(timer.remaining() > std::chrono::hours(24 * 49));
    }
    void stopEndsTheWait()
    {
        DeadlineTimer timer;
        QSignalSpy fired(&timer, &DeadlineTimer::timeout);
        timer.start(ms(20));
        timer.stop();
        QVERIFY(!timer.isActive());
        QVERIFY(!fired.wait(200));
    }
};

QTEST_GUILESS_MAIN(tst_DeadlineTimer)
#include "tst_deadlinetimer.moc"
