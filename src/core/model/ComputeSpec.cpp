// SPDX-License-Identifier: Apache-2.0
#include "model/ComputeSpec.h"

#include "model/JsonFields.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

namespace Brickrun {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Brickrun::ComputeSpec", text);
}

const QString ServerlessName = QStringLiteral("serverless");
const QString NewJobClusterName = QStringLiteral("newJobCluster");

QStringList serverlessProblems(const ComputeSpec &c)
{
    QStringList problems;
    static const QRegularExpression version(QStringLiteral("^[0-9]+(\\.[0-9]+)?$"));
    const QString v = c.environmentVersion.trimmed();
    if (!v.isEmpty() && !version.match(v).hasMatch())
        problems << QStringLiteral("environment version: \"%1\" is not a version number (such "
                                   "as %2)")
                        .arg(c.environmentVersion, ComputeSpec::DefaultEnvironmentVersion);
    for (const QString &d : c.dependencies) {
        if (d.trimmed().isEmpty())
            problems << QStringLiteral("dependency: a dependency is empty");
        else if (d.contains(QLatin1Char('\n')) || d.contains(QLatin1Char('\r')))
            problems << QStringLiteral("dependency: \"%1\" holds a line break (one requirement "
                                       "per dependency)")
                            .arg(d.simplified());
    }
    return problems;
}

QStringList newClusterProblems(const ComputeSpec &c)
{
    QStringList problems;
    static const QRegularExpression key(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.+-]*$"));
    const QString runtime = c.sparkVersion.trimmed();
    if (runtime.isEmpty())
        problems << QStringLiteral("runtime: is empty (a Databricks Runtime key such as "
                                   "15.4.x-scala2.12)");
    else if (!key.match(runtime).hasMatch())
        problems << QStringLiteral("runtime: \"%1\" is not a runtime key (such as "
                                   "15.4.x-scala2.12)")
                        .arg(c.sparkVersion);
    const QString node = c.nodeTypeId.trimmed();
    if (node.isEmpty())
        problems << QStringLiteral("node type: is empty (such as Standard_DS3_v2)");
    else if (!key.match(node).hasMatch())
        problems << QStringLiteral("node type: \"%1\" is not a node type id (such as "
                                   "Standard_DS3_v2)")
                        .arg(c.nodeTypeId);
    if (c.autoscale) {
        if (c.minWorkers < 0)
            problems << QStringLiteral("autoscale: min workers must not be negative, got %1")
                            .arg(c.minWorkers);
        else if (c.maxWorkers < 1)
            problems << QStringLiteral("autoscale: max workers must be at least 1, got %1")
                            .arg(c.maxWorkers);
        else if (c.minWorkers > c.maxWorkers)
            problems << QStringLiteral("autoscale: min workers (%1) is more than max workers "
                                       "(%2)")
                            .arg(c.minWorkers)
                            .arg(c.maxWorkers);
    } else if (c.numWorkers < 0) {
        problems << QStringLiteral("workers: must not be negative, got %1").arg(c.numWorkers);
    }
    return problems;
}

} // namespace

QStringList ComputeSpec::validate() const
{
    switch (kind) {
    case Kind::Serverless:
        return serverlessProblems(*this);
    case Kind::NewJobCluster:
        return newClusterProblems(*this);
    case Kind::ExistingCluster:
        break;
    }
    return {};
}

QJsonObject ComputeSpec::newClusterJson() const
{
    QJsonObject cluster{{QStringLiteral("spark_version"), sparkVersion.trimmed()},
                        {QStringLiteral("node_type_id"), nodeTypeId.trimmed()},
                        {QStringLiteral("runtime_engine"),
                         photon ? QStringLiteral("PHOTON") : QStringLiteral("STANDARD")}};
    if (autoscale) {
        cluster.insert(QStringLiteral("autoscale"),
                       QJsonObject{{QStringLiteral("min_workers"), minWorkers},
                                   {QStringLiteral("max_workers"), maxWorkers}});
    } else {
        cluster.insert(QStringLiteral("num_workers"), numWorkers);
        if (numWorkers == 0) {
            // A driver-only cluster is a single-node cluster only with these (as the web UI
            // sends them); without them Spark waits for workers that never come.
            cluster.insert(
                QStringLiteral("spark_conf"),
                QJsonObject{{QStringLiteral("spark.databricks.cluster.profile"),
                             QStringLiteral("singleNode")},
                            {QStringLiteral("spark.master"), QStringLiteral("local[*]")}});
            cluster.insert(
                QStringLiteral("custom_tags"),
                QJsonObject{{QStringLiteral("ResourceClass"), QStringLiteral("SingleNode")}});
        }
    }
    return cluster;
}

