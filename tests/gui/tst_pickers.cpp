// SPDX-License-Identifier: Apache-2.0
// The cluster list, the notebook browser and the workspace check of typed paths, driven as a
// user would: real widgets (offscreen) found by objectName, the demo workspace in-process over
// loopback HTTP.
#include "AppController.h"
#include "AppTestBase.h"
#include "ClusterPicker.h"
#include "DemoWorkspace.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "MemoryTokenStore.h"
#include "NotebookBrowser.h"
#include "RunsTableModel.h"
#include "TestTimeouts.h"
#include "WorkspaceTreeModel.h"
#include "store/HistoryStore.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace Brickrun;
using Brickrun::Test::find;

namespace {

QTreeView *clusterList()
{
    const auto widgets = QApplication::topLevelWidgets();
    for (QWidget *w : widgets)
        if (w->objectName() == QLatin1String("clusterList"))
            return qobject_cast<QTreeView *>(w);
    return nullptr;
}

// The row of `model` under `parent` whose first column reads `text`; invalid when none.
QModelIndex childNamed(const QAbstractItemModel *model, const QModelIndex &parent,
                       const QString &text)
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        if (index.data().toString() == text)
            return index;
    }
    return {};
}

} // namespace

class tst_Pickers : public Test::AppTestBase
{
    Q_OBJECT
private:
    [[nodiscard]] bool startApp() { return AppTestBase::startApp(true); }

    // Clicks Browse… and waits for the tree's top level (home, /Shared, /Repos).
    NotebookBrowser *openBrowser()
    {
        auto *browse = find<QPushButton>(window(), "browseNotebookButton");
        if (!browse)
            return nullptr;
        if (!QTest::qWaitFor([&] { return browse->isEnabled(); },
                             Brickrun::Test::scaledTimeout(5000)))
            return nullptr;
        QTest::mouseClick(browse, Qt::LeftButton);
        auto *browser = window()->findChild<NotebookBrowser *>(QStringLiteral("notebookBrowser"));
        if (browser && !QTest::qWaitFor([&] { return browser->isVisible(); },
                                        Brickrun::Test::scaledTimeout(5000)))
            return nullptr;
        return browser;
    }

    // Opens the folder named `name` under `parent` in the tree and waits for its entries.
    QModelIndex openFolder(QTreeView *tree, const QModelIndex &parent, const QString &name)
    {
        QModelIndex folder;
        (void)QTest::qWaitFor(
            [&] {
                folder = childNamed(tree->model(), parent, name);
                return folder.isValid();
            },
            Brickrun::Test::scaledTimeout(5000));
        if (!folder.isValid())
            return {};
        tree->expand(folder);
        const bool loaded = QTest::qWaitFor(
            [&] {
                const QModelIndex first = tree->model()->index(0, 0, folder);
                return !tree->model()->canFetchMore(folder) &&
                       !(first.isValid() && first.data().toString() == QStringLiteral("Loading…"));
            },
            Brickrun::Test::scaledTimeout(5000));
        return loaded ? folder : QModelIndex();
    }

private Q_SLOTS:
    void initTestCase() { setUpProcess(); }
    void init() { setUpTest(); }
    void cleanup()
    {
        if (QTreeView *list = clusterList())
            list->hide();
        tearDownTest();
    }

