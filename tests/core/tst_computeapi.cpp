// SPDX-License-Identifier: Apache-2.0
// ComputeApi's readers of clusters/spark-versions and clusters/list-node-types, on answers
// shaped like the service's (the fields of the official reference; some entries lacking
// fields a real answer may lack), and its calls against the demo workspace over loopback HTTP.
#include "EmulatorFixture.h"
#include "TestTimeouts.h"
#include "api/ComputeApi.h"
#include "model/ComputeSpec.h"

#include <QJsonDocument>
#include <QTest>

#include <optional>

using namespace Brickrun;

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

} // namespace

class tst_ComputeApi : public QObject
{
    Q_OBJECT
    std::optional<Brickrun::Test::EmulatorFixture> m_demo;

    ComputeApi *startDemo(const QString &token = QStringLiteral("dapi-test-compute-0000"))
    {
        m_demo.emplace();
        QString error;
        if (!m_demo->start(Brickrun::Test::EmulatorFixture::options(
                               10, QStringLiteral("dapi-test-compute-0000")),
                           &error)) {
            qWarning("%s", qPrintable(error));
            return nullptr;
        }
        if (token != QLatin1String("dapi-test-compute-0000"))
            m_demo->transport()->setEndpoint(QUrl(m_demo->emulator()->baseUrl()), token);
        return new ComputeApi(m_demo->transport(), this);
    }

private Q_SLOTS:
    void cleanup() { m_demo.reset(); }

    // The demo workspace's lists, read and sorted as the pickers show them.
    void demoListsSorted()
    {
        ComputeApi *api = startDemo();
        QVERIFY(api);
        std::optional<Result<QList<RuntimeVersion>>> versions;
        std::optional<Result<QList<NodeType>>> types;
        api->sparkVersions(this, [&](const Result<QList<RuntimeVersion>> &r) { versions = r; });
        api->nodeTypes(this, [&](const Result<QList<NodeType>> &r) { types = r; });
        QTRY_VERIFY_WITH_TIMEOUT(versions && types, Brickrun::Test::scaledTimeout(20000));
        QVERIFY2(*versions, qPrintable(versions->error().toString()));
        QVERIFY2(*types, qPrintable(types->error().toString()));

        const QList<RuntimeVersion> &v = versions->value();
        QVERIFY(v.size() > 2);
        QVERIFY(v.first().isLts);
        QVERIFY(ComputeApi::findRuntime(QStringLiteral("15.4.x-scala2.12"), v));
        // LTS first, then the others; within each, never an older version before a newer one.
        bool ltsDone = false;
        for (int i = 0; i < v.size(); ++i) {
            ltsDone = ltsDone || !v.at(i).isLts;
            QVERIFY2(!(ltsDone && v.at(i).isLts), qPrintable(v.at(i).key));
            if (i > 0 && v.at(i).isLts == v.at(i - 1).isLts && v.at(i).major >= 0)
                QVERIFY2(std::make_pair(v.at(i).major, v.at(i).minor) <=
                             std::make_pair(v.at(i - 1).major, v.at(i - 1).minor),
                         qPrintable(v.at(i).key));
        }

        const QList<NodeType> &t = types->value();
        const auto ds3 = std::find_if(t.begin(), t.end(), [](const NodeType &n) {
            return n.id == QLatin1String("Standard_DS3_v2");
        });
        QVERIFY(ds3 != t.end());
        QCOMPARE(ds3->cores, 4.0);
        QVERIFY(ds3->memoryMb > 0);
        // The demo lists one deprecated type (Standard_D3_v2): it comes after the current ones.
        QCOMPARE(t.last().id, QStringLiteral("Standard_D3_v2"));
        QVERIFY(t.last().isDeprecated);
        for (int i = 1; i < t.size(); ++i)
            QVERIFY2(!(t.at(i - 1).isDeprecated && !t.at(i).isDeprecated), qPrintable(t.at(i).id));
    }

