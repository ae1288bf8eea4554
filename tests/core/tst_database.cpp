// SPDX-License-Identifier: Apache-2.0
#include "DamagedHistory.h"
#include "store/Database.h"
#include "store/HistoryStore.h"
#include "store/PresetStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QWaitCondition>

#include <memory>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

using namespace Brickrun;

namespace {

// A raw connection of the test's own (not through Database), closed when it goes.
class RawConnection
{
public:
    explicit RawConnection(const QString &path)
        : m_name(QStringLiteral("raw-%1").arg(++s_serial))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~RawConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    // The statements of a .sql file, one per ";" at the end of a line; "--" lines skipped.
    bool runScript(const QString &file, QString *error) const
    {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            *error = f.errorString();
            return false;
        }
        QString statement;
        const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
        for (const QString &line : lines) {
            if (line.trimmed().startsWith(QLatin1String("--")))
                continue;
            statement += line + QLatin1Char('\n');
            if (line.trimmed().endsWith(QLatin1Char(';'))) {
                QSqlQuery q(db());
                if (!q.exec(statement)) {
                    *error = q.lastError().text() + QStringLiteral(" in ") + statement;
                    return false;
                }
                statement.clear();
            }
        }
        return true;
    }
    QVariant value(const QString &sql) const
    {
        QSqlQuery q(db());
        if (!q.exec(sql) || !q.next())
            return QVariant();
        return q.value(0);
    }

private:
    static inline int s_serial = 0;
    QString m_name;
};

QVariant valueOf(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return QVariant();
    return q.value(0);
}

// Every table and index with its SQL, whitespace normalised: two files with equal lists have
// the same schema.
QStringList schemaOf(const QSqlDatabase &db)
{
    QStringList schema;
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE "
                          "'sqlite_%' ORDER BY type, name"));
    while (q.next())
        schema << q.value(0).toString() + QLatin1Char(' ') + q.value(1).toString() +
                      QStringLiteral(": ") + q.value(2).toString().simplified();
    return schema;
}

QStringList connectionsOf(const QString &prefixPart)
{
    QStringList names;
    const QStringList all = QSqlDatabase::connectionNames();
    for (const QString &n : all) {
        if (n.startsWith(prefixPart))
            names << n;
    }
    return names;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

} // namespace

