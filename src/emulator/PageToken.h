// SPDX-License-Identifier: Apache-2.0
#pragma once

// The page tokens of the demo workspace: opaque to a client (BASE64URL of "<kind>:<position>"),
// like the live service's. runs/list pages runs ("offset:N", the N-th run); Jobs API 2.2
// runs/get pages the array members of a run at 100 items ("page:N", the N-th page).

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Brickrun::Emulator::PageToken {

constexpr qint64 kRunArrayPageSize = 100;

QString make(const char *kind, qint64 position);
// false unless token is make(kind, position) for a position >= 0.
bool parse(const QString &token, const char *kind, qint64 *position);

// Keeps page `page` of each array member of object named in members and adds
// next_page_token when any of them has more.
void keepPage(QJsonObject *object, const QStringList &members, qint64 page);

} // namespace Brickrun::Emulator::PageToken
