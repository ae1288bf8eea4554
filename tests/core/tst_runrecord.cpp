// SPDX-License-Identifier: Apache-2.0
// RunRecord::mergeAnswer, the one rule by which every RunStore (the SQLite history and the
// memory store) takes in a runs/get answer: a field the answer lacks keeps what was known.
#include "model/RunRecord.h"

#include <QTest>

using namespace Brickrun;

namespace {

TaskRun task(const char *key, qint64 runId, int attempt)
{
    TaskRun t;
    t.taskKey = QString::fromLatin1(key);
    t.runId = runId;
    t.attemptNumber = attempt;
    return t;
}

RunInfo runningAnswer()
{
    RunInfo run;
    run.runId = 41;
    run.state.lifeCycleState = QStringLiteral("RUNNING");
    run.runPageUrl = QStringLiteral("https://adb-1.2.azuredatabricks.net/#job/1/run/41");
    run.startTimeMs = 1000;
    run.tasks = {task("main", 42, 0)};
    return run;
}

} // namespace

class tst_RunRecord : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void anAnswerFillsWhatItSays()
    {
        RunRecord r;
        QVERIFY(r.mergeAnswer(runningAnswer()));
        QCOMPARE(r.state.lifeCycleState, QStringLiteral("RUNNING"));
        QCOMPARE(r.taskRunId, 42);
        QCOMPARE(r.attemptNumber, 0);
        QCOMPARE(r.runPageUrl, runningAnswer().runPageUrl);
        QCOMPARE(r.startTimeMs, 1000);
        QCOMPARE(r.endTimeMs, 0);
        QCOMPARE(r.updatedAtMs, 0); // the store's to set
    }
    void theSameAnswerAgainChangesNothing()
    {
        RunRecord r;
        QVERIFY(r.mergeAnswer(runningAnswer()));
        const RunRecord before = r;
        QVERIFY(!r.mergeAnswer(runningAnswer()));
        QCOMPARE(r.state, before.state);
        QCOMPARE(r.taskRunId, before.taskRunId);
    }
    void anAnswerLackingFieldsNeverErasesWhatWasKnown()
    {
        RunRecord r;
        QVERIFY(r.mergeAnswer(runningAnswer()));
        RunInfo sparse; // no state, no tasks, no run page, no times
        sparse.runId = 41;
        QVERIFY(!r.mergeAnswer(sparse));
        QCOMPARE(r.state.lifeCycleState, QStringLiteral("RUNNING"));
        QCOMPARE(r.taskRunId, 42);
        QCOMPARE(r.runPageUrl, runningAnswer().runPageUrl);
        QCOMPARE(r.startTimeMs, 1000);
        // A task not yet given a run id says nothing of the task run.
        sparse.tasks = {task("main", 0, 1)};
        QVERIFY(!r.mergeAnswer(sparse));
        QCOMPARE(r.taskRunId, 42);
        QCOMPARE(r.attemptNumber, 0);
    }
    void eachFieldAloneIsAChange_data()
    {
        QTest::addColumn<QString>("field");
        for (const char *f : {"state", "attempt", "url", "start", "end"})
            QTest::newRow(f) << QString::fromLatin1(f);
    }
    void eachFieldAloneIsAChange()
    {
        QFETCH(QString, field);
        RunRecord r;
        QVERIFY(r.mergeAnswer(runningAnswer()));
        RunInfo answer = runningAnswer();
        if (field == QLatin1String("state"))
            answer.state.stateMessage = QStringLiteral("Waiting for the cluster");
        else if (field == QLatin1String("attempt"))
            answer.tasks.append(task("main", 43, 1)); // a retry: the newer attempt counts
        else if (field == QLatin1String("url"))
            answer.runPageUrl += QStringLiteral("?o=1");
        else if (field == QLatin1String("start"))
            answer.startTimeMs = 2000;
        else
            answer.endTimeMs = 9000;
        QVERIFY(r.mergeAnswer(answer));
        QVERIFY(!r.mergeAnswer(answer));
        if (field == QLatin1String("attempt")) {
            QCOMPARE(r.taskRunId, 43);
            QCOMPARE(r.attemptNumber, 1);
        }
    }
    void thePrimaryTaskIsTheRecordsTaskKey()
    {
        RunRecord r;
        r.spec.taskKey = QStringLiteral("report");
        RunInfo answer = runningAnswer();
        answer.tasks = {task("load", 50, 0), task("report", 51, 0)};
        QVERIFY(r.mergeAnswer(answer));
        QCOMPARE(r.taskRunId, 51);
    }
};

QTEST_GUILESS_MAIN(tst_RunRecord)
#include "tst_runrecord.moc"
