// SPDX-License-Identifier: Apache-2.0
// Past ~600 lines: one function per command's options would read better; kept together so that
// every option's "only for" rule is in one place (issue #17 may split it).
#include "CliOptions.h"

#include "EnvironmentCredentials.h"
#include "RunLimitOptions.h"
#include "RunSpecOptions.h"
#include "ShareOptions.h"
#include "TeamPresetOptions.h"
#include "auth/Credentials.h"
#include "auth/OAuthClient.h"
#include "config/ProfileStore.h"
#include "config/WorkspaceUrl.h"
#include "store/Database.h"
#include "store/PresetStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QProcessEnvironment>

#include <algorithm>

namespace Brickrun::Cli {

namespace {

const char *const Usage = R"(Usage:
  brickrun-cli submit (--demo | --host URL | --profile NAME)
                      (--notebook PATH [--param KEY=VALUE]...
                       | --python-file PATH [--arg VALUE]...)
                      (--cluster ID
                       | --serverless [--environment-version V] [--dependency SPEC]...
                       | --new-cluster-runtime KEY --node-type ID
                         [--workers N | --autoscale MIN:MAX] [--photon])
                      [--git-url URL [--git-provider P]
                       (--git-branch B | --git-tag T | --git-commit SHA)]
                      [--run-name NAME] [--task-key KEY]
                      [--run-timeout DURATION] [--max-retries N]
                      [--min-retry-interval DURATION] [--retry-on-timeout]
                      [--no-wait] [--timeout DURATION] [--json]
  brickrun-cli status RUN_ID  (--demo | --host URL | --profile NAME) [--json]
  brickrun-cli output RUN_ID  (--demo | --host URL | --profile NAME) [--json]
  brickrun-cli cancel RUN_ID  (--demo | --host URL | --profile NAME) [--no-wait] [--json]
  brickrun-cli resume (--demo | --host URL | --profile NAME) [--timeout DURATION] [--json]
  brickrun-cli runs [--active] [--profile NAME] [--json]
  brickrun-cli submit --preset NAME [any submit option, to override the preset's]
  brickrun-cli presets list [--json] | show NAME | export NAME [FILE] | import FILE
  brickrun-cli presets export NAME --as cli|curl|python|arazzo [FILE]
  brickrun-cli presets import WORKFLOW.arazzo.yaml [--input NAME=VALUE]...
  brickrun-cli runs show RUN_ID --as cli|curl|python|arazzo [--profile NAME]
  brickrun-cli presets publish NAME [--folder PATH] [--force]  (--demo | --host | --profile)
  brickrun-cli presets list --team [--folder PATH] [--json]    (--demo | --host | --profile)
  brickrun-cli submit --team-preset NAME [--folder PATH] [any submit option]
  brickrun-cli profiles list [--json]
  brickrun-cli profiles add NAME --host URL [--token-stdin] [--cluster ID] [--ca-file FILE]
                                 [--default]
  brickrun-cli profiles remove NAME | test NAME
  brickrun-cli profiles import-databrickscfg [--profile P]
  brickrun-cli --help | --version

Submits a one-time notebook or Python file run to Azure Databricks (on an existing cluster,
serverless compute or a new job cluster; from the workspace or a Git repository), follows it
until it ends and prints its result. Every run is kept in the local history; `resume` follows the runs of a workspace that
were still active when brickrun-cli stopped (or crashed) to their end, without starting them
twice. --demo uses the built-in demo workspace (no account needed). A profile keeps a
workspace's URL in the settings and its token in the OS keychain; without --demo, --host or
--profile the default profile is used. With --host (or DATABRICKS_HOST) the token comes from
DATABRICKS_TOKEN. A token is never taken from the command line.

Exit codes: 0 run succeeded, 1 run ended otherwise, 2 invalid usage or input,
3 authentication or permission refused, 4 API or network error, 5 --timeout reached,
130 left by a second Ctrl-C, 143 stopped by SIGTERM (the run goes on).)";

Command commandFromName(const QString &name)
{
    static const QHash<QString, Command> commands{{QStringLiteral("submit"), Command::Submit},
                                                  {QStringLiteral("status"), Command::Status},
                                                  {QStringLiteral("output"), Command::Output},
                                                  {QStringLiteral("cancel"), Command::Cancel},
                                                  {QStringLiteral("profiles"), Command::Profiles},
                                                  {QStringLiteral("resume"), Command::Resume},
                                                  {QStringLiteral("runs"), Command::Runs},
                                                  {QStringLiteral("presets"), Command::Presets}};
    return commands.value(name, Command::None);
}

// --timeout DURATION: from 1 second to 30 days (a longer wait is not a timeout), rounded up to
// whole seconds.
std::chrono::seconds parseTimeout(const QString &text, QStringList *errors)
{
    constexpr qint64 MaxMillis = qint64(30) * 24 * 3600 * 1000;
    const auto ms = RunLimitOptions::duration(
        QStringLiteral("timeout"), text, 1000, MaxMillis,
        QStringLiteral("%1 seconds (30 days); leave it out to wait as long as the run takes")
            .arg(MaxMillis / 1000),
        errors);
    return std::chrono::seconds(ms ? (*ms + 999) / 1000 : 0);
}

} // namespace

bool CliOptions::parse(const QStringList &arguments, CliOptions *out, QStringList *errors,
                       QString *helpText, QString *versionText, const Preset *teamPreset)
{
    QCommandLineParser parser;
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        QStringLiteral("Show this help."));
    const QCommandLineOption versionOption({QStringLiteral("v"), QStringLiteral("version")},
                                           QStringLiteral("Show the version."));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Use the built-in demo workspace."));
    const QCommandLineOption host(
        QStringLiteral("host"),
        QStringLiteral("Workspace URL, e.g. https://adb-1.2.azuredatabricks.net."),
        QStringLiteral("URL"));
    const QCommandLineOption profile(
        QStringLiteral("profile"),
        QStringLiteral(
            "A stored workspace profile (for import-databrickscfg: the file's profile)."),
        QStringLiteral("NAME"));
    const QCommandLineOption cluster(
        QStringLiteral("cluster"),
        QStringLiteral("Id of an existing all-purpose cluster (for profiles add: the default)."),
        QStringLiteral("ID"));
    const QCommandLineOption noWait(
        QStringLiteral("no-wait"), QStringLiteral("Return once the service accepted the request."));
    const QCommandLineOption timeout(
        QStringLiteral("timeout"),
        QStringLiteral("Stop waiting after DURATION (90, 15m, 2h; the run goes on). Default: wait "
                       "until it ends. Not --run-timeout, which the service enforces."),
        QStringLiteral("DURATION"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print one JSON object on stdout."));
    const QCommandLineOption tokenStdin(
        QStringLiteral("token-stdin"),
        QStringLiteral("profiles add: read the token from standard input into the keychain."));
    const QCommandLineOption caFile(
        QStringLiteral("ca-file"),
        QStringLiteral("PEM file of CA certificates to trust for this workspace."),
        QStringLiteral("FILE"));
    const QCommandLineOption makeDefault(
        QStringLiteral("default"), QStringLiteral("profiles add: make it the default profile."));
    const QCommandLineOption preset(QStringLiteral("preset"),
                                    QStringLiteral("submit: start from this saved preset."),
                                    QStringLiteral("NAME"));
    const QCommandLineOption active(QStringLiteral("active"),
                                    QStringLiteral("runs: only the runs still being followed."));
    const QCommandLineOption auth(
        QStringLiteral("auth"),
        QStringLiteral("profiles add: how to sign in: oauth (browser, the default), azure-cli, "
                       "oauth-m2m, azure-client-secret or pat."),
        QStringLiteral("METHOD"));
    const QCommandLineOption clientId(
        QStringLiteral("client-id"),
        QStringLiteral("profiles add: the service principal's application (client) id."),
        QStringLiteral("ID"));
    const QCommandLineOption tenant(
        QStringLiteral("tenant"),
        QStringLiteral("profiles add: the Entra ID tenant (azure-client-secret, azure-cli)."),
        QStringLiteral("ID"));
    const QCommandLineOption authority(
        QStringLiteral("authority"),
        QStringLiteral("profiles add: the Entra ID authority (default "
                       "https://login.microsoftonline.com)."),
        QStringLiteral("URL"));
    const QCommandLineOption clientSecretStdin(
        QStringLiteral("client-secret-stdin"),
        QStringLiteral("profiles add: read the client secret from standard input into the "
                       "keychain."));
    const QCommandLineOption noBrowser(
        QStringLiteral("no-browser"),
        QStringLiteral("profiles login/add: print the sign-in address instead of opening a "
                       "browser."));
    // Accepted only to explain why it is refused: other users can read command lines.
    QCommandLineOption token(QStringLiteral("token"), QString(), QStringLiteral("TOKEN"));
    token.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({helpOption, versionOption, demo, host, profile, cluster});
    const QList<QCommandLineOption> specOptions = RunSpecOptions::options();
    parser.addOptions(specOptions);
    parser.addOptions({noWait, timeout, json, tokenStdin, caFile, makeDefault, active, preset,
                       token, auth, clientId, tenant, authority, clientSecretStdin, noBrowser});
    const QList<QCommandLineOption> runLimits = RunLimitOptions::options();
    parser.addOptions(runLimits);
    parser.addOptions(TeamPresetOptions::options());
    parser.addOptions(ShareOptions::options());
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QStringLiteral("submit, status, output, cancel or profiles"));

    if (!parser.parse(arguments)) {
        *errors << parser.errorText();
        return false;
    }
    if (parser.isSet(helpOption)) {
        // Our usage and description, then Qt's list of options and arguments (without its own
        // one-line "Usage: PATH [options] command", which would say it a second time).
        const QString generated = parser.helpText();
        const qsizetype options = generated.indexOf(QLatin1String("Options:"));
        *helpText = QString::fromUtf8(Usage) + QStringLiteral("\n\n") +
                    (options >= 0 ? generated.mid(options) : generated);
        return false;
    }
    if (parser.isSet(versionOption)) {
        *versionText = QStringLiteral("brickrun-cli %1").arg(QStringLiteral(BRICKRUN_VERSION));
        return false;
    }
    if (parser.isSet(token))
        *errors << QStringLiteral("--token: tokens are not accepted on the command line (other "
                                  "users can read it); set DATABRICKS_TOKEN, or store it in a "
                                  "profile with: brickrun-cli profiles add NAME --host URL "
                                  "--token-stdin");

    CliOptions o;
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        *errors << QStringLiteral("no command given: use submit, status, output, cancel, "
                                  "resume, runs or profiles (see --help)");
        return false;
    }
    o.command = commandFromName(positional.first());
    if (o.command == Command::None) {
        *errors << QStringLiteral("unknown command \"%1\": use submit, status, output, cancel, "
                                  "resume, runs or profiles")
                       .arg(positional.first());
        return false;
    }

