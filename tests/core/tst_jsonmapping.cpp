#include "api/JsonMapping.h"

#include <QJsonDocument>
#include <QTest>

using namespace Brickrun;

namespace {
QJsonObject obj(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}
} // namespace

class tst_JsonMapping : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void submitAnswer()
    {
        QCOMPARE(JsonMapping::submitResponse(obj(R"({"run_id": 455644833})")).value(), 455644833);
        QCOMPARE(JsonMapping::submitResponse(obj(R"({"run_id": "9007199254740993"})")).value(),
                 Q_INT64_C(9007199254740993));
        const auto missing = JsonMapping::submitResponse(obj("{}"));
        QVERIFY(!missing);
        QCOMPARE(missing.error().kind, ApiError::Kind::BadResponse);
    }
    void runningRunHasNoResultState()
    {
        const auto run = JsonMapping::runInfo(obj(R"({"run_id": 1, "state":
            {"life_cycle_state": "RUNNING", "state_message": "In run"}, "end_time": 0,
            "tasks": [{"run_id": 2, "task_key": "main", "state": {"life_cycle_state": "RUNNING"},
                       "cluster_instance": {"cluster_id": "c1"},
                       "notebook_task": {"notebook_path": "/a"}}]})"));
        QVERIFY(run);
        QCOMPARE(run.value().state.lifeCycleState, QStringLiteral("RUNNING"));
        QVERIFY(run.value().state.resultState.isEmpty());
        QVERIFY(!run.value().state.isTerminal());
        QCOMPARE(run.value().tasks.size(), 1);
        QCOMPARE(run.value().tasks[0].runId, 2);
        QCOMPARE(run.value().tasks[0].clusterId, QStringLiteral("c1"));
        QCOMPARE(run.value().tasks[0].notebookPath, QStringLiteral("/a"));
        QCOMPARE(run.value().primaryTask(QStringLiteral("nope"))->runId, 2);
    }
    void clusterFromTheRunWhenTasksLackIt()
    {
        const auto run = JsonMapping::runInfo(obj(R"({"run_id": 1,
            "cluster_instance": {"cluster_id": "c9"},
            "tasks": [{"run_id": 2, "task_key": "main"}]})"));
        QCOMPARE(run.value().tasks.first().clusterId, QStringLiteral("c9"));
        const auto spec = JsonMapping::runInfo(obj(R"({"run_id": 1,
            "cluster_spec": {"existing_cluster_id": "c8"}, "tasks": [{"run_id": 2}]})"));
        QCOMPARE(spec.value().tasks.first().clusterId, QStringLiteral("c8"));
    }
    void minimalAnswer()
    {
        // Nothing but the id: every other field keeps its empty default, nothing crashes.
        const auto run = JsonMapping::runInfo(obj(R"({"run_id": 7})"));
        QVERIFY(run);
        QVERIFY(run.value().state.lifeCycleState.isEmpty());
        QVERIFY(!run.value().state.isTerminal());
        QVERIFY(run.value().primaryTask() == nullptr);
        QVERIFY(!JsonMapping::runInfo(obj(R"({"state": {}})")));
        QVERIFY(!JsonMapping::runInfo(obj(R"({"run_id": "x"})")));
    }
    void statusFormFillsGaps()
    {
        const auto run = JsonMapping::runInfo(obj(R"({"run_id": 1, "status": {"state":
            "TERMINATED", "termination_details": {"code": "SUCCESS", "type": "SUCCESS",
            "message": "done"}}})"));
        QCOMPARE(run.value().state.lifeCycleState, QStringLiteral("TERMINATED"));
        QCOMPARE(run.value().state.resultState, QStringLiteral("SUCCESS"));
        QCOMPARE(run.value().state.stateMessage, QStringLiteral("done"));
        QVERIFY(run.value().state.isSuccess());
        const auto waiting =
            JsonMapping::runInfo(obj(R"({"run_id": 1, "status": {"state": "WAITING"}})"));
        QCOMPARE(waiting.value().state.lifeCycleState, QStringLiteral("WAITING_FOR_RETRY"));
        // The state object wins where both speak.
        const auto both = JsonMapping::runInfo(obj(R"({"run_id": 1,
            "state": {"life_cycle_state": "TERMINATED", "result_state": "FAILED"},
            "status": {"state": "TERMINATED", "termination_details": {"code": "SUCCESS"}}})"));
        QCOMPARE(both.value().state.resultState, QStringLiteral("FAILED"));
    }
    void newestAttemptPerTask()
    {
        // A retried task: one entry per attempt, same key, the retry listed after the first
        // failure; then a task run twice with a repair (attempt numbers restart nowhere, but
        // the order in the answer is not to be trusted).
        const auto run = JsonMapping::runInfo(obj(R"({"run_id": 1,
            "state": {"life_cycle_state": "TERMINATED", "result_state": "SUCCESS"},
            "tasks": [
              {"run_id": 11, "task_key": "ingest", "attempt_number": 0,
               "state": {"life_cycle_state": "TERMINATED", "result_state": "FAILED"},
               "start_time": 1000},
              {"run_id": 12, "task_key": "report", "attempt_number": 1,
               "original_attempt_run_id": 10,
               "state": {"life_cycle_state": "TERMINATED", "result_state": "SUCCESS"},
               "start_time": 3000},
              {"run_id": 13, "task_key": "ingest", "attempt_number": 1,
               "original_attempt_run_id": 11,
               "state": {"life_cycle_state": "TERMINATED", "result_state": "SUCCESS"},
               "start_time": 2000},
              {"run_id": 10, "task_key": "report", "attempt_number": 0,
               "state": {"life_cycle_state": "TERMINATED", "result_state": "FAILED"},
               "start_time": 1500}]})"));
        QVERIFY(run);
        const RunInfo &r = run.value();
        QCOMPARE(r.tasks.size(), 4);
        QCOMPARE(r.tasks[2].attemptNumber, 1);
        QCOMPARE(r.tasks[2].originalAttemptRunId, 11);
        QCOMPARE(r.tasks[0].attemptNumber, 0);
        // The first task key's newest attempt is the primary task: the success, not the
        // first entry's failure.
        QCOMPARE(r.primaryTask()->runId, 13);
        QVERIFY(r.primaryTask()->state.isSuccess());
        QCOMPARE(r.primaryTask(QStringLiteral("report"))->runId, 12);
        // One entry per task, newest attempt, in the order the keys first appear.
        const QList<TaskRun> latest = r.latestAttempts();
        QCOMPARE(latest.size(), 2);
        QCOMPARE(latest[0].taskKey, QStringLiteral("ingest"));
        QCOMPARE(latest[0].runId, 13);
        QCOMPARE(latest[1].taskKey, QStringLiteral("report"));
        QCOMPARE(latest[1].runId, 12);
        QCOMPARE(r.attemptsOf(QStringLiteral("ingest")), 2);
    }
    void newestAttemptTies()
    {
        // The same attempt number twice (a repair of an answer without attempt numbers):
        // the later start wins; then the larger run id.
        const auto byStart = JsonMapping::runInfo(obj(R"({"run_id": 1, "tasks": [
              {"run_id": 30, "task_key": "t", "start_time": 5000},
              {"run_id": 20, "task_key": "t", "start_time": 9000}]})"));
        QCOMPARE(byStart.value().primaryTask()->runId, 20);
        const auto byId = JsonMapping::runInfo(obj(R"({"run_id": 1, "tasks": [
              {"run_id": 21, "task_key": "t", "start_time": 9000, "attempt_number": 2},
              {"run_id": 22, "task_key": "t", "start_time": 9000, "attempt_number": 2},
              {"run_id": 99, "task_key": "t", "start_time": 9999, "attempt_number": 1}]})"));
        QCOMPARE(byId.value().primaryTask()->runId, 22);
        // Tasks without a key are never taken for attempts of one another.
        const auto noKeys = JsonMapping::runInfo(obj(R"({"run_id": 1, "tasks": [
              {"run_id": 5}, {"run_id": 6}]})"));
        QCOMPARE(noKeys.value().latestAttempts().size(), 2);
        QCOMPARE(noKeys.value().primaryTask()->runId, 5);
    }
    void terminalStates()
    {
        for (const char *s : {"TERMINATED", "SKIPPED", "INTERNAL_ERROR"})
            QVERIFY2(RunState::isTerminalLifeCycle(QString::fromLatin1(s)), s);
        for (const char *s : {"QUEUED", "PENDING", "RUNNING", "TERMINATING", "BLOCKED",
                              "WAITING_FOR_RETRY", "SOME_FUTURE_STATE", ""})
            QVERIFY2(!RunState::isTerminalLifeCycle(QString::fromLatin1(s)), s);
    }
    void outputVariants()
    {
        const auto full = JsonMapping::runOutput(
            obj(R"({"notebook_output": {"result": "[1]", "truncated": true}, "metadata": {}})"), 9);
        QVERIFY(full.hasNotebookResult);
        QCOMPARE(full.notebookResult, QStringLiteral("[1]"));
        QVERIFY(full.truncated);
        QCOMPARE(full.taskRunId, 9);
        const auto noExit = JsonMapping::runOutput(obj(R"({"notebook_output": {}})"), 9);
        QVERIFY(!noExit.hasNotebookResult);
        const auto failed = JsonMapping::runOutput(
            obj(R"({"error": "ZeroDivisionError", "error_trace": "Traceback..."})"), 9);
        QCOMPARE(failed.error, QStringLiteral("ZeroDivisionError"));
        QCOMPARE(failed.errorTrace, QStringLiteral("Traceback..."));
        QVERIFY(!failed.hasNotebookResult);
        const auto emptyResult =
            JsonMapping::runOutput(obj(R"({"notebook_output": {"result": ""}})"), 9);
        QVERIFY(emptyResult.hasNotebookResult);
    }
    void listPage()
    {
        const auto page = JsonMapping::runListPage(obj(
            R"({"runs": [{"run_id": 3}, {"no_id": true}], "has_more": true, "next_page_token": "t"})"));
        QCOMPARE(page.runs.size(), 1);
        QVERIFY(page.hasMore);
        QCOMPARE(page.nextPageToken, QStringLiteral("t"));
        QVERIFY(JsonMapping::runListPage(obj(R"({"has_more": false})")).runs.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_JsonMapping)
#include "tst_jsonmapping.moc"
