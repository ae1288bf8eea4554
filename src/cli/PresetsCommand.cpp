// SPDX-License-Identifier: Apache-2.0
#include "PresetsCommand.h"

#include "Console.h"
#include "ShareCommand.h"
#include "store/Database.h"
#include "store/PresetStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

namespace Brickrun::Cli {

int runPresetsCommand(const CliOptions &options)
{
    Database database(Database::defaultPath());
    QString error;
    if (!database.open(&error)) {
        Console::err(QStringLiteral("error: the presets cannot be opened: %1").arg(error));
        return ExitApi;
    }
    PresetStore presets(&database);

    switch (options.presetsAction) {
    case PresetsAction::List: {
        const QList<Preset> all = presets.presets();
        if (options.json) {
            QJsonArray array;
            for (const Preset &p : all)
                array.append(p.toJson());
            Console::out(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)));
        } else if (all.isEmpty()) {
            Console::out(QStringLiteral("No presets yet (save one in the desktop program, or "
                                        "import one with: brickrun-cli presets import FILE)."));
        } else {
            QString out;
            for (const Preset &p : all)
                out += QStringLiteral("%1  %2  %3  on %4\n")
                           .arg(p.name.leftJustified(20),
                                (p.profile.isEmpty() ? QStringLiteral("(default)") : p.profile)
                                    .leftJustified(12),
                                p.spec.notebookPath, p.spec.clusterId);
            Console::out(out);
        }
        return ExitSuccess;
    }
    case PresetsAction::Show: {
        const auto p = presets.preset(options.name);
        if (!p) {
            Console::err(QStringLiteral("no preset named \"%1\"").arg(options.name));
            return ExitUsage;
        }
        Console::out(QString::fromUtf8(QJsonDocument(p->toJson()).toJson(QJsonDocument::Indented)));
        return ExitSuccess;
    }
    case PresetsAction::Export: {
        if (!options.exportFormat.isEmpty()) // --as cli|curl|python|arazzo
            return exportPresetAs(options, presets);
        if (!presets.preset(options.name)) {
            Console::err(QStringLiteral("no preset named \"%1\"").arg(options.name));
            return ExitUsage;
        }
        if (options.file.isEmpty() || options.file == QLatin1String("-")) {
            Console::out(QString::fromUtf8(QJsonDocument(presets.preset(options.name)->toJson())
                                               .toJson(QJsonDocument::Indented)));
            return ExitSuccess;
        }
        if (!presets.exportToFile(options.name, options.file, &error)) {
            Console::err(QStringLiteral("error: %1").arg(error));
            return ExitUsage;
        }
        Console::err(
            QStringLiteral("exported preset \"%1\" to %2").arg(options.name, options.file));
        return ExitSuccess;
    }
    case PresetsAction::Import: {
        if (isWorkflowFile(options.file)) // an Arazzo workflow, not a preset file
            return importWorkflow(options, &presets);
        QStringList problems;
        const QStringList imported = presets.importFromFile(options.file, &problems);
        if (!problems.isEmpty()) {
            Console::err(QStringLiteral("%1: nothing imported:").arg(options.file));
            for (const QString &problem : problems)
                Console::err(QStringLiteral("  %1").arg(problem));
            return ExitUsage;
        }
        for (const QString &name : imported)
            Console::err(QStringLiteral("imported preset \"%1\"").arg(name));
        return ExitSuccess;
    }
    case PresetsAction::Publish: // a workspace command: TeamPresetsCommand, from CliRunner
        break;
    }
    return ExitUsage;
}

} // namespace Brickrun::Cli
