// SPDX-License-Identifier: Apache-2.0
#include "WorkspaceFiles.h"

#include "StateFile.h"
#include "WorkspaceDefinition.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSaveFile>

#include <algorithm>
#include <utility>

Q_LOGGING_CATEGORY(lcFiles, "brickrun.emulator.files")

namespace Brickrun::Emulator {

namespace {

const QString kFormat = QStringLiteral("brickrun-emulator-workspace-files-1");
// Far above the definition's ids, so the two never meet.
constexpr qint64 kFirstObjectId = 4000000000000000;

QString parentOf(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    return slash <= 0 ? QStringLiteral("/") : path.left(slash);
}

bool isUnder(const QString &path, const QString &folder)
{
    return path == folder || path.startsWith(folder + QLatin1Char('/'));
}

ApiError permissionDenied(const QString &user, const QString &path)
{
    return {403, QStringLiteral("PERMISSION_DENIED"),
            QStringLiteral("%1 does not have Edit permissions on %2. Please contact the owner or "
                           "an administrator for access.")
                .arg(user, path)};
}

QJsonObject toJson(const WrittenObject &o)
{
    QJsonObject json{{QStringLiteral("path"), o.path},
                     {QStringLiteral("object_type"), o.objectType},
                     {QStringLiteral("object_id"), static_cast<double>(o.objectId)},
                     {QStringLiteral("created_at"), static_cast<double>(o.createdAt)},
                     {QStringLiteral("modified_at"), static_cast<double>(o.modifiedAt)}};
    if (!o.language.isEmpty())
        json.insert(QStringLiteral("language"), o.language);
    if (o.objectType != QLatin1String("DIRECTORY"))
        json.insert(QStringLiteral("content"), QString::fromLatin1(o.content.toBase64()));
    return json;
}

WrittenObject fromJson(const QJsonObject &json)
{
    WrittenObject o;
    o.path = json.value(QStringLiteral("path")).toString();
    o.objectType = json.value(QStringLiteral("object_type")).toString();
    o.language = json.value(QStringLiteral("language")).toString();
    o.objectId = static_cast<qint64>(json.value(QStringLiteral("object_id")).toDouble());
    o.createdAt = static_cast<qint64>(json.value(QStringLiteral("created_at")).toDouble());
    o.modifiedAt = static_cast<qint64>(json.value(QStringLiteral("modified_at")).toDouble());
    o.content = QByteArray::fromBase64(json.value(QStringLiteral("content")).toString().toLatin1());
    return o;
}

} // namespace

WorkspaceFiles::WorkspaceFiles(const WorkspaceDefinition &workspace, QString fileName)
    : m_workspace(workspace)
    , m_fileName(std::move(fileName))
{}

ApiError WorkspaceFiles::checkPath(const QString &path, QString *normalized)
{
    if (path.isEmpty())
        return ApiError::invalidParameter(QStringLiteral("Missing required field: path"));
    if (!path.startsWith(QLatin1Char('/')))
        return ApiError::invalidParameter(
            QStringLiteral("Path (%1) is not absolute: a workspace path starts with /.").arg(path));
    const QString p = WorkspaceDefinition::normalizedPath(path);
    const QStringList parts = p.mid(1).split(QLatin1Char('/'));
    for (const QString &part : parts) {
        if (p != QLatin1String("/") &&
            (part.isEmpty() || part == QLatin1String(".") || part == QLatin1String("..")))
            return ApiError::invalidParameter(QStringLiteral("Invalid path: %1").arg(path));
    }
    *normalized = p;
    return {};
}

bool WorkspaceFiles::inWritableArea(const QString &path) const
{
    const QString home = QStringLiteral("/Users/") + m_workspace.userName();
    return isUnder(path, home) || (isUnder(path, QStringLiteral("/Shared")) &&
                                   !isUnder(path, QStringLiteral("/Shared/Demo")));
}

ApiError WorkspaceFiles::writeRefusal(const QString &path) const
{
    if (!inWritableArea(path) || m_workspace.object(path)) {
        // The service names the folder the permission is missing on.
        QString where = path;
        while (!exists(where) && where != QLatin1String("/"))
            where = parentOf(where);
        return permissionDenied(m_workspace.userName(), where);
    }
    return {};
}

bool WorkspaceFiles::isFolder(const QString &path) const
{
    if (const WorkspaceObject *o = m_workspace.object(path))
        return o->objectType == QLatin1String("DIRECTORY") ||
               o->objectType == QLatin1String("REPO");
    return m_objects.value(path).objectType == QLatin1String("DIRECTORY");
}

bool WorkspaceFiles::exists(const QString &path) const
{
    return m_workspace.object(path) || m_objects.contains(path);
}

ApiError WorkspaceFiles::write(const WrittenObject &object, bool overwrite)
{
    std::lock_guard<std::mutex> guard(m_mutex);
    const StateFile::Lock fileLock = StateFile(m_fileName).lock();
    reload();
    const QString parent = parentOf(object.path);
    if (!isFolder(parent))
        return ApiError::notFound(
            QStringLiteral("The parent folder (%1) does not exist.").arg(parent));
    if (const ApiError refusal = writeRefusal(object.path); refusal.isError())
        return refusal;
    const auto existing = m_objects.constFind(object.path);
    if (existing != m_objects.constEnd() &&
        (!overwrite || existing->objectType == QLatin1String("DIRECTORY")))
        return {400, QStringLiteral("RESOURCE_ALREADY_EXISTS"),
                QStringLiteral("Path (%1) already exists.").arg(object.path)};
    WrittenObject stored = object;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (existing != m_objects.constEnd()) {
        stored.objectId = existing->objectId;
        stored.createdAt = existing->createdAt;
        // Strictly later than the version it replaces, even within one millisecond: a client
        // compares modified_at to tell whether someone wrote since it read.
        stored.modifiedAt = std::max(now, existing->modifiedAt + 1);
    } else {
        stored.objectId = nextId();
        stored.createdAt = stored.modifiedAt = now;
    }
    m_objects.insert(stored.path, stored);
    QString problem;
    if (!save(&problem))
        qCWarning(lcFiles, "%s", qPrintable(problem));
    return {};
}

ApiError WorkspaceFiles::makeFolders(const QString &path)
{
    std::lock_guard<std::mutex> guard(m_mutex);
    const StateFile::Lock fileLock = StateFile(m_fileName).lock();
    reload();
    QStringList missing;
    QString at = path;
    while (!exists(at)) {
        missing.prepend(at);
        at = parentOf(at);
    }
    if (!isFolder(at))
        return {
            400, QStringLiteral("RESOURCE_ALREADY_EXISTS"),
            QStringLiteral("Node named '%1' already exists").arg(at.section(QLatin1Char('/'), -1))};
    if (missing.isEmpty()) // there already; refused where the user may not write
        return inWritableArea(path) ? ApiError{} : writeRefusal(path);
    if (const ApiError refusal = writeRefusal(missing.constFirst()); refusal.isError())
        return refusal;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const QString &folder : std::as_const(missing)) {
        WrittenObject o;
        o.path = folder;
        o.objectType = QStringLiteral("DIRECTORY");
        o.objectId = nextId();
        o.createdAt = o.modifiedAt = now;
        m_objects.insert(folder, o);
    }
    QString problem;
    if (!save(&problem))
        qCWarning(lcFiles, "%s", qPrintable(problem));
    return {};
}

