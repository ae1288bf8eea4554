// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/Profile.h"

#include <QString>

namespace Brickrun::Cli {

// What a user types to fix a refused or missing sign-in for `profile`, as one clause, e.g.
// "sign in again with: brickrun-cli profiles login work". With `fromEnvironment`, the
// profile stands for --host and the environment's variables.
QString signInRemedy(const Profile &profile, bool fromEnvironment);

} // namespace Brickrun::Cli
