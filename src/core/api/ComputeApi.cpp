// SPDX-License-Identifier: Apache-2.0
#include "api/ComputeApi.h"

#include "model/ComputeSpec.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace Brickrun {

namespace {

constexpr int ExamplesInProblems = 5;

QString number(double value)
{
    return QString::number(value, 'f', value == std::floor(value) ? 0 : 1);
}

} // namespace

QString RuntimeVersion::shortName() const
{
    return ComputeSpec::shortRuntime(key, name);
}

QString NodeType::displayText() const
{
    return QCoreApplication::translate("Brickrun::ComputeApi", "%1 · %2 cores · %3 GB")
        .arg(id, number(cores), number(memoryMb / 1024.0));
}

ComputeApi::ComputeApi(HttpTransport *transport, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
{}

void ComputeApi::sparkVersions(QObject *context, Callback<QList<RuntimeVersion>> callback)
{
    HttpTransport::Request req;
    req.path = QStringLiteral("/api/2.1/clusters/spark-versions");
    req.description = QStringLiteral("clusters/spark-versions");
    m_transport->send(req, context, [callback](const Result<QJsonObject> &r) {
        if (!r)
            return callback(Result<QList<RuntimeVersion>>::failure(r.error()));
        callback(Result<QList<RuntimeVersion>>::success(parseSparkVersions(r.value())));
    });
}

void ComputeApi::nodeTypes(QObject *context, Callback<QList<NodeType>> callback)
{
    HttpTransport::Request req;
    req.path = QStringLiteral("/api/2.1/clusters/list-node-types");
    req.description = QStringLiteral("clusters/list-node-types");
    m_transport->send(req, context, [callback](const Result<QJsonObject> &r) {
        if (!r)
            return callback(Result<QList<NodeType>>::failure(r.error()));
        callback(Result<QList<NodeType>>::success(parseNodeTypes(r.value())));
    });
}

void ComputeApi::checkNewCluster(const ComputeSpec &spec, QObject *context, CheckCallback callback)
{
    const QString runtime = spec.sparkVersion;
    const QString node = spec.nodeTypeId;
    sparkVersions(context, [this, context, callback, runtime,
                            node](const Result<QList<RuntimeVersion>> &versions) {
        if (!versions)
            return callback({}, versions.error(), QString());
        QStringList problems;
        QString name;
        if (const QString p = runtimeProblem(runtime, versions.value()); !p.isEmpty())
            problems << p;
        else
            name = findRuntime(runtime, versions.value())->name;
        nodeTypes(context, [callback, problems, name, node](const Result<QList<NodeType>> &types) {
            if (!types)
                return callback({}, types.error(), QString());
            QStringList all = problems;
            if (const QString p = nodeTypeProblem(node, types.value()); !p.isEmpty())
                all << p;
            callback(all, ApiError(), name);
        });
    });
}

QList<RuntimeVersion> ComputeApi::parseSparkVersions(const QJsonObject &body)
{
    static const QRegularExpression version(QStringLiteral("^(\\d+)\\.(\\d+)\\."));
    static const QRegularExpression lts(QStringLiteral("\\bLTS\\b"));
    QList<RuntimeVersion> versions;
    const QJsonArray array = body.value(QLatin1String("versions")).toArray();
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        RuntimeVersion r;
        r.key = o.value(QLatin1String("key")).toString().trimmed();
        r.name = o.value(QLatin1String("name")).toString().trimmed();
        if (r.key.isEmpty())
            continue;
        if (r.name.isEmpty())
            r.name = r.key;
        r.isLts = lts.match(r.name).hasMatch();
        const QRegularExpressionMatch m = version.match(r.key);
        if (m.hasMatch()) {
            r.major = m.captured(1).toInt();
            r.minor = m.captured(2).toInt();
        }
        versions.append(r);
    }
    std::sort(versions.begin(), versions.end(),
              [](const RuntimeVersion &a, const RuntimeVersion &b) {
                  if (a.isLts != b.isLts)
                      return a.isLts;
                  if (a.major != b.major)
                      return a.major > b.major;
                  if (a.minor != b.minor)
                      return a.minor > b.minor;
                  if (a.isMl() != b.isMl())
                      return !a.isMl();
                  return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
              });
    return versions;
}

QList<NodeType> ComputeApi::parseNodeTypes(const QJsonObject &body)
{
    QList<NodeType> types;
    const QJsonArray array = body.value(QLatin1String("node_types")).toArray();
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        NodeType t;
        t.id = o.value(QLatin1String("node_type_id")).toString().trimmed();
        if (t.id.isEmpty() || o.value(QLatin1String("is_hidden")).toBool())
            continue;
        t.cores = std::max(0.0, o.value(QLatin1String("num_cores")).toDouble());
        t.memoryMb = std::max(0, o.value(QLatin1String("memory_mb")).toInt());
        t.description = o.value(QLatin1String("description")).toString();
        t.category = o.value(QLatin1String("category")).toString();
        t.isDeprecated = o.value(QLatin1String("is_deprecated")).toBool();
        types.append(t);
    }
    std::sort(types.begin(), types.end(), [](const NodeType &a, const NodeType &b) {
        if (a.isDeprecated != b.isDeprecated)
            return !a.isDeprecated;
        if (a.cores != b.cores)
            return a.cores < b.cores;
        if (a.memoryMb != b.memoryMb)
            return a.memoryMb < b.memoryMb;
        return a.id.compare(b.id, Qt::CaseInsensitive) < 0;
    });
    return types;
}

const RuntimeVersion *ComputeApi::findRuntime(const QString &key,
                                              const QList<RuntimeVersion> &offered)
{
    const QString k = key.trimmed();
    const auto it = std::find_if(offered.begin(), offered.end(),
                                 [&k](const RuntimeVersion &r) { return r.key == k; });
    return it == offered.end() ? nullptr : &*it;
}

QString ComputeApi::runtimeProblem(const QString &key, const QList<RuntimeVersion> &offered)
{
    if (findRuntime(key, offered))
        return QString();
    QStringList examples;
    for (const RuntimeVersion &r : offered) {
        if (examples.size() == ExamplesInProblems)
            break;
        if (!r.isMl())
            examples << r.key;
    }
    if (examples.isEmpty())
        return QStringLiteral("runtime: \"%1\" is not offered: this workspace lists no "
                              "runtimes")
            .arg(key.trimmed());
    return QStringLiteral("runtime: \"%1\" is not a runtime this workspace offers (%2%3)")
        .arg(key.trimmed(), examples.join(QStringLiteral(", ")),
             offered.size() > examples.size() ? QStringLiteral(", …") : QString());
}

QString ComputeApi::nodeTypeProblem(const QString &id, const QList<NodeType> &offered)
{
    const QString i = id.trimmed();
    if (std::any_of(offered.begin(), offered.end(), [&i](const NodeType &t) { return t.id == i; }))
        return QString();
    QStringList examples;
    for (const NodeType &t : offered) {
        if (examples.size() == ExamplesInProblems)
            break;
        if (!t.isDeprecated)
            examples << t.id;
    }
    if (examples.isEmpty())
        return QStringLiteral("node type: \"%1\" is not offered: this workspace lists no node "
                              "types")
            .arg(i);
    return QStringLiteral("node type: \"%1\" is not a node type this workspace offers (%2%3)")
        .arg(i, examples.join(QStringLiteral(", ")),
             offered.size() > examples.size() ? QStringLiteral(", …") : QString());
}

} // namespace Brickrun
