// SPDX-License-Identifier: Apache-2.0
#include "model/WidgetCodeTokenizer.h"

namespace Brickrun::WidgetScanners {

namespace {

using Language = NotebookWidgets::Language;

constexpr int MaxDepth = 256; // brackets nested deeper than this end the reading

class Tokenizer
{
public:
    Tokenizer(QStringView code, Language language)
        : m_s(code)
        , m_language(language)
    {}

    QList<Token> run()
    {
        QList<Token> tokens;
        int depth = 0;
        bool lineStart = true;
        int indent = indentAt(0);
        while (m_i < m_s.size()) {
            const QChar c = m_s.at(m_i);
            if (c == QLatin1Char('\n')) {
                ++m_i;
                ++m_line;
                if (depth == 0) {
                    lineStart = true;
                    indent = indentAt(m_i);
                }
                continue;
            }
            if (c == QLatin1Char('\\') && at(m_i + 1) == QLatin1Char('\n')) {
                m_i += 2; // an explicit line continuation
                ++m_line;
                continue;
            }
            if (c.isSpace()) {
                ++m_i;
                continue;
            }
            if (skipComment())
                continue;
            Token t;
            t.line = m_line;
            t.lineStart = lineStart;
            t.indent = indent;
            lineStart = false;
            if (isQuote(c)) {
                readString(&t, false, false);
            } else if (c.isLetter() || c == QLatin1Char('_')) {
                readWordOrPrefixedString(&t);
            } else if (c.isDigit()) {
                const qsizetype start = m_i;
                while (m_i < m_s.size() &&
                       (at(m_i).isLetterOrNumber() || at(m_i) == QLatin1Char('.') ||
                        at(m_i) == QLatin1Char('_')))
                    ++m_i;
                t.text = m_s.mid(start, m_i - start).toString();
            } else {
                readPunct(&t);
                if (t.isOpen() && ++depth > MaxDepth)
                    break;
                if (t.isClose())
                    depth = qMax(0, depth - 1);
            }
            tokens.append(t);
        }
        return tokens;
    }

private:
    QChar at(qsizetype i) const { return i < m_s.size() ? m_s.at(i) : QChar(); }

    int indentAt(qsizetype i) const
    {
        int column = 0;
        for (; i < m_s.size(); ++i) {
            if (m_s.at(i) == QLatin1Char(' '))
                ++column;
            else if (m_s.at(i) == QLatin1Char('\t'))
                column = (column / 8 + 1) * 8;
            else
                break;
        }
        return column;
    }

    bool isQuote(QChar c) const
    {
        // A Scala 'x' is a character, not a string: it holds no widget name.
        return c == QLatin1Char('"') || (c == QLatin1Char('\'') && m_language != Language::Scala);
    }

    bool skipComment()
    {
        const QChar c = m_s.at(m_i);
        const bool hash = c == QLatin1Char('#') && m_language != Language::Scala;
        const bool slashes = m_language == Language::Scala && c == QLatin1Char('/') &&
                             at(m_i + 1) == QLatin1Char('/');
        if (hash || slashes) {
            while (m_i < m_s.size() && m_s.at(m_i) != QLatin1Char('\n'))
                ++m_i;
            return true;
        }
        if (m_language == Language::Scala && c == QLatin1Char('/') &&
            at(m_i + 1) == QLatin1Char('*')) {
            m_i += 2;
            while (m_i < m_s.size() &&
                   !(m_s.at(m_i) == QLatin1Char('*') && at(m_i + 1) == QLatin1Char('/'))) {
                if (m_s.at(m_i) == QLatin1Char('\n'))
                    ++m_line;
                ++m_i;
            }
            m_i = qMin(m_s.size(), m_i + 2);
            return true;
        }
        return false;
    }

    void readWordOrPrefixedString(Token *t)
    {
        const qsizetype start = m_i;
        while (m_i < m_s.size() && (at(m_i).isLetterOrNumber() || at(m_i) == QLatin1Char('_')))
            ++m_i;
        const QString word = m_s.mid(start, m_i - start).toString();
        const QString lower = word.toLower();
        if (m_i < m_s.size() && (at(m_i) == QLatin1Char('"') || at(m_i) == QLatin1Char('\''))) {
            if (m_language == Language::Python && word.size() <= 2 &&
                QStringLiteral("rbuf").contains(lower.at(0)) &&
                (word.size() == 1 || QStringLiteral("rbf").contains(lower.at(1)))) {
                return readString(t, lower.contains(QLatin1Char('r')),
                                  lower.contains(QLatin1Char('f')));
            }
            if (m_language == Language::Scala && at(m_i) == QLatin1Char('"'))
                return readString(t, word == QLatin1String("raw"), true); // s"", f"", raw""
            if (m_language == Language::R && lower == QLatin1String("r") && readRawRString(t))
                return;
        }
        t->type = Token::Type::Word;
        t->text = word;
    }

