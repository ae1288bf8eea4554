// SPDX-License-Identifier: Apache-2.0
#include "RunLimitOptions.h"

#include "model/Duration.h"

namespace Brickrun::Cli::RunLimitOptions {

namespace {

const QString RunTimeout = QStringLiteral("run-timeout");
const QString MaxRetries = QStringLiteral("max-retries");
const QString MinRetryInterval = QStringLiteral("min-retry-interval");
const QString RetryOnTimeout = QStringLiteral("retry-on-timeout");

} // namespace

QList<QCommandLineOption> options()
{
    return {
        QCommandLineOption(RunTimeout,
                           QStringLiteral("submit: the run's own time limit, enforced by the "
                                          "service: an attempt still running after DURATION "
                                          "(90, 90s, 15m, 2h; at most 7d; 0 = none) ends "
                                          "TIMEDOUT. Not --timeout, which is how long "
                                          "brickrun-cli waits."),
                           QStringLiteral("DURATION")),
        QCommandLineOption(MaxRetries,
                           QStringLiteral("submit: the service retries a failed run up to N times "
                                          "(0 to 100; 0 = no retry)."),
                           QStringLiteral("N")),
        QCommandLineOption(MinRetryInterval,
                           QStringLiteral("submit: wait at least DURATION between two attempts "
                                          "(at most 1d; default: retry at once)."),
                           QStringLiteral("DURATION")),
        QCommandLineOption(RetryOnTimeout,
                           QStringLiteral("submit: retry an attempt that reached --run-timeout "
                                          "too (needs --max-retries and --run-timeout).")),
    };
}

std::optional<qint64> duration(const QString &option, const QString &text, qint64 minMillis,
                               qint64 maxMillis, const QString &maxText, QStringList *errors)
{
    const std::optional<qint64> millis = Duration::parseMillis(text);
    if (!millis) {
        *errors << QStringLiteral("--%1 \"%2\": expected a duration such as 90 (seconds), 90s, "
                                  "15m, 2h or 1h30m")
                       .arg(option, text);
    } else if (*millis < minMillis) {
        *errors << QStringLiteral("--%1 \"%2\": must be at least %3")
                       .arg(option, text, Duration::format(minMillis));
    } else if (*millis > maxMillis) {
        *errors << QStringLiteral("--%1 \"%2\": at most %3").arg(option, text, maxText);
    } else {
        return millis;
    }
    return std::nullopt;
}

void apply(const QCommandLineParser &parser, RunSpec *spec, QStringList *errors)
{
    if (parser.isSet(RunTimeout)) {
        const QString text = parser.value(RunTimeout);
        if (const auto ms = duration(RunTimeout, text, 0, qint64(RunSpec::MaxTimeoutSeconds) * 1000,
                                     QStringLiteral("7 days (7d)"), errors)) {
            if (*ms % 1000 != 0) {
                *errors << QStringLiteral("--%1 \"%2\": whole seconds only").arg(RunTimeout, text);
            } else {
                spec->timeoutSeconds = int(*ms / 1000);
                if (spec->timeoutSeconds == 0 && !parser.isSet(RetryOnTimeout))
                    spec->retryOnTimeout = false;
            }
        }
    }
    if (parser.isSet(MaxRetries)) {
        const QString text = parser.value(MaxRetries).trimmed();
        bool ok = false;
        const int n = text.toInt(&ok);
        if (ok && n == -1) {
            *errors << QStringLiteral("--%1 \"-1\": retrying for ever is not offered (a run that "
                                      "keeps failing would run until cancelled); give 0 to %2")
                           .arg(MaxRetries)
                           .arg(RunSpec::MaxRetries);
        } else if (!ok || n < 0 || n > RunSpec::MaxRetries) {
            *errors << QStringLiteral("--%1 \"%2\": expected a whole number from 0 to %3")
                           .arg(MaxRetries, text)
                           .arg(RunSpec::MaxRetries);
        } else {
            spec->maxRetries = n;
            if (n == 0) {
                if (!parser.isSet(MinRetryInterval))
                    spec->minRetryIntervalMillis = 0;
                if (!parser.isSet(RetryOnTimeout))
                    spec->retryOnTimeout = false;
            }
        }
    }
    if (parser.isSet(MinRetryInterval)) {
        if (const auto ms =
                duration(MinRetryInterval, parser.value(MinRetryInterval), 0,
                         RunSpec::MaxRetryIntervalMillis, QStringLiteral("1 day (1d)"), errors))
            spec->minRetryIntervalMillis = int(*ms);
    }
    if (parser.isSet(RetryOnTimeout))
        spec->retryOnTimeout = true;
}

} // namespace Brickrun::Cli::RunLimitOptions
