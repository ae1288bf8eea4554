// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace Brickrun::AppIdentity {

// One identity for every Brickrun program (GUI, CLI), so they share settings and data:
// organisation "Brickrun", application "brickrun", domain "brickrun.github.io".
// Call right after constructing the Q*Application.
void apply();

} // namespace Brickrun::AppIdentity
