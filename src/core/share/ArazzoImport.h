// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/Preset.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace Brickrun {

// Reads an Arazzo 1.0.x workflow (YAML or JSON) that submits a one-time run (the seed's shape,
// Brickrun's own export, or another tool's) into a preset. The first workflow's submit step
// (operationId submitRun, or an operationPath of runs/submit) gives the run: its payload, with
// `$inputs.x` (and `{$inputs.x}` inside a string) replaced by the value given for the input,
// else by the input's default, is read by SubmitBodyReader. Its poll and output steps
// (getJobRun, getJobRunOutput) are what Brickrun does itself. Every other step, and every part
// of the payload a preset cannot hold, is reported by step id or field with the reason.
class ArazzoImport
{
public:
    struct Result
    {
        Preset preset;             // named after info.title (else the workflowId)
        QStringList notMapped;     // "stepId cancel: operation cancelJobRun is not …", fields…
        QStringList missingInputs; // inputs the payload uses with no value and no default
        QStringList problems;      // why there is no preset (a file that is no such workflow…)
        bool ok() const { return problems.isEmpty() && missingInputs.isEmpty(); }
    };

    // Whether the text looks like an Arazzo document (a top-level "arazzo" key), to tell it
    // from a preset file before reading it.
    static bool looksLikeArazzo(const QByteArray &text);
    static Result read(const QByteArray &text, const QHash<QString, QString> &inputs = {});
    // Files over 1 MiB are refused, as preset files are.
    static Result readFile(const QString &path, const QHash<QString, QString> &inputs = {});
};

} // namespace Brickrun
