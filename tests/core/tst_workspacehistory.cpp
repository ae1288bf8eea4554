// SPDX-License-Identifier: Apache-2.0
// A notebook's first run in Brickrun is often not its first in the workspace: with no local
// history, RunMonitor takes the expectation from the workspace's own recent runs (one runs/list
// per workspace, kept), end to end against the demo workspace over loopback HTTP. Also: the
// policy is given the run's time on the service's clock, so a run that always takes the same time
// is seen just after its end.
#include "EmulatorFixture.h"
#include "TestTimeouts.h"
#include "workflow/RunMonitor.h"
#include "workflow/RunStore.h"

#include <QTest>

#include <memory>
#include <optional>

using namespace Brickrun;

class tst_WorkspaceHistory : public QObject
{
    Q_OBJECT
private:
    static constexpr double Speed = 20;
    std::optional<Test::EmulatorFixture> m_workspace;
    std::vector<std::unique_ptr<MemoryRunStore>> m_stores;

    // A monitor over a store of its own: no local history.
    RunMonitor *engine()
    {
        m_stores.push_back(std::make_unique<MemoryRunStore>());
        auto *m = new RunMonitor(
            m_stores.back().get(), [this](const RunRecord &) { return m_workspace->client(); },
            this);
        PollPolicy p;
        p.timeScale = Speed;
        m->setPollPolicy(p);
        return m;
    }
    static RunRecord record(const QString &notebook)
    {
        RunRecord r;
        r.profile = QStringLiteral("demo");
        r.host = QStringLiteral("http://127.0.0.1");
        r.spec.notebookPath = notebook;
        r.spec.clusterId = QStringLiteral("demo-cluster");
        r.spec.runName = QStringLiteral("test run");
        return r;
    }
    int runsListed() const
    {
        int n = 0;
        const auto stats = m_workspace->emulator()->stats().requestsByRoute;
        for (auto it = stats.begin(); it != stats.end(); ++it) {
            if (it.key().contains(QLatin1String("runs/list")))
                n += it.value();
        }
        return n;
    }
    // Submits `count` runs of the notebook with a monitor of their own and waits for their end.
    bool runToTheEnd(const QString &notebook, int count)
    {
        RunMonitor *m = engine();
        int ended = 0;
        connect(m, &RunMonitor::runEnded, m, [&ended] { ++ended; });
        for (int i = 0; i < count; ++i) {
            if (m->submit(record(notebook)) == 0)
                return false;
        }
        return QTest::qWaitFor([&] { return ended == count; }, Test::scaledTimeout(30000));
    }

private Q_SLOTS:
    void init()
    {
        m_workspace.emplace();
        QVERIFY(m_workspace->start(
            Test::EmulatorFixture::options(Speed, QStringLiteral("dapi-test-workspace-history"))));
    }
    void cleanup()
    {
        qDeleteAll(findChildren<RunMonitor *>());
        m_stores.clear();
        m_workspace.reset();
    }

    void aFirstRunHereLearnsFromTheWorkspace()
    {
        QVERIFY(runToTheEnd(QStringLiteral("/Shared/Demo/hello"), 3));
        m_workspace->emulator()->clearRequestLog();

        RunMonitor *m = engine();
        const qint64 id = m->submit(record(QStringLiteral("/Shared/Demo/hello")));
        QVERIFY(id > 0);
        QVERIFY(!m->expectation(id).isValid()); // nothing local
        // The workspace's answer comes with the first poll.
        QVERIFY(QTest::qWaitFor([&] { return m->expectation(id).isValid(); },
                                Test::scaledTimeout(10000)));
        const PollPolicy::Expectation e = m->expectation(id);
        QCOMPARE(e.samples, 3);
        QCOMPARE(e.median.count(), 8000); // hello: 8 s from its start to its end
        QCOMPARE(runsListed(), 1);

        // A later run of the workspace, of another notebook, asks no more (one run at a time:
        // two would be observed with runs/list sweeps, another matter).
        QList<qint64> ended;
        connect(m, &RunMonitor::runEnded, m, [&ended](qint64 which) { ended.append(which); });
        QVERIFY(QTest::qWaitFor([&] { return ended.contains(id); }, Test::scaledTimeout(30000)));
        const qint64 other = m->submit(record(QStringLiteral("/Shared/Demo/echo_params")));
        QVERIFY(other > 0);
        QVERIFY(QTest::qWaitFor([&] { return ended.contains(other); }, Test::scaledTimeout(30000)));
        QCOMPARE(runsListed(), 1);
    }

    void aNotebookTheWorkspaceNeverRanHasNone()
    {
        RunMonitor *m = engine();
        const qint64 id = m->submit(record(QStringLiteral("/Shared/Demo/echo_params")));
        QVERIFY(id > 0);
        // Asked once, answered without this notebook: still none, and not asked again.
        QVERIFY(QTest::qWaitFor([&] { return runsListed() == 1; }, Test::scaledTimeout(10000)));
        QVERIFY(!m->expectation(id).isValid());
        bool ended = false;
        connect(m, &RunMonitor::runEnded, m, [&ended](qint64) { ended = true; });
        QVERIFY(QTest::qWaitFor([&] { return ended; }, Test::scaledTimeout(30000)));
        QCOMPARE(runsListed(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_WorkspaceHistory)
#include "tst_workspacehistory.moc"
