// SPDX-License-Identifier: Apache-2.0
#include "CliRunner.h"

#include "Console.h"
#include "Emulator.h"
#include "OutputFormat.h"
#include "ShareCommand.h"
#include "SignInHints.h"
#include "TeamPresetsCommand.h"
#include "TrackedRuns.h"
#include "api/ComputeApi.h"
#include "auth/ProfileConnector.h"
#include "auth/TokenStore.h"
#include "config/ProfileStore.h"
#include "store/Database.h"
#include "store/HistoryStore.h"
#include "workflow/RunStore.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>

namespace Brickrun::Cli {

CliRunner::CliRunner(const CliOptions &options, TokenStore *tokens, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_tokens(tokens)
    , m_transport(&m_network)
    , m_client(&m_transport)
{
    m_clock.start();
    RetryPolicy retry;
    retry.totalBudget = m_options.retryBudget;
    if (m_options.retryBudget.count() == 0)
        retry = RetryPolicy::none();
    m_transport.setRetryPolicy(retry);
    connect(&m_client, &JobsClient::apiVersionChanged, this, &CliRunner::onApiVersionChanged);
    connect(&m_interrupts, &InterruptWatcher::interrupted, this, &CliRunner::onInterrupted);
    connect(&m_interrupts, &InterruptWatcher::terminated, this, &CliRunner::onTerminated);
    connect(&m_transport, &HttpTransport::retrying, this,
            [this](const QString &what, const ApiError &error, std::chrono::milliseconds delay) {
                progress(QStringLiteral("%1 failed (%2); retrying in %3 s")
                             .arg(what, error.toString())
                             .arg(double(delay.count()) / 1000.0, 0, 'f', 1));
            });
}

CliRunner::~CliRunner()
{
    m_transport.abortAll();
}

void CliRunner::start()
{
    if (m_options.command == Command::Runs && m_options.runsShow) {
        finish(showRunAs(m_options)); // a run of the history as a command or workflow
        return;
    }
    if (m_options.command == Command::Runs) {
        runRuns(); // the history alone, no workspace
        return;
    }
    connectWorkspace([this] { dispatch(); });
}

void CliRunner::dispatch()
{
    switch (m_options.command) {
    case Command::Submit:
        runSubmit();
        break;
    case Command::Status:
        runStatus();
        break;
    case Command::Output:
        runOutput();
        break;
    case Command::Cancel:
        runCancel();
        break;
    case Command::Resume:
        runResume();
        break;
    case Command::Presets:
        runTeamPresets();
        break;
    case Command::Runs:
    case Command::None:
    case Command::Profiles:
        finish(ExitUsage);
        break;
    }
}

QString CliRunner::signInRemedy() const
{
    return Cli::signInRemedy(m_profile, m_options.profileName.isEmpty());
}

void CliRunner::connectWorkspace(const std::function<void()> &then)
{
    for (const QString &notice : std::as_const(m_options.notices))
        printError(notice);
    if (!m_options.demo) {
        if (m_options.profileName.isEmpty()) {
            // --host: the credentials come from the environment, never from the keychain.
            m_profile.name = QStringLiteral("environment");
            m_profile.host = m_options.host;
            m_profile.authType = m_options.authType;
            m_profile.clientId = m_options.clientId;
            m_profile.tenantId = m_options.tenantId;
            m_profile.caFile = m_options.caFile;
            QList<QSslCertificate> ca;
            const QString why = ProfileConnector::loadCaFile(m_options.caFile, &ca);
            if (!why.isEmpty()) {
                printError(QStringLiteral("error: %1").arg(why));
                finish(ExitUsage);
                return;
            }
            m_transport.setExtraCaCertificates(ca);
            m_transport.setEndpoint(m_options.host,
                                    ProfileConnector::credentialsFor(m_profile, m_options.secret,
                                                                     &m_network, ca, nullptr));
            then();
            return;
        }
        // A profile's secret comes from the OS keychain, and only from there.
        const auto stored = ProfileStore().profile(m_options.profileName);
        if (!stored) {
            printError(QStringLiteral("error: no profile named \"%1\"").arg(m_options.profileName));
            finish(ExitUsage);
            return;
        }
        m_profile = *stored;
        if (!m_profile.jobsApiVersion.isEmpty())
            m_client.setApiVersion(m_profile.jobsApiVersion); // found out by an earlier command
        m_profile.caFile = m_options.caFile;                  // --ca-file, or the profile's own
        auto *connector = new ProfileConnector(m_tokens, &m_network, this);
        connector->connectTransport(
            m_profile, &m_transport, this,
            [this, then, connector](const ProfileConnector::Outcome &o) {
                connector->deleteLater();
                if (!o.isOk()) {
                    switch (o.failure) {
                    case ProfileConnector::Failure::Config:
                        printError(QStringLiteral("error: %1").arg(o.error));
                        finish(ExitUsage);
                        return;
                    case ProfileConnector::Failure::NotSignedIn:
                        printError(QStringLiteral("error: %1; %2")
                                       .arg(o.error, o.noKeychain ? noKeychainRemedy(m_profile)
                                                                  : signInRemedy()));
                        finish(ExitAuth);
                        return;
                    case ProfileConnector::Failure::Keychain:
                    case ProfileConnector::Failure::None:
                        printError(QStringLiteral("error: %1").arg(o.error));
                        finish(ExitAuth);
                        return;
                    }
                }
                then();
            });
        return;
    }
    // The demo workspace runs in this process, on its own thread, over real loopback HTTP.
    // Its runs are kept in a file so that `status RUN_ID --demo` works from another process.
    Emulator::EmulatorOptions eo;
    const QString speedText =
        QProcessEnvironment::systemEnvironment().value(QStringLiteral("BRICKRUN_DEMO_SPEED"));
    if (!speedText.isEmpty()) {
        bool ok = false;
        eo.speed = speedText.toDouble(&ok);
        if (!ok || eo.speed <= 0) {
            printError(QStringLiteral("BRICKRUN_DEMO_SPEED \"%1\": expected a number greater "
                                      "than 0")
                           .arg(speedText));
            finish(ExitUsage);
            return;
        }
    }
    const QString dataDir =
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/demo");
    if (QDir().mkpath(dataDir))
        eo.stateFile = dataDir + QStringLiteral("/runs.json");
    m_emulator = std::make_unique<Emulator::Emulator>(eo);
    QString error;
    if (!m_emulator->start(&error)) {
        printError(QStringLiteral("the demo workspace could not start: %1").arg(error));
        finish(ExitApi);
        return;
    }
    m_pollPolicy.timeScale = m_emulator->speed();
    m_transport.setEndpoint(QUrl(m_emulator->baseUrl()), m_emulator->token());
    then();
}

bool CliRunner::openHistory()
{
    if (m_history)
        return true;
    m_database = std::make_unique<Database>(Database::defaultPath());
    QString error;
    QString movedAside;
    if (!m_database->open(&error, &movedAside)) {
        printError(QStringLiteral("error: the run history cannot be opened: %1").arg(error));
        finish(ExitApi);
        return false;
    }
    if (!movedAside.isEmpty())
        printError(QStringLiteral("warning: the run history was damaged; a new one was started "
                                  "and the old file is kept at %1")
                       .arg(movedAside));
    m_history = std::make_unique<HistoryStore>(m_database.get());
    return true;
}

void CliRunner::startTracked(const std::function<void(TrackedRuns *)> &action, bool inHistory)
{
    if (inHistory && !openHistory())
        return;
    TrackedRuns::Settings settings;
    settings.profile = m_options.demo ? QStringLiteral("demo") : m_options.profileName;
    settings.host = m_transport.baseUrl().toString();
    settings.json = m_options.json;
    settings.noWait = m_options.noWait;
    settings.timeout = m_options.timeout;
    settings.retryBudget = m_options.retryBudget;
    settings.workspaceArgument = workspaceArgument();
    settings.signInRemedy = signInRemedy();
    settings.inHistory = inHistory;
    if (inHistory)
        m_runStore = RunStore::history(m_history.get());
    else
        m_runStore = std::make_unique<MemoryRunStore>();
    m_tracked = new TrackedRuns(m_runStore.get(), &m_client, m_pollPolicy, settings, this);
    connect(m_tracked, &TrackedRuns::done, this, &CliRunner::finish);
    action(m_tracked);
}

void CliRunner::runTeamPresets()
{
    auto *command = new TeamPresetsCommand(
        m_options, &m_transport,
        m_options.demo ? QStringLiteral("demo") : m_transport.baseUrl().toString(), this);
    command->run([this, command](int exitCode) {
        command->deleteLater();
        finish(exitCode);
    });
}

void CliRunner::runSubmit()
{
    if (!m_options.teamPresetName.isEmpty() && !m_teamPresetRead) {
        // The team preset first, from the workspace; then the command line again over it.
        auto *team = new TeamPresetsCommand(
            m_options, &m_transport,
            m_options.demo ? QStringLiteral("demo") : m_transport.baseUrl().toString(), this);
        team->fetch(m_options.teamPresetName,
                    [this, team](const std::optional<Preset> &preset, int exitCode) {
                        team->deleteLater();
                        if (!preset)
                            return finish(exitCode);
                        CliOptions again;
                        QStringList errors;
                        QString help;
                        QString version;
                        if (!CliOptions::parse(m_options.arguments, &again, &errors, &help,
                                               &version, &*preset)) {
                            for (const QString &e : std::as_const(errors))
                                printError(QStringLiteral("error: %1").arg(e));
                            return finish(ExitUsage);
                        }
                        m_options.spec = again.spec;
                        m_teamPresetRead = true;
                        runSubmit();
                    });
        return;
    }
    progress(QStringLiteral("using %1")
                 .arg(m_options.demo ? QStringLiteral("the demo workspace")
                                     : m_transport.baseUrl().host()));
    if (!m_options.spec.compute.isNewJobCluster()) {
        startTracked([this](TrackedRuns *runs) { runs->submit(m_options.spec); });
        return;
    }
    // A runtime or node type the workspace does not offer is refused here, before anything is
    // sent (the service would only say so once the run is created and its cluster fails).
    auto *compute = new ComputeApi(&m_transport, this);
    compute->checkNewCluster(
        m_options.spec.compute, this,
        [this, compute](const QStringList &problems, const ApiError &error,
                        const QString &runtimeName) {
            compute->deleteLater();
            if (error.isError())
                return fail(error, QStringLiteral("reading the workspace's runtimes and node "
                                                  "types"));
            if (!problems.isEmpty()) {
                for (const QString &p : problems)
                    printError(QStringLiteral("error: %1").arg(p));
                return finish(ExitUsage);
            }
            m_options.spec.compute.sparkVersionName = runtimeName;
            startTracked([this](TrackedRuns *runs) { runs->submit(m_options.spec); });
        });
}

void CliRunner::runResume()
{
    startTracked([](TrackedRuns *runs) { runs->resume(); });
}

void CliRunner::runRuns()
{
    if (!openHistory())
        return;
    HistoryStore::Query query;
    query.profile = m_options.runsProfile;
    if (m_options.activeOnly)
        query.status = QStringLiteral("active");
    // The list is read without the outputs' texts (up to 5 MB each); with --json each run's
    // output is read and printed one run at a time, so the memory holds one output at most.
    query.outputTexts = false;
    QString readError;
    const QList<RunRecord> records = m_history->page(query, 0, 100000, &readError);
    if (!readError.isEmpty()) {
        // Never a list that silently stops part-way.
        printError(QStringLiteral("error: the run history cannot be read: %1").arg(readError));
        finish(ExitApi);
        return;
    }
    if (m_options.json) {
        Console::write(QStringLiteral("["));
        bool first = true;
        for (const RunRecord &summary : records) {
            const std::optional<RunRecord> full =
                summary.hasOutput ? m_history->record(summary.id) : summary;
            if (!full) {
                Console::write(QStringLiteral("]\n"));
                printError(QStringLiteral("error: the run history cannot be read: the output of "
                                          "run %1 is unreadable")
                               .arg(summary.runId));
                finish(ExitApi);
                return;
            }
            const RunRecord &r = *full;
            QJsonObject o = recordOutputs(r);
            o.insert(QStringLiteral("id"), r.id);
            o.insert(QStringLiteral("profile"), r.profile);
            o.insert(QStringLiteral("host"), r.host);
            o.insert(QStringLiteral("runName"), r.spec.runName);
            o.insert(QStringLiteral("notebookPath"), r.spec.taskPath()); // or the Python file
            o.insert(QStringLiteral("clusterId"), r.spec.clusterId);
            o.insert(QStringLiteral("compute"), r.spec.computeText()); // "Serverless", "New: …"
            o.insert(QStringLiteral("active"), r.isActive());
            o.insert(QStringLiteral("submittedAt"),
                     QDateTime::fromMSecsSinceEpoch(r.submittedAtMs).toString(Qt::ISODateWithMs));
            Console::write((first ? QString() : QStringLiteral(",")) +
                           QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
            first = false;
        }
        Console::write(QStringLiteral("]\n"));
    } else if (records.isEmpty()) {
        printOut(QStringLiteral("No runs in the history yet.\n"));
    } else {
        QString out;
        for (const RunRecord &r : records)
            out +=
                QStringLiteral("%1  %2  %3  %4  %5\n")
                    .arg(QDateTime::fromMSecsSinceEpoch(r.submittedAtMs)
                             .toString(QStringLiteral("yyyy-MM-dd hh:mm")))
                    .arg((r.runId > 0 ? QString::number(r.runId) : QStringLiteral("-"))
                             .rightJustified(15))
                    .arg((r.isActive() ? QStringLiteral("active ") + r.state.lifeCycleState
                                       : r.state.summary())
                             .leftJustified(22))
                    .arg(r.profile.isEmpty() ? QStringLiteral("-") : r.profile, r.spec.taskPath());
        printOut(out);
    }
    finish(ExitSuccess);
}

void CliRunner::runStatus()
{
    m_client.getRun(m_options.runId, this, [this](const Result<RunInfo> &r) {
        if (!r)
            return fail(r.error(), QStringLiteral("reading run %1").arg(m_options.runId));
        if (m_options.json)
            printOut(QString::fromUtf8(
                QJsonDocument(runStatusJson(r.value())).toJson(QJsonDocument::Compact)));
        else
            printOut(humanStatus(r.value()));
        finish(ExitSuccess);
    });
}

void CliRunner::runOutput()
{
    m_client.getRun(m_options.runId, this, [this](const Result<RunInfo> &r) {
        if (!r)
            return fail(r.error(), QStringLiteral("reading run %1").arg(m_options.runId));
        const RunInfo &run = r.value();
        // Each task's output, by its newest attempt's task run id; a run without tasks is
        // itself a task run.
        m_client.getTaskOutputs(
            run, QString(), this, [this, run](const QList<RunOutput> &list, const ApiError &error) {
                // A single task whose output cannot be read: nothing to show but why.
                if (error.isError() && list.size() == 1)
                    return fail(error,
                                QStringLiteral("reading the output of run %1").arg(run.runId));
                const QJsonObject outputs = runOutputs(run, list);
                if (m_options.json)
                    printOut(
                        QString::fromUtf8(QJsonDocument(outputs).toJson(QJsonDocument::Compact)));
                else
                    printOut(humanSummary(outputs));
                if (error.isError())
                    return fail(
                        error,
                        QStringLiteral("reading the output of a task of run %1").arg(run.runId));
                if (!run.state.isTerminal())
                    printError(QStringLiteral("run %1 is still %2; its output is complete once it "
                                              "ends")
                                   .arg(run.runId)
                                   .arg(run.state.summary()));
                finish(run.state.isSuccess() ? ExitSuccess : ExitRunFailed);
            });
    });
}

void CliRunner::runCancel()
{
    if (!m_options.noWait) {
        progress(QStringLiteral("cancelling run %1").arg(m_options.runId));
        startTracked([this](TrackedRuns *runs) { runs->followRun(m_options.runId, true); }, false);
        return;
    }
    m_client.cancel(m_options.runId, this, [this](const Result<bool> &r) {
        if (!r)
            return fail(r.error(), QStringLiteral("cancelling run %1").arg(m_options.runId));
        progress(QStringLiteral("cancel of run %1 requested").arg(m_options.runId));
        if (m_options.json)
            printOut(
                QString::fromUtf8(QJsonDocument(workflowOutputs(m_options.runId, nullptr, nullptr))
                                      .toJson(QJsonDocument::Compact)));
        finish(ExitSuccess);
    });
}

void CliRunner::onApiVersionChanged(const QString &version)
{
    QString remembered;
    // A stored profile remembers it, so that the next command asks the right version at once.
    if (!m_options.demo && !m_options.profileName.isEmpty()) {
        ProfileStore store;
        if (auto p = store.profile(m_profile.name); p && p->host == m_profile.host) {
            p->jobsApiVersion = version;
            QString why;
            if (store.save(*p, &why))
                remembered = QStringLiteral(" (remembered for profile %1)").arg(p->name);
        }
    }
    progress(QStringLiteral("the workspace does not serve Jobs API %1; using %2%3")
                 .arg(JobsClient::DefaultApiVersion, version, remembered));
}

void CliRunner::onInterrupted(int count)
{
    if (m_finished)
        return;
    if (m_tracked) {
        m_tracked->interrupt(count);
        return;
    }
    printError(QStringLiteral("interrupted"));
    finish(ExitInterrupted);
}

void CliRunner::onTerminated()
{
    if (m_finished)
        return;
    if (m_tracked) {
        m_tracked->terminate();
        return;
    }
    printError(QStringLiteral("terminated (SIGTERM)"));
    finish(ExitTerminated);
}

QString CliRunner::workspaceArgument() const
{
    if (m_options.demo)
        return QStringLiteral("--demo");
    if (!m_options.profileName.isEmpty())
        return QStringLiteral("--profile ") + m_options.profileName;
    return QStringLiteral("--host ") + m_options.host.toString();
}

void CliRunner::fail(const ApiError &error, const QString &doing)
{
    QString hint;
    if (error.isAuthentication())
        hint = QStringLiteral(" (the workspace refused the sign-in: %1)").arg(signInRemedy());
    else if (error.isPermission())
        hint = QStringLiteral(" (the token's user lacks permission)");
    else if (error.isEndpointNotServed())
        hint = QStringLiteral(" (the workspace serves neither Jobs API %1 nor %2 at this address)")
                   .arg(JobsClient::DefaultApiVersion, JobsClient::FallbackApiVersion);
    printError(QStringLiteral("error while %1: %2%3").arg(doing, error.toString(), hint));
    finish(exitCodeFor(error));
}

int CliRunner::exitCodeFor(const ApiError &error)
{
    if (error.isAuthentication() || error.isPermission())
        return ExitAuth;
    // A workspace that serves neither Jobs API version: the service's doing, not the user's.
    if (error.isEndpointNotServed())
        return ExitApi;
    if (error.kind == ApiError::Kind::InvalidInput || error.isClientError())
        return ExitUsage;
    return ExitApi;
}

void CliRunner::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    // Let the caller's event loop return first, then stop.
    QTimer::singleShot(0, this, [this, exitCode] { Q_EMIT done(exitCode); });
}

void CliRunner::progress(const QString &text)
{
    Console::err(Console::progressLine(m_clock.elapsed(), text));
}

void CliRunner::printError(const QString &text)
{
    Console::err(text);
}

void CliRunner::printOut(const QString &text)
{
    Console::out(text);
}

} // namespace Brickrun::Cli
