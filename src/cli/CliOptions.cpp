#include "CliOptions.h"

#include "config/WorkspaceUrl.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QProcessEnvironment>

namespace Brickrun::Cli {

namespace {

const char *const Usage = R"(Usage:
  brickrun-cli submit (--demo | --host URL) --notebook PATH --cluster ID
                      [--run-name NAME] [--task-key KEY] [--param KEY=VALUE]...
                      [--no-wait] [--timeout SECONDS] [--json]
  brickrun-cli status RUN_ID  (--demo | --host URL) [--json]
  brickrun-cli output RUN_ID  (--demo | --host URL) [--json]
  brickrun-cli cancel RUN_ID  (--demo | --host URL) [--no-wait] [--json]
  brickrun-cli --help | --version

Submits a one-time notebook run to Azure Databricks, follows it until it ends and prints its
result. --demo uses the built-in demo workspace (no account needed). The token comes from the
DATABRICKS_TOKEN environment variable, never from the command line; DATABRICKS_HOST works like
--host.

Exit codes: 0 run succeeded, 1 run ended otherwise, 2 invalid usage or input,
3 authentication or permission refused, 4 API or network error, 5 --timeout reached,
130 left at once by a second Ctrl-C.

Options:)";

Command commandFromName(const QString &name)
{
    if (name == QLatin1String("submit"))
        return Command::Submit;
    if (name == QLatin1String("status"))
        return Command::Status;
    if (name == QLatin1String("output"))
        return Command::Output;
    if (name == QLatin1String("cancel"))
        return Command::Cancel;
    return Command::None;
}

} // namespace

