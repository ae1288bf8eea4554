// SPDX-License-Identifier: Apache-2.0
#include "TeamPresetsCommand.h"

#include "CliRunner.h"
#include "Console.h"
#include "store/Database.h"
#include "store/PresetStore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <utility>

namespace Brickrun::Cli {

namespace {

QString timeOf(qint64 epochMs)
{
    return epochMs > 0 ? QDateTime::fromMSecsSinceEpoch(epochMs).toString(Qt::ISODate)
                       : QStringLiteral("-");
}

} // namespace

TeamPresetsCommand::TeamPresetsCommand(const CliOptions &options, HttpTransport *transport,
                                       QString workspace, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_api(transport)
    , m_team(&m_api, &m_cache, std::move(workspace))
{}

int TeamPresetsCommand::failure(const ApiError &error, const QString &doing)
{
    Console::err(QStringLiteral("error: %1: %2").arg(doing, error.toString()));
    return CliRunner::exitCodeFor(error);
}

void TeamPresetsCommand::run(std::function<void(int)> done)
{
    m_team.resolveFolder(m_options.teamFolder, [this, done](const Result<QString> &folder) {
        if (!folder)
            return done(failure(folder.error(), QStringLiteral("finding your home folder")));
        if (m_options.presetsAction == PresetsAction::Publish)
            publish(folder.value(), done);
        else
            list(folder.value(), done);
    });
}

void TeamPresetsCommand::publish(const QString &folder, std::function<void(int)> done)
{
    Database database(Database::defaultPath());
    QString error;
    if (!database.open(&error)) {
        Console::err(QStringLiteral("error: the presets cannot be opened: %1").arg(error));
        return done(ExitApi);
    }
    const std::optional<Preset> preset = PresetStore(&database).preset(m_options.name);
    if (!preset) {
        Console::err(QStringLiteral("no preset named \"%1\" on this computer (see: brickrun-cli "
                                    "presets list)")
                         .arg(m_options.name));
        return done(ExitUsage);
    }
    m_team.publish(
        *preset, folder, m_options.force, [done](const TeamPresets::PublishOutcome &outcome) {
            using Status = TeamPresets::PublishOutcome::Status;
            switch (outcome.status) {
            case Status::Published:
            case Status::Unchanged:
                Console::err(outcome.message);
                return done(ExitSuccess);
            case Status::Conflict:
                Console::err(QStringLiteral("conflict: %1.").arg(outcome.message));
                if (outcome.theirs)
                    Console::err(QStringLiteral("  theirs: %1, modified %2")
                                     .arg(outcome.theirs->preset.spec.taskPath(),
                                          timeOf(outcome.theirs->modifiedAt)));
                Console::err(QStringLiteral("  to replace theirs with yours: "
                                            "brickrun-cli presets publish NAME "
                                            "--force"));
                return done(ExitRunFailed);
            case Status::ReadOnly:
                Console::err(QStringLiteral("error: %1").arg(outcome.message));
                return done(ExitAuth);
            case Status::Refused:
                Console::err(QStringLiteral("error: not published: %1").arg(outcome.message));
                return done(ExitUsage);
            case Status::Failed:
                Console::err(QStringLiteral("error: %1").arg(outcome.message));
                return done(CliRunner::exitCodeFor(outcome.error));
            }
        });
}

void TeamPresetsCommand::list(const QString &folder, std::function<void(int)> done)
{
    m_team.refresh(folder, [this, done](const Result<TeamPresets::Listing> &r) {
        if (!r)
            return done(failure(r.error(), QStringLiteral("reading the team presets")));
        const TeamPresets::Listing &listing = r.value();
        for (const QString &problem : listing.problems)
            Console::err(QStringLiteral("warning: %1").arg(problem));
        if (m_options.json) {
            QJsonArray presets;
            for (const TeamPreset &p : listing.presets) {
                QJsonObject o = p.preset.toJson();
                o.insert(QStringLiteral("workspacePath"), p.path);
                o.insert(QStringLiteral("modifiedAt"), static_cast<double>(p.modifiedAt));
                presets.append(o);
            }
            const QJsonObject answer{{QStringLiteral("folder"), listing.folder},
                                     {QStringLiteral("readOnly"), listing.readOnly},
                                     {QStringLiteral("presets"), presets}};
            Console::out(QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Compact)));
            return done(ExitSuccess);
        }
        QString out =
            QStringLiteral("Team presets in %1%2:\n")
                .arg(listing.folder, listing.readOnly ? QStringLiteral(" (read-only)") : QString());
        if (listing.presets.isEmpty())
            out += listing.folderMissing
                       ? QStringLiteral("  none yet (the folder is made by the first publish)\n")
                       : QStringLiteral("  none yet\n");
        for (const TeamPreset &p : listing.presets) {
            const RunSpec &s = p.preset.spec;
            out += QStringLiteral("  %1  %2  %3\n")
                       .arg(p.preset.name.leftJustified(20), s.taskPath().leftJustified(28),
                            timeOf(p.modifiedAt));
        }
        Console::write(out);
        done(ExitSuccess);
    });
}

void TeamPresetsCommand::fetch(const QString &name,
                               std::function<void(const std::optional<Preset> &, int)> then)
{
    m_team.resolveFolder(m_options.teamFolder, [this, name, then](const Result<QString> &folder) {
        if (!folder)
            return then(std::nullopt,
                        failure(folder.error(), QStringLiteral("finding your home folder")));
        m_team.refresh(folder.value(), [this, name, then](const Result<TeamPresets::Listing> &r) {
            if (!r)
                return then(std::nullopt,
                            failure(r.error(), QStringLiteral("reading the team presets")));
            for (const TeamPreset &p : r.value().presets) {
                if (p.preset.name == name) {
                    Console::err(QStringLiteral("team preset \"%1\" from %2 (modified %3)")
                                     .arg(name, p.path, timeOf(p.modifiedAt)));
                    return then(p.preset, ExitSuccess);
                }
            }
            Console::err(QStringLiteral("--team-preset: no team preset named \"%1\" in %2 (see: "
                                        "brickrun-cli presets list --team)")
                             .arg(name, r.value().folder));
            then(std::nullopt, ExitUsage);
        });
    });
}

} // namespace Brickrun::Cli
