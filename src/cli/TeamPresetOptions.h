// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QStringList>

namespace Brickrun::Cli {
struct CliOptions;
}

namespace Brickrun::Cli::TeamPresetOptions {

// The options of team presets (presets shared through a workspace folder, docs/team-presets.md):
// --team (presets list), --folder PATH (presets publish, presets list --team, submit
// --team-preset), --force (presets publish: replace a colleague's version after a conflict) and
// --team-preset NAME (submit).
QList<QCommandLineOption> options();

// Reads them into `o` (whose command is set) and says what is misplaced. `positional` are the
// command line's positional arguments ("presets", "publish", NAME…).
void apply(const QCommandLineParser &parser, const QStringList &positional, CliOptions *o,
           QStringList *errors);

// Whether a presets command talks to a workspace (publish, list --team) rather than the local
// presets alone.
bool needsWorkspace(const CliOptions &o);

} // namespace Brickrun::Cli::TeamPresetOptions
