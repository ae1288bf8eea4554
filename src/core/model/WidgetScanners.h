// SPDX-License-Identifier: Apache-2.0
#pragma once

// The readers behind NotebookWidgets::parse, one per family of languages. Each reads one
// cell's code in one pass (no backtracking) and adds what it finds to `out`.

#include "model/NotebookWidgets.h"

#include <QStringView>

namespace Brickrun::WidgetScanners {

// dbutils.widgets.text/dropdown/combobox/multiselect calls in Python, Scala or R.
void scanCode(QStringView code, NotebookWidgets::Language language, NotebookWidgets *out);
// CREATE WIDGET TEXT|DROPDOWN|COMBOBOX|MULTISELECT statements.
void scanSql(QStringView code, NotebookWidgets *out);

// The kind a dbutils call or a CREATE WIDGET names (case-insensitive); false for others.
bool kindOf(QStringView word, NotebookWidget::Kind *kind);

} // namespace Brickrun::WidgetScanners
