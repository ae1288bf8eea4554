// SPDX-License-Identifier: Apache-2.0
// Presets in the desktop program, driven as a user would: save the form as a preset (asking
// before replacing one), choose one to fill the form, rename, duplicate, delete, export and
// import (the store's errors shown in full) and run one in a click. Real widgets (offscreen),
// a real SQLite file in a temp dir, the demo workspace over loopback HTTP.
#include "AppController.h"
#include "AppTestBase.h"
#include "DemoWorkspace.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "MemoryTokenStore.h"
#include "PresetsBar.h"
#include "RunsTableModel.h"
#include "SubmitPanel.h"
#include "store/Database.h"
#include "store/HistoryStore.h"
#include "store/PresetStore.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace Brickrun;
using Brickrun::Test::DialogScript;
using Brickrun::Test::find;

class tst_PresetsBar : public Test::AppTestBase
{
    Q_OBJECT
private:
    [[nodiscard]] bool startApp() { return AppTestBase::startApp(true) && activate(); }
    // The offscreen platform gives the window no activation back after a dialog closed (a
    // window manager does): shortcuts need an active window.
    [[nodiscard]] bool activate()
    {
        window()->activateWindow();
        BRICKRUN_TEST_CHECK(QTest::qWaitForWindowActive(window()), "the window is active");
        return true;
    }
    PresetStore *store() const { return m_app->presets(); }
    QComboBox *combo() const { return find<QComboBox>(window(), "presetCombo"); }
    QAction *action(const char *name) const
    {
        auto *a = window()->findChild<QAction *>(QString::fromLatin1(name));
        if (!a)
            qWarning("no action named %s", name);
        return a;
    }
    void fillForm(const QString &notebook, const QString &runName,
                  const QList<QPair<QString, QString>> &parameters = {})
    {
        auto *cluster = find<QLineEdit>(window(), "clusterEdit");
        cluster->clear();
        QTest::keyClicks(cluster, QStringLiteral("demo-cluster"));
        auto *nb = find<QLineEdit>(window(), "notebookEdit");
        nb->clear();
        QTest::keyClicks(nb, notebook);
        auto *name = find<QLineEdit>(window(), "runNameEdit");
        name->clear();
        QTest::keyClicks(name, runName);
        // The parameters table as Re-run fills it (typing into table cells adds nothing here).
        RunSpec spec = window()->submitPanel()->spec();
        spec.parameters = parameters;
        window()->submitPanel()->setSpec(spec);
    }
    // Chooses a preset in the combo's list with the keyboard, as a user does.
    void choosePreset(const QString &name)
    {
        QVERIFY(activate());
        QTest::keyClick(window(), Qt::Key_P, Qt::ControlModifier); // Presets → Choose preset…
        QAbstractItemView *list = combo()->view();
        QTRY_VERIFY(list->isVisible());
        list->setCurrentIndex(list->model()->index(combo()->findText(name), 0));
        QTest::keyClick(list, Qt::Key_Return);
        QTRY_VERIFY(!list->isVisible());
        QCOMPARE(combo()->currentText(), name);
    }

private Q_SLOTS:
    void initTestCase() { setUpProcess(); }
    void init() { setUpTest(); }
    void cleanup() { tearDownTest(); }

