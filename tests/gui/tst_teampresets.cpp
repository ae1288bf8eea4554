// SPDX-License-Identifier: Apache-2.0
// Team presets in the desktop program, as a user meets them: a colleague's Brickrun (its own
// cache, its own connection) publishes to the demo workspace's folder; the window's "Team
// presets" lists it, fills the form with it and runs it; a publish over the colleague's newer
// version asks (keep theirs / replace theirs) and never overwrites silently; a folder the
// workspace does not let the user write is read-only. Real widgets (offscreen), the demo
// workspace over loopback HTTP.
#include "AppController.h"
#include "AppTestBase.h"
#include "DemoWorkspace.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "PresetsBar.h"
#include "RunsTableModel.h"
#include "SubmitPanel.h"
#include "TeamPresetsModel.h"
#include "TeamPresetsPanel.h"
#include "api/HttpTransport.h"
#include "api/WorkspaceApi.h"
#include "share/TeamPresets.h"
#include "store/PresetStore.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Brickrun;
using Brickrun::Test::find;

namespace {

Preset echoPreset(const QString &name, const QString &date)
{
    Preset p;
    p.name = name;
    p.profile = QStringLiteral("demo");
    p.spec.notebookPath = QStringLiteral("/Shared/Demo/echo_params");
    p.spec.clusterId = QStringLiteral("demo-cluster");
    p.spec.runName = name;
    p.spec.parameters = {{QStringLiteral("date"), date}};
    return p;
}

// Another Brickrun on the same workspace: its own connection and its own cache.
class Colleague
{
public:
    Colleague(const QString &baseUrl, const QString &token, const QString &cacheFile)
        : m_transport(&m_network)
        , m_api(&m_transport)
        , m_cache(cacheFile)
        , m_team(&m_api, &m_cache, QStringLiteral("demo"))
    {
        m_transport.setEndpoint(QUrl(baseUrl), token);
    }
    TeamPresets::PublishOutcome publish(const Preset &preset, bool force = false)
    {
        std::optional<QString> folder;
        m_team.resolveFolder({},
                             [&](const Result<QString> &r) { folder = r ? r.value() : QString(); });
        if (!QTest::qWaitFor([&] { return folder.has_value(); }, 10000) || folder->isEmpty())
            return {};
        std::optional<TeamPresets::PublishOutcome> outcome;
        m_team.publish(preset, *folder, force,
                       [&](const TeamPresets::PublishOutcome &o) { outcome = o; });
        (void)QTest::qWaitFor([&] { return outcome.has_value(); }, 10000);
        return outcome.value_or(TeamPresets::PublishOutcome{});
    }
    QList<TeamPreset> list()
    {
        std::optional<QList<TeamPreset>> presets;
        m_team.refresh(TeamPresets::defaultFolderFor(QStringLiteral("demo@example.com")),
                       [&](const Result<TeamPresets::Listing> &r) {
                           presets = r ? r.value().presets : QList<TeamPreset>();
                       });
        (void)QTest::qWaitFor([&] { return presets.has_value(); }, 10000);
        return presets.value_or(QList<TeamPreset>());
    }

private:
    QNetworkAccessManager m_network;
    HttpTransport m_transport;
    WorkspaceApi m_api;
    TeamPresetCache m_cache;
    TeamPresets m_team;
};

} // namespace

class tst_TeamPresets : public Test::AppTestBase
{
    Q_OBJECT
private:
    TeamPresetsPanel *panel() const { return window()->teamPresetsPanel(); }
    std::unique_ptr<Colleague> colleague() const
    {
        return std::make_unique<Colleague>(m_app->demoWorkspace()->baseUrl(),
                                           m_app->demoWorkspace()->token(),
                                           m_dir.filePath(QStringLiteral("colleague-cache.json")));
    }
    QString status() const { return find<QLabel>(window(), "teamStatusLabel")->text(); }
    [[nodiscard]] bool refreshAndWait()
    {
        QSignalSpy refreshed(panel(), &TeamPresetsPanel::refreshed);
        QTest::mouseClick(find<QPushButton>(window(), "teamRefreshButton"), Qt::LeftButton);
        return refreshed.wait(10000);
    }

private Q_SLOTS:
    void initTestCase() { setUpProcess(); }
    void init() { setUpTest(); }
    void cleanup() { tearDownTest(); }

