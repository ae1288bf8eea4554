// SPDX-License-Identifier: Apache-2.0
#include "TaskSourceRequest.h"

#include "RequestFields.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

namespace Brickrun::Emulator {

using RequestFields::typeName;
using RequestFields::wrongType;

namespace {

const QString kNotebookTask = QStringLiteral("notebook_task");
const QString kPythonTask = QStringLiteral("spark_python_task");
const QStringList kOtherTaskKinds = {
    QStringLiteral("spark_jar_task"),    QStringLiteral("python_wheel_task"),
    QStringLiteral("spark_submit_task"), QStringLiteral("sql_task"),
    QStringLiteral("dbt_task"),          QStringLiteral("pipeline_task"),
    QStringLiteral("run_job_task"),      QStringLiteral("condition_task"),
    QStringLiteral("for_each_task")};
constexpr int kMaxGitUrlLength = 300;

// A path the workspace knows: "/Workspace/Shared/x" is "/Shared/x".
QString workspacePath(const QString &path)
{
    if (path.startsWith(QLatin1String("/Workspace/")))
        return path.mid(10);
    return path;
}

// "dbfs:/x.py", "abfss://c@a.dfs.core.windows.net/x.py": absolute, outside the workspace.
bool isUri(const QString &path)
{
    static const QRegularExpression scheme(QStringLiteral("^[a-z][a-z0-9+.-]*:/"));
    return scheme.match(path).hasMatch();
}

// A task that ends before its code runs, for the reason given.
NotebookBehaviour failureBehaviour(const QString &message, const QString &outcome,
                                   const QString &code)
{
    NotebookBehaviour b;
    b.runningSeconds = 0;
    b.outcome = outcome;
    b.stateMessage = message;
    b.error = message;
    b.terminationCode = code;
    b.terminationType = QStringLiteral("CLIENT_ERROR");
    return b;
}

} // namespace

ApiError TaskSourceRequest::parseGitSource(const QJsonValue &value, QJsonObject *gitSource,
                                           GitReference *reference)
{
    if (value.isUndefined())
        return {};
    if (!value.isObject())
        return wrongType(QStringLiteral("git_source"), QStringLiteral("an object"), value);
    const QJsonObject json = value.toObject();
    const QString prefix = QStringLiteral("git_source.");
    for (const auto &[member, out] :
         {std::pair{QStringLiteral("git_url"), &reference->url},
          std::pair{QStringLiteral("git_provider"), &reference->provider}}) {
        if (const ApiError e = RequestFields::readString(json, member, prefix, out); e.isError())
            return e;
        if (out->isEmpty())
            return ApiError::invalidParameter(
                QStringLiteral("Missing required field: git_source.%1").arg(member));
    }
    const QUrl url(reference->url, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return ApiError::invalidParameter(
            QStringLiteral("Invalid git_source.git_url '%1': expected the https URL of a Git "
                           "repository.")
                .arg(reference->url));
    if (reference->url.size() > kMaxGitUrlLength)
        return ApiError::invalidParameter(
            QStringLiteral("git_source.git_url is %1 characters long; it must be at most %2.")
                .arg(reference->url.size())
                .arg(kMaxGitUrlLength));
    const QStringList &providers = GitRepositories::providers();
    // The provider is matched without case and answered as the service spells it.
    QString provider;
    for (const QString &p : providers) {
        if (p.compare(reference->provider, Qt::CaseInsensitive) == 0)
            provider = p;
    }
    if (provider.isEmpty())
        return ApiError::invalidParameter(
            QStringLiteral("Invalid git_source.git_provider '%1': expected one of %2.")
                .arg(reference->provider, providers.join(QStringLiteral(", "))));
    QStringList given;
    for (const QString &kind :
         {QStringLiteral("branch"), QStringLiteral("tag"), QStringLiteral("commit")}) {
        const QString member = QStringLiteral("git_") + kind;
        QString name;
        if (const ApiError e = RequestFields::readString(json, member, prefix, &name); e.isError())
            return e;
        if (json.contains(member))
            given.append(member);
        if (!name.isEmpty()) {
            reference->kind = kind;
            reference->name = name;
        }
    }
    if (given.size() > 1)
        return ApiError::invalidParameter(
            QStringLiteral("Only one of git_branch, git_tag or git_commit can be specified in "
                           "git_source; got %1.")
                .arg(given.join(QStringLiteral(" and "))));
    if (reference->name.isEmpty())
        return ApiError::invalidParameter(
            QStringLiteral("One of git_branch, git_tag or git_commit must be specified in "
                           "git_source."));
    reference->provider = provider;
    *gitSource = json;
    gitSource->insert(QStringLiteral("git_provider"), provider);
    return {};
}

ApiError TaskSourceRequest::parseKind(const QJsonObject &json, TaskRecord *task)
{
    QStringList kinds;
    for (const QString &kind : QStringList{kNotebookTask, kPythonTask} + kOtherTaskKinds) {
        if (json.contains(kind))
            kinds.append(kind);
    }
    if (kinds.isEmpty())
        return ApiError::invalidParameter(
            QStringLiteral("Task %1 has no task type. Specify one of notebook_task, "
                           "spark_python_task, spark_jar_task, python_wheel_task, sql_task, "
                           "... (the demo workspace runs notebook_task and spark_python_task).")
                .arg(task->taskKey));
    if (kinds.size() > 1)
        return ApiError::invalidParameter(
            QStringLiteral("Task %1 specifies more than one task type: %2.")
                .arg(task->taskKey, kinds.join(QStringLiteral(", "))));
    if (kinds.constFirst() != kNotebookTask && kinds.constFirst() != kPythonTask)
        return ApiError::invalidParameter(
            QStringLiteral("Task %1 uses %2, which the demo workspace does not run: only "
                           "notebook_task and spark_python_task are supported.")
                .arg(task->taskKey, kinds.constFirst()));
    task->kind = kinds.constFirst();
    return {};
}

ApiError TaskSourceRequest::parse(const QJsonObject &json, const QString &field, bool hasGitSource,
                                  const WorkspaceDefinition &workspace, TaskRecord *task)
{
    const QJsonValue value = json.value(task->kind);
    if (!value.isObject())
        return wrongType(field + QLatin1Char('.') + task->kind, QStringLiteral("an object"), value);
    if (task->kind == kPythonTask)
        return parsePythonTask(value.toObject(), field, hasGitSource, workspace, task);
    return parseNotebookTask(value.toObject(), field, hasGitSource, workspace, task);
}

ApiError TaskSourceRequest::readPath(const QJsonObject &json, const QString &member,
                                     const QString &field, bool hasGitSource, TaskRecord *task,
                                     QString *path)
{
    const QJsonValue value = json.value(member);
    if (value.isUndefined() || (value.isString() && value.toString().isEmpty()))
        return ApiError::invalidParameter(
            QStringLiteral("Missing required field: %1.%2 (in task %3).")
                .arg(task->kind, member, task->taskKey));
    if (!value.isString())
        return wrongType(QStringLiteral("%1.%2.%3").arg(field, task->kind, member),
                         QStringLiteral("a string"), value);
    *path = value.toString();
    return readSource(json, member, *path, hasGitSource, task);
}

ApiError TaskSourceRequest::readSource(const QJsonObject &json, const QString &what,
                                       const QString &path, bool hasGitSource, TaskRecord *task)
{
    const QJsonValue source = json.value(QStringLiteral("source"));
    if (!source.isUndefined()) {
        if (!source.isString() || (source.toString() != QLatin1String("WORKSPACE") &&
                                   source.toString() != QLatin1String("GIT")))
            return ApiError::invalidParameter(
                QStringLiteral("Invalid %1.source in task %2: expected WORKSPACE or GIT.")
                    .arg(task->kind, task->taskKey));
        task->source = source.toString();
    } else {
        // The service's default: GIT when the run has a git_source.
        task->source = hasGitSource ? QStringLiteral("GIT") : QStringLiteral("WORKSPACE");
    }
    if (task->source == QLatin1String("GIT")) {
        if (!hasGitSource)
            return ApiError::invalidParameter(
                QStringLiteral("Task %1 uses source GIT, but the run has no git_source.")
                    .arg(task->taskKey));
        if (path.startsWith(QLatin1Char('/')) || isUri(path))
            return ApiError::invalidParameter(
                QStringLiteral("Invalid %1 '%2' in task %3: with source GIT the path must be "
                               "relative to the root of the repository.")
                    .arg(what, path, task->taskKey));
        return {};
    }
    if (!path.startsWith(QLatin1Char('/')) && !isUri(path))
        return ApiError::invalidParameter(
            QStringLiteral("Invalid %1 '%2' in task %3: with source WORKSPACE the path must be "
                           "absolute (start with '/').")
                .arg(what, path, task->taskKey));
    return {};
}

ApiError TaskSourceRequest::parseNotebookTask(const QJsonObject &json, const QString &field,
                                              bool hasGitSource,
                                              const WorkspaceDefinition &workspace,
                                              TaskRecord *task)
{
    const QString &taskKey = task->taskKey;
    if (const ApiError e = readPath(json, QStringLiteral("notebook_path"), field, hasGitSource,
                                    task, &task->notebookPath);
        e.isError())
        return e;
    if (task->source == QLatin1String("WORKSPACE")) {
        const WorkspaceObject *object = workspace.object(workspacePath(task->notebookPath));
        if (!object)
            return ApiError::invalidParameter(QStringLiteral("Notebook not found: %1 (task %2).")
                                                  .arg(task->notebookPath, taskKey));
        if (object->objectType != QLatin1String("NOTEBOOK"))
            return ApiError::invalidParameter(
                QStringLiteral("%1 is not a notebook (it is a %2); task %3 needs a notebook.")
                    .arg(task->notebookPath, object->objectType.toLower(), taskKey));
        task->behaviour = object->behaviour;
    }

    const QJsonValue params = json.value(QStringLiteral("base_parameters"));
    if (params.isUndefined())
        return {};
    if (!params.isObject())
        return ApiError::invalidParameter(
            QStringLiteral("Invalid base_parameters in task %1: expected a map from "
                           "parameter names to string values, got %2.")
                .arg(taskKey, typeName(params)));
    const QJsonObject map = params.toObject();
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (!it.value().isString())
            return ApiError::invalidParameter(
                QStringLiteral("Invalid base_parameters in task %1: the value of '%2' is %3; "
                               "parameter values must be strings.")
                    .arg(taskKey, it.key(), typeName(it.value())));
    }
    if (QJsonDocument(map).toJson(QJsonDocument::Compact).size() > 1024 * 1024)
        return ApiError::invalidParameter(
            QStringLiteral("The base_parameters of task %1 are larger than 1 MB.").arg(taskKey));
    task->baseParameters = map;
    return {};
}

ApiError TaskSourceRequest::parsePythonTask(const QJsonObject &json, const QString &field,
                                            bool hasGitSource, const WorkspaceDefinition &workspace,
                                            TaskRecord *task)
{
    const QString &taskKey = task->taskKey;
    if (const ApiError e = readPath(json, QStringLiteral("python_file"), field, hasGitSource, task,
                                    &task->pythonFile);
        e.isError())
        return e;
    if (!task->pythonFile.endsWith(QLatin1String(".py")))
        return ApiError::invalidParameter(
            QStringLiteral("Invalid python_file '%1' in task %2: a Python file's name must end "
                           "with .py.")
                .arg(task->pythonFile, taskKey));
    if (task->source == QLatin1String("WORKSPACE")) {
        const WorkspaceObject *object =
            isUri(task->pythonFile) ? nullptr : workspace.object(workspacePath(task->pythonFile));
        if (!object)
            return ApiError::invalidParameter(QStringLiteral("Python file not found: %1 (task %2).")
                                                  .arg(task->pythonFile, taskKey));
        if (object->objectType != QLatin1String("FILE"))
            return ApiError::invalidParameter(
                QStringLiteral("%1 is not a file (it is a %2); spark_python_task %3 needs a Python "
                               "file.")
                    .arg(task->pythonFile, object->objectType.toLower(), taskKey));
        task->behaviour = object->behaviour;
    }

    const QJsonValue parameters = json.value(QStringLiteral("parameters"));
    if (parameters.isUndefined())
        return {};
    if (!parameters.isArray())
        return wrongType(field + QStringLiteral(".spark_python_task.parameters"),
                         QStringLiteral("an array"), parameters);
    const QJsonArray items = parameters.toArray();
    for (int i = 0; i < items.size(); ++i) {
        if (!items.at(i).isString())
            return ApiError::invalidParameter(
                QStringLiteral("Invalid parameters in task %1: parameter %2 is %3; parameters "
                               "must be strings.")
                    .arg(taskKey)
                    .arg(i)
                    .arg(typeName(items.at(i))));
        task->parameters.append(items.at(i).toString());
    }
    if (QJsonDocument(items).toJson(QJsonDocument::Compact).size() > 10000)
        return ApiError::invalidParameter(
            QStringLiteral("The parameters of task %1 are longer than 10,000 bytes.").arg(taskKey));
    return {};
}

void TaskSourceRequest::checkOut(const GitReference &reference,
                                 const WorkspaceDefinition &workspace, RunRecord *run)
{
    const GitRepository *repository = nullptr;
    QString failure;
    run->gitCommit = workspace.gitRepositories().checkout(reference, &repository, &failure);
    for (TaskRecord &task : run->tasks) {
        if (task.source != QLatin1String("GIT"))
            continue;
        if (run->gitCommit.isEmpty()) {
            task.behaviour = failureBehaviour(failure, QStringLiteral("INTERNAL_ERROR"),
                                              QStringLiteral("REPOSITORY_CHECKOUT_FAILED"));
            continue;
        }
        const bool python = task.kind == kPythonTask;
        QString path = python ? task.pythonFile : task.notebookPath;
        if (path.startsWith(QLatin1String("./")))
            path = path.mid(2);
        auto found = repository->objects.constFind(path);
        // A notebook's path may name the file it is kept in: "etl/report.py" is "etl/report".
        static const QRegularExpression extension(QStringLiteral("\\.(py|sql|scala|r)$"),
                                                  QRegularExpression::CaseInsensitiveOption);
        if (found == repository->objects.constEnd() && !python)
            found = repository->objects.constFind(QString(path).remove(extension));
        const QString wantedType = python ? QStringLiteral("FILE") : QStringLiteral("NOTEBOOK");
        if (found != repository->objects.constEnd() && found->objectType == wantedType) {
            task.behaviour = found->behaviour;
            continue;
        }
        const QString message =
            python ? QStringLiteral("Python file %1 does not exist in %2 at commit %3.")
                   : QStringLiteral("Unable to access the notebook \"%1\": it does not exist in %2 "
                                    "at commit %3.");
        task.behaviour =
            failureBehaviour(message.arg(path, repository->url, run->gitCommit.left(7)),
                             QStringLiteral("FAILED"), QStringLiteral("RESOURCE_NOT_FOUND"));
    }
}

} // namespace Brickrun::Emulator
