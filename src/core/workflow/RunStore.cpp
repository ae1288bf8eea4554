// SPDX-License-Identifier: Apache-2.0
#include "workflow/RunStore.h"

#include "store/HistoryStore.h"

#include <QDateTime>

namespace Brickrun {

namespace {

// Forwards every call to the history.
class HistoryRunStore : public RunStore
{
public:
    explicit HistoryRunStore(HistoryStore *history)
        : m_history(history)
    {}
    Result<qint64> addPending(const RunRecord &record) override
    {
        return m_history->addPending(record);
    }
    bool setSubmitted(qint64 id, qint64 runId) override
    {
        return m_history->setSubmitted(id, runId);
    }
    bool setSubmitFailed(qint64 id, const QString &error) override
    {
        return m_history->setSubmitFailed(id, error);
    }
    bool recordRun(qint64 id, const RunInfo &run) override { return m_history->recordRun(id, run); }
    bool setOutput(qint64 id, const RunOutput &output) override
    {
        return m_history->setOutput(id, output);
    }
    bool setFinishedWithoutOutput(qint64 id, const QString &error) override
    {
        return m_history->setFinishedWithoutOutput(id, error);
    }
    bool setVanished(qint64 id, const QString &error) override
    {
        return m_history->setVanished(id, error);
    }
    std::optional<RunRecord> record(qint64 id) const override { return m_history->record(id); }
    QList<RunRecord> activeRuns() const override { return m_history->activeRuns(); }
    QList<qint64> recentDurations(const QString &profile, const QString &notebookPath,
                                  const QString &clusterId, int limit) const override
    {
        return m_history->recentDurations(profile, notebookPath, clusterId, limit);
    }

private:
    HistoryStore *m_history;
};

} // namespace

std::unique_ptr<RunStore> RunStore::history(HistoryStore *store)
{
    return std::make_unique<HistoryRunStore>(store);
}

RunRecord *MemoryRunStore::find(qint64 id)
{
    return id > 0 && id <= m_records.size() ? &m_records[id - 1] : nullptr;
}

Result<qint64> MemoryRunStore::addPending(const RunRecord &record)
{
    m_records.append(record);
    RunRecord &r = m_records.last();
    r.id = m_records.size();
    r.tracking = RunRecord::Tracking::Submitting;
    return Result<qint64>::success(r.id);
}

bool MemoryRunStore::setSubmitted(qint64 id, qint64 runId)
{
    RunRecord *r = find(id);
    if (!r)
        return false;
    r->runId = runId;
    r->tracking = RunRecord::Tracking::Active;
    r->updatedAtMs = QDateTime::currentMSecsSinceEpoch();
    return true;
}

bool MemoryRunStore::setSubmitFailed(qint64 id, const QString &error)
{
    return setEnded(id, RunRecord::Tracking::SubmitFailed, error);
}

bool MemoryRunStore::setEnded(qint64 id, RunRecord::Tracking tracking, const QString &error)
{
    RunRecord *r = find(id);
    if (!r)
        return false;
    r->tracking = tracking;
    r->lastError = error;
    return true;
}

bool MemoryRunStore::recordRun(qint64 id, const RunInfo &run)
{
    RunRecord *r = find(id);
    if (!r || !r->mergeAnswer(run))
        return false;
    r->updatedAtMs = QDateTime::currentMSecsSinceEpoch();
    return true;
}

bool MemoryRunStore::setOutput(qint64 id, const RunOutput &output)
{
    RunRecord *r = find(id);
    if (!r)
        return false;
    r->tracking = RunRecord::Tracking::Finished;
    r->output = output;
    r->hasOutput = true;
    return true;
}

bool MemoryRunStore::setFinishedWithoutOutput(qint64 id, const QString &error)
{
    return setEnded(id, RunRecord::Tracking::Finished, error);
}

bool MemoryRunStore::setVanished(qint64 id, const QString &error)
{
    return setEnded(id, RunRecord::Tracking::Vanished, error);
}

std::optional<RunRecord> MemoryRunStore::record(qint64 id) const
{
    if (id <= 0 || id > m_records.size())
        return std::nullopt;
    return m_records.at(id - 1);
}

QList<RunRecord> MemoryRunStore::activeRuns() const
{
    QList<RunRecord> active;
    for (const RunRecord &r : m_records) {
        if (r.isActive())
            active.append(r);
    }
    return active;
}

} // namespace Brickrun
