// SPDX-License-Identifier: Apache-2.0
// The submit form's compute, task kind and source, driven as a user would: a notebook on
// serverless compute, on a new job cluster (runtime and node type picked from the workspace's
// lists) and from a Git repository, each submitted through the real AppController and followed
// by its RunMonitor to SUCCESS over loopback HTTP to the demo workspace; bad input said at its
// field before anything is sent; a preset saved from the form and loaded back; Re-run. Real
// widgets (offscreen), a real SQLite history in a temp dir.
#include "AppTestBase.h"
#include "ArgumentsList.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "RunDetailsPanel.h"
#include "RunsTableModel.h"
#include "SubmitPanel.h"
#include "store/PresetStore.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>

using namespace Brickrun;
using Brickrun::Test::DialogScript;
using Brickrun::Test::find;

class tst_ComputeChoice : public Test::AppTestBase
{
    Q_OBJECT
private:
    SubmitPanel *panel() const { return window()->submitPanel(); }
    QComboBox *combo(const char *name) const { return find<QComboBox>(window(), name); }
    QLineEdit *edit(const char *name) const { return find<QLineEdit>(window(), name); }
    QLabel *label(const char *name) const { return find<QLabel>(window(), name); }
    QPushButton *submitButton() const { return find<QPushButton>(window(), "submitButton"); }

    [[nodiscard]] bool startApp() { return startOnDemoWorkspace(); }
    static void retype(QLineEdit *field, const QString &text)
    {
        field->selectAll();
        QTest::keyClick(field, Qt::Key_Backspace);
        QTest::keyClicks(field, text);
    }
    // Picks the entry of a combo box whose text contains `text`, with the keyboard's help: the
    // same signals as a user's choice.
    static bool choose(QComboBox *box, const QString &text)
    {
        const int index = box->findText(text, Qt::MatchContains);
        if (index < 0)
            return false;
        box->setFocus();
        box->setCurrentIndex(index);
        return true;
    }
    void chooseCompute(int kind) { QVERIFY(choose(combo("computeKindCombo"), kindName(kind))); }
    static QString kindName(int kind)
    {
        return QStringList{QStringLiteral("Existing cluster"), QStringLiteral("Serverless"),
                           QStringLiteral("New job cluster")}
            .value(kind);
    }
    // Submits the form and follows the run until it ended; its record then.
    std::optional<RunRecord> submitAndFollow()
    {
        const int before = m_app->runsModel()->rowCount();
        if (!submitButton()->isEnabled()) {
            qWarning("Submit is disabled: %s", qPrintable(visibleErrors().join(QLatin1Char('|'))));
            return std::nullopt;
        }
        QTest::mouseClick(submitButton(), Qt::LeftButton);
        if (!QTest::qWaitFor([&] { return m_app->runsModel()->rowCount() == before + 1; }, 10000))
            return std::nullopt;
        if (!QTest::qWaitFor(
                [&] {
                    return m_app->runsModel()->recordAt(0)->tracking ==
                           RunRecord::Tracking::Finished;
                },
                60000))
            return std::nullopt;
        return *m_app->runsModel()->recordAt(0);
    }
    QStringList visibleErrors() const
    {
        QStringList texts;
        for (const QLabel *l : window()->findChildren<QLabel *>()) {
            if (l->objectName().endsWith(QLatin1String("Error")) && l->isVisibleTo(window()))
                texts << l->objectName() + QStringLiteral(": ") + l->text();
        }
        return texts;
    }
    QString clusterColumnOfRow(int row) const
    {
        return m_app->runsModel()->index(row, RunsTableModel::ClusterColumn).data().toString();
    }
    void waitForLists()
    {
        QTRY_VERIFY_WITH_TIMEOUT(
            combo("runtimeCombo")->count() > 0 && combo("nodeTypeCombo")->count() > 0, 10000);
    }

private Q_SLOTS:
    void initTestCase() { setUpProcess(); }
    void init() { setUpTest(); }
    void cleanup() { tearDownTest(); }

