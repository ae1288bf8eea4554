// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QHash>
#include <QList>
#include <QStringList>

namespace Brickrun::Cli {
struct CliOptions;
}

namespace Brickrun::Cli::ShareOptions {

// The options of sharing a run (docs/sharing-runs.md): --as FORMAT (presets export NAME, runs
// show RUN_ID: cli, curl, python or arazzo) and --input NAME=VALUE (presets import of an
// Arazzo workflow whose inputs have no default).
QList<QCommandLineOption> options();

// Reads them, and `runs show RUN_ID`, into `o` (whose command is set); says what is
// misplaced. `positional` are the command line's positional arguments.
void apply(const QCommandLineParser &parser, const QStringList &positional, CliOptions *o,
           QStringList *errors);

// --input NAME=VALUE… as a map.
QHash<QString, QString> inputs(const QStringList &given);

} // namespace Brickrun::Cli::ShareOptions
