// SPDX-License-Identifier: Apache-2.0
#pragma once

// The runs of the demo workspace: creates them from runs/submit, answers runs/get, get-output,
// cancel and list from their records and the simulated clock, keeps the idempotency tokens and
// the state file in step. Thread-safe: every public call takes the engine's mutex.

#include "AnswerShapes.h"
#include "ApiError.h"
#include "RunJson.h"
#include "RunRecord.h"
#include "SimulatedClock.h"
#include "StateFile.h"
#include "WorkspaceDefinition.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>

#include <mutex>
#include <random>

namespace Brickrun::Emulator {

class RunEngine
{
public:
    RunEngine(const WorkspaceDefinition &workspace, double speed, const QString &stateFile);

    bool loadState(QString *error);
    void setBaseUrl(const QString &baseUrl);

    // Answers in these shapes from now on (thread-safe).
    void setShapes(const ShapeSettings &shapes);
    ShapeSettings shapes() const;

    // apiVersion: "2.1" or "2.2", the version of the request's path.
    // *created: whether this submit made a new run (false for an idempotent repeat).
    ApiError submit(const QByteArray &body, const QString &apiVersion, qint64 *runId,
                    bool *created = nullptr);
    // A JOB_RUN of the demo job with many notebook tasks (the admin route /__admin/job-runs):
    // request {"task_count": 150, "notebook_path", "existing_cluster_id", "flaky_task": true,
    // "run_name"}, all optional.
    ApiError createJobRun(const QJsonObject &request, qint64 *runId);
    // query: run_id, include_history, page_token (2.2).
    ApiError getRun(const QMap<QString, QString> &query, const QString &apiVersion,
                    QJsonObject *answer);
    ApiError getOutput(const QString &runIdText, QJsonObject *answer);
    ApiError cancel(const QByteArray &body);
    ApiError list(const QMap<QString, QString> &query, const QString &apiVersion,
                  QJsonObject *answer);
    QJsonArray clusters();
    // Deletes a run with its task runs (given the run's or a task run's id), as if someone had
    // deleted it in the workspace: from then on it "does not exist". False if there is none.
    bool deleteRun(qint64 id);

    int createdRunCount() const;
    qint64 nowMs() const;
    void advance(qint64 deltaMs);
    // Writes the state file with the current simulated time, so the next process goes on
    // from there (called when the server stops).
    void saveClock();

    // Where a damaged state file was moved at loadState() (empty when none was).
    QString setAsideStateFile() const;

private:
    ApiError create(RunRecord run, qint64 *runId, bool *created);
    // *task: null for a parent run id; *attempt: which attempt of the task the id is.
    ApiError findRun(const QString &runIdText, const RunRecord **run, const TaskRecord **task,
                     int *attempt);
    RunJson::Context context() const;
    qint64 allocateId();
    // IfChanged: re-read when the file changed (for answers). Locked: always re-read, with the
    // file lock held (before a change), and set a damaged file aside.
    enum class SyncMode
    {
        IfChanged,
        Locked
    };
    void syncFromDisk(SyncMode mode = SyncMode::IfChanged);
    void persist();
    StateFile::Lock lockStateFile() const;
    bool setAsideDamaged(const QString &problem, QString *error);
    void index(const RunRecord &run);

    const WorkspaceDefinition &m_workspace;
    mutable std::mutex m_mutex;
    SimulatedClock m_clock;
    StateFile m_stateFile;
    QString m_baseUrl;
    ShapeSettings m_shapes;
    QMap<qint64, RunRecord> m_runs;       // by parent run id
    QHash<qint64, qint64> m_parentOfTask; // task run id (every attempt) -> parent run id
    QHash<QString, qint64> m_byToken;     // idempotency token -> parent run id
    qint64 m_nextId = 0;
    int m_createdRuns = 0;
    QString m_setAsideStateFile;
    std::mt19937_64 m_random;
};

} // namespace Brickrun::Emulator
