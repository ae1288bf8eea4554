// SPDX-License-Identifier: Apache-2.0
#include "model/RunSpec.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace Brickrun {

namespace {
constexpr int MaxTaskKeyLength = 100;
constexpr int MaxRunNameBytes = 4096;

// The run's own limits and retries (RunSpec.h).
QStringList optionProblems(const RunSpec &s)
{
    QStringList problems;
    if (s.timeoutSeconds < 0)
        problems << QStringLiteral("run timeout: must not be negative");
    else if (s.timeoutSeconds > RunSpec::MaxTimeoutSeconds)
        problems << QStringLiteral("run timeout: at most 7 days (%1 seconds), got %2 seconds")
                        .arg(RunSpec::MaxTimeoutSeconds)
                        .arg(s.timeoutSeconds);

    if (s.maxRetries == -1)
        problems << QStringLiteral("max retries: -1 (retry for ever) is not offered: a run that "
                                   "keeps failing would run until cancelled; give 0 to %1")
                        .arg(RunSpec::MaxRetries);
    else if (s.maxRetries < 0)
        problems << QStringLiteral("max retries: must not be negative");
    else if (s.maxRetries > RunSpec::MaxRetries)
        problems << QStringLiteral("max retries: at most %1, got %2")
                        .arg(RunSpec::MaxRetries)
                        .arg(s.maxRetries);

    if (s.minRetryIntervalMillis < 0)
        problems << QStringLiteral("retry interval: must not be negative");
    else if (s.minRetryIntervalMillis > RunSpec::MaxRetryIntervalMillis)
        problems << QStringLiteral("retry interval: at most 1 day (%1 ms), got %2 ms")
                        .arg(RunSpec::MaxRetryIntervalMillis)
                        .arg(s.minRetryIntervalMillis);
    else if (s.minRetryIntervalMillis > 0 && s.maxRetries == 0)
        problems << QStringLiteral("retry interval: needs retries (max retries above 0)");

    if (s.retryOnTimeout && s.maxRetries == 0)
        problems << QStringLiteral("retry on timeout: needs retries (max retries above 0)");
    else if (s.retryOnTimeout && s.timeoutSeconds == 0)
        problems << QStringLiteral("retry on timeout: needs a run timeout (without one no "
                                   "attempt times out)");
    return problems;
}

// The notebook's or the Python file's path, absolute in the workspace, relative in a Git
// repository; and the parameters the task kind takes.
QStringList taskProblems(const RunSpec &s)
{
    QStringList problems;
    const QString label =
        s.isPythonFile() ? QStringLiteral("python file") : QStringLiteral("notebook path");
    const QString path = s.taskPath().trimmed();
    static const QRegularExpression uri(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*:/"));
    const bool absolute = path.startsWith(QLatin1Char('/'));
    const bool isUri = uri.match(path).hasMatch();
    if (path.isEmpty())
        problems << label + QStringLiteral(": is empty");
    else if (!s.usesGit() && !s.isPythonFile() && !absolute)
        problems << label +
                        QStringLiteral(": must be absolute (start with /), got \"%1\"").arg(path);
    else if (!s.usesGit() && s.isPythonFile() && !absolute && !isUri)
        problems << label + QStringLiteral(": must be absolute (start with /) or a URI such as "
                                           "dbfs:/…, got \"%1\"")
                                .arg(path);
    else if (s.usesGit() && (absolute || isUri))
        problems << label + QStringLiteral(": must be relative to the Git repository (no "
                                           "leading /), got \"%1\"")
                                .arg(path);
    else if (s.usesGit() && (path == QLatin1String("..") || path.startsWith(QLatin1String("../")) ||
                             path.contains(QLatin1String("/../"))))
        problems << label + QStringLiteral(": must stay inside the Git repository, got \"%1\"")
                                .arg(path);
    else if (path.endsWith(QLatin1Char('/')))
        problems << label + QStringLiteral(": names a folder, not a %1")
                                .arg(s.isPythonFile() ? QStringLiteral("file")
                                                      : QStringLiteral("notebook"));

    if (s.isPythonFile() && !s.parameters.isEmpty())
        problems << QStringLiteral("parameter: a Python file takes arguments, not named "
                                   "parameters");
    else if (!s.isPythonFile() && !s.pythonArguments.isEmpty())
        problems << QStringLiteral("argument: a notebook takes named parameters, not "
                                   "arguments");
    return problems;
}

} // namespace

QStringList RunSpec::validate() const
{
    QStringList problems = taskProblems(*this);

    if (compute.isExistingCluster()) {
        static const QRegularExpression clusterPattern(
            QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]*$"));
        if (clusterId.trimmed().isEmpty())
            problems << QStringLiteral("cluster: is empty");
        else if (!clusterPattern.match(clusterId.trimmed()).hasMatch())
            problems << QStringLiteral("cluster: \"%1\" is not a cluster id (letters, digits, - "
                                       "_ .)")
                            .arg(clusterId);
    }
    problems << compute.validate();
    if (usesGit())
        problems << git.validate();

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
    problems << optionProblems(*this);
    return problems;
}

QJsonObject RunSpec::toSubmitBody(const QString &idempotencyToken) const
{
    const QString taskSource = usesGit() ? QStringLiteral("GIT") : QStringLiteral("WORKSPACE");
    QJsonObject task{{QStringLiteral("task_key"), taskKey}};
    if (isPythonFile()) {
        QJsonObject pythonTask{{QStringLiteral("python_file"), pythonFile.trimmed()},
                               {QStringLiteral("source"), taskSource}};
        if (!pythonArguments.isEmpty())
            pythonTask.insert(QStringLiteral("parameters"),
                              QJsonArray::fromStringList(pythonArguments));
        task.insert(QStringLiteral("spark_python_task"), pythonTask);
    } else {
        QJsonObject params;
        for (const auto &p : parameters)
            params.insert(p.first, p.second);
        QJsonObject notebookTask{{QStringLiteral("notebook_path"), notebookPath.trimmed()},
                                 {QStringLiteral("source"), taskSource}};
        if (!params.isEmpty())
            notebookTask.insert(QStringLiteral("base_parameters"), params);
        task.insert(QStringLiteral("notebook_task"), notebookTask);
    }

    // Serverless is the absence of cluster fields; its environment, when one is needed, is the
    // run's `environments` entry the task names by key.
    const bool environment = compute.isServerless() && compute.needsEnvironment(isPythonFile());
    switch (compute.kind) {
    case ComputeSpec::Kind::ExistingCluster:
        task.insert(QStringLiteral("existing_cluster_id"), clusterId.trimmed());
        break;
    case ComputeSpec::Kind::NewJobCluster:
        task.insert(QStringLiteral("new_cluster"), compute.newClusterJson());
        break;
    case ComputeSpec::Kind::Serverless:
        if (environment)
            task.insert(QStringLiteral("environment_key"), ComputeSpec::EnvironmentKey);
        break;
    }

    // On the task, where the service retries: a run-level timeout would also end the retries.
    if (timeoutSeconds > 0)
        task.insert(QStringLiteral("timeout_seconds"), timeoutSeconds);
    if (maxRetries > 0)
        task.insert(QStringLiteral("max_retries"), maxRetries);
    if (minRetryIntervalMillis > 0)
        task.insert(QStringLiteral("min_retry_interval_millis"), minRetryIntervalMillis);
    if (retryOnTimeout)
        task.insert(QStringLiteral("retry_on_timeout"), true);

    QJsonObject body{
        {QStringLiteral("run_name"), runName.isEmpty() ? defaultRunName(taskPath()) : runName},
        {QStringLiteral("timeout_seconds"), 0}, // the run as a whole: no limit (see the task's)
        {QStringLiteral("tasks"), QJsonArray{task}}};
    if (!idempotencyToken.isEmpty())
        body.insert(QStringLiteral("idempotency_token"), idempotencyToken);
    if (queueEnabled)
        body.insert(QStringLiteral("queue"), QJsonObject{{QStringLiteral("enabled"), true}});
    if (usesGit())
        body.insert(QStringLiteral("git_source"), git.toJson());
    if (environment)
        body.insert(
            QStringLiteral("environments"),
            QJsonArray{QJsonObject{{QStringLiteral("environment_key"), ComputeSpec::EnvironmentKey},
                                   {QStringLiteral("spec"), compute.environmentSpecJson()}}});
    return body;
}

QString RunSpec::defaultRunName(const QString &notebookPath)
{
    const QString name =
        notebookPath.trimmed().section(QLatin1Char('/'), -1, -1, QString::SectionSkipEmpty);
    return (name.isEmpty() ? QStringLiteral("notebook") : name) + QStringLiteral(" (Brickrun)");
}

RunSpec::AttemptPosition RunSpec::attemptPosition(int attemptNumber) const
{
    const int n = std::max(0, attemptNumber) + 1;
    if (maxRetries > 0)
        return {n, std::max(n, attempts())}; // a repair may go past the retries set
    return {n > 1 ? n : 0, 0};
}

} // namespace Brickrun
