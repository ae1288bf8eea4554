// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "CliOptions.h"

namespace Brickrun {
class PresetStore;
}

namespace Brickrun::Cli {

// presets export NAME --as FORMAT [FILE]: the preset as the Databricks CLI, curl, Python SDK
// or Arazzo text (RunExport), on stdout or into FILE. Returns the exit code.
int exportPresetAs(const CliOptions &options, const PresetStore &presets);

// presets import FILE, when FILE is an Arazzo workflow: the preset it submits (ArazzoImport),
// every step and field that could not be mapped said on stderr.
int importWorkflow(const CliOptions &options, PresetStore *presets);
// Whether FILE is one for importWorkflow: it ends in .yaml or .yml, or holds an "arazzo" key.
bool isWorkflowFile(const QString &path);

// runs show RUN_ID --as FORMAT: a run of the local history (by the service's run id) as
// exportPresetAs prints a preset.
int showRunAs(const CliOptions &options);

} // namespace Brickrun::Cli