ApiError WorkspaceFiles::remove(const QString &path, bool recursive)
{
    std::lock_guard<std::mutex> guard(m_mutex);
    const StateFile::Lock fileLock = StateFile(m_fileName).lock();
    reload();
    if (!exists(path))
        return ApiError::notFound(QStringLiteral("Path (%1) doesn't exist.").arg(path));
    if (const ApiError refusal = writeRefusal(path); refusal.isError())
        return refusal;
    QStringList inside;
    for (auto it = m_objects.lowerBound(path + QLatin1Char('/'));
         it != m_objects.constEnd() && it.key().startsWith(path + QLatin1Char('/')); ++it)
        inside << it.key();
    if (!inside.isEmpty() && !recursive)
        return {400, QStringLiteral("DIRECTORY_NOT_EMPTY"),
                QStringLiteral("Folder (%1) is not empty.").arg(path)};
    for (const QString &p : std::as_const(inside))
        m_objects.remove(p);
    m_objects.remove(path);
    QString problem;
    if (!save(&problem))
        qCWarning(lcFiles, "%s", qPrintable(problem));
    return {};
}

WrittenObject WorkspaceFiles::find(const QString &path) const
{
    std::lock_guard<std::mutex> guard(m_mutex);
    reload();
    return m_objects.value(path);
}

