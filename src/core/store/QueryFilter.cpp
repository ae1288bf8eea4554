// SPDX-License-Identifier: Apache-2.0
#include "store/QueryFilter.h"

#include "store/HistoryRows.h"
#include "store/StoreSql.h"

namespace Brickrun {

namespace {

// What SQLite's LIKE and NOCASE do to text: ASCII letters lower-cased, nothing else.
QByteArray foldAscii(QByteArray bytes)
{
    for (char &c : bytes) {
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    }
    return bytes;
}

template<typename T>
int compareValues(const T &a, const T &b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

} // namespace

QueryFilter::QueryFilter(const HistoryStore::Query &query)
    : m_descending(query.descending)
{
    const QString text = query.text.trimmed();
    if (!text.isEmpty()) {
        Condition c;
        c.kind = Condition::Kind::ContainsText;
        c.fields = {Field::RunName, Field::NotebookPath, Field::Compute, Field::ParameterValues,
                    Field::RunIdText};
        c.text = text;
        c.foldedText = foldAscii(text.toUtf8());
        m_conditions << c;
        m_textSearch = true;
    }
    if (!query.profile.isEmpty()) {
        Condition c;
        c.kind = Condition::Kind::Equals;
        c.fields = {Field::Profile};
        c.text = query.profile;
        m_conditions << c;
    }
    const auto state = [this](Condition::Kind kind, bool negated) {
        Condition c;
        c.kind = kind;
        c.negated = negated;
        m_conditions << c;
    };
    if (query.status.isEmpty()) {
    } else if (query.status == QLatin1String("active")) {
        state(Condition::Kind::Active, false);
    } else if (query.status == QLatin1String("success")) {
        state(Condition::Kind::Active, true);
        state(Condition::Kind::Success, false);
    } else if (query.status == QLatin1String("failed")) { // every other end
        state(Condition::Kind::Active, true);
        state(Condition::Kind::Success, true);
    } else {
        qCWarning(StoreSql::lcStore, "unknown status filter \"%s\": nothing matches",
                  qUtf8Printable(query.status));
        state(Condition::Kind::Nothing, false);
    }
    if (query.fromMs > 0) {
        Condition c;
        c.kind = Condition::Kind::AtLeast;
        c.fields = {Field::SubmittedAt};
        c.number = query.fromMs;
        m_conditions << c;
    }
    if (query.toMs > 0) {
        Condition c;
        c.kind = Condition::Kind::Below;
        c.fields = {Field::SubmittedAt};
        c.number = query.toMs;
        m_conditions << c;
    }

    using Sort = HistoryStore::Query::Sort;
    switch (query.sort) {
    case Sort::Submitted:
        break;
    case Sort::RunName:
        m_sortKeys << SortKey{Field::RunName, true};
        break;
    case Sort::Notebook:
        m_sortKeys << SortKey{Field::NotebookPath, true};
        break;
    case Sort::Cluster:
        m_sortKeys << SortKey{Field::Compute, true};
        break;
    case Sort::Profile:
        m_sortKeys << SortKey{Field::Profile, false};
        break;
    case Sort::State:
        m_sortKeys << SortKey{Field::LifeCycleState, false} << SortKey{Field::ResultState, false};
        break;
    case Sort::Duration:
        m_sortKeys << SortKey{Field::Duration, false};
        break;
    case Sort::RunId:
        m_sortKeys << SortKey{Field::RunId, false};
        break;
    }
    // A total order, so ids() and page() always agree.
    m_sortKeys << SortKey{Field::SubmittedAt, false} << SortKey{Field::Id, false};
}

// ---- The fields: SQL and value side by side --------------------------------------------------

QString QueryFilter::sqlOf(Field field)
{
    switch (field) {
    case Field::RunName:
        return QStringLiteral("r.run_name");
    case Field::NotebookPath:
        return QStringLiteral("r.notebook_path");
    case Field::ParameterValues:
        return QStringLiteral("r.parameter_values");
    case Field::RunIdText:
        return QStringLiteral("(CASE WHEN r.run_id <> 0 THEN CAST(r.run_id AS TEXT) END)");
    case Field::Profile:
        return QStringLiteral("r.profile");
    case Field::Compute:
        // The run's shape (RunSpec::shapeJson) has a compute only when it is not an existing
        // cluster; cluster_id is set only when it is. valueOf() builds the same text.
        return QStringLiteral(
            "(CASE json_extract(r.shape, '$.compute.kind')"
            " WHEN 'serverless' THEN 'Serverless'"
            " || COALESCE(' ' || json_extract(r.shape, '$.compute.environmentVersion'), '')"
            " WHEN 'newJobCluster' THEN 'New job cluster'"
            " || ' ' || COALESCE(json_extract(r.shape, '$.compute.sparkVersion'), '')"
            " || ' ' || COALESCE(json_extract(r.shape, '$.compute.nodeTypeId'), '')"
            " || (CASE WHEN json_extract(r.shape, '$.compute.photon') THEN ' Photon' ELSE '' END)"
            " ELSE r.cluster_id END)");
    case Field::LifeCycleState:
        return QStringLiteral("r.life_cycle_state");
    case Field::ResultState:
        return QStringLiteral("r.result_state");
    case Field::Duration:
        // The expression of the runs_by_duration index, exactly.
        return QStringLiteral("(CASE WHEN r.start_time_ms > 0 AND r.end_time_ms >= r.start_time_ms"
                              " THEN r.end_time_ms - r.start_time_ms END)");
    case Field::RunId:
        return QStringLiteral("r.run_id");
    case Field::SubmittedAt:
        return QStringLiteral("r.submitted_at_ms");
    case Field::Id:
        return QStringLiteral("r.id");
    }
    return QStringLiteral("NULL");
}

QueryFilter::Value QueryFilter::valueOf(Field field, const RunRecord &r)
{
    const auto text = [](const QString &s) { return Value{false, 0, s.toUtf8()}; };
    const auto number = [](qint64 n) { return Value{false, n, {}}; };
    switch (field) {
    case Field::RunName:
        return text(r.spec.runName);
    case Field::NotebookPath: // the column holds the notebook or the Python file
        return text(r.spec.taskPath());
    case Field::ParameterValues:
        return text(HistoryRows::parameterValues(r.spec.parameters));
    case Field::RunIdText:
        return r.runId != 0 ? Value{false, 0, QByteArray::number(r.runId)} : Value{true, 0, {}};
    case Field::Profile:
        return text(r.profile);
    case Field::Compute: {
        const ComputeSpec &c = r.spec.compute;
        switch (c.kind) {
        case ComputeSpec::Kind::ExistingCluster:
            return text(r.spec.clusterId);
        case ComputeSpec::Kind::Serverless:
            return text(QStringLiteral("Serverless") +
                        (c.environmentVersion.isEmpty() ? QString()
                                                        : QLatin1Char(' ') + c.environmentVersion));
        case ComputeSpec::Kind::NewJobCluster:
            return text(QStringLiteral("New job cluster ") + c.sparkVersion + QLatin1Char(' ') +
                        c.nodeTypeId + (c.photon ? QStringLiteral(" Photon") : QString()));
        }
        return text(r.spec.clusterId);
    }
    case Field::LifeCycleState:
        return text(r.state.lifeCycleState);
    case Field::ResultState:
        return text(r.state.resultState);
    case Field::Duration: {
        const std::optional<qint64> duration = HistoryRows::durationMs(r);
        return duration ? number(*duration) : Value{true, 0, {}};
    }
    case Field::RunId:
        return number(r.runId);
    case Field::SubmittedAt:
        return number(r.submittedAtMs);
    case Field::Id:
        return number(r.id);
    }
    return Value{true, 0, {}};
}

// SQLite's order: NULL first, then the values (text as UTF-8 bytes; NOCASE folds ASCII). A
// field holds numbers or text, never both: the other part of its values is always equal.
int QueryFilter::compare(const Value &a, const Value &b, bool noCase)
{
    if (a.isNull || b.isNull)
        return compareValues(!a.isNull, !b.isNull);
    if (const int byNumber = compareValues(a.number, b.number); byNumber != 0)
        return byNumber;
    return noCase ? compareValues(foldAscii(a.text), foldAscii(b.text))
                  : compareValues(a.text, b.text);
}

// ---- The conditions: SQL and evaluation side by side -----------------------------------------

QString QueryFilter::sqlOf(const Condition &c) const
{
    const QString activeSql = QStringLiteral("r.tracking IN ") + HistoryRows::activeTrackingsSql();
    const QString successSql =
        QStringLiteral("(r.life_cycle_state = 'TERMINATED' AND r.result_state = 'SUCCESS')");
    switch (c.kind) {
    case Condition::Kind::ContainsText: {
        QStringList any;
        for (const Field field : c.fields)
            any << sqlOf(field) + QStringLiteral(" LIKE ? ESCAPE '\\'");
        return QLatin1Char('(') + any.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    }
    case Condition::Kind::Equals:
        return sqlOf(c.fields.constFirst()) + QStringLiteral(" = ?");
    case Condition::Kind::AtLeast:
        return sqlOf(c.fields.constFirst()) + QStringLiteral(" >= ?");
    case Condition::Kind::Below:
        return sqlOf(c.fields.constFirst()) + QStringLiteral(" < ?");
    case Condition::Kind::Active:
        return c.negated ? QStringLiteral("NOT (%1)").arg(activeSql) : activeSql;
    case Condition::Kind::Success:
        return c.negated ? QStringLiteral("NOT %1").arg(successSql) : successSql;
    case Condition::Kind::Nothing:
        return QStringLiteral("0");
    }
    return QStringLiteral("0");
}

bool QueryFilter::holds(const Condition &c, const RunRecord &r) const
{
    switch (c.kind) {
    case Condition::Kind::ContainsText:
        for (const Field field : c.fields) {
            const Value v = valueOf(field, r);
            if (!v.isNull && foldAscii(v.text).contains(c.foldedText))
                return true;
        }
        return false;
    case Condition::Kind::Equals:
        return valueOf(c.fields.constFirst(), r).text == c.text.toUtf8();
    case Condition::Kind::AtLeast:
        return valueOf(c.fields.constFirst(), r).number >= c.number;
    case Condition::Kind::Below:
        return valueOf(c.fields.constFirst(), r).number < c.number;
    case Condition::Kind::Active:
        return r.isActive() != c.negated;
    case Condition::Kind::Success:
        return r.state.isSuccess() != c.negated;
    case Condition::Kind::Nothing:
        return false;
    }
    return false;
}

// ---- The query ----------------------------------------------------------------------------------

QString QueryFilter::sqlWhere() const
{
    QStringList terms;
    for (const Condition &c : m_conditions)
        terms << sqlOf(c);
    return terms.isEmpty() ? QString()
                           : QStringLiteral(" WHERE ") + terms.join(QStringLiteral(" AND "));
}

QVariantList QueryFilter::sqlValues() const
{
    QVariantList values;
    for (const Condition &c : m_conditions) {
        switch (c.kind) {
        case Condition::Kind::ContainsText:
            for (qsizetype i = 0; i < c.fields.size(); ++i)
                values << StoreSql::likePattern(c.text);
            break;
        case Condition::Kind::Equals:
            values << c.text;
            break;
        case Condition::Kind::AtLeast:
        case Condition::Kind::Below:
            values << c.number;
            break;
        case Condition::Kind::Active:
        case Condition::Kind::Success:
        case Condition::Kind::Nothing:
            break;
        }
    }
    return values;
}

// Every sort matches an index of the schema exactly (expression and collation): without a text
// search SQLite walks that index and the first page costs ~nothing. With a text search every
// row is read anyway (LIKE '%x%' has no index), and walking an index would read the rows in
// random order; "+" (a no-op) hides the index so SQLite scans the table in order and sorts only
// the matches.
QString QueryFilter::sqlOrderBy() const
{
    const QString direction = m_descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    QStringList keys;
    for (const SortKey &key : m_sortKeys) {
        const QString expression = sqlOf(key.field);
        QString k = m_textSearch ? QStringLiteral("(+%1)").arg(expression) : expression;
        if (key.noCase)
            k += QStringLiteral(" COLLATE NOCASE");
        keys << k + direction;
    }
    return QStringLiteral(" ORDER BY ") + keys.join(QStringLiteral(", "));
}

bool QueryFilter::matches(const RunRecord &record) const
{
    for (const Condition &c : m_conditions) {
        if (!holds(c, record))
            return false;
    }
    return true;
}

bool QueryFilter::before(const RunRecord &a, const RunRecord &b) const
{
    for (const SortKey &key : m_sortKeys) {
        const int c = compare(valueOf(key.field, a), valueOf(key.field, b), key.noCase);
        if (c != 0)
            return m_descending ? c > 0 : c < 0;
    }
    return false;
}

} // namespace Brickrun
