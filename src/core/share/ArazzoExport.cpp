// SPDX-License-Identifier: Apache-2.0
#include "share/ArazzoExport.h"

#include "share/RunExport.h"
#include "share/YamlWriter.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace Brickrun {

namespace {

const QString Terminal = QStringLiteral(
    "@.state.life_cycle_state == 'TERMINATED' || @.state.life_cycle_state == 'SKIPPED' || "
    "@.state.life_cycle_state == 'INTERNAL_ERROR'");
const QString NotTerminal = QStringLiteral(
    "@.state.life_cycle_state != 'TERMINATED' && @.state.life_cycle_state != 'SKIPPED' && "
    "@.state.life_cycle_state != 'INTERNAL_ERROR'");

// The order a reader expects; other keys follow alphabetically.
const QStringList KeyOrder{
    QStringLiteral("arazzo"), QStringLiteral("info"), QStringLiteral("sourceDescriptions"),
    QStringLiteral("workflows"), QStringLiteral("workflowId"), QStringLiteral("name"),
    QStringLiteral("stepId"), QStringLiteral("title"), QStringLiteral("summary"),
    QStringLiteral("description"), QStringLiteral("version"), QStringLiteral("in"),
    QStringLiteral("url"), QStringLiteral("operationId"), QStringLiteral("context"),
    QStringLiteral("condition"), QStringLiteral("type"), QStringLiteral("required"),
    QStringLiteral("properties"), QStringLiteral("default"), QStringLiteral("parameters"),
    QStringLiteral("value"), QStringLiteral("requestBody"), QStringLiteral("contentType"),
    QStringLiteral("payload"), QStringLiteral("successCriteria"), QStringLiteral("criteria"),
    QStringLiteral("inputs"), QStringLiteral("steps"), QStringLiteral("outputs"),
    QStringLiteral("onSuccess"),
    // the payload's
    QStringLiteral("run_name"), QStringLiteral("timeout_seconds"), QStringLiteral("queue"),
    QStringLiteral("git_source"), QStringLiteral("environments"), QStringLiteral("tasks"),
    QStringLiteral("task_key"), QStringLiteral("existing_cluster_id"),
    QStringLiteral("new_cluster"), QStringLiteral("environment_key"),
    QStringLiteral("notebook_task"), QStringLiteral("spark_python_task"),
    QStringLiteral("notebook_path"), QStringLiteral("python_file"), QStringLiteral("source")};

QJsonObject stringInput(const QString &description, const QString &defaultValue)
{
    return {{QStringLiteral("type"), QStringLiteral("string")},
            {QStringLiteral("description"), description},
            {QStringLiteral("default"), defaultValue}};
}

QJsonArray authorization()
{
    return {QJsonObject{{QStringLiteral("name"), QStringLiteral("Authorization")},
                        {QStringLiteral("in"), QStringLiteral("header")},
                        {QStringLiteral("value"), QStringLiteral("Bearer $inputs.token")}}};
}

QJsonArray withRunId(const QString &expression)
{
    QJsonArray parameters = authorization();
    parameters.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("run_id")},
                                  {QStringLiteral("in"), QStringLiteral("query")},
                                  {QStringLiteral("value"), expression}});
    return parameters;
}

QJsonArray statusOk()
{
    return {QJsonObject{{QStringLiteral("condition"), QStringLiteral("$statusCode == 200")}}};
}

QJsonObject step(const QString &id, const QString &operation, const QString &description,
                 const QJsonArray &parameters, const QJsonObject &outputs)
{
    return {{QStringLiteral("stepId"), id},
            {QStringLiteral("operationId"), operation},
            {QStringLiteral("description"), description},
            {QStringLiteral("parameters"), parameters},
            {QStringLiteral("successCriteria"), statusOk()},
            {QStringLiteral("outputs"), outputs}};
}

QJsonObject jsonPathGoto(const QString &name, const QString &target, const QString &filter)
{
    return {
        {QStringLiteral("name"), name},
        {QStringLiteral("type"), QStringLiteral("goto")},
        {QStringLiteral("stepId"), target},
        {QStringLiteral("criteria"),
         QJsonArray{QJsonObject{{QStringLiteral("context"), QStringLiteral("$response.body")},
                                {QStringLiteral("condition"), QStringLiteral("$[?%1]").arg(filter)},
                                {QStringLiteral("type"), QStringLiteral("jsonpath")}}}}};
}

