// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/Result.h"
#include "model/RunInfo.h"
#include "model/RunRecord.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace Brickrun {

class HistoryStore;

// Where the RunMonitor keeps what it learns of each run it follows, as it happens: the history
// (HistoryStore, so that a crash loses nothing and a restart resumes), or memory, for a run
// followed without a history record (brickrun-cli cancel RUN_ID, tests). The monitor's rules are
// the same for both; only where the record lives differs. The meaning of each call is
// HistoryStore's.
class RunStore
{
public:
    virtual ~RunStore() = default;

    virtual Result<qint64> addPending(const RunRecord &record) = 0;
    virtual bool setSubmitted(qint64 id, qint64 runId) = 0;
    virtual bool setSubmitFailed(qint64 id, const QString &error) = 0;
    // True when something changed.
    virtual bool recordRun(qint64 id, const RunInfo &run) = 0;
    virtual bool setOutput(qint64 id, const RunOutput &output) = 0;
    virtual bool setFinishedWithoutOutput(qint64 id, const QString &error) = 0;
    virtual bool setVanished(qint64 id, const QString &error) = 0;
    virtual std::optional<RunRecord> record(qint64 id) const = 0;
    virtual QList<RunRecord> activeRuns() const = 0;
    virtual QList<qint64> recentDurations(const QString &profile, const QString &notebookPath,
                                          const QString &clusterId, int limit) const = 0;

    // The history as a RunStore (it stays the caller's).
    static std::unique_ptr<RunStore> history(HistoryStore *store);
};

// Records in memory, for one process: nothing survives it, and no earlier runs are known (no
// expectation of how long a run takes). A runs/get answer is merged as the history merges it: a
// field the answer lacks keeps what was known.
class MemoryRunStore : public RunStore
{
public:
    Result<qint64> addPending(const RunRecord &record) override;
    bool setSubmitted(qint64 id, qint64 runId) override;
    bool setSubmitFailed(qint64 id, const QString &error) override;
    bool recordRun(qint64 id, const RunInfo &run) override;
    bool setOutput(qint64 id, const RunOutput &output) override;
    bool setFinishedWithoutOutput(qint64 id, const QString &error) override;
    bool setVanished(qint64 id, const QString &error) override;
    std::optional<RunRecord> record(qint64 id) const override;
    QList<RunRecord> activeRuns() const override;
    QList<qint64> recentDurations(const QString &, const QString &, const QString &,
                                  int) const override
    {
        return {};
    }

private:
    RunRecord *find(qint64 id);
    bool setEnded(qint64 id, RunRecord::Tracking tracking, const QString &error);
    QList<RunRecord> m_records; // by id - 1
};

} // namespace Brickrun