    // Serverless: no cluster asked for; dependencies one a line; the run succeeds and the
    // history says where it ran. Re-run fills the form with it again.
    void notebookOnServerless()
    {
        QVERIFY(startApp());
        chooseCompute(1);
        QVERIFY(!find<QWidget>(window(), "clusterPicker")->isVisibleTo(window()));
        auto *deps = find<QPlainTextEdit>(window(), "dependenciesEdit");
        QVERIFY(deps->isVisibleTo(window()));
        deps->setFocus();
        QTest::keyClicks(deps, QStringLiteral("pandas==2.2.3"));
        QTest::keyClick(deps, Qt::Key_Return);
        QTest::keyClicks(deps, QStringLiteral("requests"));
        retype(edit("notebookEdit"), QStringLiteral("/Shared/Demo/hello"));
        saveScreenshot(panel(), QStringLiteral("compute-serverless.png"));

        const auto record = submitAndFollow();
        QVERIFY(record);
        QCOMPARE(record->state.resultState, QStringLiteral("SUCCESS"));
        QVERIFY(record->spec.compute.isServerless());
        QCOMPARE(record->spec.compute.dependencies,
                 QStringList({QStringLiteral("pandas==2.2.3"), QStringLiteral("requests")}));
        QVERIFY2(clusterColumnOfRow(0).startsWith(QStringLiteral("Serverless")),
                 qPrintable(clusterColumnOfRow(0)));
        auto *detailsCluster =
            window()->detailsPanel()->findChild<QLabel *>(QStringLiteral("clusterLabel"));
        QVERIFY(detailsCluster);
        QTRY_VERIFY(detailsCluster->text().startsWith(QStringLiteral("Serverless")));

        // The form forgets, then Re-run holds the run again.
        chooseCompute(0);
        deps->clear();
        find<QPushButton>(window()->detailsPanel(), "rerunButton")->click();
        QCOMPARE(combo("computeKindCombo")->currentIndex(), 1);
        QCOMPARE(deps->toPlainText(), QStringLiteral("pandas==2.2.3\nrequests"));
        QCOMPARE(edit("notebookEdit")->text(), QStringLiteral("/Shared/Demo/hello"));
    }

    // A new job cluster: the lists come from the workspace (LTS first, names and sizes shown);
    // the run waits for its cluster, then succeeds.
    void notebookOnNewJobCluster()
    {
        QVERIFY(startApp());
        chooseCompute(2);
        waitForLists();
        QComboBox *runtimes = combo("runtimeCombo");
        QComboBox *nodeTypes = combo("nodeTypeCombo");
        QVERIFY2(runtimes->itemText(0).contains(QStringLiteral("LTS")),
                 qPrintable(runtimes->itemText(0)));
        QVERIFY(!label("listsStatus")->isVisibleTo(window()));
        // Another LTS than the first, and a node type with more cores than the smallest.
        int other = -1;
        for (int i = 1; i < runtimes->count() && other < 0; ++i) {
            if (runtimes->itemText(i).contains(QStringLiteral("LTS")))
                other = i;
        }
        QVERIFY(other > 0);
        runtimes->setCurrentIndex(other);
        const QString runtimeKey = runtimes->currentData().toString();
        QVERIFY(choose(nodeTypes, QStringLiteral("8 cores")));
        QVERIFY2(nodeTypes->currentText().contains(QStringLiteral(" GB")),
                 qPrintable(nodeTypes->currentText()));
        const QString nodeType = nodeTypes->currentData().toString();
        auto *workers = find<QSpinBox>(window(), "workersSpin");
        workers->setValue(2);
        find<QCheckBox>(window(), "photonCheck")->setChecked(true);
        retype(edit("notebookEdit"), QStringLiteral("/Shared/Demo/hello"));
        saveScreenshot(panel(), QStringLiteral("compute-job-cluster.png"));

        const auto record = submitAndFollow();
        QVERIFY(record);
        QCOMPARE(record->state.resultState, QStringLiteral("SUCCESS"));
        QVERIFY(record->spec.compute.isNewJobCluster());
        QCOMPARE(record->spec.compute.sparkVersion, runtimeKey);
        QCOMPARE(record->spec.compute.nodeTypeId, nodeType);
        QCOMPARE(record->spec.compute.numWorkers, 2);
        QVERIFY(record->spec.compute.photon);
        QVERIFY2(clusterColumnOfRow(0).startsWith(QStringLiteral("New: ")),
                 qPrintable(clusterColumnOfRow(0)));
        QVERIFY2(clusterColumnOfRow(0).contains(QStringLiteral("× 2")),
                 qPrintable(clusterColumnOfRow(0)));
    }

