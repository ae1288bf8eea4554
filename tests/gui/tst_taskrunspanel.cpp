// SPDX-License-Identifier: Apache-2.0
// The Tasks tab of the run details, driven as a user would: a job run of the demo workspace
// with several tasks, one of them retried, read from the workspace when the tab is opened
// (runs/get, every page), each task's newest attempt listed, and the output of the task the
// user selects read by that task run's own id, once. Real widgets (offscreen), the demo
// workspace in process over loopback HTTP.
#include "EmulatorFixture.h"
#include "GuiTestSupport.h"
#include "RunDetailsPanel.h"
#include "TaskListModel.h"
#include "TestTimeouts.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <memory>
#include <optional>

using namespace Brickrun;
using Brickrun::Test::find;
using Brickrun::Test::scaledTimeout;

class tst_TaskRunsPanel : public QObject
{
    Q_OBJECT
private:
    std::optional<Brickrun::Test::EmulatorFixture> m_workspace;
    std::unique_ptr<RunDetailsPanel> m_panel;
    QString m_resolveError; // what the resolver answers instead of a client, when set

    QTabWidget *tabs() const { return find<QTabWidget>(m_panel.get(), "outputTabs"); }
    QWidget *tasksTab() const { return find<QWidget>(m_panel.get(), "tasksTab"); }
    QTableView *table() const { return find<QTableView>(m_panel.get(), "tasksTable"); }
    QLabel *status() const { return find<QLabel>(m_panel.get(), "tasksStatusLabel"); }
    QLabel *outputLabel() const { return find<QLabel>(m_panel.get(), "taskOutputLabel"); }
    QPlainTextEdit *outputText() const
    {
        return find<QPlainTextEdit>(m_panel.get(), "taskOutputText");
    }
    QAbstractItemModel *model() const { return table()->model(); }

    // A job run of the demo job, to its end (the flaky task fails once, then succeeds).
    qint64 finishedJobRun(const QJsonObject &request)
    {
        qint64 id = 0;
        QString error;
        if (!m_workspace->emulator()->createJobRun(request, &id, &error))
            qWarning("createJobRun: %s", qPrintable(error));
        m_workspace->emulator()->advanceSimulatedTime(10 * 60 * 1000);
        return id;
    }
    static RunRecord importedRecord(qint64 runId)
    {
        RunRecord r;
        r.id = 7;
        r.profile = QStringLiteral("demo");
        r.source = QStringLiteral("imported");
        r.tracking = RunRecord::Tracking::Finished;
        r.runId = runId;
        r.spec.runName = QStringLiteral("Demo job with 5 tasks");
        r.state.lifeCycleState = QStringLiteral("TERMINATED");
        r.state.resultState = QStringLiteral("SUCCESS");
        return r;
    }
    int requestsTo(const QString &route) const
    {
        int n = 0;
        for (const Emulator::RequestLogEntry &e : m_workspace->emulator()->requestLog())
            n += e.route == route ? 1 : 0;
        return n;
    }
    int rowOf(const QString &taskKey) const
    {
        for (int r = 0; r < model()->rowCount(); ++r) {
            if (model()->index(r, TaskListModel::TaskColumn).data().toString() == taskKey)
                return r;
        }
        return -1;
    }
    QString cell(int row, int column) const
    {
        return model()->index(row, column).data().toString();
    }
    void selectRow(int row)
    {
        const QRect rect = table()->visualRect(model()->index(row, TaskListModel::TaskColumn));
        QTest::mouseClick(table()->viewport(), Qt::LeftButton, {}, rect.center());
    }

private Q_SLOTS:
    void init()
    {
        m_workspace.emplace();
        QString error;
        QVERIFY2(m_workspace->start(Brickrun::Test::EmulatorFixture::options(
                                        200, QStringLiteral("dapi-test-taskrunspanel")),
                                    &error),
                 qPrintable(error));
        m_resolveError.clear();
        m_panel = std::make_unique<RunDetailsPanel>();
        m_panel->setWorkspaceResolver([this](const QString &profile, auto then) {
            QCOMPARE(profile, QStringLiteral("demo"));
            if (!m_resolveError.isEmpty())
                return then(nullptr, QString(), m_resolveError);
            then(m_workspace->client(), m_workspace->emulator()->baseUrl(), QString());
        });
        m_panel->resize(760, 620);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    }
    void cleanup()
    {
        m_panel.reset();
        m_workspace.reset();
    }

