// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/RunSpec.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QObject>
#include <QThreadPool>

#include <memory>

namespace Brickrun {

namespace Demo {
class Workspace;
}
class ConnectionRegistry;
class Database;
class DemoSession;
class HistoryActions;
class HistoryStore;
class JobsClient;
class MainWindow;
class PresetStore;
class ProfileStore;
class QuitConfirmation;
class RunMonitor;
class RunNotifier;
class RunsTableModel;
class TokenStore;
class WorkspaceDialogs;
struct Preset;
struct RunRecord;

// The composition root of the desktop program: the start order (the window's frame, the history
// on a worker, the panels), the wiring of the panels to the core and the runs' presentation.
// The connections per profile are the ConnectionRegistry's (core), the demo DemoSession's,
// the announcements RunNotifier's, the workspace dialogs WorkspaceDialogs' and the question
// before quitting QuitConfirmation's.
class AppController : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString databasePath; // empty = the default in AppDataLocation
        QString settingsFile; // empty = the user's settings
        bool startDemo = false;
        bool showWelcome = true; // offer the demo / a workspace when no profile exists
        QString demoModule;      // the demo workspace's module; empty = next to the program
    };

    AppController(TokenStore *tokens, const Options &options, QObject *parent = nullptr);
    ~AppController() override;

    // Shows the window's frame at once and does the rest once that first frame is out: opens
    // the history (on a worker meanwhile), builds the panels, starts the demo workspace if asked
    // and follows the runs still active. Then emits started(), or startFailed(reason) when the
    // history cannot be opened at all.
    void start();
    bool isStarted() const { return m_started; }
    MainWindow *window() const { return m_window.get(); }
    RunMonitor *monitor() const { return m_monitor; }
    HistoryStore *history() const { return m_history.get(); }
    RunsTableModel *runsModel() const { return m_runsModel; }
    PresetStore *presets() const { return m_presets.get(); }
    HistoryActions *historyActions() const { return m_historyActions.get(); }
    Demo::Workspace *demoWorkspace() const; // null when not started
    RunNotifier *notifier() const { return m_notifier; }
    ConnectionRegistry *connections() const { return m_connections.get(); }

    void startDemo();
    // askedToSignIn: the profile's dialog was opened for this run already (asked once).
    void submit(const QString &profile, const RunSpec &spec, bool askedToSignIn = false);
    // "Run preset": its spec on its profile (the form's profile when it names none).
    void runPreset(const Preset &preset);

Q_SIGNALS:
    void started();
    void startFailed(const QString &reason);

private:
    // If the first frame has not been painted by then, the start goes on without it.
    static constexpr int FirstFrameWaitMs = 250;
    struct HistoryOpening
    {
        bool ok = false;
        QString error;
        QString movedAside;
    };
    void finishStart();
    void wireWindow();
    void wireMonitor();
    void followActiveRuns();
    void offerFirstSteps();

    JobsClient *clientFor(const RunRecord &record);
    void refreshWorkspaces(const QString &current = QString());
    // Hands the submit form the current profile's WorkspaceApi once its token is known.
    void offerWorkspaceApi();
    void applyFilter();
    void loadPreset(const Preset &preset);
    void showSelected();
    void onRunChanged(qint64 id);
    void rerun(qint64 id);
    void reportDamagedHistory(const QString &problem);

    TokenStore *m_tokens;
    Options m_options;
    QElapsedTimer m_startClock;
    bool m_frameShown = false;
    bool m_historyOpened = false;
    HistoryOpening m_historyOpening;
    bool m_started = false;
    bool m_startFailed = false;
    std::unique_ptr<Database> m_database;
    QThreadPool m_background; // work on the history off the GUI thread; ends before it goes
    std::unique_ptr<HistoryStore> m_history;
    std::unique_ptr<PresetStore> m_presets;
    std::unique_ptr<ProfileStore> m_profiles;
    QNetworkAccessManager m_network;
    std::unique_ptr<ConnectionRegistry> m_connections; // before the demo goes
    RunMonitor *m_monitor = nullptr;
    RunsTableModel *m_runsModel = nullptr;
    std::unique_ptr<DemoSession> m_demo;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<HistoryActions> m_historyActions; // before the window and history go
    WorkspaceDialogs *m_workspaceDialogs = nullptr;
    QuitConfirmation *m_quitConfirmation = nullptr;
    RunNotifier *m_notifier = nullptr;
    qint64 m_submitting = 0; // the run the status bar says is being submitted
};

} // namespace Brickrun
