// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/RunSpec.h"

#include <QElapsedTimer>
#include <QHash>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <functional>
#include <memory>

class QMessageBox;
class QSystemTrayIcon;

namespace Brickrun {

namespace Demo {
class Workspace;
}
class Database;
class HistoryActions;
class HistoryStore;
class HttpTransport;
class JobsClient;
class MainWindow;
class PresetStore;
class ProfileConnector;
class ProfileStore;
struct ApiError;
class RunMonitor;
class RunsTableModel;
class TokenStore;
class WorkspaceApi;
struct Preset;
struct RunRecord;

// The composition root of the desktop program: opens the history, builds the window, gives the
// run monitor a client per workspace (reading tokens from the keychain when first needed),
// starts the demo workspace on request and carries the user's actions to the core.
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
    Demo::Workspace *demoWorkspace() const { return m_demo.get(); } // null when not started

    void startDemo();
    void submit(const QString &profile, const RunSpec &spec);
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

    struct Workspace
    {
        HttpTransport *transport = nullptr;
        JobsClient *client = nullptr;
        WorkspaceApi *api = nullptr; // clusters, folders and the user, for the submit form
        bool ready = false;
        bool loading = false;
        // Callers of loadWorkspace() while the token is being read (the monitor, the submit
        // form, a history import): one keychain read answers them all.
        QList<std::function<void(QString error)>> waiting;
    };
    JobsClient *clientFor(const RunRecord &record);
    void loadWorkspace(const QString &profile, std::function<void(QString error)> then = {});
    Workspace &workspace(const QString &profile);
    void refreshWorkspaces(const QString &current = QString());
    // Hands the submit form the current profile's WorkspaceApi once its token is known.
    void offerWorkspaceApi();
    void applyFilter();
    void loadPreset(const Preset &preset);
    void showSelected();
    void onRunChanged(qint64 id);
    void onRunEnded(qint64 id);
    void cancelSelected();
    void rerun(qint64 id);
    void openRunPage();
    void addWorkspace();
    void editWorkspace();
    void editProfile(const QString &profile, bool signInNow);
    // The workspace refused the sign-in: its runs are paused; one click signs in again.
    void offerSignInAgain(const QString &profile, const Brickrun::ApiError &error);
    bool confirmClose();
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
    QHash<QString, Workspace> m_workspaces;
    ProfileConnector *m_connector = nullptr;
    QHash<QString, QPointer<QMessageBox>> m_signInAgainBoxes;
    std::unique_ptr<Demo::Workspace> m_demo;
    RunMonitor *m_monitor = nullptr;
    RunsTableModel *m_runsModel = nullptr;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<HistoryActions> m_historyActions; // before the window and history go
    QSystemTrayIcon *m_tray = nullptr;
};

} // namespace Brickrun
