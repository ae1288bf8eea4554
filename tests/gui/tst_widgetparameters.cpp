// SPDX-License-Identifier: Apache-2.0
// The parameters table filled from a notebook's widgets, driven as a user would: real widgets
// (offscreen) found by objectName, the demo workspace in-process over loopback HTTP.
// BRICKRUN_SCREENSHOT_DIR=<dir>: also saves the filled form as widgets-parameters.png there.
#include "AppTestBase.h"
#include "AppTranslations.h"
#include "GuiTestSupport.h"
#include "NotebookWidgetsLoader.h"
#include "ParametersTable.h"
#include "SubmitPanel.h"
#include "api/WorkspaceApi.h"
#include "auth/ConnectionRegistry.h"
#include "model/Preset.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace Brickrun;
using Brickrun::Test::find;

namespace {

// The table's rows as "name=value", in order.
QStringList rowsOf(const QTableWidget *table)
{
    QStringList rows;
    for (int row = 0; row < table->rowCount(); ++row)
        rows << (table->item(row, 0) ? table->item(row, 0)->text() : QString()) + QLatin1Char('=') +
                    (table->item(row, 1) ? table->item(row, 1)->text() : QString());
    return rows;
}

} // namespace

class tst_WidgetParameters : public Test::AppTestBase
{
    Q_OBJECT
private:
    ParametersTable *table() const { return find<ParametersTable>(window(), "parametersTable"); }
    QLabel *note() const { return find<QLabel>(window(), "parametersNote"); }
    NotebookWidgetsLoader *loader() const
    {
        return window()->submitPanel()->findChild<NotebookWidgetsLoader *>();
    }

    // Types a notebook path and waits until its widgets were read (or could not be).
    [[nodiscard]] bool choose(const QString &path)
    {
        auto *edit = find<QLineEdit>(window(), "notebookEdit");
        BRICKRUN_TEST_CHECK(
            QTest::qWaitFor(
                [&] { return find<QPushButton>(window(), "browseNotebookButton")->isEnabled(); },
                10000),
            "the workspace is connected");
        QSignalSpy finished(loader(), &NotebookWidgetsLoader::finished);
        edit->clear();
        QTest::keyClicks(edit, path);
        BRICKRUN_TEST_CHECK(
            QTest::qWaitFor([&] { return finished.contains(QVariantList{path}); }, 10000),
            qPrintable(QStringLiteral("the widgets of %1 were read").arg(path)));
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        setUpProcess();
        AppTranslations::install(QCoreApplication::instance()); // as the program does
    }
    void init() { setUpTest(); }
    void cleanup() { tearDownTest(); }

    void pickingANotebookFillsTheTable()
    {
        QVERIFY(startApp(true));
        QVERIFY(choose(QStringLiteral("/Shared/Demo/widgets_python")));
        QCOMPARE(rowsOf(table()), QStringList({"run_date=2026-12-01", "region=emea", "currency=EUR",
                                               "channels=web"}));
        QVERIFY(note()->isVisibleTo(window()));
        QVERIFY2(note()->text().contains(QStringLiteral("4 parameters")),
                 qPrintable(note()->text()));
        QVERIFY2(note()->text().contains(QStringLiteral("1 widget made in a loop")),
                 qPrintable(note()->text()));

        // Dropdown, combobox and multiselect values are picked from their choices.
        const auto combos = table()->findChildren<QComboBox *>(QStringLiteral("parameterChoices"));
        QCOMPARE(combos.size(), 3);
        QComboBox *region = nullptr;
        for (QComboBox *c : combos)
            if (c->findText(QStringLiteral("apac")) >= 0)
                region = c;
        QVERIFY(region);
        QVERIFY(!region->isEditable()); // a dropdown takes one of its choices only
        QCOMPARE(region->currentText(), QStringLiteral("emea"));
        region->setCurrentIndex(region->findText(QStringLiteral("apac")));
        QTRY_COMPARE(table()->item(1, 1)->text(), QStringLiteral("apac"));

        // The user can still add their own row; Submit sends all of them.
        const RunSpec spec = window()->submitPanel()->spec();
        QCOMPARE(spec.parameters.size(), 4);
        QCOMPARE(spec.parameters.at(1),
                 qMakePair(QStringLiteral("region"), QStringLiteral("apac")));

        // Another notebook: the rows the user changed stay, the untouched ones go.
        QVERIFY(choose(QStringLiteral("/Shared/Demo/widgets_sql")));
        QCOMPARE(rowsOf(table()), QStringList({"region=apac", "table_name=demo.sales.orders",
                                               "env=dev", "min_orders=10", "city=Berlin"}));
        // The multiselect's choices come from a table when the notebook runs: a plain value.
        QCOMPARE(table()->findChildren<QComboBox *>(QStringLiteral("parameterChoices")).size(), 2);

        if (const QByteArray dir = qgetenv("BRICKRUN_SCREENSHOT_DIR"); !dir.isEmpty()) {
            table()->setRowCount(0); // as a user who just picked the notebook sees it
            QVERIFY(choose(QStringLiteral("/Shared/Demo/widgets_python")));
            window()->resize(1100, 720);
            QTest::qWait(300);
            QVERIFY(window()->grab().save(QString::fromLocal8Bit(dir) +
                                          QStringLiteral("/widgets-parameters.png")));
        }
    }

