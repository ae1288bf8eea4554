// SPDX-License-Identifier: Apache-2.0
// Fuzz target: ResultTable::parse, the single-pass reader of a notebook's result as a table (no
// DOM, its own number and string scanning, NaN/Infinity extensions). The result is whatever a
// notebook passed to dbutils.notebook.exit, cut at 5 MB: anything at all.
#include "FuzzInput.h"
#include "model/ResultTable.h"

using namespace Brickrun;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Fuzz::FuzzInput input(data, size);
    const ResultTable table = ResultTable::parse(QString::fromUtf8(input.all()));
    if (table.isTable) {
        Fuzz::check(table.reason.isEmpty(), "a table with a reason not to be one");
        for (const QVariantList &row : table.rows)
            Fuzz::check(row.size() == table.columns.size(), "a row of the wrong width");
    } else {
        Fuzz::check(!table.reason.isEmpty(), "not a table, and no reason why");
    }
    return 0;
}
