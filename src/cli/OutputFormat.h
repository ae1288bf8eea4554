// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/RunInfo.h"
#include "model/RunRecord.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace Brickrun::Cli {

// The seed workflow's outputs (runId, resultState, notebookResult, error) plus what a script
// needs besides. Every key is always present; a value the service did not give is null.
QJsonObject workflowOutputs(qint64 runId, const RunInfo *run, const RunOutput *output);
// The outputs of a run of the history (the same keys).
QJsonObject recordOutputs(const RunRecord &record);
QJsonObject runStatusJson(const RunInfo &run);
// One object per task of the run, its newest attempt: key, task run id, attempt, state,
// times; with `outputs` (fetched by task run id) also each task's result and error.
QJsonArray tasksJson(const RunInfo &run, const QList<RunOutput> *outputs = nullptr);
// workflowOutputs for the primary task (the first output) plus `tasks` with every output.
QJsonObject runOutputs(const RunInfo &run, const QList<RunOutput> &outputs);

// The same, for people. With a `tasks` array of more than one task, humanSummary shows the
// run, then each task's state and output.
QString humanSummary(const QJsonObject &outputs);
QString humanStatus(const RunInfo &run);

} // namespace Brickrun::Cli
