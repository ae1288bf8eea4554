// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/RunRecord.h"
#include "model/RunState.h"

#include <QColor>
#include <QIcon>
#include <QString>

// How a run's state looks in the GUI: one icon (colour and shape, so it reads without colour
// too) and one short word or two for people. Lifecycle and result states the service adds later
// fall back to the "unknown" icon and show their raw name.
namespace Brickrun::StateIcons {

QIcon icon(const RunState &state, RunRecord::Tracking tracking);
QString text(const RunState &state, RunRecord::Tracking tracking);
// The icon's colour (the fill of its resources/icons/state-*.svg), for charts that colour a run
// by its outcome as its icon does.
QColor colour(const RunState &state, RunRecord::Tracking tracking);

} // namespace Brickrun::StateIcons
