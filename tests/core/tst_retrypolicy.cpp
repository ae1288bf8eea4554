// SPDX-License-Identifier: Apache-2.0
#include "api/RetryPolicy.h"

#include <QTest>

using namespace Brickrun;
using ms = std::chrono::milliseconds;

class tst_RetryPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void backsOffExponentiallyWithCap()
    {
        RetryPolicy p;
        p.maxJitter = ms(0);
        const auto e = ApiError::fromHttp(500, {}, {});
        QCOMPARE(p.nextDelay(e, true, 1, ms(0), 0)->count(), 1000);
        QCOMPARE(p.nextDelay(e, true, 2, ms(0), 0)->count(), 2000);
        QCOMPARE(p.nextDelay(e, true, 3, ms(0), 0)->count(), 4000);
        QCOMPARE(p.nextDelay(e, true, 7, ms(0), 0)->count(), 30000);
        QVERIFY(!p.nextDelay(e, true, 8, ms(0), 0)); // attempts used up
    }
    void honoursRetryAfterAndJitter()
    {
        RetryPolicy p;
        const auto e = ApiError::fromHttp(429, {}, {}, "8");
        QCOMPARE(p.nextDelay(e, true, 1, ms(0), 0.0)->count(), 8000);
        QCOMPARE(p.nextDelay(e, true, 1, ms(0), 0.5)->count(), 8500);
        QCOMPARE(p.nextDelay(e, true, 1, ms(0), 1.0)->count(), 9000);
    }
    void respectsBudget()
    {
        RetryPolicy p;
        p.maxJitter = ms(0);
        const auto e = ApiError::fromHttp(503, {}, {});
        QVERIFY(p.nextDelay(e, true, 1, std::chrono::minutes(4), 0));
        QVERIFY(!p.nextDelay(e, true, 1, ms(std::chrono::minutes(5)) - ms(500), 0));
    }
    void onlySafeRetries()
    {
        RetryPolicy p;
        // Not idempotent: only answers that say the server did not act.
        QVERIFY(p.nextDelay(ApiError::fromHttp(429, {}, {}), false, 1, ms(0), 0));
        QVERIFY(p.nextDelay(ApiError::fromHttp(503, {}, {}), false, 1, ms(0), 0));
        QVERIFY(!p.nextDelay(ApiError::fromHttp(500, {}, {}), false, 1, ms(0), 0));
        QVERIFY(!p.nextDelay(ApiError::timeout(QStringLiteral("t")), false, 1, ms(0), 0));
        QVERIFY(!p.nextDelay(ApiError::network(QStringLiteral("reset")), false, 1, ms(0), 0));
        // Permanent failures never.
        QVERIFY(!p.nextDelay(ApiError::fromHttp(400, {}, {}), true, 1, ms(0), 0));
        QVERIFY(!p.nextDelay(ApiError::fromHttp(401, {}, {}), true, 1, ms(0), 0));
        QVERIFY(!p.nextDelay(ApiError::tls(QStringLiteral("x")), true, 1, ms(0), 0));
        QVERIFY(!RetryPolicy::none().nextDelay(ApiError::fromHttp(503, {}, {}), true, 1, ms(0), 0));
    }
};

QTEST_GUILESS_MAIN(tst_RetryPolicy)
#include "tst_retrypolicy.moc"