    // The Manage button has room for its menu arrow beside its label; a long preset name is cut
    // in the field, never in the list, and the field's tooltip says it whole; the dialog that
    // asks for a name is wide enough for its title.
    void longNamesAndTheManageButtonFit()
    {
        QVERIFY(startApp());
        PresetsBar *bar = window()->submitPanel()->presetsBar();
        auto *manage = find<QPushButton>(window(), "presetMenuButton");
        QVERIFY(manage && manage->menu());
        const int arrow =
            manage->style()->pixelMetric(QStyle::PM_MenuButtonIndicator, nullptr, manage);
        QVERIFY(manage->width() >= manage->fontMetrics().horizontalAdvance(manage->text()) + arrow);

        Preset preset;
        preset.name =
            QStringLiteral("nightly sales report for the north-east region, full rebuild");
        preset.profile = QStringLiteral("demo");
        preset.spec.notebookPath = QStringLiteral("/Shared/Demo/hello");
        preset.spec.clusterId = QStringLiteral("demo-cluster");
        QString error;
        QVERIFY2(store()->save(preset, &error), qPrintable(error));
        bar->reloadPresets();
        bar->selectPreset(preset.name);
        auto *combo = find<QComboBox>(window(), "presetCombo");
        QCOMPARE(combo->toolTip(), preset.name);
        QVERIFY(combo->view()->minimumWidth() >=
                combo->view()->fontMetrics().horizontalAdvance(preset.name));

        const std::unique_ptr<QInputDialog> dialog(
            PresetsBar::nameDialog(window(), PresetsBar::tr("Save preset"),
                                   PresetsBar::tr("Save the form as a preset named:"), QString()));
        QVERIFY(dialog->minimumWidth() >
                dialog->fontMetrics().horizontalAdvance(dialog->windowTitle()) +
                    4 * dialog->fontMetrics().height());
    }

    void thePresetsMenu()
    {
        QVERIFY(startApp());
        auto *menu = window()->findChild<QMenu *>(QStringLiteral("menuPresets"));
        QVERIFY(menu);
        QStringList names;
        for (QAction *a : menu->actions()) {
            if (!a->isSeparator())
                names << a->objectName();
        }
        QCOMPARE(names, QStringList({"actionChoosePreset", "actionRunPreset", "actionSavePreset",
                                     "actionRenamePreset", "actionDuplicatePreset",
                                     "actionDeletePreset", "actionExportPreset",
                                     "actionImportPresets", "actionShowTeamPresets"}));
        QCOMPARE(action("actionSavePreset")->shortcut(),
                 QKeySequence(QStringLiteral("Ctrl+Shift+S")));
        QCOMPARE(action("actionRunPreset")->shortcut(),
                 QKeySequence(QStringLiteral("Ctrl+Shift+Return")));
        QCOMPARE(action("actionChoosePreset")->shortcut(), QKeySequence(QStringLiteral("Ctrl+P")));
        // Nothing chosen: only Save, Choose and Import make sense.
        QVERIFY(action("actionSavePreset")->isEnabled());
        QVERIFY(action("actionImportPresets")->isEnabled());
        QVERIFY(!action("actionRunPreset")->isEnabled());
        QVERIFY(!action("actionDeletePreset")->isEnabled());
        QVERIFY(!find<QToolButton>(window(), "runPresetButton")->isEnabled());
    }

