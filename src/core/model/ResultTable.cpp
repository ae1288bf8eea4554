// SPDX-License-Identifier: Apache-2.0
#include "model/ResultTable.h"

#include <QHash>
#include <QLocale>
#include <QStringView>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

namespace Brickrun {

namespace {

constexpr int MaxNesting = 512; // deeper JSON is refused rather than risking the stack

// A strict JSON reader (RFC 8259, plus Python's NaN/Infinity) over UTF-16 text that builds the
// table directly. Errors keep the offset where reading stopped, so a text that simply ends
// early (cut by the service) can be told apart from one that is not JSON at all.
class Reader
{
public:
    explicit Reader(QStringView text)
        : m_begin(text.data())
        , m_p(text.data())
        , m_end(text.data() + text.size())
    {}

    bool atEnd() const { return m_p >= m_end; }
    QChar peek() const { return *m_p; }
    qsizetype offset() const { return m_p - m_begin; }
    void rewind() { m_p = m_begin; }
    bool failedAtEnd() const { return m_errorAt >= m_end; }
    qsizetype errorOffset() const { return m_errorAt - m_begin; }

    void skipWhitespace()
    {
        while (m_p < m_end) {
            const char16_t c = m_p->unicode();
            if (c != u' ' && c != u'\n' && c != u'\r' && c != u'\t')
                return;
            ++m_p;
        }
    }

    // Skips whitespace, then consumes `c` if it is next.
    bool consume(char16_t c)
    {
        skipWhitespace();
        if (m_p < m_end && m_p->unicode() == c) {
            ++m_p;
            return true;
        }
        return false;
    }

    bool fail()
    {
        m_errorAt = m_p;
        return false;
    }

    // A string starting at the current '"'. Without escapes the result is a view into the text
    // (no allocation: object keys are compared against known columns this way); with escapes it
    // is decoded into `buffer` and the view points there.
    bool readString(QStringView &out)
    {
        QString &buffer = m_scratch;
        if (m_p >= m_end || m_p->unicode() != u'"')
            return fail();
        ++m_p;
        const QChar *start = m_p;
        while (m_p < m_end) {
            const char16_t c = m_p->unicode();
            if (c == u'"') {
                out = QStringView(start, m_p - start);
                ++m_p;
                return true;
            }
            if (c == u'\\')
                break;
            if (c < 0x20)
                return fail();
            ++m_p;
        }
        if (m_p >= m_end)
            return fail();
        // Slow path: decode escapes.
        buffer.clear();
        buffer.append(start, m_p - start);
        while (m_p < m_end) {
            const char16_t c = m_p->unicode();
            if (c == u'"') {
                ++m_p;
                out = QStringView(buffer);
                return true;
            }
            if (c < 0x20)
                return fail();
            if (c != u'\\') {
                const QChar *run = m_p;
                while (m_p < m_end && m_p->unicode() != u'"' && m_p->unicode() != u'\\' &&
                       m_p->unicode() >= 0x20)
                    ++m_p;
                buffer.append(run, m_p - run);
                continue;
            }
            ++m_p;
            if (m_p >= m_end)
                return fail();
            switch (m_p->unicode()) {
            case u'"':
                buffer.append(QLatin1Char('"'));
                break;
            case u'\\':
                buffer.append(QLatin1Char('\\'));
                break;
            case u'/':
                buffer.append(QLatin1Char('/'));
                break;
            case u'b':
                buffer.append(QLatin1Char('\b'));
                break;
            case u'f':
                buffer.append(QLatin1Char('\f'));
                break;
            case u'n':
                buffer.append(QLatin1Char('\n'));
                break;
            case u'r':
                buffer.append(QLatin1Char('\r'));
                break;
            case u't':
                buffer.append(QLatin1Char('\t'));
                break;
            case u'u': {
                if (m_end - m_p < 5) {
                    m_p = m_end;
                    return fail();
                }
                char16_t unit = 0;
                for (int i = 1; i <= 4; ++i) {
                    const char16_t h = m_p[i].unicode();
                    unit <<= 4;
                    if (h >= u'0' && h <= u'9')
                        unit |= char16_t(h - u'0');
                    else if (h >= u'a' && h <= u'f')
                        unit |= char16_t(h - u'a' + 10);
                    else if (h >= u'A' && h <= u'F')
                        unit |= char16_t(h - u'A' + 10);
                    else {
                        m_p += i;
                        return fail();
                    }
                }
                buffer.append(QChar(unit)); // surrogate pairs arrive as two escapes
                m_p += 4;
                break;
            }
            default:
                return fail();
            }
            ++m_p;
        }
        return fail();
    }

