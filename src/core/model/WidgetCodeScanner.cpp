// SPDX-License-Identifier: Apache-2.0
// Reads dbutils.widgets calls in Python, Scala and R from a cell's tokens (WidgetCodeTokenizer):
// matches the calls, reads their literal arguments and leaves out calls made in loops. A
// constant number of passes over the tokens: no backtracking, whatever the input.
#include "model/WidgetCodeTokenizer.h"
#include "model/WidgetScanners.h"

#include <QList>

#include <optional>
#include <utility>
#include <vector>

namespace Brickrun::WidgetScanners {

namespace {

using Language = NotebookWidgets::Language;
using Kind = NotebookWidget::Kind;

bool isOneOf(const Token &t, std::initializer_list<const char *> words)
{
    if (t.type != Token::Type::Word)
        return false;
    for (const char *w : words) {
        if (t.text == QLatin1String(w))
            return true;
    }
    return false;
}

// The tokens of one cell with their bracket structure and which of them run in a loop.
class CallReader
{
public:
    CallReader(QList<Token> tokens, Language language)
        : m_t(std::move(tokens))
        , m_language(language)
        , m_match(m_t.size(), -1)
        , m_parent(m_t.size(), -1)
        , m_inLoop(m_t.size(), false)
    {
        std::vector<int> open;
        for (int i = 0; i < int(m_t.size()); ++i) {
            m_parent[i] = open.empty() ? -1 : open.back();
            if (m_t.at(i).isOpen()) {
                open.push_back(i);
            } else if (m_t.at(i).isClose() && !open.empty()) {
                m_match[open.back()] = i;
                m_match[i] = open.back();
                open.pop_back();
                m_parent[i] = open.empty() ? -1 : open.back();
            }
        }
        markLoops();
    }

    void readCalls(NotebookWidgets *out) const
    {
        for (int i = 0; i + 5 < int(m_t.size()); ++i) {
            Kind kind = Kind::Text;
            if (!m_t.at(i).is(Token::Type::Word, QLatin1String("dbutils")) ||
                !m_t.at(i + 1).is(Token::Type::Punct, QLatin1String(".")) ||
                !m_t.at(i + 2).is(Token::Type::Word, QLatin1String("widgets")) ||
                !m_t.at(i + 3).is(Token::Type::Punct, QLatin1String(".")) ||
                m_t.at(i + 4).type != Token::Type::Word || !kindOf(m_t.at(i + 4).text, &kind) ||
                !m_t.at(i + 5).is(Token::Type::Punct, QLatin1String("(")))
                continue;
            readCall(i, kind, out);
        }
    }

private:
    using Range = std::pair<int, int>; // [first, end)

    void markLoops()
    {
        std::vector<int> delta(m_t.size() + 1, 0);
        const auto mark = [&delta](int from, int to) {
            if (from < to) {
                ++delta[from];
                --delta[to];
            }
        };
        const int n = int(m_t.size());
        const auto endOf = [this, n](int open) { return m_match[open] < 0 ? n : m_match[open]; };
        std::vector<int> nextLine(m_t.size(), n); // the first token of a later line
        for (int i = n - 2; i >= 0; --i)
            nextLine[i] = m_t.at(i + 1).line != m_t.at(i).line ? i + 1 : nextLine[i + 1];
        std::vector<int> loopIndents; // Python: the indentation of the loops a line is in
        for (int i = 0; i < n; ++i) {
            const Token &t = m_t.at(i);
            if (m_language == Language::Python) {
                if (t.lineStart) {
                    while (!loopIndents.empty() && loopIndents.back() >= t.indent)
                        loopIndents.pop_back();
                    const bool asyncFor = t.text == QLatin1String("async") && i + 1 < n &&
                                          m_t.at(i + 1).text == QLatin1String("for");
                    if (isOneOf(t, {"for", "while"}) || asyncFor)
                        loopIndents.push_back(t.indent);
                }
                if (!loopIndents.empty())
                    mark(i, i + 1);
                if (!t.lineStart && isOneOf(t, {"for"}) && m_parent[i] >= 0)
                    mark(m_parent[i] + 1, endOf(m_parent[i])); // a comprehension
            } else if (isOneOf(t, {"for", "while", "repeat", "do"})) {
                int j = i + 1;
                if (!isOneOf(t, {"repeat", "do"}) && j < n && m_t.at(j).isOpen())
                    j = endOf(j) + 1; // the loop's header
                if (j < n && m_t.at(j).is(Token::Type::Punct, QLatin1String("{"))) {
                    mark(j + 1, endOf(j));
                } else if (j < n) { // a body of one statement: its line, and the
                                    // brackets opened on it
                    int e = nextLine[j];
                    for (int p = m_t.at(e - 1).isOpen() ? e - 1 : m_parent[e - 1]; p >= j;
                         p = m_parent[p])
                        e = qMax(e, endOf(p) + 1);
                    mark(j, qMin(e, n));
                }
            }
            // Higher-order calls run their function once per element.
            if (isOneOf(t, {"foreach", "forEach", "map", "flatMap", "lapply", "sapply", "vapply",
                            "mapply", "Map", "walk", "for_each"}) &&
                i + 1 < n && m_t.at(i + 1).isOpen())
                mark(i + 2, endOf(i + 1));
        }
        int running = 0;
        for (int i = 0; i < n; ++i) {
            running += delta[i];
            m_inLoop[i] = running > 0;
        }
    }