    void saveChooseRenameDuplicateDelete()
    {
        QVERIFY(startApp());
        fillForm(QStringLiteral("/Shared/Demo/echo_params"), QStringLiteral("Daily echo"),
                 {{QStringLiteral("date"), QStringLiteral("2026-01-01")}});
        DialogScript script;
        script.add(DialogScript::text(QStringLiteral("daily")));
        QTest::keyClick(window(), Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(script.isDone());
        auto saved = store()->preset(QStringLiteral("daily"));
        QVERIFY(saved);
        QCOMPARE(saved->profile, QStringLiteral("demo"));
        QCOMPARE(saved->spec.notebookPath, QStringLiteral("/Shared/Demo/echo_params"));
        QCOMPARE(saved->spec.runName, QStringLiteral("Daily echo"));
        QCOMPARE(saved->spec.parameters.value(0).second, QStringLiteral("2026-01-01"));
        QCOMPARE(combo()->currentText(), QStringLiteral("daily"));
        QVERIFY(action("actionRunPreset")->isEnabled());

        // The same name again asks first: No keeps the preset, Yes replaces it.
        fillForm(QStringLiteral("/Shared/Demo/hello"), QStringLiteral("Hello"));
        script.add(DialogScript::text(QStringLiteral("daily")));
        script.add(DialogScript::button(QMessageBox::No));
        action("actionSavePreset")->trigger();
        QVERIFY(script.isDone());
        QCOMPARE(store()->preset(QStringLiteral("daily"))->spec.notebookPath,
                 QStringLiteral("/Shared/Demo/echo_params"));
        script.add(DialogScript::text(QStringLiteral("hello")));
        action("actionSavePreset")->trigger();
        QVERIFY(script.isDone());
        QCOMPARE(combo()->count(), 2);

        // Choosing a preset fills the form with it.
        choosePreset(QStringLiteral("daily"));
        QCOMPARE(find<QLineEdit>(window(), "notebookEdit")->text(),
                 QStringLiteral("/Shared/Demo/echo_params"));
        QCOMPARE(find<QLineEdit>(window(), "runNameEdit")->text(), QStringLiteral("Daily echo"));
        QCOMPARE(window()->submitPanel()->spec().parameters, saved->spec.parameters);
        choosePreset(QStringLiteral("hello"));
        QCOMPARE(find<QLineEdit>(window(), "notebookEdit")->text(),
                 QStringLiteral("/Shared/Demo/hello"));
        QVERIFY(window()->submitPanel()->spec().parameters.isEmpty());

        // Rename; to a taken name the store's reason is shown.
        choosePreset(QStringLiteral("daily"));
        script.add(DialogScript::text(QStringLiteral("daily echo")));
        action("actionRenamePreset")->trigger();
        QVERIFY(script.isDone());
        QVERIFY(!store()->preset(QStringLiteral("daily")));
        QVERIFY(store()->preset(QStringLiteral("daily echo")));
        QCOMPARE(combo()->currentText(), QStringLiteral("daily echo"));
        QString message;
        script.add(DialogScript::text(QStringLiteral("hello")));
        script.add(DialogScript::button(QMessageBox::Ok, &message));
        action("actionRenamePreset")->trigger();
        QVERIFY(script.isDone());
        QVERIFY2(message.contains(QStringLiteral("a preset named \"hello\" already exists")),
                 qPrintable(message));

        // Duplicate, delete (asks).
        action("actionDuplicatePreset")->trigger();
        QCOMPARE(combo()->currentText(), QStringLiteral("daily echo (copy)"));
        QCOMPARE(store()->preset(QStringLiteral("daily echo (copy)"))->spec.runName,
                 QStringLiteral("Daily echo"));
        script.add(DialogScript::button(QMessageBox::No));
        action("actionDeletePreset")->trigger();
        QVERIFY(script.isDone());
        QVERIFY(store()->preset(QStringLiteral("daily echo (copy)")));
        script.add(DialogScript::button(QMessageBox::Yes));
        action("actionDeletePreset")->trigger();
        QVERIFY(script.isDone());
        QVERIFY(!store()->preset(QStringLiteral("daily echo (copy)")));
        QCOMPARE(combo()->count(), 2);
        QCOMPARE(combo()->currentIndex(), -1);
        QVERIFY(!action("actionRunPreset")->isEnabled());
    }

    void exportAndImport()
    {
        QVERIFY(startApp());
        fillForm(QStringLiteral("/Shared/Demo/echo_params"), QStringLiteral("Weekly"),
                 {{QStringLiteral("mode"), QStringLiteral("full")}});
        DialogScript script;
        script.add(DialogScript::text(QStringLiteral("weekly")));
        action("actionSavePreset")->trigger();
        QVERIFY(script.isDone());

        const QString path = m_dir.filePath(QStringLiteral("weekly.json"));
        script.add(DialogScript::file(path));
        action("actionExportPreset")->trigger();
        QVERIFY(script.isDone());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray data = file.readAll();
        file.close();
        const QJsonObject json = QJsonDocument::fromJson(data).object();
        QCOMPARE(json.value(QStringLiteral("format")).toString(),
                 QStringLiteral("brickrun-preset"));
        QCOMPARE(json.value(QStringLiteral("name")).toString(), QStringLiteral("weekly"));
        QCOMPARE(json.value(QStringLiteral("profile")).toString(), QStringLiteral("demo"));
        QVERIFY(!data.contains(m_app->demoWorkspace()->token().toUtf8())); // never a token

        // Gone, then back from the file.
        script.add(DialogScript::button(QMessageBox::Yes));
        action("actionDeletePreset")->trigger();
        QVERIFY(script.isDone());
        QVERIFY(!store()->preset(QStringLiteral("weekly")));
        script.add(DialogScript::file(path));
        action("actionImportPresets")->trigger();
        QVERIFY(script.isDone());
        const auto back = store()->preset(QStringLiteral("weekly"));
        QVERIFY(back);
        QCOMPARE(back->spec.parameters.value(0).second, QStringLiteral("full"));
        QCOMPARE(combo()->currentText(), QStringLiteral("weekly"));
        QVERIFY(window()->statusBar()->currentMessage().contains(QStringLiteral("weekly")));

        // A bad file: nothing imported, and every problem the store found is shown.
        const QString bad =
            QStringLiteral(BRICKRUN_SOURCE_DIR "/tests/data/presets/wrong-types.json");
        QStringList expected;
        {
            Database scratch(m_dir.filePath(QStringLiteral("scratch.sqlite")));
            QVERIFY(scratch.open(nullptr));
            PresetStore(&scratch).importFromFile(bad, &expected);
        }
        QVERIFY(expected.size() > 3);
        QString message;
        script.add(DialogScript::file(bad));
        script.add(DialogScript::button(QMessageBox::Ok, &message));
        action("actionImportPresets")->trigger();
        QVERIFY(script.isDone());
        for (const QString &problem : std::as_const(expected))
            QVERIFY2(message.contains(problem),
                     qPrintable(problem + QStringLiteral(" in ") + message));
        QCOMPARE(store()->presets().size(), 1);
    }

    void runAPresetInOneClick()
    {
        QVERIFY(startApp());
        fillForm(QStringLiteral("/Shared/Demo/echo_params"), QStringLiteral("Echo preset"),
                 {{QStringLiteral("date"), QStringLiteral("2026-02-03")}});
        DialogScript script;
        script.add(DialogScript::text(QStringLiteral("echo")));
        action("actionSavePreset")->trigger();
        QVERIFY(script.isDone());
        // The form moves on; the preset runs as saved.
        fillForm(QStringLiteral("/Shared/Demo/hello"), QStringLiteral("Something else"));

        RunsTableModel *runs = m_app->runsModel();
        QTest::mouseClick(find<QToolButton>(window(), "runPresetButton"), Qt::LeftButton);
        QTRY_COMPARE(runs->rowCount(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!runs->recordAt(0)->isActive(), 30000);
        const RunRecord run = *runs->recordAt(0);
        QCOMPARE(run.profile, QStringLiteral("demo"));
        QCOMPARE(run.spec.notebookPath, QStringLiteral("/Shared/Demo/echo_params"));
        QCOMPARE(run.spec.runName, QStringLiteral("Echo preset"));
        QCOMPARE(run.spec.parameters.value(0).second, QStringLiteral("2026-02-03"));
        QCOMPARE(run.state.resultState, QStringLiteral("SUCCESS"));
        QVERIFY(run.output.notebookResult.contains(QStringLiteral("2026-02-03")));
        QCOMPARE(find<QLineEdit>(window(), "runNameEdit")->text(),
                 QStringLiteral("Something else"));

        // From the keyboard.
        QVERIFY(activate());
        QTest::keyClick(window(), Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE(runs->rowCount(), 2);

        // A preset whose workspace is not set up here says so and starts nothing.
        Preset elsewhere = *store()->preset(QStringLiteral("echo"));
        elsewhere.name = QStringLiteral("elsewhere");
        elsewhere.profile = QStringLiteral("nowhere");
        QString error;
        QVERIFY2(store()->save(elsewhere, &error), qPrintable(error));
        window()->submitPanel()->presetsBar()->reloadPresets();
        choosePreset(QStringLiteral("elsewhere"));
        QCOMPARE(window()->submitPanel()->currentProfile(), QStringLiteral("demo")); // kept
        QVERIFY(window()->statusBar()->currentMessage().contains(QStringLiteral("nowhere")));
        QString message;
        script.add(DialogScript::button(QMessageBox::Ok, &message));
        action("actionRunPreset")->trigger();
        QTRY_VERIFY(script.isDone());
        QVERIFY2(message.contains(QStringLiteral("nowhere")), qPrintable(message));
        QTest::qWait(100);
        QCOMPARE(runs->rowCount(), 2);
    }
};

QTEST_MAIN(tst_PresetsBar)
#include "tst_presetsbar.moc"
