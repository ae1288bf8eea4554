// SPDX-License-Identifier: Apache-2.0
#include "FaultInjector.h"

#include <utility>

namespace Brickrun::Emulator {

void FaultInjector::setPlan(const FaultPlan &plan)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_plan = plan;
    m_position.clear();
    m_rateFaults.clear();
    m_random.clear();
    for (auto it = plan.routes.begin(); it != plan.routes.end(); ++it)
        m_random.insert(it.key(), std::mt19937_64(it.value().seed));
    m_pendingDeletions = plan.deleteRuns;
    m_nextRunDeletions = plan.deleteNextRuns;
    m_apiRequests = 0;
    m_revocationLifted = false;
}

FaultPlan FaultInjector::plan() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_plan;
}

std::optional<Fault> FaultInjector::pick(const QString &key)
{
    const auto it = m_plan.routes.constFind(key);
    if (it == m_plan.routes.constEnd())
        return std::nullopt;
    const RouteFaults &rule = it.value();
    int &position = m_position[key];
    if (position < rule.sequence.size())
        return rule.sequence.at(position++);
    if (rule.rate <= 0.0 || rule.rateFaults.isEmpty())
        return std::nullopt;
    if (rule.maxRateFaults >= 0 && m_rateFaults.value(key) >= rule.maxRateFaults)
        return std::nullopt;
    std::mt19937_64 &random = m_random[key];
    // 53 random bits: a uniform number in [0, 1), the same sequence on every platform.
    const double draw = static_cast<double>(random() >> 11) * (1.0 / 9007199254740992.0);
    if (draw >= rule.rate)
        return std::nullopt;
    ++m_rateFaults[key];
    return rule.rateFaults.at(static_cast<qsizetype>(random() % rule.rateFaults.size()));
}

FaultInjector::Decision FaultInjector::next(const QString &route, bool isApi)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    ++m_stats.requests;
    ++m_stats.requestsByRoute[route];
    Decision decision;
    if (!isApi)
        return decision;
    if (m_plan.revokeTokenAfter >= 0 && !m_revocationLifted) {
        if (m_apiRequests >= m_plan.revokeTokenAfter) {
            decision.tokenRevoked = true;
            return decision;
        }
        ++m_apiRequests;
    }
    decision.fault = pick(route);
    if (!decision.fault)
        decision.fault = pick(QStringLiteral("*"));
    return decision;
}

void FaultInjector::liftRevocation()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_revocationLifted = true;
}

QList<qint64> FaultInjector::takeRunDeletions()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return std::exchange(m_pendingDeletions, {});
}

bool FaultInjector::takeNextRunDeletion()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_nextRunDeletions <= 0)
        return false;
    --m_nextRunDeletions;
    return true;
}

void FaultInjector::finish(const RequestLogEntry &entry)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!entry.fault.isEmpty())
        ++m_stats.faultsByKind[entry.fault];
    m_log.append(entry);
    if (m_log.size() > kMaxLogEntries)
        m_log.remove(0, m_log.size() - kMaxLogEntries);
}

void FaultInjector::countFault(const QString &name)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    ++m_stats.faultsByKind[name];
}

EmulatorStats FaultInjector::stats() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_stats;
}

QList<RequestLogEntry> FaultInjector::requestLog() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_log;
}

void FaultInjector::clearTraffic()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_stats = EmulatorStats();
    m_log.clear();
}

} // namespace Brickrun::Emulator
