// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/RunSpec.h"

#include <QJsonObject>
#include <QString>

namespace Brickrun {

// A run as an Arazzo 1.0.1 workflow in the corrected form of the seed workflow Brickrun was
// built from (tests/data/submit-one-time-run-corrected.arazzo.yml, docs/conformance.md):
// submitRun with the exact body Brickrun sends (no idempotency token) → pollRun, looping with
// RFC 9535 JSONPath criteria while the run is not TERMINATED, SKIPPED or INTERNAL_ERROR →
// getFinalRun (its state and the task run id) → fetchOutput for the task run id. Outputs:
// runId, taskRunId, lifeCycleState, resultState, error and notebookResult (a notebook) or logs
// (a Python file), each read so that an absent member (result_state of a skipped run, error of
// a success) is no failure.
//
// Inputs: `token` (required, never written), and runName, taskKey, notebookPath or pythonFile,
// existingClusterId (an existing cluster) with the run's values as their defaults. A value of
// the body holding a `$` (which a runner would read as a runtime expression) goes through an
// input of its own (value1, value2…) with the value as its default, never into the payload.
//
// sourceDescriptions names the seed's OpenAPI file by the seed's relative URL
// (../openapi/azure-databricks-openapi.yml); point it at your copy of that file.
class ArazzoExport
{
public:
    static inline const QString OpenApiUrl =
        QStringLiteral("../openapi/azure-databricks-openapi.yml");
    static inline const QString SourceName = QStringLiteral("azureDatabricksApi");

    // The workflow document; `title` becomes info.title and, as a slug, the workflowId.
    static QJsonObject document(const RunSpec &spec, const QString &title);
    // The document as YAML.
    static QString yaml(const RunSpec &spec, const QString &title);
    // The inputs' values (their defaults), without the token: what a runner is given to run
    // the workflow as the run was.
    static QJsonObject inputValues(const RunSpec &spec);
    // "nightly-report" from "Nightly report!": letters, digits, - and _ only.
    static QString workflowId(const QString &title);
};

} // namespace Brickrun
