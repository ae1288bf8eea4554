// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringView>
#include <QVariant>

namespace Brickrun {

// A strict JSON reader (RFC 8259, plus Python's NaN/Infinity) over UTF-16 text, with which
// ResultTable::parse builds a table directly (no QJsonDocument in between). Errors keep the offset
// where reading stopped, so a text that simply ends early (cut by the service) can be told apart
// from one that is not JSON at all.
class JsonTextReader
{
public:
    explicit JsonTextReader(QStringView text)
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
    bool readString(QStringView &out);

    // A number, validated against the JSON grammar: a qint64 when it is an integer that fits,
    // else a double. Also NaN, Infinity, -Infinity.
    bool readNumber(QVariant &out);

    // A JSON value of any kind as compact JSON text appended to `out`, or only validated and
    // skipped when `out` is null. Strings and numbers keep their original spelling.
    bool writeValue(QString *out, int depth);

    // A value that is not an object or array (the current character decides which).
    bool readScalar(QVariant &out);

    // One table cell: a scalar, or an object/array as compact JSON text.
    bool readCell(QVariant &out);

private:
    bool skipDigits();

    bool readLiteral(const char16_t *word, const QVariant &value, QVariant &out);

    bool readSpecial(const QChar *start, QVariant &out);

    const QChar *m_begin;
    const QChar *m_p;
    const QChar *m_end;
    const QChar *m_errorAt = nullptr;
    QString m_scratch; // strings with escapes, decoded
};

} // namespace Brickrun