    // The check a submit makes first: what the workspace offers passes (and names the
    // runtime), what it does not is named.
    void checkNewClusterOnTheDemo()
    {
        ComputeApi *api = startDemo();
        QVERIFY(api);
        ComputeSpec spec;
        spec.kind = ComputeSpec::Kind::NewJobCluster;
        spec.sparkVersion = QStringLiteral("15.4.x-scala2.12");
        spec.nodeTypeId = QStringLiteral("Standard_DS3_v2");
        std::optional<QStringList> problems;
        ApiError error;
        QString name;
        const auto check = [&] {
            problems.reset();
            api->checkNewCluster(spec, this,
                                 [&](const QStringList &p, const ApiError &e, const QString &n) {
                                     problems = p;
                                     error = e;
                                     name = n;
                                 });
            return QTest::qWaitFor([&] { return problems.has_value(); },
                                   Brickrun::Test::scaledTimeout(20000));
        };
        QVERIFY(check());
        QVERIFY2(!error.isError(), qPrintable(error.toString()));
        QVERIFY2(problems->isEmpty(), qPrintable(problems->join(QLatin1Char('\n'))));
        QVERIFY2(name.startsWith(QLatin1String("15.4 LTS")), qPrintable(name));

        spec.sparkVersion = QStringLiteral("9.9.x-scala2.12");
        spec.nodeTypeId = QStringLiteral("Standard_Nope");
        QVERIFY(check());
        QCOMPARE(problems->size(), 2);
        QVERIFY(problems->at(0).startsWith(QLatin1String("runtime: \"9.9.x-scala2.12\" is not")));
        QVERIFY(problems->at(1).startsWith(QLatin1String("node type: \"Standard_Nope\" is not")));
        QVERIFY(name.isEmpty());
    }

    // A refused token is an error of the call, not an empty list.
    void refusedTokenIsAnError()
    {
        ComputeApi *api = startDemo(QStringLiteral("dapi-test-wrong-0000"));
        QVERIFY(api);
        std::optional<Result<QList<RuntimeVersion>>> versions;
        api->sparkVersions(this, [&](const Result<QList<RuntimeVersion>> &r) { versions = r; });
        QTRY_VERIFY_WITH_TIMEOUT(versions.has_value(), Brickrun::Test::scaledTimeout(20000));
        QVERIFY(!*versions);
        QVERIFY2(versions->error().isAuthentication(), qPrintable(versions->error().toString()));
    }

    void sparkVersionsLtsFirstThenNewest()
    {
        const QList<RuntimeVersion> versions = ComputeApi::parseSparkVersions(json(R"j({"versions":[
            {"key":"13.3.x-scala2.12","name":"13.3 LTS (includes Apache Spark 3.4.1, Scala 2.12)"},
            {"key":"16.2.x-scala2.12","name":"16.2 (includes Apache Spark 3.5.2, Scala 2.12)"},
            {"key":"15.4.x-cpu-ml-scala2.12","name":"15.4 LTS ML (includes Apache Spark 3.5.0, Scala 2.12)"},
            {"key":"15.4.x-scala2.12","name":"15.4 LTS (includes Apache Spark 3.5.0, Scala 2.12)"},
            {"key":"16.1.x-scala2.12"},
            {"name":"no key, left out"},
            {"key":"apache-spark-2.4.x-scala2.11","name":"Light 2.4 (includes Apache Spark 2.4, Scala 2.11)"},
            {"key":"16.4.x-scala2.12","name":"16.4 LTS (includes Apache Spark 3.5.2, Scala 2.12)"},
            "not an object"
        ]})j"));
        QStringList keys;
        for (const RuntimeVersion &v : versions)
            keys << v.key;
        QCOMPARE(keys,
                 (QStringList{"16.4.x-scala2.12", "15.4.x-scala2.12", "15.4.x-cpu-ml-scala2.12",
                              "13.3.x-scala2.12", "16.2.x-scala2.12", "16.1.x-scala2.12",
                              "apache-spark-2.4.x-scala2.11"}));
        QVERIFY(versions.at(0).isLts);
        QVERIFY(!versions.at(4).isLts);
        QCOMPARE(versions.at(1).shortName(), QStringLiteral("15.4 LTS"));
        QCOMPARE(versions.at(2).shortName(), QStringLiteral("15.4 LTS ML"));
        QVERIFY(versions.at(2).isMl());
        // A version without a name is named by its key.
        QCOMPARE(versions.at(5).name, QStringLiteral("16.1.x-scala2.12"));
        QCOMPARE(versions.at(5).shortName(), QStringLiteral("16.1.x-scala2.12"));
        QCOMPARE(versions.at(6).major, -1);

