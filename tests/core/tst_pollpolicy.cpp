// SPDX-License-Identifier: Apache-2.0
#include "workflow/PollPolicy.h"
#include "workflow/ServiceClock.h"

#include <QTest>

#include <algorithm>
#include <random>
#include <vector>

using namespace Brickrun;
using std::chrono::milliseconds;

namespace {

struct Followed
{
    int polls = 0;
    qint64 lagMs = 0;
};

// Follows one run that ends `durationMs` after its start with the policy alone (a mock clock, no
// state change on the way: the worst case, without the TERMINATING hint RunMonitor also uses).
Followed follow(const PollPolicy &policy, qint64 durationMs,
                const PollPolicy::Expectation &expected = {}, double clockErrorMs = 0)
{
    PollPolicy::Situation now;
    now.clockErrorMs = clockErrorMs;
    Followed f;
    qint64 t = 0;
    for (;;) {
        t += policy.nextDelay(now, expected).count();
        now.elapsedMs = double(t);
        now.polls = ++f.polls;
        if (t >= durationMs || f.polls > 100000) {
            f.lagMs = t - durationMs;
            return f;
        }
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

PollPolicy::Situation at(int polls, double elapsedMs, bool ending = false)
{
    PollPolicy::Situation s;
    s.polls = polls;
    s.elapsedMs = elapsedMs;
    s.ending = ending;
    return s;
}

} // namespace

class tst_PollPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void backOffAfterFailuresUpToTheSdksCap()
    {
        PollPolicy p;
        QCOMPARE(p.nextDelay(0).count(), 1000);
        QCOMPARE(p.nextDelay(1).count(), 1600);
        QCOMPARE(p.nextDelay(50).count(), 10000);
        QCOMPARE(p.nextDelay(-3).count(), 1000);
    }
    void scalesWithSimulatedTime()
    {
        PollPolicy p;
        p.timeScale = 100;
        QCOMPARE(p.nextDelay(at(0, 0)).count(), 10);
        QCOMPARE(p.nextDelay(50).count(), 100); // maxDelay 10 s
        p.timeScale = 1e9;
        QCOMPARE(p.nextDelay(at(0, 0)).count(), 1); // never a busy loop
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
        // Identical durations still give a window: a tenth of the median with the weight of two
        // runs beside the four measured ones, widened by 1 + 2/4: √(2 × 1000² / 6) × 1.5.
        const E same = E::fromDurations({10000, 10000, 10000, 10000});
        QCOMPARE(same.spread.count(), 866);
        // Twenty identical runs: the prior weighs little (√(2/22) × 1000 × 1.1), and the floor
        // of 2% + 250 ms takes over.
        const E many = E::fromDurations(std::vector<long long>(20, 10000));
        QCOMPARE(many.spread.count(), 450);
        // The spread of many runs is what they measure (within the prior's small pull).
        const E measured = E::fromDurations(durations(100000, 0.10, 400, 5));
        QVERIFY2(measured.spread.count() > 9500 && measured.spread.count() < 10700,
                 qPrintable(QString::number(measured.spread.count())));
    }
    void sdkBudget()
    {
        // The SDK waiters: at once, then sleeps of n s + 0.4 s on average, at most 10.4 s (Go,
        // Python; the JS SDK's stop at 10 s: Brickrun keeps to the fewer requests).
        QCOMPARE(PollPolicy::sdkPollTimeMs(0), 0.0);
        QCOMPARE(PollPolicy::sdkPollTimeMs(3), 7200.0); // 1.4 + 2.4 + 3.4
        QCOMPARE(PollPolicy::sdkPollTimeMs(11) - PollPolicy::sdkPollTimeMs(10), 10400.0);
        QCOMPARE(PollPolicy::sdkPollTimeMs(3, 100), 7500.0); // each answer takes 100 ms
        QCOMPARE(PollPolicy::sdkPollsFor(0), 1);
        QCOMPARE(PollPolicy::sdkPollsFor(1000), 2);  // at 0, at 1.4 s
        QCOMPARE(PollPolicy::sdkPollsFor(10000), 5); // 0, 1.4, 3.8, 7.2, 11.6
        QCOMPARE(PollPolicy::sdkPollsFor(120000), 17);
    }
    void withoutHistoryNeverAheadOfTheSdk()
    {
        // The (k+1)-th runs/get never before the SDK's (k+1)-th, never sooner than 1 s after the
        // k-th: so on a run of any length, no more requests than the SDK.
        const PollPolicy p;
        QCOMPARE(p.nextDelay(at(0, 0)).count(), 1000);
        PollPolicy::Situation slowAnswers = at(10, 50000);
        QCOMPARE(p.simulatedDelayMs(slowAnswers), 9000.0); // the SDK's 11th: 59 s
        slowAnswers.roundTripMs = 100;
        QCOMPARE(p.simulatedDelayMs(slowAnswers), 10000.0); // … after 10 answers of 100 ms
        double t = 0;
        for (int k = 0; k < 400; ++k) {
            const double d = p.simulatedDelayMs(at(k, t));
            QVERIFY(d >= 1000);
            t += d;
            QVERIFY2(t >= PollPolicy::sdkPollTimeMs(k),
                     qPrintable(QStringLiteral("poll %1 at %2").arg(k + 1).arg(t)));
        }
        for (qint64 duration = 500; duration < 4 * 3600 * 1000; duration = duration * 11 / 10) {
            const Followed f = follow(p, duration);
            QVERIFY2(f.polls <= PollPolicy::sdkPollsFor(double(duration)),
                     qPrintable(QStringLiteral("%1 ms: %2 polls").arg(duration).arg(f.polls)));
        }
    }
    void terminatingIsPolledSoon()
    {
        PollPolicy p;
        const auto e = PollPolicy::Expectation::fromDurations({60000, 61000, 59000});
        QCOMPARE(p.nextDelay(at(9, 50000, true)).count(), 1000);
        QCOMPARE(p.nextDelay(at(3, 20000, true), e).count(), 1000);
        QVERIFY(p.nextDelay(at(9, 40000, false)).count() > 1000); // the SDK's 10th: 48.6 s
    }
    void sparseEarlyDenseAroundTheExpectedEnd()
    {
        PollPolicy p;
        const auto e = PollPolicy::Expectation::fromDurations(durations(240000, 0.05, 20, 1));
        const auto delay = [&](double elapsedMs) {
            return p.nextDelay(at(3, elapsedMs), e).count();
        };
        const double m = double(e.median.count());
        const double s = double(e.spread.count());
        QCOMPARE(delay(0), 10000);       // a third of the way to the window, at most the SDK's cap
        QVERIFY(delay(30000) >= 30000);  // early: sparse
        QVERIFY(delay(100000) <= 90000); // never longer than 1.5 × sparseMaxDelay
        // From 4.5 spreads before the expected end on, no longer than the SDK's cap.
        QVERIFY(delay(m - 4.4 * s) <= p.maxDelay.count());
        QVERIFY(delay(m) <= 3000); // dense at the expected end
        QVERIFY(delay(m) < delay(m - 2 * s));
        QVERIFY(delay(m + 10 * s) <= 10400); // slower than ever: the SDK's cadence at its cap
        // Scaled like the cadence without history.
        PollPolicy fast = p;
        fast.timeScale = 100;
        QCOMPARE(fast.nextDelay(at(3, 30000), e).count(), (delay(30000) + 50) / 100);
    }
    void sparsePollsLandJustPastTheWindowsStart()
    {
        PollPolicy p;
        const auto e = PollPolicy::Expectation::fromDurations({120000, 121000, 119000, 120500});
        const double windowStart = double(e.median.count()) - 2.5 * double(e.spread.count());
        double t = 0;
        int polls = 0;
        while (t < windowStart)
            t += p.simulatedDelayMs(at(polls++, t), e);
        QCOMPARE(t, windowStart + double(p.landAfter.count()));
    }
    void aPollLandsJustAfterTheExpectedEnd_data()
    {
        QTest::addColumn<qint64>("durationMs");
        QTest::addColumn<double>("clockErrorMs");
        QTest::newRow("8 s") << qint64(8000) << 0.0;
        QTest::newRow("8 s, clock known within 30 ms") << qint64(8000) << 30.0;
        QTest::newRow("3 min") << qint64(180000) << 0.0;
        QTest::newRow("30 min") << qint64(1800000) << 5.0;
    }
    void aPollLandsJustAfterTheExpectedEnd()
    {
        // A notebook that always takes the same time (the demo's hello): one poll is aimed just
        // after its expected end, never just before it, and the clock's error is allowed for.
        QFETCH(qint64, durationMs);
        QFETCH(double, clockErrorMs);
        const PollPolicy p;
        const auto e = PollPolicy::Expectation::fromDurations(
            {durationMs, durationMs, durationMs, durationMs, durationMs});
        const Followed f = follow(p, durationMs, e, clockErrorMs);
        QVERIFY2(f.lagMs >= qint64(clockErrorMs), qPrintable(QString::number(f.lagMs)));
        QVERIFY2(f.lagMs <= p.landAfter.count() + qint64(clockErrorMs) + 1,
                 qPrintable(QString::number(f.lagMs)));
        QVERIFY(f.polls <= PollPolicy::sdkPollsFor(double(durationMs)));
    }
    void learnsFromHistoryOnAMockClock_data()
    {
        QTest::addColumn<double>("nominalMs");
        QTest::addColumn<double>("relative");
        QTest::addColumn<double>("ratio");
        // With 15 %, no schedule does much better: with N polls spread over durations of
        // deviation σ the mean lag is at least 2.5 σ / N (density ∝ √f): 3.3 s for 20 min (σ =
        // 180 s, N ≈ 135 after the sparse polls), where no history gives 5 s; and the guard
        // before the window (a run shorter than its history says) and the window's tails (never
        // a gap longer than the SDK's cap there) spend some of the N.
        QTest::newRow("10 s, 5%") << 10000.0 << 0.05 << 0.5;
        QTest::newRow("2 min, 10%") << 120000.0 << 0.10 << 0.6;
        QTest::newRow("20 min, 15%") << 1200000.0 << 0.15 << 0.9;
    }
    void learnsFromHistoryOnAMockClock()
    {
        // Runs whose durations vary around the history's: the median lag is about half the one
        // without history or less (the policy alone, without the TERMINATING hint; when they
        // vary by 15 %, what the budget allows), and the polls stay
        // within what the SDK waiter spends on the same runs. The figures themselves are
        // bench/lag's; this checks the shape, not the speed.
        QFETCH(double, nominalMs);
        QFETCH(double, relative);
        QFETCH(double, ratio);
        const PollPolicy p;
        const auto history =
            PollPolicy::Expectation::fromDurations(durations(nominalMs, relative, 20, 7));
        const std::vector<long long> actual = durations(nominalMs, relative, 201, 8);
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
        QVERIFY2(
            double(median) <= ratio * double(lagsWithout[lagsWithout.size() / 2]),
            qPrintable(
                QStringLiteral("%1 vs %2").arg(median).arg(lagsWithout[lagsWithout.size() / 2])));
        QVERIFY2(polls <= sdkPolls, qPrintable(QStringLiteral("%1 > %2").arg(polls).arg(sdkPolls)));
    }
    void fewRunsThatAgreeByChanceDoNotMakeItLater()
    {
        // Four earlier runs within 1% of each other (the workspace's runs/list gave only these)
        // of a notebook that varies by 15%: the runs that end outside what those four suggest
        // are seen no later than without a history, in the median and the 95th percentile,
        // and inside the window no gap is longer than the SDK's cap.
        const PollPolicy p;
        const auto history = PollPolicy::Expectation::fromDurations({90000, 90400, 89700, 90200});
        const std::vector<long long> actual = durations(90000, 0.15, 401, 11);
        std::vector<qint64> with;
        std::vector<qint64> without;
        for (long long duration : actual) {
            with.push_back(follow(p, duration, history).lagMs);
            without.push_back(follow(p, duration).lagMs);
        }
        std::sort(with.begin(), with.end());
        std::sort(without.begin(), without.end());
        const auto at = [](const std::vector<qint64> &v, double q) {
            return v[size_t(q * double(v.size() - 1))];
        };
        QVERIFY2(at(with, 0.5) <= at(without, 0.5) / 2,
                 qPrintable(QStringLiteral("%1 vs %2").arg(at(with, 0.5)).arg(at(without, 0.5))));
        QVERIFY2(at(with, 0.95) <= at(without, 0.95),
                 qPrintable(QStringLiteral("%1 vs %2").arg(at(with, 0.95)).arg(at(without, 0.95))));
        const double m = double(history.median.count());
        const double s = double(history.spread.count());
        for (double t = m - 2.5 * s; t < m + 2.5 * s; t += s / 10)
            QVERIFY(p.simulatedDelayMs(::at(5, t), history) <= double(p.maxDelay.count()));
    }
    void aRunFarFromItsHistoryIsStillSeen()
    {
        // History says 20 minutes; this one fails after 40 s, or takes an hour.
        PollPolicy p;
        const auto e = PollPolicy::Expectation::fromDurations(durations(1200000, 0.05, 20, 3));
        const Followed early = follow(p, 40000, e);
        QVERIFY(early.lagMs <= 80000); // sparse: within about twice the elapsed time
        // Past the window: the SDK's cadence at its cap (10.4 s), so the polls it spent beyond
        // the SDK's in the window stay a few and do not grow with the run's length.
        const Followed late = follow(p, 3600000, e);
        QVERIFY(late.lagMs <= 10400);
        const int extra = late.polls - PollPolicy::sdkPollsFor(3600000);
        QVERIFY2(extra <= 20, qPrintable(QString::number(extra)));
        const Followed later = follow(p, 4 * 3600000, e);
        QVERIFY(later.lagMs <= 10400);
        QVERIFY2(later.polls - PollPolicy::sdkPollsFor(4 * 3600000) <= extra + 1,
                 qPrintable(QStringLiteral("%1 then %2")
                                .arg(extra)
                                .arg(later.polls - PollPolicy::sdkPollsFor(4 * 3600000))));
    }
    void serviceClockLearnsTheOffset()
    {
        // The service is 5 s ahead; answers come 10–40 ms after the request left.
        ServiceClock clock;
        QVERIFY(!clock.isKnown());
        clock.observe(1000, 1040, 6020); // the service's now at local 1020
        QVERIFY(clock.isKnown());
        QVERIFY(qAbs(clock.toService(2000) - 7000.0) <= 20.0);
        QCOMPARE(clock.error(), 20.0);
        clock.observe(3000, 3010, 8005); // a quicker answer narrows it
        QVERIFY(clock.error() <= 5.0);
        QVERIFY(qAbs(clock.toService(4000) - 9000.0) <= 5.0);
        // A bracket that contradicts the others (the clock was set): start afresh.
        clock.observe(5000, 5010, 20005);
        QVERIFY(qAbs(clock.toService(6000) - 21000.0) <= 5.0);
    }
    void serviceClockAtCompressedTime()
    {
        ServiceClock clock;
        clock.setRate(30);
        clock.observe(1000, 1002, 100000 + 30 * 1001);
        QVERIFY(qAbs(clock.toService(2001) - (100000.0 + 30.0 * 2001)) <= 30.0);
        QCOMPARE(clock.error(), 30.0);
        clock.setRate(10); // learned for another rate: unknown again
        QVERIFY(!clock.isKnown());
    }
};

QTEST_GUILESS_MAIN(tst_PollPolicy)
#include "tst_pollpolicy.moc"
