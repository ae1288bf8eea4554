// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/NotebookWidgets.h"

#include <QStyledItemDelegate>
#include <QTableWidget>

namespace Brickrun {

// The submit form's notebook parameters: name and value rows the user adds, removes and types,
// plus the rows a notebook's widgets offer. A widget's row starts with its default; a value of
// a dropdown, combobox or multiselect is picked from its choices (a combo box in the cell).
// Rows the user typed or changed are the user's: filling from another notebook keeps them
// (merged by name) and drops only the untouched rows the previous notebook had filled.
class ParametersTable : public QTableWidget
{
    Q_OBJECT
public:
    explicit ParametersTable(QWidget *parent = nullptr);

    // Merges the widgets in: a row of the same name keeps its value and gains the widget's
    // choices; the others are added with their defaults. Untouched rows of a previous fill go.
    void fillFromWidgets(const QList<NotebookWidget> &widgets);
    // Drops the untouched rows a fill added, and the choices every row was given.
    void forgetWidgets();
    // The widget a row was filled from or matched (by name); nullptr for the user's own rows.
    const NotebookWidget *widgetAt(int row) const;
    static QString kindText(NotebookWidget::Kind kind); // "dropdown", "text"… for people

private:
    int rowNamed(const QString &name) const;
    bool isUntouchedFill(int row) const;
    void showChoices(int row);

    QList<NotebookWidget> m_widgets; // the last fill's
};

// The value column's editor: a combo box with a widget's choices (editable for a combobox and
// a multiselect, whose value may be several choices joined by commas), else a line edit.
class ParameterValueDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit ParameterValueDelegate(ParametersTable *table);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;

private:
    ParametersTable *m_table;
};

} // namespace Brickrun
