// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Brickrun {

// Where a run's task runs: an existing all-purpose cluster (RunSpec::clusterId, the default),
// serverless compute, or a job cluster the service creates for the run and ends with it.
struct ComputeSpec
{
    enum class Kind
    {
        ExistingCluster,
        Serverless,
        NewJobCluster,
    };
    Kind kind = Kind::ExistingCluster;

    // Serverless: optional. An environment (the task's environment_key, the run's
    // `environments`) is sent when either is set, and always for a Python file task, which the
    // service refuses on serverless without one.
    QString environmentVersion; // e.g. "4"; empty = DefaultEnvironmentVersion when one is needed
    QStringList dependencies;   // pip requirement lines, e.g. "pandas==2.2.2"

    // New job cluster.
    QString sparkVersion; // a clusters/spark-versions key, e.g. "15.4.x-scala2.12"
    QString nodeTypeId;   // a clusters/list-node-types id, e.g. "Standard_DS3_v2"
    int numWorkers = 1;   // fixed size; 0 = a single-node cluster (driver only)
    bool autoscale = false;
    int minWorkers = 1; // with autoscale
    int maxWorkers = 2; // with autoscale
    bool photon = false;
    // The runtime's name as clusters/spark-versions gives it ("15.4 LTS (includes…)"), when the
    // one who chose it knew it: for shortText only, never sent.
    QString sparkVersionName;

    static inline const QString DefaultEnvironmentVersion = QStringLiteral("4");
    static inline const QString EnvironmentKey = QStringLiteral("default");

    bool isServerless() const { return kind == Kind::Serverless; }
    bool isNewJobCluster() const { return kind == Kind::NewJobCluster; }
    bool isExistingCluster() const { return kind == Kind::ExistingCluster; }
    // Whether a serverless task is sent with an environment (see environmentVersion).
    bool needsEnvironment(bool pythonFileTask) const
    {
        return pythonFileTask || !environmentVersion.trimmed().isEmpty() || !dependencies.isEmpty();
    }

    // Every problem of the serverless or new-cluster fields, each naming the field ("workers:
    // must not be negative, got -1"). The existing cluster's id is RunSpec's to check.
    QStringList validate() const;

    // The task's `new_cluster` object (NewJobCluster).
    QJsonObject newClusterJson() const;
    // The run's `environments` entry's `spec` (Serverless).
    QJsonObject environmentSpecJson() const;

    // A short text for a table cell: "Serverless", "Serverless · env 4 · 2 dependencies",
    // "New: 15.4 LTS · DS3_v2 × 2", "New: 16.2 · E8s_v3 × 2–8 · Photon". `runtimeName` is the
    // runtime's clusters/spark-versions name when known ("15.4 LTS (includes Apache Spark…)");
    // by default sparkVersionName; without either the version is read from the key
    // ("15.4.x-scala2.12" → "15.4"). Empty for an existing cluster (its name is the caller's to
    // show).
    QString shortText(const QString &runtimeName = QString()) const;
    // The version part of a runtime: "15.4 LTS" from its name, else "15.4" (or "15.4 ML") from
    // its key; the key itself when neither reads.
    static QString shortRuntime(const QString &key, const QString &name = QString());
    // "DS3_v2" from Azure's "Standard_DS3_v2"; other ids as they are.
    static QString shortNodeType(const QString &nodeTypeId);

    // Plain JSON for presets and history: {"kind": "serverless"|"newJobCluster", …}; an existing
    // cluster is {} (its id is stored beside it). fromJson reads what toJson writes; every
    // problem names the field ("compute.workers: must be a whole number").
    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject &json, ComputeSpec *out, QStringList *errors);
    static QString kindName(Kind kind);

    bool operator==(const ComputeSpec &other) const;
    bool operator!=(const ComputeSpec &other) const { return !(*this == other); }
};

} // namespace Brickrun