    auto onlyFor = [&](const QCommandLineOption &option, std::initializer_list<Command> commands,
                       const QString &what) {
        if (parser.isSet(option) &&
            std::find(commands.begin(), commands.end(), o.command) == commands.end())
            *errors << QStringLiteral("--%1 is only for %2").arg(option.names().constLast(), what);
    };
    onlyFor(cluster, {Command::Submit, Command::Profiles},
            QStringLiteral("submit and profiles add"));
    for (const QCommandLineOption &option : specOptions)
        onlyFor(option, {Command::Submit}, QStringLiteral("submit"));
    onlyFor(timeout, {Command::Submit, Command::Resume}, QStringLiteral("submit and resume"));
    onlyFor(active, {Command::Runs}, QStringLiteral("runs"));
    onlyFor(preset, {Command::Submit}, QStringLiteral("submit"));
    for (const QCommandLineOption &limit : runLimits)
        onlyFor(limit, {Command::Submit}, QStringLiteral("submit"));
    onlyFor(noWait, {Command::Submit, Command::Cancel}, QStringLiteral("submit and cancel"));
    onlyFor(tokenStdin, {Command::Profiles}, QStringLiteral("profiles add"));
    onlyFor(makeDefault, {Command::Profiles}, QStringLiteral("profiles add"));
    for (const auto *opt : {&auth, &clientId, &tenant, &authority, &clientSecretStdin, &noBrowser})
        onlyFor(*opt, {Command::Profiles}, QStringLiteral("profiles add"));
    TeamPresetOptions::apply(parser, positional, &o, errors);
    ShareOptions::apply(parser, positional, &o, errors);
    o.arguments = arguments;
    o.noWait = parser.isSet(noWait);
    o.json = parser.isSet(json);

    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    ProfileStore store;

