// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <optional>

class QWidget;

namespace Brickrun {

class PresetStore;

// Imports an Arazzo workflow file as a preset (ArazzoImport): asks for the value of each input
// the run needs that has no default (the seed workflow has none), then saves the preset and
// says which steps and fields were not mapped, by step id with the reason. Returns the
// preset's name, or nothing when nothing was imported (every reason shown).
namespace WorkflowImport {
bool isWorkflowFile(const QString &path);
std::optional<QString> run(QWidget *parent, PresetStore *store, const QString &path);
} // namespace WorkflowImport

} // namespace Brickrun
