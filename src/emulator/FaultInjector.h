// SPDX-License-Identifier: Apache-2.0
#pragma once

// Applies a FaultPlan to the stream of requests: which request gets which fault (sequences in
// order, rates from a seeded generator), when the token counts as revoked, which runs are to
// be deleted; and keeps the request log and counters. Thread-safe: the server's worker threads
// call it concurrently.

#include "FaultPlan.h"
#include "RequestLog.h"

#include <QHash>

#include <mutex>
#include <optional>
#include <random>

namespace Brickrun::Emulator {

class FaultInjector
{
public:
    // Replaces the plan: sequences start over, generators are re-seeded, a revocation is lifted.
    void setPlan(const FaultPlan &plan);
    FaultPlan plan() const;

    struct Decision
    {
        bool tokenRevoked = false; // answer 401 "Invalid access token."
        std::optional<Fault> fault;
    };
    // Counts one request (route: FaultPlan::routeOf its path, or the path outside /api/) and
    // decides what it gets. Only API requests get faults.
    Decision next(const QString &route, bool isApi);
    // A new token was set: the revoked one is forgotten.
    void liftRevocation();
    // The run ids the plan deletes, once (empty on later calls).
    QList<qint64> takeRunDeletions();
    // True when the run runs/submit just created is to be deleted (counts it down).
    bool takeNextRunDeletion();

    void finish(const RequestLogEntry &entry);
    void countFault(const QString &name);
    EmulatorStats stats() const;
    QList<RequestLogEntry> requestLog() const;
    void clearTraffic();

    static constexpr int kMaxLogEntries = 10000;

private:
    std::optional<Fault> pick(const QString &key);

    mutable std::mutex m_mutex;
    FaultPlan m_plan;
    QHash<QString, int> m_position;   // next sequence index per route
    QHash<QString, int> m_rateFaults; // faults the rate injected per route
    QHash<QString, std::mt19937_64> m_random;
    QList<qint64> m_pendingDeletions;
    int m_nextRunDeletions = 0;
    int m_apiRequests = 0; // since the plan was set, for revoke-token-after
    bool m_revocationLifted = false;
    EmulatorStats m_stats;
    QList<RequestLogEntry> m_log;
};

} // namespace Brickrun::Emulator
