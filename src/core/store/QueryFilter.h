// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/RunRecord.h"
#include "store/HistoryStore.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVariantList>

namespace Brickrun {

// The history's query language, in one place: a HistoryStore::Query read once into conditions
// and sort keys over the fields of a run, and from that one reading both
// - compiled to SQL (the store's WHERE and ORDER BY over `runs r`), and
// - evaluated on a record in memory (the runs table places a run that changed while shown:
//   a run that no longer matches leaves, a new one goes to its sorted place, without asking
//   the store for the whole result again).
// Each field and condition is defined once below with both forms side by side, as SQLite
// evaluates them: LIKE is a substring match, case-insensitive for ASCII letters only; NOCASE
// folds ASCII only; text compares as UTF-8 bytes; a duration is known only once a run ended
// and sorts as the smallest (SQL NULL); every order ends in submitted time, then id.
// tst_queryfilter runs the same queries both ways over one set of records.
class QueryFilter
{
public:
    explicit QueryFilter(const HistoryStore::Query &query = {});

    // " WHERE …" (empty when every run matches), its values to bind in order, and
    // " ORDER BY …".
    QString sqlWhere() const;
    QVariantList sqlValues() const;
    QString sqlOrderBy() const;

    bool matches(const RunRecord &record) const;
    // True when `a` comes before `b` in the query's order.
    bool before(const RunRecord &a, const RunRecord &b) const;

private:
    enum class Field
    {
        RunName,
        NotebookPath, // the notebook, or a Python file task's file
        ParameterValues,
        RunIdText, // the run id as text; none until the service gave one
        Profile,
        // Where the run went, as the Cluster column says it: an existing cluster's id, or
        // "Serverless [environment]" or "New job cluster <runtime> <node type> [Photon]".
        Compute,
        LifeCycleState,
        ResultState,
        Duration, // none until the run ended
        RunId,
        SubmittedAt,
        Id
    };
    struct Condition
    {
        enum class Kind
        {
            ContainsText, // any of `fields` holds `text` (LIKE '%text%')
            Equals,       // `fields[0]` is `text`
            AtLeast,      // `fields[0]` >= `number`
            Below,        // `fields[0]` < `number`
            Active,       // still followed (tracking Submitting or Active)
            Success,      // ended TERMINATED SUCCESS
            Nothing       // matches no run (an unknown status)
        } kind = Kind::Nothing;
        QList<Field> fields;
        QString text;
        QByteArray foldedText; // ContainsText: `text` in UTF-8, ASCII letters lower-cased
        qint64 number = 0;
        bool negated = false; // Active and Success
    };
    struct SortKey
    {
        Field field;
        bool noCase = false; // COLLATE NOCASE
    };
    // A field's value in a record as SQLite sees the column: NULL, a number or UTF-8 text.
    struct Value
    {
        bool isNull = false;
        qint64 number = 0;
        QByteArray text;
    };

    // The one definition of each field: its SQL expression and its value in a record.
    static QString sqlOf(Field field);
    static Value valueOf(Field field, const RunRecord &record);
    static int compare(const Value &a, const Value &b, bool noCase);
    QString sqlOf(const Condition &condition) const;
    bool holds(const Condition &condition, const RunRecord &record) const;

    QList<Condition> m_conditions;
    QList<SortKey> m_sortKeys;
    bool m_descending = true;
    bool m_textSearch = false; // see sqlOrderBy()
};

} // namespace Brickrun
