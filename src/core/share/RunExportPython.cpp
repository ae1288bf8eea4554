// SPDX-License-Identifier: Apache-2.0
// RunExport::pythonSdk: the submit body as the Databricks SDK for Python's typed call. Each
// object of the body becomes the SDK's dataclass for its key (tasks → jobs.SubmitTask,
// new_cluster → compute.ClusterSpec…), each enum its SDK enum built from the API's value
// (jobs.Source("WORKSPACE")), and maps stay dicts; so every shape the body has is covered
// without a second description of it here.
#include "share/RunExport.h"
#include "share/YamlWriter.h"

#include <QHash>
#include <QJsonArray>

namespace Brickrun {

namespace {

// The SDK's dataclass of an object under this key (an array's items take the array's key).
const QHash<QString, QString> &classes()
{
    static const QHash<QString, QString> map{
        {QStringLiteral("queue"), QStringLiteral("jobs.QueueSettings")},
        {QStringLiteral("git_source"), QStringLiteral("jobs.GitSource")},
        {QStringLiteral("environments"), QStringLiteral("jobs.JobEnvironment")},
        {QStringLiteral("spec"), QStringLiteral("compute.Environment")},
        {QStringLiteral("tasks"), QStringLiteral("jobs.SubmitTask")},
        {QStringLiteral("notebook_task"), QStringLiteral("jobs.NotebookTask")},
        {QStringLiteral("spark_python_task"), QStringLiteral("jobs.SparkPythonTask")},
        {QStringLiteral("new_cluster"), QStringLiteral("compute.ClusterSpec")},
        {QStringLiteral("autoscale"), QStringLiteral("compute.AutoScale")}};
    return map;
}

// The SDK's enum of a string under this key.
const QHash<QString, QString> &enums()
{
    static const QHash<QString, QString> map{
        {QStringLiteral("source"), QStringLiteral("jobs.Source")},
        {QStringLiteral("git_provider"), QStringLiteral("jobs.GitProvider")},
        {QStringLiteral("runtime_engine"), QStringLiteral("compute.RuntimeEngine")}};
    return map;
}

QString pad(int indent)
{
    return QString(indent, QLatin1Char(' '));
}

QString value(const QString &key, const QJsonValue &v, int indent);

QString arguments(const QJsonObject &object, int indent)
{
    QString out;
    for (auto it = object.begin(); it != object.end(); ++it)
        out += pad(indent) + it.key() + QLatin1Char('=') + value(it.key(), it.value(), indent) +
               QStringLiteral(",\n");
    return out;
}

QString value(const QString &key, const QJsonValue &v, int indent)
{
    switch (v.type()) {
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("True") : QStringLiteral("False");
    case QJsonValue::Double:
        return YamlWriter::number(v.toDouble());
    case QJsonValue::String:
        if (enums().contains(key))
            return enums().value(key) + QLatin1Char('(') + RunExport::pythonString(v.toString()) +
                   QLatin1Char(')');
        return RunExport::pythonString(v.toString());
    case QJsonValue::Array: {
        QString out = QStringLiteral("[\n");
        for (const QJsonValue &item : v.toArray())
            out += pad(indent + 4) + value(key, item, indent + 4) + QStringLiteral(",\n");
        return out + pad(indent) + QLatin1Char(']');
    }
    case QJsonValue::Object: {
        const QJsonObject object = v.toObject();
        if (classes().contains(key))
            return classes().value(key) + QStringLiteral("(\n") + arguments(object, indent + 4) +
                   pad(indent) + QLatin1Char(')');
        QString out = QStringLiteral("{\n"); // a map: base_parameters, spark_conf, custom_tags…
        for (auto it = object.begin(); it != object.end(); ++it)
            out += pad(indent + 4) + RunExport::pythonString(it.key()) + QStringLiteral(": ") +
                   value(QString(), it.value(), indent + 4) + QStringLiteral(",\n");
        return out + pad(indent) + QLatin1Char('}');
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("None");
}

} // namespace

QString RunExport::pythonSdk(const RunSpec &spec)
{
    const bool pythonFile = spec.isPythonFile();
    return QStringLiteral("# The Databricks SDK for Python (pip install databricks-sdk) signs in "
                          "as its\n"
                          "# configuration says: DATABRICKS_HOST/DATABRICKS_TOKEN, or a "
                          "~/.databrickscfg profile.\n"
                          "from databricks.sdk import WorkspaceClient\n"
                          "from databricks.sdk.service import compute, jobs\n"
                          "\n"
                          "w = WorkspaceClient()\n"
                          "\n"
                          "# .result() waits for the run to end (20 minutes at most; pass\n"
                          "# timeout=datetime.timedelta(...) for longer runs).\n"
                          "run = w.jobs.submit(\n") +
           arguments(submitBody(spec), 4) +
           QStringLiteral(").result()\n"
                          "print(run.run_id, run.state.life_cycle_state, "
                          "run.state.result_state)\n"
                          "\n"
                          "# The output is the task run's, by its own run id (the run's id "
                          "answers 400).\n"
                          "for task in run.tasks:\n"
                          "    output = w.jobs.get_run_output(run_id=task.run_id)\n") +
           (pythonFile ? QStringLiteral("    if output.logs:\n"
                                        "        print(output.logs)\n")
                       : QStringLiteral("    if output.notebook_output and "
                                        "output.notebook_output.result is not None:\n"
                                        "        print(output.notebook_output.result)\n")) +
           QStringLiteral("    if output.error:\n"
                          "        print(output.error, output.error_trace)\n");
}

} // namespace Brickrun
