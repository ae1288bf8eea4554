#pragma once

#include "model/RunInfo.h"
#include "workflow/SubmitAndWait.h"

#include <QJsonObject>
#include <QString>

namespace Brickrun::Cli {

// The seed workflow's outputs (runId, resultState, notebookResult, error) plus what a script
// needs besides. Every key is always present; a value the service did not give is null.
QJsonObject workflowOutputs(qint64 runId, const RunInfo *run, const RunOutput *output);
QJsonObject outcomeOutputs(const WorkflowOutcome &outcome);
QJsonObject runStatusJson(const RunInfo &run);

// The same, for people.
QString humanSummary(const QJsonObject &outputs);
QString humanStatus(const RunInfo &run);

// One progress line for stderr, e.g. "[   4.2s] run 123: RUNNING (In run)".
QString progressLine(qint64 elapsedMs, const QString &text);

} // namespace Brickrun::Cli
