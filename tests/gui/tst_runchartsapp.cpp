// SPDX-License-Identifier: Apache-2.0
// "Runs at a glance" (issue #20) in the program as a user runs it: the demo workspace over
// loopback HTTP, the real history and AppController, widgets offscreen. The selected run's
// timeline and its notebook's duration trend fill from the history the runs leave behind, and
// follow a run while it goes. With BRICKRUN_RUN_CHARTS_SHOTS=<dir>, also grabs the window (light,
// dark) into <dir> for docs/run-charts.md, at the demo's real speed.
#include "AppController.h"
#include "AppTestBase.h"
#include "AppTranslations.h"
#include "DarkPalette.h"
#include "DurationTrendWidget.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "RunCharts.h"
#include "RunTimelineWidget.h"
#include "RunsTableModel.h"
#include "TestTimeouts.h"
#include "store/Database.h"
#include "store/HistoryStore.h"
#include "workflow/RunMonitor.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTest>

using namespace Brickrun;
using Brickrun::Test::find;

class tst_RunChartsApp : public Test::AppTestBase
{
    Q_OBJECT
private:
    void submitThroughTheForm(const QString &notebook)
    {
        auto *notebookEdit = find<QLineEdit>(window(), "notebookEdit");
        notebookEdit->clear();
        QTest::keyClicks(notebookEdit, notebook);
        QTest::mouseClick(find<QPushButton>(window(), "submitButton"), Qt::LeftButton);
    }
    [[nodiscard]] bool submitAndWait(const QString &notebook, qint64 *id = nullptr)
    {
        const int before = m_app->runsModel()->rowCount();
        submitThroughTheForm(notebook);
        BRICKRUN_TEST_CHECK(QTest::qWaitFor([&] { return m_app->runsModel()->rowCount() > before; },
                                            Test::scaledTimeout(10000)),
                            "the run is in the history");
        const qint64 newest = m_app->runsModel()->idAt(0);
        BRICKRUN_TEST_CHECK(QTest::qWaitFor(
                                [&] {
                                    const auto r = m_app->history()->record(newest);
                                    return r && r->tracking == RunRecord::Tracking::Finished;
                                },
                                Test::scaledTimeout(60000)),
                            "the run ends");
        if (id)
            *id = newest;
        return true;
    }
    RunCharts *charts() const { return find<RunCharts>(window(), "runCharts"); }

    // Earlier runs of /Shared/Demo/hello on the demo cluster, as a history of a few weeks holds
    // them: mostly 7 to 12 s, two failures, one cancelled.
    void seedHistory()
    {
        Database db(databasePath());
        QString error;
        QVERIFY2(db.open(&error), qPrintable(error));
        HistoryStore history(&db);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QList<int> seconds{8, 9, 7, 11, 9, 8, 14, 9, 10, 8, 9, 12, 9, 8, 3, 9, 10, 8};
        for (int i = 0; i < seconds.size(); ++i) {
            RunRecord r;
            r.profile = QStringLiteral("demo");
            r.host = QStringLiteral("http://127.0.0.1:1");
            r.spec.notebookPath = QStringLiteral("/Shared/Demo/hello");
            r.spec.clusterId = QStringLiteral("demo-cluster");
            r.submittedAtMs = now - qint64(seconds.size() - i) * 3600 * 1000;
            const auto id = history.addPending(r);
            QVERIFY(id);
            QVERIFY(history.setSubmitted(id.value(), 7000 + i));
            RunInfo info;
            info.runId = 7000 + i;
            info.startTimeMs = r.submittedAtMs + 200;
            info.endTimeMs = info.startTimeMs + seconds.at(i) * 1000;
            info.state.lifeCycleState = QStringLiteral("TERMINATED");
            info.state.resultState = i == 6 || i == 11   ? QStringLiteral("FAILED")
                                     : seconds.at(i) < 5 ? QStringLiteral("CANCELED")
                                                         : QStringLiteral("SUCCESS");
            QVERIFY(history.recordRun(id.value(), info));
            QVERIFY(history.setOutput(id.value(), RunOutput()));
        }
    }
    void grab(const QString &dir, const QString &name)
    {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCoreApplication::processEvents();
        QVERIFY(window()->grab().save(dir + QLatin1Char('/') + name));
    }

private Q_SLOTS:
    void initTestCase()
    {
        setUpProcess();
        AppTranslations::install(QCoreApplication::instance());
    }
    void init() { setUpTest(); }
    void cleanup() { tearDownTest(); }

