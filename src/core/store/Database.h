// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QSqlDatabase>
#include <QString>

namespace Brickrun {

// The application's SQLite file (history and presets): WAL mode, foreign keys on, a schema
// version (PRAGMA user_version) with migrations applied in one transaction each, and one
// connection per thread (QtSql connections must not cross threads).
class Database
{
public:
    // The default file: QStandardPaths::AppDataLocation + "/brickrun.sqlite".
    static QString defaultPath();

    explicit Database(const QString &path);
    ~Database(); // closes and removes this object's connections
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens (creating folders and the file as needed) and migrates to the current schema.
    // A damaged file (not SQLite, or failing the integrity check) is moved aside as
    // "<name>.damaged-<yyyyMMdd-hhmmss>" (kept, never deleted), a fresh one is started, and
    // *movedAsideTo tells where the old one is. Returns false with *error when no usable
    // database can be had (e.g. the folder is not writable), and when the file has a newer
    // schema than this Brickrun knows: a newer Brickrun wrote it, and it is left untouched.
    // On Unix the folder is made 0700 and the files 0600 (also those an earlier version made
    // readable by others), see config/PrivateFiles.h.
    //
    // The slow part of the check, PRAGMA quick_check, reads the whole file (figures in
    // bench/README.md). With Check::Deferred open() leaves it out and the caller runs
    // checkIntegrity() later, off the GUI thread; a file found damaged then is checked in full
    // (and moved aside) by the next open(), whatever its Check.
    enum class Check
    {
        AtOpen,
        Deferred
    };
    bool open(QString *error, QString *movedAsideTo = nullptr, Check check = Check::AtOpen);

    // PRAGMA quick_check of the open file, on this thread's connection. False when SQLite finds
    // the file damaged: *problem says how, and the next open() moves the file aside. True when it
    // is sound, and when the check cannot tell (e.g. the file is busy).
    bool checkIntegrity(QString *problem = nullptr) const;

    // This thread's connection to the file (created on first use in each thread).
    QSqlDatabase connection() const;

    QString path() const { return m_path; }
    static int currentSchemaVersion();
    int schemaVersion() const; // of the open file

private:
    QString damageMarkerPath() const;
    // The file, its companions and the copies of damaged ones: no access for other users.
    void makeFilesPrivate() const;

    QString m_path;
    QString m_connectionPrefix;
};

} // namespace Brickrun
