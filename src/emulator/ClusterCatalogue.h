// SPDX-License-Identifier: Apache-2.0
#pragma once

// What a new job cluster can be made of: the Databricks Runtime versions
// (clusters/spark-versions) and the node types (clusters/list-node-types) of the demo
// workspace. Loaded from the workspace definition's "spark_versions" and "node_types"; a
// definition without them gets the versions and node types its clusters use.

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Brickrun::Emulator {

struct ClusterDefinition;

class ClusterCatalogue
{
public:
    // Reads root["spark_versions"] and root["node_types"]; on failure false with *error naming
    // the field. clusters: the workspace's clusters, for the lists a definition leaves out.
    bool load(const QJsonObject &root, const QList<ClusterDefinition> &clusters, QString *error);

    bool hasSparkVersion(const QString &key) const;
    bool hasNodeType(const QString &nodeTypeId) const;
    QStringList nodeTypeIds() const; // in the definition's order

    // The answers: {"versions": [{key, name}...]} and {"node_types": [...]}; live: each node
    // type with every member the live service sends, else only those the published API
    // description declares (the NodeType schema).
    QJsonObject sparkVersionsAnswer() const;
    QJsonObject nodeTypesAnswer(bool live) const;

private:
    bool loadSparkVersions(const QJsonValue &value, QString *error);
    bool loadNodeTypes(const QJsonValue &value, QString *error);

    QJsonArray m_versions;  // {key, name}
    QJsonArray m_nodeTypes; // NodeType objects
};

} // namespace Brickrun::Emulator
