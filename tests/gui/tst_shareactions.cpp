// SPDX-License-Identifier: Apache-2.0
// Sharing a run in the desktop program (issue 20), as a user would: Share in the run's details
// and Copy as / Export as in the history's context menu and the presets menu put the run's
// Databricks CLI, curl, Python or Arazzo text on the clipboard or into a file; Import in the
// presets menu reads an Arazzo workflow back (Brickrun's own, and the seed, asking for the
// inputs it has no default for). Real widgets (offscreen), a real SQLite file in a temp dir.
#include "AppController.h"
#include "AppTestBase.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "PresetsBar.h"
#include "RunDetailsPanel.h"
#include "RunsTableModel.h"
#include "SubmitPanel.h"
#include "WorkArea.h"
#include "share/ArazzoExport.h"
#include "share/RunExport.h"
#include "store/Database.h"
#include "store/HistoryStore.h"
#include "store/PresetStore.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QInputDialog>
#include <QMenu>
#include <QScreen>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace Brickrun;
using Brickrun::Test::DialogScript;
using Brickrun::Test::find;

namespace {

RunSpec sharedSpec()
{
    RunSpec s;
    s.runName = QStringLiteral("Weekly 'sales'");
    s.taskKind = RunSpec::TaskKind::PythonFile;
    s.pythonFile = QStringLiteral("jobs/etl_job.py");
    s.pythonArguments = {QStringLiteral("--date"), QStringLiteral("it's $HOME")};
    s.compute.kind = ComputeSpec::Kind::NewJobCluster;
    s.compute.sparkVersion = QStringLiteral("15.4.x-scala2.12");
    s.compute.nodeTypeId = QStringLiteral("Standard_DS3_v2");
    s.compute.numWorkers = 2;
    s.source = RunSpec::SourceKind::Git;
    s.git.url = QStringLiteral("https://github.com/brickrun-demo/analytics");
    s.git.branch = QStringLiteral("main");
    return s;
}

QString fileText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class tst_ShareActions : public Test::AppTestBase
{
    Q_OBJECT
private:
    // A finished run in the history before the program starts.
    qint64 addFinishedRun()
    {
        Database db(databasePath());
        if (!db.open(nullptr))
            return 0;
        HistoryStore history(&db);
        RunRecord r;
        r.profile = QStringLiteral("demo");
        r.host = QStringLiteral("http://127.0.0.1:1");
        r.spec = sharedSpec();
        r.idempotencyToken = QStringLiteral("secret-idempotency-token-1");
        r.submittedAtMs = QDateTime::currentMSecsSinceEpoch() - 5 * 60 * 1000;
        const auto id = history.addPending(r);
        if (!id || !history.setSubmitted(id.value(), 744461901287))
            return 0;
        RunInfo info; // ended a minute after it started; the file's logs are its output
        info.runId = 744461901287;
        info.state.lifeCycleState = QStringLiteral("TERMINATED");
        info.state.resultState = QStringLiteral("SUCCESS");
        info.startTimeMs = r.submittedAtMs + 2000;
        info.endTimeMs = r.submittedAtMs + 64000;
        TaskRun task;
        task.runId = 744461901301;
        task.taskKey = r.spec.taskKey;
        task.state = info.state;
        info.tasks = {task};
        history.recordRun(id.value(), info);
        RunOutput output;
        output.logs =
            QStringLiteral("etl_job.py --date it's $HOME\nread 5 files\nwrote 1204 rows\n");
        history.setOutput(id.value(), output);
        return id.value();
    }

    QAction *action(const char *name) const
    {
        auto *a = window()->findChild<QAction *>(QString::fromLatin1(name));
        if (!a)
            qWarning("no action named %s", name);
        return a;
    }

private Q_SLOTS:
    void initTestCase() { setUpProcess(); }
    void init() { setUpTest(); }
    void cleanup() { tearDownTest(); }

    void shareButtonAndHistoryMenu()
    {
        QVERIFY(addFinishedRun() > 0);
        QVERIFY(startApp(false));
        QTableView *table = window()->findChild<QTableView *>(QStringLiteral("runsTable"));
        QVERIFY(table);
        QTRY_COMPARE(table->model()->rowCount(), 1);
        table->selectRow(0);
        RunDetailsPanel *details = window()->detailsPanel();
        auto *share = find<QToolButton>(details, "shareButton");
        QTRY_VERIFY(share->isVisible());
        QVERIFY(share->menu());

        if (qEnvironmentVariableIsSet("BRICKRUN_SHARE_SHOTS"))
            takeScreenshot(share);

        // Share → Copy as → Databricks CLI command: the exact body, no idempotency token.
        auto *copyCli = details->findChild<QAction *>(QStringLiteral("copyAsCli"));
        QVERIFY(copyCli);
        details->findChild<QMenu *>(QStringLiteral("copyAsMenu"))->aboutToShow();
        QVERIFY(copyCli->isEnabled());
        copyCli->trigger();
        const QString cli = QGuiApplication::clipboard()->text();
        QCOMPARE(cli, RunExport::databricksCli(sharedSpec()));
        QVERIFY(!cli.contains(QLatin1String("secret-idempotency-token")));

        // Share → Export as → Arazzo workflow…: the file the export names.
        const QString path = m_dir.filePath(QStringLiteral("weekly.arazzo.yaml"));
        DialogScript script;
        script.add(DialogScript::file(path));
        details->findChild<QAction *>(QStringLiteral("exportAsArazzo"))->trigger();
        QVERIFY(script.isDone());
        QCOMPARE(fileText(path),
                 ArazzoExport::yaml(sharedSpec(), QStringLiteral("Weekly 'sales'")));

        // The history's context menu: Copy as → Python (Databricks SDK).
        QString chosen;
        QTimer poll;
        poll.setInterval(20);
        connect(&poll, &QTimer::timeout, this, [&] {
            auto *popup = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            if (!popup)
                return;
            auto *python = popup->findChild<QAction *>(QStringLiteral("copyAsPython"));
            if (python) {
                auto *copyMenu = popup->findChild<QMenu *>(QStringLiteral("copyAsMenu"));
                Q_EMIT copyMenu->aboutToShow();
                chosen = python->isEnabled() ? python->text() : QStringLiteral("disabled");
                python->trigger();
            }
            popup->close();
            poll.stop();
        });
        poll.start();
        QGuiApplication::clipboard()->clear();
        Q_EMIT table->customContextMenuRequested(
            table->visualRect(table->model()->index(0, 1)).center());
        QTRY_VERIFY(!poll.isActive());
        QCOMPARE(chosen, ShareActions_formatLabel());
        QCOMPARE(QGuiApplication::clipboard()->text(), RunExport::pythonSdk(sharedSpec()));
    }

    void presetsMenuExportsAndImportsWorkflows()
    {
        QVERIFY(startApp(false));
        PresetStore *store = m_app->presets();
        Preset preset;
        preset.name = QStringLiteral("weekly sales");
        preset.profile = QStringLiteral("demo");
        preset.spec = sharedSpec();
        QString error;
        QVERIFY2(store->save(preset, &error), qPrintable(error));
        PresetsBar *bar = window()->submitPanel()->presetsBar();
        bar->reloadPresets();
        bar->selectPreset(preset.name);

        const QString path = m_dir.filePath(QStringLiteral("weekly-sales.arazzo.yaml"));
        DialogScript script;
        script.add(DialogScript::file(path));
        bar->findChild<QAction *>(QStringLiteral("exportAsArazzo"))->trigger();
        QVERIFY(script.isDone());
        QCOMPARE(fileText(path), ArazzoExport::yaml(preset.spec, preset.name));
        bar->findChild<QAction *>(QStringLiteral("copyAsCurl"))->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), RunExport::curl(preset.spec));

