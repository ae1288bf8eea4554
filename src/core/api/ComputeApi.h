// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/HttpTransport.h"
#include "api/Result.h"

#include <QJsonObject>
#include <QList>
#include <QObject>

#include <functional>

namespace Brickrun {

struct ComputeSpec;

// A Databricks Runtime a new cluster can run, from clusters/spark-versions.
struct RuntimeVersion
{
    QString key;  // what new_cluster.spark_version takes, e.g. "15.4.x-scala2.12"
    QString name; // e.g. "15.4 LTS (includes Apache Spark 3.5.0, Scala 2.12)"
    bool isLts = false;
    int major = -1; // from the key; -1 when it does not read (sorted last)
    int minor = -1;
    bool isMl() const { return key.contains(QLatin1String("-ml-")); }
    // "15.4 LTS", "16.2 ML": the name before its parenthesis.
    QString shortName() const;
};

// A node type a new cluster's driver and workers can be, from clusters/list-node-types.
struct NodeType
{
    QString id; // what new_cluster.node_type_id takes, e.g. "Standard_DS3_v2"
    double cores = 0;
    int memoryMb = 0;
    QString description;
    QString category; // e.g. "General Purpose", "Memory Optimized"
    bool isDeprecated = false;
    // "Standard_DS3_v2 · 4 cores · 14 GB"
    QString displayText() const;
};

// Cluster calls a new job cluster needs: which runtimes and node types the workspace offers.
// Each call takes a context object: when it dies first, the request is aborted and the callback
// never runs.
class ComputeApi : public QObject
{
    Q_OBJECT
public:
    template<typename T>
    using Callback = std::function<void(const Result<T> &)>;

    explicit ComputeApi(HttpTransport *transport, QObject *parent = nullptr);

    // GET /api/2.1/clusters/spark-versions, sorted: LTS first, then newest first.
    void sparkVersions(QObject *context, Callback<QList<RuntimeVersion>> callback);
    // GET /api/2.1/clusters/list-node-types without the hidden ones, sorted: current before
    // deprecated, then by cores, memory and id.
    void nodeTypes(QObject *context, Callback<QList<NodeType>> callback);

    // Checks a new job cluster's runtime and node type against the workspace's lists before a
    // submit: `problems` names each one it does not offer (runtimeProblem, nodeTypeProblem);
    // `error` is set instead when a list could not be read; `runtimeName` is the runtime's name
    // when it is offered (for ComputeSpec::sparkVersionName).
    using CheckCallback = std::function<void(const QStringList &problems, const ApiError &error,
                                             const QString &runtimeName)>;
    void checkNewCluster(const ComputeSpec &spec, QObject *context, CheckCallback callback);

    // The answers' readers (every field may be missing; entries without a key or id are left
    // out).
    static QList<RuntimeVersion> parseSparkVersions(const QJsonObject &body);
    static QList<NodeType> parseNodeTypes(const QJsonObject &body);

    // Whether the workspace offers a runtime or a node type; empty when it does, else a
    // sentence naming the field, e.g. "runtime: \"9.9.x-scala2.12\" is not a runtime this
    // workspace offers (15.4.x-scala2.12, 16.4.x-scala2.12, …)".
    static QString runtimeProblem(const QString &key, const QList<RuntimeVersion> &offered);
    static QString nodeTypeProblem(const QString &id, const QList<NodeType> &offered);
    // The offered runtime with this key, or nullptr.
    static const RuntimeVersion *findRuntime(const QString &key,
                                             const QList<RuntimeVersion> &offered);

private:
    HttpTransport *m_transport;
};

} // namespace Brickrun
