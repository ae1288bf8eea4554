// SPDX-License-Identifier: Apache-2.0
#include "model/NotebookWidgets.h"

#include "model/WidgetScanners.h"

namespace Brickrun {

namespace {

using Language = NotebookWidgets::Language;

// How a language writes a line comment in a SOURCE export: "# COMMAND ----------",
// "// MAGIC %sql", "-- Databricks notebook source".
QString commentOf(Language language)
{
    switch (language) {
    case Language::Scala:
        return QStringLiteral("//");
    case Language::Sql:
        return QStringLiteral("--");
    default:
        return QStringLiteral("#");
    }
}

bool isCellSeparator(QStringView line, const QString &comment)
{
    line = line.trimmed();
    if (!line.startsWith(comment))
        return false;
    line = line.mid(comment.size()).trimmed();
    return line.startsWith(QLatin1String("COMMAND")) &&
           line.mid(7).trimmed().startsWith(QLatin1String("-----"));
}

// "# MAGIC %sql" -> "%sql"; the line itself when it is no magic line.
bool stripMagic(QStringView line, const QString &comment, QStringView *rest)
{
    const QStringView trimmed = line.trimmed();
    if (!trimmed.startsWith(comment))
        return false;
    QStringView after = trimmed.mid(comment.size());
    if (!after.trimmed().startsWith(QLatin1String("MAGIC")))
        return false;
    after = after.mid(after.indexOf(QLatin1String("MAGIC")) + 5);
    if (after.startsWith(QLatin1Char(' ')))
        after = after.mid(1);
    *rest = after;
    return true;
}

// A cell's language: the notebook's, or the one its "%python", "%sql"… magic names; Unknown
// for cells that hold no code Brickrun reads (%md, %sh, %fs, %run, %pip…).
Language magicLanguage(QStringView magic)
{
    magic = magic.trimmed();
    const qsizetype space = magic.indexOf(QLatin1Char(' '));
    const QStringView word = space < 0 ? magic : magic.left(space);
    if (word == QLatin1String("%python"))
        return Language::Python;
    if (word == QLatin1String("%scala"))
        return Language::Scala;
    if (word == QLatin1String("%sql"))
        return Language::Sql;
    if (word == QLatin1String("%r"))
        return Language::R;
    return Language::Unknown;
}

void scanCell(const QString &code, Language language, NotebookWidgets *out)
{
    if (language == Language::Sql)
        WidgetScanners::scanSql(code, out);
    else if (language != Language::Unknown)
        WidgetScanners::scanCode(code, language, out);
}

// Reads one cell: its own code, or the code of a magic cell after the "%lang" word.
void readCell(const QList<QStringView> &lines, Language language, const QString &comment,
              NotebookWidgets *out)
{
    qsizetype first = 0;
    while (first < lines.size() && lines.at(first).trimmed().isEmpty())
        ++first;
    if (first == lines.size())
        return;
    QStringView magic;
    if (!stripMagic(lines.at(first), comment, &magic)) {
        QString code;
        for (const QStringView &line : lines)
            code.append(line).append(QLatin1Char('\n'));
        return scanCell(code, language, out);
    }
    // "%sql CREATE WIDGET …" on the magic's own line counts too.
    magic = magic.trimmed();
    const Language cellLanguage = magicLanguage(magic);
    const qsizetype space = magic.indexOf(QLatin1Char(' '));
    QString code = space < 0 ? QString() : magic.mid(space + 1).toString() + QLatin1Char('\n');
    for (qsizetype i = first + 1; i < lines.size(); ++i) {
        QStringView rest;
        code.append(stripMagic(lines.at(i), comment, &rest) ? rest : lines.at(i));
        code.append(QLatin1Char('\n'));
    }
    scanCell(code, cellLanguage, out);
}

} // namespace

QString NotebookWidget::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Dropdown:
        return QStringLiteral("dropdown");
    case Kind::Combobox:
        return QStringLiteral("combobox");
    case Kind::Multiselect:
        return QStringLiteral("multiselect");
    case Kind::Text:
        break;
    }
    return QStringLiteral("text");
}

NotebookWidgets::Language NotebookWidgets::languageOf(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("python") || n == QLatin1String("py") || n == QLatin1String(".py"))
        return Language::Python;
    if (n == QLatin1String("scala") || n == QLatin1String(".scala"))
        return Language::Scala;
    if (n == QLatin1String("sql") || n == QLatin1String(".sql"))
        return Language::Sql;
    if (n == QLatin1String("r") || n == QLatin1String(".r"))
        return Language::R;
    return Language::Unknown;
}

NotebookWidgets NotebookWidgets::parse(const QString &source, Language language)
{
    NotebookWidgets result;
    if (language == Language::Unknown)
        return result;
    QStringView text(source);
    if (text.size() > MaxSourceChars) {
        text = text.left(MaxSourceChars);
        result.truncated = true;
    }
    const QString comment = commentOf(language);
    QList<QStringView> cell;
    qsizetype start = 0;
    bool firstLine = true;
    while (start <= text.size()) {
        qsizetype end = text.indexOf(QLatin1Char('\n'), start);
        if (end < 0)
            end = text.size();
        QStringView line = text.mid(start, end - start);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        start = end + 1;
        const bool header =
            firstLine && line.trimmed().startsWith(comment) &&
            line.trimmed().mid(comment.size()).trimmed() == QLatin1String("Databricks notebook "
                                                                          "source");
        firstLine = false;
        if (header)
            continue;
        if (isCellSeparator(line, comment)) {
            readCell(cell, language, comment, &result);
            cell.clear();
            continue;
        }
        cell.append(line);
    }
    readCell(cell, language, comment, &result);
    return result;
}

const NotebookWidget *NotebookWidgets::find(const QString &name) const
{
    for (const NotebookWidget &w : widgets) {
        if (w.name == name)
            return &w;
    }
    return nullptr;
}

bool NotebookWidgets::add(const NotebookWidget &widget)
{
    if (widget.name.isEmpty() || m_names.contains(widget.name))
        return false;
    if (widgets.size() >= MaxWidgets) {
        ++skipped;
        return false;
    }
    m_names.insert(widget.name);
    widgets.append(widget);
    return true;
}

} // namespace Brickrun