        // Gone, then back from the workflow file, the same run.
        QVERIFY(store->remove(preset.name));
        bar->reloadPresets();
        script.add(DialogScript::file(path));
        action("actionImportPresets")->trigger();
        QVERIFY(script.isDone());
        const auto back = store->preset(preset.name);
        QVERIFY(back);
        QCOMPARE(back->spec.toSubmitBody(QString()), preset.spec.toSubmitBody(QString()));
        QCOMPARE(bar->currentPreset(), preset.name);

        // The seed: its inputs have no default, so they are asked for, one by one.
        const QString seed = QStringLiteral(
            BRICKRUN_SOURCE_DIR
            "/../shared/seed/arazzo/azure-databricks-submit-one-time-run-workflow.yml");
        if (!QFile::exists(seed))
            QSKIP("the seed workflow (shared/seed beside the source tree) is absent: clones of "
                  "the repository do not have it");
        script.add(DialogScript::file(seed));
        for (int i = 0; i < 4; ++i) // runName, existingClusterId, notebookPath, taskKey
            script.add([](QWidget *modal) {
                auto *dialog = qobject_cast<QInputDialog *>(modal);
                if (!dialog)
                    return false;
                const QString label = dialog->labelText();
                dialog->setTextValue(label.contains(QLatin1String("notebookPath"))
                                         ? QStringLiteral("/Shared/Demo/hello")
                                     : label.contains(QLatin1String("existingClusterId"))
                                         ? QStringLiteral("demo-cluster")
                                         : QStringLiteral("main"));
                dialog->accept();
                return true;
            });
        action("actionImportPresets")->trigger();
        QVERIFY(script.isDone());
        const auto seeded =
            store->preset(QStringLiteral("Azure Databricks Submit a One-time Run and Wait"));
        QVERIFY(seeded);
        QCOMPARE(seeded->spec.notebookPath, QStringLiteral("/Shared/Demo/hello"));
        QCOMPARE(seeded->spec.clusterId, QStringLiteral("demo-cluster"));
    }

private:
    // docs/screenshots/share-run.png: the Share menu open on its Copy as submenu (the
    // environment variable names the folder).
    void takeScreenshot(QToolButton *share)
    {
        window()->resize(1366, 768);
        window()->move(0, 0);
        QTest::qWait(200);
        QMenu *menu = share->menu();
        menu->popup(share->mapToGlobal(QPoint(0, share->height())));
        QTRY_VERIFY(menu->isVisible());
        QMenu *copy = window()->detailsPanel()->findChild<QMenu *>(QStringLiteral("copyAsMenu"));
        QVERIFY(copy);
        const QRect item = menu->actionGeometry(copy->menuAction());
        menu->setActiveAction(copy->menuAction());
        copy->popup(menu->mapToGlobal(QPoint(menu->width(), item.top())));
        QTRY_VERIFY(copy->isVisible());
        copy->setActiveAction(copy->actions().constLast());
        QTest::qWait(200);
        const QPixmap shot = QGuiApplication::primaryScreen()->grabWindow(0, 0, 0, 1366, 768);
        const QString path = QDir(qEnvironmentVariable("BRICKRUN_SHARE_SHOTS"))
                                 .filePath(QStringLiteral("share-run.png"));
        QVERIFY2(shot.save(path), qPrintable(path));
        copy->close();
        menu->close();
    }

    static QString ShareActions_formatLabel() { return QStringLiteral("Python (Databricks SDK)"); }
};

QTEST_MAIN(tst_ShareActions)
#include "tst_shareactions.moc"
