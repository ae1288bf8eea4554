// SPDX-License-Identifier: Apache-2.0
#include "store/Database.h"
#include "store/HistoryStore.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>

using namespace Brickrun;

namespace {

const char CrashChildVariable[] = "BRICKRUN_TST_HISTORY_CRASH_DB";

RunState state(const char *lifeCycle, const char *result = "", const char *message = "")
{
    RunState s;
    s.lifeCycleState = QLatin1String(lifeCycle);
    s.resultState = QLatin1String(result);
    s.stateMessage = QLatin1String(message);
    return s;
}

RunInfo runInfo(qint64 runId, const RunState &s, qint64 start = 0, qint64 end = 0)
{
    RunInfo info;
    info.runId = runId;
    info.state = s;
    info.startTimeMs = start;
    info.endTimeMs = end;
    return info;
}

// Every field that differs, by name (empty when the records are equal).
QStringList differences(const RunRecord &a, const RunRecord &b)
{
    QStringList d;
#define BRICKRUN_CHECK(field)                                                                      \
    if (!(a.field == b.field))                                                                     \
    d << QStringLiteral(#field)
    BRICKRUN_CHECK(id);
    BRICKRUN_CHECK(profile);
    BRICKRUN_CHECK(host);
    BRICKRUN_CHECK(spec.runName);
    BRICKRUN_CHECK(spec.taskKey);
    BRICKRUN_CHECK(spec.notebookPath);
    BRICKRUN_CHECK(spec.clusterId);
    BRICKRUN_CHECK(spec.parameters);
    BRICKRUN_CHECK(spec.queueEnabled);
    BRICKRUN_CHECK(spec.timeoutSeconds);
    BRICKRUN_CHECK(spec.maxRetries);
    BRICKRUN_CHECK(spec.minRetryIntervalMillis);
    BRICKRUN_CHECK(spec.retryOnTimeout);
    BRICKRUN_CHECK(attemptNumber);
    BRICKRUN_CHECK(idempotencyToken);
    BRICKRUN_CHECK(source);
    BRICKRUN_CHECK(tracking);
    BRICKRUN_CHECK(runId);
    BRICKRUN_CHECK(taskRunId);
    BRICKRUN_CHECK(runPageUrl);
    BRICKRUN_CHECK(state);
    BRICKRUN_CHECK(submittedAtMs);
    BRICKRUN_CHECK(startTimeMs);
    BRICKRUN_CHECK(endTimeMs);
    BRICKRUN_CHECK(updatedAtMs);
    BRICKRUN_CHECK(hasOutput);
    BRICKRUN_CHECK(output.taskRunId);
    BRICKRUN_CHECK(output.hasNotebookResult);
    BRICKRUN_CHECK(output.notebookResult);
    BRICKRUN_CHECK(output.truncated);
    BRICKRUN_CHECK(output.error);
    BRICKRUN_CHECK(output.errorTrace);
    BRICKRUN_CHECK(output.logs);
    BRICKRUN_CHECK(output.logsTruncated);
    BRICKRUN_CHECK(lastError);
#undef BRICKRUN_CHECK
    return d;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A small RFC 4180 reader: the test's own, to check what a spreadsheet would see.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() &&
                text.at(i + 1) == QLatin1Char('"')) {
                field += QLatin1Char('"');
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() &&
                   text.at(i + 1) == QLatin1Char('\n')) {
            row << field;
            field.clear();
            rows << row;
            row.clear();
            ++i;
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty())
        rows << (row << field);
    return rows;
}

// The crash child: writes runs through the whole life cycle until it is killed.
int crashChild(const QString &path)
{
    Database db(path);
    QString error;
    if (!db.open(&error)) {
        std::fprintf(stderr, "child: %s\n", qPrintable(error));
        return 1;
    }
    HistoryStore history(&db);
    for (int i = 0; i < 100000; ++i) {
        const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
        RunRecord r;
        r.profile = QStringLiteral("crash");
        r.host = QStringLiteral("https://adb-1.2.azuredatabricks.net");
        r.spec.runName = QStringLiteral("crash ") + key;
        r.spec.notebookPath = QStringLiteral("/Repos/crash");
        r.spec.clusterId = QStringLiteral("c-1");
        r.spec.parameters = {{QStringLiteral("key"), key},
                             {QStringLiteral("pad"), QString(200, QLatin1Char('p'))}};
        r.idempotencyToken = QStringLiteral("token-") + key;
        const auto added = history.addPending(r);
        if (!added)
            return 2;
        const qint64 id = added.value();
        const qint64 runId = 1000000000LL + id * 10; // unique, like the service's
        history.setSubmitted(id, runId);
        RunInfo info = runInfo(runId, state("RUNNING"), 1000);
        TaskRun task;
        task.runId = runId + 1;
        task.taskKey = QStringLiteral("main");
        info.tasks = {task};
        history.recordRun(id, info);
        info.state = state("TERMINATED", "SUCCESS");
        info.endTimeMs = 2000;
        history.recordRun(id, info);
        RunOutput output;
        output.taskRunId = runId + 1;
        output.hasNotebookResult = true;
        output.notebookResult = QStringLiteral("result-") + key;
        output.logs = QString(3000, QLatin1Char('l'));
        history.setOutput(id, output);
        std::printf("iteration %d\n", i);
        std::fflush(stdout);
    }
    return 0;
}

} // namespace

