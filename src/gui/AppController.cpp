// SPDX-License-Identifier: Apache-2.0
// Past ~600 lines for now: issue #17 splits this composition root by responsibility (start
// order, connections, notifications, dialogs); sign-in added "Sign in again" here meanwhile.
#include "AppController.h"

#include "DemoWorkspaceLoader.h"
#include "HistoryActions.h"
#include "HistoryFilterBar.h"
#include "MainWindow.h"
#include "PresetsBar.h"
#include "ProfileDialog.h"
#include "RunDetailsPanel.h"
#include "RunsTableModel.h"
#include "SubmitPanel.h"
#include "WelcomeDialog.h"
#include "api/HttpTransport.h"
#include "api/JobsClient.h"
#include "api/WorkspaceApi.h"
#include "auth/Credentials.h"
#include "auth/ProfileConnector.h"
#include "auth/TokenStore.h"
#include "config/ProfileStore.h"
#include "model/Preset.h"
#include "model/RunPageUrl.h"
#include "store/Database.h"
#include "store/HistoryStore.h"
#include "store/PresetStore.h"
#include "workflow/RunMonitor.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QDir>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QTimer>

#include <utility>

Q_LOGGING_CATEGORY(lcStartup, "brickrun.startup", QtWarningMsg)

namespace Brickrun {

namespace {

const QString DemoProfile = QStringLiteral("demo");

std::unique_ptr<QSettings> settingsFor(const QString &file)
{
    return file.isEmpty() ? std::make_unique<QSettings>(QSettings::IniFormat, QSettings::UserScope,
                                                        QCoreApplication::organizationName(),
                                                        QCoreApplication::applicationName())
                          : std::make_unique<QSettings>(file, QSettings::IniFormat);
}

} // namespace

AppController::AppController(TokenStore *tokens, const Options &options, QObject *parent)
    : QObject(parent)
    , m_tokens(tokens)
    , m_options(options)
    , m_connector(new ProfileConnector(tokens, &m_network, this))
{}

AppController::~AppController()
{
    // The runs table reads the history on a worker thread; the history goes before the table.
    if (m_runsModel)
        m_runsModel->waitForReads();
    // Stop talking before the demo workspace goes away.
    for (Workspace &w : m_workspaces) {
        if (w.transport)
            w.transport->abortAll();
    }
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
    const QString movedAside = m_historyOpening.movedAside;
    m_window->showStatus(QString());
    // Set now rather than before the first frame: reading the SVG loads Qt's SVG icon engine
    // (figures in bench/README.md), and the window manager shows the icon a frame later at most.
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/brickrun.svg")));
    m_history = std::make_unique<HistoryStore>(m_database.get());
    m_presets = std::make_unique<PresetStore>(m_database.get());
    m_profiles = std::make_unique<ProfileStore>(m_options.settingsFile);

    m_monitor = new RunMonitor(
        m_history.get(), [this](const RunRecord &r) { return clientFor(r); }, this);
    m_runsModel = new RunsTableModel(m_history.get(), this);
    mark("runs table (reads on a worker)");
    m_window->buildPanels();
    m_window->setRunsModel(m_runsModel);
    m_window->setCloseGuard([this] { return confirmClose(); });
    mark("panels built");

    SubmitPanel *form = m_window->submitPanel();
    RunDetailsPanel *details = m_window->detailsPanel();
    connect(form, &SubmitPanel::submitRequested, this, &AppController::submit);
    connect(form, &SubmitPanel::profileChanged, this, &AppController::offerWorkspaceApi);
    form->setSettingsFile(m_options.settingsFile);
    connect(m_window.get(), &MainWindow::runSelected, this, &AppController::showSelected);
    connect(m_window.get(), &MainWindow::addWorkspaceRequested, this, &AppController::addWorkspace);
    connect(m_window.get(), &MainWindow::editWorkspaceRequested, this,
            &AppController::editWorkspace);
    connect(m_window.get(), &MainWindow::demoRequested, this, &AppController::startDemo);
    connect(m_window.get(), &MainWindow::cancelRequested, this, &AppController::cancelSelected);
    connect(m_window.get(), &MainWindow::rerunRequested, this,
            [this] { rerun(m_window->selectedRunId()); });
    connect(m_window.get(), &MainWindow::openRunPageRequested, this, &AppController::openRunPage);
    connect(details, &RunDetailsPanel::cancelRequested, m_monitor, &RunMonitor::cancel);
    connect(details, &RunDetailsPanel::rerunRequested, this, &AppController::rerun);

    PresetsBar *presetsBar = form->presetsBar();
    presetsBar->setStore(m_presets.get());
    connect(presetsBar, &PresetsBar::presetChosen, this, &AppController::loadPreset);
    connect(presetsBar, &PresetsBar::runRequested, this, &AppController::runPreset);
    connect(presetsBar, &PresetsBar::statusMessage, this,
            [this](const QString &text) { m_window->showStatus(text, 10000); });

    HistoryFilterBar *filterBar = m_window->historyFilterBar();
    connect(filterBar, &HistoryFilterBar::filterChanged, this, &AppController::applyFilter);
    connect(m_runsModel, &RunsTableModel::totalCountChanged, filterBar,
            &HistoryFilterBar::setCount);
    connect(m_runsModel, &RunsTableModel::loadingChanged, filterBar, &HistoryFilterBar::setLoading);
    filterBar->setCount(m_runsModel->totalCount());
    filterBar->setLoading(m_runsModel->isLoading());
    const WorkspaceResolver resolver = [this](const QString &profile, auto then) {
        loadWorkspace(profile, [this, profile, then](const QString &why) {
            if (!why.isEmpty())
                return then(nullptr, QString(), why);
            const Workspace &w = workspace(profile);
            then(w.client, w.transport->baseUrl().toString(), QString());
        });
    };
    details->setWorkspaceResolver(resolver);
    m_historyActions =
        std::make_unique<HistoryActions>(m_history.get(), m_runsModel, m_window.get(), resolver);
    HistoryActions *actions = m_historyActions.get();
    connect(m_window.get(), &MainWindow::exportRunsRequested, actions, &HistoryActions::exportRuns);
    connect(m_window.get(), &MainWindow::deleteRunsRequested, actions,
            &HistoryActions::deleteSelected);
    connect(m_window.get(), &MainWindow::deleteOldRunsRequested, actions,
            &HistoryActions::deleteOlder);
    connect(m_window.get(), &MainWindow::importRunsRequested, actions,
            &HistoryActions::importFromWorkspace);
    connect(actions, &HistoryActions::runsImported, this, [this](const QString &, int count) {
        if (count > 0)
            m_monitor->resumeAll(); // imported runs still active are followed to their end
    });

    connect(m_monitor, &RunMonitor::runChanged, this, &AppController::onRunChanged);
    connect(m_monitor, &RunMonitor::runEnded, this, &AppController::onRunEnded);
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
    connect(m_monitor, &RunMonitor::authenticationFailed, this, &AppController::offerSignInAgain);

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QIcon(QStringLiteral(":/icons/brickrun.svg")), this);
        m_tray->setToolTip(QStringLiteral("Brickrun"));
        m_tray->show();
    }
    mark("wired, tray icon");

    const bool demoBefore =
        settingsFor(m_options.settingsFile)->value(QStringLiteral("demo/enabled")).toBool();
    if (m_options.startDemo || demoBefore)
        startDemo();
    mark("demo workspace started");
    refreshWorkspaces(m_options.startDemo ? DemoProfile : QString());
    mark("workspaces");
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
    m_started = true;
    qCDebug(lcStartup, "%-28s %6.1f ms", "started", double(m_startClock.nsecsElapsed()) / 1e6);
    Q_EMIT started();

    if (!movedAside.isEmpty())
        QMessageBox::warning(m_window.get(), tr("History damaged"),
                             tr("The run history could not be read, so a new one was started. "
                                "The old file is kept at:\n%1")
                                 .arg(QDir::toNativeSeparators(movedAside)));

    if (m_options.showWelcome && !m_demo && m_profiles->profiles().isEmpty()) {
        QTimer::singleShot(0, this, [this] {
            WelcomeDialog welcome(m_window.get());
            welcome.exec();
            if (welcome.choice() == WelcomeDialog::Choice::Demo)
                startDemo();
            else if (welcome.choice() == WelcomeDialog::Choice::AddWorkspace)
                addWorkspace();
        });
    }
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

