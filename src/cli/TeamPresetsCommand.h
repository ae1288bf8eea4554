// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "CliOptions.h"
#include "api/WorkspaceApi.h"
#include "share/TeamPresetCache.h"
#include "share/TeamPresets.h"

#include <QObject>

#include <functional>
#include <optional>

namespace Brickrun {
class HttpTransport;
}

namespace Brickrun::Cli {

// The team presets commands on a connected workspace (docs/team-presets.md):
// `presets publish NAME [--folder PATH] [--force]`, `presets list --team [--folder PATH]`, and
// reading the preset of `submit --team-preset NAME`. Progress and problems go to stderr,
// listings to stdout (JSON with --json).
class TeamPresetsCommand : public QObject
{
    Q_OBJECT
public:
    // workspace: the key of the workspace in the local cache ("demo" or the host's origin).
    TeamPresetsCommand(const CliOptions &options, HttpTransport *transport, QString workspace,
                       QObject *parent = nullptr);

    // presets publish or presets list --team; `done` gets the exit code.
    void run(std::function<void(int)> done);
    // The team preset named `name`, or nothing and the exit code to leave with.
    void fetch(const QString &name,
               std::function<void(const std::optional<Preset> &, int exitCode)> then);

private:
    void publish(const QString &folder, std::function<void(int)> done);
    void list(const QString &folder, std::function<void(int)> done);
    int failure(const ApiError &error, const QString &doing);

    CliOptions m_options;
    WorkspaceApi m_api;
    TeamPresetCache m_cache;
    TeamPresets m_team;
};

} // namespace Brickrun::Cli
