// SPDX-License-Identifier: Apache-2.0
#include "RunOutputText.h"

#include "RunOutputPanel.h"

#include <QJsonDocument>
#include <QJsonObject>

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

} // namespace Brickrun::RunOutputText
