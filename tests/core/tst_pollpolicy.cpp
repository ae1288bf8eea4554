// SPDX-License-Identifier: Apache-2.0
#include "workflow/PollPolicy.h"

#include <QTest>

#include <algorithm>
#include <random>
#include <vector>

using namespace Brickrun;

namespace {

// A clock the test moves: follows one run with a policy until it has seen the end.
struct MockClock
{
    qint64 nowMs = 0;
    void advance(std::chrono::milliseconds d) { nowMs += d.count(); }
};

struct Followed
{
    int polls = 0;
    qint64 lagMs = 0;
};

// The run ends `durationMs` after the submit; the first poll comes nextDelay(0) after it. No state
// changes on the way (pollsSinceChange only grows): the worst case for the cadence without history.
Followed follow(const PollPolicy &policy, qint64 durationMs,
                const PollPolicy::Expectation &expected = {})
{
    MockClock clock;
    Followed f;
    int quiet = 0;
    for (;;) {
        clock.advance(policy.nextDelay(quiet, std::chrono::milliseconds(clock.nowMs), expected));
        ++f.polls;
        if (clock.nowMs >= durationMs) {
            f.lagMs = clock.nowMs - durationMs;
            return f;
        }
        ++quiet;
        if (f.polls > 100000)
            return f;
    }
}

std::vector<long long> durations(double medianMs, double relative, int count, unsigned seed)
{
    std::mt19937_64 random(seed);
    std::normal_distribution<double> z(0.0, 1.0);
    std::vector<long long> d;
    d.reserve(size_t(count));
    for (int i = 0; i < count; ++i)
        d.push_back(std::llround(medianMs * (1.0 + relative * z(random))));
    return d;
}

} // namespace

