// SPDX-License-Identifier: Apache-2.0
#include "model/JsonTextReader.h"

#include <QLocale>

#include <charconv>
#include <cmath>
#include <limits>

namespace Brickrun {

namespace {
constexpr int MaxNesting = 512; // deeper JSON is refused rather than risking the stack
} // namespace

bool JsonTextReader::readString(QStringView &out)
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

bool JsonTextReader::readNumber(QVariant &out)
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

bool JsonTextReader::writeValue(QString *out, int depth)
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

bool JsonTextReader::readScalar(QVariant &out)
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

bool JsonTextReader::readCell(QVariant &out)
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

bool JsonTextReader::skipDigits()
{
    const QChar *start = m_p;
    while (m_p < m_end && m_p->unicode() >= u'0' && m_p->unicode() <= u'9')
        ++m_p;
    return m_p > start;
}

bool JsonTextReader::readLiteral(const char16_t *word, const QVariant &value, QVariant &out)
{
    for (const char16_t *w = word; *w; ++w, ++m_p) {
        if (m_p >= m_end || m_p->unicode() != *w)
            return fail();
    }
    out = value;
    return true;
}

bool JsonTextReader::readSpecial(const QChar *start, QVariant &out)
{
    const bool negative = start->unicode() == u'-';
    QVariant ignored;
    if (!readLiteral(u"Infinity", ignored, ignored))
        return false;
    out = QVariant(negative ? -HUGE_VAL : HUGE_VAL);
    return true;
}

} // namespace Brickrun
