// SPDX-License-Identifier: Apache-2.0
// RunSpec's shape (task kind, compute, source) as presets and the history store it.
#include "model/JsonFields.h"
#include "model/RunSpec.h"

#include <QJsonArray>

namespace Brickrun {

namespace {
const QString TaskKindKey = QStringLiteral("taskKind");
const QString PythonFileKey = QStringLiteral("pythonFile");
const QString ArgumentsKey = QStringLiteral("arguments");
const QString ComputeKey = QStringLiteral("compute");
const QString GitKey = QStringLiteral("git");
const QString PythonFileKind = QStringLiteral("pythonFile");
const QString NotebookKind = QStringLiteral("notebook");
constexpr int MaxArguments = 1000;
constexpr int MaxArgumentLength = 10000;
constexpr int MaxPathLength = 4096;
} // namespace

const QStringList &RunSpec::shapeKeys()
{
    static const QStringList keys{TaskKindKey, PythonFileKey, ArgumentsKey, ComputeKey, GitKey};
    return keys;
}

QJsonObject RunSpec::shapeJson() const
{
    QJsonObject json;
    if (isPythonFile()) {
        json.insert(TaskKindKey, PythonFileKind);
        json.insert(PythonFileKey, pythonFile);
        if (!pythonArguments.isEmpty())
            json.insert(ArgumentsKey, QJsonArray::fromStringList(pythonArguments));
    }
    if (!compute.isExistingCluster())
        json.insert(ComputeKey, compute.toJson());
    if (usesGit())
        json.insert(GitKey, git.toJson());
    return json;
}

bool RunSpec::readShape(const QJsonObject &json, RunSpec *spec, QStringList *errors)
{
    JsonFields fields(json);
    QString kind;
    fields.string(TaskKindKey, false, 100, &kind);
    RunSpec s = *spec;
    if (kind == PythonFileKind) {
        s.taskKind = TaskKind::PythonFile;
        fields.string(PythonFileKey, true, MaxPathLength, &s.pythonFile);
        fields.stringList(ArgumentsKey, MaxArguments, MaxArgumentLength, &s.pythonArguments);
    } else if (!kind.isEmpty() && kind != NotebookKind) {
        fields.problem(TaskKindKey, QStringLiteral("must be \"%1\" or \"%2\", got \"%3\"")
                                        .arg(NotebookKind, PythonFileKind, kind.left(100)));
    } else {
        for (const QString &key : {PythonFileKey, ArgumentsKey}) {
            if (json.contains(key))
                fields.problem(key,
                               QStringLiteral("is only for taskKind \"%1\"").arg(PythonFileKind));
        }
    }
    QStringList problems = fields.problems();
    const QJsonValue compute = json.value(ComputeKey);
    if (!compute.isUndefined() && !compute.isObject())
        problems << ComputeKey + QStringLiteral(": must be an object, got ") +
                        JsonFields::typeName(compute);
    else if (!compute.isUndefined())
        ComputeSpec::fromJson(compute.toObject(), &s.compute, &problems);
    const QJsonValue git = json.value(GitKey);
    if (!git.isUndefined() && !git.isObject()) {
        problems << GitKey + QStringLiteral(": must be an object, got ") +
                        JsonFields::typeName(git);
    } else if (!git.isUndefined()) {
        s.source = SourceKind::Git;
        GitSource::fromJson(git.toObject(), &s.git, &problems);
    }
    if (!problems.isEmpty()) {
        if (errors)
            *errors << problems;
        return false;
    }
    *spec = s;
    return true;
}

QString RunSpec::computeText() const
{
    return compute.isExistingCluster() ? clusterId : compute.shortText();
}

} // namespace Brickrun
