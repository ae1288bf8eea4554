// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>
#include <QWidget>

#include <memory>

namespace Brickrun {

namespace Ui {
class ArgumentsList;
}

// A Python file's command-line arguments: an ordered list, each entry edited in place, moved
// with the arrow buttons or Ctrl+Up / Ctrl+Down.
class ArgumentsList : public QWidget
{
    Q_OBJECT
public:
    explicit ArgumentsList(QWidget *parent = nullptr);
    ~ArgumentsList() override;

    // The arguments in order; entries left empty are no argument.
    QStringList arguments() const;
    void setArguments(const QStringList &arguments);
    int count() const;

public Q_SLOTS:
    void addArgument();    // a new entry at the end, being edited
    void removeArgument(); // the current one
    void moveCurrent(int by);

Q_SIGNALS:
    void changed();

private:
    void updateButtons();

    std::unique_ptr<Ui::ArgumentsList> m_ui;
};

} // namespace Brickrun