QJsonObject ComputeSpec::environmentSpecJson() const
{
    const QString version = environmentVersion.trimmed();
    QJsonObject spec{{QStringLiteral("environment_version"),
                      version.isEmpty() ? DefaultEnvironmentVersion : version}};
    QJsonArray deps;
    for (const QString &d : dependencies)
        deps.append(d.trimmed());
    if (!deps.isEmpty())
        spec.insert(QStringLiteral("dependencies"), deps);
    return spec;
}

QString ComputeSpec::shortRuntime(const QString &key, const QString &name)
{
    const QString n = name.trimmed();
    if (!n.isEmpty()) {
        const int paren = n.indexOf(QStringLiteral(" ("));
        return paren > 0 ? n.left(paren) : n;
    }
    static const QRegularExpression version(QStringLiteral("^(\\d+\\.\\d+)\\.x-(.*)$"));
    const QRegularExpressionMatch m = version.match(key.trimmed());
    if (!m.hasMatch())
        return key.trimmed();
    const QString rest = m.captured(2);
    if (rest.contains(QLatin1String("gpu-ml")))
        return m.captured(1) + QStringLiteral(" ML GPU");
    if (rest.contains(QLatin1String("-ml")))
        return m.captured(1) + QStringLiteral(" ML");
    return m.captured(1);
}

QString ComputeSpec::shortNodeType(const QString &nodeTypeId)
{
    const QString id = nodeTypeId.trimmed();
    static const QString azure = QStringLiteral("Standard_");
    return id.startsWith(azure) && id.size() > azure.size() ? id.mid(azure.size()) : id;
}

QString ComputeSpec::shortText(const QString &runtimeName) const
{
    static const QString dot = QStringLiteral(" · ");
    switch (kind) {
    case Kind::ExistingCluster:
        return QString();
    case Kind::Serverless: {
        QString text = tr("Serverless");
        if (!environmentVersion.trimmed().isEmpty())
            text += dot + tr("env %1").arg(environmentVersion.trimmed());
        if (!dependencies.isEmpty()) // the first one, and how many more: "pandas +2"
            text += dot + dependencies.first().trimmed() +
                    (dependencies.size() > 1 ? QStringLiteral(" +%1").arg(dependencies.size() - 1)
                                             : QString());
        return text;
    }
    case Kind::NewJobCluster: {
        const QString workers = autoscale ? QStringLiteral("%1–%2").arg(minWorkers).arg(maxWorkers)
                                          : QString::number(numWorkers);
        QString text = tr("New: %1").arg(shortRuntime(
                           sparkVersion, runtimeName.isEmpty() ? sparkVersionName : runtimeName)) +
                       dot + shortNodeType(nodeTypeId) + QStringLiteral(" × ") + workers;
        if (photon)
            text += dot + QStringLiteral("Photon");
        return text;
    }
    }
    return QString();
}

QString ComputeSpec::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Serverless:
        return ServerlessName;
    case Kind::NewJobCluster:
        return NewJobClusterName;
    case Kind::ExistingCluster:
        break;
    }
    return QStringLiteral("existingCluster");
}

