// SPDX-License-Identifier: Apache-2.0
#include "store/Database.h"

#include "config/PrivateFiles.h"
#include "store/DatabaseSchema.h"
#include "store/StoreSql.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>

#include <atomic>
#include <utility>
#include <vector>

// Connections and threads
// -----------------------
// QtSql connections must be used only in the thread that created them, so every thread gets its
// own, named "<prefix><thread serial>". The prefix is unique per open() of a Database object,
// the serial unique per thread for the life of the process (thread ids and QThread addresses
// are reused; a serial never is), so a connection is never picked up by the wrong thread.
// Limits:
//  - A QThread's connection is closed and removed when the thread finishes (QThread::finished
//    is emitted in the thread itself). A thread not started by QThread (std::thread, an adopted
//    thread) keeps its connection until ~Database.
//  - ~Database closes and removes every connection it made. The calling thread's is closed in
//    place; the others are removed from QtSql's registry, which closes them as the last
//    reference goes. So ~Database must run when no other thread is still using the stores.
//  - open() must be called (and succeed) before connection() is used in any thread; before
//    that, connection() returns an invalid QSqlDatabase and every store call fails cleanly.

namespace Brickrun {

using namespace StoreSql;

namespace {

constexpr int BusyTimeoutMs = 10000;

quint64 threadSerial()
{
    static std::atomic<quint64> counter{0};
    thread_local const quint64 serial = ++counter;
    return serial;
}

QString nextPrefix()
{
    static std::atomic<quint64> counter{0};
    return QStringLiteral("brickrun-db-%1-").arg(++counter);
}

// The SQLite primary result code behind a failed query (extended codes folded), or 0.
int sqliteCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : 0;
}

constexpr int SqliteCorrupt = 11;
constexpr int SqliteNotADatabase = 26;

bool isDamage(const QSqlError &error)
{
    const int code = sqliteCode(error);
    return code == SqliteCorrupt || code == SqliteNotADatabase;
}

// Opens (or reopens) a connection and sets the per-connection pragmas. journal_mode=WAL is a
// property of the file (set once in Database::open); foreign_keys and synchronous are not.
// On a damaged file the pragmas fail; the connection stays open so that open() can tell.
void openConnection(QSqlDatabase &db)
{
    if (db.isOpen())
        return;
    if (!db.open()) {
        qCWarning(lcStore, "cannot open %s: %s", qUtf8Printable(db.databaseName()),
                  qUtf8Printable(db.lastError().text()));
        return;
    }
    // synchronous=NORMAL in WAL mode: a commit survives a crash of the program (SIGKILL) and
    // the file always stays consistent; only a power cut may lose the last commits.
    for (const QString &pragma : {QStringLiteral("PRAGMA foreign_keys = ON"),
                                  QStringLiteral("PRAGMA synchronous = NORMAL")}) {
        QSqlQuery q(db);
        if (!q.exec(pragma) && !isDamage(q.lastError()))
            qCWarning(lcStore, "%s: %s failed: %s", qUtf8Printable(db.databaseName()),
                      qUtf8Printable(pragma), qUtf8Printable(q.lastError().text()));
    }
}

void closeAndRemove(const QString &name)
{
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

int readUserVersion(const QSqlDatabase &db, QSqlError *sqlError = nullptr)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        if (sqlError)
            *sqlError = query.lastError();
        return -1;
    }
    return query.value(0).toInt();
}

} // namespace

QString Database::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/brickrun.sqlite");
}

Database::Database(const QString &path)
    : m_path(path)
{}

Database::~Database()
{
    if (m_connectionPrefix.isEmpty())
        return;
    const QString mine = m_connectionPrefix + QString::number(threadSerial());
    const QStringList names = QSqlDatabase::connectionNames();
    for (const QString &name : names) {
        if (name == mine)
            closeAndRemove(name);
        else if (name.startsWith(m_connectionPrefix))
            QSqlDatabase::removeDatabase(name); // another thread's: see the limits at the top
    }
}

int Database::currentSchemaVersion()
{
    return int(DatabaseSchema::migrations().size());
}

int Database::schemaVersion() const
{
    return readUserVersion(connection());
}