class tst_HistoryStore : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_serial = 0;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<HistoryStore> m_history;

    qint64 add(RunRecord r)
    {
        const auto added = m_history->addPending(r);
        return added ? added.value() : 0;
    }
    static RunRecord pending(const QString &name, qint64 submittedAt = 0)
    {
        RunRecord r;
        r.profile = QStringLiteral("work");
        r.host = QStringLiteral("https://adb-1.2.azuredatabricks.net");
        r.spec.runName = name;
        r.spec.notebookPath = QStringLiteral("/Repos/etl/") + name;
        r.spec.clusterId = QStringLiteral("0923-164208-abcd123");
        r.idempotencyToken = QUuid::createUuid().toString(QUuid::WithoutBraces);
        r.submittedAtMs = submittedAt;
        return r;
    }
    int rows(const char *sql) const
    {
        QSqlQuery q(m_db->connection());
        q.exec(QLatin1String(sql));
        return q.next() ? q.value(0).toInt() : -1;
    }

    // A varied history for the query tests (ASCII names: NOCASE and Qt agree on case).
    QList<RunRecord> m_set;
    void addQuerySet()
    {
        struct Row
        {
            const char *name, *notebook, *cluster, *profile;
            RunRecord::Tracking tracking;
            const char *life, *result;
            qint64 runId, submitted, start, end;
            const char *param;
        };
        using T = RunRecord::Tracking;
        const Row set[] = {
            {"alpha", "/etl/load", "c-2", "work", T::Finished, "TERMINATED", "SUCCESS", 5001, 1000,
             1100, 1500, "2024-05-01"},
            {"Beta", "/etl/Clean", "c-1", "demo", T::Finished, "TERMINATED", "FAILED", 5002, 2000,
             2100, 2200, "full"},
            {"gamma", "/ml/train", "c-3", "work", T::Active, "RUNNING", "", 5003, 3000, 3100, 0,
             "x%y_z"},
            {"delta", "/ml/Score", "c-1", "", T::Submitting, "", "", 0, 4000, 0, 0, "incremental"},
            {"Epsilon 50", "/etl/load", "c-2", "demo", T::Vanished, "RUNNING", "", 6050, 5000, 5100,
             0, "2024-05-02"},
            {"zeta", "/etl/load", "c-3", "work", T::SubmitFailed, "", "", 0, 6000, 0, 0, ""},
            {"eta", "/ml/train", "c-2", "work", T::Finished, "INTERNAL_ERROR", "", 7007, 7000, 7100,
             9100, "2024-05-01"},
            {"theta", "/etl/load", "c-1", "demo", T::Finished, "TERMINATED", "SUCCESS", 8008, 7000,
             7200, 7300, "full"},
        };
        for (const Row &row : set) {
            RunRecord r = pending(QLatin1String(row.name), row.submitted);
            r.spec.notebookPath = QLatin1String(row.notebook);
            r.spec.clusterId = QLatin1String(row.cluster);
            r.profile = QLatin1String(row.profile);
            r.tracking = row.tracking;
            r.state = state(row.life, row.result);
            r.runId = row.runId;
            r.startTimeMs = row.start;
            r.endTimeMs = row.end;
            if (row.param[0])
                r.spec.parameters = {{QStringLiteral("date"), QLatin1String(row.param)}};
            r.id = add(r);
            QVERIFY(r.id > 0);
            m_set << r;
        }
    }
    QList<qint64> idsWhere(const std::function<bool(const RunRecord &)> &pred) const
    {
        QList<qint64> ids;
        for (const RunRecord &r : m_set) {
            if (pred(r))
                ids << r.id;
        }
        std::sort(ids.begin(), ids.end());
        return ids;
    }
    static QList<qint64> sorted(QList<qint64> ids)
    {
        std::sort(ids.begin(), ids.end());
        return ids;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void init()
    {
        m_set.clear();
        m_db = std::make_unique<Database>(
            m_dir.filePath(QStringLiteral("h%1.sqlite").arg(++m_serial)));
        QString error;
        QVERIFY2(m_db->open(&error), qPrintable(error));
        m_history = std::make_unique<HistoryStore>(m_db.get());
    }
    void cleanup()
    {
        m_history.reset();
        m_db.reset();
    }

    void wholeRecordRoundTrips()
    {
        RunRecord r;
        r.profile = QStringLiteral("wörk");
        r.host = QStringLiteral("https://adb-1.2.azuredatabricks.net");
        r.spec.runName = QStringLiteral("Größe, \"quoted\"\nline 🚀");
        r.spec.taskKey = QStringLiteral("task_1");
        r.spec.notebookPath = QStringLiteral("/Users/a@b.c/nb");
        r.spec.clusterId = QStringLiteral("0923-164208-abcd123");
        r.spec.parameters = {{QStringLiteral("z"), QStringLiteral("1")},
                             {QStringLiteral("a"), QString()},
                             {QStringLiteral("ключ"), QStringLiteral("значение")}};
        r.spec.queueEnabled = false;
        r.spec.timeoutSeconds = 3600;
        r.spec.maxRetries = 3;
        r.spec.minRetryIntervalMillis = 90000;
        r.spec.retryOnTimeout = true;
        r.attemptNumber = 2;
        r.idempotencyToken = QStringLiteral("3c1e7d5c-0000-4000-8000-000000000001");
        r.source = QStringLiteral("imported");
        r.tracking = RunRecord::Tracking::Vanished;
        r.runId = 9007199254740000LL; // int64 ids beyond 32 bits
        r.taskRunId = 9007199254740001LL;
        r.runPageUrl = QStringLiteral("https://adb-1.2.azuredatabricks.net/#job/1/run/2");
        r.state = state("TERMINATED", "FAILED", "Task failed: boom");
        r.state.userCancelledOrTimedOut = true;
        r.submittedAtMs = 1714550400123;
        r.startTimeMs = 1714550401000;
        r.endTimeMs = 1714550460000;
        r.updatedAtMs = 1714550465000;
        r.hasOutput = true;
        r.output.taskRunId = r.taskRunId;
        r.output.hasNotebookResult = true;
        r.output.notebookResult = QStringLiteral("{\"rows\": 1}");
        r.output.truncated = true;
        r.output.error = QStringLiteral("ValueError: x");
        r.output.errorTrace = QStringLiteral("Traceback…\n  line 1");
        r.output.logs = QString(100000, QLatin1Char('L'));
        r.output.logsTruncated = true;
        r.lastError = QStringLiteral("the service no longer knows this run");
        r.id = add(r);
        QVERIFY(r.id > 0);
        const auto back = m_history->record(r.id);
        QVERIFY(back);
        QVERIFY2(differences(*back, r).isEmpty(),
                 qPrintable(differences(*back, r).join(QLatin1Char(' '))));

        // Defaults round-trip too (empty strings, no output, the default source).
        RunRecord plain;
        plain.submittedAtMs = 5;
        plain.updatedAtMs = 6;
        plain.id = add(plain);
        const auto plainBack = m_history->record(plain.id);
        QVERIFY(plainBack);
        QVERIFY2(differences(*plainBack, plain).isEmpty(),
                 qPrintable(differences(*plainBack, plain).join(QLatin1Char(' '))));
        QVERIFY(!m_history->record(424242));
    }

    void lifeCycle()
    {
        RunRecord r = pending(QStringLiteral("nightly"));
        r.spec.taskKey = QStringLiteral("second");
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        const qint64 id = add(r);
        QVERIFY(id > 0);
        auto stored = m_history->record(id);
        QCOMPARE(stored->tracking, RunRecord::Tracking::Submitting);
        QCOMPARE(stored->idempotencyToken, r.idempotencyToken); // on disk before the send
        QCOMPARE(stored->runId, 0);
        QVERIFY(stored->submittedAtMs >= before); // "now" when the caller gave none
        QCOMPARE(m_history->activeRuns().size(), 1);

        QVERIFY(m_history->setSubmitted(id, 455644833));
        stored = m_history->record(id);
        QCOMPARE(stored->tracking, RunRecord::Tracking::Active);
        QCOMPARE(stored->runId, Q_INT64_C(455644833));
        QCOMPARE(m_history->recordByRunId(r.host, 455644833)->id, id);
        QVERIFY(!m_history->recordByRunId(QStringLiteral("https://other"), 455644833));

        RunInfo info = runInfo(455644833, state("PENDING"));
        info.runPageUrl = QStringLiteral("https://adb-1.2.azuredatabricks.net/#run/1");
        QVERIFY(m_history->recordRun(id, info));
        QCOMPARE(m_history->stateChanges(id).size(), 1);
        const qint64 updated = m_history->record(id)->updatedAtMs;
        QTest::qWait(2);
        QVERIFY(!m_history->recordRun(id, info)); // nothing new: no write
        QCOMPARE(m_history->stateChanges(id).size(), 1);
        QCOMPARE(m_history->record(id)->updatedAtMs, updated);

        // Same state, new details: a change, but no new state change.
        TaskRun first, second;
        first.runId = 11;
        first.taskKey = QStringLiteral("first");
        second.runId = 22;
        second.taskKey = QStringLiteral("second");
        info.tasks = {first, second};
        info.startTimeMs = 1000;
        QVERIFY(m_history->recordRun(id, info));
        QCOMPARE(m_history->stateChanges(id).size(), 1);
        QCOMPARE(m_history->record(id)->taskRunId, 22); // the spec's task key picks the task
        QCOMPARE(m_history->record(id)->startTimeMs, 1000);

        info.state = state("RUNNING", "", "In run");
        QVERIFY(m_history->recordRun(id, info));
        info.state.stateMessage = QStringLiteral("Still running"); // the message counts
        QVERIFY(m_history->recordRun(id, info));
        // An answer lacking fields never erases what was known.
        RunInfo sparse = runInfo(455644833, RunState());
        QVERIFY(!m_history->recordRun(id, sparse));
        stored = m_history->record(id);
        QCOMPARE(stored->state.lifeCycleState, QStringLiteral("RUNNING"));
        QCOMPARE(stored->runPageUrl, info.runPageUrl);
        QCOMPARE(stored->taskRunId, 22);
        QCOMPARE(stored->attemptNumber, 0);

        // A retry of the task: its newest attempt is followed, and which attempt it is is kept.
        TaskRun retry = second;
        retry.runId = 23;
        retry.attemptNumber = 1;
        info.tasks.append(retry);
        QVERIFY(m_history->recordRun(id, info));
        stored = m_history->record(id);
        QCOMPARE(stored->taskRunId, 23);
        QCOMPARE(stored->attemptNumber, 1);
        QCOMPARE(m_history->stateChanges(id).size(), 3); // the same state: no new change

        info.state = state("TERMINATED", "SUCCESS");
        info.endTimeMs = 5000;
        QVERIFY(m_history->recordRun(id, info));
        const QList<StateChange> changes = m_history->stateChanges(id);
        QCOMPARE(changes.size(), 4);
        QCOMPARE(changes.at(0).state.lifeCycleState, QStringLiteral("PENDING"));
        QCOMPARE(changes.at(1).state.stateMessage, QStringLiteral("In run"));
        QCOMPARE(changes.at(2).state.stateMessage, QStringLiteral("Still running"));
        QCOMPARE(changes.at(3).state, state("TERMINATED", "SUCCESS"));
        for (int i = 1; i < changes.size(); ++i)
            QVERIFY(changes.at(i).atMs >= changes.at(i - 1).atMs);
        QCOMPARE(m_history->record(id)->tracking, RunRecord::Tracking::Active); // until output

        RunOutput output;
        output.taskRunId = 22;
        output.hasNotebookResult = true;
        output.notebookResult = QStringLiteral("42");
        output.logs = QStringLiteral("log");
        QVERIFY(m_history->setOutput(id, output));
        stored = m_history->record(id);
        QCOMPARE(stored->tracking, RunRecord::Tracking::Finished);
        QVERIFY(stored->hasOutput);
        QCOMPARE(stored->output.notebookResult, QStringLiteral("42"));
        QCOMPARE(stored->output.taskRunId, 22);
        QVERIFY(m_history->activeRuns().isEmpty());

        // Unknown ids are refused, never created.
        QVERIFY(!m_history->setSubmitted(999, 1));
        QVERIFY(!m_history->recordRun(999, info));
        QVERIFY(!m_history->setOutput(999, output));
        QVERIFY(!m_history->setVanished(999, QStringLiteral("x")));
        QCOMPARE(rows("SELECT count(*) FROM run_outputs"), 1);
    }

    void anUnchangedAnswerTakesNoWriteLock()
    {
        // Another Brickrun on the same history (the desktop program beside a script) holds the
        // write lock: a poll whose answer changes nothing is recorded as "no change" without
        // waiting for it (a write would wait up to the busy timeout, then warn and fail).
        const qint64 id = add(pending(QStringLiteral("nightly")));
        QVERIFY(m_history->setSubmitted(id, 455644834));
        const RunInfo running = runInfo(455644834, state("RUNNING"));
        QVERIFY(m_history->recordRun(id, running));
        {
            QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                           QStringLiteral("otherBrickrun"));
            other.setDatabaseName(m_db->path());
            other.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=0"));
            QVERIFY(other.open());
            QSqlQuery lock(other);
            QVERIFY2(lock.exec(QStringLiteral("BEGIN IMMEDIATE")),
                     qPrintable(lock.lastError().text()));
            QTest::failOnWarning(QRegularExpression(QStringLiteral("begin transaction")));
            QVERIFY(!m_history->recordRun(id, running)); // nothing new, and no wait
            QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
            lock.finish();
            other.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("otherBrickrun"));
        QVERIFY(m_history->recordRun(id, runInfo(455644834, state("TERMINATING"))));
        QCOMPARE(m_history->stateChanges(id).size(), 2);
    }
    void otherEnds()
    {
        const qint64 refused = add(pending(QStringLiteral("refused")));
        QVERIFY(m_history->setSubmitFailed(refused, QStringLiteral("HTTP 400: bad cluster")));
        QCOMPARE(m_history->record(refused)->tracking, RunRecord::Tracking::SubmitFailed);
        QCOMPARE(m_history->record(refused)->lastError, QStringLiteral("HTTP 400: bad cluster"));

        const qint64 noOutput = add(pending(QStringLiteral("no output")));
        QVERIFY(m_history->setSubmitted(noOutput, 7));
        QVERIFY(m_history->setFinishedWithoutOutput(noOutput, QStringLiteral("output expired")));
        QCOMPARE(m_history->record(noOutput)->tracking, RunRecord::Tracking::Finished);
        QVERIFY(!m_history->record(noOutput)->hasOutput);
        QCOMPARE(m_history->record(noOutput)->lastError, QStringLiteral("output expired"));

        const qint64 gone = add(pending(QStringLiteral("gone")));
        QVERIFY(m_history->setSubmitted(gone, 8));
        QVERIFY(m_history->recordRun(gone, runInfo(8, state("RUNNING"))));
        QVERIFY(m_history->setVanished(gone, QStringLiteral("Run 8 does not exist")));
        const auto vanished = m_history->record(gone);
        QCOMPARE(vanished->tracking, RunRecord::Tracking::Vanished);
        QCOMPARE(vanished->state.lifeCycleState, QStringLiteral("RUNNING")); // last known, kept
        QCOMPARE(vanished->lastError, QStringLiteral("Run 8 does not exist"));
        QVERIFY(m_history->activeRuns().isEmpty());
    }

    void activeRunsOldestFirst()
    {
        const qint64 b = add(pending(QStringLiteral("b"), 2000));
        const qint64 c = add(pending(QStringLiteral("c"), 3000));
        const qint64 a = add(pending(QStringLiteral("a"), 1000));
        const qint64 done = add(pending(QStringLiteral("done"), 500));
        QVERIFY(m_history->setSubmitted(b, 2));
        QVERIFY(m_history->setSubmitted(done, 4));
        QVERIFY(m_history->setFinishedWithoutOutput(done, QString()));
        QList<qint64> ids;
        const QList<RunRecord> active = m_history->activeRuns();
        for (const RunRecord &r : active)
            ids << r.id;
        QCOMPARE(ids, (QList<qint64>{a, b, c}));
    }

    void importWithoutDuplicates()
    {
        const QString host = QStringLiteral("https://adb-1.2.azuredatabricks.net");
        RunRecord mine = pending(QStringLiteral("mine"));
        mine.host = host;
        const qint64 mineId = add(mine);
        QVERIFY(m_history->setSubmitted(mineId, 100));

        RunInfo ended = runInfo(200, state("TERMINATED", "SUCCESS"), 1714550400000, 1714550460000);
        ended.runName = QStringLiteral("elsewhere");
        TaskRun task;
        task.runId = 201;
        task.taskKey = QStringLiteral("t");
        task.notebookPath = QStringLiteral("/Shared/nb");
        task.clusterId = QStringLiteral("c-9");
        ended.tasks = {task};
        RunInfo running = runInfo(300, state("RUNNING"), 1714550500000);
        const QList<RunInfo> listed{runInfo(100, state("RUNNING")), ended, running, ended,
                                    runInfo(0, state("RUNNING"))};
        QCOMPARE(m_history->importRuns(QStringLiteral("work"), host, listed), 2);
        QCOMPARE(m_history->count({}), 3);
        QCOMPARE(m_history->importRuns(QStringLiteral("work"), host, listed), 0); // again: none
        // The same run id in another workspace is another run.
        QCOMPARE(
            m_history->importRuns(QStringLiteral("other"), QStringLiteral("https://b"), {ended}),
            1);

        const auto imported = m_history->recordByRunId(host, 200);
        QVERIFY(imported);
        QCOMPARE(imported->source, QStringLiteral("imported"));
        QCOMPARE(imported->profile, QStringLiteral("work"));
        QCOMPARE(imported->spec.runName, QStringLiteral("elsewhere"));
        QCOMPARE(imported->spec.notebookPath, QStringLiteral("/Shared/nb"));
        QCOMPARE(imported->spec.clusterId, QStringLiteral("c-9"));
        QCOMPARE(imported->spec.taskKey, QStringLiteral("t"));
        QCOMPARE(imported->taskRunId, 201);
        QCOMPARE(imported->tracking, RunRecord::Tracking::Finished);
        QCOMPARE(imported->submittedAtMs, Q_INT64_C(1714550400000));
        QVERIFY(imported->idempotencyToken.isEmpty());
        QCOMPARE(m_history->stateChanges(imported->id).size(), 1);
        // A run still going is followed like one submitted here.
        QCOMPARE(m_history->recordByRunId(host, 300)->tracking, RunRecord::Tracking::Active);
        QCOMPARE(m_history->recordByRunId(host, 100)->id, mineId); // untouched
        QCOMPARE(m_history->recordByRunId(host, 100)->source, QStringLiteral("brickrun"));

        // An import raced a submit: when the submit answer names an imported run, one stays.
        const qint64 racing = add(pending(QStringLiteral("racing")));
        QVERIFY(m_history->setSubmitted(racing, 300));
        HistoryStore::Query q;
        q.text = QStringLiteral("300");
        QCOMPARE(m_history->ids(q), QList<qint64>{racing});
    }

    // The demo workspace listens on a new loopback port each start: the same profile is the
    // same workspace, whatever its host reads now. A known run keeps its record (notebook,
    // cluster, source) even when the listing has no task.
    void importMatchesTheWorkspaceNotThePort()
    {
        RunRecord mine = pending(QStringLiteral("mine"));
        mine.profile = QStringLiteral("demo");
        mine.host = QStringLiteral("http://127.0.0.1:41001");
        const qint64 mineId = add(mine);
        QVERIFY(m_history->setSubmitted(mineId, 7));
        RunInfo listed = runInfo(8, state("TERMINATED", "SUCCESS"), 1714550400000, 1714550460000);
        TaskRun task;
        task.runId = 81;
        task.notebookPath = QStringLiteral("/Shared/imported");
        listed.tasks = {task};
        const QList<RunInfo> first{runInfo(7, state("TERMINATED", "SUCCESS")), listed};
        QCOMPARE(m_history->importRuns(QStringLiteral("demo"), mine.host, first), 1);
        QCOMPARE(m_history->count({}), 2);

        // Next start: another port, the same runs (without tasks this time).
        const QString later = QStringLiteral("http://127.0.0.1:52002");
        const QList<RunInfo> again{runInfo(7, state("TERMINATED", "SUCCESS")),
                                   runInfo(8, state("TERMINATED", "SUCCESS"))};
        QCOMPARE(m_history->importRuns(QStringLiteral("demo"), later, again), 0);
        QCOMPARE(m_history->count({}), 2); // no duplicate rows
        const auto kept = m_history->record(mineId);
        QVERIFY(kept);
        QCOMPARE(kept->spec.notebookPath, mine.spec.notebookPath);
        QCOMPARE(kept->source, QStringLiteral("brickrun"));
        const auto imported = m_history->recordByRunId(mine.host, 8);
        QVERIFY(imported);
        QCOMPARE(imported->spec.notebookPath, QStringLiteral("/Shared/imported"));

        // Another profile on another host is another workspace: its run 8 is new.
        QCOMPARE(m_history->importRuns(QStringLiteral("work"), QStringLiteral("https://b"), again),
                 2);
        // A second profile for a host already imported from adds nothing.
        QCOMPARE(
            m_history->importRuns(QStringLiteral("work-2"), QStringLiteral("https://b"), again), 0);
        QCOMPARE(m_history->count({}), 4);
    }

    void textFilter_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("names");
        QTest::newRow("run name, any case")
            << QStringLiteral("ALPHA") << QStringList{QStringLiteral("alpha")};
        QTest::newRow("notebook") << QStringLiteral("/ml/")
                                  << QStringList{QStringLiteral("gamma"), QStringLiteral("delta"),
                                                 QStringLiteral("eta")};
        QTest::newRow("run id substring")
            << QStringLiteral("00")
            << QStringList{QStringLiteral("alpha"), QStringLiteral("Beta"), QStringLiteral("gamma"),
                           QStringLiteral("eta"), QStringLiteral("theta")};
        QTest::newRow("parameter value")
            << QStringLiteral("2024-05-01")
            << QStringList{QStringLiteral("alpha"), QStringLiteral("eta")};
        QTest::newRow("parameter key is not searched") << QStringLiteral("date") << QStringList{};
        QTest::newRow("% is literal")
            << QStringLiteral("x%y") << QStringList{QStringLiteral("gamma")};
        QTest::newRow("_ is literal")
            << QStringLiteral("y_z") << QStringList{QStringLiteral("gamma")};
        QTest::newRow("lone % is literal")
            << QStringLiteral("%") << QStringList{QStringLiteral("gamma")};
        QTest::newRow("surrounding spaces ignored")
            << QStringLiteral("  theta ") << QStringList{QStringLiteral("theta")};
        QTest::newRow("in run name and parameter")
            << QStringLiteral("full")
            << QStringList{QStringLiteral("Beta"), QStringLiteral("theta")};
    }
    void textFilter()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, names);
        addQuerySet();
        HistoryStore::Query q;
        q.text = text;
        const QList<qint64> expected =
            idsWhere([&](const RunRecord &r) { return names.contains(r.spec.runName); });
        QCOMPARE(sorted(m_history->ids(q)), expected);
        QCOMPARE(m_history->count(q), expected.size());
    }

    void profileStatusAndTimeFilters()
    {
        addQuerySet();
        using T = RunRecord::Tracking;
        HistoryStore::Query q;
        q.profile = QStringLiteral("demo");
        QCOMPARE(sorted(m_history->ids(q)),
                 idsWhere([](const RunRecord &r) { return r.profile == QLatin1String("demo"); }));

        q = {};
        q.status = QStringLiteral("active");
        const QList<qint64> active = idsWhere([](const RunRecord &r) {
            return r.tracking == T::Active || r.tracking == T::Submitting;
        });
        QCOMPARE(sorted(m_history->ids(q)), active);
        q.status = QStringLiteral("success");
        const QList<qint64> success =
            idsWhere([](const RunRecord &r) { return !r.isActive() && r.state.isSuccess(); });
        QCOMPARE(success.size(), 2);
        QCOMPARE(sorted(m_history->ids(q)), success);
        q.status = QStringLiteral("failed");
        const QList<qint64> failed =
            idsWhere([](const RunRecord &r) { return !r.isActive() && !r.state.isSuccess(); });
        QCOMPARE(failed.size(), 4); // FAILED, INTERNAL_ERROR, Vanished, SubmitFailed
        QCOMPARE(sorted(m_history->ids(q)), failed);
        QCOMPARE(active.size() + success.size() + failed.size(), m_set.size()); // a partition
        q.status = QStringLiteral("bogus");
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("unknown status")));
        QCOMPARE(m_history->count(q), 0);

        q = {};
        q.fromMs = 2000;
        q.toMs = 7000; // from inclusive, to exclusive
        QCOMPARE(sorted(m_history->ids(q)), idsWhere([](const RunRecord &r) {
                     return r.submittedAtMs >= 2000 && r.submittedAtMs < 7000;
                 }));
        q.toMs = 0;
        QCOMPARE(m_history->count(q), 7);

        // All together.
        q = {};
        q.profile = QStringLiteral("work");
        q.status = QStringLiteral("failed");
        q.fromMs = 6000;
        q.text = QStringLiteral("/ml");
        QCOMPARE(sorted(m_history->ids(q)), idsWhere([](const RunRecord &r) {
                     return r.spec.runName == QLatin1String("eta");
                 }));
    }

    void sorts_data()
    {
        QTest::addColumn<int>("sort");
        QTest::addColumn<bool>("descending");
        QTest::addColumn<QString>("text");
        using S = HistoryStore::Query::Sort;
        const QList<QPair<const char *, S>> sorts{
            {"submitted", S::Submitted}, {"run name", S::RunName}, {"notebook", S::Notebook},
            {"cluster", S::Cluster},     {"profile", S::Profile},  {"state", S::State},
            {"duration", S::Duration},   {"run id", S::RunId}};
        for (const auto &s : sorts) {
            for (const bool desc : {false, true}) {
                for (const char *text : {"", "e"}) {
                    QTest::addRow("%s %s%s", s.first, desc ? "desc" : "asc",
                                  text[0] ? " (searching)" : "")
                        << int(s.second) << desc << QString::fromLatin1(text);
                }
            }
        }
    }
    void sorts()
    {
        QFETCH(int, sort);
        QFETCH(bool, descending);
        QFETCH(QString, text);
        addQuerySet();
        using S = HistoryStore::Query::Sort;
        HistoryStore::Query q;
        q.sort = S(sort);
        q.descending = descending;
        q.text = text;

        // The expected order, computed here: the key, then submitted, then id.
        const auto key = [&](const RunRecord &r) -> QVariantList {
            switch (S(sort)) {
            case S::Submitted:
                return {};
            case S::RunName:
                return {r.spec.runName.toLower()};
            case S::Notebook:
                return {r.spec.notebookPath.toLower()};
            case S::Cluster:
                return {r.spec.clusterId};
            case S::Profile:
                return {r.profile};
            case S::State:
                return {r.state.lifeCycleState, r.state.resultState};
            case S::Duration:
                return {r.startTimeMs > 0 && r.endTimeMs >= r.startTimeMs
                            ? r.endTimeMs - r.startTimeMs
                            : -1};
            case S::RunId:
                return {r.runId};
            }
            return {};
        };
        QList<RunRecord> expected;
        for (const RunRecord &r : m_set) {
            if (text.isEmpty() || r.spec.runName.contains(text, Qt::CaseInsensitive) ||
                r.spec.notebookPath.contains(text, Qt::CaseInsensitive) ||
                r.spec.parameters.value(0).second.contains(text, Qt::CaseInsensitive))
                expected << r;
        }
        std::sort(expected.begin(), expected.end(), [&](const RunRecord &a, const RunRecord &b) {
            QVariantList ka = key(a), kb = key(b);
            ka << a.submittedAtMs << a.id;
            kb << b.submittedAtMs << b.id;
            for (int i = 0; i < ka.size(); ++i) {
                const QPartialOrdering c = QVariant::compare(ka.at(i), kb.at(i));
                if (c != QPartialOrdering::Equivalent)
                    return descending ? c == QPartialOrdering::Greater
                                      : c == QPartialOrdering::Less;
            }
            return false;
        });
        QList<qint64> expectedIds;
        for (const RunRecord &r : expected)
            expectedIds << r.id;
        QVERIFY(!expectedIds.isEmpty());

        const QList<qint64> ids = m_history->ids(q);
        QCOMPARE(ids, expectedIds);
        QCOMPARE(m_history->count(q), ids.size());
        // page() agrees with ids(), page by page, and returns whole records.
        QList<qint64> paged;
        for (int offset = 0; offset < ids.size() + 3; offset += 3) {
            const QList<RunRecord> page = m_history->page(q, offset, 3);
            for (const RunRecord &r : page) {
                paged << r.id;
                QVERIFY(!r.spec.notebookPath.isEmpty());
            }
        }
        QCOMPARE(paged, ids);
        QVERIFY(m_history->page(q, 0, 0).isEmpty());
    }

    void removeAndRemoveOlderThan()
    {
        addQuerySet();
        const qint64 first = m_set.at(0).id;
        const qint64 second = m_set.at(1).id;
        QVERIFY(m_history->recordRun(first, runInfo(5001, state("TERMINATED", "FAILED"))));
        RunOutput output;
        output.notebookResult = QStringLiteral("x");
        QVERIFY(m_history->setOutput(first, output));
        QVERIFY(!m_history->stateChanges(first).isEmpty());
        const int outputsBefore = rows("SELECT count(*) FROM run_outputs");

        QVERIFY(m_history->remove({first, second, 987654}));
        QVERIFY(!m_history->record(first));
        QVERIFY(!m_history->record(second));
        QVERIFY(m_history->stateChanges(first).isEmpty()); // went with the run
        QCOMPARE(rows("SELECT count(*) FROM run_outputs"), outputsBefore - 1);
        QCOMPARE(
            rows("SELECT count(*) FROM state_changes WHERE record_id NOT IN (SELECT id FROM runs)"),
            0);
        QCOMPARE(m_history->count({}), m_set.size() - 2);

        // Older than 6500: gamma (active, 3000) and delta (submitting, 4000) are still
        // followed and stay; Epsilon (5000) and zeta (6000) go.
        QCOMPARE(m_history->removeOlderThan(6500), 2);
        QList<QString> left;
        const QList<RunRecord> all = m_history->page({}, 0, 100);
        for (const RunRecord &r : all)
            left << r.spec.runName;
        std::sort(left.begin(), left.end());
        QCOMPARE(left, (QList<QString>{QStringLiteral("delta"), QStringLiteral("eta"),
                                       QStringLiteral("gamma"), QStringLiteral("theta")}));
        QCOMPARE(m_history->removeOlderThan(6500), 0);
        QVERIFY(m_history->remove({}));
    }

    void exportCsvEscapes()
    {
        const QStringList tricky{
            QStringLiteral("plain"),
            QStringLiteral("a, comma"),
            QStringLiteral("a \"quoted\" word"),
            QStringLiteral("two\nlines"),
            QStringLiteral("crlf\r\ninside"),
            QStringLiteral("=HYPERLINK(\"http://evil\")"),
            QStringLiteral("+1+1"),
            QStringLiteral("-2"),
            QStringLiteral("@SUM(A1)"),
            QStringLiteral("\tTAB"),
            QStringLiteral("Größe 数据 🚀"),
            QStringLiteral("mid=dle is fine"),
        };
        for (int i = 0; i < tricky.size(); ++i) {
            RunRecord r = pending(tricky.at(i), 1000 + i);
            r.spec.parameters = {{QStringLiteral("p"), tricky.at(i)}};
            r.state = state("TERMINATED", "FAILED", "msg, with \"quotes\"");
            add(r);
        }
        const QString path = m_dir.filePath(QStringLiteral("export.csv"));
        HistoryStore::Query q;
        q.sort = HistoryStore::Query::Sort::Submitted;
        q.descending = false;
        QString error;
        QVERIFY2(m_history->exportCsv(q, path, &error), qPrintable(error));
        const QByteArray bytes = readFile(path);
        QVERIFY(bytes.startsWith("id,profile,host,run_name,notebook_path,")); // header, no BOM
        QVERIFY(bytes.endsWith("\r\n"));
        QVERIFY(bytes.contains("\"a, comma\""));
        QVERIFY(bytes.contains("\"a \"\"quoted\"\" word\""));
        QVERIFY(bytes.contains("\"two\nlines\""));
        QVERIFY(bytes.contains(",'-2,"));
        QVERIFY(bytes.contains("Größe 数据 🚀")); // UTF-8 as is (the literal is UTF-8)
        for (int i = 0; i < 12; ++i)
            QVERIFY(!bytes.contains(m_history->page(q, i, 1).at(0).idempotencyToken.toUtf8()));

        const QList<QStringList> table = parseCsv(QString::fromUtf8(bytes));
        QCOMPARE(table.size(), 1 + tricky.size());
        const QStringList &header = table.at(0);
        const int name = int(header.indexOf(QStringLiteral("run_name")));
        const int params = int(header.indexOf(QStringLiteral("parameters")));
        const int message = int(header.indexOf(QStringLiteral("state_message")));
        const int submitted = int(header.indexOf(QStringLiteral("submitted_at")));
        QVERIFY(name >= 0 && params >= 0 && message >= 0 && submitted >= 0);
        QVERIFY(!header.contains(QStringLiteral("idempotency_token")));
        for (int i = 0; i < tricky.size(); ++i) {
            const QStringList &row = table.at(1 + i);
            QCOMPARE(row.size(), header.size());
            const QString &original = tricky.at(i);
            const bool formula = QStringLiteral("=+-@\t").contains(original.at(0));
            QCOMPARE(row.at(name), formula ? QLatin1Char('\'') + original : original);
            QCOMPARE(row.at(message), QStringLiteral("msg, with \"quotes\""));
            QCOMPARE(QJsonDocument::fromJson(row.at(params).toUtf8())
                         .object()
                         .value(QStringLiteral("p"))
                         .toString(),
                     original);
            QCOMPARE(row.at(submitted),
                     QDateTime::fromMSecsSinceEpoch(1000 + i, Qt::UTC).toString(Qt::ISODateWithMs));
        }

        // A filtered export holds only the query's runs.
        q.text = QStringLiteral("comma");
        QVERIFY(m_history->exportCsv(q, path, &error));
        QCOMPARE(parseCsv(QString::fromUtf8(readFile(path))).size(), 2);
    }

    // Issue 18: a run's shape is in both exports, its compute as the Cluster column shows it.
    void exportsHoldTheRunsShape()
    {
        RunRecord r = pending(QStringLiteral("serverless etl"), 1714550400000);
        r.spec.taskKind = RunSpec::TaskKind::PythonFile;
        r.spec.pythonFile = QStringLiteral("/Shared/Demo/etl_job.py");
        r.spec.pythonArguments = {QStringLiteral("--date"), QStringLiteral("2024-05-01")};
        r.spec.compute.kind = ComputeSpec::Kind::Serverless;
        add(r);
        const QString json = m_dir.filePath(QStringLiteral("shape.json"));
        const QString csv = m_dir.filePath(QStringLiteral("shape.csv"));
        QString error;
        QVERIFY2(m_history->exportJson({}, json, &error), qPrintable(error));
        QVERIFY2(m_history->exportCsv({}, csv, &error), qPrintable(error));
        const QJsonObject o = QJsonDocument::fromJson(readFile(json)).array().at(0).toObject();
        QCOMPARE(o.value(QStringLiteral("notebookPath")).toString(), r.spec.pythonFile);
        QCOMPARE(o.value(QStringLiteral("compute")).toString(), QStringLiteral("Serverless"));
        QCOMPARE(o.value(QStringLiteral("shape")).toObject(), r.spec.shapeJson());
        RunSpec back;
        QVERIFY(RunSpec::readShape(o.value(QStringLiteral("shape")).toObject(), &back, nullptr));
        QCOMPARE(back.pythonArguments, r.spec.pythonArguments);
        const QList<QByteArray> lines = readFile(csv).split('\n');
        QVERIFY2(lines.at(0).endsWith(",last_error,compute\r") ||
                     lines.at(0).endsWith(",last_error,compute"),
                 lines.at(0).constData());
        QVERIFY2(lines.at(1).contains(",/Shared/Demo/etl_job.py,"), lines.at(1).constData());
        QVERIFY2(lines.at(1).trimmed().endsWith(",Serverless"), lines.at(1).constData());
    }

    void exportJsonHoldsEverything()
    {
        RunRecord r = pending(QStringLiteral("Größe \"x\"\n🚀"), 1714550400000);
        r.spec.parameters = {{QStringLiteral("date"), QStringLiteral("2024-05-01")}};
        r.tracking = RunRecord::Tracking::Finished;
        r.runId = 455644833;
        r.startTimeMs = 1714550401000;
        r.endTimeMs = 1714550461000;
        r.state = state("TERMINATED", "SUCCESS");
        r.hasOutput = true;
        r.output.hasNotebookResult = true;
        r.output.notebookResult = QStringLiteral("{\"rows\": 42}");
        r.output.logs = QStringLiteral("log line");
        const qint64 id = add(r);
        add(pending(QStringLiteral("second"), 1714550500000));

        const QString path = m_dir.filePath(QStringLiteral("export.json"));
        QString error;
        QVERIFY2(m_history->exportJson({}, path, &error), qPrintable(error));
        const QByteArray bytes = readFile(path);
        QVERIFY(!bytes.contains(r.idempotencyToken.toUtf8()));
        QJsonParseError parse;
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parse);
        QCOMPARE(parse.error, QJsonParseError::NoError);
        QVERIFY(doc.isArray());
        QCOMPARE(doc.array().size(), 2);
        const QJsonObject o = doc.array().at(1).toObject(); // newest first
        QCOMPARE(o.value(QStringLiteral("id")).toInteger(), id);
        QCOMPARE(o.value(QStringLiteral("runName")).toString(), r.spec.runName);
        QCOMPARE(o.value(QStringLiteral("runId")).toInteger(), Q_INT64_C(455644833));
        QCOMPARE(o.value(QStringLiteral("parameters"))
                     .toObject()
                     .value(QStringLiteral("date"))
                     .toString(),
                 QStringLiteral("2024-05-01"));
        QCOMPARE(o.value(QStringLiteral("state"))
                     .toObject()
                     .value(QStringLiteral("resultState"))
                     .toString(),
                 QStringLiteral("SUCCESS"));
        QCOMPARE(o.value(QStringLiteral("submittedAt")).toString(),
                 QStringLiteral("2024-05-01T08:00:00.000Z"));
        QCOMPARE(o.value(QStringLiteral("durationMs")).toInteger(), 60000);
        QCOMPARE(o.value(QStringLiteral("output"))
                     .toObject()
                     .value(QStringLiteral("notebookResult"))
                     .toString(),
                 QStringLiteral("{\"rows\": 42}"));
        QCOMPARE(o.value(QStringLiteral("stateChanges")).toArray().size(), 1);
        QVERIFY(o.value(QStringLiteral("endTime")).isString());
        QVERIFY(doc.array().at(0).toObject().value(QStringLiteral("output")).isNull());
        QVERIFY(doc.array().at(0).toObject().value(QStringLiteral("endTime")).isNull());
        for (auto it = o.begin(); it != o.end(); ++it)
            QVERIFY2(!it.key().contains(QLatin1String("token"), Qt::CaseInsensitive),
                     qPrintable(it.key()));

        // Empty result: an empty array. An unwritable path: an error, no file.
        HistoryStore::Query none;
        none.text = QStringLiteral("no such run");
        QVERIFY(m_history->exportJson(none, path, &error));
        QCOMPARE(readFile(path), QByteArray("[]\n"));
        const QString bad = m_dir.filePath(QStringLiteral("no/such/folder/x.json"));
        QVERIFY(!m_history->exportJson({}, bad, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!m_history->exportCsv({}, bad, &error));
        QVERIFY(!QFile::exists(bad));
    }

    // A read that stops on an error (here a damaged overflow chain of a 2 MB output) is an
    // error for the listing and the export, never a shorter answer taken for the whole one.
    void readErrorsAreNotShortAnswers()
    {
        RunRecord r = pending(QStringLiteral("big"), 1000);
        const qint64 id = add(r);
        QVERIFY(m_history->setSubmitted(id, 42));
        RunOutput output;
        output.hasNotebookResult = true;
        output.notebookResult = QString(2 * 1024 * 1024, QLatin1Char('x'));
        QVERIFY(m_history->setOutput(id, output));
        add(pending(QStringLiteral("second"), 2000));
        const QString path = m_db->path();
        cleanup(); // closed: the WAL is checkpointed into the file

        // Overflow pages start with the next page's number; point one in the middle of the
        // output far past the end of the file.
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            const QByteArray bytes = file.readAll();
            const int pageSize = (uchar(bytes.at(16)) << 8) | uchar(bytes.at(17));
            QVERIFY(pageSize >= 512);
            const QByteArray xs(64, 'x');
            qint64 patched = -1;
            int seen = 0;
            for (qint64 at = pageSize; at + pageSize <= bytes.size() && patched < 0;
                 at += pageSize) {
                if (bytes.mid(at + 4, 64) == xs && ++seen == 100)
                    patched = at;
            }
            QVERIFY2(patched > 0, "no overflow page of the output found");
            QVERIFY(file.seek(patched));
            QCOMPARE(file.write(QByteArray::fromHex("0fffffff")), 4);
        }

        m_db = std::make_unique<Database>(path);
        QString error;
        QVERIFY2(m_db->open(&error, nullptr, Database::Check::Deferred), qPrintable(error));
        m_history = std::make_unique<HistoryStore>(m_db.get());

        QString readError;
        m_history->page({}, 0, 100, &readError);
        QVERIFY2(!readError.isEmpty(), "a damaged output was read as if whole");

        const QString exported = m_dir.filePath(QStringLiteral("damaged.json"));
        QString exportError;
        QVERIFY(!m_history->exportJson({}, exported, &exportError));
        QVERIFY(!exportError.isEmpty());
        QVERIFY2(!QFile::exists(exported), "a part of the history was left as the export");
    }

    void usableFromAnotherThread()
    {
        const qint64 mainId = add(pending(QStringLiteral("from main")));
        qint64 threadId = 0;
        int seenFromThread = 0;
        QString threadConnection;
        QThread *thread = QThread::create([&] {
            threadId = add(pending(QStringLiteral("from thread")));
            m_history->setSubmitted(threadId, 77);
            seenFromThread = m_history->count({});
            threadConnection = m_db->connection().connectionName();
        });
        thread->start();
        QVERIFY(thread->wait(10000));
        delete thread;
        QVERIFY(threadId > 0);
        QCOMPARE(seenFromThread, 2);
        QVERIFY(threadConnection != m_db->connection().connectionName());
        QCOMPARE(m_history->record(threadId)->runId, 77);
        QVERIFY(m_history->record(mainId));
    }

    // The child side of crashSafety (skipped in a normal run).
    void crashChildWriter()
    {
        const QString path = qEnvironmentVariable(CrashChildVariable);
        if (path.isEmpty())
            QSKIP("runs only as the child process of crashSafety()");
        QCOMPARE(crashChild(path), 0);
    }

    // Starts this test program as a child that writes runs through their whole life cycle in a
    // loop, kills it with SIGKILL at different moments, and checks the file each time.
    void crashSafety()
    {
        const QString path = m_dir.filePath(QStringLiteral("crash.sqlite"));
        QFile::remove(path);
        // Kill points: during the first open/migration, then after 1, 5, 20… iterations
        // plus a few milliseconds, so the kills land in different calls and transactions.
        const QList<QPair<int, int>> kills{{-1, 15}, {-1, 30}, {-1, 45}, {-1, 60}, {1, 0},  {3, 1},
                                           {5, 3},   {20, 0},  {40, 2},  {80, 7},  {120, 1}};
        int before = 0;
        for (const auto &kill : kills) {
            QProcess child;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QLatin1String(CrashChildVariable), path);
            env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.info=false"));
            child.setProcessEnvironment(env);
            child.start(QCoreApplication::applicationFilePath(),
                        {QStringLiteral("crashChildWriter")});
            QVERIFY(child.waitForStarted());
            if (kill.first < 0) {
                QTest::qWait(kill.second);
            } else {
                int iterations = 0;
                QByteArray out;
                while (iterations < kill.first) {
                    QVERIFY2(child.state() == QProcess::Running || child.bytesAvailable() > 0,
                             child.readAllStandardError().constData());
                    child.waitForReadyRead(200);
                    out += child.readAllStandardOutput();
                    iterations = int(out.count("iteration "));
                }
                if (kill.second > 0)
                    QThread::usleep(ulong(kill.second) * 1000);
            }
            child.kill(); // SIGKILL: no destructor, no rollback, no checkpoint
            QVERIFY(child.waitForFinished(10000));
            QCOMPARE(child.exitStatus(), QProcess::CrashExit);

            // The file opens without being called damaged and passes a full integrity check.
            Database db(path);
            QString error, moved;
            QVERIFY2(db.open(&error, &moved), qPrintable(error));
            QVERIFY2(moved.isEmpty(), qPrintable(moved));
            QSqlQuery check(db.connection());
            QVERIFY(check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next());
            QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));

            // Every record is whole: its fields belong together and match its tracking.
            HistoryStore history(&db);
            const int total = history.count({});
            QVERIFY(total >= before);
            before = total;
            const QList<RunRecord> all = history.page({}, 0, total + 1);
            QCOMPARE(all.size(), total);
            QSet<qint64> runIds;
            QMap<int, int> byTracking;
            for (const RunRecord &r : all)
                ++byTracking[int(r.tracking)];
            qInfo("killed after %d iterations + %d ms: %d records (submitting %d, active %d, "
                  "finished %d)",
                  kill.first, kill.second, total, byTracking.value(0), byTracking.value(1),
                  byTracking.value(2));
            for (const RunRecord &r : all) {
                const QString key = r.spec.parameters.value(0).second;
                QCOMPARE(r.spec.parameters.size(), 2);
                QCOMPARE(r.spec.runName, QStringLiteral("crash ") + key);
                QCOMPARE(r.idempotencyToken, QStringLiteral("token-") + key);
                QCOMPARE(r.spec.parameters.at(1).second.size(), 200);
                const QList<StateChange> changes = history.stateChanges(r.id);
                switch (r.tracking) {
                case RunRecord::Tracking::Submitting:
                    QCOMPARE(r.runId, 0);
                    QVERIFY(r.state.lifeCycleState.isEmpty());
                    QVERIFY(changes.isEmpty());
                    QVERIFY(!r.hasOutput);
                    break;
                case RunRecord::Tracking::Active:
                    QVERIFY(r.runId != 0);
                    QVERIFY(!r.hasOutput);
                    if (!r.state.lifeCycleState.isEmpty()) {
                        QCOMPARE(r.taskRunId, r.runId + 1);
                        QCOMPARE(changes.last().state, r.state);
                    }
                    if (r.state.isTerminal())
                        QCOMPARE(r.endTimeMs, 2000);
                    break;
                case RunRecord::Tracking::Finished:
                    QVERIFY(r.runId != 0);
                    QVERIFY(r.hasOutput);
                    QVERIFY(r.state.isSuccess());
                    QCOMPARE(r.output.notebookResult, QStringLiteral("result-") + key);
                    QCOMPARE(r.output.taskRunId, r.taskRunId);
                    QCOMPARE(r.output.logs.size(), 3000);
                    QCOMPARE(changes.size(), 2);
                    break;
                default:
                    QFAIL("the child never writes this tracking");
                }
                if (r.runId != 0) {
                    QVERIFY(!runIds.contains(r.runId));
                    runIds.insert(r.runId);
                }
            }
        }
        QVERIFY2(before > 100, qPrintable(QString::number(before)));
    }
};

QTEST_GUILESS_MAIN(tst_HistoryStore)
#include "tst_historystore.moc"
