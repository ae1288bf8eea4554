// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/ApiError.h"
#include "api/JobsClient.h"
#include "model/RunState.h"
#include "workflow/RunListPager.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

namespace Brickrun {

// The runs/list sweeps of the RunMonitor: for one profile + host (the key: one sign-in to one
// workspace) at a time, every page of runs/list?active_only=true&run_type=SUBMIT_RUN (25 runs a
// page, at most 40 pages), and what each active run's state is. Whether a sweep is worth its
// pages, and whether the key's runs/list has failed for good (then runs/get only), are decided
// here; what a sweep means for each followed run stays the monitor's.
class RunListSweeps : public QObject
{
    Q_OBJECT
public:
    explicit RunListSweeps(QObject *parent = nullptr);

    // Off: no sweeps at all, one runs/get per run and poll (for benchmarks).
    void setEnabled(bool enabled) { m_enabled = enabled; }
    // Whether `candidates` runs of the key, `dueSoon` of them due now or soon, are better
    // observed by one sweep than by one runs/get each.
    bool worthSweeping(const QString &profileHost, int candidates, int dueSoon) const;
    // Whether the key's runs/list failed for good (e.g. a gateway that refuses the query).
    bool refused(const QString &profileHost) const { return m_refused.contains(profileHost); }
    // Reads the key's active list with `client`, for the records `covered`: finished or failed
    // comes later with them.
    void start(const QString &profileHost, JobsClient *client, const QList<qint64> &covered);

Q_SIGNALS:
    // The whole list was read: `seen` gives each active run's state by run id.
    void finished(const QString &profileHost, const QList<qint64> &covered,
                  const QHash<qint64, Brickrun::RunState> &seen);
    // A page could not be read; refused(profileHost) already says whether for good.
    void failed(const QString &profileHost, const QList<qint64> &covered,
                const Brickrun::ApiError &error);

private:
    struct Sweep
    {
        QList<qint64> covered;        // record ids
        QHash<qint64, RunState> seen; // run id → state in the active list
        QPointer<JobsClient> client;
        RunListPager pager;
    };
    void fetchPage(const QString &profileHost);
    void fail(const QString &profileHost, const ApiError &error);

    bool m_enabled = true;
    QHash<QString, Sweep> m_sweeps;  // in flight
    QHash<QString, int> m_lastPages; // pages the last sweep of a key took
    QSet<QString> m_refused;         // keys whose runs/list failed for good
};

} // namespace Brickrun