void AppController::startDemo()
{
    if (!m_demo) {
        Demo::Options o;
        const double speed = qEnvironmentVariable("BRICKRUN_DEMO_SPEED").toDouble();
        if (speed > 0)
            o.speed = speed;
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                            QStringLiteral("/demo");
        if (QDir().mkpath(dir))
            o.stateFile = dir + QStringLiteral("/runs.json");
        QString error;
        std::unique_ptr<Demo::Workspace> demo =
            createDemoWorkspace(o, m_options.demoModule, &error);
        if (!demo || !demo->start(&error)) {
            QMessageBox::warning(m_window.get(), tr("Demo workspace"),
                                 tr("The demo workspace could not start: %1").arg(error));
            return;
        }
        m_demo = std::move(demo);
        Workspace &w = workspace(DemoProfile);
        w.transport->setEndpoint(QUrl(m_demo->baseUrl()), m_demo->token());
        w.ready = true;
        settingsFor(m_options.settingsFile)->setValue(QStringLiteral("demo/enabled"), true);
        m_monitor->setPollPolicy([&] {
            PollPolicy p;
            p.timeScale = m_demo->speed();
            return p;
        }());
        m_monitor->resume(DemoProfile);
    }
    refreshWorkspaces(DemoProfile);
    SubmitPanel *form = m_window->submitPanel();
    if (form->spec().notebookPath.isEmpty()) {
        RunSpec s = form->spec();
        s.notebookPath = QStringLiteral("/Shared/Demo/hello");
        if (s.clusterId.isEmpty())
            s.clusterId = QStringLiteral("demo-cluster");
        form->setSpec(s);
    }
    m_window->showStatus(tr("The demo workspace is ready: try /Shared/Demo/hello on demo-cluster."),
                         10000);
}