    void aRefusedExportLeavesTheTableWithANote()
    {
        QVERIFY(startApp(true));
        QVERIFY(choose(QStringLiteral("/Shared/Demo/locked_source")));
        QCOMPARE(table()->rowCount(), 0);
        QVERIFY(note()->isVisibleTo(window()));
        QVERIFY2(note()->text().contains(QStringLiteral("could not be read")) &&
                     note()->text().contains(QStringLiteral("403")),
                 qPrintable(note()->text()));
        QVERIFY(find<QPushButton>(window(), "submitButton")->isEnabled()); // best effort only

        QVERIFY(choose(QStringLiteral("/Shared/Demo/huge_source")));
        QVERIFY2(note()->text().contains(QStringLiteral("larger than 8 MB")),
                 qPrintable(note()->text()));
        QVERIFY(choose(QStringLiteral("/Shared/Demo/hello")));
        QVERIFY2(note()->text().contains(QStringLiteral("no widgets")), qPrintable(note()->text()));
        QCOMPARE(table()->rowCount(), 0);
    }

    void aPresetsParametersWin()
    {
        QVERIFY(startApp(true));
        QVERIFY(choose(QStringLiteral("/Shared/Demo/widgets_r")));
        Preset preset;
        preset.spec = window()->submitPanel()->spec();
        preset.spec.notebookPath = QStringLiteral("/Shared/Demo/widgets_python");
        preset.spec.parameters = {{QStringLiteral("region"), QStringLiteral("americas")},
                                  {QStringLiteral("note"), QStringLiteral("kept")}};
        QSignalSpy finished(loader(), &NotebookWidgetsLoader::finished);
        QVERIFY(window()->submitPanel()->loadPreset(preset));
        QVERIFY(QTest::qWaitFor(
            [&] { return finished.contains(QVariantList{preset.spec.notebookPath}); }, 10000));
        QCOMPARE(rowsOf(table()),
                 QStringList({"region=americas", "note=kept", "run_date=2026-12-01", "currency=EUR",
                              "channels=web"}));
        // The preset's value shows in the dropdown; the notebook's default did not replace it.
        QComboBox *region = nullptr;
        for (QComboBox *c : table()->findChildren<QComboBox *>(QStringLiteral("parameterChoices")))
            if (c->findText(QStringLiteral("apac")) >= 0)
                region = c;
        QVERIFY(region);
        QCOMPARE(region->currentText(), QStringLiteral("americas"));

        // Loading the same preset again (same notebook) keeps its parameters too.
        finished.clear();
        QVERIFY(window()->submitPanel()->loadPreset(preset));
        QVERIFY(QTest::qWaitFor([&] { return !finished.isEmpty(); }, 10000));
        QCOMPARE(rowsOf(table()).mid(0, 2), QStringList({"region=americas", "note=kept"}));
    }

    // An answer for a notebook no longer chosen is dropped (both requests are in flight before
    // either answer is read: no timing involved).
    void staleAnswersAreDropped()
    {
        QVERIFY(startApp(true));
        QTRY_VERIFY(find<QPushButton>(window(), "browseNotebookButton")->isEnabled());
        ParametersTable own;
        QLabel ownNote;
        NotebookWidgetsLoader ownLoader(&own, &ownNote);
        WorkspaceApi *api =
            m_app->connections()->api(window()->submitPanel()->currentProfile()); // the demo's
        QVERIFY2(api, "the program's workspace API");
        ownLoader.setWorkspaceApi(api);
        QSignalSpy finished(&ownLoader, &NotebookWidgetsLoader::finished);
        ownLoader.load(QStringLiteral("/Shared/Demo/widgets_python"), QStringLiteral("PYTHON"));
        ownLoader.load(QStringLiteral("/Shared/Demo/widgets_scala"), QStringLiteral("SCALA"));
        QVERIFY(QTest::qWaitFor([&] { return !finished.isEmpty(); }, 10000));
        QTest::qWait(300); // room for the stale answer, were it used
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().toString(), QStringLiteral("/Shared/Demo/widgets_scala"));
        QCOMPARE(rowsOf(&own), QStringList({"input_path=/Volumes/demo/raw/orders",
                                            "mode=incremental", "partitions=8", "countries=DE"}));
    }
};

QTEST_MAIN(tst_WidgetParameters)
#include "tst_widgetparameters.moc"