    // For every command, profiles test included.
    const QString budget = env.value(QStringLiteral("BRICKRUN_RETRY_BUDGET"));
    if (!budget.isEmpty()) {
        bool ok = false;
        const qint64 seconds = budget.toLongLong(&ok);
        if (!ok || seconds < 0)
            *errors << QStringLiteral("BRICKRUN_RETRY_BUDGET \"%1\": expected a whole number of "
                                      "seconds (0 = no retries)")
                           .arg(budget);
        else
            o.retryBudget = std::chrono::seconds(seconds);
    }

    if (o.command == Command::Profiles) {
        const QString action = positional.value(1);
        const QMap<QString, ProfilesAction> actions{
            {QStringLiteral("list"), ProfilesAction::List},
            {QStringLiteral("add"), ProfilesAction::Add},
            {QStringLiteral("remove"), ProfilesAction::Remove},
            {QStringLiteral("test"), ProfilesAction::Test},
            {QStringLiteral("login"), ProfilesAction::Login},
            {QStringLiteral("logout"), ProfilesAction::Logout},
            {QStringLiteral("import-databrickscfg"), ProfilesAction::ImportDatabricksCfg}};
        if (!actions.contains(action)) {
            *errors << (action.isEmpty()
                            ? QStringLiteral("profiles: missing action (list, add, remove, test, "
                                             "login, logout or import-databrickscfg)")
                            : QStringLiteral("profiles: unknown action \"%1\" (list, add, remove, "
                                             "test, login, logout or import-databrickscfg)")
                                  .arg(action));
            return false;
        }
        o.profilesAction = actions.value(action);
        const bool takesName =
            o.profilesAction == ProfilesAction::Add || o.profilesAction == ProfilesAction::Remove ||
            o.profilesAction == ProfilesAction::Test || o.profilesAction == ProfilesAction::Login ||
            o.profilesAction == ProfilesAction::Logout;
        if (takesName) {
            o.name = positional.value(2);
            if (o.name.isEmpty())
                *errors << QStringLiteral("profiles %1: missing NAME").arg(action);
            else if (const QString why = Profile::checkName(o.name); !why.isEmpty())
                *errors << why;
            else if (o.profilesAction != ProfilesAction::Add && !store.contains(o.name))
                *errors << QStringLiteral("no profile named \"%1\" (see: brickrun-cli profiles "
                                          "list)")
                               .arg(o.name);
        }
        if (positional.size() > (takesName ? 3 : 2))
            *errors << QStringLiteral("unexpected argument \"%1\"").arg(positional.last());
        const bool adding = o.profilesAction == ProfilesAction::Add;
        if (!adding) {
            for (const auto *opt : {&host, &tokenStdin, &caFile, &makeDefault, &cluster, &demo,
                                    &auth, &clientId, &tenant, &authority, &clientSecretStdin}) {
                if (parser.isSet(*opt))
                    *errors << QStringLiteral("--%1 is only for profiles add")
                                   .arg(opt->names().constLast());
            }
            if (parser.isSet(noBrowser) && o.profilesAction != ProfilesAction::Login)
                *errors << QStringLiteral("--no-browser is only for profiles login and add");
        }
        o.noBrowser = parser.isSet(noBrowser);
        if (parser.isSet(profile) && o.profilesAction != ProfilesAction::ImportDatabricksCfg)
            *errors << QStringLiteral("--profile is not for profiles %1 (name the profile as "
                                      "NAME)")
                           .arg(action);
        o.cfgProfile = parser.value(profile);
        if (adding) {
            if (!parser.isSet(host)) {
                *errors << QStringLiteral("--host: missing (the workspace URL)");
            } else {
                QString why;
                o.host = WorkspaceUrl::parse(parser.value(host), &why);
                if (!o.host.isValid())
                    *errors << QStringLiteral("--host: %1").arg(why);
            }
            o.tokenFromStdin = parser.isSet(tokenStdin);
            o.clientSecretFromStdin = parser.isSet(clientSecretStdin);
            o.authGiven = parser.isSet(auth);
            if (o.authGiven) {
                o.authType = AuthType::fromUserWord(parser.value(auth));
                if (o.authType.isEmpty())
                    *errors << QStringLiteral("--auth \"%1\": expected oauth, azure-cli, "
                                              "oauth-m2m, azure-client-secret or pat")
                                   .arg(parser.value(auth));
            } else {
                // A token on stdin means a PAT, as before; else the browser, as a new user expects.
                o.authType = o.tokenFromStdin ? AuthType::Pat : AuthType::OAuthU2M;
            }
            o.clientId = parser.value(clientId).trimmed();
            o.tenantId = parser.value(tenant).trimmed();
            o.authority = parser.value(authority).trimmed();
            const QString &t = o.authType;
            const bool servicePrincipal =
                t == AuthType::OAuthM2M || t == AuthType::AzureClientSecret;
            if (o.tokenFromStdin && t != AuthType::Pat && !t.isEmpty())
                *errors << QStringLiteral("--token-stdin is only for --auth pat");
            if (o.clientSecretFromStdin && !servicePrincipal && !t.isEmpty())
                *errors << QStringLiteral("--client-secret-stdin is only for --auth oauth-m2m and "
                                          "azure-client-secret");
            if (servicePrincipal && o.clientId.isEmpty())
                *errors << QStringLiteral("--client-id: missing (the service principal's "
                                          "application id)");
            if (parser.isSet(clientId) && !servicePrincipal && !t.isEmpty())
                *errors << QStringLiteral("--client-id is only for --auth oauth-m2m and "
                                          "azure-client-secret");
            if (t == AuthType::AzureClientSecret && o.tenantId.isEmpty())
                *errors << QStringLiteral("--tenant: missing (the Entra ID tenant id)");
            if (parser.isSet(tenant) && t != AuthType::AzureClientSecret &&
                t != AuthType::AzureCli && !t.isEmpty())
                *errors << QStringLiteral("--tenant is only for --auth azure-client-secret and "
                                          "azure-cli");
            if (parser.isSet(authority) && t != AuthType::AzureClientSecret && !t.isEmpty())
                *errors << QStringLiteral("--authority is only for --auth azure-client-secret");
            else if (!o.authority.isEmpty())
                if (const QString why = OAuthClient::checkEndpoint(QUrl(o.authority));
                    !why.isEmpty())
                    *errors << QStringLiteral("--authority: %1").arg(why);
            if (o.tokenFromStdin && o.clientSecretFromStdin)
                *errors << QStringLiteral("--token-stdin and --client-secret-stdin: choose one");
            o.makeDefault = parser.isSet(makeDefault);
            o.spec.clusterId = parser.value(cluster);
            o.caFile = parser.value(caFile);
            if (!o.caFile.isEmpty() && !QFileInfo(o.caFile).isFile())
                *errors << QStringLiteral("--ca-file \"%1\": no such file").arg(o.caFile);
            else if (!o.caFile.isEmpty())
                o.caFile = QFileInfo(o.caFile).absoluteFilePath();
        }
        if (!errors->isEmpty())
            return false;
        *out = o;
        return true;
    }

