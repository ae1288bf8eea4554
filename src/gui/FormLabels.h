// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QFormLayout>
#include <QList>
#include <QWidget>

namespace Brickrun::FormLabels {

// Form layouts stacked in one column (a form and the parts it is made of, each with its own
// QFormLayout) line up when their labels share the width of the widest: every field then starts
// at the same place.
inline void align(const QList<QFormLayout *> &forms)
{
    QList<QWidget *> labels;
    int width = 0;
    for (QFormLayout *form : forms) {
        for (int row = 0; form && row < form->rowCount(); ++row) {
            QLayoutItem *item = form->itemAt(row, QFormLayout::LabelRole);
            if (QWidget *label = item ? item->widget() : nullptr) {
                labels << label;
                width = qMax(width, label->sizeHint().width());
            }
        }
    }
    for (QWidget *label : labels)
        label->setMinimumWidth(width);
}

} // namespace Brickrun::FormLabels
