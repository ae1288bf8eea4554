// SPDX-License-Identifier: Apache-2.0
#include "AppController.h"

#include "DemoSession.h"
#include "HistoryActions.h"
#include "HistoryFilterBar.h"
#include "MainWindow.h"
#include "PresetsBar.h"
#include "QuitConfirmation.h"
#include "RunDetailsPanel.h"
#include "RunNotifier.h"
#include "RunPageOpener.h"
#include "RunsTableModel.h"
#include "SubmitPanel.h"
#include "TeamPresetsPanel.h"
#include "WelcomeDialog.h"
#include "WindowGeometry.h"
#include "WorkspaceDialogs.h"
#include "api/ApiError.h"
#include "api/HttpTransport.h"
#include "auth/ConnectionRegistry.h"
#include "config/ProfileStore.h"
#include "model/Preset.h"
#include "model/RunPageUrl.h"
#include "store/Database.h"
#include "store/HistoryStore.h"
#include "store/PresetStore.h"
#include "workflow/RunMonitor.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTimer>
#include <QUrlQuery>

#include <utility>

Q_LOGGING_CATEGORY(lcStartup, "brickrun.startup", QtWarningMsg)

namespace Brickrun {

AppController::AppController(TokenStore *tokens, const Options &options, QObject *parent)
    : QObject(parent)
    , m_tokens(tokens)
    , m_options(options)
{}

AppController::~AppController()
{
    // The runs table reads the history on a worker thread; the history goes before the table.
    if (m_runsModel)
        m_runsModel->waitForReads();
    // Stop talking before the demo workspace goes away.
    if (m_connections)
        m_connections->abortAll();
    m_network.clearConnectionCache();
}

void AppController::start()
{
    m_startClock.start();
    // The history opens on a worker while the window's frame is built and shown; the panels
    // come once that first frame is out and the history is open (finishStart).
    m_database = std::make_unique<Database>(
        m_options.databasePath.isEmpty() ? Database::defaultPath() : m_options.databasePath);
    m_background.setMaxThreadCount(1);
    m_background.start([this, database = m_database.get()] {
        auto opened = std::make_shared<HistoryOpening>();
        // The part of the check that reads the whole file runs once the window is up.
        opened->ok = database->open(&opened->error, &opened->movedAside, Database::Check::Deferred);
        QMetaObject::invokeMethod(
            this,
            [this, opened] {
                m_historyOpening = *opened;
                m_historyOpened = true;
                finishStart();
            },
            Qt::QueuedConnection);
    });
    m_window = std::make_unique<MainWindow>(MainWindow::Panels::AfterFirstFrame);
    const auto frameShown = [this] {
        m_frameShown = true;
        finishStart();
    };
    connect(m_window.get(), &MainWindow::firstFrameShown, this, frameShown);
    // Never wait long for a frame that may not come (a window started hidden or minimised), and
    // say what the wait is for when the history is slow to open (a big file on a slow disk).
    QTimer::singleShot(FirstFrameWaitMs, this, [this, frameShown] {
        if (!m_historyOpened)
            m_window->showStatus(tr("Opening the run history…"));
        frameShown();
    });
    WindowGeometry::keep(m_window.get(), m_options.settingsFile);
    m_window->show();
    qCDebug(lcStartup, "%-28s %6.1f ms", "frame shown", double(m_startClock.nsecsElapsed()) / 1e6);
}

void AppController::finishStart()
{
    if (m_started || m_startFailed || !m_frameShown || !m_historyOpened)
        return;
    QElapsedTimer phase;
    phase.start();
    const auto mark = [&phase](const char *what) {
        qCDebug(lcStartup, "%-28s %6.1f ms", what, double(phase.nsecsElapsed()) / 1e6);
        phase.restart();
    };
    qCDebug(lcStartup, "%-28s %6.1f ms", "first frame, history open",
            double(m_startClock.nsecsElapsed()) / 1e6);
    if (!m_historyOpening.ok) {
        m_startFailed = true;
        Q_EMIT startFailed(m_historyOpening.error);
        return;
    }
    m_window->showStatus(QString());
    // Set now rather than before the first frame: reading the SVG loads Qt's SVG icon engine
    // (figures in bench/README.md), and the window manager shows the icon a frame later at most.
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/brickrun.svg")));
    m_history = std::make_unique<HistoryStore>(m_database.get());
    m_presets = std::make_unique<PresetStore>(m_database.get());
    m_profiles = std::make_unique<ProfileStore>(m_options.settingsFile);
    m_connections = std::make_unique<ConnectionRegistry>(m_profiles.get(), m_tokens, &m_network);

    m_monitor = new RunMonitor(
        m_history.get(), [this](const RunRecord &r) { return clientFor(r); }, this);
    m_demo = std::make_unique<DemoSession>(m_connections.get(), m_monitor, m_options.demoModule,
                                           m_options.settingsFile);
    m_runsModel = new RunsTableModel(m_history.get(), this);
    mark("runs table (reads on a worker)");
    m_window->buildPanels();
    WindowGeometry::restoreDocks(m_window.get(), m_options.settingsFile); // the Team presets dock
    m_window->setRunsModel(m_runsModel);
    mark("panels built");
    wireWindow();
    wireMonitor();
    mark("wired, notifications");

    if (m_options.startDemo || m_demo->wasUsedBefore())
        startDemo();
    mark("demo workspace started");
    refreshWorkspaces(m_options.startDemo ? DemoSession::Profile : QString());
    mark("workspaces");
    followActiveRuns();
    m_started = true;
    qCDebug(lcStartup, "%-28s %6.1f ms", "started", double(m_startClock.nsecsElapsed()) / 1e6);
    Q_EMIT started();

    if (!m_historyOpening.movedAside.isEmpty())
        QMessageBox::warning(m_window.get(), tr("History damaged"),
                             tr("The run history could not be read, so a new one was started. "
                                "The old file is kept at:\n%1")
                                 .arg(QDir::toNativeSeparators(m_historyOpening.movedAside)));
    if (m_options.showWelcome && !m_demo->isRunning() && m_profiles->profiles().isEmpty())
        QTimer::singleShot(0, this, &AppController::offerFirstSteps);
}

void AppController::wireWindow()
{
    MainWindow *window = m_window.get();
    m_quitConfirmation = new QuitConfirmation(m_monitor, m_history.get(), window, this);
    window->setCloseGuard([this] { return m_quitConfirmation->confirmClose(); });
    m_workspaceDialogs = new WorkspaceDialogs(m_profiles.get(), m_tokens, &m_network,
                                              m_connections.get(), m_monitor, window, this);
    connect(m_workspaceDialogs, &WorkspaceDialogs::profilesChanged, this,
            &AppController::refreshWorkspaces);

    SubmitPanel *form = window->submitPanel();
    RunDetailsPanel *details = window->detailsPanel();
    connect(form, &SubmitPanel::submitRequested, this,
            [this](const QString &profile, const RunSpec &spec) { submit(profile, spec); });
    connect(form, &SubmitPanel::profileChanged, this, &AppController::offerWorkspaceApi);
    form->setSettingsFile(m_options.settingsFile);
    connect(window, &MainWindow::runSelected, this, &AppController::showSelected);
    connect(window, &MainWindow::addWorkspaceRequested, m_workspaceDialogs,
            &WorkspaceDialogs::addWorkspace);
    connect(window, &MainWindow::editWorkspaceRequested, this, [this] {
        m_workspaceDialogs->editWorkspace(m_window->submitPanel()->currentProfile());
    });
    connect(window, &MainWindow::demoRequested, this, &AppController::startDemo);
    // One path per action: the menu's Cancel and Open run page are the details panel's (the
    // details show the selected run), so they ask and behave the same.
    connect(window, &MainWindow::cancelRequested, details, [details] {
        if (auto *cancel = details->findChild<QPushButton *>(QStringLiteral("cancelButton")))
            cancel->click(); // asks, when the run can still be cancelled
    });
    connect(window, &MainWindow::rerunRequested, this,
            [this] { rerun(m_window->selectedRunId()); });
    connect(window, &MainWindow::openRunPageRequested, this, [this] {
        if (const auto record = m_history->record(m_window->selectedRunId()))
            openRunPage(m_window.get(), *record);
    });
    connect(details, &RunDetailsPanel::cancelRequested, m_monitor, &RunMonitor::cancel);
    connect(details, &RunDetailsPanel::rerunRequested, this, &AppController::rerun);

    PresetsBar *presetsBar = form->presetsBar();
    presetsBar->setStore(m_presets.get());
    connect(presetsBar, &PresetsBar::presetChosen, this, &AppController::loadPreset);
    connect(presetsBar, &PresetsBar::runRequested, this, &AppController::runPreset);
    connect(presetsBar, &PresetsBar::statusMessage, this,
            [this](const QString &text) { m_window->showStatus(text, 10000); });
    TeamPresetsPanel *team = window->teamPresetsPanel(); // read again in offerWorkspaceApi
    team->setLocalPresetProvider(
        [this, presetsBar] { return m_presets->preset(presetsBar->currentPreset()); });
    connect(team, &TeamPresetsPanel::presetChosen, this, &AppController::loadPreset);
    connect(team, &TeamPresetsPanel::statusMessage, this,
            [this](const QString &text) { m_window->showStatus(text, 10000); });

    HistoryFilterBar *filterBar = window->historyFilterBar();
    connect(filterBar, &HistoryFilterBar::filterChanged, this, &AppController::applyFilter);
    const WorkspaceResolver resolver = [this](const QString &profile, auto then) {
        m_connections->load(profile, [this, profile, then](const QString &why) {
            if (!why.isEmpty())
                return then(nullptr, QString(), why);
            then(m_connections->client(profile),
                 m_connections->transport(profile)->baseUrl().toString(), QString());
        });
    };
    details->setWorkspaceResolver(resolver);
    details->setChartsSource(RunCharts::historySource(m_history.get(), m_monitor));
    m_historyActions =
        std::make_unique<HistoryActions>(m_history.get(), m_runsModel, window, resolver);
    HistoryActions *actions = m_historyActions.get();
    connect(window, &MainWindow::exportRunsRequested, actions, &HistoryActions::exportRuns);
    connect(window, &MainWindow::deleteRunsRequested, actions, &HistoryActions::deleteSelected);
    connect(window, &MainWindow::deleteOldRunsRequested, actions, &HistoryActions::deleteOlder);
    connect(window, &MainWindow::importRunsRequested, actions,
            &HistoryActions::importFromWorkspace);
    connect(actions, &HistoryActions::runsImported, this, [this](const QString &, int count) {
        if (count > 0)
            m_monitor->resumeAll(); // imported runs still active are followed to their end
    });
}

void AppController::wireMonitor()
{
    connect(m_connections.get(), &ConnectionRegistry::ready, this, [this](const QString &profile) {
        if (m_window->submitPanel()->currentProfile() == profile)
            offerWorkspaceApi();
    });
    connect(
        m_connections.get(), &ConnectionRegistry::failed, this,
        [this](const QString &, const QString &message) { m_window->showStatus(message, 15000); });
    connect(m_connections.get(), &ConnectionRegistry::receiving, this,
            [this](const QString &profile, const QString &what, const QUrlQuery &query,
                   qint64 received, qint64 total) {
                if (what == QLatin1String("runs/get-output"))
                    m_window->detailsPanel()->showOutputProgress(
                        profile, query.queryItemValue(QStringLiteral("run_id")).toLongLong(),
                        received, total);
            });
    m_notifier = new RunNotifier(m_history.get(), m_window.get(), m_options.settingsFile, this);
    connect(m_monitor, &RunMonitor::runChanged, this, &AppController::onRunChanged);
    connect(m_monitor, &RunMonitor::runEnded, m_notifier, &RunNotifier::runEnded);
    connect(
        m_monitor, &RunMonitor::retrying, this,
        [this](qint64, const QString &what, const ApiError &e, std::chrono::milliseconds delay) {
            m_window->showStatus(tr("Retrying %1 in %2 s (%3)")
                                     .arg(what)
                                     .arg((delay.count() + 999) / 1000)
                                     .arg(e.toString()),
                                 int(delay.count()) + 2000);
        });
    connect(m_monitor, &RunMonitor::cancelFailed, this, [this](qint64, const ApiError &e) {
        m_window->showStatus(tr("The run could not be cancelled: %1").arg(e.toString()), 15000);
    });
    connect(m_monitor, &RunMonitor::authenticationFailed, m_workspaceDialogs,
            &WorkspaceDialogs::offerSignInAgain);
}

void AppController::followActiveRuns()
{
    // The runs still active are read on the worker (figures in bench/README.md) and followed
    // from then on; before the integrity check, which reads the whole file.
    m_background.start([this] {
        const QList<RunRecord> active = m_history->activeRuns();
        QMetaObject::invokeMethod(
            this,
            [this, active] {
                m_monitor->resumeRuns(active);
                qCDebug(lcStartup, "%-28s %6.1f ms (%lld)", "runs resumed",
                        double(m_startClock.nsecsElapsed()) / 1e6, qlonglong(active.size()));
            },
            Qt::QueuedConnection);
    });
    m_background.start([this] {
        QString problem;
        if (m_database->checkIntegrity(&problem))
            return;
        QMetaObject::invokeMethod(
            this, [this, problem] { reportDamagedHistory(problem); }, Qt::QueuedConnection);
    });
}

void AppController::offerFirstSteps()
{
    WelcomeDialog welcome(m_window.get());
    welcome.exec();
    if (welcome.choice() == WelcomeDialog::Choice::Demo)
        startDemo();
    else if (welcome.choice() == WelcomeDialog::Choice::AddWorkspace)
        m_workspaceDialogs->addWorkspace();
    // Closed without a choice, or the dialog cancelled: the empty window says where to start.
    if (!m_demo->isRunning() && m_profiles->profiles().isEmpty())
        m_window->showStatus(tr("To start: Workspace → Add workspace…, or Workspace → Try the "
                                "demo workspace."));
}

void AppController::reportDamagedHistory(const QString &problem)
{
    auto *box = new QMessageBox(
        QMessageBox::Warning, tr("History damaged"),
        tr("The run history file is damaged (%1). Brickrun goes on with it for now; at the next "
           "start the file is set aside (kept, not deleted) and a new history is started.")
            .arg(problem),
        QMessageBox::Ok, m_window.get());
    box->setObjectName(QStringLiteral("historyDamagedBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

Demo::Workspace *AppController::demoWorkspace() const
{
    return m_demo ? m_demo->workspace() : nullptr;
}

void AppController::startDemo()
{
    QString error;
    if (!m_demo->start(&error)) {
        QMessageBox::warning(m_window.get(), tr("Demo workspace"),
                             tr("The demo workspace could not start: %1").arg(error));
        return;
    }
    refreshWorkspaces(DemoSession::Profile);
    SubmitPanel *form = m_window->submitPanel();
    if (form->spec().notebookPath.isEmpty()) {
        RunSpec s = form->spec();
        s.notebookPath = DemoSession::Notebook;
        if (s.clusterId.isEmpty())
            s.clusterId = DemoSession::Cluster;
        form->setSpec(s);
    }
    m_window->showStatus(tr("The demo workspace is ready: try /Shared/Demo/hello on demo-cluster."),
                         10000);
}

void AppController::offerWorkspaceApi()
{
    SubmitPanel *form = m_window->submitPanel();
    const QString profile = form->currentProfile();
    TeamPresetsPanel *team = m_window->teamPresetsPanel();
    if (profile.isEmpty()) {
        form->setWorkspaceApi(nullptr);
        form->setComputeApi(nullptr);
        team->setWorkspace(QString(), nullptr);
        return;
    }
    if (m_connections->isReady(profile)) {
        form->setWorkspaceApi(m_connections->api(profile));
        form->setComputeApi(m_connections->compute(profile));
        team->setWorkspace(profile == DemoSession::Profile
                               ? profile
                               : m_connections->transport(profile)->baseUrl().toString(),
                           m_connections->api(profile));
        return;
    }
    form->setWorkspaceApi(nullptr);
    form->setComputeApi(nullptr);
    team->setWorkspace(profile, nullptr);
    if (profile != DemoSession::Profile && !m_connections->isLoading(profile))
        m_connections->load(profile); // offers the API again when the token is in
}

JobsClient *AppController::clientFor(const RunRecord &record)
{
    if (m_connections->isReady(record.profile))
        return m_connections->client(record.profile);
    if (record.profile == DemoSession::Profile)
        QTimer::singleShot(0, this, &AppController::startDemo);
    else
        m_connections->load(record.profile, [this, profile = record.profile](const QString &e) {
            if (e.isEmpty())
                m_monitor->resume(profile);
        });
    return nullptr; // the monitor waits for resume(profile)
}

void AppController::refreshWorkspaces(const QString &current)
{
    QList<SubmitPanel::WorkspaceChoice> choices;
    for (const Profile &p : m_profiles->profiles())
        choices.append(
            {p.name,
             p.signedInAs.isEmpty()
                 ? QStringLiteral("%1 (%2)").arg(p.name, p.host.host())
                 : QStringLiteral("%1 (%2, %3)").arg(p.name, p.host.host(), p.signedInAs),
             p.clusterId});
    if (m_demo->isRunning())
        choices.append({DemoSession::Profile, tr("Demo workspace"), DemoSession::Cluster});
    QString selected = current;
    if (selected.isEmpty())
        selected = m_window->submitPanel()->currentProfile();
    if (selected.isEmpty())
        selected = m_profiles->defaultProfile();
    m_window->submitPanel()->setWorkspaces(choices, selected);
    offerWorkspaceApi();
    QList<QPair<QString, QString>> filterChoices;
    for (const SubmitPanel::WorkspaceChoice &c : std::as_const(choices))
        filterChoices.append({c.profile, c.label});
    m_window->historyFilterBar()->setProfiles(filterChoices);
}

void AppController::applyFilter()
{
    HistoryStore::Query query = m_window->historyFilterBar()->filter();
    const HistoryStore::Query shown = m_runsModel->query();
    query.sort = shown.sort; // the order is the table header's
    query.descending = shown.descending;
    m_runsModel->setQuery(query);
}

void AppController::loadPreset(const Preset &preset)
{
    if (!m_window->submitPanel()->loadPreset(preset))
        m_window->showStatus(tr("The preset's workspace \"%1\" is not set up here; the form "
                                "keeps the workspace it had.")
                                 .arg(preset.profile),
                             15000);
}

void AppController::runPreset(const Preset &preset)
{
    const QString profile =
        preset.profile.isEmpty() ? m_window->submitPanel()->currentProfile() : preset.profile;
    const QStringList problems = preset.spec.validate();
    if (profile.isEmpty() || !problems.isEmpty()) {
        QMessageBox::warning(m_window.get(), tr("Cannot run the preset"),
                             profile.isEmpty() ? tr("Choose a workspace first.")
                                               : problems.join(QLatin1Char('\n')));
        return;
    }
    submit(profile, preset.spec);
}

void AppController::submit(const QString &profile, const RunSpec &spec, bool askedToSignIn)
{
    m_connections->load(profile, [this, profile, spec, askedToSignIn](const QString &error) {
        if (!error.isEmpty() && m_connections->needsSignIn(profile) && !askedToSignIn) {
            // Never signed in, or its secret was kept for one session only: the profile's
            // dialog is what helps, and the run goes once it is signed in (nothing retyped).
            m_window->showStatus(error, 15000);
            QTimer::singleShot(0, this, [this, profile, spec] {
                m_workspaceDialogs->editProfile(
                    profile, false, [this, profile, spec] { submit(profile, spec, true); });
            });
            return;
        }
        if (!error.isEmpty()) {
            QMessageBox::warning(m_window.get(), tr("Cannot submit"), error);
            return;
        }
        RunRecord record;
        record.profile = profile;
        record.host = m_connections->transport(profile)->baseUrl().toString();
        record.spec = spec;
        QString why;
        const qint64 id = m_monitor->submit(record, &why);
        if (id == 0) {
            QMessageBox::warning(m_window.get(), tr("Cannot submit"),
                                 tr("The run could not be stored in the history: %1").arg(why));
            return;
        }
        m_window->selectRun(id);
        // Said while it is so: onRunChanged takes it back once the service has the run.
        m_submitting = id;
        m_window->showStatus(tr("Submitting %1…").arg(spec.notebookPath));
    });
}

void AppController::showSelected()
{
    const qint64 id = m_window->selectedRunId();
    const auto record = id > 0 ? m_history->record(id) : std::nullopt;
    if (!record) {
        m_window->detailsPanel()->clear();
        m_window->setRunActionsEnabled(false, false, false);
        return;
    }
    m_window->detailsPanel()->showRecord(*record);
    m_window->setRunActionsEnabled(RunDetailsPanel::canCancel(*record), true,
                                   safeRunPageUrl(record->runPageUrl, record->host).isValid());
}

void AppController::onRunChanged(qint64 id)
{
    m_runsModel->refreshRecord(id);
    if (m_window->selectedRunId() == id)
        showSelected();
    if (id != m_submitting)
        return;
    const auto record = m_history->record(id);
    if (record && record->runId == 0 && record->isActive())
        return; // still being submitted
    m_submitting = 0;
    if (m_window->statusBar()->currentMessage().startsWith(
            tr("Submitting %1…").arg(record ? record->spec.notebookPath : QString())))
        m_window->showStatus(QString());
}

void AppController::rerun(qint64 id)
{
    // Not submitted at once: the form is filled in with the run's workspace and spec, to be
    // checked (or changed) and submitted.
    const auto record = m_history->record(id);
    if (!record)
        return;
    Preset again;
    again.profile = record->profile;
    again.spec = record->spec;
    SubmitPanel *form = m_window->submitPanel();
    if (!form->loadPreset(again))
        form->setSpec(record->spec);
    form->focusForm();
    m_window->showStatus(tr("The form holds the run again: check it and submit it (Ctrl+Return)."),
                         15000);
}

} // namespace Brickrun
