#include "model/RunSpec.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace Brickrun {

namespace {
constexpr int MaxTaskKeyLength = 100;
constexpr int MaxRunNameBytes = 4096;
} // namespace

QStringList RunSpec::validate() const
{
    QStringList problems;
    const QString path = notebookPath.trimmed();
    if (path.isEmpty())
        problems << QStringLiteral("notebook path: is empty");
    else if (!path.startsWith(QLatin1Char('/')))
        problems << QStringLiteral("notebook path: must be absolute (start with /), got \"%1\"")
                        .arg(path);
    else if (path.endsWith(QLatin1Char('/')))
        problems << QStringLiteral("notebook path: names a folder, not a notebook");

    static const QRegularExpression clusterPattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]*$"));
    if (clusterId.trimmed().isEmpty())
        problems << QStringLiteral("cluster: is empty");
    else if (!clusterPattern.match(clusterId.trimmed()).hasMatch())
        problems << QStringLiteral("cluster: \"%1\" is not a cluster id (letters, digits, - _ .)")
                        .arg(clusterId);

    static const QRegularExpression taskKeyPattern(QStringLiteral("^[\\w\\-]+$"));
    if (taskKey.isEmpty())
        problems << QStringLiteral("task key: is empty");
    else if (taskKey.size() > MaxTaskKeyLength)
        problems << QStringLiteral("task key: longer than %1 characters").arg(MaxTaskKeyLength);
    else if (!taskKeyPattern.match(taskKey).hasMatch())
        problems << QStringLiteral("task key: \"%1\" may only hold letters, digits, - and _")
                        .arg(taskKey);

    if (runName.toUtf8().size() > MaxRunNameBytes)
        problems << QStringLiteral("run name: longer than %1 bytes").arg(MaxRunNameBytes);

    QSet<QString> keys;
    for (const auto &p : parameters) {
        if (p.first.trimmed().isEmpty())
            problems << QStringLiteral("parameter: a parameter has no name");
        else if (keys.contains(p.first))
            problems << QStringLiteral("parameter: \"%1\" is given twice").arg(p.first);
        keys.insert(p.first);
    }
    if (timeoutSeconds < 0)
        problems << QStringLiteral("timeout: must not be negative");
    return problems;
}

QJsonObject RunSpec::toSubmitBody(const QString &idempotencyToken) const
{
    QJsonObject params;
    for (const auto &p : parameters)
        params.insert(p.first, p.second);

    QJsonObject notebookTask{{QStringLiteral("notebook_path"), notebookPath.trimmed()},
                             {QStringLiteral("source"), QStringLiteral("WORKSPACE")}};
    if (!params.isEmpty())
        notebookTask.insert(QStringLiteral("base_parameters"), params);

    const QJsonObject task{{QStringLiteral("task_key"), taskKey},
                           {QStringLiteral("existing_cluster_id"), clusterId.trimmed()},
                           {QStringLiteral("notebook_task"), notebookTask}};

    QJsonObject body{
        {QStringLiteral("run_name"), runName.isEmpty() ? defaultRunName(notebookPath) : runName},
        {QStringLiteral("timeout_seconds"), timeoutSeconds},
        {QStringLiteral("tasks"), QJsonArray{task}}};
    if (!idempotencyToken.isEmpty())
        body.insert(QStringLiteral("idempotency_token"), idempotencyToken);
    if (queueEnabled)
        body.insert(QStringLiteral("queue"), QJsonObject{{QStringLiteral("enabled"), true}});
    return body;
}

QString RunSpec::defaultRunName(const QString &notebookPath)
{
    const QString name =
        notebookPath.trimmed().section(QLatin1Char('/'), -1, -1, QString::SectionSkipEmpty);
    return (name.isEmpty() ? QStringLiteral("notebook") : name) + QStringLiteral(" (Brickrun)");
}

} // namespace Brickrun
