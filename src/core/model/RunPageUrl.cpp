// SPDX-License-Identifier: Apache-2.0
#include "model/RunPageUrl.h"

#include "config/WorkspaceUrl.h"

namespace Brickrun {

QUrl safeRunPageUrl(const QString &runPageUrl, const QString &workspaceHost)
{
    const QUrl page(runPageUrl, QUrl::StrictMode);
    const QUrl workspace(workspaceHost);
    if (!page.isValid() || page.host().isEmpty() || !page.userInfo().isEmpty() ||
        !workspace.isValid() || workspace.host().isEmpty())
        return {};
    if (page.host().compare(workspace.host(), Qt::CaseInsensitive) != 0)
        return {};
    if (page.scheme() == QLatin1String("https"))
        return page;
    if (page.scheme() == QLatin1String("http") && WorkspaceUrl::isLoopback(page) &&
        page.port() == workspace.port())
        return page;
    return {};
}

} // namespace Brickrun
