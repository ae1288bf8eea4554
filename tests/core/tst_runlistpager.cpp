// SPDX-License-Identifier: Apache-2.0
// RunListPager: the one rule for reading runs/list page after page (the history's import and the
// RunMonitor's sweeps both use it).
#include "workflow/RunListPager.h"

#include <QTest>

using namespace Brickrun;

namespace {

JsonMapping::RunListPage page(int runs, bool hasMore, const QString &token = QString())
{
    JsonMapping::RunListPage p;
    for (int i = 0; i < runs; ++i) {
        RunInfo r;
        r.runId = 1000 + i;
        p.runs.append(r);
    }
    p.hasMore = hasMore;
    p.nextPageToken = token;
    return p;
}

} // namespace

class tst_RunListPager : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keepsTheFirstQuery()
    {
        JobsClient::ListQuery first;
        first.activeOnly = true;
        first.limit = 7;
        first.expandTasks = true;
        const RunListPager pager(first);
        QVERIFY(pager.query().activeOnly);
        QCOMPARE(pager.query().limit, 7);
        QVERIFY(pager.query().expandTasks);
        QCOMPARE(pager.query().offset, 0);
        QVERIFY(pager.query().pageToken.isEmpty());
        QCOMPARE(pager.pagesRead(), 0);
    }
    void theLiveServicePagesWithItsToken()
    {
        RunListPager pager;
        QVERIFY(pager.advance(page(25, true, QStringLiteral("tok-2"))));
        QCOMPARE(pager.query().pageToken, QStringLiteral("tok-2"));
        QCOMPARE(pager.query().offset, 0); // the token wins over an offset
        // A token follows even a page without runs (the service may filter a page empty).
        QVERIFY(pager.advance(page(0, true, QStringLiteral("tok-3"))));
        QCOMPARE(pager.query().pageToken, QStringLiteral("tok-3"));
        QVERIFY(!pager.advance(page(3, false)));
        QCOMPARE(pager.pagesRead(), 3);
    }
    void withoutATokenByOffset()
    {
        RunListPager pager;
        QVERIFY(pager.advance(page(25, true)));
        QCOMPARE(pager.query().offset, 25);
        QVERIFY(pager.query().pageToken.isEmpty());
        QVERIFY(pager.advance(page(25, true)));
        QCOMPARE(pager.query().offset, 50);
        QVERIFY(!pager.advance(page(4, false)));
        QCOMPARE(pager.pagesRead(), 3);
    }
    void anEmptyPageWithoutATokenEnds()
    {
        // has_more with neither runs nor a token: asking again would read the same page.
        RunListPager pager;
        QVERIFY(!pager.advance(page(0, true)));
        QCOMPARE(pager.query().offset, 0);
    }
    void noMoreEndsEvenWithAToken()
    {
        RunListPager pager;
        QVERIFY(!pager.advance(page(25, false, QStringLiteral("stale"))));
        QVERIFY(pager.query().pageToken.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_RunListPager)
#include "tst_runlistpager.moc"
