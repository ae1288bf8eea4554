// SPDX-License-Identifier: Apache-2.0
#pragma once

// A cluster as clusters/list shows it (the ClusterInfo schema), in its current state.

#include "WorkspaceDefinition.h"

#include <QJsonObject>
#include <QString>

namespace Brickrun::Emulator::ClusterJson {

QJsonObject cluster(const ClusterDefinition &cluster, const QString &state,
                    const WorkspaceDefinition &workspace);

} // namespace Brickrun::Emulator::ClusterJson
