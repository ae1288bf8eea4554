// SPDX-License-Identifier: Apache-2.0
// ComputeApi's readers of clusters/spark-versions and clusters/list-node-types, on answers
// shaped like the service's (the fields of the official reference; some entries lacking
// fields a real answer may lack).
#include "api/ComputeApi.h"

#include <QJsonDocument>
#include <QTest>

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
private Q_SLOTS:
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
