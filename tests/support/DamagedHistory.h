// SPDX-License-Identifier: Apache-2.0
#pragma once

// History files for the tests of damage: a real one, then pages of it lost.
#include "model/RunRecord.h"
#include "store/Database.h"
#include "store/HistoryStore.h"

#include <QByteArray>
#include <QFile>
#include <QSqlQuery>
#include <QString>

namespace Brickrun::Test {

// A history of 300 runs (about 1 MB) at `path`, closed (its WAL checkpointed into the file).
inline bool writeHistory(const QString &path, const QString &extraSql = QString())
{
    Database db(path);
    QString error;
    if (!db.open(&error))
        return false;
    HistoryStore history(&db);
    RunRecord r;
    r.spec.runName = QStringLiteral("padding");
    r.hasOutput = true;
    r.output.logs = QString(3000, QLatin1Char('x'));
    for (int i = 0; i < 300; ++i) {
        if (!history.addPending(r))
            return false;
    }
    return extraSql.isEmpty() || QSqlQuery(db.connection()).exec(extraSql);
}

// Zeroes 64 KiB a third of the way into the file: a disk that lost some pages. The header and
// the schema are intact, so only reading the whole file (PRAGMA quick_check) finds it.
inline bool losePages(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadWrite) && f.seek(f.size() / 3) &&
           f.write(QByteArray(16 * 4096, '\0')) == 16 * 4096;
}

} // namespace Brickrun::Test
