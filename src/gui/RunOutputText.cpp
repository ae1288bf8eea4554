// SPDX-License-Identifier: Apache-2.0
#include "RunOutputText.h"

#include "RunOutputPanel.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace Brickrun::RunOutputText {

bool sameOutput(const RunOutput &a, const RunOutput &b)
{
    return a.taskRunId == b.taskRunId && a.hasNotebookResult == b.hasNotebookResult &&
           a.truncated == b.truncated && a.logsTruncated == b.logsTruncated &&
           a.notebookResult == b.notebookResult && a.error == b.error &&
           a.errorTrace == b.errorTrace && a.logs == b.logs;
}

QString cutForDisplay(const QString &text)
{
    constexpr qsizetype keep = DisplayLimit / 2;
    if (text.size() <= keep)
        return text;
    return text.left(keep) +
           RunOutputPanel::tr("… [%L1 more characters not shown: Copy and Save as… give all of "
                              "it]")
               .arg(text.size() - keep);
}

QString rawOutputJson(const RunOutput &output)
{
    QJsonObject notebook;
    if (output.hasNotebookResult) {
        notebook.insert(QLatin1String("result"), output.notebookResult);
        notebook.insert(QLatin1String("truncated"), output.truncated);
    }
    QJsonObject root;
    root.insert(QLatin1String("notebook_output"), notebook);
    if (!output.error.isEmpty())
        root.insert(QLatin1String("error"), output.error);
    if (!output.errorTrace.isEmpty())
        root.insert(QLatin1String("error_trace"), output.errorTrace);
    if (!output.logs.isEmpty()) {
        root.insert(QLatin1String("logs"), output.logs);
        root.insert(QLatin1String("logs_truncated"), output.logsTruncated);
    }
    return QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
}

QString errorText(const RunOutput &output)
{
    if (output.error.isEmpty())
        return output.errorTrace;
    if (output.errorTrace.isEmpty())
        return output.error;
    return output.error + QStringLiteral("\n\n") + output.errorTrace;
}

QString forDisplay(const QString &text)
{
    if (text.size() <= DisplayLimit)
        return text;
    return text.left(DisplayLimit) + QStringLiteral("\n\n") +
           RunOutputPanel::tr("[Cut here for display: %L1 of %L2 characters shown. Copy and Save "
                              "as… give all of it.]")
               .arg(DisplayLimit)
               .arg(text.size());
}

QString forDisplayTail(const QString &text)
{
    if (text.size() <= DisplayLimit)
        return text;
    return RunOutputPanel::tr("[Cut here for display: the last %L1 of %L2 characters shown. Copy "
                              "and Save as… give all of it.]")
               .arg(DisplayLimit)
               .arg(text.size()) +
           QStringLiteral("\n\n") + text.right(DisplayLimit);
}

bool showsLogs(bool hasOutput, const RunOutput &output)
{
    return hasOutput && !output.hasNotebookResult && !output.logs.isEmpty();
}

// What the Result tab says while a run has no output: what is happening to it.
QString waitingMessage(const RunRecord &r, qint64 received, qint64 total)
{
    if (r.tracking == RunRecord::Tracking::Submitting)
        return RunOutputPanel::tr("The run is being submitted.");
    if (r.tracking == RunRecord::Tracking::SubmitFailed)
        return RunOutputPanel::tr("The run was not submitted, so it has no output.");
    if (r.isActive()) {
        const QString &state = r.state.lifeCycleState;
        if (r.state.isTerminal() && received <= 0)
            return RunOutputPanel::tr("The run has ended. Fetching its output…");
        const QLocale locale;
        if (r.state.isTerminal() && total > 0)
            return RunOutputPanel::tr("The run has ended. Fetching its output… (%1 of %2)")
                .arg(locale.formattedDataSize(received), locale.formattedDataSize(total));
        if (r.state.isTerminal())
            return RunOutputPanel::tr("The run has ended. Fetching its output… (%1 so far)")
                .arg(locale.formattedDataSize(received));
        if (state == QLatin1String("WAITING_FOR_RETRY"))
            return RunOutputPanel::tr(
                "The run waits to be tried again. Its result appears here when it has "
                "finished.");
        if (state.isEmpty() || state == QLatin1String("QUEUED") ||
            state == QLatin1String("PENDING") || state == QLatin1String("BLOCKED"))
            return RunOutputPanel::tr(
                "The run has not started yet. Its result appears here when it has "
                "finished.");
        return RunOutputPanel::tr(
            "The run is running. Its result appears here when it has finished.");
    }
    if (r.tracking == RunRecord::Tracking::Vanished)
        return RunOutputPanel::tr(
            "The output is no longer available: the service no longer knows this run.");
    if (!r.lastError.isEmpty())
        return RunOutputPanel::tr("The output could not be read.");
    return RunOutputPanel::tr("No output was fetched for this run.");
}

// Why the Result tab has nothing to show for a run that has its output.
QString noResultMessage(const RunRecord &r)
{
    const bool python = r.spec.isPythonFile();
    if (!r.output.error.isEmpty())
        return python ? RunOutputPanel::tr(
                            "No output: the run failed before the Python file printed anything. "
                            "The Error tab says why.")
                      : RunOutputPanel::tr(
                            "No result: the run failed before the notebook returned one. The "
                            "Error tab says why.");
    if (r.state.resultState == QLatin1String("CANCELED"))
        return RunOutputPanel::tr("No result: the run was cancelled.");
    return python ? RunOutputPanel::tr("No output: the Python file printed nothing.")
                  : RunOutputPanel::tr(
                        "No result: the notebook did not call dbutils.notebook.exit().");
}

} // namespace Brickrun::RunOutputText
