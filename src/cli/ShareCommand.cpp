// SPDX-License-Identifier: Apache-2.0
#include "ShareCommand.h"

#include "Console.h"
#include "ShareOptions.h"
#include "config/ProfileStore.h"
#include "share/ArazzoImport.h"
#include "share/RunExport.h"
#include "store/Database.h"
#include "store/HistoryStore.h"
#include "store/PresetStore.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace Brickrun::Cli {

namespace {

int print(const QString &text, const QString &file, const QString &what)
{
    if (file.isEmpty() || file == QLatin1String("-")) {
        Console::write(text);
        return ExitSuccess;
    }
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(text.toUtf8()) < 0 || !out.commit()) {
        Console::err(QStringLiteral("error: cannot write %1: %2").arg(file, out.errorString()));
        return ExitUsage;
    }
    Console::err(QStringLiteral("exported %1 to %2").arg(what, file));
    return ExitSuccess;
}

} // namespace

int exportPresetAs(const CliOptions &options, const PresetStore &presets)
{
    const auto preset = presets.preset(options.name);
    if (!preset) {
        Console::err(QStringLiteral("no preset named \"%1\"").arg(options.name));
        return ExitUsage;
    }
    QString host;
    if (!preset->profile.isEmpty() && preset->profile != QLatin1String("demo"))
        if (const auto profile = ProfileStore().profile(preset->profile))
            host = profile->host.toString();
    const auto format = RunExport::formatFromName(options.exportFormat);
    return print(RunExport::render(*format, preset->spec, preset->name, host), options.file,
                 QStringLiteral("preset \"%1\" as %2").arg(options.name, options.exportFormat));
}

int importWorkflow(const CliOptions &options, PresetStore *presets)
{
    const ArazzoImport::Result result =
        ArazzoImport::readFile(options.file, ShareOptions::inputs(options.workflowInputs));
    for (const QString &line : result.notMapped)
        Console::err(QStringLiteral("%1: not mapped: %2").arg(options.file, line));
    if (!result.ok()) {
        Console::err(QStringLiteral("%1: nothing imported:").arg(options.file));
        for (const QString &problem : result.problems)
            Console::err(QStringLiteral("  %1").arg(problem));
        for (const QString &input : result.missingInputs)
            Console::err(QStringLiteral("  input %1: no value and no default; give it with "
                                        "--input %1=VALUE")
                             .arg(input));
        return ExitUsage;
    }
    const bool replaced = presets->preset(result.preset.name).has_value();
    QString error;
    if (!presets->save(result.preset, &error)) {
        Console::err(QStringLiteral("%1: nothing imported: %2").arg(options.file, error));
        return ExitUsage;
    }
    Console::err(
        QStringLiteral("imported preset \"%1\" from the Arazzo workflow %2%3")
            .arg(result.preset.name, options.file,
                 replaced ? QStringLiteral(" (it replaces the preset of that name)") : QString()));
    return ExitSuccess;
}

bool isWorkflowFile(const QString &path)
{
    const QFileInfo info(path);
    const QString suffix = info.suffix().toLower();
    if (suffix == QLatin1String("yaml") || suffix == QLatin1String("yml"))
        return true;
    QFile file(path);
    if (!info.isFile() || !file.open(QIODevice::ReadOnly))
        return false;
    return ArazzoImport::looksLikeArazzo(file.read(64 * 1024));
}

int showRunAs(const CliOptions &options)
{
    Database database(Database::defaultPath());
    QString error;
    if (!database.open(&error)) {
        Console::err(QStringLiteral("error: the run history cannot be opened: %1").arg(error));
        return ExitApi;
    }
    HistoryStore history(&database);
    HistoryStore::Query query;
    query.text = QString::number(options.runId);
    query.profile = options.runsProfile;
    query.outputTexts = false;
    const QList<RunRecord> found = history.page(query, 0, 1000, &error);
    QList<RunRecord> matching;
    for (const RunRecord &r : found)
        if (r.runId == options.runId)
            matching << r;
    if (!error.isEmpty()) {
        Console::err(QStringLiteral("error: the run history cannot be read: %1").arg(error));
        return ExitApi;
    }
    if (matching.isEmpty()) {
        Console::err(
            QStringLiteral("no run %1 in the history (see: brickrun-cli runs)").arg(options.runId));
        return ExitUsage;
    }
    if (matching.size() > 1) // the same id in two workspaces
        Console::err(QStringLiteral("note: run %1 is in the history of %2 workspaces; the "
                                    "newest is shown (--profile NAME picks one)")
                         .arg(options.runId)
                         .arg(matching.size()));
    const RunRecord &run = matching.first();
    const QString host = run.profile == QLatin1String("demo") ? QString() : run.host;
    const QString title = run.spec.runName.isEmpty() ? RunSpec::defaultRunName(run.spec.taskPath())
                                                     : run.spec.runName;
    const auto format = RunExport::formatFromName(options.exportFormat);
    return print(RunExport::render(*format, run.spec, title, host), QString(), QString());
}

} // namespace Brickrun::Cli
