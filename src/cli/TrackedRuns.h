// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/ApiError.h"
#include "model/RunRecord.h"
#include "workflow/DeadlineTimer.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <chrono>

namespace Brickrun {
class JobsClient;
class RunMonitor;
class RunStore;
struct ApiError;
struct PollPolicy;
} // namespace Brickrun

namespace Brickrun::Cli {

// Every command that follows a run (`submit`, `resume`, `cancel`) on top of the one run engine,
// the RunMonitor: what it says on the terminal, its exit code, Ctrl-C and SIGTERM, --timeout and
// the retry budget. On the history, a run started from the command line is never lost: its
// idempotency token is on disk before the submit goes out, its run id the moment the answer
// arrives, and `brickrun-cli resume` (or the desktop program) follows it to the end after a
// crash, without starting it twice. `cancel RUN_ID` follows a run without a history record
// (a memory RunStore).
class TrackedRuns : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        QString profile; // the history's profile key ("demo", a profile name, or "")
        QString host;    // the workspace's origin
        bool json = false;
        bool noWait = false;
        std::chrono::seconds timeout{0};
        std::chrono::seconds retryBudget{300};
        QString workspaceArgument; // "--demo", "--profile P", "--host URL", for hints
        QString signInRemedy;      // what to do when the sign-in is refused, for hints
        bool inHistory = true;     // false: the store is memory (hints say `status`, not `resume`)
    };

    TrackedRuns(RunStore *store, JobsClient *client, const PollPolicy &policy,
                const Settings &settings, QObject *parent = nullptr);

    void submit(const RunSpec &spec);
    // Follows a run the service has (submitted earlier or elsewhere) to its end; with `cancel`,
    // asks the service to cancel it first, and its end is a success whatever its result.
    void followRun(qint64 runId, bool cancel);
    // Follows every active run of this workspace in the history to its end.
    void resume();
    // Ctrl-C: the first cancels the runs on the service; the second leaves, after waiting
    // briefly for a cancel request still in flight to be answered.
    void interrupt(int count);
    // SIGTERM: leaves at once; the runs go on and stay in the history for `resume`.
    void terminate();

Q_SIGNALS:
    void done(int exitCode);

private:
    bool belongsHere(const RunRecord &record) const;
    RunRecord newRecord() const; // of this workspace
    // Follows the record `id` (0: it could not be stored, `error` says why).
    bool startFollowing(qint64 id, const QString &error);
    void follow(qint64 id);
    void onChanged(qint64 id);
    void onEnded(qint64 id);
    void onRetrying(qint64 id, const QString &what, const ApiError &error,
                    std::chrono::milliseconds delay);
    void report(const RunRecord &record);
    // "brickrun-cli resume --demo" (in the history) or "brickrun-cli status 12 --demo".
    QString followCommand(const RunRecord &record) const;
    void finishWhenIdle();
    void leaveAfterInterrupt();
    void finish(int exitCode);
    void progress(const QString &text);

    RunStore *m_store;
    JobsClient *m_client;
    RunMonitor *m_monitor;
    Settings m_settings;
    QHash<qint64, RunRecord> m_followed; // last seen record of each followed run
    QHash<qint64, qint64> m_failingSinceMs;
    struct Outputs
    {
        RunInfo run;
        QList<RunOutput> outputs;
        ApiError error;
    };
    QHash<qint64, Outputs> m_outputs; // every task's, once read
    bool m_cancelling = false;        // `cancel`: the run's end is what was asked
    enum class Cancel
    {
        InFlight, // asked for, not answered yet
        Accepted, // the service answered the cancel
        Failed    // refused or not answered
    };
    QHash<qint64, Cancel> m_cancels; // by record id, once Ctrl-C asked for it
    QHash<qint64, QString> m_cancelErrors;
    QTimer m_leaveTimer; // second Ctrl-C: how long to wait for cancels in flight
    bool m_leaving = false;
    DeadlineTimer m_timeout; // --timeout, which may be weeks
    QElapsedTimer m_clock;
    int m_worstExit = 0;
    bool m_finished = false;
};

} // namespace Brickrun::Cli
