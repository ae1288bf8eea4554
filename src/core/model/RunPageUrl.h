// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QUrl>

namespace Brickrun {

// The address of a run's page that Brickrun may open in the browser: the service's
// `run_page_url` when it is https on the run's own workspace host (plain http only when that
// host is this computer, the demo workspace). Anything else (file:, smb:, a look-alike host)
// gives an invalid QUrl: a server's answer must not make the desktop open arbitrary things.
QUrl safeRunPageUrl(const QString &runPageUrl, const QString &workspaceHost);

} // namespace Brickrun