    // A number, validated against the JSON grammar: a qint64 when it is an integer that fits,
    // else a double. Also NaN, Infinity, -Infinity.
    bool readNumber(QVariant &out)
    {
        const QChar *start = m_p;
        bool integral = true;
        if (m_p < m_end && m_p->unicode() == u'-')
            ++m_p;
        if (m_p < m_end && m_p->unicode() == u'I')
            return readSpecial(start, out);
        if (m_p >= m_end)
            return fail();
        if (m_p->unicode() == u'0') {
            ++m_p;
        } else if (m_p->unicode() >= u'1' && m_p->unicode() <= u'9') {
            skipDigits();
        } else {
            return fail();
        }
        if (m_p < m_end && m_p->unicode() == u'.') {
            integral = false;
            ++m_p;
            if (!skipDigits())
                return fail();
        }
        if (m_p < m_end && (m_p->unicode() == u'e' || m_p->unicode() == u'E')) {
            integral = false;
            ++m_p;
            if (m_p < m_end && (m_p->unicode() == u'+' || m_p->unicode() == u'-'))
                ++m_p;
            if (!skipDigits())
                return fail();
        }
        // The grammar is checked: every character is ASCII. from_chars is locale-independent.
        char buf[64];
        const qsizetype len = m_p - start;
        if (len < qsizetype(sizeof buf)) {
            for (qsizetype i = 0; i < len; ++i)
                buf[i] = char(start[i].unicode());
            if (integral) {
                qint64 v = 0;
                const auto r = std::from_chars(buf, buf + len, v);
                if (r.ec == std::errc() && r.ptr == buf + len) {
                    out = QVariant(v);
                    return true;
                }
            }
            double d = 0;
            const auto r = std::from_chars(buf, buf + len, d);
            if (r.ec == std::errc() && r.ptr == buf + len) {
                out = QVariant(d);
                return true;
            }
            if (r.ec == std::errc::result_out_of_range) { // 1e999 is infinite, 1e-999 is zero
                const bool negative = buf[0] == '-';
                const char *e =
                    std::find_if(buf, buf + len, [](char ch) { return ch == 'e' || ch == 'E'; });
                const bool tiny = e + 1 < buf + len && e[1] == '-';
                out = QVariant(tiny ? (negative ? -0.0 : 0.0) : (negative ? -HUGE_VAL : HUGE_VAL));
                return true;
            }
        }
        // Absurdly long numbers (64+ digits): let QLocale cope.
        bool ok = false;
        const double d = QLocale::c().toDouble(QStringView(start, len), &ok);
        out = QVariant(ok ? d : std::numeric_limits<double>::quiet_NaN());
        return true;
    }

    // A JSON value of any kind as compact JSON text appended to `out`, or only validated and
    // skipped when `out` is null. Strings and numbers keep their original spelling.
    bool writeValue(QString *out, int depth)
    {
        if (depth > MaxNesting)
            return fail();
        skipWhitespace();
        if (m_p >= m_end)
            return fail();
        const char16_t c = m_p->unicode();
        if (c == u'{' || c == u'[') {
            const char16_t close = c == u'{' ? u'}' : u']';
            ++m_p;
            if (out)
                out->append(QChar(c));
            if (consume(close)) {
                if (out)
                    out->append(QChar(close));
                return true;
            }
            for (;;) {
                if (c == u'{') {
                    skipWhitespace();
                    const QChar *keyStart = m_p;
                    QStringView key;
                    if (!readString(key))
                        return false;
                    if (out)
                        out->append(keyStart, m_p - keyStart);
                    if (!consume(u':'))
                        return fail();
                    if (out)
                        out->append(QLatin1Char(':'));
                }
                if (!writeValue(out, depth + 1))
                    return false;
                if (consume(u',')) {
                    if (out)
                        out->append(QLatin1Char(','));
                    continue;
                }
                if (consume(close)) {
                    if (out)
                        out->append(QChar(close));
                    return true;
                }
                return fail();
            }
        }
        const QChar *start = m_p;
        if (c == u'"') {
            QStringView ignored;
            if (!readString(ignored))
                return false;
        } else {
            QVariant ignored;
            if (!readScalar(ignored))
                return false;
        }
        if (out)
            out->append(start, m_p - start);
        return true;
    }

    // A value that is not an object or array (the current character decides which).
    bool readScalar(QVariant &out)
    {
        if (m_p >= m_end)
            return fail();
        switch (m_p->unicode()) {
        case u'"': {
            QStringView s;
            if (!readString(s))
                return false;
            out = QVariant(s.toString());
            return true;
        }
        case u't':
            return readLiteral(u"true", QVariant(true), out);
        case u'f':
            return readLiteral(u"false", QVariant(false), out);
        case u'n':
            return readLiteral(u"null", QVariant(), out);
        case u'N':
            return readLiteral(u"NaN", QVariant(std::numeric_limits<double>::quiet_NaN()), out);
        default:
            return readNumber(out);
        }
    }

    // One table cell: a scalar, or an object/array as compact JSON text.
    bool readCell(QVariant &out)
    {
        skipWhitespace();
        if (m_p < m_end && (m_p->unicode() == u'{' || m_p->unicode() == u'[')) {
            QString json;
            if (!writeValue(&json, 1))
                return false;
            out = QVariant(json);
            return true;
        }
        return readScalar(out);
    }

private:
    bool skipDigits()
    {
        const QChar *start = m_p;
        while (m_p < m_end && m_p->unicode() >= u'0' && m_p->unicode() <= u'9')
            ++m_p;
        return m_p > start;
    }

    bool readLiteral(const char16_t *word, const QVariant &value, QVariant &out)
    {
        for (const char16_t *w = word; *w; ++w, ++m_p) {
            if (m_p >= m_end || m_p->unicode() != *w)
                return fail();
        }
        out = value;
        return true;
    }

    bool readSpecial(const QChar *start, QVariant &out)
    {
        const bool negative = start->unicode() == u'-';
        QVariant ignored;
        if (!readLiteral(u"Infinity", ignored, ignored))
            return false;
        out = QVariant(negative ? -HUGE_VAL : HUGE_VAL);
        return true;
    }

    const QChar *m_begin;
    const QChar *m_p;
    const QChar *m_end;
    const QChar *m_errorAt = nullptr;
    QString m_scratch; // strings with escapes, decoded
};

ResultTable notTable(const QString &reason)
{
    ResultTable t;
    t.reason = reason;
    return t;
}

// The records in an array of objects; `reader` is just past the '['.
bool readRecords(Reader &reader, ResultTable &table, QString &shape)
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
bool readKey(Reader &reader, QString &key)
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
bool readColumns(Reader &reader, ResultTable &table, QString &shape)
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
bool readKeyValues(Reader &reader, ResultTable &table)
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
    Reader reader{QStringView(notebookResult)};
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
