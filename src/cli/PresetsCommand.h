// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "CliOptions.h"

namespace Brickrun::Cli {

// brickrun-cli presets list | show NAME | export NAME [FILE] | import FILE.
// Synchronous: presets are a local SQLite table. Returns the exit code.
int runPresetsCommand(const CliOptions &options);

} // namespace Brickrun::Cli