    // A notebook of a Git repository: URL, provider found from it, branch, a relative path.
    void notebookFromGit()
    {
        QVERIFY(startApp());
        auto *git = find<QCheckBox>(window(), "gitCheck");
        git->setFocus();
        QTest::keyClick(git, Qt::Key_Space);
        QVERIFY(git->isChecked());
        QVERIFY(!find<QPushButton>(window(), "browseNotebookButton")->isEnabled());
        retype(edit("gitUrlEdit"), QStringLiteral("https://github.com/brickrun-demo/analytics"));
        QCOMPARE(combo("gitProviderCombo")->currentText(), QStringLiteral("From the URL: GitHub"));
        retype(edit("gitReferenceEdit"), QStringLiteral("main"));
        retype(edit("notebookEdit"), QStringLiteral("notebooks/daily_report"));
        saveScreenshot(panel(), QStringLiteral("compute-git.png"));

        const auto record = submitAndFollow();
        QVERIFY(record);
        QCOMPARE(record->state.resultState, QStringLiteral("SUCCESS"));
        QVERIFY(record->spec.usesGit());
        QCOMPARE(record->spec.git.url,
                 QStringLiteral("https://github.com/brickrun-demo/analytics"));
        QCOMPARE(record->spec.git.branch, QStringLiteral("main"));
        QCOMPARE(record->spec.notebookPath, QStringLiteral("notebooks/daily_report"));
    }

    // Each mistake is said at its field, and Submit waits.
    void badInputIsSaidAtTheField()
    {
        QVERIFY(startApp());
        // Autoscale with a least number above the most.
        chooseCompute(2);
        waitForLists();
        find<QCheckBox>(window(), "autoscaleCheck")->setChecked(true);
        find<QSpinBox>(window(), "minWorkersSpin")->setValue(5);
        find<QSpinBox>(window(), "maxWorkersSpin")->setValue(2);
        retype(edit("notebookEdit"), QStringLiteral("/Shared/Demo/hello"));
        QTRY_VERIFY(label("workersError")->isVisibleTo(window()));
        QVERIFY2(label("workersError")->text().contains(QStringLiteral("more than max")),
                 qPrintable(label("workersError")->text()));
        QVERIFY(!submitButton()->isEnabled());
        find<QSpinBox>(window(), "maxWorkersSpin")->setValue(8);
        QVERIFY(!label("workersError")->isVisibleTo(window()));
        QVERIFY(submitButton()->isEnabled());

        // A Git URL that is none, and a commit that is no hash.
        find<QCheckBox>(window(), "gitCheck")->setChecked(true);
        retype(edit("gitUrlEdit"), QStringLiteral("analytics repo"));
        QVERIFY(label("gitUrlError")->isVisibleTo(window()));
        QVERIFY2(label("gitUrlError")->text().contains(QStringLiteral("not a URL")),
                 qPrintable(label("gitUrlError")->text()));
        QVERIFY(choose(combo("gitReferenceKindCombo"), QStringLiteral("Commit")));
        retype(edit("gitReferenceEdit"), QStringLiteral("not-a-hash"));
        QVERIFY(label("gitReferenceError")->isVisibleTo(window()));
        // The workspace path is absolute: in Git it must be relative.
        QVERIFY(label("notebookError")->isVisibleTo(window()));
        QVERIFY2(label("notebookError")->text().contains(QStringLiteral("relative")),
                 qPrintable(label("notebookError")->text()));
        QVERIFY(!submitButton()->isEnabled());

        // A Python file in the workspace must be absolute.
        find<QCheckBox>(window(), "gitCheck")->setChecked(false);
        QVERIFY(choose(combo("taskKindCombo"), QStringLiteral("Python file")));
        retype(edit("notebookEdit"), QStringLiteral("jobs/etl_job.py"));
        QVERIFY(label("notebookError")->isVisibleTo(window()));
        QVERIFY2(label("notebookError")->text().contains(QStringLiteral("absolute")),
                 qPrintable(label("notebookError")->text()));

        // A runtime the workspace does not offer (e.g. from an old preset) is said so.
        RunSpec old = panel()->spec();
        old.compute.sparkVersion = QStringLiteral("9.1.x-scala2.12");
        old.pythonFile = QStringLiteral("/Shared/Demo/etl_job.py");
        panel()->setSpec(old);
        QTRY_VERIFY(label("runtimeError")->isVisibleTo(window()));
        QVERIFY2(label("runtimeError")->text().contains(QStringLiteral("9.1.x-scala2.12")),
                 qPrintable(label("runtimeError")->text()));
        QVERIFY(!submitButton()->isEnabled());
        QCOMPARE(m_app->runsModel()->rowCount(), 0); // nothing was sent
    }

