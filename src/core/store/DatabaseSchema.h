// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to src/core/store: the history file's schema, as the migrations that build it. Not
// part of the public API; Database runs them.
//
// Migrations: an ordered list, step N takes a file from version N-1 to N. A fresh file runs
// them all, so a new file and a migrated one have the same schema by construction. Each step
// runs in its own write transaction together with "PRAGMA user_version = N" (the version lives
// in the file header and is written atomically with the step): a crash or a failing step
// leaves the file at the previous version, whole. Never edit a released step; add one.

#include <QSqlDatabase>
#include <QString>

#include <vector>

namespace Brickrun::DatabaseSchema {

using MigrationStep = bool (*)(const QSqlDatabase &db, QString *error);

// migrations()[i] takes a file from version i to version i + 1; their count is the current
// schema version.
const std::vector<MigrationStep> &migrations();

} // namespace Brickrun::DatabaseSchema
