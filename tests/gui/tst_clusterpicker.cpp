// SPDX-License-Identifier: Apache-2.0
// The cluster list's popup on a real platform plugin (ctest runs this test on Xvfb with xcb,
// see brickrun_add_test X11): it opens below (or above) the field, as wide as its columns,
// with room for at least 8 rows, inside the screen. The sizes are checked against what the
// view itself reports (row heights, column size hints), never against pixels, so fonts do not
// matter. The clusters come from an emulator over loopback HTTP with a workspace of 20.
#include "ClusterPicker.h"
#include "Emulator.h"
#include "TestTimeouts.h"
#include "api/HttpTransport.h"
#include "api/WorkspaceApi.h"

#include <QApplication>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QScreen>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QVBoxLayout>

#include <memory>

using namespace Brickrun;
using Brickrun::Test::scaledTimeout;

namespace {

constexpr int ExtraClusters = 17; // with the demo's: more than the 12 rows shown at once

QTreeView *clusterList()
{
    const auto widgets = QApplication::topLevelWidgets();
    for (QWidget *w : widgets)
        if (w->objectName() == QLatin1String("clusterList"))
            return qobject_cast<QTreeView *>(w);
    return nullptr;
}

QRect globalRect(const QWidget *w)
{
    return QRect(w->mapToGlobal(QPoint(0, 0)), w->size());
}

} // namespace

class tst_ClusterPicker : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Emulator::Emulator> m_emulator;
    QNetworkAccessManager m_nam;
    std::unique_ptr<QWidget> m_window;
    ClusterPicker *m_picker = nullptr;
    HttpTransport *m_transport = nullptr;
    WorkspaceApi *m_api = nullptr;
    int m_allPurposeClusters = ExtraClusters; // the list leaves job clusters out

    // The built-in demo workspace with clusters of long names added.
    QString writeWorkspace()
    {
        QFile builtIn(QStringLiteral(":/brickrun/emulator/demo-workspace.json"));
        if (!builtIn.open(QIODevice::ReadOnly))
            return {};
        QJsonObject workspace = QJsonDocument::fromJson(builtIn.readAll()).object();
        QJsonArray clusters = workspace.value(QStringLiteral("clusters")).toArray();
        for (const QJsonValue &c : std::as_const(clusters))
            if (c[QStringLiteral("cluster_source")].toString() != QLatin1String("JOB"))
                ++m_allPurposeClusters;
        for (int i = 1; i <= ExtraClusters; ++i)
            clusters.append(QJsonObject{
                {QStringLiteral("cluster_id"), QStringLiteral("0923-164208-team%1").arg(i)},
                {QStringLiteral("cluster_name"),
                 QStringLiteral("Shared analytics cluster %1 (autoscaling, Photon)").arg(i)},
                {QStringLiteral("state"),
                 i % 3 ? QStringLiteral("RUNNING") : QStringLiteral("TERMINATED")},
                {QStringLiteral("cluster_source"), QStringLiteral("UI")},
                {QStringLiteral("spark_version"), QStringLiteral("15.4.x-scala2.12")},
                {QStringLiteral("node_type_id"), QStringLiteral("Standard_DS3_v2")},
                {QStringLiteral("num_workers"), 2},
                {QStringLiteral("autotermination_minutes"), 60}});
        workspace.insert(QStringLiteral("clusters"), clusters);
        const QString path = m_dir.filePath(QStringLiteral("workspace.json"));
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(workspace).toJson()) <= 0)
            return {};
        return path;
    }

    QRect available() const { return m_window->screen()->availableGeometry(); }

    // Opens the list with the ▾ button's slot and waits until every cluster is in it.
    QTreeView *openList()
    {
        m_picker->showList();
        QTreeView *list = nullptr;
        const bool shown = QTest::qWaitFor(
            [&] {
                list = clusterList();
                return list && list->isVisible() &&
                       list->model()->rowCount() == m_allPurposeClusters;
            },
            scaledTimeout(10000));
        return shown ? list : nullptr;
    }

    // The popup's geometry settles after the rows come in (queued); wait for what it must show.
    static bool waitForRows(QTreeView *list, int rows)
    {
        return QTest::qWaitFor(
            [&] { return list->viewport()->height() >= rows * list->sizeHintForRow(0); },
            scaledTimeout(5000));
    }