// The body with the named fields as $inputs and every other string holding a `$` moved to an
// input of its own.
class Payload
{
public:
    explicit Payload(const RunSpec &spec)
    {
        // Every string holding a $ first, but for the fields that become inputs below.
        QJsonObject body = guarded(RunExport::submitBody(spec), QString()).toObject();
        input(QStringLiteral("runName"), QStringLiteral("Name of the one-time run."),
              body.value(QStringLiteral("run_name")).toString());
        body.insert(QStringLiteral("run_name"), QStringLiteral("$inputs.runName"));

        QJsonArray tasks = body.value(QStringLiteral("tasks")).toArray();
        QJsonObject task = tasks.at(0).toObject();
        input(QStringLiteral("taskKey"), QStringLiteral("Key of the run's one task."),
              spec.taskKey);
        task.insert(QStringLiteral("task_key"), QStringLiteral("$inputs.taskKey"));
        const QString kind = spec.isPythonFile() ? QStringLiteral("spark_python_task")
                                                 : QStringLiteral("notebook_task");
        const QString pathKey =
            spec.isPythonFile() ? QStringLiteral("python_file") : QStringLiteral("notebook_path");
        const QString pathInput =
            spec.isPythonFile() ? QStringLiteral("pythonFile") : QStringLiteral("notebookPath");
        QJsonObject kindObject = task.value(kind).toObject();
        input(pathInput,
              spec.usesGit() ? QStringLiteral("Path of the %1, relative to the Git repository.")
                                   .arg(spec.isPythonFile() ? QStringLiteral("Python file")
                                                            : QStringLiteral("notebook"))
                             : QStringLiteral("Absolute workspace path of the %1.")
                                   .arg(spec.isPythonFile() ? QStringLiteral("Python file")
                                                            : QStringLiteral("notebook")),
              kindObject.value(pathKey).toString());
        kindObject.insert(pathKey, QString(QStringLiteral("$inputs.") + pathInput));
        task.insert(kind, kindObject);
        if (spec.compute.isExistingCluster()) {
            input(QStringLiteral("existingClusterId"),
                  QStringLiteral("Id of the existing all-purpose cluster to run on."),
                  task.value(QStringLiteral("existing_cluster_id")).toString());
            task.insert(QStringLiteral("existing_cluster_id"),
                        QStringLiteral("$inputs.existingClusterId"));
        }
        tasks.replace(0, task);
        body.insert(QStringLiteral("tasks"), tasks);
        m_payload = body;
    }

    QJsonObject payload() const { return m_payload; }
    QJsonObject properties() const { return m_properties; }
    QJsonObject values() const { return m_values; }

private:
    void input(const QString &name, const QString &description, const QString &value)
    {
        m_properties.insert(name, stringInput(description, value));
        m_values.insert(name, value);
    }

    QJsonValue guarded(const QJsonValue &v, const QString &where)
    {
        if (v.isObject()) {
            QJsonObject o = v.toObject();
            for (auto it = o.begin(); it != o.end(); ++it)
                it.value() = guarded(
                    it.value(), where.isEmpty() ? it.key() : where + QLatin1Char('.') + it.key());
            return o;
        }
        if (v.isArray()) {
            QJsonArray a = v.toArray();
            for (qsizetype i = 0; i < a.size(); ++i)
                a.replace(i, guarded(a.at(i), QStringLiteral("%1[%2]").arg(where).arg(i)));
            return a;
        }
        const QString s = v.toString();
        static const QStringList named{QStringLiteral("run_name"),
                                       QStringLiteral("tasks[0].task_key"),
                                       QStringLiteral("tasks[0].existing_cluster_id"),
                                       QStringLiteral("tasks[0].notebook_task.notebook_path"),
                                       QStringLiteral("tasks[0].spark_python_task.python_file")};
        if (!v.isString() || !s.contains(QLatin1Char('$')) || named.contains(where))
            return v;
        const QString name = QStringLiteral("value%1").arg(++m_literals);
        input(
            name,
            QStringLiteral("The payload's %1 (holds a $, so it is passed as an input).").arg(where),
            s);
        return QString(QStringLiteral("$inputs.") + name);
    }

    QJsonObject m_payload;
    QJsonObject m_properties;
    QJsonObject m_values;
    int m_literals = 0;
};

} // namespace

QString ArazzoExport::workflowId(const QString &title)
{
    static const QRegularExpression other(QStringLiteral("[^A-Za-z0-9_-]+"));
    QString id = title.trimmed().toLower().replace(other, QStringLiteral("-"));
    while (id.startsWith(QLatin1Char('-')))
        id.remove(0, 1);
    while (id.endsWith(QLatin1Char('-')))
        id.chop(1);
    return id.isEmpty() ? QStringLiteral("submit-one-time-run") : id.left(100);
}

QJsonObject ArazzoExport::inputValues(const RunSpec &spec)
{
    return Payload(spec).values();
}

