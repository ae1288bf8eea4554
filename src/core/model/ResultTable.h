// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace Brickrun {

// A notebook result (the string passed to dbutils.notebook.exit) read as a table, when it is
// JSON records:
// - an array of objects, e.g. [{"a": 1, "b": "x"}, {"a": 2, "c": true}]: the columns are the
//   union of the keys in the order they first appear in the text (not sorted: a DataFrame's
//   column order survives), a key an object lacks is a null cell;
// - an object of arrays, e.g. {"a": [1, 2], "b": ["x", "y"]}: the columns are the keys, row i
//   takes element i of every array, shorter arrays are padded with nulls;
// - any other object, e.g. {"status": "ok", "rows": 42}: two columns, Key and Value, one row per
//   key in the order of the text.
// Cells are qint64 (integers that fit), double, bool, QString, or an invalid QVariant for null
// (JSON null or a missing key). An object or array inside a cell becomes its compact JSON text.
// Python's json.dumps writes NaN, Infinity and -Infinity for float values; they are accepted as
// doubles although strict JSON has no such literals.
//
// Anything else is not a table: isTable is false and `reason` says why in a sentence for people
// (plain text, a single value, an array of plain values, an empty object, a JSON text cut off
// by the service's 5 MB limit, …).
//
// parse() is a single pass over the text with no intermediate DOM (QJsonDocument would sort the
// keys and cost twice the memory); it is meant to run off the GUI thread for large results.
struct ResultTable
{
    QStringList columns;
    QList<QVariantList> rows; // every row has columns.size() cells
    bool isTable = false;
    QString reason; // why this is not a table; empty when isTable

    static ResultTable parse(const QString &notebookResult);

    Q_DECLARE_TR_FUNCTIONS(Brickrun::ResultTable)
};

} // namespace Brickrun
