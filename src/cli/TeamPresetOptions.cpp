// SPDX-License-Identifier: Apache-2.0
#include "TeamPresetOptions.h"

#include "CliOptions.h"

namespace Brickrun::Cli::TeamPresetOptions {

namespace {

QCommandLineOption team()
{
    return {QStringLiteral("team"),
            QStringLiteral("presets list: the team presets of a workspace folder instead of "
                           "this computer's.")};
}

QCommandLineOption folder()
{
    return {QStringLiteral("folder"),
            QStringLiteral("Team presets: the workspace folder (default "
                           "/Users/<you>/.brickrun/presets)."),
            QStringLiteral("PATH")};
}

QCommandLineOption force()
{
    return {QStringLiteral("force"),
            QStringLiteral("presets publish: replace the version someone else published.")};
}

QCommandLineOption teamPreset()
{
    return {QStringLiteral("team-preset"),
            QStringLiteral("submit: start from this team preset (read from the workspace)."),
            QStringLiteral("NAME")};
}

} // namespace

QList<QCommandLineOption> options()
{
    return {team(), folder(), force(), teamPreset()};
}

void apply(const QCommandLineParser &parser, const QStringList &positional, CliOptions *o,
           QStringList *errors)
{
    const bool presets = o->command == Command::Presets;
    const QString action = presets ? positional.value(1) : QString();
    const bool publish = action == QLatin1String("publish");
    o->teamList = parser.isSet(QStringLiteral("team"));
    o->force = parser.isSet(QStringLiteral("force"));
    o->teamFolder = parser.value(QStringLiteral("folder"));
    o->teamPresetName = parser.value(QStringLiteral("team-preset"));
    if (o->teamList && !(presets && action == QLatin1String("list")))
        *errors << QStringLiteral("--team is only for presets list");
    if (o->force && !publish)
        *errors << QStringLiteral("--force is only for presets publish");
    if (parser.isSet(QStringLiteral("team-preset"))) {
        if (o->command != Command::Submit)
            *errors << QStringLiteral("--team-preset is only for submit");
        else if (o->teamPresetName.trimmed().isEmpty())
            *errors << QStringLiteral("--team-preset: a name is needed");
        else if (parser.isSet(QStringLiteral("preset")))
            *errors << QStringLiteral("--preset and --team-preset: choose one");
    }
    const bool folderFits = publish || (presets && o->teamList) ||
                            (o->command == Command::Submit && !o->teamPresetName.isEmpty());
    if (parser.isSet(QStringLiteral("folder"))) {
        if (!folderFits)
            *errors << QStringLiteral("--folder is only for presets publish, presets list --team "
                                      "and submit --team-preset");
        else if (!o->teamFolder.startsWith(QLatin1Char('/')))
            *errors << QStringLiteral("--folder \"%1\": a workspace folder starts with /")
                           .arg(o->teamFolder);
    }
}

bool needsWorkspace(const CliOptions &o)
{
    return o.command == Command::Presets &&
           (o.presetsAction == PresetsAction::Publish || o.teamList);
}

} // namespace Brickrun::Cli::TeamPresetOptions
