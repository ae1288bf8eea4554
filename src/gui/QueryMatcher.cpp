#include "QueryMatcher.h"

#include <optional>

namespace Brickrun {

namespace {

QByteArray foldAscii(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    for (char &c : bytes) {
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    }
    return bytes;
}

bool isSuccess(const RunRecord &r)
{
    return r.state.lifeCycleState == QLatin1String("TERMINATED") &&
           r.state.resultState == QLatin1String("SUCCESS");
}

std::optional<qint64> duration(const RunRecord &r)
{
    if (r.startTimeMs > 0 && r.endTimeMs >= r.startTimeMs)
        return r.endTimeMs - r.startTimeMs;
    return std::nullopt;
}

template<typename T>
int compare(const T &a, const T &b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

int compareDurations(const std::optional<qint64> &a, const std::optional<qint64> &b)
{
    if (!a || !b)
        return compare(a.has_value(), b.has_value()); // NULL first
    return compare(*a, *b);
}

} // namespace

QueryMatcher::QueryMatcher(const HistoryStore::Query &query)
    : m_query(query)
    , m_foldedText(foldAscii(query.text.trimmed()))
{}

bool QueryMatcher::matches(const RunRecord &r) const
{
    if (!m_foldedText.isEmpty()) {
        QStringList values;
        for (const auto &p : r.spec.parameters)
            values << p.second;
        const bool found = foldAscii(r.spec.runName).contains(m_foldedText) ||
                           foldAscii(r.spec.notebookPath).contains(m_foldedText) ||
                           foldAscii(values.join(QChar(0x1f))).contains(m_foldedText) ||
                           (r.runId != 0 && QByteArray::number(r.runId).contains(m_foldedText));
        if (!found)
            return false;
    }
    if (!m_query.profile.isEmpty() && r.profile != m_query.profile)
        return false;
    const QString &status = m_query.status;
    if (status == QLatin1String("active")) {
        if (!r.isActive())
            return false;
    } else if (status == QLatin1String("success")) {
        if (r.isActive() || !isSuccess(r))
            return false;
    } else if (status == QLatin1String("failed")) {
        if (r.isActive() || isSuccess(r))
            return false;
    } else if (!status.isEmpty()) {
        return false; // the store matches nothing for an unknown status
    }
    if (m_query.fromMs > 0 && r.submittedAtMs < m_query.fromMs)
        return false;
    if (m_query.toMs > 0 && r.submittedAtMs >= m_query.toMs)
        return false;
    return true;
}

bool QueryMatcher::before(const RunRecord &a, const RunRecord &b) const
{
    using Sort = HistoryStore::Query::Sort;
    int c = 0;
    switch (m_query.sort) {
    case Sort::Submitted:
        break;
    case Sort::RunName:
        c = compare(foldAscii(a.spec.runName), foldAscii(b.spec.runName));
        break;
    case Sort::Notebook:
        c = compare(foldAscii(a.spec.notebookPath), foldAscii(b.spec.notebookPath));
        break;
    case Sort::Cluster:
        c = compare(a.spec.clusterId.toUtf8(), b.spec.clusterId.toUtf8());
        break;
    case Sort::Profile:
        c = compare(a.profile.toUtf8(), b.profile.toUtf8());
        break;
    case Sort::State:
        c = compare(a.state.lifeCycleState.toUtf8(), b.state.lifeCycleState.toUtf8());
        if (c == 0)
            c = compare(a.state.resultState.toUtf8(), b.state.resultState.toUtf8());
        break;
    case Sort::Duration:
        c = compareDurations(duration(a), duration(b));
        break;
    case Sort::RunId:
        c = compare(a.runId, b.runId);
        break;
    }
    if (c == 0)
        c = compare(a.submittedAtMs, b.submittedAtMs);
    if (c == 0)
        c = compare(a.id, b.id);
    return m_query.descending ? c > 0 : c < 0;
}

} // namespace Brickrun
