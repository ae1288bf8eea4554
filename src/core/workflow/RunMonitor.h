// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/ApiError.h"
#include "api/JobsClient.h"
#include "model/RunRecord.h"
#include "workflow/PollPolicy.h"
#include "workflow/RunListSweeps.h"
#include "workflow/RunStore.h"
#include "workflow/ServiceClock.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>

namespace Brickrun {

class HistoryStore;
class WorkspaceDurations;

// The one run engine: follows every run to its end, with one QTimer per run: submit (with the
// idempotency token stored first), poll runs/get without ever overlapping (every life-cycle
// state; unknown ones are still running), cancel, and when the run has ended read the output of
// every task's newest attempt (outputsRead). Each step is written to a RunStore as it happens:
// the HistoryStore, so that a crash at any moment loses nothing and a restart (resumeAll) picks
// up where it stopped, or memory for a run followed without a history record (follow()).
//
// The same rules hold in both: a refused sign-in pauses the profile's runs (kept, until
// resume(profile)); a failure the transport gave up on is retried slowly for as long as it lasts
// (retrying says so; a caller that wants an answer gives up itself, as brickrun-cli does after
// its retry budget); a run the service no longer knows ends Vanished; a refused submit ends
// SubmitFailed. Waiting for a while only (a client-side timeout) is release().
//
// When a run starts being followed, the durations of earlier successful runs of the same notebook
// on the same cluster and profile (HistoryStore::recentDurations) give the PollPolicy an
// expectation: the run is polled sparsely early and densely around its expected end. With fewer
// than PollPolicy::Expectation::MinSamples of them, the workspace's own recent runs of the
// notebook are asked for once (WorkspaceDurations: one runs/list per workspace, kept 10 minutes).
// A cancel, or a state off the usual path (TERMINATING, BLOCKED, WAITING_FOR_RETRY, …), drops it.
// The policy is given the run's time on the service's clock (since its start_time; ServiceClock
// learns the offset from answers) and how many runs/get the run has cost.
//
// BRICKRUN_SERVICE_SPEED (a number > 0), when the policy's timeScale is 1: the workspace's
// simulated seconds per real second, for a demo workspace started apart (brickrun-emulator
// --speed X) and reached with --host, as bench/lag does.
//
// Many runs of one profile + host (one sign-in to one workspace) cost a constant number of
// requests: when at least as many of its runs are due as one sweep of
// runs/list?active_only=true&run_type=SUBMIT_RUN takes pages (25 runs a page), the monitor
// sweeps the list (RunListSweeps) instead of asking for each run; every run of that profile +
// host is then observed at once, and runs/get is sent only for the runs whose state differs from
// the one stored or that are no longer in the list (they ended). One or two runs, or a workspace
// whose active list is mostly other people's runs, keep one runs/get each.
class RunMonitor : public QObject
{
    Q_OBJECT
public:
    // Which client talks to a record's workspace (by profile and host); nullptr = none now
    // (e.g. the profile's token is not loaded yet): the run waits until resume(profile).
    using ClientProvider = std::function<JobsClient *(const RunRecord &)>;

    // Following the runs of the history.
    RunMonitor(HistoryStore *history, ClientProvider clients, QObject *parent = nullptr);
    // Following runs kept in `store` (which stays the caller's).
    RunMonitor(RunStore *store, ClientProvider clients, QObject *parent = nullptr);
    ~RunMonitor() override;

    void setPollPolicy(const PollPolicy &policy);
    // The wall clock (epoch ms) for the elapsed time of runs and submittedAtMs; tst_runmonitor
    // injects its own.
    using Clock = std::function<qint64()>;
    void setClock(Clock clock);
    // Off: one runs/get per run and poll, as before sweeps existed (for benchmarks).
    void setRunsListEnabled(bool enabled) { m_sweeps->setEnabled(enabled); }

    // Stores the record (Submitting, with a fresh idempotency token) and submits it.
    // Returns the new record's id, or 0 with *error when it could not even be stored.
    qint64 submit(RunRecord record, QString *error = nullptr);
    // Follows a run the service already has (record.runId), submitted earlier or elsewhere:
    // stored as Active and polled at once (it may have ended long ago). Returns the record's id,
    // or 0 with *error.
    qint64 follow(RunRecord record, QString *error = nullptr);
    // Stops following the run without ending it: its record stays active (resume picks it up).
    void release(qint64 id);
    // Picks up every Submitting/Active record of the history (at start).
    void resumeAll();
    // The same with the records already read (e.g. HistoryStore::activeRuns() on a worker
    // thread): those not followed yet are picked up.
    void resumeRuns(const QList<RunRecord> &active);
    // After a new token was stored for `profile`: its paused runs go on.
    void resume(const QString &profile);
    // Asks the service to cancel; the run is followed until it has ended.
    void cancel(qint64 id);

