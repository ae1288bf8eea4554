// SPDX-License-Identifier: Apache-2.0
#include "ArgumentsList.h"

#include "ui_ArgumentsList.h"

#include <QShortcut>

namespace Brickrun {

ArgumentsList::ArgumentsList(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ArgumentsList>())
{
    m_ui->setupUi(this);
    setFocusProxy(m_ui->argumentsList);
    QListWidget *list = m_ui->argumentsList;
    connect(list, &QListWidget::itemChanged, this, &ArgumentsList::changed);
    connect(list, &QListWidget::currentRowChanged, this, &ArgumentsList::updateButtons);
    connect(m_ui->moveArgumentUpButton, &QToolButton::clicked, this, [this] { moveCurrent(-1); });
    connect(m_ui->moveArgumentDownButton, &QToolButton::clicked, this, [this] { moveCurrent(1); });
    for (const auto &[key, by] : {std::pair{Qt::Key_Up, -1}, std::pair{Qt::Key_Down, 1}}) {
        auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | key), list);
        shortcut->setContext(Qt::WidgetShortcut);
        connect(shortcut, &QShortcut::activated, this, [this, by = by] { moveCurrent(by); });
    }
    updateButtons();
}

ArgumentsList::~ArgumentsList() = default;

QStringList ArgumentsList::arguments() const
{
    QStringList arguments;
    for (int row = 0; row < m_ui->argumentsList->count(); ++row) {
        const QString text = m_ui->argumentsList->item(row)->text();
        if (!text.isEmpty())
            arguments << text;
    }
    return arguments;
}

void ArgumentsList::setArguments(const QStringList &arguments)
{
    {
        const QSignalBlocker blocker(m_ui->argumentsList);
        m_ui->argumentsList->clear();
        for (const QString &argument : arguments) {
            auto *item = new QListWidgetItem(argument, m_ui->argumentsList);
            item->setFlags(item->flags() | Qt::ItemIsEditable);
        }
    }
    updateButtons();
    Q_EMIT changed();
}

int ArgumentsList::count() const
{
    return m_ui->argumentsList->count();
}

void ArgumentsList::addArgument()
{
    QListWidget *list = m_ui->argumentsList;
    auto *item = new QListWidgetItem(list);
    item->setFlags(item->flags() | Qt::ItemIsEditable);
    list->setCurrentItem(item);
    list->setFocus();
    list->editItem(item);
    updateButtons();
}

void ArgumentsList::removeArgument()
{
    QListWidget *list = m_ui->argumentsList;
    const int row = list->currentRow();
    if (row < 0)
        return;
    delete list->takeItem(row);
    updateButtons();
    Q_EMIT changed();
}

void ArgumentsList::moveCurrent(int by)
{
    QListWidget *list = m_ui->argumentsList;
    const int row = list->currentRow();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= list->count())
        return;
    {
        const QSignalBlocker blocker(list);
        QListWidgetItem *item = list->takeItem(row);
        list->insertItem(to, item);
        list->setCurrentRow(to);
    }
    updateButtons();
    Q_EMIT changed();
}

void ArgumentsList::updateButtons()
{
    const int row = m_ui->argumentsList->currentRow();
    m_ui->moveArgumentUpButton->setEnabled(row > 0);
    m_ui->moveArgumentDownButton->setEnabled(row >= 0 && row + 1 < m_ui->argumentsList->count());
}

} // namespace Brickrun