    void theChartsFollowTheSelectedRun()
    {
        // The demo at its real speed: its clock is this computer's, so a run going is timed on
        // the service's clock from its start (as against a workspace), not from the submit.
        qputenv("BRICKRUN_DEMO_SPEED", "1");
        QVERIFY(startApp(true));
        QVERIFY(charts());
        qint64 first = 0;
        QVERIFY(submitAndWait(QStringLiteral("/Shared/Demo/hello"), &first));
        QVERIFY(submitAndWait(QStringLiteral("/Shared/Demo/hello")));
        qint64 third = 0;
        QVERIFY(submitAndWait(QStringLiteral("/Shared/Demo/hello"), &third));
        QTRY_COMPARE(window()->selectedRunId(), third);

        // The run the details show: its phases as the monitor saw them, through to its end.
        QVERIFY(charts()->isVisible());
        const RunPhases &phases = charts()->timeline()->phases();
        QVERIFY(!phases.isEmpty());
        QVERIFY(phases.hasEnded());
        QCOMPARE(phases.endState().resultState, QStringLiteral("SUCCESS"));
        // Its notebook's trend: the three runs, oldest first, the shown one last; three
        // successes are enough for an expected duration.
        const DurationTrend &trend = charts()->trend()->trend();
        QCOMPARE(trend.runs.size(), 3);
        QCOMPARE(trend.runs.constFirst().recordId, first);
        QCOMPARE(trend.runs.constLast().recordId, third);
        QCOMPARE(trend.shownId, third);
        QVERIFY(trend.expectedMs > 0);
        QCOMPARE(trend.elapsedMs, -1);

        // Another notebook: its own trend (one run so far), which the hello runs are not in.
        qint64 failing = 0;
        QVERIFY(submitAndWait(QStringLiteral("/Shared/Demo/failing"), &failing));
        QTRY_COMPARE(window()->selectedRunId(), failing);
        QTRY_COMPARE(charts()->trend()->trend().runs.size(), 1);
        QCOMPARE(charts()->timeline()->phases().endState().resultState, QStringLiteral("FAILED"));

        // A run going: the last phase and the elapsed time grow with the panel's clock.
        submitThroughTheForm(QStringLiteral("/Shared/Demo/slow_report"));
        QTRY_VERIFY_WITH_TIMEOUT(m_app->runsModel()->rowCount() == 5 &&
                                     m_app->runsModel()->recordAt(0)->state.lifeCycleState ==
                                         QLatin1String("RUNNING"),
                                 Test::scaledTimeout(30000));
        const qint64 slow = m_app->runsModel()->idAt(0);
        QTRY_COMPARE(window()->selectedRunId(), slow);
        QTRY_VERIFY(charts()->timeline()->phases().isOngoing());
        QVERIFY(charts()->trend()->trend().elapsedMs >= 0);
        const qint64 elapsed = charts()->trend()->trend().elapsedMs;
        const qint64 lastPhase = charts()->timeline()->phases().phases().constLast().durationMs();
        QTRY_VERIFY_WITH_TIMEOUT(charts()->trend()->trend().elapsedMs > elapsed, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(
            charts()->timeline()->phases().phases().constLast().durationMs() > lastPhase, 5000);
        m_app->monitor()->cancel(slow);
        QTRY_VERIFY_WITH_TIMEOUT(!charts()->timeline()->phases().isOngoing(),
                                 Test::scaledTimeout(30000));
        qputenv("BRICKRUN_DEMO_SPEED", "40");
    }

    void screenshotsForTheDocs()
    {
        const QString dir = qEnvironmentVariable("BRICKRUN_RUN_CHARTS_SHOTS");
        if (dir.isEmpty())
            QSKIP("BRICKRUN_RUN_CHARTS_SHOTS is not set");
        QVERIFY(QDir().mkpath(dir));
        qputenv("BRICKRUN_DEMO_SPEED", "1"); // the phases as long as a user sees them
        seedHistory();
        QVERIFY(startApp(true));
        window()->resize(1366, 768);
        submitThroughTheForm(QStringLiteral("/Shared/Demo/hello"));
        QTRY_VERIFY_WITH_TIMEOUT(m_app->runsModel()->rowCount() == 19 &&
                                     m_app->runsModel()->recordAt(0)->state.lifeCycleState ==
                                         QLatin1String("RUNNING"),
                                 30000);
        QTest::qWait(2500);
        grab(dir, QStringLiteral("run-charts-running.png"));
        const qint64 id = m_app->runsModel()->idAt(0);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_app->history()->record(id)->tracking == RunRecord::Tracking::Finished, 60000);
        QTest::qWait(500);
        grab(dir, QStringLiteral("run-charts.png"));
        const QPalette light = QApplication::palette();
        QApplication::setPalette(Test::darkPalette());
        grab(dir, QStringLiteral("run-charts-dark.png"));
        QApplication::setPalette(light);
        qputenv("BRICKRUN_DEMO_SPEED", "40");
    }
};

QTEST_MAIN(tst_RunChartsApp)
#include "tst_runchartsapp.moc"
