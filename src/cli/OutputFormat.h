#pragma once

#include "model/RunInfo.h"
#include "model/RunRecord.h"
#include "workflow/SubmitAndWait.h"

#include <QJsonObject>
#include <QString>

namespace Brickrun::Cli {

// The seed workflow's outputs (runId, resultState, notebookResult, error) plus what a script
// needs besides. Every key is always present; a value the service did not give is null.
QJsonObject workflowOutputs(qint64 runId, const RunInfo *run, const RunOutput *output);
QJsonObject outcomeOutputs(const WorkflowOutcome &outcome);
// The outputs of a run of the history (the same keys).
QJsonObject recordOutputs(const RunRecord &record);
QJsonObject runStatusJson(const RunInfo &run);

// The same, for people.
QString humanSummary(const QJsonObject &outputs);
QString humanStatus(const RunInfo &run);

} // namespace Brickrun::Cli
