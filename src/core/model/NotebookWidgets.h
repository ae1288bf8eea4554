// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace Brickrun {

// One input widget a notebook defines (dbutils.widgets.text/dropdown/combobox/multiselect,
// or SQL's CREATE WIDGET): what Brickrun can offer as a run parameter.
struct NotebookWidget
{
    enum class Kind
    {
        Text,
        Dropdown,
        Combobox,
        Multiselect
    };

    QString name;
    Kind kind = Kind::Text;
    QString defaultValue;
    QStringList choices;      // dropdown, combobox, multiselect: in the notebook's order
    bool choicesKnown = true; // false: computed when the notebook runs (e.g. a SQL query)
    QString label;            // the optional label the notebook gives it

    bool offersChoices() const { return kind != Kind::Text && !choices.isEmpty(); }
    static QString kindName(Kind kind); // "text", "dropdown", "combobox", "multiselect"
};

// The widgets of a notebook, read from its SOURCE export ("# Databricks notebook source",
// cells split by "# COMMAND ----------", other languages' cells as "# MAGIC %sql" …). Reading
// is best effort and never guesses: a widget whose name or default is computed, or that is
// made in a loop, is skipped and counted; the first of two widgets with one name wins. The
// work is linear in the text (no backtracking) and the text is read up to MaxSourceChars.
struct NotebookWidgets
{
    enum class Language
    {
        Unknown,
        Python,
        Scala,
        Sql,
        R
    };

    QList<NotebookWidget> widgets;
    int skipped = 0;        // widget calls that could not be read without guessing
    bool truncated = false; // the text was longer than MaxSourceChars: the rest was not read

    static constexpr qsizetype MaxSourceChars = 2 * 1024 * 1024;
    static constexpr int MaxWidgets = 512; // more are counted as skipped

    // PYTHON, SCALA, SQL, R (workspace/list) or py, scala, sql, r (export's file_type).
    static Language languageOf(const QString &name);
    static NotebookWidgets parse(const QString &source, Language language);

    const NotebookWidget *find(const QString &name) const;
    // Keeps the first widget of a name; false when the name was already there (or past
    // MaxWidgets: then it counts as skipped).
    bool add(const NotebookWidget &widget);

private:
    QSet<QString> m_names;
};

} // namespace Brickrun