    void aColleaguesPresetIsListedUsedAndRun()
    {
        QVERIFY(startApp(true));
        QTRY_VERIFY_WITH_TIMEOUT(m_app->demoWorkspace() != nullptr, 10000);
        auto *dock = window()->findChild<QDockWidget *>(QStringLiteral("teamPresetsDock"));
        QVERIFY(dock);
        // Closed at first on a small screen (the offscreen one is 800x600): Presets → Team
        // presets opens it.
        auto *show = window()->findChild<QAction *>(QStringLiteral("actionShowTeamPresets"));
        QVERIFY(show);
        if (!dock->isVisible())
            show->trigger();
        QVERIFY(dock->isVisible());
        QAbstractItemModelTester tester(panel()->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        // At start, the folder is read: the user's own default one, empty so far.
        QTRY_VERIFY_WITH_TIMEOUT(status().contains(QStringLiteral("does not exist yet")), 15000);
        QCOMPARE(panel()->folder(), QStringLiteral("/Users/demo@example.com/.brickrun/presets"));

        const auto other = colleague();
        QCOMPARE(
            other
                ->publish(echoPreset(QStringLiteral("Weekly report"), QStringLiteral("2026-12-07")))
                .status,
            TeamPresets::PublishOutcome::Status::Published);
        QCOMPARE(
            other->publish(echoPreset(QStringLiteral("Daily check"), QStringLiteral("2026-12-01")))
                .status,
            TeamPresets::PublishOutcome::Status::Published);
        QVERIFY(refreshAndWait());
        QCOMPARE(panel()->model()->rowCount(), 2);
        QCOMPARE(panel()->model()->index(1).data().toString(), QStringLiteral("Weekly report"));
        QVERIFY2(status().contains(QStringLiteral(": 2.")), qPrintable(status()));

        // Use fills the form (the preset names no profile: the form keeps its workspace).
        auto *list = find<QListView>(window(), "teamPresetsList");
        list->setCurrentIndex(panel()->model()->index(1));
        QTest::mouseClick(find<QPushButton>(window(), "teamUseButton"), Qt::LeftButton);
        const RunSpec spec = window()->submitPanel()->spec();
        QCOMPARE(spec.notebookPath, QStringLiteral("/Shared/Demo/echo_params"));
        QCOMPARE(spec.parameters.value(0).second, QStringLiteral("2026-12-07"));
        QCOMPARE(window()->submitPanel()->currentProfile(), QStringLiteral("demo"));

        RunsTableModel *runs = m_app->runsModel();
        window()->submitPanel()->submit();
        QTRY_COMPARE_WITH_TIMEOUT(runs->rowCount(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!runs->recordAt(0)->isActive(), 30000);
        QCOMPARE(runs->recordAt(0)->state.resultState, QStringLiteral("SUCCESS"));
        QVERIFY(runs->recordAt(0)->output.notebookResult.contains(QStringLiteral("2026-12-07")));
        window()->resize(1366, 768);
        window()->selectRun(runs->recordAt(0)->id);
        QTest::qWait(200); // the details panel shows the run
        saveScreenshot(window(), QStringLiteral("team-presets.png"));
    }

    void aColleaguesNewerVersionIsAConflict()
    {
        QVERIFY(startApp(true));
        QTRY_VERIFY_WITH_TIMEOUT(m_app->demoWorkspace() != nullptr, 10000);
        const auto other = colleague();
        QCOMPARE(
            other
                ->publish(echoPreset(QStringLiteral("Weekly report"), QStringLiteral("2026-12-07")))
                .status,
            TeamPresets::PublishOutcome::Status::Published);
        QVERIFY(refreshAndWait());
        // The user has a "Weekly report" of their own, made apart from the colleague's.
        QString error;
        QVERIFY(m_app->presets()->save(
            echoPreset(QStringLiteral("Weekly report"), QStringLiteral("1999-01-01")), &error));
        window()->submitPanel()->presetsBar()->reloadPresets();
        window()->submitPanel()->presetsBar()->selectPreset(QStringLiteral("Weekly report"));

        QSignalSpy published(panel(), &TeamPresetsPanel::published);
        QTest::mouseClick(find<QPushButton>(window(), "teamPublishButton"), Qt::LeftButton);
        QVERIFY(published.wait(10000));
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = window()->findChild<QMessageBox *>(QStringLiteral("teamConflictBox"))));
        QVERIFY2(box->text().contains(QStringLiteral("changed by someone else")),
                 qPrintable(box->text()));
        // Nothing was overwritten while it asks.
        QCOMPARE(other->list().value(0).preset.spec.parameters.value(0).second,
                 QStringLiteral("2026-12-07"));
        // Keep theirs: the form holds their version.
        find<QPushButton>(box, "keepTheirsButton")->click();
        QCOMPARE(window()->submitPanel()->spec().parameters.value(0).second,
                 QStringLiteral("2026-12-07"));

        // The colleague changes it again; the user's publish asks again; replace theirs.
        QCOMPARE(
            other
                ->publish(echoPreset(QStringLiteral("Weekly report"), QStringLiteral("2026-12-14")))
                .status,
            TeamPresets::PublishOutcome::Status::Published);
        published.clear();
        QTRY_VERIFY(find<QPushButton>(window(), "teamPublishButton")->isEnabled());
        QTest::mouseClick(find<QPushButton>(window(), "teamPublishButton"), Qt::LeftButton);
        QVERIFY(published.wait(10000));
        QTRY_VERIFY((box = window()->findChild<QMessageBox *>(QStringLiteral("teamConflictBox"))));
        find<QPushButton>(box, "replaceTheirsButton")->click();
        QTRY_COMPARE_WITH_TIMEOUT(other->list().value(0).preset.spec.parameters.value(0).second,
                                  QStringLiteral("1999-01-01"), 10000);
        // And the colleague's own publish of an older edit is now the conflict.
        QCOMPARE(
            other
                ->publish(echoPreset(QStringLiteral("Weekly report"), QStringLiteral("2026-12-21")))
                .status,
            TeamPresets::PublishOutcome::Status::Conflict);
    }

    void aFolderTheUserMayNotWriteIsReadOnly()
    {
        QVERIFY(startApp(true));
        QTRY_VERIFY_WITH_TIMEOUT(m_app->demoWorkspace() != nullptr, 10000);
        QTRY_VERIFY(find<QPushButton>(window(), "teamRefreshButton")->isEnabled());
        auto *folder = find<QLineEdit>(window(), "teamFolderEdit");
        QSignalSpy refreshed(panel(), &TeamPresetsPanel::refreshed);
        folder->setFocus();
        QTest::keyClicks(folder, QStringLiteral("/Shared/Demo"));
        QTest::keyClick(folder, Qt::Key_Return);
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(panel()->folder(), QStringLiteral("/Shared/Demo"));
        QVERIFY(panel()->isReadOnly());
        QVERIFY2(status().contains(QStringLiteral("Read-only")), qPrintable(status()));
        auto *publish = find<QPushButton>(window(), "teamPublishButton");
        QVERIFY(!publish->isEnabled());
        QVERIFY(publish->toolTip().contains(QStringLiteral("read-only")));
    }
};

QTEST_MAIN(tst_TeamPresets)
#include "tst_teampresets.moc"
