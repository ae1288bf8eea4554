// SPDX-License-Identifier: Apache-2.0
// WorkspaceApi (identity, clusters, the workspace tree) against the demo workspace.
#include "Emulator.h"
#include "api/WorkspaceApi.h"
#include "model/NotebookWidgets.h"

#include <QNetworkAccessManager>
#include <QTest>

#include <optional>

using namespace Brickrun;

class tst_WorkspaceApi : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Emulator::Emulator> m_emulator;
    QNetworkAccessManager m_nam;
    HttpTransport *m_transport = nullptr;
    WorkspaceApi *m_api = nullptr;

    template<typename T, typename F>
    std::optional<Result<T>> wait(F start)
    {
        std::optional<Result<T>> result;
        start([&result](const Result<T> &r) { result = r; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
            return std::nullopt;
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Emulator::EmulatorOptions o;
        o.token = QStringLiteral("dapi-test-workspace");
        m_emulator = std::make_unique<Emulator::Emulator>(o);
        QString error;
        QVERIFY2(m_emulator->start(&error), qPrintable(error));
        m_transport = new HttpTransport(&m_nam, this);
        m_transport->setEndpoint(QUrl(m_emulator->baseUrl()), m_emulator->token());
        m_api = new WorkspaceApi(m_transport, this);
    }
    void cleanupTestCase()
    {
        m_nam.clearConnectionCache();
        m_emulator.reset();
    }

    void refusedTokenReadsAsOneSentence()
    {
        // The service says "Invalid access token." (with its full stop) inside our sentence.
        HttpTransport transport(&m_nam);
        transport.setEndpoint(QUrl(m_emulator->baseUrl()),
                              QStringLiteral("dapi-not-the-workspace-token"));
        WorkspaceApi api(&transport);
        std::optional<ConnectionReport> report;
        api.testConnection(this, [&report](const ConnectionReport &r) { report = r; });
        QVERIFY(QTest::qWaitFor([&] { return report.has_value(); }, 10000));
        QVERIFY(!report->tokenAccepted);
        QVERIFY2(report->summary.contains(QStringLiteral("refused the token (Invalid access "
                                                         "token). Create")),
                 qPrintable(report->summary));
    }
    void currentUser()
    {
        const auto r = wait<CurrentUser>([&](auto cb) { m_api->currentUser(this, cb); });
        QVERIFY(r && r->isOk());
        QVERIFY(r->value().userName.contains(QLatin1Char('@')));
    }
    void clustersWithoutJobClusters()
    {
        const auto r = wait<QList<ClusterInfo>>([&](auto cb) { m_api->listClusters(this, cb); });
        QVERIFY(r && r->isOk());
        QStringList ids;
        for (const ClusterInfo &c : r->value()) {
            ids << c.id;
            QVERIFY(!c.isJobCluster());
            QVERIFY(!c.name.isEmpty() && !c.state.isEmpty() && !c.sparkVersion.isEmpty());
        }
        QVERIFY(ids.contains(QStringLiteral("demo-cluster")));
        QVERIFY(ids.contains(QStringLiteral("demo-cluster-cold")));
        const auto all =
            wait<QList<ClusterInfo>>([&](auto cb) { m_api->listClusters(this, cb, true); });
        QVERIFY(all->value().size() > r->value().size());
    }
    void folders()
    {
        const auto demo = wait<QList<WorkspaceObject>>(
            [&](auto cb) { m_api->listFolder(QStringLiteral("/Shared/Demo"), this, cb); });
        QVERIFY(demo && demo->isOk());
        bool hello = false;
        for (const WorkspaceObject &o : demo->value()) {
            if (o.path == QLatin1String("/Shared/Demo/hello")) {
                hello = true;
                QCOMPARE(o.type, QStringLiteral("NOTEBOOK"));
                QVERIFY(!o.language.isEmpty());
            }
        }
        QVERIFY(hello);
        const auto shared = wait<QList<WorkspaceObject>>(
            [&](auto cb) { m_api->listFolder(QStringLiteral("/Shared"), this, cb); });
        QVERIFY(shared->value().first().isFolder()); // folders first
        const auto missing = wait<QList<WorkspaceObject>>(
            [&](auto cb) { m_api->listFolder(QStringLiteral("/Nope/Nothing"), this, cb); });
        QVERIFY(missing && !missing->isOk());
        QCOMPARE(missing->error().httpStatus, 404);
        QCOMPARE(missing->error().errorCode, QStringLiteral("RESOURCE_DOES_NOT_EXIST"));
    }
    void exportedSourcesGiveTheirWidgets_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QStringList>("widgets");
        QTest::addColumn<int>("skipped");
        QTest::newRow("python") << "/Shared/Demo/widgets_python"
                                << "PYTHON"
                                << QStringList{"run_date", "region", "currency", "channels"} << 1;
        QTest::newRow("sql") << "/Shared/Demo/widgets_sql"
                             << "SQL" << QStringList{"table_name", "env", "min_orders", "city"}
                             << 0;
        QTest::newRow("scala") << "/Shared/Demo/widgets_scala"
                               << "SCALA"
                               << QStringList{"input_path", "mode", "partitions", "countries"} << 0;
        QTest::newRow("r") << "/Shared/Demo/widgets_r"
                           << "R" << QStringList{"sample_size", "model", "seed", "features"} << 0;
    }
    void exportedSourcesGiveTheirWidgets()
    {
        QFETCH(QString, path);
        QFETCH(QString, language);
        QFETCH(QStringList, widgets);
        QFETCH(int, skipped);
        const auto r = wait<ExportedSource>([&](auto cb) { m_api->exportSource(path, this, cb); });
        QVERIFY(r);
        QVERIFY2(r->isOk(), qPrintable(r->error().toString()));
        QCOMPARE(r->value().language, language);
        const NotebookWidgets found = NotebookWidgets::parse(
            r->value().text(), NotebookWidgets::languageOf(r->value().fileType));
        QStringList names;
        for (const NotebookWidget &w : found.widgets)
            names << w.name;
        QCOMPARE(names, widgets);
        QCOMPARE(found.skipped, skipped);
        QCOMPARE(found.widgets.at(1).kind, NotebookWidget::Kind::Dropdown);
        QVERIFY(found.widgets.at(1).offersChoices());
    }
    void exportErrors_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("errorCode");
        QTest::newRow("refused") << "/Shared/Demo/locked_source" << 403 << "PERMISSION_DENIED";
        QTest::newRow("missing") << "/Shared/Demo/nope" << 404 << "RESOURCE_DOES_NOT_EXIST";
        QTest::newRow("folder") << "/Shared/Demo" << 400 << "INVALID_PARAMETER_VALUE";
    }
    void exportErrors()
    {
        QFETCH(QString, path);
        QFETCH(int, status);
        QFETCH(QString, errorCode);
        const auto r = wait<ExportedSource>([&](auto cb) { m_api->exportSource(path, this, cb); });
        QVERIFY(r && !r->isOk());
        QCOMPARE(r->error().httpStatus, status);
        QCOMPARE(r->error().errorCode, errorCode);
        QVERIFY(r->error().isPermission() == (status == 403));
    }
    void hugeExportIsRefusedWhileItArrives()
    {
        const auto r = wait<ExportedSource>([&](auto cb) {
            m_api->exportSource(QStringLiteral("/Shared/Demo/huge_source"), this, cb);
        });
        QVERIFY(r && !r->isOk());
        QCOMPARE(r->error().kind, ApiError::Kind::BadResponse);
        QVERIFY2(r->error().message.contains(QStringLiteral("too large")),
                 qPrintable(r->error().message));
        QVERIFY2(r->error().message.contains(QStringLiteral("at most 8 MB")),
                 qPrintable(r->error().message));
        // The cap is this request's: the transport's own stays as it was.
        QCOMPARE(m_transport->maxAnswerBytes(), HttpTransport::DefaultMaxAnswerBytes);
    }
};

QTEST_GUILESS_MAIN(tst_WorkspaceApi)
#include "tst_workspaceapi.moc"
