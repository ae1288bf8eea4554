// SPDX-License-Identifier: Apache-2.0
#include "share/YamlReader.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <optional>

namespace Brickrun {

namespace {

constexpr int MaxDepth = 100;

// Thrown inside the parser only, caught in YamlReader::parse: nothing crosses the event loop.
struct Failure
{
    int line;
    QString message;
};

bool isSpace(QChar c)
{
    return c == u' ' || c == u'\t';
}

// Where a comment starts in a plain text (a # at the start or after a space), or -1.
qsizetype commentAt(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i)
        if (text.at(i) == u'#' && (i == 0 || isSpace(text.at(i - 1))))
            return i;
    return -1;
}

QString withoutComment(const QString &text)
{
    const qsizetype at = commentAt(text);
    return (at < 0 ? text : text.left(at)).trimmed();
}

// YAML 1.2 core schema for a plain scalar.
QJsonValue resolvePlain(const QString &s)
{
    static const QRegularExpression integer(QStringLiteral("^[-+]?[0-9]+$"));
    static const QRegularExpression real(
        QStringLiteral("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"));
    if (s.isEmpty() || s == QLatin1String("~") || s == QLatin1String("null") ||
        s == QLatin1String("Null") || s == QLatin1String("NULL"))
        return QJsonValue::Null;
    if (s == QLatin1String("true") || s == QLatin1String("True") || s == QLatin1String("TRUE"))
        return true;
    if (s == QLatin1String("false") || s == QLatin1String("False") || s == QLatin1String("FALSE"))
        return false;
    if (integer.match(s).hasMatch() || real.match(s).hasMatch())
        return s.toDouble();
    return s;
}

class Parser
{
public:
    explicit Parser(const QString &text)
        : m_lines(QString(text)
                      .replace(QLatin1String("\r\n"), QLatin1String("\n"))
                      .split(QLatin1Char('\n')))
    {}

    QJsonValue document()
    {
        skipBlank();
        if (m_pos < m_lines.size() && m_lines.at(m_pos).startsWith(QLatin1Char('%')))
            fail(m_pos, QStringLiteral("directives (%YAML, %TAG) are not read"));
        if (m_pos < m_lines.size() && isMarker(m_lines.at(m_pos), QLatin1String("---")))
            ++m_pos;
        const QJsonValue value = node(-1, 0);
        skipBlank();
        if (m_pos < m_lines.size() && isMarker(m_lines.at(m_pos), QLatin1String("...")))
            ++m_pos;
        skipBlank();
        if (m_pos < m_lines.size())
            fail(m_pos, isMarker(m_lines.at(m_pos), QLatin1String("---"))
                            ? QStringLiteral("only one YAML document is read")
                            : QStringLiteral("unexpected text (wrong indentation?)"));
        return value;
    }

private:
    [[noreturn]] static void fail(qsizetype line, const QString &message)
    {
        throw Failure{int(line) + 1, message};
    }

    static bool isMarker(const QString &line, QLatin1String marker)
    {
        return line.startsWith(marker) &&
               (line.size() == marker.size() || isSpace(line.at(marker.size())));
    }

    // A "---" or "..." line: the end of the document's top node.
    bool atMarker() const
    {
        const QString &line = m_lines.at(m_pos);
        return isMarker(line, QLatin1String("---")) || isMarker(line, QLatin1String("..."));
    }

    bool isBlank(qsizetype i) const
    {
        const QString trimmed = m_lines.at(i).trimmed();
        return trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#'));
    }

    void skipBlank()
    {
        while (m_pos < m_lines.size() && isBlank(m_pos))
            ++m_pos;
    }

    int indentOf(qsizetype i) const
    {
        const QString &line = m_lines.at(i);
        int n = 0;
        while (n < line.size() && line.at(n) == u' ')
            ++n;
        if (n < line.size() && line.at(n) == u'\t')
            fail(i, QStringLiteral("a tab in the indentation (YAML indents with spaces)"));
        return n;
    }

    static bool isSequenceItem(const QString &content)
    {
        return content.startsWith(QLatin1Char('-')) &&
               (content.size() == 1 || isSpace(content.at(1)));
    }

