// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/Preset.h"
#include "model/RunSpec.h"

#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>

namespace Brickrun::Cli {

// Exit codes: scripts depend on them (docs/cli.md).
enum ExitCode : int
{
    ExitSuccess = 0,       // the run ended SUCCESS (or the command did what it was asked)
    ExitRunFailed = 1,     // the run ended otherwise: FAILED, TIMEDOUT, CANCELED, SKIPPED…
    ExitUsage = 2,         // invalid usage or input
    ExitAuth = 3,          // authentication or permission refused
    ExitApi = 4,           // API or network error after retries
    ExitTimeout = 5,       // --timeout reached; the run goes on
    ExitInterrupted = 130, // a second Ctrl-C: left at once
    ExitTerminated = 143   // SIGTERM: left at once, the run goes on
};

enum class Command
{
    None,
    Submit,
    Status,
    Output,
    Cancel,
    Resume,
    Runs,
    Profiles,
    Presets
};

enum class PresetsAction
{
    List,
    Show,
    Export,
    Import,
    Publish // a local preset into a workspace folder (team presets)
};

enum class ProfilesAction
{
    List,
    Add,
    Remove,
    Test,
    ImportDatabricksCfg,
    Login,
    Logout
};

struct CliOptions
{
    Command command = Command::None;
    bool demo = false;
    // A workspace comes from --demo, a stored profile (token in the keychain), or --host /
    // DATABRICKS_HOST with the token from DATABRICKS_TOKEN.
    QString profileName; // set when the workspace is a stored profile
    QUrl host;           // normalised workspace origin (not for --demo)
    QString token;       // from the environment, never from an argument
    QString caFile;      // extra CA certificates for the host (profile or --ca-file)
    // How --host / DATABRICKS_HOST signs in (from DATABRICKS_AUTH_TYPE or the credentials the
    // environment holds), and that method's secret (DATABRICKS_TOKEN, a client secret…).
    QString authType;
    QString clientId;
    QString tenantId;
    QString authority;
    QString secret;
    // Said once on stderr before the command runs (e.g. environment variables not used).
    QStringList notices;

    ProfilesAction profilesAction = ProfilesAction::List;
    QString name;       // the profile a profiles command acts on
    QString cfgProfile; // profiles import-databrickscfg --profile P
    bool tokenFromStdin = false;
    bool clientSecretFromStdin = false;
    bool noBrowser = false; // profiles login / add: print the sign-in address, open nothing
    bool authGiven = false; // profiles add: --auth was given
    bool makeDefault = false;
    PresetsAction presetsAction = PresetsAction::List;
    QString file;            // presets export NAME [FILE] / import FILE
    QString presetName;      // submit --preset NAME
    bool activeOnly = false; // runs --active
    QString runsProfile;     // runs --profile P (a filter)
    // Team presets (TeamPresetOptions): presets list --team, --folder, publish --force and
    // submit --team-preset NAME (read from the workspace before the run; the command line is
    // parsed again over it, see parse()).
    bool teamList = false;
    bool force = false;
    QString teamFolder;
    QString teamPresetName;
    // The arguments as given, for that second parse.
    QStringList arguments;
    // Sharing a run (ShareOptions): presets export NAME --as FORMAT, runs show RUN_ID --as
    // FORMAT (runId is then the run's), presets import FILE --input NAME=VALUE.
    QString exportFormat;
    bool runsShow = false;
    QStringList workflowInputs;
    RunSpec spec;
    qint64 runId = 0;
    bool noWait = false;
    bool json = false;
    std::chrono::seconds timeout{0};
    // How long one request may keep being retried (BRICKRUN_RETRY_BUDGET, seconds; default 300).
    std::chrono::seconds retryBudget{300};

    // Parses the arguments and the environment (DATABRICKS_HOST, DATABRICKS_TOKEN).
    // Returns false with every problem in `errors` (each naming what is wrong); `helpText`
    // or `versionText` are set instead when those were asked for.
    // teamPreset: submit --team-preset's preset once read; the options given override it.
    static bool parse(const QStringList &arguments, CliOptions *out, QStringList *errors,
                      QString *helpText, QString *versionText, const Preset *teamPreset = nullptr);
};

} // namespace Brickrun::Cli
