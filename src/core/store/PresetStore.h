// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/Preset.h"

#include <QList>
#include <QString>

#include <optional>

namespace Brickrun {

class Database;

// Named presets in SQLite (same file as the history).
class PresetStore
{
public:
    explicit PresetStore(Database *database);

    QList<Preset> presets() const; // sorted by name, case-insensitively
    std::optional<Preset> preset(const QString &name) const;
    // Adds or replaces by name. Fails with a reason for an empty name or an invalid spec.
    bool save(const Preset &preset, QString *error);
    bool rename(const QString &from, const QString &to, QString *error);
    // Copies under a free name ("<name> (copy)", "<name> (copy 2)"…) and returns it.
    std::optional<QString> duplicate(const QString &name);
    bool remove(const QString &name);

    // Export writes Preset::toJson (indented) to a file; import reads one preset (or an array
    // of presets) and validates it fully before saving anything. Files over 1 MiB are refused.
    bool exportToFile(const QString &name, const QString &path, QString *error) const;
    // Returns the names imported; on any problem imports nothing and lists every problem.
    QStringList importFromFile(const QString &path, QStringList *errors);

private:
    Database *m_database;
};

} // namespace Brickrun
