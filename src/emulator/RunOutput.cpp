// SPDX-License-Identifier: Apache-2.0
#include "RunOutput.h"

#include "TaskTimeline.h"

#include <QJsonDocument>

namespace Brickrun::Emulator {

namespace {

// CSV-like text with multi-byte characters, so truncation has UTF-8 to respect.
QByteArray generatedRows(qint64 size)
{
    QByteArray data;
    data.reserve(static_cast<qsizetype>(size + 64));
    data.append("row;city;amount;check\n");
    qint64 row = 0;
    while (data.size() < size) {
        ++row;
        data.append(QStringLiteral("%1;Zürich;€ %2;✓\n")
                        .arg(row, 7, 10, QLatin1Char('0'))
                        .arg(static_cast<double>(row % 10000) / 100.0, 0, 'f', 2)
                        .toUtf8());
    }
    bool truncated = false;
    return RunOutput::truncatedResult(data, size, &truncated);
}

bool isContinuation(char byte)
{
    return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

// A string as Python's repr() writes it in a list: 'text', quotes and backslashes escaped.
QString pythonRepr(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('\''), QStringLiteral("\\'"));
    escaped.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

} // namespace

QByteArray RunOutput::truncatedResult(const QByteArray &utf8, qint64 limit, bool *truncated)
{
    *truncated = utf8.size() > limit;
    if (!*truncated)
        return utf8;
    qsizetype cut = static_cast<qsizetype>(limit);
    // Never split a UTF-8 sequence: back up while the first dropped byte is a continuation.
    while (cut > 0 && isContinuation(utf8.at(cut)))
        --cut;
    return utf8.left(cut);
}

QByteArray RunOutput::truncatedLogs(const QByteArray &utf8, qint64 limit, bool *truncated)
{
    *truncated = utf8.size() > limit;
    if (!*truncated)
        return utf8;
    qsizetype start = utf8.size() - static_cast<qsizetype>(limit);
    // Never start inside a UTF-8 sequence: move on past its continuation bytes.
    while (start < utf8.size() && isContinuation(utf8.at(start)))
        ++start;
    return utf8.mid(start);
}

QByteArray RunOutput::pythonLogs(const TaskRecord &task)
{
    const NotebookBehaviour &b = task.behaviour;
    if (b.resultGeneratedBytes > 0)
        return generatedRows(b.resultGeneratedBytes);
    QStringList args;
    for (const QString &p : task.parameters)
        args.append(pythonRepr(p));
    QString logs =
        b.logs.isEmpty() ? QStringLiteral("Running {file} with arguments {args}\n") : b.logs;
    logs.replace(QStringLiteral("{file}"), task.pythonFile);
    logs.replace(QStringLiteral("{args}"),
                 QLatin1Char('[') + args.join(QStringLiteral(", ")) + QLatin1Char(']'));
    return logs.toUtf8();
}

QJsonObject RunOutput::notebookOutput(const TaskRecord &task)
{
    const NotebookBehaviour &b = task.behaviour;
    if (!b.hasResult)
        return {};
    QByteArray result;
    if (b.echoParameters)
        result = QJsonDocument(task.baseParameters).toJson(QJsonDocument::Compact);
    else if (b.resultGeneratedBytes > 0)
        result = generatedRows(b.resultGeneratedBytes);
    else
        result = b.result.toUtf8();
    bool truncated = false;
    result = truncatedResult(result, kLimitBytes, &truncated);
    return {{QStringLiteral("result"), QString::fromUtf8(result)},
            {QStringLiteral("truncated"), truncated}};
}

QJsonObject RunOutput::answer(const RunRecord &run, const TaskRecord &task, int attempt,
                              const RunJson::Context &context)
{
    QJsonObject answer{{QStringLiteral("metadata"), RunJson::taskRun(run, task, attempt, context)}};
    const TaskStatus status = TaskTimeline::attempts(run, task, context.nowMs).at(attempt);
    if (!status.terminal)
        return answer;
    const bool finishedItsWork =
        status.resultState == QLatin1String("SUCCESS") && !status.userCancelledOrTimedout;
    const bool failed = status.lifeCycleState == QLatin1String("INTERNAL_ERROR") ||
                        status.resultState == QLatin1String("FAILED");
    const NotebookBehaviour &b = task.behaviour;
    if (task.kind == QLatin1String("spark_python_task")) {
        // logs are not in the published description of get-output: live shapes only. A script
        // that never started (its checkout failed) printed nothing.
        const bool started = status.executionDurationMs > 0 || finishedItsWork;
        bool truncated = false;
        const QByteArray logs =
            started ? truncatedLogs(pythonLogs(task), kLimitBytes, &truncated) : QByteArray();
        if (context.shapes.live()) {
            answer.insert(QStringLiteral("logs"), QString::fromUtf8(logs));
            answer.insert(QStringLiteral("logs_truncated"), truncated);
        }
    } else {
        answer.insert(QStringLiteral("notebook_output"),
                      finishedItsWork ? notebookOutput(task) : QJsonObject());
    }
    if (failed && !b.error.isEmpty())
        answer.insert(QStringLiteral("error"), b.error);
    if (failed && !b.errorTrace.isEmpty())
        answer.insert(QStringLiteral("error_trace"), b.errorTrace);
    return answer;
}

} // namespace Brickrun::Emulator
