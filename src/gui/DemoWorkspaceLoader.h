// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "DemoWorkspace.h"

#include <QString>

#include <memory>

namespace Brickrun {

// Loads the demo workspace module (brickrun-demo, see DemoWorkspace.h) the first time the demo
// is used and makes a workspace with it. `modulePath` empty: the module is looked for next to
// the program, then where it is installed. Null with a reason in *error when it cannot be
// loaded (the reason names the places tried).
std::unique_ptr<Demo::Workspace> createDemoWorkspace(const Demo::Options &options,
                                                     const QString &modulePath, QString *error);

} // namespace Brickrun