bool CliOptions::parse(const QStringList &arguments, CliOptions *out, QStringList *errors,
                       QString *helpText, QString *versionText)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QString::fromUtf8(Usage));
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
    const QCommandLineOption notebook(QStringLiteral("notebook"),
                                      QStringLiteral("Absolute workspace path of the notebook."),
                                      QStringLiteral("PATH"));
    const QCommandLineOption cluster(QStringLiteral("cluster"),
                                     QStringLiteral("Id of an existing all-purpose cluster."),
                                     QStringLiteral("ID"));
    const QCommandLineOption runName(QStringLiteral("run-name"),
                                     QStringLiteral("Name of the run (default: notebook name)."),
                                     QStringLiteral("NAME"));
    const QCommandLineOption taskKey(QStringLiteral("task-key"),
                                     QStringLiteral("Key of the notebook task (default: main)."),
                                     QStringLiteral("KEY"));
    const QCommandLineOption param(QStringLiteral("param"),
                                   QStringLiteral("Notebook parameter; repeat for more."),
                                   QStringLiteral("KEY=VALUE"));
    const QCommandLineOption noWait(
        QStringLiteral("no-wait"), QStringLiteral("Return once the service accepted the request."));
    const QCommandLineOption timeout(
        QStringLiteral("timeout"),
        QStringLiteral(
            "Stop waiting after SECONDS (the run goes on). Default: wait until it ends."),
        QStringLiteral("SECONDS"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print one JSON object on stdout."));
    // Accepted only to explain why it is refused: other users can read command lines.
    QCommandLineOption token(QStringLiteral("token"), QString(), QStringLiteral("TOKEN"));
    token.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({helpOption, versionOption, demo, host, notebook, cluster, runName, taskKey,
                       param, noWait, timeout, json, token});
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QStringLiteral("submit, status, output or cancel"));

    if (!parser.parse(arguments)) {
        *errors << parser.errorText();
        return false;
    }
    if (parser.isSet(helpOption)) {
        *helpText = parser.helpText();
        return false;
    }
    if (parser.isSet(versionOption)) {
        *versionText = QStringLiteral("brickrun-cli %1").arg(QStringLiteral(BRICKRUN_VERSION));
        return false;
    }
    if (parser.isSet(token))
        *errors << QStringLiteral("--token: tokens are not accepted on the command line (other "
                                  "users can read it); set DATABRICKS_TOKEN instead");

    CliOptions o;
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        *errors << QStringLiteral("no command given: use submit, status, output or cancel "
                                  "(see --help)");
        return false;
    }
    o.command = commandFromName(positional.first());
    if (o.command == Command::None) {
        *errors << QStringLiteral("unknown command \"%1\": use submit, status, output or cancel")
                       .arg(positional.first());
        return false;
    }

    auto onlyFor = [&](const QCommandLineOption &option, std::initializer_list<Command> commands,
                       const QString &what) {
        if (parser.isSet(option) &&
            std::find(commands.begin(), commands.end(), o.command) == commands.end())
            *errors << QStringLiteral("--%1 is only for %2").arg(option.names().constLast(), what);
    };
    onlyFor(notebook, {Command::Submit}, QStringLiteral("submit"));
    onlyFor(cluster, {Command::Submit}, QStringLiteral("submit"));
    onlyFor(runName, {Command::Submit}, QStringLiteral("submit"));
    onlyFor(taskKey, {Command::Submit}, QStringLiteral("submit"));
    onlyFor(param, {Command::Submit}, QStringLiteral("submit"));
    onlyFor(timeout, {Command::Submit}, QStringLiteral("submit"));
    onlyFor(noWait, {Command::Submit, Command::Cancel}, QStringLiteral("submit and cancel"));

    if (o.command == Command::Submit) {
        if (positional.size() > 1)
            *errors << QStringLiteral("submit takes no RUN_ID (got \"%1\")").arg(positional.at(1));
        if (!parser.isSet(notebook))
            *errors << QStringLiteral("--notebook: missing (the absolute path of the notebook)");
        if (!parser.isSet(cluster))
            *errors << QStringLiteral("--cluster: missing (the id of an existing cluster)");
        o.spec.notebookPath = parser.value(notebook);
        o.spec.clusterId = parser.value(cluster);
        o.spec.runName = parser.value(runName);
        if (parser.isSet(taskKey))
            o.spec.taskKey = parser.value(taskKey);
        for (const QString &p : parser.values(param)) {
            const int eq = p.indexOf(QLatin1Char('='));
            if (eq <= 0) {
                *errors << QStringLiteral("--param \"%1\": expected KEY=VALUE").arg(p);
                continue;
            }
            o.spec.parameters.append({p.left(eq), p.mid(eq + 1)});
        }
        if (parser.isSet(notebook) && parser.isSet(cluster)) {
            for (const QString &problem : o.spec.validate())
                *errors << problem;
        }
        if (parser.isSet(timeout)) {
            bool ok = false;
            const qint64 seconds = parser.value(timeout).toLongLong(&ok);
            if (!ok || seconds <= 0)
                *errors << QStringLiteral("--timeout \"%1\": expected a whole number of seconds "
                                          "greater than 0")
                               .arg(parser.value(timeout));
            else
                o.timeout = std::chrono::seconds(seconds);
        }
    } else {
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
    o.noWait = parser.isSet(noWait);
    o.json = parser.isSet(json);

    // Where and as whom.
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    o.demo = parser.isSet(demo);
    QString hostText = parser.value(host);
    if (o.demo && parser.isSet(host))
        *errors << QStringLiteral("--demo and --host: choose one");
    if (!o.demo) {
        if (hostText.isEmpty())
            hostText = env.value(QStringLiteral("DATABRICKS_HOST"));
        if (hostText.isEmpty()) {
            *errors << QStringLiteral("no workspace: pass --demo, or --host URL (or set "
                                      "DATABRICKS_HOST)");
        } else {
            QString why;
            o.host = WorkspaceUrl::parse(hostText, &why);
            if (!o.host.isValid())
                *errors << QStringLiteral("--host: %1").arg(why);
        }
        o.token = env.value(QStringLiteral("DATABRICKS_TOKEN")).trimmed();
        if (o.token.isEmpty() && !hostText.isEmpty())
            *errors << QStringLiteral("no token: set DATABRICKS_TOKEN (it is never taken from the "
                                      "command line)");
    }

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

    if (!errors->isEmpty())
        return false;
    *out = o;
    return true;
}

} // namespace Brickrun::Cli
