// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QUrl>

namespace Brickrun {

// A workspace's address, checked and normalised: "https://adb-1.2.azuredatabricks.net/",
// "adb-1.2.azuredatabricks.net" and "https://adb-1.2.azuredatabricks.net/?o=1#job/2" all
// become "https://adb-1.2.azuredatabricks.net". Plain http is accepted only for loopback
// (the demo workspace), because the token travels with every request.
class WorkspaceUrl
{
public:
    // Returns the normalised origin, or an invalid QUrl with a reason naming what is wrong.
    static QUrl parse(const QString &text, QString *error);
    static bool isLoopback(const QUrl &url);
    static bool isAzureDatabricks(const QUrl &url);
};

} // namespace Brickrun
