// SPDX-License-Identifier: Apache-2.0
#include "OutputFormat.h"

#include "model/Duration.h"

#include <QDateTime>
#include <QHash>
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

// "TERMINATED SUCCESS" from an object with lifeCycleState and resultState.
QString stateText(const QJsonObject &o)
{
    QString state = text(o, "lifeCycleState");
    if (!text(o, "resultState").isEmpty())
        state += QLatin1Char(' ') + text(o, "resultState");
    return state;
}

void insertOutput(QJsonObject &o, const RunOutput *output)
{
    o.insert(QStringLiteral("notebookResult"), output && output->hasNotebookResult
                                                   ? QJsonValue(output->notebookResult)
                                                   : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("error"), orNull(output ? output->error : QString()));
    o.insert(QStringLiteral("errorTrace"), orNull(output ? output->errorTrace : QString()));
    o.insert(QStringLiteral("truncated"), output ? output->truncated : false);
    // A Python file's (or JAR's) output: its logs, the last 5 MB of them.
    o.insert(QStringLiteral("logs"), orNull(output ? output->logs : QString()));
    o.insert(QStringLiteral("logsTruncated"), output ? output->logsTruncated : false);
}

// The result, error and trace of one output object, for people.
QString outputText(const QJsonObject &o, const QString &state)
{
    QString s;
    const QJsonValue result = o.value(QLatin1String("notebookResult"));
    if (result.isString()) {
        s += QStringLiteral("Result:\n") + result.toString() + QLatin1Char('\n');
        if (o.value(QLatin1String("truncated")).toBool())
            s += QStringLiteral("(the service kept only the first 5 MB of this result)\n");
    } else if (state.startsWith(QLatin1String("TERMINATED")) &&
               !o.value(QLatin1String("logs")).isString()) {
        s += QStringLiteral("Result:   none (the notebook did not call dbutils.notebook.exit)\n");
    }
    if (o.value(QLatin1String("logs")).isString()) {
        if (o.value(QLatin1String("logsTruncated")).toBool())
            s += QStringLiteral("(the service kept only the last 5 MB of these logs)\n");
        s += QStringLiteral("Logs:\n") + text(o, "logs");
        if (!s.endsWith(QLatin1Char('\n')))
            s += QLatin1Char('\n');
    }
    if (!text(o, "error").isEmpty())
        s += QStringLiteral("Error:    ") + text(o, "error") + QLatin1Char('\n');
    if (!text(o, "errorTrace").isEmpty())
        s += QStringLiteral("Trace:\n") + text(o, "errorTrace") + QLatin1Char('\n');
    return s;
}

// The tasks as a table: key, state, attempt (counted from 1), duration, task run id; then
// the state message of each task that has one.
QString tasksTable(const QJsonArray &tasks)
{
    struct Row
    {
        QString key, state, attempt, duration, runId, message;
    };
    QList<Row> rows{{QStringLiteral("TASK"), QStringLiteral("STATE"), QStringLiteral("ATTEMPT"),
                     QStringLiteral("DURATION"), QStringLiteral("TASK RUN"), QString()}};
    for (const QJsonValue &v : tasks) {
        const QJsonObject t = v.toObject();
        const qint64 duration = t.value(QLatin1String("durationMs")).toInteger();
        const int attempts = t.value(QLatin1String("attempts")).toInt();
        QString attempt = QString::number(t.value(QLatin1String("attemptNumber")).toInt() + 1);
        if (attempts > 1)
            attempt += QStringLiteral(" of %1").arg(attempts);
        rows.append(
            {text(t, "taskKey").isEmpty() ? QStringLiteral("-") : text(t, "taskKey"),
             stateText(t).isEmpty() ? QStringLiteral("UNKNOWN") : stateText(t), attempt,
             duration > 0 ? Duration::format((duration + 500) / 1000 * 1000) : QStringLiteral("-"),
             QString::number(t.value(QLatin1String("runId")).toInteger()),
             text(t, "stateMessage")});
    }
    int width[4] = {0, 0, 0, 0};
    for (const Row &r : std::as_const(rows)) {
        width[0] = std::max(width[0], int(r.key.size()));
        width[1] = std::max(width[1], int(r.state.size()));
        width[2] = std::max(width[2], int(r.attempt.size()));
        width[3] = std::max(width[3], int(r.duration.size()));
    }
    QString s;
    for (const Row &r : std::as_const(rows))
        s += QStringLiteral("  %1  %2  %3  %4  %5\n")
                 .arg(r.key.leftJustified(width[0]), r.state.leftJustified(width[1]),
                      r.attempt.leftJustified(width[2]), r.duration.leftJustified(width[3]),
                      r.runId);
    for (const Row &r : std::as_const(rows)) {
        if (!r.message.isEmpty())
            s += QStringLiteral("  %1: %2\n").arg(r.key, r.message);
    }
    return s;
}

} // namespace