QJsonObject ComputeSpec::toJson() const
{
    QJsonObject json;
    switch (kind) {
    case Kind::ExistingCluster:
        return json;
    case Kind::Serverless:
        json.insert(QStringLiteral("kind"), ServerlessName);
        if (!environmentVersion.isEmpty())
            json.insert(QStringLiteral("environmentVersion"), environmentVersion);
        if (!dependencies.isEmpty())
            json.insert(QStringLiteral("dependencies"), QJsonArray::fromStringList(dependencies));
        return json;
    case Kind::NewJobCluster:
        json.insert(QStringLiteral("kind"), NewJobClusterName);
        json.insert(QStringLiteral("sparkVersion"), sparkVersion);
        json.insert(QStringLiteral("nodeTypeId"), nodeTypeId);
        if (!sparkVersionName.isEmpty())
            json.insert(QStringLiteral("sparkVersionName"), sparkVersionName);
        if (autoscale) {
            json.insert(QStringLiteral("minWorkers"), minWorkers);
            json.insert(QStringLiteral("maxWorkers"), maxWorkers);
        } else {
            json.insert(QStringLiteral("numWorkers"), numWorkers);
        }
        json.insert(QStringLiteral("photon"), photon);
        return json;
    }
    return json;
}

bool ComputeSpec::fromJson(const QJsonObject &json, ComputeSpec *out, QStringList *errors)
{
    JsonFields fields(json, QStringLiteral("compute."));
    ComputeSpec c;
    if (json.isEmpty()) {
        if (out)
            *out = c;
        return true;
    }
    QString kindText;
    fields.string(QStringLiteral("kind"), true, 100, &kindText);
    if (kindText == ServerlessName) {
        c.kind = Kind::Serverless;
        fields.allow({QStringLiteral("kind"), QStringLiteral("environmentVersion"),
                      QStringLiteral("dependencies")});
        fields.string(QStringLiteral("environmentVersion"), false, 100, &c.environmentVersion);
        fields.stringList(QStringLiteral("dependencies"), 1000, 4096, &c.dependencies);
    } else if (kindText == NewJobClusterName) {
        c.kind = Kind::NewJobCluster;
        fields.allow({QStringLiteral("kind"), QStringLiteral("sparkVersion"),
                      QStringLiteral("nodeTypeId"), QStringLiteral("numWorkers"),
                      QStringLiteral("minWorkers"), QStringLiteral("maxWorkers"),
                      QStringLiteral("photon"), QStringLiteral("sparkVersionName")});
        fields.string(QStringLiteral("sparkVersion"), true, 200, &c.sparkVersion);
        fields.string(QStringLiteral("nodeTypeId"), true, 200, &c.nodeTypeId);
        fields.string(QStringLiteral("sparkVersionName"), false, 1000, &c.sparkVersionName);
        c.autoscale = json.contains(QStringLiteral("minWorkers")) ||
                      json.contains(QStringLiteral("maxWorkers"));
        if (c.autoscale && json.contains(QStringLiteral("numWorkers")))
            fields.problem(
                QStringLiteral("numWorkers"),
                QStringLiteral("give numWorkers or minWorkers and maxWorkers, not both"));
        fields.wholeNumber(QStringLiteral("numWorkers"), true, &c.numWorkers);
        fields.wholeNumber(QStringLiteral("minWorkers"), true, &c.minWorkers);
        fields.wholeNumber(QStringLiteral("maxWorkers"), true, &c.maxWorkers);
        fields.boolean(QStringLiteral("photon"), &c.photon);
    } else if (!kindText.isEmpty()) {
        fields.problem(QStringLiteral("kind"),
                       QStringLiteral("must be \"%1\" or \"%2\", got \"%3\"")
                           .arg(ServerlessName, NewJobClusterName, kindText.left(100)));
    }
    if (!fields.ok()) {
        if (errors)
            *errors << fields.problems();
        return false;
    }
    if (out)
        *out = c;
    return true;
}

bool ComputeSpec::operator==(const ComputeSpec &o) const
{
    if (kind != o.kind)
        return false;
    switch (kind) {
    case Kind::ExistingCluster:
        return true;
    case Kind::Serverless:
        return environmentVersion == o.environmentVersion && dependencies == o.dependencies;
    case Kind::NewJobCluster:
        return sparkVersion == o.sparkVersion && nodeTypeId == o.nodeTypeId &&
               autoscale == o.autoscale && photon == o.photon &&
               (autoscale ? minWorkers == o.minWorkers && maxWorkers == o.maxWorkers
                          : numWorkers == o.numWorkers);
    }
    return true;
}

} // namespace Brickrun