    // A string literal (Python also joins adjacent ones: "a" "b").
    std::optional<QString> stringIn(Range r) const
    {
        if (r.first >= r.second || (r.second - r.first > 1 && m_language != Language::Python))
            return std::nullopt;
        QString value;
        for (int i = r.first; i < r.second; ++i) {
            if (m_t.at(i).type != Token::Type::String || !m_t.at(i).literal)
                return std::nullopt;
            value += m_t.at(i).text;
        }
        return value;
    }

    // The comma-separated parts of a bracket's contents.
    QList<Range> partsOf(int open) const
    {
        QList<Range> parts;
        const int close = m_match[open];
        int start = open + 1;
        for (int i = open + 1; i <= close; ++i) {
            if (i == close ||
                (m_parent[i] == open && m_t.at(i).is(Token::Type::Punct, QLatin1String(",")))) {
                if (i > start)
                    parts.append({start, i});
                start = i + 1;
            }
        }
        return parts;
    }

    // ["a", "b"], ("a", "b"), Seq("a", "b"), List(…), Array(…), c("a", "b"), list(…).
    std::optional<QStringList> listIn(Range r) const
    {
        if (r.first >= r.second)
            return std::nullopt;
        int open = r.first;
        if (isOneOf(m_t.at(open),
                    {"Seq", "List", "Array", "Vector", "Set", "IndexedSeq", "c", "list"}) &&
            open + 1 < r.second)
            ++open;
        if (!m_t.at(open).isOpen() || m_match[open] != r.second - 1)
            return std::nullopt;
        QStringList values;
        for (const Range &part : partsOf(open)) {
            const std::optional<QString> value = stringIn(part);
            if (!value)
                return std::nullopt;
            values << *value;
        }
        return values;
    }

    void readCall(int at, Kind kind, NotebookWidgets *out) const
    {
        const int open = at + 5;
        if (m_match[open] < 0 || m_inLoop[at]) {
            ++out->skipped;
            return;
        }
        QList<Range> positional;
        QList<std::pair<QString, Range>> named;
        for (const Range &part : partsOf(open)) {
            if (part.second - part.first >= 2 && m_t.at(part.first).type == Token::Type::Word &&
                m_t.at(part.first + 1).is(Token::Type::Punct, QLatin1String("=")))
                named.append({m_t.at(part.first).text, {part.first + 2, part.second}});
            else if (named.isEmpty())
                positional.append(part);
        }
        const auto argument = [&](const char *name, int position) -> Range {
            for (const auto &n : named) {
                if (n.first == QLatin1String(name))
                    return n.second;
            }
            return position < positional.size() ? positional.at(position) : Range{0, 0};
        };
        const bool hasChoices = kind != Kind::Text;
        const std::optional<QString> name = stringIn(argument("name", 0));
        const std::optional<QString> defaultValue = stringIn(argument("defaultValue", 1));
        if (!name || !defaultValue || name->isEmpty()) {
            ++out->skipped; // computed when the notebook runs: never guessed
            return;
        }
        NotebookWidget widget;
        widget.name = *name;
        widget.kind = kind;
        widget.defaultValue = *defaultValue;
        widget.label = stringIn(argument("label", hasChoices ? 3 : 2)).value_or(QString());
        if (hasChoices) {
            const std::optional<QStringList> choices = listIn(argument("choices", 2));
            widget.choicesKnown = choices.has_value();
            widget.choices = choices.value_or(QStringList());
        }
        out->add(widget);
    }

    const QList<Token> m_t;
    const Language m_language;
    std::vector<int> m_match;  // the bracket that closes or opens this one, -1 for none
    std::vector<int> m_parent; // the bracket a token is directly in, -1 for none
    std::vector<bool> m_inLoop;
};

} // namespace

bool kindOf(QStringView word, Kind *kind)
{
    static const std::pair<const char *, Kind> kinds[] = {{"text", Kind::Text},
                                                          {"dropdown", Kind::Dropdown},
                                                          {"combobox", Kind::Combobox},
                                                          {"multiselect", Kind::Multiselect}};
    for (const auto &k : kinds) {
        if (word.compare(QLatin1String(k.first), Qt::CaseInsensitive) == 0) {
            *kind = k.second;
            return true;
        }
    }
    return false;
}

void scanCode(QStringView code, Language language, NotebookWidgets *out)
{
    CallReader(tokenizeCode(code, language), language).readCalls(out);
}

} // namespace Brickrun::WidgetScanners