    // The key of a "key: value" line and the text after its colon; false when it is none.
    static bool splitKey(const QString &content, QString *key, QString *rest, qsizetype line)
    {
        if (content.isEmpty() || content.startsWith(QLatin1Char('[')) ||
            content.startsWith(QLatin1Char('{')) || content.startsWith(QLatin1Char('#')))
            return false;
        if (content.startsWith(QLatin1String("? ")))
            fail(line, QStringLiteral("complex keys (? ) are not read"));
        qsizetype colon = -1;
        if (content.startsWith(u'"') || content.startsWith(u'\'')) {
            qsizetype end = 0;
            const QString quoted = quotedScalar(content, &end, line);
            qsizetype i = end;
            while (i < content.size() && isSpace(content.at(i)))
                ++i;
            if (i >= content.size() || content.at(i) != u':' ||
                (i + 1 < content.size() && !isSpace(content.at(i + 1))))
                return false;
            *key = quoted;
            colon = i;
        } else {
            for (qsizetype i = 0; i < content.size(); ++i) {
                if (content.at(i) == u'#' && i > 0 && isSpace(content.at(i - 1)))
                    return false;
                if (content.at(i) == u':' &&
                    (i + 1 == content.size() || isSpace(content.at(i + 1)))) {
                    colon = i;
                    break;
                }
            }
            if (colon <= 0)
                return false;
            *key = content.left(colon).trimmed();
            if (key->startsWith(u'&') || key->startsWith(u'*') || key->startsWith(u'!'))
                fail(line, QStringLiteral("anchors, aliases and tags are not read"));
        }
        *rest = content.mid(colon + 1);
        return true;
    }

    // A node whose first line is m_pos, indented `indent`, inside a parent indented `parent`.
    QJsonValue node(int parent, int depth)
    {
        if (depth > MaxDepth)
            fail(m_pos, QStringLiteral("nested more than %1 levels").arg(MaxDepth));
        skipBlank();
        if (m_pos >= m_lines.size())
            return QJsonValue::Null;
        const int indent = indentOf(m_pos);
        if (indent <= parent)
            return QJsonValue::Null;
        const QString content = m_lines.at(m_pos).mid(indent);
        QString key;
        QString rest;
        if (isSequenceItem(content))
            return sequence(indent, depth);
        if (splitKey(content, &key, &rest, m_pos))
            return mapping(indent, depth);
        ++m_pos;
        return inlineValue(content, parent, m_pos - 1);
    }

    QJsonValue mapping(int indent, int depth)
    {
        QJsonObject object;
        while (true) {
            skipBlank();
            if (m_pos >= m_lines.size())
                break;
            const int at = indentOf(m_pos);
            if (at < indent || atMarker())
                break;
            const QString content = m_lines.at(m_pos).mid(at);
            if (at > indent)
                fail(m_pos, QStringLiteral("unexpected indentation"));
            if (isSequenceItem(content))
                break; // the end of a mapping that is an item of this sequence's parent
            QString key;
            QString rest;
            if (!splitKey(content, &key, &rest, m_pos))
                fail(m_pos, QStringLiteral("expected \"key: value\""));
            if (object.contains(key))
                fail(m_pos, QStringLiteral("the key \"%1\" is given twice").arg(key));
            const qsizetype keyLine = m_pos++;
            object.insert(key, valueAfter(rest, indent, keyLine, depth));
        }
        return object;
    }

    QJsonValue valueAfter(const QString &rest, int indent, qsizetype line, int depth)
    {
        const QString text = withoutComment(rest);
        if (text.isEmpty()) {
            skipBlank();
            if (m_pos < m_lines.size() && indentOf(m_pos) == indent &&
                isSequenceItem(m_lines.at(m_pos).mid(indent)))
                return sequence(indent, depth + 1);
            return node(indent, depth + 1);
        }
        if (text.startsWith(u'|') || text.startsWith(u'>'))
            return blockScalar(text, indent, line);
        return inlineValue(rest.trimmed(), indent, line);
    }

