// SPDX-License-Identifier: Apache-2.0
#include "ParametersTable.h"

#include <QComboBox>
#include <QLineEdit>

namespace Brickrun {

namespace {

// On the name item of a row a fill added: the name and value it was given.
constexpr int FilledNameRole = Qt::UserRole + 1;
constexpr int FilledValueRole = Qt::UserRole + 2;

QString textAt(const QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text() : QString();
}

} // namespace

QString ParametersTable::kindText(NotebookWidget::Kind kind)
{
    switch (kind) {
    case NotebookWidget::Kind::Dropdown:
        return tr("dropdown");
    case NotebookWidget::Kind::Combobox:
        return tr("combo box");
    case NotebookWidget::Kind::Multiselect:
        return tr("multiple choice");
    case NotebookWidget::Kind::Text:
        break;
    }
    return tr("text");
}

ParametersTable::ParametersTable(QWidget *parent)
    : QTableWidget(0, 2, parent) // name, value
{
    setItemDelegateForColumn(1, new ParameterValueDelegate(this));
    // A row renamed to (or from) a widget's name gains (or loses) its choices.
    connect(this, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *changed) {
        if (changed->column() != 0 || m_widgets.isEmpty())
            return;
        if (QTableWidgetItem *value = item(changed->row(), 1))
            closePersistentEditor(value);
        showChoices(changed->row());
    });
}

int ParametersTable::rowNamed(const QString &name) const
{
    for (int row = 0; row < rowCount(); ++row) {
        if (textAt(this, row, 0).trimmed() == name)
            return row;
    }
    return -1;
}

bool ParametersTable::isUntouchedFill(int row) const
{
    const QTableWidgetItem *name = item(row, 0);
    return name && name->data(FilledNameRole).isValid() &&
           name->text() == name->data(FilledNameRole).toString() &&
           textAt(this, row, 1) == name->data(FilledValueRole).toString();
}

const NotebookWidget *ParametersTable::widgetAt(int row) const
{
    const QString name = textAt(this, row, 0).trimmed();
    for (const NotebookWidget &w : m_widgets) {
        if (w.name == name)
            return &w;
    }
    return nullptr;
}

void ParametersTable::forgetWidgets()
{
    const QSignalBlocker blocker(this);
    for (int row = rowCount() - 1; row >= 0; --row) {
        if (isUntouchedFill(row)) {
            removeRow(row);
            continue;
        }
        if (QTableWidgetItem *name = item(row, 0)) {
            name->setData(FilledNameRole, QVariant());
            name->setData(FilledValueRole, QVariant());
            name->setToolTip(QString());
        }
        if (QTableWidgetItem *value = item(row, 1))
            value->setToolTip(QString());
        closePersistentEditor(item(row, 1));
    }
    m_widgets.clear();
}

void ParametersTable::fillFromWidgets(const QList<NotebookWidget> &widgets)
{
    forgetWidgets();
    m_widgets = widgets;
    const QSignalBlocker blocker(this);
    for (const NotebookWidget &w : widgets) {
        int row = rowNamed(w.name);
        if (row < 0) {
            row = rowCount();
            insertRow(row);
            auto *name = new QTableWidgetItem(w.name);
            name->setData(FilledNameRole, w.name);
            name->setData(FilledValueRole, w.defaultValue);
            setItem(row, 0, name);
            setItem(row, 1, new QTableWidgetItem(w.defaultValue));
        }
        if (!item(row, 1))
            setItem(row, 1, new QTableWidgetItem());
        item(row, 0)->setToolTip(tr("Notebook widget: %1 (%2)")
                                     .arg(w.label.isEmpty() ? w.name : w.label, kindText(w.kind)));
        item(row, 1)->setToolTip(
            w.offersChoices() ? tr("Default: %1\nChoices: %2")
                                    .arg(w.defaultValue, w.choices.join(QStringLiteral(", ")))
                              : tr("Default: %1").arg(w.defaultValue));
        showChoices(row);
    }
}

// A row whose widget offers choices shows its combo box at once.
void ParametersTable::showChoices(int row)
{
    const NotebookWidget *w = widgetAt(row);
    if (w && w->offersChoices() && item(row, 1))
        openPersistentEditor(item(row, 1));
}

ParameterValueDelegate::ParameterValueDelegate(ParametersTable *table)
    : QStyledItemDelegate(table)
    , m_table(table)
{}

QWidget *ParameterValueDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                              const QModelIndex &index) const
{
    const NotebookWidget *w = m_table->widgetAt(index.row());
    if (!w || !w->offersChoices())
        return QStyledItemDelegate::createEditor(parent, option, index);
    auto *combo = new QComboBox(parent);
    combo->setObjectName(QStringLiteral("parameterChoices"));
    combo->setAccessibleName(tr("Value of %1").arg(w->name));
    combo->setEditable(w->kind != NotebookWidget::Kind::Dropdown);
    combo->addItems(w->choices);
    if (w->kind == NotebookWidget::Kind::Multiselect)
        combo->setToolTip(tr("One or more of the choices, separated by commas"));
    auto *self = const_cast<ParameterValueDelegate *>(this);
    connect(combo, &QComboBox::currentTextChanged, self,
            [self, combo] { Q_EMIT self->commitData(combo); });
    return combo;
}

void ParameterValueDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = qobject_cast<QComboBox *>(editor);
    if (!combo)
        return QStyledItemDelegate::setEditorData(editor, index);
    const QString value = index.data(Qt::EditRole).toString();
    if (combo->currentText() == value)
        return;
    const QSignalBlocker blocker(combo);
    const int at = combo->findText(value);
    if (at >= 0)
        combo->setCurrentIndex(at);
    else if (combo->isEditable())
        combo->setEditText(value);
    else
        combo->setCurrentIndex(-1); // a value that is none of a dropdown's choices
}

void ParameterValueDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                          const QModelIndex &index) const
{
    auto *combo = qobject_cast<QComboBox *>(editor);
    if (!combo)
        return QStyledItemDelegate::setModelData(editor, model, index);
    if (combo->currentIndex() < 0 && !combo->isEditable())
        return; // nothing picked: the value stays as it is
    if (model->data(index, Qt::EditRole).toString() != combo->currentText())
        model->setData(index, combo->currentText(), Qt::EditRole);
}

} // namespace Brickrun