private Q_SLOTS:
    void initTestCase()
    {
        qInfo("platform plugin: %s", qPrintable(QGuiApplication::platformName()));
        QVERIFY(m_dir.isValid());
        Emulator::EmulatorOptions o;
        o.token = QStringLiteral("dapi-test-cluster-picker");
        o.workspaceFile = writeWorkspace();
        QVERIFY(!o.workspaceFile.isEmpty());
        m_emulator = std::make_unique<Emulator::Emulator>(o);
        QString error;
        QVERIFY2(m_emulator->start(&error), qPrintable(error));
        m_transport = new HttpTransport(&m_nam, this);
        m_transport->setEndpoint(QUrl(m_emulator->baseUrl()), m_emulator->token());
        m_api = new WorkspaceApi(m_transport, this);

        m_window = std::make_unique<QWidget>();
        auto *layout = new QVBoxLayout(m_window.get());
        m_picker = new ClusterPicker(m_window.get());
        layout->addWidget(m_picker);
        layout->addStretch();
        m_window->resize(360, 120);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_picker->setWorkspaceApi(m_api);
        QTRY_VERIFY_WITH_TIMEOUT(!m_picker->isLoading(), scaledTimeout(10000));
    }
    void cleanup()
    {
        if (QTreeView *list = clusterList())
            list->hide();
        m_picker->lineEdit()->clear();
    }
    void cleanupTestCase()
    {
        m_window.reset();
        m_nam.clearConnectionCache();
        m_emulator.reset();
    }

    void opensBelowTheFieldWithEightRowsAndEveryColumn()
    {
        m_window->move(available().topLeft() + QPoint(40, 40));
        QTRY_VERIFY(globalRect(m_window.get()).top() < available().center().y());
        QTreeView *list = openList();
        QVERIFY(list);
        QVERIFY2(waitForRows(list, 8), qPrintable(QStringLiteral("%1 px for rows of %2 px")
                                                      .arg(list->viewport()->height())
                                                      .arg(list->sizeHintForRow(0))));
        const QLineEdit *field = m_picker->lineEdit();
        const QRect popup = list->geometry();
        QVERIFY2(popup.width() >= field->width(),
                 qPrintable(QStringLiteral("%1 < %2").arg(popup.width()).arg(field->width())));
        QVERIFY(available().contains(popup));
        QCOMPARE(popup.left(), globalRect(field).left());
        QVERIFY(popup.top() >= globalRect(field).bottom()); // below, not over the text
        // Name, id, state and version all fit: no horizontal scrolling on this screen.
        QTRY_VERIFY(!list->horizontalScrollBar()->isVisible());
        const QAbstractItemView *view = list; // QTreeView's sizeHintForColumn is protected
        for (int column = 0; column < ClusterPicker::ColumnCount; ++column)
            QVERIFY2(list->columnWidth(column) >= view->sizeHintForColumn(column),
                     qPrintable(QStringLiteral("column %1 cut").arg(column)));
        QVERIFY(list->header()->length() <= list->viewport()->width());
    }

    void aFilteredListShowsAllItsRows()
    {
        m_window->move(available().topLeft() + QPoint(40, 40));
        QTreeView *list = openList();
        QVERIFY(list);
        m_picker->lineEdit()->setFocus();
        QTest::keyClicks(m_picker->lineEdit(), QStringLiteral("team1"));
        // team1, team10 … team17: 9 rows
        QTRY_COMPARE_WITH_TIMEOUT(list->model()->rowCount(), 9, scaledTimeout(5000));
        QTRY_VERIFY(list->isVisible());
        QVERIFY(waitForRows(list, 9));
        QVERIFY(list->width() >= m_picker->lineEdit()->width());
        QVERIFY(available().contains(list->geometry()));
        // Fewer rows than the list holds: all of them show, without a vertical scroll bar.
        QTest::keyClicks(m_picker->lineEdit(), QStringLiteral("7"));
        QTRY_COMPARE_WITH_TIMEOUT(list->model()->rowCount(), 1, scaledTimeout(5000));
        QTRY_VERIFY(!list->verticalScrollBar()->isVisible());
        QVERIFY(list->viewport()->height() >= list->sizeHintForRow(0));
    }

    void nearTheScreenEdgeItOpensAboveAndStaysOnScreen()
    {
        const QRect screen = available();
        m_window->move(screen.right() + 1 - m_window->frameGeometry().width(),
                       screen.bottom() + 1 - m_window->frameGeometry().height());
        QTRY_VERIFY(globalRect(m_window.get()).bottom() > screen.center().y());
        QTreeView *list = openList();
        QVERIFY(list);
        QVERIFY(waitForRows(list, 8));
        const QRect popup = list->geometry();
        QVERIFY2(screen.contains(popup), qPrintable(QStringLiteral("%1,%2 %3x%4 outside %5x%6")
                                                        .arg(popup.x())
                                                        .arg(popup.y())
                                                        .arg(popup.width())
                                                        .arg(popup.height())
                                                        .arg(screen.width())
                                                        .arg(screen.height())));
        QVERIFY(popup.bottom() < globalRect(m_picker->lineEdit()).top()); // above the field
        QVERIFY(popup.width() >= m_picker->lineEdit()->width());
    }

    void downAndReturnPickTheRowThatShows()
    {
        m_window->move(available().topLeft() + QPoint(40, 40));
        QTreeView *list = openList();
        QVERIFY(list);
        QVERIFY(waitForRows(list, 8));
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(list, Qt::Key_Down);
        const QModelIndex current = list->currentIndex();
        QVERIFY(current.isValid());
        QVERIFY(list->viewport()->rect().contains(list->visualRect(current)));
        const QString id = current.data(ClusterPicker::IdRole).toString();
        QVERIFY(!id.isEmpty());
        QTest::keyClick(list, Qt::Key_Return);
        QTRY_VERIFY(!list->isVisible());
        QCOMPARE(m_picker->clusterId(), id);
    }
};

QTEST_MAIN(tst_ClusterPicker)
#include "tst_clusterpicker.moc"
