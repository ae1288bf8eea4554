// SPDX-License-Identifier: Apache-2.0
#include "ClusterCatalogue.h"

#include "WorkspaceDefinition.h"

namespace Brickrun::Emulator {

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// A node type the definition does not describe: a general purpose one of 4 cores.
QJsonObject plainNodeType(const QString &id)
{
    return QJsonObject{{QStringLiteral("node_type_id"), id},
                       {QStringLiteral("memory_mb"), 14336},
                       {QStringLiteral("num_cores"), 4.0},
                       {QStringLiteral("description"), id},
                       {QStringLiteral("instance_type_id"), id},
                       {QStringLiteral("is_deprecated"), false},
                       {QStringLiteral("category"), QStringLiteral("General Purpose")},
                       {QStringLiteral("num_gpus"), 0}};
}

} // namespace

bool ClusterCatalogue::load(const QJsonObject &root, const QList<ClusterDefinition> &clusters,
                            QString *error)
{
    m_versions = {};
    m_nodeTypes = {};
    if (!loadSparkVersions(root.value(QStringLiteral("spark_versions")), error) ||
        !loadNodeTypes(root.value(QStringLiteral("node_types")), error))
        return false;
    // A definition without the lists: what its clusters use.
    const bool ownVersions = root.contains(QStringLiteral("spark_versions"));
    const bool ownNodeTypes = root.contains(QStringLiteral("node_types"));
    for (const ClusterDefinition &c : clusters) {
        if (!ownVersions && !hasSparkVersion(c.sparkVersion))
            m_versions.append(QJsonObject{{QStringLiteral("key"), c.sparkVersion},
                                          {QStringLiteral("name"), c.sparkVersion}});
        if (!ownNodeTypes && !hasNodeType(c.nodeTypeId))
            m_nodeTypes.append(plainNodeType(c.nodeTypeId));
    }
    return true;
}

bool ClusterCatalogue::loadSparkVersions(const QJsonValue &value, QString *error)
{
    if (value.isUndefined())
        return true;
    if (!value.isArray() || value.toArray().isEmpty())
        return fail(error, QStringLiteral("spark_versions: expected a non-empty array"));
    const QJsonArray array = value.toArray();
    for (int i = 0; i < array.size(); ++i) {
        const QString field = QStringLiteral("spark_versions[%1]").arg(i);
        const QJsonObject json = array.at(i).toObject();
        const QString key = json.value(QStringLiteral("key")).toString();
        const QString name = json.value(QStringLiteral("name")).toString();
        if (key.isEmpty() || name.isEmpty())
            return fail(error, field + QStringLiteral(": expected an object with a non-empty "
                                                      "key and name"));
        if (hasSparkVersion(key))
            return fail(error,
                        field + QStringLiteral(".key: duplicate '") + key + QLatin1Char('\''));
        m_versions.append(
            QJsonObject{{QStringLiteral("key"), key}, {QStringLiteral("name"), name}});
    }
    return true;
}

bool ClusterCatalogue::loadNodeTypes(const QJsonValue &value, QString *error)
{
    if (value.isUndefined())
        return true;
    if (!value.isArray() || value.toArray().isEmpty())
        return fail(error, QStringLiteral("node_types: expected a non-empty array"));
    const QJsonArray array = value.toArray();
    for (int i = 0; i < array.size(); ++i) {
        const QString field = QStringLiteral("node_types[%1]").arg(i);
        if (!array.at(i).isObject())
            return fail(error, field + QStringLiteral(": expected an object"));
        const QJsonObject json = array.at(i).toObject();
        const QString id = json.value(QStringLiteral("node_type_id")).toString();
        if (id.isEmpty())
            return fail(error,
                        field + QStringLiteral(".node_type_id: expected a non-empty string"));
        if (hasNodeType(id))
            return fail(error, field + QStringLiteral(".node_type_id: duplicate '") + id +
                                   QLatin1Char('\''));
        const double memory = json.value(QStringLiteral("memory_mb")).toDouble(-1);
        const double cores = json.value(QStringLiteral("num_cores")).toDouble(-1);
        if (memory <= 0 || cores <= 0)
            return fail(error, field + QStringLiteral(": memory_mb and num_cores must be "
                                                      "numbers > 0"));
        // The members every node type has, defaulted as the service does.
        QJsonObject nodeType = plainNodeType(id);
        for (auto it = json.begin(); it != json.end(); ++it)
            nodeType.insert(it.key(), it.value());
        m_nodeTypes.append(nodeType);
    }
    return true;
}

bool ClusterCatalogue::hasSparkVersion(const QString &key) const
{
    for (const QJsonValue &v : m_versions) {
        if (v.toObject().value(QStringLiteral("key")).toString() == key)
            return true;
    }
    return false;
}

bool ClusterCatalogue::hasNodeType(const QString &nodeTypeId) const
{
    return nodeTypeIds().contains(nodeTypeId);
}

QStringList ClusterCatalogue::nodeTypeIds() const
{
    QStringList ids;
    for (const QJsonValue &n : m_nodeTypes)
        ids.append(n.toObject().value(QStringLiteral("node_type_id")).toString());
    return ids;
}

QJsonObject ClusterCatalogue::sparkVersionsAnswer() const
{
    return {{QStringLiteral("versions"), m_versions}};
}

QJsonObject ClusterCatalogue::nodeTypesAnswer(bool live) const
{
    if (live)
        return {{QStringLiteral("node_types"), m_nodeTypes}};
    static const QStringList declared = {
        QStringLiteral("node_type_id"),     QStringLiteral("memory_mb"),
        QStringLiteral("num_cores"),        QStringLiteral("description"),
        QStringLiteral("instance_type_id"), QStringLiteral("is_deprecated"),
        QStringLiteral("num_gpus"),         QStringLiteral("category")};
    QJsonArray nodeTypes;
    for (const QJsonValue &n : m_nodeTypes) {
        QJsonObject kept;
        const QJsonObject all = n.toObject();
        for (const QString &member : declared)
            kept.insert(member, all.value(member));
        nodeTypes.append(kept);
    }
    return {{QStringLiteral("node_types"), nodeTypes}};
}

} // namespace Brickrun::Emulator