    if (o.command == Command::Presets) {
        const QString action = positional.value(1);
        const QMap<QString, PresetsAction> actions{
            {QStringLiteral("list"), PresetsAction::List},
            {QStringLiteral("show"), PresetsAction::Show},
            {QStringLiteral("export"), PresetsAction::Export},
            {QStringLiteral("import"), PresetsAction::Import},
            {QStringLiteral("publish"), PresetsAction::Publish}};
        if (!actions.contains(action)) {
            *errors << QStringLiteral("presets: %1 (list, show, export, import or publish)")
                           .arg(action.isEmpty()
                                    ? QStringLiteral("missing action")
                                    : QStringLiteral("unknown action \"%1\"").arg(action));
            return false;
        }
        o.presetsAction = actions.value(action);
        const int wanted = o.presetsAction == PresetsAction::List     ? 2
                           : o.presetsAction == PresetsAction::Export ? 4
                                                                      : 3;
        const int needed = o.presetsAction == PresetsAction::List ? 2 : 3;
        if (positional.size() < needed)
            *errors << QStringLiteral("presets %1: missing %2")
                           .arg(action, o.presetsAction == PresetsAction::Import
                                            ? QStringLiteral("FILE")
                                            : QStringLiteral("NAME"));
        if (positional.size() > wanted)
            *errors << QStringLiteral("unexpected argument \"%1\"").arg(positional.at(wanted));
        if (o.presetsAction == PresetsAction::Import)
            o.file = positional.value(2);
        else
            o.name = positional.value(2);
        if (o.presetsAction == PresetsAction::Export)
            o.file = positional.value(3);
        if (!errors->isEmpty())
            return false;
        if (!TeamPresetOptions::needsWorkspace(o)) {
            *out = o;
            return true;
        } // publish and list --team go on: they need a workspace
    }

