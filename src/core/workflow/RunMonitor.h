#pragma once

#include "api/ApiError.h"
#include "model/RunRecord.h"
#include "workflow/PollPolicy.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>

namespace Brickrun {

class HistoryStore;
class JobsClient;

// Follows every active run of the history to its end, with one QTimer per run: submit (with the
// idempotency token stored first), poll runs/get without ever overlapping, fetch the primary
// task's output, and write every step to the HistoryStore as it happens, so that a crash at any
// moment loses nothing and a restart (resumeAll) picks up where it stopped.
class RunMonitor : public QObject
{
    Q_OBJECT
public:
    // Which client talks to a record's workspace (by profile and host); nullptr = none now
    // (e.g. the profile's token is not loaded yet): the run waits until resume(profile).
    using ClientProvider = std::function<JobsClient *(const RunRecord &)>;

    RunMonitor(HistoryStore *history, ClientProvider clients, QObject *parent = nullptr);

    void setPollPolicy(const PollPolicy &policy) { m_policy = policy; }

    // Stores the record (Submitting, with a fresh idempotency token) and submits it.
    // Returns the new record's id, or 0 with *error when it could not even be stored.
    qint64 submit(RunRecord record, QString *error = nullptr);
    // Picks up every Submitting/Active record of the history (at start).
    void resumeAll();
    // After a new token was stored for `profile`: its paused runs go on.
    void resume(const QString &profile);
    // Asks the service to cancel; the run is followed until it has ended.
    void cancel(qint64 id);

    bool isTracking(qint64 id) const { return m_runs.contains(id); }
    int trackedCount() const { return int(m_runs.size()); }
    QSet<QString> pausedProfiles() const { return m_pausedProfiles; }

Q_SIGNALS:
    // The record changed in the history (state, output, tracking…): reload it.
    void runChanged(qint64 id);
    // A run reached its end (record tracking Finished/Vanished/SubmitFailed).
    void runEnded(qint64 id);
    // The service refused the profile's token: its runs are paused (kept), until resume(profile).
    void authenticationFailed(const QString &profile, const Brickrun::ApiError &error);
    void cancelSent(qint64 id);
    void cancelFailed(qint64 id, const Brickrun::ApiError &error);
    // A request is being retried (for status lines): "runs/get", the error, the delay.
    void retrying(qint64 id, const QString &what, const Brickrun::ApiError &error,
                  std::chrono::milliseconds delay);

private:
    struct Tracked
    {
        QTimer *timer = nullptr;
        int pollsSinceChange = 0;
        bool requestInFlight = false;
        bool cancelWanted = false;
    };
    void track(const RunRecord &record);
    void step(qint64 id);
    void sendSubmit(const RunRecord &record, JobsClient *client);
    void poll(const RunRecord &record, JobsClient *client);
    void fetchOutput(const RunRecord &record, JobsClient *client);
    void sendCancel(const RunRecord &record, JobsClient *client);
    void schedule(qint64 id);
    void handleError(const RunRecord &record, const ApiError &error);
    void pause(const RunRecord &record, const ApiError &error);
    void untrack(qint64 id);

    HistoryStore *m_history;
    ClientProvider m_clients;
    PollPolicy m_policy;
    QHash<qint64, Tracked> m_runs;
    QSet<QString> m_pausedProfiles;
};

} // namespace Brickrun