AppController::Workspace &AppController::workspace(const QString &profile)
{
    Workspace &w = m_workspaces[profile];
    if (!w.transport) {
        w.transport = new HttpTransport(&m_network, this);
        w.client = new JobsClient(w.transport, this);
        w.api = new WorkspaceApi(w.transport, this);
    }
    return w;
}

void AppController::offerWorkspaceApi()
{
    SubmitPanel *form = m_window->submitPanel();
    const QString profile = form->currentProfile();
    if (profile.isEmpty()) {
        form->setWorkspaceApi(nullptr);
        return;
    }
    Workspace &w = workspace(profile);
    if (w.ready) {
        form->setWorkspaceApi(w.api);
        return;
    }
    form->setWorkspaceApi(nullptr);
    if (profile != DemoProfile && !w.loading)
        loadWorkspace(profile); // offers the API again when the token is in
}

JobsClient *AppController::clientFor(const RunRecord &record)
{
    Workspace &w = workspace(record.profile);
    if (w.ready)
        return w.client;
    if (record.profile == DemoProfile)
        QTimer::singleShot(0, this, &AppController::startDemo);
    else
        loadWorkspace(record.profile, [this, profile = record.profile](const QString &error) {
            if (error.isEmpty())
                m_monitor->resume(profile);
        });
    return nullptr; // the monitor waits for resume(profile)
}

