// SPDX-License-Identifier: Apache-2.0
#include "ClusterJson.h"

namespace Brickrun::Emulator::ClusterJson {

QJsonObject cluster(const ClusterDefinition &c, const QString &state,
                    const WorkspaceDefinition &workspace)
{
    QJsonObject json{{QStringLiteral("cluster_id"), c.clusterId},
                     {QStringLiteral("cluster_name"), c.clusterName},
                     {QStringLiteral("spark_version"), c.sparkVersion},
                     {QStringLiteral("node_type_id"), c.nodeTypeId},
                     {QStringLiteral("driver_node_type_id"), c.nodeTypeId},
                     {QStringLiteral("num_workers"), c.numWorkers},
                     {QStringLiteral("state"), state},
                     {QStringLiteral("creator_user_name"), workspace.userName()},
                     {QStringLiteral("autotermination_minutes"), c.autoterminationMinutes},
                     {QStringLiteral("cluster_source"), c.clusterSource},
                     {QStringLiteral("enable_elastic_disk"), true},
                     {QStringLiteral("data_security_mode"), QStringLiteral("SINGLE_USER")},
                     {QStringLiteral("single_user_name"), workspace.userName()},
                     {QStringLiteral("runtime_engine"), QStringLiteral("STANDARD")},
                     {QStringLiteral("default_tags"),
                      QJsonObject{{QStringLiteral("Vendor"), QStringLiteral("Databricks")},
                                  {QStringLiteral("Creator"), workspace.userName()},
                                  {QStringLiteral("ClusterName"), c.clusterName},
                                  {QStringLiteral("ClusterId"), c.clusterId}}},
                     {QStringLiteral("start_time"), static_cast<double>(workspace.createdAt())},
                     {QStringLiteral("cluster_memory_mb"), 14336 * (c.numWorkers + 1)},
                     {QStringLiteral("cluster_cores"), 4.0 * (c.numWorkers + 1)}};
    if (state == QLatin1String("RUNNING")) {
        json.insert(QStringLiteral("state_message"), QString());
    } else if (state == QLatin1String("PENDING")) {
        json.insert(QStringLiteral("state_message"),
                    QStringLiteral("Finding instances for new nodes, acquiring more "
                                   "instances if necessary"));
    } else {
        const bool job = c.clusterSource == QLatin1String("JOB");
        json.insert(QStringLiteral("state_message"),
                    job ? QStringLiteral("Job cluster terminated after its run finished.")
                        : QStringLiteral("Inactive cluster terminated (inactive for %1 "
                                         "minutes).")
                              .arg(c.autoterminationMinutes));
        json.insert(QStringLiteral("terminated_time"), static_cast<double>(workspace.createdAt()));
        json.insert(QStringLiteral("termination_reason"),
                    job ? QJsonObject{{QStringLiteral("code"), QStringLiteral("JOB_FINISHED")},
                                      {QStringLiteral("type"), QStringLiteral("SUCCESS")}}
                        : QJsonObject{{QStringLiteral("code"), QStringLiteral("INACTIVITY")},
                                      {QStringLiteral("type"), QStringLiteral("SUCCESS")},
                                      {QStringLiteral("parameters"),
                                       QJsonObject{{QStringLiteral("inactivity_duration_min"),
                                                    QString::number(c.autoterminationMinutes)}}}});
    }
    return json;
}

} // namespace Brickrun::Emulator::ClusterJson
