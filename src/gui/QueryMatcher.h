#pragma once

#include "model/RunRecord.h"
#include "store/HistoryStore.h"

namespace Brickrun {

// HistoryStore::Query evaluated on one record in memory, exactly as the store's SQL does it:
// whether the record is in the query's result and where it sorts. The runs table uses it to
// place a run that changed while it is shown (a run that no longer matches leaves, a new one
// goes to its sorted place) without asking the store for the whole result again.
//
// It mirrors HistoryStore's filterOf()/orderOf(): LIKE is a substring match, case-insensitive
// for ASCII letters only; NOCASE folds ASCII only; text compares as UTF-8 bytes; a duration is
// known only once a run ended and sorts as the smallest (SQL NULL); every order ends in
// submitted time, then id. tst_historyview checks the two agree.
class QueryMatcher
{
public:
    explicit QueryMatcher(const HistoryStore::Query &query);

    bool matches(const RunRecord &record) const;
    // True when `a` comes before `b` in the query's order.
    bool before(const RunRecord &a, const RunRecord &b) const;

private:
    HistoryStore::Query m_query;
    QByteArray m_foldedText; // the search text, UTF-8, ASCII letters lower-cased
};

} // namespace Brickrun