QList<WrittenObject> WorkspaceFiles::children(const QString &folder) const
{
    std::lock_guard<std::mutex> guard(m_mutex);
    reload();
    const QString prefix = folder == QLatin1String("/") ? folder : folder + QLatin1Char('/');
    QList<WrittenObject> result;
    for (auto it = m_objects.lowerBound(prefix);
         it != m_objects.constEnd() && it.key().startsWith(prefix); ++it) {
        if (it.key().indexOf(QLatin1Char('/'), prefix.size()) < 0)
            result.append(it.value());
    }
    return result;
}

qint64 WorkspaceFiles::nextId() const
{
    m_nextObjectId = std::max(m_nextObjectId, kFirstObjectId);
    return m_nextObjectId++;
}

void WorkspaceFiles::reload() const
{
    if (m_fileName.isEmpty())
        return;
    QFile file(m_fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        if (!m_lastBytes.isNull() && !file.exists()) { // deleted: nothing written any more
            m_objects.clear();
            m_lastBytes = QByteArray();
        }
        return;
    }
    // Read each time (the files are small): a time stamp and size can stay the same across
    // two writes of other processes within one tick of the file system's clock.
    const QByteArray bytes = file.readAll();
    if (bytes == m_lastBytes)
        return;
    const QJsonObject root = QJsonDocument::fromJson(bytes).object();
    if (root.value(QStringLiteral("format")).toString() != kFormat) {
        qCWarning(lcFiles, "%s is not a workspace files state; ignored", qPrintable(m_fileName));
        return;
    }
    m_objects.clear();
    for (const QJsonValue &v : root.value(QStringLiteral("objects")).toArray()) {
        const WrittenObject o = fromJson(v.toObject());
        if (o.path.startsWith(QLatin1Char('/')) && !o.objectType.isEmpty())
            m_objects.insert(o.path, o);
    }
    m_nextObjectId =
        std::max(m_nextObjectId,
                 static_cast<qint64>(root.value(QStringLiteral("next_object_id")).toDouble()));
    m_lastBytes = bytes;
}

bool WorkspaceFiles::save(QString *error) const
{
    if (m_fileName.isEmpty())
        return true;
    QJsonArray objects;
    for (const WrittenObject &o : std::as_const(m_objects))
        objects.append(toJson(o));
    const QJsonObject root{{QStringLiteral("format"), kFormat},
                           {QStringLiteral("next_object_id"), static_cast<double>(m_nextObjectId)},
                           {QStringLiteral("objects"), objects}};
    QSaveFile file(m_fileName);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1: %2").arg(m_fileName, file.errorString());
        return false;
    }
    const QByteArray bytes = QJsonDocument(root).toJson(QJsonDocument::Compact);
    file.write(bytes);
    if (!file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(m_fileName, file.errorString());
        return false;
    }
    QFile::setPermissions(m_fileName, QFile::ReadOwner | QFile::WriteOwner);
    m_lastBytes = bytes;
    return true;
}

} // namespace Brickrun::Emulator
