// SPDX-License-Identifier: Apache-2.0
#include "share/TeamPresetCache.h"

#include "config/PrivateFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

#include <utility>

namespace Brickrun {

namespace {

const QString kFormat = QStringLiteral("brickrun-team-presets-cache");
constexpr qint64 kMaxFileBytes = 8 * 1024 * 1024;

const QString kWorkspaces = QStringLiteral("workspaces");
const QString kFolders = QStringLiteral("folders");
const QString kBases = QStringLiteral("bases");

QJsonObject member(const QJsonObject &o, const QString &key)
{
    return o.value(key).toObject();
}

} // namespace

TeamPresetCache::TeamPresetCache(QString fileName)
    : m_fileName(std::move(fileName))
{
    if (m_fileName.isEmpty())
        m_fileName = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                     QStringLiteral("/team-presets.json");
}

QJsonObject TeamPresetCache::read() const
{
    QFile file(m_fileName);
    if (file.size() > kMaxFileBytes || !file.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    return root.value(QStringLiteral("format")).toString() == kFormat ? root : QJsonObject();
}

void TeamPresetCache::write(const QJsonObject &root) const
{
    QJsonObject out = root;
    out.insert(QStringLiteral("format"), kFormat);
    out.insert(QStringLiteral("version"), 1);
    PrivateFiles::makePrivateDir(QFileInfo(m_fileName).absolutePath());
    QSaveFile file(m_fileName);
    if (!file.open(QIODevice::WriteOnly))
        return; // a cache: what cannot be kept is read again next time
    file.write(QJsonDocument(out).toJson(QJsonDocument::Indented));
    if (file.commit())
        PrivateFiles::makePrivateFile(m_fileName);
}

QList<TeamPreset> TeamPresetCache::presets(const QString &workspace, const QString &folder) const
{
    const QJsonObject entry =
        member(member(member(read(), kWorkspaces), workspace), kFolders).value(folder).toObject();
    QList<TeamPreset> result;
    for (const QJsonValue &v : entry.value(QStringLiteral("presets")).toArray()) {
        const QJsonObject o = v.toObject();
        TeamPreset p;
        QStringList problems;
        if (!Preset::fromJson(o.value(QStringLiteral("preset")).toObject(), &p.preset, &problems))
            continue;
        p.path = o.value(QStringLiteral("path")).toString();
        p.modifiedAt = static_cast<qint64>(o.value(QStringLiteral("modifiedAt")).toDouble());
        result.append(p);
    }
    return result;
}

void TeamPresetCache::setPresets(const QString &workspace, const QString &folder,
                                 const QList<TeamPreset> &presets)
{
    QJsonArray array;
    for (const TeamPreset &p : presets)
        array.append(QJsonObject{{QStringLiteral("path"), p.path},
                                 {QStringLiteral("modifiedAt"), static_cast<double>(p.modifiedAt)},
                                 {QStringLiteral("preset"), p.preset.toJson()}});
    updateFolder(workspace, folder,
                 [&array](QJsonObject *entry) { entry->insert(QStringLiteral("presets"), array); });
}

qint64 TeamPresetCache::baseOf(const QString &workspace, const QString &path) const
{
    return static_cast<qint64>(
        member(member(member(read(), kWorkspaces), workspace), kBases).value(path).toDouble());
}

void TeamPresetCache::setBase(const QString &workspace, const QString &path, qint64 modifiedAt)
{
    QJsonObject root = read();
    QJsonObject workspaces = member(root, kWorkspaces);
    QJsonObject ws = member(workspaces, workspace);
    QJsonObject bases = member(ws, kBases);
    if (modifiedAt > 0)
        bases.insert(path, static_cast<double>(modifiedAt));
    else
        bases.remove(path);
    ws.insert(kBases, bases);
    workspaces.insert(workspace, ws);
    root.insert(kWorkspaces, workspaces);
    write(root);
}

bool TeamPresetCache::isReadOnly(const QString &workspace, const QString &folder) const
{
    return member(member(member(read(), kWorkspaces), workspace), kFolders)
        .value(folder)
        .toObject()
        .value(QStringLiteral("readOnly"))
        .toBool();
}

void TeamPresetCache::setReadOnly(const QString &workspace, const QString &folder, bool readOnly)
{
    updateFolder(workspace, folder, [readOnly](QJsonObject *entry) {
        entry->insert(QStringLiteral("readOnly"), readOnly);
    });
}

void TeamPresetCache::updateFolder(const QString &workspace, const QString &folder,
                                   const std::function<void(QJsonObject *)> &change)
{
    QJsonObject root = read();
    QJsonObject workspaces = member(root, kWorkspaces);
    QJsonObject ws = member(workspaces, workspace);
    QJsonObject folders = member(ws, kFolders);
    QJsonObject entry = member(folders, folder);
    change(&entry);
    folders.insert(folder, entry);
    ws.insert(kFolders, folders);
    workspaces.insert(workspace, ws);
    root.insert(kWorkspaces, workspaces);
    write(root);
}

} // namespace Brickrun