    QJsonValue sequence(int indent, int depth)
    {
        QJsonArray array;
        while (true) {
            skipBlank();
            if (m_pos >= m_lines.size() || indentOf(m_pos) != indent ||
                !isSequenceItem(m_lines.at(m_pos).mid(indent)))
                break;
            QString &line = m_lines[m_pos];
            const QString after = line.mid(indent + 1);
            if (withoutComment(after).isEmpty()) {
                ++m_pos;
                array.append(node(indent, depth + 1));
                continue;
            }
            int spaces = 0;
            while (spaces < after.size() && after.at(spaces) == u' ')
                ++spaces;
            // "- key: v" is a mapping at the item's column: read the line as if it were there.
            line = QString(indent + 1 + spaces, QLatin1Char(' ')) + after.mid(spaces);
            array.append(node(indent, depth + 1));
        }
        return array;
    }

    // A scalar or flow collection starting on `line` (text after "key:" or "- "), continued on
    // the lines indented beyond `parent`.
    QJsonValue inlineValue(const QString &text, int parent, qsizetype line)
    {
        const QChar first = text.front();
        if (first == u'&' || first == u'*' || first == u'!')
            fail(line, QStringLiteral("anchors, aliases and tags are not read"));
        if (first == u'"' || first == u'\'' || first == u'[' || first == u'{') {
            QString joined = text;
            while (true) {
                const std::optional<qsizetype> end = closingAt(joined);
                if (end) {
                    if (!withoutComment(joined.mid(*end)).isEmpty())
                        fail(line, QStringLiteral("unexpected text after a quoted or flow value"));
                    break;
                }
                if (m_pos >= m_lines.size() || (!isBlank(m_pos) && indentOf(m_pos) <= parent))
                    fail(line, QStringLiteral("a quoted or flow value that is never closed"));
                joined += QLatin1Char('\n') + m_lines.at(m_pos++);
            }
            qsizetype at = 0;
            if (first == u'"' || first == u'\'')
                return quotedScalar(joined, &at, line);
            const QJsonValue value = flow(joined, &at, line);
            return value;
        }
        QString plain = withoutComment(text);
        const auto checkPlain = [](const QString &part, qsizetype at) {
            if (part.contains(QLatin1String(": ")) || part.endsWith(QLatin1Char(':')))
                fail(at, QStringLiteral("unexpected \": \" (wrong indentation, or a value to "
                                        "quote)"));
        };
        checkPlain(plain, line);
        int emptyLines = 0;
        while (m_pos < m_lines.size()) {
            const QString next = m_lines.at(m_pos);
            if (next.trimmed().isEmpty()) {
                ++emptyLines;
                ++m_pos;
                continue;
            }
            if (next.trimmed().startsWith(u'#') || indentOf(m_pos) <= parent)
                break;
            plain += emptyLines > 0 ? QString(emptyLines, QLatin1Char('\n')) : QStringLiteral(" ");
            checkPlain(withoutComment(next), m_pos);
            plain += withoutComment(next);
            emptyLines = 0;
            ++m_pos;
        }
        return resolvePlain(plain);
    }

    // Where a quoted scalar or flow collection at the start of `text` ends (one past its last
    // character), if it does.
    static std::optional<qsizetype> closingAt(const QString &text)
    {
        int depth = 0;
        QChar quote;
        for (qsizetype i = 0; i < text.size(); ++i) {
            const QChar c = text.at(i);
            if (!quote.isNull()) {
                if (quote == u'"' && c == u'\\') {
                    ++i;
                } else if (c == quote) {
                    if (quote == u'\'' && i + 1 < text.size() && text.at(i + 1) == u'\'')
                        ++i;
                    else
                        quote = QChar();
                }
                if (quote.isNull() && depth == 0)
                    return i + 1;
                continue;
            }
            if (c == u'"' || c == u'\'')
                quote = c;
            else if (c == u'[' || c == u'{')
                ++depth;
            else if ((c == u']' || c == u'}') && --depth == 0)
                return i + 1;
            else if (c == u'#' && i > 0 && isSpace(text.at(i - 1)) && depth > 0)
                return std::nullopt; // a comment inside a flow collection: not read
        }
        return std::nullopt;
    }

