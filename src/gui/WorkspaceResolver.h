// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <functional>

namespace Brickrun {

class JobsClient;

// Reads a workspace's token if needed, then calls back with its client and host (the same host
// string the history stores for runs submitted there), or with an error. The composition root
// gives one to whoever talks to a profile's workspace outside the run monitor.
using WorkspaceResolver = std::function<void(
    const QString &profile,
    std::function<void(JobsClient *client, const QString &host, const QString &error)>)>;

} // namespace Brickrun