        QVERIFY(ComputeApi::parseSparkVersions(QJsonObject()).isEmpty());
        QVERIFY(ComputeApi::parseSparkVersions(json(R"j({"versions":{}})j")).isEmpty());
    }

    void nodeTypesSortedHiddenLeftOut()
    {
        const QList<NodeType> types = ComputeApi::parseNodeTypes(json(R"j({"node_types":[
            {"node_type_id":"Standard_E8s_v3","memory_mb":65536,"num_cores":8,"description":"Standard_E8s_v3","category":"Memory Optimized"},
            {"node_type_id":"Standard_DS3_v2","memory_mb":14336,"num_cores":4,"description":"Standard_DS3_v2","category":"General Purpose"},
            {"node_type_id":"Standard_DS4_v2","memory_mb":28672,"num_cores":8,"description":"Standard_DS4_v2"},
            {"node_type_id":"Standard_D3_v2","memory_mb":14336,"num_cores":4,"is_deprecated":true},
            {"node_type_id":"Standard_Hidden","memory_mb":1,"num_cores":1,"is_hidden":true},
            {"node_type_id":"Standard_F2.5","memory_mb":4096,"num_cores":2.5},
            {"memory_mb":1024,"num_cores":1},
            {"node_type_id":"Standard_Bare"}
        ]})j"));
        QStringList ids;
        for (const NodeType &t : types)
            ids << t.id;
        QCOMPARE(ids, (QStringList{"Standard_Bare", "Standard_F2.5", "Standard_DS3_v2",
                                   "Standard_DS4_v2", "Standard_E8s_v3", "Standard_D3_v2"}));
        QCOMPARE(types.at(2).memoryMb, 14336);
        QCOMPARE(types.at(2).cores, 4.0);
        QCOMPARE(types.at(2).category, QStringLiteral("General Purpose"));
        QCOMPARE(types.at(2).displayText(), QStringLiteral("Standard_DS3_v2 · 4 cores · 14 GB"));
        QCOMPARE(types.at(1).displayText(), QStringLiteral("Standard_F2.5 · 2.5 cores · 4 GB"));
        QVERIFY(types.last().isDeprecated);
        QCOMPARE(types.at(0).cores, 0.0);
        QVERIFY(ComputeApi::parseNodeTypes(QJsonObject()).isEmpty());
    }

    void problemsNameTheFieldAndOfferExamples()
    {
        const QList<RuntimeVersion> versions = ComputeApi::parseSparkVersions(json(R"j({"versions":[
            {"key":"15.4.x-scala2.12","name":"15.4 LTS (includes Apache Spark 3.5.0, Scala 2.12)"},
            {"key":"15.4.x-cpu-ml-scala2.12","name":"15.4 LTS ML"}]
    })j"));
        QVERIFY(
            ComputeApi::runtimeProblem(QStringLiteral(" 15.4.x-scala2.12 "), versions).isEmpty());
        QCOMPARE(ComputeApi::findRuntime(QStringLiteral("15.4.x-scala2.12"), versions)->name,
                 versions.first().name);
        QCOMPARE(ComputeApi::runtimeProblem(QStringLiteral("9.9.x-scala2.12"), versions),
                 QStringLiteral("runtime: \"9.9.x-scala2.12\" is not a runtime this workspace "
                                "offers (15.4.x-scala2.12, …)"));
        QCOMPARE(ComputeApi::runtimeProblem(QStringLiteral("x"), {}),
                 QStringLiteral("runtime: \"x\" is not offered: this workspace lists no runtimes"));

        const QList<NodeType> types = ComputeApi::parseNodeTypes(
            json(R"j({"node_types":[{"node_type_id":"Standard_DS3_v2","num_cores":4}]})j"));
        QVERIFY(ComputeApi::nodeTypeProblem(QStringLiteral("Standard_DS3_v2"), types).isEmpty());
        QCOMPARE(ComputeApi::nodeTypeProblem(QStringLiteral("Standard_XL"), types),
                 QStringLiteral("node type: \"Standard_XL\" is not a node type this workspace "
                                "offers (Standard_DS3_v2)"));
    }
};

QTEST_GUILESS_MAIN(tst_ComputeApi)
#include "tst_computeapi.moc"