QSqlDatabase Database::connection() const
{
    if (m_connectionPrefix.isEmpty()) {
        qCWarning(lcStore, "connection() before a successful open() of %s", qUtf8Printable(m_path));
        return QSqlDatabase();
    }
    const QString name = m_connectionPrefix + QString::number(threadSerial());
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        openConnection(db); // reopens one that failed to open before
        return db;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(BusyTimeoutMs));
    openConnection(db);

    QThread *thread = QThread::currentThread();
    const QCoreApplication *app = QCoreApplication::instance();
    if (thread && (!app || thread != app->thread())) {
        // Emitted in the finishing thread itself: the connection is closed where it lives.
        QObject::connect(
            thread, &QThread::finished, thread, [name] { closeAndRemove(name); },
            Qt::DirectConnection);
    }
    return db;
}

namespace {

enum class Health
{
    Usable,  // absent, empty, or a good file of this or an earlier schema
    Damaged, // move aside
    Failed,  // cannot tell (locked, unreadable…): give up, never move a good file aside
    Newer    // a newer schema: refuse it, never move it aside nor write to it
};

// A file of a newer schema is a good history that a newer Brickrun wrote (and that the user
// may go back to): it is refused, never moved aside or changed.
QString newerSchemaMessage(const QString &path, int version)
{
    return QStringLiteral("%1 was written by a newer version of Brickrun (history schema version "
                          "%2); this Brickrun %3 reads schema versions up to %4. Use the newer "
                          "Brickrun, or move the file away to start a new history.")
        .arg(path)
        .arg(version)
        .arg(QStringLiteral(BRICKRUN_VERSION))
        .arg(Database::currentSchemaVersion());
}

// Is the existing file usable? Only a file SQLite itself calls damaged is moved aside: a locked
// file (another Brickrun busy with it) or a read error is a failure, never a reason to push a
// good history out of the way.
Health quickCheck(const QSqlDatabase &db, const QString &path, QString *message);

Health inspect(const QSqlDatabase &db, const QString &path, QString *message, bool full)
{
    if (!db.isOpen()) {
        *message = QStringLiteral("cannot open %1: %2").arg(path, db.lastError().text());
        return Health::Failed;
    }
    QSqlError sqlError;
    const int version = readUserVersion(db, &sqlError);
    if (version < 0) {
        if (isDamage(sqlError)) {
            *message =
                QStringLiteral("not a readable SQLite database: %1").arg(sqlError.databaseText());
            return Health::Damaged;
        }
        *message = QStringLiteral("cannot read %1: %2").arg(path, sqlError.databaseText());
        return Health::Failed;
    }
    if (version > Database::currentSchemaVersion()) {
        *message = newerSchemaMessage(path, version);
        return Health::Newer;
    }
    return full ? quickCheck(db, path, message) : Health::Usable;
}

// Reads every page of the file.
Health quickCheck(const QSqlDatabase &db, const QString &path, QString *message)
{
    QSqlQuery check(db);
    if (!check.exec(QStringLiteral("PRAGMA quick_check"))) {
        if (!isDamage(check.lastError())) {
            *message =
                QStringLiteral("cannot check %1: %2").arg(path, check.lastError().databaseText());
            return Health::Failed;
        }
        *message =
            QStringLiteral("integrity check failed: %1").arg(check.lastError().databaseText());
        return Health::Damaged;
    }
    if (!check.next()) {
        *message = QStringLiteral("integrity check failed: no answer");
        return Health::Damaged;
    }
    const QString verdict = check.value(0).toString();
    if (verdict != QLatin1String("ok")) {
        *message = QStringLiteral("integrity check failed: %1").arg(verdict.left(200));
        return Health::Damaged;
    }
    return Health::Usable;
}

// WAL mode (a property of the file), then every migration the file has not had yet.
bool prepareSchema(const QSqlDatabase &db, const QString &path, QString *message)
{
    if (!db.isOpen()) {
        *message = QStringLiteral("cannot open %1: %2").arg(path, db.lastError().text());
        return false;
    }
    {
        QSqlQuery wal(db);
        if (!wal.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !wal.next()) {
            *message =
                QStringLiteral("cannot use %1: %2").arg(path, wal.lastError().databaseText());
            return false;
        }
        if (wal.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
            qCWarning(lcStore, "%s: WAL mode refused (journal mode %s)", qUtf8Printable(path),
                      qUtf8Printable(wal.value(0).toString()));
    }
    const std::vector<DatabaseSchema::MigrationStep> &steps = DatabaseSchema::migrations();
    // A newer Brickrun may have upgraded the file since it was inspected.
    if (const int version = readUserVersion(db); version > int(steps.size())) {
        *message = newerSchemaMessage(path, version);
        return false;
    }
    for (int target = 1; target <= int(steps.size()); ++target) {
        if (readUserVersion(db) >= target)
            continue;
        QString reason;
        WriteTransaction transaction(db, &reason);
        if (!transaction.isActive()) {
            *message = QStringLiteral("cannot migrate %1: %2").arg(path, reason);
            return false;
        }
        // Another process may have migrated between the check and the write lock.
        const int version = readUserVersion(db);
        if (version >= target)
            continue; // nothing written; the transaction's destructor ends it
        if (version < 0 || !steps[size_t(target - 1)](db, &reason) ||
            !execSql(db, QStringLiteral("PRAGMA user_version = %1").arg(target),
                     "set the schema version", &reason) ||
            !transaction.commit(&reason)) {
            *message = QStringLiteral("migrating %1 from schema version %2 to %3 failed: %4")
                           .arg(path)
                           .arg(target - 1)
                           .arg(target)
                           .arg(reason);
            return false; // rolled back: the file stays whole at version target - 1
        }
        qCInfo(lcStore, "%s: migrated to schema version %d", qUtf8Printable(path), target);
    }
    return true;
}

// Moves the file and its companions to "<file>.damaged-<stamp>[-n]"; returns the new name.
bool moveAside(const QString &path, QString *target, QString *message)
{
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-hhmmss"));
    const QString base = path + QStringLiteral(".damaged-") + stamp;
    *target = base;
    for (int n = 2; QFile::exists(*target) || QFile::exists(*target + QStringLiteral("-wal")); ++n)
        *target = base + QLatin1Char('-') + QString::number(n);
    if (!QFile::rename(path, *target)) {
        *message = QStringLiteral("cannot move it aside to %1").arg(*target);
        return false;
    }
    // The WAL may hold the newest pages: it goes along, so the kept copy is the whole story.
    for (const char *suffix : {"-wal", "-shm", "-journal"}) {
        const QString companion = path + QLatin1String(suffix);
        if (QFile::exists(companion) &&
            !QFile::rename(companion, *target + QLatin1String(suffix)) &&
            !QFile::remove(companion)) {
            *message = QStringLiteral("moved it to %1 but cannot move or remove %2")
                           .arg(*target, companion);
            return false;
        }
    }
    return true;
}

} // namespace

QString Database::damageMarkerPath() const
{
    return m_path + QStringLiteral(".damaged");
}

bool Database::checkIntegrity(QString *problem) const
{
    const QSqlDatabase db = connection();
    if (!db.isOpen())
        return true; // nothing to tell: connection() has said why
    QString message;
    if (quickCheck(db, m_path, &message) != Health::Damaged) {
        if (!message.isEmpty())
            qCWarning(lcStore, "%s", qUtf8Printable(message));
        return true;
    }
    qCWarning(lcStore, "%s: %s; the next start moves it aside", qUtf8Printable(m_path),
              qUtf8Printable(message));
    QFile marker(damageMarkerPath());
    if (marker.open(QIODevice::WriteOnly | QIODevice::Truncate,
                    QFile::ReadOwner | QFile::WriteOwner))
        marker.write(message.toUtf8() + '\n');
    if (problem)
        *problem = message;
    return false;
}

bool Database::open(QString *error, QString *movedAsideTo, Check check)
{
    if (movedAsideTo)
        movedAsideTo->clear();
    const auto removeConnections = [this] {
        const QStringList names = QSqlDatabase::connectionNames();
        for (const QString &name : names) {
            if (!m_connectionPrefix.isEmpty() && name.startsWith(m_connectionPrefix))
                closeAndRemove(name);
        }
    };
    const auto fail = [&](const QString &message) {
        qCWarning(lcStore, "%s", qUtf8Printable(message));
        if (error)
            *error = message;
        // No connection left behind; connection() refuses until a successful open().
        removeConnections();
        m_connectionPrefix.clear();
        return false;
    };

    removeConnections(); // a second open() starts over with new connections
    m_connectionPrefix = nextPrefix();

    const QFileInfo info(m_path);
    if (info.exists() && info.isDir())
        return fail(QStringLiteral("%1 is a folder, not a database file").arg(m_path));
    // The history is private to its user (PrivateFiles.h): the folder and every file of it,
    // those of earlier versions included, whose modes are fixed here at each open.
    QString privacyError;
    if (!PrivateFiles::makePrivateDir(info.absolutePath(), &privacyError)) {
        if (!QFileInfo(info.absolutePath()).isDir())
            return fail(QStringLiteral("cannot create the folder %1").arg(info.absolutePath()));
        qCWarning(lcStore, "%s", qUtf8Printable(privacyError));
    }
    makeFilesPrivate();

    if (info.exists() && info.size() > 0) {
        // Inspected through a connection of its own, read-only: closing the last read-write
        // connection of a file SQLite cannot read deletes its -wal, and a damaged file is kept
        // as it was found, WAL included. Read-write only when a rollback journal is there (a
        // crash before WAL mode was on, e.g. during the very first open): that hot journal
        // must be rolled back, which a read-only connection cannot do.
        QString message;
        Health health = Health::Usable;
        // A file an earlier deferred check found damaged is checked in full now.
        const bool full = check == Check::AtOpen || QFile::exists(damageMarkerPath());
        const QString inspector = m_connectionPrefix + QStringLiteral("inspect");
        const auto inspectWith = [&](bool readOnly) {
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), inspector);
                db.setDatabaseName(m_path);
                db.setConnectOptions(
                    QStringLiteral("%1QSQLITE_BUSY_TIMEOUT=%2")
                        .arg(readOnly ? QStringLiteral("QSQLITE_OPEN_READONLY;") : QString())
                        .arg(BusyTimeoutMs));
                db.open();
                health = inspect(db, m_path, &message, full);
            }
            closeAndRemove(inspector);
        };
        const bool hotJournal = QFile::exists(m_path + QStringLiteral("-journal"));
        inspectWith(!hotJournal);
        if (health == Health::Failed && !hotJournal)
            inspectWith(false); // e.g. SQLITE_READONLY_ROLLBACK: let SQLite recover the file
        if (health == Health::Failed || health == Health::Newer)
            return fail(message);
        if (health == Health::Damaged) {
            removeConnections(); // closed before the rename (Windows cannot rename open files)
            QString target, moveError;
            if (!moveAside(m_path, &target, &moveError))
                return fail(
                    QStringLiteral("%1 is damaged (%2) and %3").arg(m_path, message, moveError));
            qCWarning(lcStore, "%s was damaged (%s): moved aside to %s, starting a new one",
                      qUtf8Printable(m_path), qUtf8Printable(message), qUtf8Printable(target));
            if (movedAsideTo)
                *movedAsideTo = target;
        }
        if (full)
            QFile::remove(damageMarkerPath()); // checked in full just now
    }

    // Created private before SQLite first opens it: SQLite gives the -wal, -shm and -journal
    // files the mode of the database file.
    if (!PrivateFiles::createPrivateFile(m_path, &privacyError))
        qCWarning(lcStore, "%s", qUtf8Printable(privacyError));
    QString message;
    if (!prepareSchema(connection(), m_path, &message))
        return fail(message);
    makeFilesPrivate(); // the companions SQLite made
    return true;
}

void Database::makeFilesPrivate() const
{
    const QFileInfo info(m_path);
    QStringList files{m_path, damageMarkerPath()};
    for (const char *suffix : {"-wal", "-shm", "-journal"})
        files << m_path + QLatin1String(suffix);
    // The copies of damaged files (and their companions), kept next to the history.
    const QStringList aside =
        QDir(info.absolutePath())
            .entryList({info.fileName() + QStringLiteral(".damaged-*")}, QDir::Files);
    for (const QString &name : aside)
        files << info.absoluteDir().filePath(name);
    for (const QString &file : std::as_const(files)) {
        QString error;
        if (!PrivateFiles::makePrivateFile(file, &error))
            qCWarning(lcStore, "%s", qUtf8Printable(error));
    }
}

} // namespace Brickrun
