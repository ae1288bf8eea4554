// SPDX-License-Identifier: Apache-2.0
#include "workflow/RunListSweeps.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcMonitor)

namespace Brickrun {

namespace {
constexpr int ListPageSize = 25;  // the most runs/list gives per page
constexpr int MaxSweepPages = 40; // 1000 active runs; past that, runs/get per run
} // namespace

RunListSweeps::RunListSweeps(QObject *parent)
    : QObject(parent)
{}

bool RunListSweeps::worthSweeping(const QString &profileHost, int candidates, int dueSoon) const
{
    if (!m_enabled || m_refused.contains(profileHost) || m_sweeps.contains(profileHost))
        return false;
    if (candidates < 2)
        return false;
    const int pages =
        m_lastPages.value(profileHost, (candidates + ListPageSize - 1) / ListPageSize);
    return dueSoon >= std::max(2, pages);
}

void RunListSweeps::start(const QString &profileHost, JobsClient *client,
                          const QList<qint64> &covered)
{
    Sweep &sweep = m_sweeps[profileHost];
    sweep = Sweep();
    sweep.client = client;
    sweep.covered = covered;
    JobsClient::ListQuery first;
    first.activeOnly = true;
    first.submitRunsOnly = true;
    first.limit = ListPageSize;
    sweep.pager = RunListPager(first);
    fetchPage(profileHost);
}

void RunListSweeps::fetchPage(const QString &profileHost)
{
    Sweep &sweep = m_sweeps[profileHost];
    if (!sweep.client) {
        fail(profileHost, ApiError::network(QStringLiteral("the workspace's client is gone")));
        return;
    }
    sweep.client->listRuns(
        sweep.pager.query(), this, [this, profileHost](const Result<JsonMapping::RunListPage> &r) {
            auto s = m_sweeps.find(profileHost);
            if (s == m_sweeps.end())
                return;
            if (!r) {
                fail(profileHost, r.error());
                return;
            }
            for (const RunInfo &run : r.value().runs)
                s->seen.insert(run.runId, run.state);
            // A run that moves between pages while we read is at worst missed: it then gets a
            // runs/get, which is the truth.
            const bool more = s->pager.advance(r.value());
            if (more && s->pager.pagesRead() < MaxSweepPages) {
                fetchPage(profileHost);
                return;
            }
            const Sweep done = m_sweeps.take(profileHost);
            // Too many active runs: no sweeps next time.
            m_lastPages.insert(profileHost, more ? MaxSweepPages + 1 : done.pager.pagesRead());
            Q_EMIT finished(profileHost, done.covered, done.seen);
        });
}

void RunListSweeps::fail(const QString &profileHost, const ApiError &error)
{
    const Sweep sweep = m_sweeps.take(profileHost);
    qCInfo(lcMonitor) << "runs/list sweep failed:" << error.toString();
    if (!error.isAuthentication() && !error.isPermission() && !error.isTransient())
        m_refused.insert(profileHost); // e.g. a gateway that refuses the query: runs/get
    Q_EMIT failed(profileHost, sweep.covered, error);
}

} // namespace Brickrun