    bool isTracking(qint64 id) const { return m_runs.contains(id); }
    // The expectation a followed run is polled with (invalid: none, or dropped).
    // Looked up in the history when first needed (the first poll's answer), not when the run
    // is taken on: resuming 2,000 runs of 1,000 notebook/cluster pairs would read the history
    // 1,000 times in one go on the GUI thread.
    PollPolicy::Expectation expectation(qint64 id);
    // How many earlier runs of the history an expectation is made of (RunCharts reads as many).
    static constexpr int HistorySamples = 20;
    int trackedCount() const { return int(m_runs.size()); }
    QSet<QString> pausedProfiles() const { return m_pausedProfiles; }

Q_SIGNALS:
    // The record changed in the store (state, output, tracking…): reload it.
    void runChanged(qint64 id);
    // A run reached its end (record tracking Finished/Vanished/SubmitFailed).
    void runEnded(qint64 id);
    // The run has ended and the outputs of its tasks were read (just before the record is
    // finished): `run` as last seen, one output per task's newest attempt, the primary task
    // first (RunRecord::output keeps that one); `error` says why the first unreadable one was not
    // read. A store only keeps the primary task's: show the others from here.
    void outputsRead(qint64 id, const Brickrun::RunInfo &run,
                     const QList<Brickrun::RunOutput> &outputs, const Brickrun::ApiError &error);
    // The service refused the profile's token: its runs are paused (kept), until resume(profile).
    void authenticationFailed(const QString &profile, const Brickrun::ApiError &error);
    // The run has ended but its output (or its end) could not be written to the history: it
    // stays active there and is tried again later; `reason` says what failed.
    void storeFailed(qint64 id, const QString &reason);
    void cancelSent(qint64 id);
    void cancelFailed(qint64 id, const Brickrun::ApiError &error);
    // A request is being retried (for status lines): "runs/get", the error, the delay.
    void retrying(qint64 id, const QString &what, const Brickrun::ApiError &error,
                  std::chrono::milliseconds delay);

private:
    // Waits shorter than this (real time) use a precise timer; see schedule().
    static constexpr std::chrono::milliseconds PreciseBelow{5000};
    struct Tracked
    {
        QTimer *timer = nullptr;
        int pollsSinceChange = 0;
        bool requestInFlight = false;
        bool inSweep = false; // covered by a runs/list sweep in flight
        bool cancelWanted = false;
        QString profileHost; // profile + host: the runs one runs/list sweep observes
        QString profile;
        QString expectationKey;
        qint64 runId = 0;
        qint64 submittedAtMs = 0;
        RunState lastKnown; // as stored: a sweep compares the list's state with it
        PollPolicy::Expectation expectation;
        bool expectationWanted = false;  // a notebook run on its usual path, not cancelled
        bool useExpectation = false;     // wanted, and a valid expectation was found
        bool expectationResolved = true; // false: look it up (again) before use
        // Timing on the service's clock: its start_time, the runs/get sent, when the submit left
        // and was answered (local ms), whether the last answer was the first TERMINATING.
        qint64 serviceStartMs = 0;
        int pollsSent = 0;
        double roundTripMs = 0; // the runs/get's mean round trip, in local ms
        qint64 submitSentMs = 0;
        qint64 submitAnsweredMs = 0;
        bool ending = false;
        QString notebookPath;
        QString clusterId;
    };
    // Takes the run on; its first step comes after `firstStepMs` (0: at once).
    void track(const RunRecord &record, int firstStepMs = 0);
    void noteState(Tracked &tracked, const RunState &state);
    bool shouldSweep(const Tracked &due) const;
    void startSweep(const QString &profileHost, JobsClient *client);
    void sweepFinished(const QList<qint64> &covered, const QHash<qint64, RunState> &seen);
    void sweepFailed(const QString &profileHost, const QList<qint64> &covered,
                     const ApiError &error);
    void step(qint64 id);
    void sendSubmit(const RunRecord &record, JobsClient *client);
    void poll(const RunRecord &record, JobsClient *client);
    void fetchOutputs(const RunRecord &record, const RunInfo &run, JobsClient *client);
    void sendCancel(const RunRecord &record, JobsClient *client);
    void schedule(qint64 id);
    void handleError(const RunRecord &record, const ApiError &error);
    void pause(const QString &profile, const ApiError &error);
    void untrack(qint64 id);
    PollPolicy::Situation situationOf(const Tracked &tracked);
    void noteTiming(Tracked &tracked, const RunInfo &run, qint64 sentMs, qint64 receivedMs);
    void workspaceAnswered(const QString &profileHost);

    std::unique_ptr<RunStore> m_ownStore; // the history's adapter
    RunStore *m_store;
    ClientProvider m_clients;
    PollPolicy m_policy;
    Clock m_clock;
    QHash<qint64, Tracked> m_runs;
    QSet<QString> m_pausedProfiles;
    RunListSweeps *m_sweeps;
    QHash<QString, PollPolicy::Expectation> m_expectations; // by notebook, cluster, profile
    QHash<QString, ServiceClock> m_clocks;                  // by profile + host
    WorkspaceDurations *m_workspaceDurations;
    void resolveExpectation(Tracked &tracked);
};

} // namespace Brickrun