    void pickAStoppedClusterFromTheList()
    {
        QVERIFY(startApp());
        auto *picker = find<ClusterPicker>(window(), "clusterPicker");
        auto *edit = find<QLineEdit>(window(), "clusterEdit");
        QVERIFY(picker && edit);
        // The list is fetched as soon as the workspace is known; a slow answer this time (it
        // may be in already, depending on how fast the start was), asked for again by Refresh.
        QTRY_VERIFY(!picker->isLoading());
        QString error;
        QVERIFY2(m_app->demoWorkspace()->setFaultPlan(
                     QStringLiteral("clusters/list:stall@ms=1000@then=answer"), &error),
                 qPrintable(error));
        QTest::mouseClick(find<QToolButton>(window(), "refreshClustersButton"), Qt::LeftButton);
        edit->clear();
        QTest::mouseClick(find<QToolButton>(window(), "clusterListButton"), Qt::LeftButton);

        // Nothing blocks: right after opening, the list says it is loading.
        QTreeView *list = clusterList();
        QVERIFY(list);
        QVERIFY(list->isVisible());
        QCOMPARE(list->model()->index(0, 0).data().toString(), QStringLiteral("Loading clusters…"));
        auto *status = find<QLabel>(window(), "clusterStatus");
        QVERIFY(status->isVisibleTo(window()));
        QCOMPARE(status->text(), QStringLiteral("Loading clusters…"));

        // Then the all-purpose clusters, with their state and Spark version; no job cluster.
        QTRY_VERIFY(!picker->isLoading());
        QTRY_VERIFY(!status->isVisibleTo(window()));
        QAbstractItemModel *model = list->model();
        QModelIndex cold;
        QStringList ids;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex name = model->index(row, ClusterPicker::NameColumn);
            ids << name.data(ClusterPicker::IdRole).toString();
            QVERIFY(!name.data(Qt::DecorationRole).value<QIcon>().isNull());
            QVERIFY(!model->index(row, ClusterPicker::SparkColumn).data().toString().isEmpty());
            if (ids.last() == QLatin1String("demo-cluster-cold"))
                cold = name;
        }
        QVERIFY2(ids.contains(QStringLiteral("demo-cluster")), qPrintable(ids.join(u',')));
        QVERIFY(!ids.contains(QStringLiteral("0101-090000-job4f2a1c")));
        QVERIFY(cold.isValid());
        QCOMPARE(model->index(cold.row(), ClusterPicker::StateColumn).data().toString(),
                 QStringLiteral("TERMINATED"));
        QCOMPARE(cold.data().toString(), QStringLiteral("Demo cluster (stopped)"));

        // Pick it with the keyboard: the field holds the id, the note says the run will wait.
        QTRY_VERIFY(list->isVisible());
        list->setCurrentIndex(cold);
        QTest::keyClick(list, Qt::Key_Return);
        QCOMPARE(edit->text(), QStringLiteral("demo-cluster-cold"));
        QTest::qWait(50);
        QCOMPARE(m_app->history()->count({}), 0); // Return picked the cluster, it did not submit
        QVERIFY(!list->isVisible());
        auto *note = find<QLabel>(window(), "clusterNote");
        QVERIFY(note->isVisibleTo(window()));
        QVERIFY2(note->text().contains(QStringLiteral("the run will wait for it to start")),
                 qPrintable(note->text()));

        // An id typed by hand still works; the running cluster needs no note.
        edit->clear();
        QTest::keyClicks(edit, QStringLiteral("demo-cluster"));
        if (clusterList()->isVisible())
            clusterList()->hide();
        QCOMPARE(edit->text(), QStringLiteral("demo-cluster"));
        QVERIFY(!note->isVisibleTo(window()));
        QVERIFY(find<QPushButton>(window(), "submitButton")->isEnabled());

