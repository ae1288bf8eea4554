// SPDX-License-Identifier: Apache-2.0
#include "ShareOptions.h"

#include "CliOptions.h"
#include "share/RunExport.h"

namespace Brickrun::Cli::ShareOptions {

namespace {
const QString As = QStringLiteral("as");
const QString Input = QStringLiteral("input");
} // namespace

QList<QCommandLineOption> options()
{
    return {QCommandLineOption(As,
                               QStringLiteral("presets export, runs show: print the run as "
                                              "FORMAT: cli, curl, python or arazzo."),
                               QStringLiteral("FORMAT")),
            QCommandLineOption(Input,
                               QStringLiteral("presets import of an Arazzo workflow: the value "
                                              "of one of its inputs."),
                               QStringLiteral("NAME=VALUE"))};
}

QHash<QString, QString> inputs(const QStringList &given)
{
    QHash<QString, QString> map;
    for (const QString &pair : given) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        map.insert(pair.left(eq), pair.mid(eq + 1));
    }
    return map;
}

void apply(const QCommandLineParser &parser, const QStringList &positional, CliOptions *o,
           QStringList *errors)
{
    const QString action = positional.value(1);
    const bool presets = o->command == Command::Presets;
    const bool exporting = presets && action == QLatin1String("export");
    const bool importing = presets && action == QLatin1String("import");
    o->runsShow = o->command == Command::Runs && action == QLatin1String("show");

    if (parser.isSet(As)) {
        o->exportFormat = parser.value(As).trimmed().toLower();
        if (!exporting && !o->runsShow)
            *errors << QStringLiteral("--as is only for presets export and runs show");
        else if (!RunExport::formatFromName(o->exportFormat))
            *errors << QStringLiteral("--as \"%1\": expected %2")
                           .arg(parser.value(As),
                                RunExport::formatNames().join(QStringLiteral(", ")));
    }
    if (parser.isSet(Input)) {
        if (!importing)
            *errors << QStringLiteral("--input is only for presets import");
        for (const QString &pair : parser.values(Input)) {
            if (pair.indexOf(QLatin1Char('=')) <= 0)
                *errors << QStringLiteral("--input \"%1\": expected NAME=VALUE").arg(pair);
            else
                o->workflowInputs << pair;
        }
    }
    if (!o->runsShow)
        return;
    if (positional.size() < 3) {
        *errors << QStringLiteral("runs show: missing RUN_ID");
    } else {
        bool ok = false;
        o->runId = positional.at(2).toLongLong(&ok);
        if (!ok || o->runId <= 0)
            *errors << QStringLiteral("RUN_ID \"%1\": expected a positive whole number")
                           .arg(positional.at(2));
    }
    if (positional.size() > 3)
        *errors << QStringLiteral("unexpected argument \"%1\"").arg(positional.at(3));
    if (o->exportFormat.isEmpty())
        *errors << QStringLiteral("runs show: --as is missing (%1)")
                       .arg(RunExport::formatNames().join(QStringLiteral(", ")));
}

} // namespace Brickrun::Cli::ShareOptions
