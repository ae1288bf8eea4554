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
