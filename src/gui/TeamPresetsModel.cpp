// SPDX-License-Identifier: Apache-2.0
#include "TeamPresetsModel.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace Brickrun {

namespace {

bool before(const QString &a, const QString &b)
{
    const int c = a.compare(b, Qt::CaseInsensitive);
    return c != 0 ? c < 0 : a < b;
}

} // namespace

int TeamPresetsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_presets.size());
}

QVariant TeamPresetsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TeamPreset &p = m_presets.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return p.preset.name;
    case Qt::ToolTipRole: {
        const QString modified =
            p.modifiedAt > 0 ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(p.modifiedAt),
                                                  QLocale::ShortFormat)
                             : QString();
        return tr("%1\nRuns %2\nIn %3, changed %4")
            .arg(p.preset.name, p.preset.spec.taskPath(), p.path, modified);
    }
    case Qt::UserRole:
        return p.path;
    default:
        return {};
    }
}

const TeamPreset *TeamPresetsModel::presetAt(int row) const
{
    return row >= 0 && row < m_presets.size() ? &m_presets.at(row) : nullptr;
}

int TeamPresetsModel::rowOf(const QString &name) const
{
    for (int i = 0; i < m_presets.size(); ++i) {
        if (m_presets.at(i).preset.name == name)
            return i;
    }
    return -1;
}

void TeamPresetsModel::setPresets(const QList<TeamPreset> &presets)
{
    // Rows gone first (from the end), then each new one at its sorted place, then changes.
    for (int i = static_cast<int>(m_presets.size()) - 1; i >= 0; --i) {
        const QString name = m_presets.at(i).preset.name;
        const bool kept =
            std::any_of(presets.cbegin(), presets.cend(),
                        [&name](const TeamPreset &p) { return p.preset.name == name; });
        if (!kept) {
            beginRemoveRows({}, i, i);
            m_presets.removeAt(i);
            endRemoveRows();
        }
    }
    for (const TeamPreset &p : presets) {
        const int row = rowOf(p.preset.name);
        if (row >= 0) {
            const TeamPreset &old = m_presets.at(row);
            if (old.modifiedAt != p.modifiedAt || old.path != p.path ||
                old.preset.toJson() != p.preset.toJson()) {
                m_presets[row] = p;
                Q_EMIT dataChanged(index(row), index(row));
            }
            continue;
        }
        int at = 0;
        while (at < m_presets.size() && before(m_presets.at(at).preset.name, p.preset.name))
            ++at;
        beginInsertRows({}, at, at);
        m_presets.insert(at, p);
        endInsertRows();
    }
}

} // namespace Brickrun