    void readPunct(Token *t)
    {
        t->type = Token::Type::Punct;
        const QChar c = m_s.at(m_i);
        const QChar next = at(m_i + 1);
        static const QStringList pairs = {
            QStringLiteral("=="), QStringLiteral("!="), QStringLiteral("<="), QStringLiteral(">="),
            QStringLiteral("=>"), QStringLiteral("<-"), QStringLiteral("->"), QStringLiteral(":=")};
        const QString two = QString(c) + next;
        if (!next.isNull() && pairs.contains(two)) {
            t->text = two;
            m_i += 2;
            return;
        }
        t->text = QString(c);
        ++m_i;
    }

    // A string from its opening quote at m_i. `raw`: backslashes are kept; `interpolated`:
    // f"…{x}…" (Python) or s"…$x…" (Scala) is literal only without anything interpolated.
    void readString(Token *t, bool raw, bool interpolated)
    {
        t->type = Token::Type::String;
        const QChar q = m_s.at(m_i);
        const bool triple = m_language != Language::R && at(m_i + 1) == q && at(m_i + 2) == q;
        m_i += triple ? 3 : 1;
        // Scala's triple-quoted strings keep their backslashes.
        const bool keepBackslashes = raw || (triple && m_language == Language::Scala);
        QString value;
        bool terminated = false;
        while (m_i < m_s.size()) {
            const QChar ch = m_s.at(m_i);
            if (ch == q && (!triple || (at(m_i + 1) == q && at(m_i + 2) == q))) {
                m_i += triple ? 3 : 1;
                terminated = true;
                break;
            }
            if (ch == QLatin1Char('\n')) {
                if (!triple && m_language != Language::R)
                    break; // unterminated: the line ends the string
                ++m_line;
            }
            if (ch == QLatin1Char('\\') && m_i + 1 < m_s.size()) {
                if (keepBackslashes) {
                    // A raw string still cannot end at a backslashed quote (Python).
                    const bool keepsQuote = m_language == Language::Python;
                    value += ch;
                    if (keepsQuote && at(m_i + 1) != QLatin1Char('\n'))
                        value += m_s.at(++m_i);
                    ++m_i;
                    continue;
                }
                readEscape(&value);
                continue;
            }
            value += ch;
            ++m_i;
        }
        t->text = value;
        t->literal = terminated;
        if (interpolated) {
            const QChar marker =
                m_language == Language::Scala ? QLatin1Char('$') : QLatin1Char('{');
            t->literal = t->literal && !value.contains(marker);
        }
    }

    void readEscape(QString *value)
    {
        const QChar e = at(m_i + 1);
        m_i += 2;
        const auto hex = [this, value](int digits) {
            const QString h = m_s.mid(m_i, digits).toString();
            bool ok = false;
            const uint code = h.toUInt(&ok, 16);
            if (!ok || h.size() != digits) {
                value->append(QLatin1Char('\\')); // keep what cannot be read
                return;
            }
            m_i += digits;
            const char32_t c = code;
            value->append(QString::fromUcs4(&c, 1));
        };
        switch (e.unicode()) {
        case 'n':
            value->append(QLatin1Char('\n'));
            break;
        case 't':
            value->append(QLatin1Char('\t'));
            break;
        case 'r':
            value->append(QLatin1Char('\r'));
            break;
        case '\\':
        case '\'':
        case '"':
            value->append(e);
            break;
        case '\n':
            ++m_line; // a continued line
            break;
        case 'x':
            hex(2);
            break;
        case 'u':
            hex(4);
            break;
        case 'U':
            hex(8);
            break;
        default:
            value->append(QLatin1Char('\\'));
            value->append(e);
        }
    }

    // R 4's raw strings: r"(…)", r"[…]", r"{…}", with dashes: r"---(…)---".
    bool readRawRString(Token *t)
    {
        const QChar q = at(m_i);
        qsizetype p = m_i + 1;
        int dashes = 0;
        while (at(p) == QLatin1Char('-'))
            ++p, ++dashes;
        const QChar open = at(p);
        const QChar close = open == QLatin1Char('(')   ? QLatin1Char(')')
                            : open == QLatin1Char('[') ? QLatin1Char(']')
                            : open == QLatin1Char('{') ? QLatin1Char('}')
                                                       : QChar();
        if (close.isNull())
            return false;
        const QString end = QString(close) + QString(dashes, QLatin1Char('-')) + q;
        const qsizetype stop = m_s.indexOf(end, p + 1);
        t->type = Token::Type::String;
        t->literal = stop >= 0;
        const qsizetype valueEnd = stop >= 0 ? stop : m_s.size();
        t->text = m_s.mid(p + 1, valueEnd - p - 1).toString();
        m_line += int(t->text.count(QLatin1Char('\n')));
        m_i = stop >= 0 ? stop + end.size() : m_s.size();
        return true;
    }

    QStringView m_s;
    Language m_language;
    qsizetype m_i = 0;
    int m_line = 0;
};

} // namespace

QList<Token> tokenizeCode(QStringView code, NotebookWidgets::Language language)
{
    return Tokenizer(code, language).run();
}

} // namespace Brickrun::WidgetScanners