class tst_Database : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_serial = 0;
    QString freshPath()
    {
        return m_dir.filePath(QStringLiteral("db%1/brickrun.sqlite").arg(++m_serial));
    }
    static QString fixture(const char *name)
    {
        return QStringLiteral(BRICKRUN_SOURCE_DIR "/tests/data/db/") + QLatin1String(name);
    }
    // The schema a brand-new file gets (the reference for every migrated one).
    QStringList freshSchema()
    {
        Database db(freshPath());
        QString error;
        if (!db.open(&error))
            return {error};
        return schemaOf(db.connection());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
#ifdef Q_OS_UNIX
        ::umask(022); // the usual one: new files 0644, new folders 0755 unless made private
#endif
    }

    void cleanup()
    {
        // No test leaves a connection behind (~Database removed them all).
        QCOMPARE(connectionsOf(QStringLiteral("brickrun-db-")), QStringList());
    }

    void defaultPathIsInAppData()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString path = Database::defaultPath();
        QVERIFY(path.endsWith(QLatin1String("/brickrun.sqlite")));
        QVERIFY(path.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
        QStandardPaths::setTestModeEnabled(false);
    }

    void createsFoldersFileAndSchema()
    {
        const QString path = m_dir.filePath(QStringLiteral("new/deeper/brickrun.sqlite"));
        Database db(path);
        QString error, moved = QStringLiteral("stale");
        QVERIFY2(db.open(&error, &moved), qPrintable(error));
        QVERIFY(moved.isEmpty());
        QVERIFY(QFile::exists(path));
        QCOMPARE(db.path(), path);
        QCOMPARE(Database::currentSchemaVersion(), 4);
        QCOMPARE(db.schemaVersion(), Database::currentSchemaVersion());
        const QSqlDatabase c = db.connection();
        QCOMPARE(valueOf(c, QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("wal"));
        QCOMPARE(valueOf(c, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
        QCOMPARE(valueOf(c, QStringLiteral("PRAGMA synchronous")).toInt(), 1); // NORMAL
        const QStringList schema = schemaOf(c);
        for (const char *table : {"runs", "run_outputs", "state_changes", "presets"})
            QVERIFY2(schema.filter(QStringLiteral("table %1:").arg(QLatin1String(table))).size() ==
                         1,
                     table);
        // What the history filters and sorts on is indexed.
        for (const char *index :
             {"runs_by_submitted", "runs_by_profile", "runs_by_host_run_id", "runs_active",
              "state_changes_by_record", "runs_by_run_name", "runs_by_notebook", "runs_by_cluster",
              "runs_by_state", "runs_by_duration", "runs_by_run_id"})
            QVERIFY2(schema.filter(QStringLiteral("index %1:").arg(QLatin1String(index))).size() ==
                         1,
                     index);
    }

    void reopenKeepsData()
    {
        const QString path = freshPath();
        qint64 id = 0;
        {
            Database db(path);
            QString error;
            QVERIFY(db.open(&error));
            HistoryStore history(&db);
            RunRecord r;
            r.spec.runName = QStringLiteral("kept");
            const auto added = history.addPending(r);
            QVERIFY(added);
            id = added.value();
        }
        Database again(path);
        QString error, moved;
        QVERIFY2(again.open(&error, &moved), qPrintable(error));
        QVERIFY(moved.isEmpty());
        QCOMPARE(again.schemaVersion(), Database::currentSchemaVersion());
        HistoryStore history(&again);
        QVERIFY(history.record(id));
        QCOMPARE(history.record(id)->spec.runName, QStringLiteral("kept"));
        // A second open() of the same object works too (fresh connections).
        QVERIFY(again.open(&error));
        QVERIFY(history.record(id));
    }

    void migratesFromEveryEarlierVersion_data()
    {
        QTest::addColumn<int>("fromVersion");
        QTest::newRow("v0: empty file") << 0;
        QTest::newRow("v0: SQLite file without our tables") << -1;
        QTest::newRow("v1: fixture") << 1;
        QTest::newRow("v2: fixture") << 2;
        QTest::newRow("v3: fixture") << 3;
        // When v5 comes: add tests/data/db/schema-v4.sql and a row here.
    }
    void migratesFromEveryEarlierVersion()
    {
        QFETCH(int, fromVersion);
        const QString path = freshPath();
        QDir().mkpath(QFileInfo(path).absolutePath());
        if (fromVersion == 0) {
            QVERIFY(writeFile(path, QByteArray()));
        } else if (fromVersion == -1) {
            RawConnection raw(path);
            QVERIFY(raw.db().isOpen());
            QSqlQuery(raw.db()).exec(QStringLiteral("CREATE TABLE unrelated (x)"));
        } else {
            RawConnection raw(path);
            QString error;
            const QByteArray name = "schema-v" + QByteArray::number(fromVersion) + ".sql";
            QVERIFY2(raw.runScript(fixture(name.constData()), &error), qPrintable(error));
            QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), fromVersion);
        }

        const QStringList reference = freshSchema();
        Database db(path);
        QString error, moved;
        QVERIFY2(db.open(&error, &moved), qPrintable(error));
        QVERIFY(moved.isEmpty());
        QCOMPARE(db.schemaVersion(), Database::currentSchemaVersion());
        QStringList schema = schemaOf(db.connection());
        schema.removeAll(QStringLiteral("table unrelated: CREATE TABLE unrelated (x)"));
        QCOMPARE(schema, reference);

        if (fromVersion >= 1) {
            // Nothing of the file is lost and the stores read it.
            HistoryStore history(&db);
            const auto finished = history.record(1);
            QVERIFY(finished);
            QCOMPARE(finished->spec.runName, QStringLiteral("nightly load"));
            QCOMPARE(finished->tracking, RunRecord::Tracking::Finished);
            QCOMPARE(finished->runId, Q_INT64_C(455644833));
            QCOMPARE(finished->spec.parameters.size(), 2);
            QCOMPARE(finished->spec.parameters.at(1).second, QStringLiteral("full"));
            QVERIFY(finished->hasOutput);
            QCOMPARE(finished->output.notebookResult, QStringLiteral("{\"rows\": 42}"));
            QCOMPARE(history.stateChanges(1).size(), 2);
            QCOMPARE(history.activeRuns().size(), 1);
            HistoryStore::Query q;
            q.text = QStringLiteral("2024-05-01"); // parameter search works on migrated rows
            QCOMPARE(history.ids(q), QList<qint64>{1});
            q = {};
            q.sort = HistoryStore::Query::Sort::RunName;
            q.descending = false;
            QCOMPARE(history.ids(q), (QList<qint64>{1, 2}));
            QCOMPARE(
                valueOf(db.connection(), QStringLiteral("SELECT count(*) FROM presets")).toInt(),
                1);
            // v3: runs and presets from before retries existed have none.
            QCOMPARE(finished->spec.timeoutSeconds, 3600);
            QCOMPARE(finished->spec.maxRetries, 0);
            QCOMPARE(finished->spec.minRetryIntervalMillis, 0);
            QCOMPARE(finished->spec.retryOnTimeout, false);
            const auto preset = PresetStore(&db).preset(QStringLiteral("Nightly"));
            QVERIFY(preset);
            QCOMPARE(preset->spec.notebookPath, QStringLiteral("/Repos/etl/load"));
            QCOMPARE(preset->spec.maxRetries, 0);
            // v4: runs and presets from before the run shapes are workspace notebooks on an
            // existing cluster, as they were.
            for (const RunSpec &spec : {finished->spec, preset->spec}) {
                QVERIFY(spec.compute.isExistingCluster());
                QVERIFY(!spec.isPythonFile());
                QVERIFY(!spec.usesGit());
                QCOMPARE(spec.computeText(), QStringLiteral("0923-164208-abcd123"));
                QCOMPARE(spec.toSubmitBody(QString()), [&spec] {
                    RunSpec plain;
                    plain.runName = spec.runName;
                    plain.taskKey = spec.taskKey;
                    plain.notebookPath = spec.notebookPath;
                    plain.clusterId = spec.clusterId;
                    plain.parameters = spec.parameters;
                    plain.queueEnabled = spec.queueEnabled;
                    plain.timeoutSeconds = spec.timeoutSeconds;
                    return plain.toSubmitBody(QString());
                }());
            }
            // A run of a new shape is stored and read back whole in the migrated file.
            RunRecord shaped;
            shaped.spec.taskKind = RunSpec::TaskKind::PythonFile;
            shaped.spec.pythonFile = QStringLiteral("jobs/etl_job.py");
            shaped.spec.pythonArguments = {QStringLiteral("--date"), QStringLiteral("2026-12-02")};
            shaped.spec.source = RunSpec::SourceKind::Git;
            shaped.spec.git.url = QStringLiteral("https://github.com/brickrun-demo/analytics");
            shaped.spec.git.tag = QStringLiteral("v1.1.0");
            shaped.spec.compute.kind = ComputeSpec::Kind::NewJobCluster;
            shaped.spec.compute.sparkVersion = QStringLiteral("15.4.x-scala2.12");
            shaped.spec.compute.nodeTypeId = QStringLiteral("Standard_DS3_v2");
            shaped.spec.compute.numWorkers = 2;
            const auto added = history.addPending(shaped);
            QVERIFY(added);
            const auto back = history.record(added.value());
            QVERIFY(back);
            QCOMPARE(back->spec.toSubmitBody(QStringLiteral("t")),
                     shaped.spec.toSubmitBody(QStringLiteral("t")));
            QCOMPARE(back->spec.notebookPath, QString());
            QCOMPARE(back->spec.computeText(), QStringLiteral("New: 15.4 · DS3_v2 × 2"));
        }
    }

    void failedMigrationLeavesFileAtItsVersion()
    {
        const QString path = freshPath();
        QDir().mkpath(QFileInfo(path).absolutePath());
        {
            RawConnection raw(path);
            QString error;
            QVERIFY2(raw.runScript(fixture("schema-v1.sql"), &error), qPrintable(error));
            // Something named like a v2 index: the v2 step fails half-way.
            QSqlQuery(raw.db()).exec(QStringLiteral("CREATE TABLE runs_by_state (x)"));
        }
        const QByteArray before = readAll(path);
        Database db(path);
        QString error, moved;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("runs_by_state")));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("from schema version 1 to 2")));
        QVERIFY(!db.open(&error, &moved));
        QVERIFY2(error.contains(QLatin1String("from schema version 1 to 2")), qPrintable(error));
        QVERIFY(moved.isEmpty()); // not damaged: not moved
        QVERIFY(QFile::exists(path));
        RawConnection raw(path);
        QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), 1);
        // The indexes the step made before failing were rolled back with it.
        QCOMPARE(
            raw.value(QStringLiteral(
                          "SELECT count(*) FROM sqlite_master WHERE name = 'runs_by_run_name'"))
                .toInt(),
            0);
        QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM runs")).toInt(), 2);
        Q_UNUSED(before)
        // And connection() refuses after a failed open().
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("before a successful")));
        QVERIFY(!db.connection().isValid());
    }

    void damagedFileIsMovedAsideAndKept_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("garbage bytes") << QStringLiteral("garbage");
        QTest::newRow("garbage with WAL companions") << QStringLiteral("garbage+wal");
        QTest::newRow("truncated database") << QStringLiteral("truncated");
        QTest::newRow("zeroed pages") << QStringLiteral("zeroed");
    }
    void damagedFileIsMovedAsideAndKept()
    {
        QFETCH(QString, kind);
        const QString path = freshPath();
        QDir().mkpath(QFileInfo(path).absolutePath());
        if (kind.startsWith(QLatin1String("garbage"))) {
            QByteArray garbage;
            for (int i = 0; i < 5000; ++i)
                garbage.append(char((i * 7919) % 251));
            QVERIFY(writeFile(path, garbage));
            if (kind.endsWith(QLatin1String("+wal"))) {
                QVERIFY(writeFile(path + QStringLiteral("-wal"), "not a wal"));
                QVERIFY(writeFile(path + QStringLiteral("-shm"), "not a shm"));
            }
        } else {
            QVERIFY(Test::writeHistory(path));
            // The last connection checkpointed the WAL into the file and removed it.
            QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
            if (kind == QLatin1String("truncated")) {
                QFile f(path);
                QVERIFY(f.open(QIODevice::ReadWrite));
                QVERIFY(f.resize(f.size() / 2));
            } else if (kind == QLatin1String("zeroed")) {
                QVERIFY(Test::losePages(path));
            }
        }
        const QByteArray original = readAll(path);

        Database db(path);
        QString error, moved;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("moved aside to")));
        QVERIFY2(db.open(&error, &moved), qPrintable(error));
        QVERIFY(!moved.isEmpty());
        QVERIFY2(moved.startsWith(path + QStringLiteral(".damaged-")), qPrintable(moved));
        QVERIFY(QFile::exists(moved));
        QCOMPARE(readAll(moved), original); // kept, byte for byte
        if (kind.endsWith(QLatin1String("+wal"))) {
            QCOMPARE(readAll(moved + QStringLiteral("-wal")), QByteArray("not a wal"));
            QVERIFY(QFile::exists(moved + QStringLiteral("-shm")));
        }

        // A fresh, working database took its place.
        QCOMPARE(db.schemaVersion(), Database::currentSchemaVersion());
        HistoryStore history(&db);
        QCOMPARE(history.count({}), 0);
        RunRecord r;
        r.spec.runName = QStringLiteral("after the damage");
        const auto added = history.addPending(r);
        QVERIFY(added);
        QCOMPARE(history.record(added.value())->spec.runName, QStringLiteral("after the damage"));

        // Opening again finds nothing wrong; a second damage gets its own name.
        Database again(path);
        QVERIFY(again.open(&error, &moved));
        QVERIFY(moved.isEmpty());
    }

    void newerSchemaIsRefusedNotMovedAside_data()
    {
        QTest::addColumn<bool>("deferred");
        QTest::addColumn<bool>("damageMarker");
        QTest::newRow("check at open") << false << false;
        QTest::newRow("deferred check") << true << false;
        QTest::newRow("after a deferred check found damage") << true << true;
    }
    void newerSchemaIsRefusedNotMovedAside()
    {
        // A history a newer Brickrun wrote (and will read again) is not damaged: an older
        // Brickrun refuses it, says why, and leaves it where it is, unchanged.
        QFETCH(bool, deferred);
        QFETCH(bool, damageMarker);
        const QString path = freshPath();
        const int newer = Database::currentSchemaVersion() + 1;
        QVERIFY(Test::writeHistory(path, QStringLiteral("PRAGMA user_version = %1").arg(newer)));
        if (damageMarker)
            QVERIFY(writeFile(path + QStringLiteral(".damaged"), "integrity check failed\n"));
        const QByteArray original = readAll(path);

        Database db(path);
        QString error, moved;
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("newer version of Brickrun")));
        QVERIFY(!db.open(&error, &moved,
                         deferred ? Database::Check::Deferred : Database::Check::AtOpen));
        QVERIFY2(error.contains(QLatin1String("written by a newer version of Brickrun")),
                 qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("schema version %1").arg(newer)), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("this Brickrun " BRICKRUN_VERSION
                                               " reads schema versions up to %1")
                                    .arg(Database::currentSchemaVersion())),
                 qPrintable(error));
        QVERIFY(error.contains(path));
        QVERIFY(moved.isEmpty());

        QVERIFY(QFile::exists(path));
        QCOMPARE(readAll(path), original); // untouched
        const QStringList aside = QDir(QFileInfo(path).absolutePath())
                                      .entryList({QStringLiteral("*.damaged-*")}, QDir::Files);
        QCOMPARE(aside, QStringList());
        RawConnection raw(path);
        QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), newer);
        QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM runs")).toInt(), 300);

        // And connection() refuses after the failed open().
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("before a successful")));
        QVERIFY(!db.connection().isValid());
    }

    void historyIsPrivateToItsUser()
    {
#ifndef Q_OS_UNIX
        QSKIP("file modes are a Unix matter");
#else
        // A history left by an earlier Brickrun: folder 0755, files 0644, a damaged copy 0644.
        const QString path = freshPath();
        const QString folder = QFileInfo(path).absolutePath();
        QVERIFY(Test::writeHistory(path));
        const QString oldCopy = path + QStringLiteral(".damaged-20240101-000000");
        QVERIFY(writeFile(oldCopy, "old damage"));
        QVERIFY(writeFile(oldCopy + QStringLiteral("-wal"), "old wal"));
        const auto everyone = QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser |
                              QFile::WriteUser | QFile::ReadGroup | QFile::ReadOther;
        for (const QString &file : QStringList{path, oldCopy, oldCopy + QStringLiteral("-wal")})
            QVERIFY(QFile::setPermissions(file, everyone));
        QVERIFY(QFile::setPermissions(folder, everyone | QFile::ExeOwner | QFile::ExeUser |
                                                  QFile::ExeGroup | QFile::ExeOther));
        QVERIFY(QFileInfo(path).permission(QFile::ReadOther));

        const auto expectPrivate = [](const QString &file) {
            const QFileInfo info(file);
            if (!info.exists())
                return QStringLiteral("%1 is missing").arg(file);
            const auto others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup |
                                QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
            if (info.permissions() & others)
                return QStringLiteral("%1 is open to others: %2")
                    .arg(file)
                    .arg(int(info.permissions()), 0, 16);
            if (!(info.permission(QFile::ReadOwner) && info.permission(QFile::WriteOwner)))
                return QStringLiteral("%1 is not the owner's to read and write").arg(file);
            return QString();
        };
        {
            Database db(path);
            QString error, moved;
            QVERIFY2(db.open(&error, &moved), qPrintable(error));
            QVERIFY(moved.isEmpty());
            QVERIFY(QFileInfo(folder).permission(QFile::ExeOwner));
            // While it is open SQLite has its -wal and -shm: private too.
            QVERIFY(QFile::exists(path + QStringLiteral("-wal")));
            for (const QString &file : QStringList{folder, path, path + QStringLiteral("-wal"),
                                                   path + QStringLiteral("-shm"), oldCopy,
                                                   oldCopy + QStringLiteral("-wal")}) {
                const QString problem = expectPrivate(file);
                QVERIFY2(problem.isEmpty(), qPrintable(problem));
            }
        }

        // A brand-new history in a new folder, and a damaged file moved aside, are private too.
        const QString fresh = m_dir.filePath(QStringLiteral("private-new/brickrun.sqlite"));
        {
            Database db(fresh);
            QString error;
            QVERIFY2(db.open(&error), qPrintable(error));
            for (const QString &file :
                 QStringList{QFileInfo(fresh).absolutePath(), fresh, fresh + QStringLiteral("-wal"),
                             fresh + QStringLiteral("-shm")}) {
                const QString problem = expectPrivate(file);
                QVERIFY2(problem.isEmpty(), qPrintable(problem));
            }
        }
        QVERIFY(writeFile(fresh, QByteArray(4096, 'g')));
        QVERIFY(writeFile(fresh + QStringLiteral("-wal"), "not a wal"));
        for (const QString &file : QStringList{fresh, fresh + QStringLiteral("-wal")})
            QVERIFY(QFile::setPermissions(file, everyone));
        Database db(fresh);
        QString error, moved;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("moved aside to")));
        QVERIFY2(db.open(&error, &moved), qPrintable(error));
        QVERIFY(!moved.isEmpty());
        for (const QString &file : QStringList{moved, moved + QStringLiteral("-wal"), fresh,
                                               fresh + QStringLiteral("-wal")}) {
            const QString problem = expectPrivate(file);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
#endif
    }

    void deferredCheckFindsTheDamageAndTheNextOpenMovesItAside()
    {
        const QString path = freshPath();
        QVERIFY(Test::writeHistory(path));
        QVERIFY(Test::losePages(path));
        QString error, moved;
        {
            Database db(path);
            QVERIFY2(db.open(&error, &moved, Database::Check::Deferred), qPrintable(error));
            QVERIFY(moved.isEmpty()); // the quick part of the check cannot see it
            QString problem;
            QTest::ignoreMessage(QtWarningMsg,
                                 QRegularExpression(QStringLiteral("the next start moves it")));
            QVERIFY(!db.checkIntegrity(&problem));
            QVERIFY2(problem.contains(QStringLiteral("integrity check failed")),
                     qPrintable(problem));
            QVERIFY(QFile::exists(path + QStringLiteral(".damaged")));
        }
        // The next open checks in full, even when asked to defer, and moves the file aside.
        Database next(path);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("moved aside to")));
        QVERIFY2(next.open(&error, &moved, Database::Check::Deferred), qPrintable(error));
        QVERIFY2(moved.startsWith(path + QStringLiteral(".damaged-")), qPrintable(moved));
        QVERIFY(QFile::exists(moved));
        QVERIFY(!QFile::exists(path + QStringLiteral(".damaged")));
        QVERIFY(next.checkIntegrity());
        QCOMPARE(HistoryStore(&next).count({}), 0);

        // A sound file: a deferred open and a later check that finds nothing.
        Database again(path);
        QVERIFY(again.open(&error, &moved, Database::Check::Deferred));
        QVERIFY(moved.isEmpty());
        QString problem;
        QVERIFY(again.checkIntegrity(&problem));
        QVERIFY(problem.isEmpty());
    }

    void hotJournalOfACrashIsRolledBackNotMovedAside()
    {
        // A crash before WAL mode is on (the first open switches the file to WAL) leaves a
        // rollback journal. Snapshot a file and its journal in the middle of a transaction:
        // exactly what a SIGKILL at that moment leaves on disk.
        const QString source = freshPath();
        const QString path = freshPath();
        QDir().mkpath(QFileInfo(source).absolutePath());
        QDir().mkpath(QFileInfo(path).absolutePath());
        {
            RawConnection raw(source);
            QSqlQuery q(raw.db());
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode = DELETE")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA cache_size = 2"))); // spill to the file early
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE t (x)")));
            QVERIFY(q.exec(QStringLiteral("BEGIN")));
            for (int i = 0; i < 2000; ++i)
                QVERIFY(q.exec(QStringLiteral("INSERT INTO t VALUES (zeroblob(500))")));
            QVERIFY(QFile::exists(source + QStringLiteral("-journal")));
            QVERIFY(QFile::copy(source, path));
            QVERIFY(QFile::copy(source + QStringLiteral("-journal"),
                                path + QStringLiteral("-journal")));
            q.exec(QStringLiteral("ROLLBACK"));
        }
        Database db(path);
        QString error, moved;
        QVERIFY2(db.open(&error, &moved), qPrintable(error));
        QVERIFY2(moved.isEmpty(), qPrintable(moved));
        QVERIFY(!QFile::exists(path + QStringLiteral("-journal"))); // rolled back
        QCOMPARE(valueOf(db.connection(), QStringLiteral("SELECT count(*) FROM t")).toInt(), 0);
        QCOMPARE(db.schemaVersion(), Database::currentSchemaVersion());
        QCOMPARE(valueOf(db.connection(), QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("wal"));
    }

    void twoDamagesInOneSecondKeepBoth()
    {
        const QString path = freshPath();
        QDir().mkpath(QFileInfo(path).absolutePath());
        QStringList kept;
        for (int i = 0; i < 2; ++i) {
            QVERIFY(writeFile(path, QByteArray(2048, char('a' + i))));
            Database db(path);
            QString error, moved;
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("moved aside")));
            QVERIFY(db.open(&error, &moved));
            kept << moved;
        }
        QVERIFY(kept.at(0) != kept.at(1));
        QCOMPARE(readAll(kept.at(0)), QByteArray(2048, 'a'));
        QCOMPARE(readAll(kept.at(1)), QByteArray(2048, 'b'));
    }

    void failsWhenNoDatabaseCanBeHad()
    {
        // A folder that cannot exist (its parent is a file); works as root too.
        const QString file = m_dir.filePath(QStringLiteral("plain-file"));
        QVERIFY(writeFile(file, "x"));
        Database db(file + QStringLiteral("/sub/brickrun.sqlite"));
        QString error, moved;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot create")));
        QVERIFY(!db.open(&error, &moved));
        QVERIFY2(error.contains(QLatin1String("cannot create the folder")), qPrintable(error));
        QVERIFY(moved.isEmpty());

        // A folder where the file should be is not "damaged": nothing is moved.
        const QString folder = m_dir.filePath(QStringLiteral("is-a-folder"));
        QVERIFY(QDir().mkpath(folder));
        Database onFolder(folder);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("is a folder")));
        QVERIFY(!onFolder.open(&error, &moved));
        QVERIFY(moved.isEmpty());
        QVERIFY(QFileInfo(folder).isDir());
    }

    void oneConnectionPerThread()
    {
        Database db(freshPath());
        QString error;
        QVERIFY(db.open(&error));
        const QString mine = db.connection().connectionName();
        QCOMPARE(db.connection().connectionName(), mine); // the same one, again
        const QStringList before = QSqlDatabase::connectionNames();

        QString theirs;
        bool open = false;
        int foreignKeys = 0;
        QStringList during;
        QThread *thread = QThread::create([&] {
            const QSqlDatabase c = db.connection();
            theirs = c.connectionName();
            open = c.isOpen();
            foreignKeys = valueOf(c, QStringLiteral("PRAGMA foreign_keys")).toInt();
            QSqlQuery(c).exec(
                QStringLiteral("INSERT INTO presets (name) VALUES ('from a thread')"));
            during = QSqlDatabase::connectionNames();
        });
        thread->start();
        QVERIFY(thread->wait(10000));
        delete thread;

        QVERIFY(!theirs.isEmpty());
        QVERIFY(theirs != mine);
        QVERIFY(open);
        QCOMPARE(foreignKeys, 1);
        QVERIFY(during.contains(theirs));
        // Gone with its thread; the main thread's one stays and sees the thread's write.
        QVERIFY(!QSqlDatabase::connectionNames().contains(theirs));
        QCOMPARE(QSqlDatabase::connectionNames(), before);
        QCOMPARE(
            valueOf(db.connection(),
                    QStringLiteral("SELECT count(*) FROM presets WHERE name = 'from a thread'"))
                .toInt(),
            1);
    }

    void destructorRemovesConnectionsOfLiveThreads()
    {
        // A thread still alive when the Database goes: its connection is removed too.
        auto db = std::make_unique<Database>(freshPath());
        QString error;
        QVERIFY(db->open(&error));
        QMutex mutex;
        QWaitCondition used, released;
        bool done = false, go = false;
        QThread *thread = QThread::create([&] {
            db->connection();
            QMutexLocker lock(&mutex);
            done = true;
            used.wakeAll();
            while (!go)
                released.wait(&mutex);
        });
        thread->start();
        {
            QMutexLocker lock(&mutex);
            while (!done)
                used.wait(&mutex);
        }
        QCOMPARE(connectionsOf(QStringLiteral("brickrun-db-")).size(), 2);
        db.reset();
        QCOMPARE(connectionsOf(QStringLiteral("brickrun-db-")).size(), 0);
        {
            QMutexLocker lock(&mutex);
            go = true;
            released.wakeAll();
        }
        QVERIFY(thread->wait(10000));
        delete thread;
    }
};

QTEST_GUILESS_MAIN(tst_Database)
#include "tst_database.moc"