        // Refresh loads again, asynchronously.
        QTest::mouseClick(find<QToolButton>(window(), "refreshClustersButton"), Qt::LeftButton);
        QVERIFY(picker->isLoading());
        QVERIFY(status->isVisibleTo(window()));
        QTRY_VERIFY(!picker->isLoading());
    }

    void clusterListErrorIsReadable()
    {
        QVERIFY(startApp());
        auto *picker = find<ClusterPicker>(window(), "clusterPicker");
        QTRY_VERIFY(!picker->isLoading());
        QString error;
        QVERIFY2(m_app->demoWorkspace()->setFaultPlan(QStringLiteral("clusters/list:403"), &error),
                 qPrintable(error));
        QTest::mouseClick(find<QToolButton>(window(), "refreshClustersButton"), Qt::LeftButton);
        auto *status = find<QLabel>(window(), "clusterStatus");
        QTRY_VERIFY(!picker->isLoading());
        QVERIFY(status->isVisibleTo(window()));
        QVERIFY2(status->text().contains(QStringLiteral("permission")), qPrintable(status->text()));
    }

    void browseToANotebookThreeLevelsDown()
    {
        QVERIFY(startApp());
        NotebookBrowser *browser = openBrowser();
        QVERIFY(browser);
        auto *tree = find<QTreeView>(browser, "notebookTree");
        QAbstractItemModel *model = tree->model();
        QTRY_COMPARE(model->rowCount(), 3);
        QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("/Users/demo@example.com"));
        QCOMPARE(model->index(1, 0).data().toString(), QStringLiteral("/Shared"));
        QCOMPARE(model->index(2, 0).data().toString(), QStringLiteral("/Repos"));

        const QModelIndex home = openFolder(tree, {}, QStringLiteral("/Users/demo@example.com"));
        QVERIFY(home.isValid());
        // Opening a folder asks the workspace and shows "Loading…" until the answer is in.
        const QModelIndex projects = childNamed(model, home, QStringLiteral("projects"));
        QVERIFY(projects.isValid());
        QVERIFY(model->canFetchMore(projects));
        tree->expand(projects);
        QVERIFY(!model->canFetchMore(projects)); // asked once
        QCOMPARE(model->rowCount(projects), 1);
        QCOMPARE(model->index(0, 0, projects).data().toString(), QStringLiteral("Loading…"));
        const QModelIndex sales = openFolder(tree, projects, QStringLiteral("sales"));
        const QModelIndex etl = openFolder(tree, sales, QStringLiteral("etl"));
        QVERIFY(etl.isValid());
        QModelIndex notebook;
        QTRY_VERIFY((notebook = childNamed(model, etl, QStringLiteral("load_orders"))).isValid());
        QCOMPARE(notebook.siblingAtColumn(WorkspaceTreeModel::KindColumn).data().toString(),
                 QStringLiteral("Python"));

        // The keyboard: a folder is not a choice; Enter on the notebook picks it.
        auto *ok = browser->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        tree->setFocus();
        tree->setCurrentIndex(etl);
        QVERIFY(!ok->isEnabled());
        QTest::keyClick(tree, Qt::Key_Down);
        QVERIFY(tree->currentIndex().data().toString().endsWith(QStringLiteral("orders")));
        tree->setCurrentIndex(notebook);
        QVERIFY(ok->isEnabled());
        QTest::keyClick(tree, Qt::Key_Return);
        QTRY_VERIFY(!browser->isVisible());
        QCOMPARE(find<QLineEdit>(window(), "notebookEdit")->text(),
                 QStringLiteral("/Users/demo@example.com/projects/sales/etl/load_orders"));
    }

    void treeModelPassesTheTester()
    {
        QVERIFY(startApp());
        NotebookBrowser *browser = openBrowser();
        QVERIFY(browser);
        // The tester itself opens every folder it finds (fetchMore), so the whole demo tree
        // loads: the empty folder, the repo, /Shared/Many with its 300 notebooks.
        QAbstractItemModelTester tester(browser->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto *tree = find<QTreeView>(browser, "notebookTree");
        QAbstractItemModel *model = tree->model();
        QTRY_COMPARE(model->rowCount(), 3);
        const QModelIndex home = openFolder(tree, {}, QStringLiteral("/Users/demo@example.com"));
        const QModelIndex empty = openFolder(tree, home, QStringLiteral("empty"));
        QVERIFY(empty.isValid());
        QCOMPARE(model->rowCount(empty), 0);
        QVERIFY(!model->hasChildren(empty));
        const QModelIndex shared = openFolder(tree, {}, QStringLiteral("/Shared"));
        const QModelIndex many = openFolder(tree, shared, QStringLiteral("Many"));
        QTRY_COMPARE(model->rowCount(many), 300);
        QVERIFY(openFolder(tree, {}, QStringLiteral("/Repos")).isValid());
        // A failing folder too: its reason replaces "Loading…".
        QString error;
        QVERIFY2(m_app->demoWorkspace()->setFaultPlan(QStringLiteral("workspace/list:403"), &error),
                 qPrintable(error));
        browser->model()->setRoots({QStringLiteral("/Shared")});
        QTRY_VERIFY(!browser->model()->canFetchMore(browser->model()->index(0, 0)));
        QTest::qWait(200); // the tester's own requests come back
    }

    void escapeCancelsTheBrowser()
    {
        QVERIFY(startApp());
        auto *edit = find<QLineEdit>(window(), "notebookEdit");
        const QString before = edit->text();
        NotebookBrowser *browser = openBrowser();
        QVERIFY(browser);
        auto *tree = find<QTreeView>(browser, "notebookTree");
        QTRY_COMPARE(tree->model()->rowCount(), 3);
        QTest::keyClick(tree, Qt::Key_Escape);
        QTRY_VERIFY(!browser->isVisible());
        QCOMPARE(edit->text(), before);
    }

    void filterTheBrowser()
    {
        QVERIFY(startApp());
        NotebookBrowser *browser = openBrowser();
        QVERIFY(browser);
        auto *tree = find<QTreeView>(browser, "notebookTree");
        QAbstractItemModel *model = tree->model();
        QTRY_COMPARE(model->rowCount(), 3);
        openFolder(tree, {}, QStringLiteral("/Users/demo@example.com"));
        const QModelIndex shared = openFolder(tree, {}, QStringLiteral("/Shared"));
        openFolder(tree, shared, QStringLiteral("Demo"));

        auto *filter = find<QLineEdit>(browser, "filterEdit");
        QTest::keyClicks(filter, QStringLiteral("HELLO")); // case does not matter
        QCOMPARE(model->rowCount(), 1);
        const QModelIndex onlyShared = model->index(0, 0);
        QCOMPARE(onlyShared.data().toString(), QStringLiteral("/Shared"));
        const QModelIndex demo = childNamed(model, onlyShared, QStringLiteral("Demo"));
        QVERIFY(demo.isValid());
        QCOMPARE(model->rowCount(demo), 1);
        const QModelIndex hello = model->index(0, 0, demo);
        QCOMPARE(hello.data().toString(), QStringLiteral("hello"));
        QVERIFY(tree->isExpanded(demo));

        // Down goes from the filter to the tree; Enter on the match picks it.
        QTest::keyClick(filter, Qt::Key_Down);
        tree->setCurrentIndex(hello);
        QTest::keyClick(tree, Qt::Key_Return);
        QTRY_VERIFY(!browser->isVisible());
        QCOMPARE(find<QLineEdit>(window(), "notebookEdit")->text(),
                 QStringLiteral("/Shared/Demo/hello"));
    }

    void forbiddenFolderShowsAReason()
    {
        QVERIFY(startApp());
        NotebookBrowser *browser = openBrowser();
        QVERIFY(browser);
        auto *tree = find<QTreeView>(browser, "notebookTree");
        QTRY_COMPARE(tree->model()->rowCount(), 3);
        QTRY_VERIFY(tree->model()->rowCount(tree->model()->index(0, 0)) > 1); // home loaded
        QString error;
        // Every listing from now on is refused: a single 403 could go to a listing still on its
        // way (the tree opening at the form's notebook) on a busy machine.
        QVERIFY2(
            m_app->demoWorkspace()->setFaultPlan(QStringLiteral("workspace/list:403x1000"), &error),
            qPrintable(error));
        const QModelIndex repos = openFolder(tree, {}, QStringLiteral("/Repos"));
        QVERIFY(repos.isValid());
        QCOMPARE(tree->model()->rowCount(repos), 1);
        const QString reason = tree->model()->index(0, 0, repos).data().toString();
        QVERIFY2(reason.contains(QStringLiteral("permission")), qPrintable(reason));
        QVERIFY(!(tree->model()->index(0, 0, repos).flags() & Qt::ItemIsSelectable));
    }

    // The note about a stopped cluster follows the cluster: once a run starts it, the note no
    // longer says it is stopped (the clusters are read again while the note is shown).
    void stoppedClusterNoteFollowsTheCluster()
    {
        QVERIFY(startApp());
        auto *picker = find<ClusterPicker>(window(), "clusterPicker");
        auto *edit = find<QLineEdit>(window(), "clusterEdit");
        auto *note = find<QLabel>(window(), "clusterNote");
        QVERIFY(picker && edit && note);
        picker->setRecheckInterval(100);
        QTRY_VERIFY(!picker->isLoading());
        edit->clear();
        QTest::keyClicks(edit, QStringLiteral("demo-cluster-cold"));
        QTRY_VERIFY(note->text().contains(QStringLiteral("is stopped")));
        auto *notebook = find<QLineEdit>(window(), "notebookEdit");
        notebook->setText(QStringLiteral("/Shared/Demo/hello"));
        auto *submit = find<QPushButton>(window(), "submitButton");
        QTRY_VERIFY(submit->isEnabled());
        QTest::mouseClick(submit, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!note->text().contains(QStringLiteral("is stopped")),
                                 Test::scaledTimeout(20000));
        QCOMPARE(edit->text(), QStringLiteral("demo-cluster-cold"));
    }

    // Browse… opens at the form's notebook (its folders opened, it selected and in view) with
    // the focus in the filter.
    void browseOpensAtTheFormsNotebook()
    {
        QVERIFY(startApp());
        find<QLineEdit>(window(), "notebookEdit")->setText(QStringLiteral("/Shared/Demo/hello"));
        NotebookBrowser *browser = openBrowser();
        QVERIFY(browser);
        auto *tree = find<QTreeView>(browser, "notebookTree");
        QTRY_COMPARE(tree->currentIndex().data().toString(), QStringLiteral("hello"));
        QCOMPARE(tree->currentIndex().parent().data().toString(), QStringLiteral("Demo"));
        QCOMPARE(browser->selectedPath(), QStringLiteral("/Shared/Demo/hello"));
        QTRY_VERIFY(tree->viewport()->rect().intersects(tree->visualRect(tree->currentIndex())));
        QCOMPARE(browser->focusWidget(), find<QLineEdit>(browser, "filterEdit"));
    }

    // A filter finds notebooks in folders not opened yet (/Shared closed): it loads them and
    // opens the way to each match.
    void filterFindsNotebooksInClosedFolders()
    {
        QVERIFY(startApp());
        find<QLineEdit>(window(), "notebookEdit")->clear();
        NotebookBrowser *browser = openBrowser();
        QVERIFY(browser);
        auto *tree = find<QTreeView>(browser, "notebookTree");
        QAbstractItemModel *model = tree->model();
        QTRY_COMPARE(model->rowCount(), 3);
        QVERIFY(!tree->isExpanded(childNamed(model, {}, QStringLiteral("/Shared"))));
        auto *filter = find<QLineEdit>(browser, "filterEdit");
        QTest::keyClicks(filter, QStringLiteral("hello"));
        QModelIndex demo;
        QTRY_VERIFY((demo = childNamed(model, childNamed(model, {}, QStringLiteral("/Shared")),
                                       QStringLiteral("Demo")))
                        .isValid() &&
                    childNamed(model, demo, QStringLiteral("hello")).isValid());
        QTRY_VERIFY(tree->isExpanded(demo));
        QVERIFY(tree->isExpanded(demo.parent()));
    }

    void typedPathIsCheckedAgainstTheWorkspace()
    {
        QVERIFY(startApp());
        QTRY_VERIFY(find<QPushButton>(window(), "browseNotebookButton")->isEnabled());
        auto *edit = find<QLineEdit>(window(), "notebookEdit");
        auto *warning = find<QLabel>(window(), "notebookWorkspaceWarning");
        auto *submit = find<QPushButton>(window(), "submitButton");

        edit->clear();
        QTest::keyClicks(edit, QStringLiteral("/Shared/Demo/no_such_notebook"));
        QTRY_VERIFY(warning->isVisibleTo(window()));
        QVERIFY2(warning->text().contains(QStringLiteral("No such notebook")),
                 qPrintable(warning->text()));
        QVERIFY(submit->isEnabled()); // a warning, not a rule

        edit->clear();
        QTest::keyClicks(edit, QStringLiteral("/Nowhere/at/all"));
        QTRY_VERIFY(warning->isVisibleTo(window()));
        QVERIFY2(warning->text().contains(QStringLiteral("/Nowhere/at")),
                 qPrintable(warning->text()));

        edit->clear();
        QTest::keyClicks(edit, QStringLiteral("/Shared/Demo/hello"));
        QTest::qWait(1500); // past the debounce and the answer
        QVERIFY(!warning->isVisibleTo(window()));
    }

    void recentlyUsedComeFirst()
    {
        QVERIFY(startApp());
        auto *picker = find<ClusterPicker>(window(), "clusterPicker");
        QTRY_VERIFY(!picker->isLoading());
        auto *cluster = find<QLineEdit>(window(), "clusterEdit");
        auto *notebook = find<QLineEdit>(window(), "notebookEdit");
        cluster->setText(QStringLiteral("demo-cluster-cold"));
        notebook->setText(QStringLiteral("/Shared/Demo/echo_params"));
        find<QLineEdit>(window(), "runNameEdit")->setText(QStringLiteral("recent"));
        QVERIFY(find<QPushButton>(window(), "submitButton")->isEnabled());
        QTest::mouseClick(find<QPushButton>(window(), "submitButton"), Qt::LeftButton);

        QTest::mouseClick(find<QToolButton>(window(), "clusterListButton"), Qt::LeftButton);
        QTreeView *list = clusterList();
        QVERIFY(list);
        QTRY_COMPARE(list->model()->index(0, 0).data(ClusterPicker::IdRole).toString(),
                     QStringLiteral("demo-cluster-cold"));
        list->hide();

        QCompleter *completer = notebook->completer();
        QVERIFY(completer);
        QCOMPARE(completer->model()->index(0, 0).data().toString(),
                 QStringLiteral("/Shared/Demo/echo_params"));
    }
};

QTEST_MAIN(tst_Pickers)
#include "tst_pickers.moc"
