// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/RunSpec.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QStringList>

#include <optional>

namespace Brickrun::Cli::RunLimitOptions {

// submit's options for the run's own limits, enforced by the service: --run-timeout,
// --max-retries, --min-retry-interval, --retry-on-timeout (in the order --help lists them).
QList<QCommandLineOption> options();

// Applies the ones given to `spec`, over a preset's values. 0 switches an option off; retries
// switched off also drop the preset's retry interval and retry on timeout, a timeout switched
// off its retry on timeout. Every problem names the option; what depends on another option
// (retry on timeout without a timeout…) is RunSpec::validate's to say.
void apply(const QCommandLineParser &parser, RunSpec *spec, QStringList *errors);

// A duration argument (Duration::parseMillis: 90, 90s, 15m, 2h, 1h30m) of `option`, from
// minMillis to maxMillis ("at most <maxText>"), or nothing with a sentence in `errors`.
std::optional<qint64> duration(const QString &option, const QString &text, qint64 minMillis,
                               qint64 maxMillis, const QString &maxText, QStringList *errors);

} // namespace Brickrun::Cli::RunLimitOptions