    if (o.command == Command::Runs) {
        if (positional.size() > 1 && !o.runsShow) // runs show RUN_ID: ShareOptions
            *errors << QStringLiteral("unexpected argument \"%1\"").arg(positional.at(1));
        for (const auto *opt : {&demo, &host, &specOptions.first(), &cluster, &noWait, &timeout})
            if (parser.isSet(*opt))
                *errors << QStringLiteral("--%1 is not for runs").arg(opt->names().constLast());
        o.activeOnly = parser.isSet(active);
        o.runsProfile = parser.value(profile);
        if (!errors->isEmpty())
            return false;
        *out = o;
        return true;
    }

    if (o.command == Command::Resume) {
        if (positional.size() > 1)
            *errors << QStringLiteral("unexpected argument \"%1\"").arg(positional.at(1));
        if (parser.isSet(timeout))
            o.timeout = parseTimeout(parser.value(timeout), errors);
    } else if (o.command == Command::Submit) {
        if (positional.size() > 1)
            *errors << QStringLiteral("submit takes no RUN_ID (got \"%1\")").arg(positional.at(1));
        if (teamPreset)
            o.spec = teamPreset->spec; // read from the workspace; the options override it
        if (parser.isSet(preset)) {
            // The preset first; every option given on the command line overrides it.
            o.presetName = parser.value(preset);
            Database database(Database::defaultPath());
            QString why;
            std::optional<Preset> found;
            if (database.open(&why))
                found = PresetStore(&database).preset(o.presetName);
            if (!found) {
                *errors << QStringLiteral("--preset: no preset named \"%1\"%2 (see: brickrun-cli "
                                          "presets list)")
                               .arg(o.presetName,
                                    why.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(why));
                return false;
            }
            o.spec = found->spec;
            if (!parser.isSet(profile) && !parser.isSet(host) && !parser.isSet(demo) &&
                !found->profile.isEmpty()) {
                if (found->profile == QLatin1String("demo"))
                    o.demo = true;
                else
                    o.profileName = found->profile;
            }
        }
        RunSpecOptions::apply(parser, &o.spec, errors);
        RunLimitOptions::apply(parser, &o.spec, errors);
        if (parser.isSet(timeout))
            o.timeout = parseTimeout(parser.value(timeout), errors);
    } else if (o.command != Command::Presets) {
        if (positional.size() < 2) {
            *errors << QStringLiteral("%1: missing RUN_ID").arg(positional.first());
        } else {
            bool ok = false;
            o.runId = positional.at(1).toLongLong(&ok);
            if (!ok || o.runId <= 0)
                *errors << QStringLiteral("RUN_ID \"%1\": expected a positive whole number")
                               .arg(positional.at(1));
        }
        if (positional.size() > 2)
            *errors << QStringLiteral("unexpected argument \"%1\"").arg(positional.at(2));
    }

