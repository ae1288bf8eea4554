// SPDX-License-Identifier: Apache-2.0
// brickrun-cli: the seed workflow for scripts and headless machines, on the same core as the
// desktop program (and without Qt Widgets, which proves the core is GUI-free).

#include "CliOptions.h"
#include "CliRunner.h"
#include "KeychainTokenStore.h"
#include "PresetsCommand.h"
#include "ProfilesCommand.h"
#include "SecretStore.h"
#include "TeamPresetOptions.h"
#include "config/AppIdentity.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Brickrun::AppIdentity::apply();
    // Progress lines are the CLI's voice; internal logs only on request (QT_LOGGING_RULES,
    // e.g. "brickrun.*.debug=true", overrides this).
    QLoggingCategory::setFilterRules(
        QStringLiteral("brickrun.*.debug=false\nbrickrun.*.info=false"));

    Brickrun::Cli::CliOptions options;
    QStringList errors;
    QString help;
    QString version;
    if (!Brickrun::Cli::CliOptions::parse(app.arguments(), &options, &errors, &help, &version)) {
        if (!help.isEmpty()) {
            std::fputs(qPrintable(help), stdout);
            return Brickrun::Cli::ExitSuccess;
        }
        if (!version.isEmpty()) {
            std::fputs(qPrintable(version + QLatin1Char('\n')), stdout);
            return Brickrun::Cli::ExitSuccess;
        }
        for (const QString &e : errors)
            std::fprintf(stderr, "brickrun-cli: %s\n", qPrintable(e));
        std::fputs("Try 'brickrun-cli --help'.\n", stderr);
        return Brickrun::Cli::ExitUsage;
    }

    if (options.command == Brickrun::Cli::Command::Presets &&
        !Brickrun::Cli::TeamPresetOptions::needsWorkspace(options))
        return Brickrun::Cli::runPresetsCommand(options);

    Brickrun::KeychainTokenStore keychain;
    Brickrun::SecretStore tokens(&keychain); // the keychain; no file, ever
    if (options.command == Brickrun::Cli::Command::Profiles) {
        Brickrun::Cli::ProfilesCommand command(options, &tokens);
        QObject::connect(&command, &Brickrun::Cli::ProfilesCommand::done, &app,
                         &QCoreApplication::exit);
        QMetaObject::invokeMethod(&command, &Brickrun::Cli::ProfilesCommand::start,
                                  Qt::QueuedConnection);
        return app.exec();
    }
    Brickrun::Cli::CliRunner runner(options, &tokens);
    QObject::connect(&runner, &Brickrun::Cli::CliRunner::done, &app, &QCoreApplication::exit);
    QMetaObject::invokeMethod(&runner, &Brickrun::Cli::CliRunner::start, Qt::QueuedConnection);
    return app.exec();
}