    // A Python file with ordered arguments on a job cluster from Git, saved as a preset, the
    // form emptied, the preset loaded: every field is back.
    void presetKeepsComputeTaskAndSource()
    {
        QVERIFY(startApp());
        chooseCompute(2);
        waitForLists();
        combo("runtimeCombo")->setCurrentIndex(1);
        combo("nodeTypeCombo")->setCurrentIndex(2);
        find<QCheckBox>(window(), "autoscaleCheck")->setChecked(true);
        find<QSpinBox>(window(), "minWorkersSpin")->setValue(2);
        find<QSpinBox>(window(), "maxWorkersSpin")->setValue(6);
        QVERIFY(choose(combo("taskKindCombo"), QStringLiteral("Python file")));
        find<QCheckBox>(window(), "gitCheck")->setChecked(true);
        retype(edit("gitUrlEdit"),
               QStringLiteral("https://dev.azure.com/contoso/data-platform/_git/pipelines"));
        QVERIFY(choose(combo("gitReferenceKindCombo"), QStringLiteral("Tag")));
        retype(edit("gitReferenceEdit"), QStringLiteral("2026.10.1"));
        retype(edit("notebookEdit"), QStringLiteral("ingest/load_orders.py"));
        auto *arguments = find<ArgumentsList>(window(), "argumentsList");
        QVERIFY(arguments->isVisibleTo(window()));
        QVERIFY(!find<QWidget>(window(), "parametersTable")->isVisibleTo(window()));
        auto *list = find<QListWidget>(window(), "argumentsList");
        for (const char *argument : {"--date", "2026-12-01", "--dry-run"}) {
            QTest::mouseClick(find<QPushButton>(window(), "addParameterButton"), Qt::LeftButton);
            // The new entry is being edited: its editor has the focus.
            QLineEdit *editor = nullptr;
            QTRY_VERIFY((editor = qobject_cast<QLineEdit *>(QApplication::focusWidget())) &&
                        list->isAncestorOf(editor));
            QTest::keyClicks(editor, QString::fromLatin1(argument));
            QTest::keyClick(editor, Qt::Key_Return);
            QTRY_VERIFY(!list->isAncestorOf(QApplication::focusWidget()) ||
                        QApplication::focusWidget() == list->viewport() ||
                        QApplication::focusWidget() == list);
        }
        QCOMPARE(arguments->arguments(),
                 QStringList({QStringLiteral("--date"), QStringLiteral("2026-12-01"),
                              QStringLiteral("--dry-run")}));
        // --dry-run goes first: reordered with the keyboard.
        list->setFocus();
        list->setCurrentRow(2);
        QTest::keyClick(list, Qt::Key_Up, Qt::ControlModifier);
        QTest::keyClick(list, Qt::Key_Up, Qt::ControlModifier);
        const QStringList ordered{QStringLiteral("--dry-run"), QStringLiteral("--date"),
                                  QStringLiteral("2026-12-01")};
        QCOMPARE(arguments->arguments(), ordered);
        QVERIFY2(submitButton()->isEnabled(), qPrintable(visibleErrors().join(QLatin1Char('|'))));
        const RunSpec formSpec = panel()->spec();

        DialogScript script;
        script.add(DialogScript::text(QStringLiteral("nightly load")));
        QTest::keyClick(window(), Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(script.isDone());
        const auto saved = m_app->presets()->preset(QStringLiteral("nightly load"));
        QVERIFY(saved);

        panel()->setSpec(RunSpec());
        QCOMPARE(combo("computeKindCombo")->currentIndex(), 0);
        QVERIFY(arguments->arguments().isEmpty());
        QVERIFY(panel()->loadPreset(*saved));
        const RunSpec back = panel()->spec();
        QCOMPARE(back.compute.kind, ComputeSpec::Kind::NewJobCluster);
        QCOMPARE(back.compute.sparkVersion, formSpec.compute.sparkVersion);
        QCOMPARE(back.compute.nodeTypeId, formSpec.compute.nodeTypeId);
        QVERIFY(back.compute.autoscale);
        QCOMPARE(back.compute.minWorkers, 2);
        QCOMPARE(back.compute.maxWorkers, 6);
        QVERIFY(back.isPythonFile());
        QCOMPARE(back.pythonFile, QStringLiteral("ingest/load_orders.py"));
        QCOMPARE(back.pythonArguments, ordered);
        QVERIFY(back.usesGit());
        QCOMPARE(back.git.url,
                 QStringLiteral("https://dev.azure.com/contoso/data-platform/_git/pipelines"));
        QCOMPARE(back.git.tag, QStringLiteral("2026.10.1"));
        QVERIFY(back.git.branch.isEmpty());
        QCOMPARE(arguments->arguments(), ordered);
        QVERIFY(submitButton()->isEnabled());
    }

    // The notebook's widgets fill the parameters; a Python file takes arguments instead (no
    // widgets), and back on the notebook its widgets are read again.
    void widgetsOnlyForNotebooks()
    {
        QVERIFY(startApp());
        auto *table = find<QTableWidget>(window(), "parametersTable");
        retype(edit("notebookEdit"), QStringLiteral("/Shared/Demo/widgets_python"));
        QTRY_VERIFY_WITH_TIMEOUT(table->rowCount() > 0, 10000);
        QVERIFY(!panel()->spec().parameters.isEmpty());

        QVERIFY(choose(combo("taskKindCombo"), QStringLiteral("Python file")));
        QVERIFY(!table->isVisibleTo(window()));
        QVERIFY(find<ArgumentsList>(window(), "argumentsList")->isVisibleTo(window()));
        QCOMPARE(label("parametersLabel")->text(), QStringLiteral("Arguments:"));
        QVERIFY(panel()->spec().parameters.isEmpty());
        QVERIFY(panel()->spec().isPythonFile());

        QVERIFY(choose(combo("taskKindCombo"), QStringLiteral("Notebook")));
        QVERIFY(table->isVisibleTo(window()));
        QTRY_VERIFY_WITH_TIMEOUT(table->rowCount() > 0, 10000);
        QCOMPARE(panel()->spec().notebookPath, QStringLiteral("/Shared/Demo/widgets_python"));
    }

    // While a run waits for its new job cluster, the details say that the cluster is starting.
    void detailsSayTheJobClusterIsStarting()
    {
        RunDetailsPanel details;
        RunRecord record;
        record.id = 7;
        record.profile = QStringLiteral("demo");
        record.runId = 70;
        record.tracking = RunRecord::Tracking::Active;
        record.state.lifeCycleState = QStringLiteral("PENDING");
        record.spec.notebookPath = QStringLiteral("/Shared/Demo/hello");
        record.spec.compute.kind = ComputeSpec::Kind::NewJobCluster;
        record.spec.compute.sparkVersion = QStringLiteral("15.4.x-scala2.12");
        record.spec.compute.nodeTypeId = QStringLiteral("Standard_DS3_v2");
        record.spec.compute.numWorkers = 2;
        details.showRecord(record);
        auto *message = details.findChild<QLabel *>(QStringLiteral("stateMessageLabel"));
        QVERIFY(message);
        QVERIFY2(message->text().contains(QStringLiteral("cluster is starting")),
                 qPrintable(message->text()));
        auto *cluster = details.findChild<QLabel *>(QStringLiteral("clusterLabel"));
        QCOMPARE(cluster->text(), QStringLiteral("New: 15.4 · DS3_v2 × 2"));

        record.state.lifeCycleState = QStringLiteral("RUNNING");
        details.showRecord(record);
        QVERIFY2(!message->text().contains(QStringLiteral("cluster is starting")),
                 qPrintable(message->text()));
    }
};

QTEST_MAIN(tst_ComputeChoice)
#include "tst_computechoice.moc"
