// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/Profile.h"

#include <QString>

namespace Brickrun::Cli {

// What a user types to fix a refused or missing sign-in for `profile`, as one clause, e.g.
// "sign in again with: brickrun-cli profiles login work". With `fromEnvironment`, the
// profile stands for --host and the environment's variables.
QString signInRemedy(const Profile &profile, bool fromEnvironment);

// How to go on without a keychain (nothing can store the profile's secret), as one clause: the
// environment variables that give a command the workspace and its credentials (docs/cli.md).
QString noKeychainRemedy(const Profile &profile);

} // namespace Brickrun::Cli
