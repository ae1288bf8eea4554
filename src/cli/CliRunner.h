// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "CliOptions.h"
#include "InterruptWatcher.h"
#include "api/HttpTransport.h"
#include "api/JobsClient.h"
#include "model/Profile.h"
#include "workflow/PollPolicy.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QObject>

#include <memory>

namespace Brickrun::Emulator {
class Emulator;
}

namespace Brickrun {
class Database;
class HistoryStore;
class RunStore;
class TokenStore;
} // namespace Brickrun

namespace Brickrun::Cli {

class TrackedRuns;

// Carries out one brickrun-cli command on the event loop and reports the exit code.
// Progress goes to stderr; results to stdout (one JSON object with --json).
class CliRunner : public QObject
{
    Q_OBJECT
public:
    CliRunner(const CliOptions &options, TokenStore *tokens, QObject *parent = nullptr);
    ~CliRunner() override;

    void start();

    static int exitCodeFor(const ApiError &error);

Q_SIGNALS:
    void done(int exitCode);

private:
    // Points the transport at the workspace (starting the demo one, reading a profile's token
    // from the keychain), then calls `then`; on failure it reports and finishes instead.
    void connectWorkspace(const std::function<void()> &then);
    // One clause saying how to fix a refused sign-in for the workspace in use.
    QString signInRemedy() const;
    void dispatch();
    bool openHistory();
    // `inHistory` false: the runs are followed in memory (a run without a history record).
    void startTracked(const std::function<void(TrackedRuns *)> &action, bool inHistory = true);
    void runSubmit();
    void runTeamPresets(); // presets publish, presets list --team
    void runResume();
    void runRuns();
    void runStatus();
    void runOutput();
    void runCancel();
    void onApiVersionChanged(const QString &version);
    void onInterrupted(int count);
    void onTerminated();
    void fail(const ApiError &error, const QString &doing);
    void finish(int exitCode);

    QString workspaceArgument() const; // "--demo" or "--host URL", for hints
    void progress(const QString &text);
    void printError(const QString &text);
    void printOut(const QString &text);

    CliOptions m_options;
    TokenStore *m_tokens;
    Profile m_profile; // the workspace in use: a stored profile or --host with the environment
    std::unique_ptr<Database> m_database;
    std::unique_ptr<HistoryStore> m_history;
    std::unique_ptr<RunStore> m_runStore; // what m_tracked follows the runs in
    TrackedRuns *m_tracked = nullptr;
    std::unique_ptr<Emulator::Emulator> m_emulator;
    QNetworkAccessManager m_network;
    HttpTransport m_transport;
    JobsClient m_client;
    InterruptWatcher m_interrupts;
    PollPolicy m_pollPolicy;
    QElapsedTimer m_clock;
    bool m_finished = false;
    bool m_teamPresetRead = false; // submit --team-preset: its preset is in m_options.spec
};

} // namespace Brickrun::Cli
