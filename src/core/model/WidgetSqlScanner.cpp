// SPDX-License-Identifier: Apache-2.0
// Reads SQL's CREATE WIDGET statements:
//   CREATE WIDGET TEXT name DEFAULT 'x'
//   CREATE WIDGET DROPDOWN name DEFAULT 'a' CHOICES SELECT * FROM (VALUES ('a'), ('b'))
//   CREATE WIDGET COMBOBOX name DEFAULT "a" CHOICES (VALUES 'a', 'b')
// Choices that come from a query of a table are computed when the notebook runs: the widget
// is kept with its default, its choices unknown.
#include "model/WidgetScanners.h"

#include <QList>

namespace Brickrun::WidgetScanners {

namespace {

struct SqlToken
{
    enum class Type
    {
        Word,   // a keyword, a name (`quoted` ones too) or a number
        String, // '…' or "…"
        Punct
    };
    Type type = Type::Punct;
    QString text;
    bool quoted = false; // `name`
    int depth = 0;       // brackets around it
    bool isKeyword(const char *keyword) const
    {
        return type == Type::Word && !quoted &&
               text.compare(QLatin1String(keyword), Qt::CaseInsensitive) == 0;
    }
};

QList<SqlToken> tokenize(QStringView s)
{
    QList<SqlToken> tokens;
    int depth = 0;
    qsizetype i = 0;
    const auto at = [&s](qsizetype k) { return k < s.size() ? s.at(k) : QChar(); };
    while (i < s.size()) {
        const QChar c = s.at(i);
        if (c.isSpace()) {
            ++i;
        } else if (c == QLatin1Char('-') && at(i + 1) == QLatin1Char('-')) {
            while (i < s.size() && s.at(i) != QLatin1Char('\n'))
                ++i;
        } else if (c == QLatin1Char('/') && at(i + 1) == QLatin1Char('*')) {
            const qsizetype end = s.indexOf(QLatin1String("*/"), i + 2);
            i = end < 0 ? s.size() : end + 2;
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"') || c == QLatin1Char('`')) {
            SqlToken t;
            t.type = c == QLatin1Char('`') ? SqlToken::Type::Word : SqlToken::Type::String;
            t.quoted = c == QLatin1Char('`');
            t.depth = depth;
            ++i;
            while (i < s.size()) {
                if (s.at(i) == c && at(i + 1) == c) { // a doubled quote stands for itself
                    t.text += c;
                    i += 2;
                } else if (s.at(i) == c) {
                    ++i;
                    break;
                } else if (s.at(i) == QLatin1Char('\\') && !t.quoted && i + 1 < s.size()) {
                    const QChar e = s.at(i + 1);
                    t.text += e == QLatin1Char('n')   ? QChar(QLatin1Char('\n'))
                              : e == QLatin1Char('t') ? QChar(QLatin1Char('\t'))
                                                      : e;
                    i += 2;
                } else {
                    t.text += s.at(i++);
                }
            }
            tokens.append(t);
        } else if (c.isLetterOrNumber() || c == QLatin1Char('_')) {
            SqlToken t;
            t.type = SqlToken::Type::Word;
            t.depth = depth;
            const qsizetype start = i;
            while (i < s.size() && (s.at(i).isLetterOrNumber() || s.at(i) == QLatin1Char('_') ||
                                    s.at(i) == QLatin1Char('.')))
                ++i;
            t.text = s.mid(start, i - start).toString();
            tokens.append(t);
        } else {
            if (c == QLatin1Char(')'))
                depth = qMax(0, depth - 1);
            SqlToken t;
            t.text = QString(c);
            t.depth = depth;
            tokens.append(t);
            if (c == QLatin1Char('('))
                ++depth;
            ++i;
        }
    }
    return tokens;
}

bool isNumber(const SqlToken &t)
{
    bool ok = false;
    t.text.toDouble(&ok);
    return ok && t.type == SqlToken::Type::Word && !t.quoted;
}

// The choices of tokens [from, to): literal strings in VALUES lists, or nothing when a query
// reads a table.
bool literalChoices(const QList<SqlToken> &t, qsizetype from, qsizetype to, QStringList *choices)
{
    bool alias = false; // names after AS are the column list's, not a table
    for (qsizetype i = from; i < to; ++i) {
        const SqlToken &token = t.at(i);
        if (token.type == SqlToken::Type::String) {
            if (!alias)
                *choices << token.text;
        } else if (token.type == SqlToken::Type::Word) {
            if (token.isKeyword("AS"))
                alias = true;
            else if (!alias && !token.isKeyword("SELECT") && !token.isKeyword("FROM") &&
                     !token.isKeyword("VALUES") && !token.isKeyword("DISTINCT"))
                return false;
        } else if (token.text == QLatin1String(")") && alias && token.depth == 0) {
            alias = false;
        }
    }
    return !choices->isEmpty();
}

} // namespace

void scanSql(QStringView code, NotebookWidgets *out)
{
    const QList<SqlToken> t = tokenize(code);
    const qsizetype n = t.size();
    qsizetype i = 0;
    while (i < n) {
        NotebookWidget::Kind kind = NotebookWidget::Kind::Text;
        if (!(t.at(i).isKeyword("CREATE") && i + 3 < n && t.at(i + 1).isKeyword("WIDGET"))) {
            ++i;
            continue;
        }
        // The statement ends at ';' or at the next CREATE outside brackets.
        qsizetype end = i + 2;
        while (end < n && !(t.at(end).depth == 0 && (t.at(end).text == QLatin1String(";") ||
                                                     t.at(end).isKeyword("CREATE"))))
            ++end;
        const SqlToken &name = t.at(i + 3);
        if (!kindOf(t.at(i + 2).text, &kind) || name.type != SqlToken::Type::Word ||
            isNumber(name)) {
            ++out->skipped;
            i = end;
            continue;
        }
        NotebookWidget widget;
        widget.name = name.text;
        widget.kind = kind;
        widget.choicesKnown = kind == NotebookWidget::Kind::Text;
        bool hasDefault = false;
        for (qsizetype k = i + 4; k < end; ++k) {
            if (t.at(k).isKeyword("DEFAULT") && k + 1 < end &&
                (t.at(k + 1).type == SqlToken::Type::String || isNumber(t.at(k + 1)))) {
                widget.defaultValue = t.at(k + 1).text;
                hasDefault = true;
                ++k;
            } else if (t.at(k).isKeyword("CHOICES") && kind != NotebookWidget::Kind::Text) {
                QStringList choices;
                widget.choicesKnown = literalChoices(t, k + 1, end, &choices);
                if (widget.choicesKnown)
                    widget.choices = choices;
                break;
            } else if (t.at(k).isKeyword("DEFAULT")) {
                break; // a default that is no literal
            }
        }
        if (hasDefault)
            out->add(widget);
        else
            ++out->skipped;
        i = end;
    }
}

} // namespace Brickrun::WidgetScanners
