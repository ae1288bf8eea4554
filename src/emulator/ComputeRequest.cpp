// SPDX-License-Identifier: Apache-2.0
#include "ComputeRequest.h"

#include "ClusterCatalogue.h"
#include "RequestFields.h"

#include <QRegularExpression>

namespace Brickrun::Emulator {

using RequestFields::readInteger;
using RequestFields::wrongType;

namespace {

// The serverless environment versions the demo workspace offers (spec.environment_version, or
// the older spec.client).
const QStringList kEnvironmentVersions = {QStringLiteral("1"), QStringLiteral("2"),
                                          QStringLiteral("3"), QStringLiteral("4"),
                                          QStringLiteral("5")};
constexpr qint64 kMaxWorkers = 100000;

} // namespace

ApiError ComputeRequest::parseEnvironments(const QJsonValue &value, QJsonArray *environments,
                                           QStringList *keys)
{
    if (value.isUndefined())
        return {};
    if (!value.isArray())
        return wrongType(QStringLiteral("environments"), QStringLiteral("an array"), value);
    const QJsonArray array = value.toArray();
    for (int i = 0; i < array.size(); ++i) {
        const ApiError error =
            parseEnvironment(array.at(i), QStringLiteral("environments[%1]").arg(i), keys);
        if (error.isError())
            return error;
    }
    *environments = array;
    return {};
}

ApiError ComputeRequest::parseEnvironment(const QJsonValue &value, const QString &field,
                                          QStringList *keys)
{
    if (!value.isObject())
        return wrongType(field, QStringLiteral("an object"), value);
    const QJsonObject json = value.toObject();
    QString key;
    if (const ApiError e = RequestFields::readString(json, QStringLiteral("environment_key"),
                                                     field + QLatin1Char('.'), &key);
        e.isError())
        return e;
    if (key.isEmpty())
        return ApiError::invalidParameter(
            QStringLiteral("Missing required field: %1.environment_key").arg(field));
    static const QRegularExpression keyPattern(QStringLiteral("^[\\w\\-]{1,100}$"));
    if (!keyPattern.match(key).hasMatch())
        return ApiError::invalidParameter(
            QStringLiteral("Invalid environment_key '%1': it must be 1 to 100 letters, digits, "
                           "'-' or '_'.")
                .arg(key));
    if (keys->contains(key))
        return ApiError::invalidParameter(
            QStringLiteral("Environment key '%1' is used by more than one environment. "
                           "Environment keys must be unique within a run.")
                .arg(key));
    keys->append(key);
    const QJsonValue spec = json.value(QStringLiteral("spec"));
    if (spec.isUndefined())
        return ApiError::invalidParameter(
            QStringLiteral("Missing required field: %1.spec").arg(field));
    if (!spec.isObject())
        return wrongType(field + QStringLiteral(".spec"), QStringLiteral("an object"), spec);
    const QJsonObject specJson = spec.toObject();
    QString version;
    for (const QString &member :
         {QStringLiteral("client"), QStringLiteral("environment_version")}) {
        if (const ApiError e = RequestFields::readString(
                specJson, member, field + QStringLiteral(".spec."), &version);
            e.isError())
            return e;
    }
    if (version.isEmpty())
        return ApiError::invalidParameter(
            QStringLiteral("Either environment_version or client must be specified in %1.spec.")
                .arg(field));
    if (!kEnvironmentVersions.contains(version))
        return ApiError::invalidParameter(
            QStringLiteral("Invalid environment version '%1' in %2.spec: the workspace offers "
                           "serverless environment versions %3.")
                .arg(version, field, kEnvironmentVersions.join(QStringLiteral(", "))));
    const QJsonValue dependencies = specJson.value(QStringLiteral("dependencies"));
    if (!dependencies.isUndefined()) {
        if (!dependencies.isArray())
            return wrongType(field + QStringLiteral(".spec.dependencies"),
                             QStringLiteral("an array"), dependencies);
        const QJsonArray items = dependencies.toArray();
        for (int i = 0; i < items.size(); ++i) {
            if (!items.at(i).isString() || items.at(i).toString().trimmed().isEmpty())
                return ApiError::invalidParameter(
                    QStringLiteral("Invalid dependency %1 in %2.spec.dependencies: each "
                                   "dependency must be a non-empty pip requirement line.")
                        .arg(i)
                        .arg(field));
        }
    }
    return {};
}

ApiError ComputeRequest::parse(const QJsonObject &json, const QString &field,
                               const QStringList &environmentKeys,
                               const WorkspaceDefinition &workspace, TaskRecord *task)
{
    const QJsonValue existing = json.value(QStringLiteral("existing_cluster_id"));
    const QJsonValue newCluster = json.value(QStringLiteral("new_cluster"));
    const bool hasEnvironment = json.contains(QStringLiteral("environment_key"));
    if (!existing.isUndefined() && !newCluster.isUndefined())
        return ApiError::invalidParameter(
            QStringLiteral("Task %1 specifies both existing_cluster_id and new_cluster; "
                           "specify only one.")
                .arg(task->taskKey));
    if (hasEnvironment && (!existing.isUndefined() || !newCluster.isUndefined()))
        return ApiError::invalidParameter(
            QStringLiteral("Task %1 specifies environment_key together with %2. A task with an "
                           "environment runs on serverless compute: remove %2 or "
                           "environment_key.")
                .arg(task->taskKey, existing.isUndefined()
                                        ? QStringLiteral("new_cluster")
                                        : QStringLiteral("existing_cluster_id")));
    if (json.contains(QStringLiteral("job_cluster_key")))
        return ApiError::invalidParameter(
            QStringLiteral("Task %1 specifies job_cluster_key, but a one-time run has no "
                           "job_clusters: use new_cluster.")
                .arg(task->taskKey));
    if (!existing.isUndefined())
        return parseExistingCluster(existing, field, workspace, task);
    if (!newCluster.isUndefined())
        return parseNewCluster(newCluster, field, workspace, task);
    return parseServerless(json, field, environmentKeys, task);
}

ApiError ComputeRequest::parseExistingCluster(const QJsonValue &value, const QString &field,
                                              const WorkspaceDefinition &workspace,
                                              TaskRecord *task)
{
    if (!value.isString())
        return wrongType(field + QStringLiteral(".existing_cluster_id"), QStringLiteral("a string"),
                         value);
    task->clusterId = value.toString();
    const ClusterDefinition *cluster = workspace.cluster(task->clusterId);
    if (!cluster)
        return ApiError::invalidParameter(
            QStringLiteral("Cluster %1 does not exist").arg(task->clusterId));
    if (cluster->clusterSource == QLatin1String("JOB"))
        return ApiError::invalidParameter(
            QStringLiteral("Cluster %1 is a job cluster and cannot run other tasks. Use an "
                           "all-purpose cluster or new_cluster.")
                .arg(task->clusterId));
    return {};
}

ApiError ComputeRequest::parseNewCluster(const QJsonValue &value, const QString &field,
                                         const WorkspaceDefinition &workspace, TaskRecord *task)
{
    const QString at = field + QStringLiteral(".new_cluster");
    if (!value.isObject())
        return wrongType(at, QStringLiteral("an object"), value);
    const QJsonObject spec = value.toObject();
    const ClusterCatalogue &catalogue = workspace.catalogue();
    const QJsonValue version = spec.value(QStringLiteral("spark_version"));
    if (!version.isString() || version.toString().isEmpty())
        return ApiError::invalidParameter(
            QStringLiteral("Missing required field: new_cluster.spark_version (in task %1).")
                .arg(task->taskKey));
    if (!catalogue.hasSparkVersion(version.toString()))
        return ApiError::invalidParameter(
            QStringLiteral("Invalid spark version %1.").arg(version.toString()));
    const bool fromPool = spec.contains(QStringLiteral("instance_pool_id"));
    if (!fromPool && !spec.value(QStringLiteral("node_type_id")).isString())
        return ApiError::invalidParameter(
            QStringLiteral("Missing required field: new_cluster.node_type_id (in task %1).")
                .arg(task->taskKey));
    for (const QString &member :
         {QStringLiteral("node_type_id"), QStringLiteral("driver_node_type_id")}) {
        const QJsonValue nodeType = spec.value(member);
        if (nodeType.isUndefined())
            continue;
        if (!nodeType.isString())
            return wrongType(at + QLatin1Char('.') + member, QStringLiteral("a string"), nodeType);
        if (!catalogue.hasNodeType(nodeType.toString()))
            return ApiError::invalidParameter(
                QStringLiteral("Node type %1 is not supported. Supported node types: %2")
                    .arg(nodeType.toString(), catalogue.nodeTypeIds().join(QStringLiteral(", "))));
    }
    qint64 workers = 0;
    if (const ApiError e = readInteger(spec, QStringLiteral("num_workers"), at + QLatin1Char('.'),
                                       0, kMaxWorkers, &workers);
        e.isError())
        return e;
    const QJsonValue autoscale = spec.value(QStringLiteral("autoscale"));
    if (!autoscale.isUndefined()) {
        if (!autoscale.isObject())
            return wrongType(at + QStringLiteral(".autoscale"), QStringLiteral("an object"),
                             autoscale);
        const QJsonObject range = autoscale.toObject();
        const QString prefix = at + QStringLiteral(".autoscale.");
        qint64 min = -1;
        qint64 max = -1;
        for (const ApiError &e :
             {readInteger(range, QStringLiteral("min_workers"), prefix, 0, kMaxWorkers, &min),
              readInteger(range, QStringLiteral("max_workers"), prefix, 1, kMaxWorkers, &max)}) {
            if (e.isError())
                return e;
        }
        if (min < 0 || max < 0)
            return ApiError::invalidParameter(
                QStringLiteral("Missing required field: %1 (autoscale needs min_workers and "
                               "max_workers).")
                    .arg(prefix + (min < 0 ? QStringLiteral("min_workers")
                                           : QStringLiteral("max_workers"))));
        if (min > max)
            return ApiError::invalidParameter(
                QStringLiteral("Invalid autoscale in the new_cluster of task %1: min_workers (%2) "
                               "must be less than or equal to max_workers (%3).")
                    .arg(task->taskKey)
                    .arg(min)
                    .arg(max));
    }
    const QJsonValue engine = spec.value(QStringLiteral("runtime_engine"));
    static const QStringList engines = {QStringLiteral("STANDARD"), QStringLiteral("PHOTON"),
                                        QStringLiteral("NULL")};
    if (!engine.isUndefined() && !engines.contains(engine.toString()))
        return ApiError::invalidParameter(
            QStringLiteral("Invalid runtime_engine '%1' in the new_cluster of task %2: expected "
                           "STANDARD or PHOTON.")
                .arg(engine.isString() ? engine.toString() : RequestFields::typeName(engine),
                     task->taskKey));
    task->newCluster = true;
    task->newClusterSpec = spec;
    return {};
}

ApiError ComputeRequest::parseServerless(const QJsonObject &json, const QString &field,
                                         const QStringList &environmentKeys, TaskRecord *task)
{
    task->serverless = true;
    if (const ApiError e =
            RequestFields::readString(json, QStringLiteral("environment_key"),
                                      field + QLatin1Char('.'), &task->environmentKey);
        e.isError())
        return e;
    if (task->environmentKey.isEmpty()) {
        // A notebook brings its own environment; any other task needs one of the run's.
        if (task->kind == QLatin1String("notebook_task"))
            return {};
        return ApiError::invalidParameter(
            QStringLiteral("An environment is required for serverless task %1. Please define one "
                           "using `environments` and `environment_key`.")
                .arg(task->taskKey));
    }
    if (!environmentKeys.contains(task->environmentKey))
        return ApiError::invalidParameter(
            QStringLiteral("Task %1 refers to environment_key '%2', which is not defined in the "
                           "run's environments%3.")
                .arg(task->taskKey, task->environmentKey,
                     environmentKeys.isEmpty() ? QString()
                                               : QStringLiteral(" (%1)").arg(
                                                     environmentKeys.join(QStringLiteral(", ")))));
    return {};
}

} // namespace Brickrun::Emulator