void AppController::loadWorkspace(const QString &profile, std::function<void(QString)> then)
{
    Workspace &w = workspace(profile);
    if (w.ready || profile == DemoProfile) {
        if (then)
            then(w.ready ? QString() : tr("The demo workspace is not running."));
        return;
    }
    const auto p = m_profiles->profile(profile);
    if (!p) {
        if (then)
            then(tr("There is no workspace profile named \"%1\".").arg(profile));
        return;
    }
    if (then)
        w.waiting.append(std::move(then));
    if (w.loading)
        return; // answered with the read on its way
    w.loading = true;
    // The one place a profile becomes a ready transport: CA file, keychain, credentials.
    m_connector->connectTransport(
        *p, w.transport, this, [this, profile](const ProfileConnector::Outcome &o) {
            Workspace &ws = workspace(profile);
            ws.loading = false;
            const auto waiting = std::exchange(ws.waiting, {});
            if (!o.isOk()) {
                const QString message =
                    o.failure == ProfileConnector::Failure::NotSignedIn
                        ? tr("Workspace \"%1\" is not signed in: %2 (Workspace → Edit "
                             "workspace…).")
                              .arg(profile, o.error)
                        : tr("Workspace \"%1\" cannot be used: %2.").arg(profile, o.error);
                m_window->showStatus(message, 15000);
                for (const auto &f : waiting)
                    f(message);
                return;
            }
            // A refresh the workspace refuses pauses the profile's runs, as a refused token
            // does; the monitor reports it and the user signs in again.
            ws.ready = true;
            if (m_window->submitPanel()->currentProfile() == profile)
                offerWorkspaceApi();
            for (const auto &f : waiting)
                f(QString());
        });
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
    if (m_demo)
        choices.append({DemoProfile, tr("Demo workspace"), QStringLiteral("demo-cluster")});
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

void AppController::submit(const QString &profile, const RunSpec &spec)
{
    loadWorkspace(profile, [this, profile, spec](const QString &error) {
        if (!error.isEmpty()) {
            QMessageBox::warning(m_window.get(), tr("Cannot submit"), error);
            return;
        }
        RunRecord record;
        record.profile = profile;
        record.host = workspace(profile).transport->baseUrl().toString();
        record.spec = spec;
        QString why;
        const qint64 id = m_monitor->submit(record, &why);
        if (id == 0) {
            QMessageBox::warning(m_window.get(), tr("Cannot submit"),
                                 tr("The run could not be stored in the history: %1").arg(why));
            return;
        }
        m_window->selectRun(id);
        m_window->showStatus(tr("Submitting %1…").arg(spec.notebookPath), 5000);
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
    m_window->setRunActionsEnabled(record->isActive() && record->runId > 0, true,
                                   safeRunPageUrl(record->runPageUrl, record->host).isValid());
}

void AppController::onRunChanged(qint64 id)
{
    m_runsModel->refreshRecord(id);
    if (m_window->selectedRunId() == id)
        showSelected();
}

void AppController::onRunEnded(qint64 id)
{
    const auto record = m_history->record(id);
    if (!record || !m_tray || m_window->isActiveWindow())
        return;
    const bool ok = record->state.isSuccess();
    m_tray->showMessage(ok ? tr("Run succeeded") : tr("Run ended: %1").arg(record->state.summary()),
                        record->spec.runName.isEmpty()
                            ? RunSpec::defaultRunName(record->spec.notebookPath)
                            : record->spec.runName,
                        ok ? QSystemTrayIcon::Information : QSystemTrayIcon::Warning);
}

void AppController::cancelSelected()
{
    const qint64 id = m_window->selectedRunId();
    const auto record = m_history->record(id);
    if (!record || !record->isActive())
        return;
    if (QMessageBox::question(m_window.get(), tr("Cancel run"),
                              tr("Cancel run %1 on the service?").arg(record->runId)) ==
        QMessageBox::Yes)
        m_monitor->cancel(id);
}

void AppController::rerun(qint64 id)
{
    const auto record = m_history->record(id);
    if (!record)
        return;
    m_window->submitPanel()->setSpec(record->spec);
    submit(record->profile, record->spec);
}

void AppController::openRunPage()
{
    const auto record = m_history->record(m_window->selectedRunId());
    const QUrl page = record ? safeRunPageUrl(record->runPageUrl, record->host) : QUrl();
    if (page.isValid())
        QDesktopServices::openUrl(page);
    else if (record && !record->runPageUrl.isEmpty())
        m_window->showStatus(tr("The run page's address is not on the workspace's own host, so "
                                "Brickrun does not open it: %1")
                                 .arg(record->runPageUrl.left(200)),
                             15000);
}

void AppController::addWorkspace()
{
    ProfileDialog dialog(m_profiles.get(), m_tokens, &m_network, m_window.get());
    if (dialog.exec() == QDialog::Accepted)
        refreshWorkspaces(dialog.profileName());
}

void AppController::editWorkspace()
{
    const QString profile = m_window->submitPanel()->currentProfile();
    if (profile.isEmpty() || profile == DemoProfile) {
        addWorkspace();
        return;
    }
    editProfile(profile, false);
}

void AppController::editProfile(const QString &profile, bool signInNow)
{
    ProfileDialog dialog(m_profiles.get(), m_tokens, &m_network, m_window.get(), profile);
    if (signInNow)
        QTimer::singleShot(0, &dialog, &ProfileDialog::startSignIn);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // New credentials may have been stored: connect again and let paused runs go on.
    m_workspaces[profile].ready = false;
    loadWorkspace(profile, [this, profile](const QString &error) {
        if (error.isEmpty())
            m_monitor->resume(profile);
    });
    refreshWorkspaces(profile);
}

void AppController::offerSignInAgain(const QString &profile, const ApiError &error)
{
    m_workspaces[profile].ready = false;
    const auto p = m_profiles->profile(profile);
    const bool browser = p && p->authType == AuthType::OAuthU2M;
    m_window->showStatus(tr("Workspace \"%1\" refused the sign-in (%2). Its runs are kept and go "
                            "on after you sign in again.")
                             .arg(profile, error.toString()));
    if (m_signInAgainBoxes.contains(profile))
        return;
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Sign in again"),
                        tr("Workspace “%1” no longer accepts Brickrun's sign-in.").arg(profile),
                        QMessageBox::NoButton, m_window.get());
    box->setObjectName(QStringLiteral("signInAgainBox"));
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(
        tr("%1\n\nIts runs are kept: they are followed again as soon as you sign in.")
            .arg(error.toString()));
    QPushButton *again = box->addButton(browser ? tr("&Sign in again…") : tr("&Update sign-in…"),
                                        QMessageBox::AcceptRole);
    again->setObjectName(QStringLiteral("signInAgainButton"));
    box->addButton(tr("&Later"), QMessageBox::RejectRole);
    box->setDefaultButton(again);
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_signInAgainBoxes.insert(profile, box);
    connect(box, &QObject::destroyed, this,
            [this, profile] { m_signInAgainBoxes.remove(profile); });
    connect(box, &QMessageBox::buttonClicked, this,
            [this, profile, again, browser](QAbstractButton *b) {
                if (b == again)
                    QTimer::singleShot(0, this,
                                       [this, profile, browser] { editProfile(profile, browser); });
            });
    box->open();
}

bool AppController::confirmClose()
{
    const int active = m_monitor->trackedCount();
    if (active == 0)
        return true;
    QMessageBox box(QMessageBox::Question, tr("Runs are still active"),
                    tr("%n run(s) are still active.", nullptr, active), QMessageBox::NoButton,
                    m_window.get());
    box.setInformativeText(tr("Keep them running: they go on at Databricks and Brickrun follows "
                              "them again at the next start. Or cancel them now."));
    QPushButton *keep = box.addButton(tr("&Keep running and quit"), QMessageBox::AcceptRole);
    QPushButton *cancel = box.addButton(tr("&Cancel runs and quit"), QMessageBox::DestructiveRole);
    box.addButton(tr("&Don't quit"), QMessageBox::RejectRole);
    box.setDefaultButton(keep);
    box.exec();
    if (box.clickedButton() == keep)
        return true;
    if (box.clickedButton() != cancel)
        return false;
    // Send every cancel, then close once they were answered (or after a few seconds).
    const QList<RunRecord> runs = m_history->activeRuns();
    auto pending = std::make_shared<int>(0);
    for (const RunRecord &r : runs) {
        if (r.runId > 0 && m_monitor->isTracking(r.id)) {
            ++*pending;
            m_monitor->cancel(r.id);
        }
    }
    if (*pending == 0)
        return true;
    m_window->setEnabled(false);
    m_window->showStatus(tr("Cancelling %n run(s)…", nullptr, *pending));
    auto closeNow = [this] {
        m_window->setCloseGuard({});
        m_window->close();
    };
    auto onAnswer = [pending, closeNow](qint64) {
        if (--*pending == 0)
            closeNow();
    };
    connect(m_monitor, &RunMonitor::cancelSent, this, onAnswer);
    connect(m_monitor, &RunMonitor::cancelFailed, this,
            [onAnswer](qint64 id, const ApiError &) { onAnswer(id); });
    QTimer::singleShot(10000, this, closeNow);
    return false;
}

} // namespace Brickrun
