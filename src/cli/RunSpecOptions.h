// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/RunSpec.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace Brickrun::Cli::RunSpecOptions {

// submit's options for what runs and where (in the order --help lists them): the task
// (--notebook, --python-file, --arg, --param, --run-name, --task-key), the compute
// (--serverless, --environment-version, --dependency, --new-cluster-runtime, --node-type,
// --workers, --autoscale, --photon) and the source (--git-url, --git-provider, --git-branch,
// --git-tag, --git-commit). --cluster is CliOptions' (profiles add takes it too).
QList<QCommandLineOption> options();

// Applies the ones given (and --cluster) to `spec`, over a preset's values: a task, compute or
// source given on the command line replaces the preset's; a list option (--arg, --dependency)
// given replaces the preset's list. Every problem names the option.
void apply(const QCommandLineParser &parser, RunSpec *spec, QStringList *errors);

// Once the workspace (and its profile's default cluster) is known: what is still missing, then
// RunSpec::validate's problems.
void check(const RunSpec &spec, QStringList *errors);

// What a submit echoes under "spec" with --json: the task, compute and source as asked.
QJsonObject toJson(const RunSpec &spec);

} // namespace Brickrun::Cli::RunSpecOptions