    // A '…' or "…" scalar at text[*at], line breaks folded as YAML folds them.
    static QString quotedScalar(const QString &text, qsizetype *at, qsizetype line)
    {
        const QChar quote = text.at(*at);
        QString out;
        qsizetype i = *at + 1;
        while (true) {
            if (i >= text.size())
                fail(line, QStringLiteral("a quoted value that is never closed"));
            const QChar c = text.at(i);
            if (c == quote) {
                if (quote == u'\'' && i + 1 < text.size() && text.at(i + 1) == u'\'') {
                    out += u'\'';
                    i += 2;
                    continue;
                }
                *at = i + 1;
                return out;
            }
            if (c == u'\n') {
                while (!out.isEmpty() && isSpace(out.back()))
                    out.chop(1);
                int breaks = 0;
                while (i < text.size() && (text.at(i) == u'\n' || isSpace(text.at(i)))) {
                    breaks += text.at(i) == u'\n';
                    ++i;
                }
                out += breaks > 1 ? QString(breaks - 1, QLatin1Char('\n')) : QStringLiteral(" ");
                continue;
            }
            if (quote == u'"' && c == u'\\') {
                i = escape(text, i + 1, &out, line);
                continue;
            }
            out += c;
            ++i;
        }
    }

    static qsizetype escape(const QString &text, qsizetype i, QString *out, qsizetype line)
    {
        if (i >= text.size())
            fail(line, QStringLiteral("a quoted value that is never closed"));
        const QChar c = text.at(i);
        static const QHash<QChar, QString> simple{
            {u'0', QString(QChar(0))},      {u'a', QStringLiteral("\a")},
            {u'b', QStringLiteral("\b")},   {u't', QStringLiteral("\t")},
            {u'\t', QStringLiteral("\t")},  {u'n', QStringLiteral("\n")},
            {u'v', QStringLiteral("\v")},   {u'f', QStringLiteral("\f")},
            {u'r', QStringLiteral("\r")},   {u'e', QString(QChar(0x1b))},
            {u' ', QStringLiteral(" ")},    {u'"', QStringLiteral("\"")},
            {u'/', QStringLiteral("/")},    {u'\\', QStringLiteral("\\")},
            {u'N', QString(QChar(0x85))},   {u'_', QString(QChar(0xa0))},
            {u'L', QString(QChar(0x2028))}, {u'P', QString(QChar(0x2029))}};
        if (simple.contains(c)) {
            *out += simple.value(c);
            return i + 1;
        }
        if (c == u'\n') { // an escaped line break: joined without a space
            ++i;
            while (i < text.size() && isSpace(text.at(i)))
                ++i;
            return i;
        }
        const int digits = c == u'x' ? 2 : c == u'u' ? 4 : c == u'U' ? 8 : 0;
        bool ok = false;
        const uint code = digits > 0 ? text.mid(i + 1, digits).toUInt(&ok, 16) : 0;
        if (!ok || text.mid(i + 1, digits).size() != digits || code > 0x10ffff)
            fail(line, QStringLiteral("an unknown escape \\%1 in a quoted value").arg(c));
        const char32_t ucs4 = code;
        *out += QString::fromUcs4(&ucs4, 1);
        return i + 1 + digits;
    }

    static void skipFlowSpace(const QString &s, qsizetype *i)
    {
        while (*i < s.size() && (isSpace(s.at(*i)) || s.at(*i) == u'\n'))
            ++*i;
    }