QJsonObject workflowOutputs(qint64 runId, const RunInfo *run, const RunOutput *output)
{
    QJsonObject o;
    o.insert(QStringLiteral("runId"), orNull(runId));
    // A result exists only once the run has ended; an answer may carry one earlier.
    o.insert(QStringLiteral("resultState"),
             orNull(run && run->state.isTerminal() ? run->state.resultState : QString()));
    insertOutput(o, output);
    o.insert(QStringLiteral("lifeCycleState"), orNull(run ? run->state.lifeCycleState : QString()));
    o.insert(QStringLiteral("stateMessage"), orNull(run ? run->state.stateMessage : QString()));
    o.insert(QStringLiteral("runPageUrl"), orNull(run ? run->runPageUrl : QString()));
    o.insert(QStringLiteral("taskRunId"), orNull(output ? output->taskRunId : qint64(0)));
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

QJsonArray tasksJson(const RunInfo &run, const QList<RunOutput> *outputs)
{
    QHash<qint64, const RunOutput *> outputOf;
    if (outputs) {
        for (const RunOutput &out : *outputs)
            outputOf.insert(out.taskRunId, &out);
    }
    QJsonArray tasks;
    for (const TaskRun &t : run.latestAttempts()) {
        QJsonObject o{
            {QStringLiteral("taskKey"), orNull(t.taskKey)},
            {QStringLiteral("runId"), orNull(t.runId)},
            {QStringLiteral("attemptNumber"), t.attemptNumber},
            {QStringLiteral("attempts"),
             t.taskKey.isEmpty() ? 1 : std::max(1, run.attemptsOf(t.taskKey))},
            {QStringLiteral("originalAttemptRunId"), orNull(t.originalAttemptRunId)},
            {QStringLiteral("lifeCycleState"), orNull(t.state.lifeCycleState)},
            {QStringLiteral("resultState"), orNull(t.state.resultState)},
            {QStringLiteral("stateMessage"), orNull(t.state.stateMessage)},
            {QStringLiteral("startTime"), orNull(t.startTimeMs)},
            {QStringLiteral("endTime"), orNull(t.endTimeMs)},
            {QStringLiteral("durationMs"), t.startTimeMs > 0 && t.endTimeMs >= t.startTimeMs
                                               ? QJsonValue(t.endTimeMs - t.startTimeMs)
                                               : QJsonValue(QJsonValue::Null)}};
        if (outputs)
            insertOutput(o, outputOf.value(t.runId));
        tasks.append(o);
    }
    return tasks;
}

QJsonObject runOutputs(const RunInfo &run, const QList<RunOutput> &outputs)
{
    QJsonObject o =
        workflowOutputs(run.runId, &run, outputs.isEmpty() ? nullptr : &outputs.first());
    o.insert(QStringLiteral("tasks"), tasksJson(run, &outputs));
    return o;
}

QJsonObject runStatusJson(const RunInfo &run)
{
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
                       {QStringLiteral("tasks"), tasksJson(run)}};
}

QString humanSummary(const QJsonObject &outputs)
{
    QString s;
    const auto line = [&s](const QString &label, const QString &value) {
        if (!value.isEmpty())
            s += label.leftJustified(10) + value + QLatin1Char('\n');
    };
    const QJsonArray tasks = outputs.value(QLatin1String("tasks")).toArray();
    const bool severalTasks = tasks.size() > 1;
    line(QStringLiteral("Run:"),
         QString::number(outputs.value(QLatin1String("runId")).toInteger()));
    const QString state = stateText(outputs);
    line(QStringLiteral("State:"), state);
    line(QStringLiteral("Message:"), text(outputs, "stateMessage"));
    line(QStringLiteral("Run page:"), text(outputs, "runPageUrl"));
    if (!severalTasks) {
        if (outputs.value(QLatin1String("taskRunId")).isDouble())
            line(QStringLiteral("Task run:"),
                 QString::number(outputs.value(QLatin1String("taskRunId")).toInteger()));
        return s + outputText(outputs, state);
    }
    s += QStringLiteral("Tasks:    %1\n").arg(tasks.size()) + tasksTable(tasks);
    for (const QJsonValue &v : tasks) {
        const QJsonObject t = v.toObject();
        s += QStringLiteral("\nTask %1 (task run %2):\n")
                 .arg(text(t, "taskKey"))
                 .arg(t.value(QLatin1String("runId")).toInteger());
        s += outputText(t, stateText(t));
    }
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
    const QJsonArray tasks = tasksJson(run);
    if (!tasks.isEmpty())
        s += QStringLiteral("Tasks:    %1\n").arg(tasks.size()) + tasksTable(tasks);
    return s;
}

} // namespace Brickrun::Cli
