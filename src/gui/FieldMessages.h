// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QColor>
#include <QLabel>
#include <QPalette>
#include <QString>
#include <QStringList>

namespace Brickrun::FieldMessages {

// A label under a field that says what is wrong with it: in a red that reads on light and dark
// backgrounds alike.
inline void markAsError(QLabel *label)
{
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, QColor(0xd0, 0x3a, 0x3a));
    label->setPalette(p);
}

// A quiet note (loading, a list that could not be read): grey.
inline void markAsNote(QLabel *label)
{
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    label->setPalette(p);
}

// Shows the problems, one a line, or hides the label when there are none.
inline void show(QLabel *label, const QStringList &problems)
{
    label->setText(problems.join(QLatin1Char('\n')));
    label->setVisible(!problems.isEmpty());
}

// RunSpec::validate's "field: reason", split.
inline QString fieldOf(const QString &problem)
{
    return problem.section(QLatin1Char(':'), 0, 0);
}
inline QString reasonOf(const QString &problem)
{
    return problem.section(QLatin1Char(':'), 1).trimmed();
}

} // namespace Brickrun::FieldMessages
