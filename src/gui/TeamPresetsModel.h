// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "share/TeamPresetCache.h"

#include <QAbstractListModel>

namespace Brickrun {

// The team presets of one workspace folder, one row each, sorted by name. setPresets() is
// incremental (rows keyed by the preset's name: inserted, removed, changed in place), so a
// refresh keeps the selection of a preset that is still there.
class TeamPresetsModel : public QAbstractListModel
{
    Q_OBJECT
public:
    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    void setPresets(const QList<TeamPreset> &presets); // sorted by name
    const TeamPreset *presetAt(int row) const;
    int rowOf(const QString &name) const;

private:
    QList<TeamPreset> m_presets;
};

} // namespace Brickrun
