// SPDX-License-Identifier: Apache-2.0
#include "model/ResultTable.h"

#include "model/JsonTextReader.h"

#include <QHash>
#include <QStringView>

#include <algorithm>

namespace Brickrun {

namespace {

ResultTable notTable(const QString &reason)
{
    ResultTable t;
    t.reason = reason;
    return t;
}

// The records in an array of objects; `reader` is just past the '['.
bool readRecords(JsonTextReader &reader, ResultTable &table, QString &shape)
{
    QHash<QString, int> columnOf;
    QList<int> lastOrder; // the columns of the previous row, by position: usually the same keys
    QList<int> order;
    qsizetype element = 0;
    for (;;) {
        reader.skipWhitespace();
        if (reader.atEnd())
            return reader.fail();
        if (reader.peek() != QLatin1Char('{')) {
            if (element > 0)
                shape = ResultTable::tr("Element %1 of the JSON array is not an object.")
                            .arg(element + 1);
            else if (reader.peek() == QLatin1Char('['))
                shape = ResultTable::tr("The result is a JSON array of arrays, not of objects.");
            else
                shape = ResultTable::tr("The result is a JSON array of plain values, not of "
                                        "objects.");
            return false;
        }
        reader.consume(u'{');
        QVariantList row(table.columns.size());
        order.clear();
        if (!reader.consume(u'}')) {
            for (;;) {
                reader.skipWhitespace();
                QStringView key;
                if (!reader.readString(key))
                    return false;
                int column = -1;
                const qsizetype position = order.size();
                if (position < lastOrder.size() &&
                    table.columns.at(lastOrder.at(position)) == key) {
                    column = lastOrder.at(position);
                } else {
                    const QString name = key.toString();
                    column = columnOf.value(name, -1);
                    if (column < 0) {
                        column = int(table.columns.size());
                        columnOf.insert(name, column);
                        table.columns.append(name);
                    }
                }
                order.append(column);
                if (!reader.consume(u':'))
                    return reader.fail();
                if (column >= row.size())
                    row.resize(column + 1);
                if (!reader.readCell(row[column])) // a repeated key: the last value wins
                    return false;
                if (reader.consume(u','))
                    continue;
                if (reader.consume(u'}'))
                    break;
                return reader.fail();
            }
        }
        table.rows.append(std::move(row));
        std::swap(order, lastOrder);
        ++element;
        if (reader.consume(u','))
            continue;
        if (reader.consume(u']'))
            break;
        return reader.fail();
    }
    const qsizetype width = table.columns.size();
    for (QVariantList &row : table.rows) {
        if (row.size() < width)
            row.resize(width);
    }
    if (width == 0) {
        shape = ResultTable::tr("The result is a JSON array of empty objects.");
        return false;
    }
    return true;
}

// An object member's key and the ':' after it; false when the reader failed.
bool readKey(JsonTextReader &reader, QString &key)
{
    reader.skipWhitespace();
    QStringView keyView;
    if (!reader.readString(keyView))
        return false;
    key = keyView.toString();
    if (!reader.consume(u':'))
        return reader.fail();
    return true;
}

// The columns of an object of arrays; `reader` is just past the '{'.
bool readColumns(JsonTextReader &reader, ResultTable &table, QString &shape)
{
    QList<QVariantList> data;
    QHash<QString, int> columnOf;
    for (;;) {
        QString key;
        if (!readKey(reader, key))
            return false;
        reader.skipWhitespace();
        if (reader.atEnd())
            return reader.fail();
        if (reader.peek() != QLatin1Char('[')) {
            shape = ResultTable::tr("The result is a JSON object whose values are not all arrays "
                                    "(\"%1\" is not).")
                        .arg(key);
            return false;
        }
        reader.consume(u'[');
        QVariantList values;
        if (!reader.consume(u']')) {
            for (;;) {
                QVariant cell;
                if (!reader.readCell(cell))
                    return false;
                values.append(std::move(cell));
                if (reader.consume(u','))
                    continue;
                if (reader.consume(u']'))
                    break;
                return reader.fail();
            }
        }
        const int existing = columnOf.value(key, -1);
        if (existing >= 0) {
            data[existing] = std::move(values); // a repeated key: the last value wins
        } else {
            columnOf.insert(key, int(table.columns.size()));
            table.columns.append(key);
            data.append(std::move(values));
        }
        if (reader.consume(u','))
            continue;
        if (reader.consume(u'}'))
            break;
        return reader.fail();
    }
    qsizetype height = 0;
    for (const QVariantList &column : std::as_const(data))
        height = std::max(height, column.size());
    table.rows.reserve(height);
    const qsizetype width = data.size();
    for (qsizetype r = 0; r < height; ++r) {
        QVariantList row(width);
        for (qsizetype c = 0; c < width; ++c) {
            if (r < data.at(c).size())
                row[c] = data.at(c).at(r);
        }
        table.rows.append(std::move(row));
    }
    return true;
}

// A flat object as two columns, one row per key: {"status": "ok", "rows": 42}; `reader` is just
// past the '{'. Values that are objects or arrays become their compact JSON text.
bool readKeyValues(JsonTextReader &reader, ResultTable &table)
{
    table.columns = {ResultTable::tr("Key"), ResultTable::tr("Value")};
    QHash<QString, int> rowOf;
    for (;;) {
        QString key;
        if (!readKey(reader, key))
            return false;
        QVariant value;
        if (!reader.readCell(value))
            return false;
        const int existing = rowOf.value(key, -1);
        if (existing >= 0) {
            table.rows[existing][1] = std::move(value); // a repeated key: the last value wins
        } else {
            rowOf.insert(key, int(table.rows.size()));
            table.rows.append(QVariantList{key, std::move(value)});
        }
        if (reader.consume(u','))
            continue;
        if (reader.consume(u'}'))
            return true;
        return reader.fail();
    }
}

} // namespace

ResultTable ResultTable::parse(const QString &notebookResult)
{
    JsonTextReader reader{QStringView(notebookResult)};
    reader.skipWhitespace();
    if (reader.atEnd())
        return notTable(tr("The result is empty."));

    ResultTable table;
    QString shape;
    bool ok = false;
    const QChar first = reader.peek();
    if (first == QLatin1Char('[')) {
        reader.consume(u'[');
        if (reader.consume(u']'))
            shape = tr("The result is an empty JSON array.");
        else
            ok = readRecords(reader, table, shape);
    } else if (first == QLatin1Char('{')) {
        reader.consume(u'{');
        if (reader.consume(u'}')) {
            shape = tr("The result is an empty JSON object.");
        } else {
            ok = readColumns(reader, table, shape);
            if (!ok && !shape.isEmpty()) {
                // Not every value is an array: a flat object, read as keys and values.
                shape.clear();
                table = ResultTable();
                reader.rewind();
                reader.consume(u'{');
                ok = readKeyValues(reader, table);
            }
        }
    } else {
        shape = tr("The result is a single JSON value, not records.");
    }

    if (ok) {
        reader.skipWhitespace();
        if (reader.atEnd()) {
            table.isTable = true;
            return table;
        }
        reader.fail();
    } else if (!shape.isEmpty()) {
        // Valid JSON of another shape, or not JSON at all? Read it all again to know.
        reader.rewind();
        if (reader.writeValue(nullptr, 0)) {
            reader.skipWhitespace();
            if (reader.atEnd())
                return notTable(shape);
            reader.fail();
        }
    }

    // Not JSON: say how, in terms a user can act on. Text that does not open an array or an
    // object was never meant as JSON records ("done", "42 rows written").
    if (first != QLatin1Char('[') && first != QLatin1Char('{'))
        return notTable(tr("The result is plain text, not JSON."));
    if (reader.failedAtEnd())
        return notTable(tr("The result is JSON that ends early, as when the service cuts a result "
                           "at 5 MB."));
    return notTable(
        tr("The result is not valid JSON (error at character %1).").arg(reader.errorOffset() + 1));
}

} // namespace Brickrun