class tst_PollPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void firstPollWithinASecondThenBackOffToTen()
    {
        PollPolicy p;
        QCOMPARE(p.nextDelay(0).count(), 1000);
        QCOMPARE(p.nextDelay(1).count(), 1600);
        QCOMPARE(p.nextDelay(2).count(), 2560);
        QCOMPARE(p.nextDelay(50).count(), 10500);
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
        QCOMPARE(p.nextDelay(50).count(), 105); // maxDelay 10.5 s
        p.timeScale = 1e9;
        QCOMPARE(p.nextDelay(0).count(), 1); // never a busy loop
    }

    void expectationFromDurations()
    {
        using E = PollPolicy::Expectation;
        QVERIFY(!E::fromDurations({}).isValid());
        QVERIFY(!E::fromDurations({1000, 2000}).isValid()); // too few to trust
        QVERIFY(!E::fromDurations({0, -5, 0, 1000}).isValid());
        const E e = E::fromDurations({240000, 250000, 230000, 245000, 235000, 900000});
        QVERIFY(e.isValid());
        QCOMPARE(e.samples, 6);
        QCOMPARE(e.median.count(), 242500); // an outlier moves the median little
        QVERIFY(e.spread.count() > 5000 && e.spread.count() < 30000);
        // Identical durations still give a window (2% + 250 ms).
        const E same = E::fromDurations({10000, 10000, 10000, 10000});
        QCOMPARE(same.spread.count(), 450);
    }
    void withoutHistoryTheCadenceIsUnchanged()
    {
        PollPolicy p;
        for (int n = 0; n < 20; ++n) {
            for (qint64 elapsed : {0, 5000, 600000})
                QCOMPARE(p.nextDelay(n, std::chrono::milliseconds(elapsed), {}), p.nextDelay(n));
        }
    }
    void sdkBudget()
    {
        QCOMPARE(PollPolicy::sdkPollsFor(0), 1);
        QCOMPARE(PollPolicy::sdkPollsFor(1000), 2);  // at 0, at 1.4 s
        QCOMPARE(PollPolicy::sdkPollsFor(10000), 5); // 0, 1.4, 3.8, 7.2, 11.6
        QCOMPARE(PollPolicy::sdkPollsFor(120000), 17);
    }
    void sparseEarlyDenseAroundTheExpectedEnd()
    {
        PollPolicy p;
        const auto e = PollPolicy::Expectation::fromDurations(durations(240000, 0.05, 20, 1));
        const auto delay = [&](qint64 elapsedMs) {
            return p.nextDelay(3, std::chrono::milliseconds(elapsedMs), e).count();
        };
        QCOMPARE(delay(0), 1000);                 // the first poll as without history
        QVERIFY(delay(30000) >= 30000);           // early: sparse
        QVERIFY(delay(100000) <= 60000);          // never longer than sparseMaxDelay
        QVERIFY(delay(e.median.count()) <= 3000); // dense at the expected end
        QVERIFY(delay(e.median.count()) < delay(e.median.count() - 2 * e.spread.count()));
        QVERIFY(delay(e.median.count() + 10 * e.spread.count()) <=
                p.maxDelay.count()); // slower than ever
        // Scaled like the cadence without history.
        PollPolicy fast = p;
        fast.timeScale = 100;
        QCOMPARE(fast.nextDelay(3, std::chrono::milliseconds(30000), e).count(),
                 (delay(30000) + 50) / 100);
    }
    void sparsePollsLandOnTheWindow()
    {
        PollPolicy p;
        const auto e = PollPolicy::Expectation::fromDurations({120000, 121000, 119000, 120500});
        const qint64 windowStart = e.median.count() - qint64(2.5 * double(e.spread.count()));
        MockClock clock;
        bool landed = false;
        while (clock.nowMs < windowStart) {
            clock.advance(p.nextDelay(5, std::chrono::milliseconds(clock.nowMs), e));
            landed = clock.nowMs == windowStart;
        }
        QVERIFY2(landed, "the last sparse poll is at the window's start, not past it");
    }
    void learnsFromHistoryOnAMockClock_data()
    {
        QTest::addColumn<double>("nominalMs");
        QTest::newRow("10 s") << 10000.0;
        QTest::newRow("2 min") << 120000.0;
        QTest::newRow("20 min") << 1200000.0;
    }
    void learnsFromHistoryOnAMockClock()
    {
        // Runs whose durations jitter by 5% around the history's: the median lag is within the
        // window's spacing and the polls stay within what the SDK waiter spends on the same runs.
        // The figures themselves are for bench/polling; this checks the shape, not the speed.
        QFETCH(double, nominalMs);
        const PollPolicy p;
        const auto history =
            PollPolicy::Expectation::fromDurations(durations(nominalMs, 0.05, 20, 7));
        const std::vector<long long> actual = durations(nominalMs, 0.05, 201, 8);
        std::vector<qint64> lags;
        std::vector<qint64> lagsWithout;
        long long polls = 0;
        long long sdkPolls = 0;
        for (long long duration : actual) {
            const Followed with = follow(p, duration, history);
            const Followed without = follow(p, duration);
            lags.push_back(with.lagMs);
            lagsWithout.push_back(without.lagMs);
            polls += with.polls;
            sdkPolls += PollPolicy::sdkPollsFor(double(duration));
        }
        std::sort(lags.begin(), lags.end());
        std::sort(lagsWithout.begin(), lagsWithout.end());
        const qint64 median = lags[lags.size() / 2];
        // (The policy alone, without the TERMINATING hint RunMonitor also uses.)
        QVERIFY2(median <= 2000, qPrintable(QString::number(median)));
        QVERIFY(median * 2 <= lagsWithout[lagsWithout.size() / 2]);
        // No more runs/get than the SDK waiter spends on the same runs.
        QVERIFY2(polls <= sdkPolls, qPrintable(QStringLiteral("%1 > %2").arg(polls).arg(sdkPolls)));
    }
    void withoutHistoryNoMoreRequestsThanTheSdk_data()
    {
        QTest::addColumn<double>("nominalMs");
        QTest::newRow("10 s") << 10000.0;
        QTest::newRow("2 min") << 120000.0;
        QTest::newRow("20 min") << 1200000.0;
        QTest::newRow("3 h") << 3.0 * 3600000.0;
    }
    void withoutHistoryNoMoreRequestsThanTheSdk()
    {
        // A notebook's first runs: no history, no state change on the way (the cadence alone).
        QFETCH(double, nominalMs);
        const PollPolicy p;
        long long polls = 0;
        long long sdkPolls = 0;
        for (long long duration : durations(nominalMs, 0.05, 201, 9)) {
            polls += follow(p, duration).polls;
            sdkPolls += PollPolicy::sdkPollsFor(double(duration));
        }
        QVERIFY2(polls <= sdkPolls, qPrintable(QStringLiteral("%1 > %2").arg(polls).arg(sdkPolls)));
    }
    void aRunFarFromItsHistoryIsStillSeen()
    {
        // History says 20 minutes; this one fails after 40 s, or takes an hour.
        PollPolicy p;
        const auto e = PollPolicy::Expectation::fromDurations(durations(1200000, 0.05, 20, 3));
        const Followed early = follow(p, 40000, e);
        QVERIFY(early.lagMs <= 80000); // sparse: within about twice the elapsed time
        const Followed late = follow(p, 3600000, e);
        QVERIFY(late.lagMs <= p.maxDelay.count()); // past the window: back to at most maxDelay
    }
};

QTEST_GUILESS_MAIN(tst_PollPolicy)
#include "tst_pollpolicy.moc"