    void everyTaskByItsNewestAttemptAndItsOwnOutput()
    {
        const qint64 runId = finishedJobRun(QJsonObject{{QStringLiteral("task_count"), 5}});
        QVERIFY(runId > 0);
        QAbstractItemModelTester tester(model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_workspace->emulator()->clearRequestLog();
        m_panel->showRecord(importedRecord(runId));
        // Nothing is read until the tab is opened.
        QCOMPARE(requestsTo(QStringLiteral("runs/get")), 0);
        QVERIFY(tabs()->indexOf(tasksTab()) >= 0);
        tabs()->setCurrentWidget(tasksTab());
        QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 5, scaledTimeout(10000));
        QVERIFY2(status()->text().contains(QLatin1String("5")), qPrintable(status()->text()));

        const QStringList keys{QStringLiteral("task_001"), QStringLiteral("task_002"),
                               QStringLiteral("task_003"), QStringLiteral("task_004"),
                               QStringLiteral("flaky")};
        for (const QString &key : keys)
            QVERIFY2(rowOf(key) >= 0, qPrintable(key));
        const int flaky = rowOf(QStringLiteral("flaky"));
        QCOMPARE(cell(flaky, TaskListModel::AttemptColumn), QStringLiteral("2 of 2"));
        QCOMPARE(cell(rowOf(QStringLiteral("task_001")), TaskListModel::AttemptColumn),
                 QStringLiteral("1"));
        for (int r = 0; r < model()->rowCount(); ++r) {
            QCOMPARE(cell(r, TaskListModel::StateColumn), QStringLiteral("Succeeded"));
            QVERIFY(!model()
                         ->index(r, TaskListModel::StateColumn)
                         .data(Qt::DecorationRole)
                         .value<QIcon>()
                         .isNull());
            QVERIFY(cell(r, TaskListModel::DurationColumn) != QStringLiteral("—"));
        }
        const qint64 flakyRunId =
            model()->index(flaky, 0).data(TaskListModel::TaskRunIdRole).toLongLong();
        QVERIFY(flakyRunId > 0);
        QCOMPARE(cell(flaky, TaskListModel::TaskRunColumn), QString::number(flakyRunId));

        // The flaky task's output, by its retry's task run id: the first attempt failed, the
        // retry returned "ok after retry".
        QCOMPARE(requestsTo(QStringLiteral("runs/get-output")), 0);
        selectRow(flaky);
        QTRY_VERIFY_WITH_TIMEOUT(
            outputText()->toPlainText().contains(QLatin1String("ok after retry")),
            scaledTimeout(10000));
        QVERIFY2(outputLabel()->text().contains(QString::number(flakyRunId)),
                 qPrintable(outputLabel()->text()));
        QCOMPARE(requestsTo(QStringLiteral("runs/get-output")), 1);
        QDir().mkpath(QStringLiteral(BRICKRUN_BINARY_DIR "/screenshots"));
        QVERIFY(m_panel->grab().save(
            QStringLiteral(BRICKRUN_BINARY_DIR "/screenshots/run-details-tasks.png")));

        // Another task's output is its own; back on flaky, nothing is read again.
        const int first = rowOf(QStringLiteral("task_001"));
        selectRow(first);
        QTRY_VERIFY_WITH_TIMEOUT(outputLabel()->text().contains(cell(first, 4)),
                                 scaledTimeout(10000));
        QTRY_COMPARE_WITH_TIMEOUT(requestsTo(QStringLiteral("runs/get-output")), 2,
                                  scaledTimeout(10000));
        QTRY_VERIFY_WITH_TIMEOUT(
            !outputText()->toPlainText().contains(QLatin1String("ok after retry")),
            scaledTimeout(10000));
        selectRow(flaky);
        QVERIFY(outputText()->toPlainText().contains(QLatin1String("ok after retry")));
        QCOMPARE(requestsTo(QStringLiteral("runs/get-output")), 2);

        // Refresh reads the tasks again; the selection stays on the same task.
        const int gets = requestsTo(QStringLiteral("runs/get"));
        QTest::mouseClick(find<QPushButton>(m_panel.get(), "tasksRefreshButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(requestsTo(QStringLiteral("runs/get")) > gets,
                                 scaledTimeout(10000));
        QTRY_VERIFY_WITH_TIMEOUT(
            outputText()->toPlainText().contains(QLatin1String("ok after retry")),
            scaledTimeout(10000));
        QCOMPARE(table()->currentIndex().row(), flaky);
    }

    void oneTaskRunShowsItsTask()
    {
        const qint64 runId = finishedJobRun(
            QJsonObject{{QStringLiteral("task_count"), 1}, {QStringLiteral("flaky_task"), false}});
        QVERIFY(runId > 0);
        tabs()->setCurrentWidget(tasksTab());
        m_panel->showRecord(importedRecord(runId)); // selected while the tab is open: read
        QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 1, scaledTimeout(10000));
        QCOMPARE(cell(0, TaskListModel::AttemptColumn), QStringLiteral("1"));
        QCOMPARE(tabs()->currentWidget(), tasksTab());
        // A record updated while followed is not read again (no polling).
        const int gets = requestsTo(QStringLiteral("runs/get"));
        m_panel->showRecord(importedRecord(runId));
        QTest::qWait(50);
        QCOMPARE(requestsTo(QStringLiteral("runs/get")), gets);
    }

    void failuresAreShown()
    {
        // The service's own words for a run it does not know.
        tabs()->setCurrentWidget(tasksTab());
        m_panel->showRecord(importedRecord(424242));
        QTRY_VERIFY_WITH_TIMEOUT(status()->text().contains(QLatin1String("could not be read")),
                                 scaledTimeout(10000));
        QVERIFY2(status()->text().contains(QLatin1String("424242")) ||
                     status()->text().contains(QLatin1String("RESOURCE_DOES_NOT_EXIST")),
                 qPrintable(status()->text()));
        QCOMPARE(model()->rowCount(), 0);

        // A workspace that cannot be reached says why.
        m_resolveError = QStringLiteral("Workspace \"demo\" is not signed in.");
        QTest::mouseClick(find<QPushButton>(m_panel.get(), "tasksRefreshButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(status()->text(), m_resolveError, scaledTimeout(10000));
    }
};

QTEST_MAIN(tst_TaskRunsPanel)
#include "tst_taskrunspanel.moc"
