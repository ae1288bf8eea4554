#include "OutputFormat.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonValue>

namespace Brickrun::Cli {

namespace {

QJsonValue orNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonValue orNull(qint64 n)
{
    return n > 0 ? QJsonValue(n) : QJsonValue(QJsonValue::Null);
}

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QString time(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms).toString(Qt::ISODate) : QStringLiteral("-");
}

} // namespace

QJsonObject workflowOutputs(qint64 runId, const RunInfo *run, const RunOutput *output)
{
    QJsonObject o;
    o.insert(QStringLiteral("runId"), orNull(runId));
    // A result exists only once the run has ended; an answer may carry one earlier.
    o.insert(QStringLiteral("resultState"),
             orNull(run && run->state.isTerminal() ? run->state.resultState : QString()));
    o.insert(QStringLiteral("notebookResult"), output && output->hasNotebookResult
                                                   ? QJsonValue(output->notebookResult)
                                                   : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("error"), orNull(output ? output->error : QString()));
    o.insert(QStringLiteral("errorTrace"), orNull(output ? output->errorTrace : QString()));
    o.insert(QStringLiteral("lifeCycleState"), orNull(run ? run->state.lifeCycleState : QString()));
    o.insert(QStringLiteral("stateMessage"), orNull(run ? run->state.stateMessage : QString()));
    o.insert(QStringLiteral("runPageUrl"), orNull(run ? run->runPageUrl : QString()));
    o.insert(QStringLiteral("taskRunId"), orNull(output ? output->taskRunId : qint64(0)));
    o.insert(QStringLiteral("truncated"), output ? output->truncated : false);
    return o;
}

QJsonObject outcomeOutputs(const WorkflowOutcome &outcome)
{
    const RunInfo *run = outcome.run.runId > 0 ? &outcome.run : nullptr;
    QJsonObject o = workflowOutputs(outcome.runId, run, outcome.primaryOutput());
    if (!outcome.primaryOutput() && run) {
        if (const TaskRun *task = run->primaryTask(outcome.taskKey))
            o.insert(QStringLiteral("taskRunId"), orNull(task->runId));
    }
    return o;
}

QJsonObject recordOutputs(const RunRecord &record)
{
    RunInfo run;
    run.runId = record.runId;
    run.state = record.state;
    run.runPageUrl = record.runPageUrl;
    RunOutput output = record.output;
    output.taskRunId = record.taskRunId;
    return workflowOutputs(record.runId, record.runId > 0 ? &run : nullptr,
                           record.hasOutput || record.taskRunId > 0 ? &output : nullptr);
}

QJsonObject runStatusJson(const RunInfo &run)
{
    QJsonArray tasks;
    for (const TaskRun &t : run.tasks) {
        tasks.append(QJsonObject{{QStringLiteral("taskKey"), orNull(t.taskKey)},
                                 {QStringLiteral("runId"), orNull(t.runId)},
                                 {QStringLiteral("lifeCycleState"), orNull(t.state.lifeCycleState)},
                                 {QStringLiteral("resultState"), orNull(t.state.resultState)},
                                 {QStringLiteral("stateMessage"), orNull(t.state.stateMessage)}});
    }
    return QJsonObject{{QStringLiteral("runId"), orNull(run.runId)},
                       {QStringLiteral("runName"), orNull(run.runName)},
                       {QStringLiteral("lifeCycleState"), orNull(run.state.lifeCycleState)},
                       {QStringLiteral("resultState"),
                        orNull(run.state.isTerminal() ? run.state.resultState : QString())},
                       {QStringLiteral("stateMessage"), orNull(run.state.stateMessage)},
                       {QStringLiteral("terminal"), run.state.isTerminal()},
                       {QStringLiteral("runPageUrl"), orNull(run.runPageUrl)},
                       {QStringLiteral("startTime"), orNull(run.startTimeMs)},
                       {QStringLiteral("endTime"), orNull(run.endTimeMs)},
                       {QStringLiteral("tasks"), tasks}};
}

QString humanSummary(const QJsonObject &outputs)
{
    QString s;
    const auto line = [&s](const QString &label, const QString &value) {
        if (!value.isEmpty())
            s += label.leftJustified(10) + value + QLatin1Char('\n');
    };
    line(QStringLiteral("Run:"),
         QString::number(outputs.value(QLatin1String("runId")).toInteger()));
    QString state = text(outputs, "lifeCycleState");
    if (!text(outputs, "resultState").isEmpty())
        state += QLatin1Char(' ') + text(outputs, "resultState");
    line(QStringLiteral("State:"), state);
    line(QStringLiteral("Message:"), text(outputs, "stateMessage"));
    line(QStringLiteral("Run page:"), text(outputs, "runPageUrl"));
    if (outputs.value(QLatin1String("taskRunId")).isDouble())
        line(QStringLiteral("Task run:"),
             QString::number(outputs.value(QLatin1String("taskRunId")).toInteger()));
    const QJsonValue result = outputs.value(QLatin1String("notebookResult"));
    if (result.isString()) {
        s += QStringLiteral("Result:\n") + result.toString() + QLatin1Char('\n');
        if (outputs.value(QLatin1String("truncated")).toBool())
            s += QStringLiteral("(the service kept only the first 5 MB of this result)\n");
    } else if (state.startsWith(QLatin1String("TERMINATED"))) {
        s += QStringLiteral("Result:   none (the notebook did not call dbutils.notebook.exit)\n");
    }
    line(QStringLiteral("Error:"), text(outputs, "error"));
    if (!text(outputs, "errorTrace").isEmpty())
        s += QStringLiteral("Trace:\n") + text(outputs, "errorTrace") + QLatin1Char('\n');
    return s;
}

QString humanStatus(const RunInfo &run)
{
    QString s;
    s += QStringLiteral("Run:      %1 %2\n").arg(run.runId).arg(run.runName);
    s += QStringLiteral("State:    %1\n").arg(run.state.summary());
    if (!run.state.stateMessage.isEmpty())
        s += QStringLiteral("Message:  %1\n").arg(run.state.stateMessage);
    s += QStringLiteral("Started:  %1\n").arg(time(run.startTimeMs));
    if (run.endTimeMs > 0)
        s += QStringLiteral("Ended:    %1\n").arg(time(run.endTimeMs));
    if (!run.runPageUrl.isEmpty())
        s += QStringLiteral("Run page: %1\n").arg(run.runPageUrl);
    for (const TaskRun &t : run.tasks)
        s += QStringLiteral("Task:     %1 (run %2): %3\n")
                 .arg(t.taskKey)
                 .arg(t.runId)
                 .arg(t.state.summary());
    return s;
}

} // namespace Brickrun::Cli
