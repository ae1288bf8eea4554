// SPDX-License-Identifier: Apache-2.0
#include "store/Database.h"
#include "store/HistoryStore.h"
#include "store/QueryFilter.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <functional>
#include <memory>

using namespace Brickrun;

// The history's query language runs two ways: compiled to SQL by the store and evaluated in
// memory by the runs table for live updates. Both come from one QueryFilter; these tests run
// the same queries both ways over one set of records and check that they pick the same runs
// in the same order.
class tst_QueryFilter : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<HistoryStore> m_history;
    QList<RunRecord> m_stored; // as read back from the store

    static RunState state(const char *lifeCycle, const char *result)
    {
        RunState s;
        s.lifeCycleState = QLatin1String(lifeCycle);
        s.resultState = QLatin1String(result);
        return s;
    }

    // Records that differ in every field a query looks at, and tie on the sort keys often, so
    // the order's tie-breaks count: names in mixed case, non-ASCII and LIKE's own characters;
    // runs with and without a run id and a duration; every tracking and several ends.
    QList<RunRecord> corpus() const
    {
        const QList<QString> names = {
            QStringLiteral("Hello report"),  QStringLiteral("hello REPORT"),
            QStringLiteral("Ünïcode É run"), QStringLiteral("ünïcode é run"),
            QStringLiteral("100% done"),     QStringLiteral("snake_case\\path"),
            QStringLiteral("[bracket] run"), QStringLiteral(""),
            QStringLiteral("Zeta"),          QStringLiteral("alpha")};
        const QList<QString> notebooks = {QStringLiteral("/Shared/Demo/hello"),
                                          QStringLiteral("/Shared/demo/ECHO_params"),
                                          QStringLiteral("/Users/ßtraße/nb")};
        const QList<QString> clusters = {QStringLiteral("demo-cluster"),
                                         QStringLiteral("Demo-Cluster"), QString()};
        const QList<QString> profiles = {QStringLiteral("demo"), QStringLiteral("prod"), QString()};
        struct End
        {
            RunRecord::Tracking tracking;
            RunState state;
        };
        const QList<End> ends = {
            {RunRecord::Tracking::Submitting, {}},
            {RunRecord::Tracking::Active, state("RUNNING", "")},
            {RunRecord::Tracking::Finished, state("TERMINATED", "SUCCESS")},
            {RunRecord::Tracking::Finished, state("TERMINATED", "FAILED")},
            {RunRecord::Tracking::Finished, state("INTERNAL_ERROR", "")},
            {RunRecord::Tracking::Vanished, state("TERMINATED", "SUCCESS")},
            {RunRecord::Tracking::SubmitFailed, {}},
            // Still followed though the service said it ended: active, not a success.
            {RunRecord::Tracking::Active, state("TERMINATED", "SUCCESS")}};

        QList<RunRecord> records;
        const qint64 base = 1'700'000'000'000;
        for (int i = 0; i < 96; ++i) {
            RunRecord r;
            r.spec.runName = names.at(i % names.size());
            r.spec.notebookPath = notebooks.at(i % notebooks.size());
            r.spec.clusterId = clusters.at((i / 2) % clusters.size());
            r.profile = profiles.at((i / 3) % profiles.size());
            r.host = QStringLiteral("https://adb-1.2.azuredatabricks.net");
            r.spec.taskKey = QStringLiteral("main");
            // Every compute kind (the Cluster column's words), and Python file tasks.
            if (i % 6 == 2) {
                r.spec.compute.kind = ComputeSpec::Kind::Serverless;
                if (i % 12 == 2)
                    r.spec.compute.environmentVersion = QStringLiteral("2");
            } else if (i % 6 == 4) {
                r.spec.compute.kind = ComputeSpec::Kind::NewJobCluster;
                r.spec.compute.sparkVersion = i % 12 == 4 ? QStringLiteral("15.4.x-scala2.12")
                                                          : QStringLiteral("16.4.x-photon");
                r.spec.compute.nodeTypeId = QStringLiteral("Standard_DS3_v2");
                r.spec.compute.numWorkers = 2;
                r.spec.compute.photon = i % 24 == 4;
            }
            if (i % 8 == 3) {
                r.spec.taskKind = RunSpec::TaskKind::PythonFile;
                r.spec.pythonFile = QStringLiteral("/Shared/Demo/etl_job.py");
            }
            if (i % 4 == 1)
                r.spec.parameters = {{QStringLiteral("day"), QStringLiteral("Monday")},
                                     {QStringLiteral("note"), QStringLiteral("x%y_z")}};
            const End &end = ends.at(i % ends.size());
            r.tracking = end.tracking;
            r.state = end.state;
            r.runId = r.tracking == RunRecord::Tracking::Submitting ||
                              r.tracking == RunRecord::Tracking::SubmitFailed
                          ? 0
                          : 120 + (i * 37) % 50; // repeats: ties on the run id
            // Submitted times tie in threes: the order falls back to the id.
            r.submittedAtMs = base + (i / 3) * 60'000;
            if (i % 5 != 0)
                r.startTimeMs = r.submittedAtMs + 1000;
            if (i % 5 != 0 && i % 3 != 0)
                r.endTimeMs = r.startTimeMs + ((i * 7919) % 11) * 1000; // ties, and 0 s
            if (i % 7 == 0) // an end before the start (clock skew): no duration
                r.endTimeMs = r.startTimeMs > 0 ? r.startTimeMs - 5 : 0;
            r.updatedAtMs = r.submittedAtMs;
            records << r;
        }
        return records;
    }

    QList<HistoryStore::Query> filters() const
    {
        const QList<QString> texts = {QString(),
                                      QStringLiteral("hello"),
                                      QStringLiteral("HELLO"),
                                      QStringLiteral("  report  "),
                                      QStringLiteral("é"),
                                      QStringLiteral("É"),
                                      QStringLiteral("ß"),
                                      QStringLiteral("%"),
                                      QStringLiteral("_"),
                                      QStringLiteral("\\"),
                                      QStringLiteral("[b"),
                                      QStringLiteral("monday"),
                                      QStringLiteral("x%y"),
                                      QStringLiteral("1"),
                                      QStringLiteral("13"),
                                      QStringLiteral("0"),
                                      QStringLiteral("nothing like it"),
                                      QStringLiteral("serverless"),
                                      QStringLiteral("Serverless 2"),
                                      QStringLiteral("new job"),
                                      QStringLiteral("ds3"),
                                      QStringLiteral("Photon"),
                                      QStringLiteral("demo-CLUSTER"),
                                      QStringLiteral("etl_job")};
        const QList<QString> statuses = {QString(), QStringLiteral("active"),
                                         QStringLiteral("success"), QStringLiteral("failed"),
                                         QStringLiteral("bogus")};
        const QList<QString> profiles = {QString(), QStringLiteral("demo"), QStringLiteral("Demo")};
        const qint64 base = 1'700'000'000'000;
        const QList<QPair<qint64, qint64>> ranges = {{0, 0},
                                                     {base + 5 * 60'000, 0},
                                                     {0, base + 10 * 60'000},
                                                     {base + 60'000, base + 60'000}};
        QList<HistoryStore::Query> queries;
        for (const QString &text : texts) {
            for (const QString &status : statuses) {
                for (const QString &profile : profiles) {
                    for (const auto &range : ranges) {
                        HistoryStore::Query q;
                        q.text = text;
                        q.status = status;
                        q.profile = profile;
                        q.fromMs = range.first;
                        q.toMs = range.second;
                        queries << q;
                    }
                }
            }
        }
        return queries;
    }

    static QString describe(const HistoryStore::Query &q)
    {
        return QStringLiteral("text \"%1\" status \"%2\" profile \"%3\" from %4 to %5 sort %6 %7")
            .arg(q.text, q.status, q.profile)
            .arg(q.fromMs)
            .arg(q.toMs)
            .arg(int(q.sort))
            .arg(q.descending ? QStringLiteral("desc") : QStringLiteral("asc"));
    }

    // The query in memory: the records that match, sorted with before().
    QList<qint64> inMemory(const HistoryStore::Query &query) const
    {
        const QueryFilter filter(query);
        QList<RunRecord> matching;
        for (const RunRecord &r : m_stored) {
            if (filter.matches(r))
                matching << r;
        }
        std::sort(
            matching.begin(), matching.end(),
            [&filter](const RunRecord &a, const RunRecord &b) { return filter.before(a, b); });
        QList<qint64> ids;
        for (const RunRecord &r : matching)
            ids << r.id;
        return ids;
    }

    void compareBothWays(const HistoryStore::Query &query)
    {
        const QList<qint64> sql = m_history->ids(query);
        const QList<qint64> memory = inMemory(query);
        QVERIFY2(sql == memory, qPrintable(describe(query)));
        QCOMPARE(m_history->count(query), int(sql.size()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = std::make_unique<Database>(m_dir.filePath(QStringLiteral("history.sqlite")));
        QString error;
        QVERIFY2(m_db->open(&error), qPrintable(error));
        m_history = std::make_unique<HistoryStore>(m_db.get());
        for (const RunRecord &r : corpus())
            QVERIFY(m_history->addPending(r));
        m_stored = m_history->page({}, 0, 1000);
        QCOMPARE(m_stored.size(), corpus().size());
    }

    // Every combination of text, status, profile and time range picks the same runs (in the
    // default order, newest first).
    void filtersAgree()
    {
        int nonEmpty = 0;
        int partial = 0;
        for (const HistoryStore::Query &query : filters()) {
            compareBothWays(query);
            if (QTest::currentTestFailed())
                return;
            const int n = m_history->count(query);
            nonEmpty += n > 0 ? 1 : 0;
            partial += n > 0 && n < m_stored.size() ? 1 : 0;
        }
        // The comparison is worth something only if the queries tell the runs apart.
        QVERIFY(nonEmpty > 100);
        QVERIFY(partial > 100);
    }

    // Every sort, both ways, with and without a search (SQL orders differently then: it hides
    // the indexes) and with a status.
    void ordersAgree()
    {
        using Sort = HistoryStore::Query::Sort;
        for (const Sort sort : {Sort::Submitted, Sort::RunName, Sort::Notebook, Sort::Cluster,
                                Sort::Profile, Sort::State, Sort::Duration, Sort::RunId}) {
            for (const bool descending : {true, false}) {
                for (const QString &text : {QString(), QStringLiteral("e")}) {
                    for (const QString &status : {QString(), QStringLiteral("failed")}) {
                        HistoryStore::Query q;
                        q.sort = sort;
                        q.descending = descending;
                        q.text = text;
                        q.status = status;
                        compareBothWays(q);
                        if (QTest::currentTestFailed())
                            return;
                    }
                }
            }
        }
    }

    // What the rules are, on records picked by hand: the filter means what the history's
    // filter bar says.
    void statusMeansWhatItSays()
    {
        QSet<int> active;
        QSet<int> success;
        QSet<int> failed;
        HistoryStore::Query q;
        for (const RunRecord &r : m_stored) {
            q.status = QStringLiteral("active");
            if (QueryFilter(q).matches(r))
                active << int(r.id);
            q.status = QStringLiteral("success");
            if (QueryFilter(q).matches(r))
                success << int(r.id);
            q.status = QStringLiteral("failed");
            if (QueryFilter(q).matches(r))
                failed << int(r.id);
            q.status = QStringLiteral("bogus");
            QVERIFY(!QueryFilter(q).matches(r));
        }
        // The three statuses split the history.
        QCOMPARE(active.size() + success.size() + failed.size(), m_stored.size());
        QVERIFY(!active.intersects(success) && !active.intersects(failed) &&
                !success.intersects(failed));
        for (const RunRecord &r : m_stored) {
            if (r.isActive())
                QVERIFY(active.contains(int(r.id)));
            else if (r.state.isSuccess())
                QVERIFY(success.contains(int(r.id))); // a vanished success included
            else
                QVERIFY(failed.contains(int(r.id)));
        }
    }

    // The search box finds a run by where it ran, in the Cluster column's words, and a Python
    // file task by its file.
    void searchFindsWhereARunWent()
    {
        const auto count = [this](const QString &text,
                                  const std::function<bool(const RunRecord &)> &expected) {
            HistoryStore::Query q;
            q.text = text;
            int wanted = 0;
            for (const RunRecord &r : m_stored)
                wanted += expected(r) ? 1 : 0;
            return qMakePair(m_history->count(q), wanted);
        };
        const auto serverless = count(QStringLiteral("SERVERLESS"), [](const RunRecord &r) {
            return r.spec.compute.isServerless();
        });
        QVERIFY(serverless.second > 0);
        QCOMPARE(serverless.first, serverless.second);
        const auto photon = count(QStringLiteral("photon"), [](const RunRecord &r) {
            return r.spec.compute.photon ||
                   r.spec.compute.sparkVersion.contains(QLatin1String("photon"));
        });
        QVERIFY(photon.second > 0);
        QCOMPARE(photon.first, photon.second);
        const auto cluster = count(QStringLiteral("demo-cluster"), [](const RunRecord &r) {
            return r.spec.compute.isExistingCluster() && !r.spec.clusterId.isEmpty();
        });
        QVERIFY(cluster.second > 0);
        QCOMPARE(cluster.first, cluster.second);
        const auto python = count(QStringLiteral("etl_job.py"),
                                  [](const RunRecord &r) { return r.spec.isPythonFile(); });
        QVERIFY(python.second > 0);
        QCOMPARE(python.first, python.second);
    }

    void searchIgnoresAsciiCaseOnly()
    {
        RunRecord r = m_stored.constFirst();
        r.spec.runName = QStringLiteral("Ünïcode É run");
        r.spec.notebookPath = QStringLiteral("/x");
        r.spec.parameters.clear();
        r.runId = 0;
        HistoryStore::Query q;
        q.text = QStringLiteral("ÜNÏCODE"); // LIKE folds ASCII only: N, C, O, D, E
        QVERIFY(!QueryFilter(q).matches(r));
        q.text = QStringLiteral("ÜnÏCODE é");
        QVERIFY(!QueryFilter(q).matches(r)); // ï and Ï differ
        q.text = QStringLiteral("ÜNïCODE É");
        QVERIFY(QueryFilter(q).matches(r));
        q.text = QStringLiteral("0"); // no run id yet: not "0"
        QVERIFY(!QueryFilter(q).matches(r));
    }
};

QTEST_GUILESS_MAIN(tst_QueryFilter)
#include "tst_queryfilter.moc"
