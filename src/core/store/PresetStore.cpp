// SPDX-License-Identifier: Apache-2.0
#include "store/PresetStore.h"

#include "store/Database.h"
#include "store/StoreSql.h"

#include <QCollator>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>

namespace Brickrun {

using namespace StoreSql;

namespace {

constexpr qint64 MaxImportBytes = 1024 * 1024;

const QString PresetColumns = QStringLiteral(
    "name, profile, run_name, task_key, notebook_path, cluster_id, parameters, queue_enabled,"
    " timeout_seconds, max_retries, min_retry_interval_ms, retry_on_timeout, shape");

Preset presetFromQuery(const QSqlQuery &q)
{
    Preset p;
    p.name = q.value(0).toString();
    p.profile = q.value(1).toString();
    p.spec.runName = q.value(2).toString();
    p.spec.taskKey = q.value(3).toString();
    p.spec.notebookPath = q.value(4).toString();
    p.spec.clusterId = q.value(5).toString();
    p.spec.parameters = parametersFromJson(q.value(6).toString());
    p.spec.queueEnabled = q.value(7).toBool();
    p.spec.timeoutSeconds = q.value(8).toInt();
    p.spec.maxRetries = q.value(9).toInt();
    p.spec.minRetryIntervalMillis = q.value(10).toInt();
    p.spec.retryOnTimeout = q.value(11).toBool();
    readShape(q.value(12).toString(), &p.spec);
    return p;
}

// Saving and importing follow the same rules: a preset is valid when its own JSON form is.
QStringList problemsOf(const Preset &preset)
{
    QStringList problems;
    Preset::fromJson(preset.toJson(), nullptr, &problems);
    return problems;
}

bool insertOrReplace(const QSqlDatabase &db, const Preset &p, QString *error)
{
    QSqlQuery q(db);
    if (!prepare(q,
                 QStringLiteral("INSERT OR REPLACE INTO presets (") + PresetColumns +
                     QStringLiteral(
                         ", updated_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                 "save a preset", error))
        return false;
    bind(q, p.name);
    bind(q, p.profile);
    bind(q, p.spec.runName);
    bind(q, p.spec.taskKey);
    bind(q, p.spec.taskPath());
    bind(q, p.spec.clusterId);
    bind(q, parametersToJson(p.spec.parameters));
    bind(q, p.spec.queueEnabled);
    bind(q, p.spec.timeoutSeconds);
    bind(q, p.spec.maxRetries);
    bind(q, p.spec.minRetryIntervalMillis);
    bind(q, p.spec.retryOnTimeout);
    bind(q, shapeText(p.spec));
    bind(q, QDateTime::currentMSecsSinceEpoch());
    return exec(q, "save a preset", error);
}

std::optional<Preset> readPreset(const QSqlDatabase &db, const QString &name)
{
    QSqlQuery q(db);
    if (!prepare(q,
                 QStringLiteral("SELECT ") + PresetColumns +
                     QStringLiteral(" FROM presets WHERE name = ?"),
                 "read a preset"))
        return std::nullopt;
    bind(q, name);
    if (!exec(q, "read a preset") || !q.next())
        return std::nullopt;
    return presetFromQuery(q);
}

bool exists(const QSqlDatabase &db, const QString &name)
{
    QSqlQuery q(db);
    if (!prepare(q, QStringLiteral("SELECT 1 FROM presets WHERE name = ?"), "look up a preset"))
        return false;
    bind(q, name);
    return exec(q, "look up a preset") && q.next();
}

// "<base> (<word>)", "<base> (<word> 2)"… : the first name no preset has.
QString freeName(const QSqlDatabase &db, const QString &base, const QString &word)
{
    QString name = QStringLiteral("%1 (%2)").arg(base, word);
    for (int n = 2; exists(db, name); ++n)
        name = QStringLiteral("%1 (%2 %3)").arg(base, word).arg(n);
    return name;
}

} // namespace

PresetStore::PresetStore(Database *database)
    : m_database(database)
{}

QList<Preset> PresetStore::presets() const
{
    QList<Preset> result;
    QSqlQuery q(m_database->connection());
    q.setForwardOnly(true);
    if (!prepare(q, QStringLiteral("SELECT ") + PresetColumns + QStringLiteral(" FROM presets"),
                 "list presets") ||
        !exec(q, "list presets"))
        return result;
    while (q.next())
        result.append(presetFromQuery(q));
    // Case-insensitively for every script (SQLite's NOCASE folds ASCII only); names differing
    // only in case keep a stable order.
    std::sort(result.begin(), result.end(), [](const Preset &a, const Preset &b) {
        const int c = a.name.compare(b.name, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : a.name < b.name;
    });
    return result;
}

std::optional<Preset> PresetStore::preset(const QString &name) const
{
    return readPreset(m_database->connection(), name);
}

bool PresetStore::save(const Preset &preset, QString *error)
{
    const QStringList problems = problemsOf(preset);
    if (!problems.isEmpty()) {
        if (error)
            *error = problems.join(QStringLiteral("; "));
        return false;
    }
    const QSqlDatabase db = m_database->connection();
    WriteTransaction transaction(db, error);
    return transaction.isActive() && insertOrReplace(db, preset, error) &&
           transaction.commit(error);
}

bool PresetStore::rename(const QString &from, const QString &to, QString *error)
{
    const auto failWith = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const QSqlDatabase db = m_database->connection();
    WriteTransaction transaction(db, error);
    if (!transaction.isActive())
        return false;
    std::optional<Preset> preset = readPreset(db, from);
    if (!preset)
        return failWith(QStringLiteral("there is no preset named \"%1\"").arg(from));
    if (from == to)
        return true;
    preset->name = to;
    const QStringList problems = problemsOf(*preset);
    for (const QString &p : problems) {
        if (p.startsWith(QLatin1String("name:")))
            return failWith(p);
    }
    if (exists(db, to))
        return failWith(QStringLiteral("a preset named \"%1\" already exists").arg(to));
    QSqlQuery q(db);
    if (!prepare(q, QStringLiteral("UPDATE presets SET name = ?, updated_at_ms = ? WHERE name = ?"),
                 "rename a preset", error))
        return false;
    bind(q, to);
    bind(q, QDateTime::currentMSecsSinceEpoch());
    bind(q, from);
    return exec(q, "rename a preset", error) && transaction.commit(error);
}

std::optional<QString> PresetStore::duplicate(const QString &name)
{
    const QSqlDatabase db = m_database->connection();
    WriteTransaction transaction(db);
    if (!transaction.isActive())
        return std::nullopt;
    std::optional<Preset> preset = readPreset(db, name);
    if (!preset)
        return std::nullopt;
    preset->name = freeName(db, name, QStringLiteral("copy"));
    if (!insertOrReplace(db, *preset, nullptr) || !transaction.commit())
        return std::nullopt;
    return preset->name;
}

bool PresetStore::remove(const QString &name)
{
    const QSqlDatabase db = m_database->connection();
    WriteTransaction transaction(db);
    if (!transaction.isActive())
        return false;
    QSqlQuery q(db);
    if (!prepare(q, QStringLiteral("DELETE FROM presets WHERE name = ?"), "delete a preset"))
        return false;
    bind(q, name);
    if (!exec(q, "delete a preset") || q.numRowsAffected() < 1)
        return false;
    return transaction.commit();
}

bool PresetStore::exportToFile(const QString &name, const QString &path, QString *error) const
{
    const std::optional<Preset> p = preset(name);
    if (!p) {
        if (error)
            *error = QStringLiteral("there is no preset named \"%1\"").arg(name);
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(p->toJson()).toJson(QJsonDocument::Indented)) < 0 ||
        !file.commit()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

// Every problem of the file is listed, each naming the field ("[2].clusterId: …" in an array),
// and nothing is saved unless there is none. A name that already exists with other contents is
// imported as "<name> (imported)" (a file never overwrites a user's preset); one with the same
// contents is already there and counts as imported.
QStringList PresetStore::importFromFile(const QString &path, QStringList *errors)
{
    QStringList problems;
    const auto finish = [&problems, errors](const QStringList &names) {
        if (errors)
            *errors = problems;
        return names;
    };

    // A FIFO, a device or a folder is refused before it is opened: opening a FIFO waits for a
    // writer for ever.
    const QFileInfo info(path);
    if (info.exists() && !info.isFile()) {
        problems << QStringLiteral("file: %1 is not a regular file").arg(path);
        return finish({});
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        problems << QStringLiteral("file: cannot read %1: %2").arg(path, file.errorString());
        return finish({});
    }
    // Read at most one byte past the limit: a huge (or endless) file is never loaded.
    const QByteArray data = file.read(MaxImportBytes + 1);
    if (data.size() > MaxImportBytes || file.size() > MaxImportBytes) {
        problems << QStringLiteral("file: larger than 1 MiB (%1 bytes); a preset file is a few "
                                   "hundred bytes")
                        .arg(qMax(file.size(), qint64(data.size())));
        return finish({});
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        problems << QStringLiteral("file: not JSON (%1 at byte %2)")
                        .arg(parseError.errorString())
                        .arg(parseError.offset);
        return finish({});
    }

    QList<Preset> presets;
    const auto read = [&](const QJsonValue &value, const QString &where) {
        const QString prefix = where.isEmpty() ? QString() : where + QLatin1Char('.');
        if (!value.isObject()) {
            problems << (where.isEmpty() ? QStringLiteral("file") : where) +
                            QStringLiteral(": must be a preset object");
            return;
        }
        QStringList found;
        Preset preset;
        if (Preset::fromJson(value.toObject(), &preset, &found))
            presets.append(preset);
        for (const QString &f : found)
            problems << prefix + f;
    };
    if (doc.isArray()) {
        const QJsonArray array = doc.array();
        if (array.isEmpty())
            problems << QStringLiteral("file: the array holds no presets");
        QHash<QString, int> firstIndex;
        for (int i = 0; i < array.size(); ++i) {
            const int before = int(presets.size());
            read(array.at(i), QStringLiteral("[%1]").arg(i));
            if (presets.size() == before)
                continue;
            const QString name = presets.last().name;
            if (firstIndex.contains(name))
                problems << QStringLiteral("[%1].name: \"%2\" is also the name of [%3]")
                                .arg(i)
                                .arg(name)
                                .arg(firstIndex.value(name));
            else
                firstIndex.insert(name, i);
        }
    } else {
        read(doc.object(), QString());
    }
    if (!problems.isEmpty())
        return finish({});

    const QSqlDatabase db = m_database->connection();
    QString error;
    WriteTransaction transaction(db, &error);
    QStringList names;
    for (Preset preset : presets) {
        if (!transaction.isActive())
            break;
        if (const std::optional<Preset> existing = readPreset(db, preset.name)) {
            if (existing->toJson() == preset.toJson()) {
                names << preset.name;
                continue;
            }
            preset.name = freeName(db, preset.name, QStringLiteral("imported"));
        }
        if (!insertOrReplace(db, preset, &error))
            break;
        names << preset.name;
    }
    if (names.size() != presets.size() || !transaction.commit(&error)) {
        problems << QStringLiteral("database: %1").arg(error);
        return finish({});
    }
    return finish(names);
}

} // namespace Brickrun