    // Where and as whom: --demo, --profile, --host / DATABRICKS_HOST, or the default profile
    // (or the preset's workspace, chosen above).
    const QString presetProfile = o.profileName;
    o.demo = o.demo || parser.isSet(demo);
    const int chosen = int(o.demo) + int(parser.isSet(host)) + int(parser.isSet(profile));
    if (chosen > 1)
        *errors << QStringLiteral("--demo, --host and --profile: choose one");
    QString hostText = parser.value(host);
    if (!o.demo && hostText.isEmpty() && !parser.isSet(profile) && presetProfile.isEmpty())
        hostText = env.value(QStringLiteral("DATABRICKS_HOST"));
    if (!o.demo && hostText.isEmpty()) {
        o.profileName = parser.isSet(profile)      ? parser.value(profile)
                        : !presetProfile.isEmpty() ? presetProfile
                                                   : store.defaultProfile();
        if (o.profileName.isEmpty()) {
            *errors << QStringLiteral("no workspace: pass --demo, --profile NAME or --host URL "
                                      "(or set DATABRICKS_HOST), or add a profile with: "
                                      "brickrun-cli profiles add NAME --host URL --token-stdin");
        } else if (const auto p = store.profile(o.profileName)) {
            o.host = p->host;
            o.caFile = p->caFile;
            if (o.spec.clusterId.isEmpty() && o.spec.compute.isExistingCluster())
                o.spec.clusterId = p->clusterId;
            if (!o.host.isValid())
                *errors << QStringLiteral("profile \"%1\" has no valid host; add it again")
                               .arg(o.profileName);
        } else {
            *errors << QStringLiteral("no profile named \"%1\" (see: brickrun-cli profiles list)")
                           .arg(o.profileName);
        }
    } else if (!o.demo) {
        QString why;
        o.host = WorkspaceUrl::parse(hostText, &why);
        if (!o.host.isValid())
            *errors << QStringLiteral("--host: %1").arg(why);
        EnvironmentCredentials::read(env, &o, errors);
    }
    if (!o.demo && !o.profileName.isEmpty()) {
        // --profile always wins over the environment; say so, as the official CLI does not.
        QStringList unused;
        for (const char *name : EnvironmentCredentials::Variables)
            if (!env.value(QLatin1String(name)).isEmpty())
                unused << QLatin1String(name);
        if (!unused.isEmpty())
            o.notices << QStringLiteral("note: profile \"%1\" is used; the environment's %2 %3 "
                                        "not")
                             .arg(o.profileName, unused.join(QStringLiteral(", ")),
                                  unused.size() == 1 ? QStringLiteral("is")
                                                     : QStringLiteral("are"));
    }
    if (parser.isSet(caFile)) {
        o.caFile = parser.value(caFile);
        if (!QFileInfo(o.caFile).isFile())
            *errors << QStringLiteral("--ca-file \"%1\": no such file").arg(o.caFile);
    }

    // Without the team preset yet (it is read from the workspace first), the spec is not whole.
    if (o.command == Command::Submit && (o.teamPresetName.isEmpty() || teamPreset))
        RunSpecOptions::check(o.spec, errors);

    if (!errors->isEmpty())
        return false;
    *out = o;
    return true;
}

} // namespace Brickrun::Cli