QJsonObject ArazzoExport::document(const RunSpec &spec, const QString &title)
{
    const Payload payload(spec);
    QJsonObject properties = payload.properties();
    properties.insert(QStringLiteral("token"),
                      QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                  {QStringLiteral("description"),
                                   QStringLiteral("Databricks token for the Authorization "
                                                  "header (never stored in this file).")}});
    const QString what =
        spec.isPythonFile() ? QStringLiteral("Python file") : QStringLiteral("notebook");

    const QJsonObject submit{
        {QStringLiteral("stepId"), QStringLiteral("submitRun")},
        {QStringLiteral("operationId"), QStringLiteral("submitRun")},
        {QStringLiteral("description"),
         QStringLiteral("Submit the one-time run with the body Brickrun sends (without its "
                        "idempotency token).")},
        {QStringLiteral("parameters"), authorization()},
        {QStringLiteral("requestBody"),
         QJsonObject{{QStringLiteral("contentType"), QStringLiteral("application/json")},
                     {QStringLiteral("payload"), payload.payload()}}},
        {QStringLiteral("successCriteria"), statusOk()},
        {QStringLiteral("outputs"),
         QJsonObject{{QStringLiteral("runId"), QStringLiteral("$response.body#/run_id")}}}};
    QJsonObject poll = step(
        QStringLiteral("pollRun"), QStringLiteral("getJobRun"),
        QStringLiteral("Read the run's state; repeat while it is not TERMINATED, SKIPPED or "
                       "INTERNAL_ERROR (so QUEUED, BLOCKED, WAITING_FOR_RETRY and states added "
                       "later keep polling)."),
        withRunId(QStringLiteral("$steps.submitRun.outputs.runId")),
        {{QStringLiteral("lifeCycleState"),
          QStringLiteral("$response.body#/state/life_cycle_state")}});
    poll.insert(
        QStringLiteral("onSuccess"),
        QJsonArray{
            jsonPathGoto(QStringLiteral("finished"), QStringLiteral("getFinalRun"), Terminal),
            jsonPathGoto(QStringLiteral("stillRunning"), QStringLiteral("pollRun"), NotTerminal)});
    const QJsonObject final =
        step(QStringLiteral("getFinalRun"), QStringLiteral("getJobRun"),
             QStringLiteral("Read the ended run once more: its final state (result_state only now) "
                            "and the task run id, whose output runs/get-output serves."),
             withRunId(QStringLiteral("$steps.submitRun.outputs.runId")),
             {{QStringLiteral("finalState"), QStringLiteral("$response.body#/state")},
              {QStringLiteral("taskRunId"), QStringLiteral("$response.body#/tasks/0/run_id")}});
    const QJsonObject fetch =
        step(QStringLiteral("fetchOutput"), QStringLiteral("getJobRunOutput"),
             QStringLiteral("Fetch the output of the task run (the run's own id answers 400 for a "
                            "run submitted with tasks)."),
             withRunId(QStringLiteral("$steps.getFinalRun.outputs.taskRunId")),
             {{QStringLiteral("runOutput"), QStringLiteral("$response.body")}});

    QJsonObject outputs{
        {QStringLiteral("runId"), QStringLiteral("$steps.submitRun.outputs.runId")},
        {QStringLiteral("taskRunId"), QStringLiteral("$steps.getFinalRun.outputs.taskRunId")},
        {QStringLiteral("lifeCycleState"),
         QStringLiteral("$steps.getFinalRun.outputs.finalState.life_cycle_state")},
        {QStringLiteral("resultState"),
         QStringLiteral("$steps.getFinalRun.outputs.finalState.result_state")},
        {QStringLiteral("error"), QStringLiteral("$steps.fetchOutput.outputs.runOutput.error")}};
    if (spec.isPythonFile())
        outputs.insert(QStringLiteral("logs"),
                       QStringLiteral("$steps.fetchOutput.outputs.runOutput.logs"));
    else
        outputs.insert(
            QStringLiteral("notebookResult"),
            QStringLiteral("$steps.fetchOutput.outputs.runOutput.notebook_output.result"));

    const QJsonObject workflow{
        {QStringLiteral("workflowId"), workflowId(title)},
        {QStringLiteral("summary"),
         QStringLiteral("Submit the %1 %2 as a one-time run, wait for it to end and fetch its "
                        "task output.")
             .arg(what, spec.taskPath())},
        {QStringLiteral("inputs"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                     {QStringLiteral("required"), QJsonArray{QStringLiteral("token")}},
                     {QStringLiteral("properties"), properties}}},
        {QStringLiteral("steps"), QJsonArray{submit, poll, final, fetch}},
        {QStringLiteral("outputs"), outputs}};
    return {{QStringLiteral("arazzo"), QStringLiteral("1.0.1")},
            {QStringLiteral("info"),
             QJsonObject{{QStringLiteral("title"), title.trimmed().isEmpty()
                                                       ? RunSpec::defaultRunName(spec.taskPath())
                                                       : title.trimmed()},
                         {QStringLiteral("summary"),
                          QStringLiteral("A one-time Databricks run exported by Brickrun.")},
                         {QStringLiteral("description"),
                          QStringLiteral("Submits the run, polls it until it ends, reads its "
                                         "final state and fetches the output of its task run. "
                                         "Give the token as the input `token`; the other "
                                         "inputs default to the run's values.")},
                         {QStringLiteral("version"), QStringLiteral("1.0.0")}}},
            {QStringLiteral("sourceDescriptions"),
             QJsonArray{QJsonObject{{QStringLiteral("name"), SourceName},
                                    {QStringLiteral("url"), OpenApiUrl},
                                    {QStringLiteral("type"), QStringLiteral("openapi")}}}},
            {QStringLiteral("workflows"), QJsonArray{workflow}}};
}

QString ArazzoExport::yaml(const RunSpec &spec, const QString &title)
{
    return YamlWriter(KeyOrder).write(document(spec, title));
}

} // namespace Brickrun
