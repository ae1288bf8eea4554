// SPDX-License-Identifier: Apache-2.0
#pragma once

// The tokens of one cell of Python, Scala or R code, as the widget reader needs them: words,
// punctuation and string literals (with their escapes, prefixes and interpolation), comments
// left out. One pass over the text; brackets nested deeper than 256 end the reading.

#include "model/NotebookWidgets.h"

#include <QList>
#include <QStringView>

namespace Brickrun::WidgetScanners {

struct Token
{
    enum class Type
    {
        Word,
        String,
        Punct,
        Other
    };
    Type type = Type::Other;
    QString text;           // a word, a punctuation mark, or a string's value
    bool literal = true;    // strings: terminated and without interpolation
    bool lineStart = false; // the first token of a logical line (Python)
    int indent = 0;         // the indentation of its line (Python)
    int line = 0;           // physical line
    bool is(Type t, QLatin1String s) const { return type == t && text == s; }
    bool isOpen() const
    {
        return type == Type::Punct && (text == QLatin1String("(") || text == QLatin1String("[") ||
                                       text == QLatin1String("{"));
    }
    bool isClose() const
    {
        return type == Type::Punct && (text == QLatin1String(")") || text == QLatin1String("]") ||
                                       text == QLatin1String("}"));
    }
};

QList<Token> tokenizeCode(QStringView code, NotebookWidgets::Language language);

} // namespace Brickrun::WidgetScanners