    static QJsonValue flow(const QString &s, qsizetype *i, qsizetype line, bool key = false)
    {
        skipFlowSpace(s, i);
        if (*i >= s.size())
            fail(line, QStringLiteral("a flow collection that ends early"));
        const QChar c = s.at(*i);
        if (c == u'"' || c == u'\'')
            return quotedScalar(s, i, line);
        if (c == u'[' || c == u'{') {
            const bool isList = c == u'[';
            const QChar close = isList ? u']' : u'}';
            QJsonArray list;
            QJsonObject map;
            ++*i;
            while (true) {
                skipFlowSpace(s, i);
                if (*i < s.size() && s.at(*i) == close) {
                    ++*i;
                    break;
                }
                const QJsonValue item = flow(s, i, line, !isList);
                if (isList) {
                    list.append(item);
                } else {
                    skipFlowSpace(s, i);
                    if (*i >= s.size() || s.at(*i) != u':')
                        fail(line, QStringLiteral("expected \":\" in a flow mapping"));
                    ++*i;
                    map.insert(item.isString() ? item.toString() : item.toVariant().toString(),
                               flow(s, i, line));
                }
                skipFlowSpace(s, i);
                if (*i < s.size() && s.at(*i) == u',')
                    ++*i;
                else if (*i >= s.size() || s.at(*i) != close)
                    fail(
                        line,
                        QStringLiteral("expected \",\" or \"%1\" in a flow collection").arg(close));
            }
            return isList ? QJsonValue(list) : QJsonValue(map);
        }
        const qsizetype start = *i;
        while (*i < s.size() && s.at(*i) != u',' && s.at(*i) != u']' && s.at(*i) != u'}' &&
               !(key && s.at(*i) == u':'))
            ++*i;
        return resolvePlain(s.mid(start, *i - start).simplified());
    }

    // A | or > block scalar: `header` is the indicator with its chomping and indentation.
    QJsonValue blockScalar(const QString &header, int parent, qsizetype line)
    {
        static const QRegularExpression form(QStringLiteral("^([|>])([1-9]?)([-+]?)([1-9]?)$"));
        const QRegularExpressionMatch m = form.match(header);
        if (!m.hasMatch())
            fail(line, QStringLiteral("a block scalar header \"%1\" that is not read").arg(header));
        const bool literal = m.captured(1) == QLatin1String("|");
        const QString chomp = m.captured(3);
        const QString explicitIndent = m.captured(2) + m.captured(4);
        int indent = explicitIndent.isEmpty() ? -1 : parent + explicitIndent.toInt();
        QStringList body;
        while (m_pos < m_lines.size()) {
            const QString &raw = m_lines.at(m_pos);
            if (raw.trimmed().isEmpty()) {
                body << QString();
                ++m_pos;
                continue;
            }
            const int at = indentOf(m_pos);
            if (indent < 0)
                indent = at;
            if (at < indent || at <= parent)
                break;
            body << raw.mid(indent);
            ++m_pos;
        }
        int trailing = 0;
        while (!body.isEmpty() && body.constLast().isEmpty()) {
            body.removeLast();
            ++trailing;
        }
        QString out;
        if (literal) {
            out = body.join(QLatin1Char('\n'));
        } else {
            int empty = 0;
            bool previousMore = false;
            for (qsizetype i = 0; i < body.size(); ++i) {
                const QString &l = body.at(i);
                if (l.isEmpty()) {
                    ++empty;
                    continue;
                }
                const bool more = isSpace(l.front());
                if (i > empty) // not the first text line
                    out +=
                        (empty == 0 && !more && !previousMore)
                            ? QStringLiteral(" ")
                            : QString(empty + ((more || previousMore) ? 1 : 0), QLatin1Char('\n'));
                else
                    out += QString(empty, QLatin1Char('\n'));
                out += l;
                previousMore = more;
                empty = 0;
            }
        }
        if (chomp == QLatin1String("+"))
            out += QString(trailing + (body.isEmpty() ? 0 : 1), QLatin1Char('\n'));
        else if (chomp.isEmpty() && !body.isEmpty())
            out += QLatin1Char('\n');
        return out;
    }

    QStringList m_lines;
    qsizetype m_pos = 0;
};

} // namespace

QJsonValue YamlReader::parse(const QString &text, QString *error)
{
    try {
        Parser parser(text);
        return parser.document();
    } catch (const Failure &failure) {
        if (error)
            *error = QStringLiteral("line %1: %2").arg(failure.line).arg(failure.message);
        return QJsonValue(QJsonValue::Undefined);
    }
}

} // namespace Brickrun
