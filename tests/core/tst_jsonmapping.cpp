// SPDX-License-Identifier: Apache-2.0
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
    // Every termination code the Jobs API documents (TerminationCodeCode, 27 values), on a
    // TERMINATED status without a `state` object: the life cycle and result `state` would say.
    void statusTable_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("lifeCycleState");
        QTest::addColumn<QString>("resultState");
        QTest::addColumn<bool>("userCancelled");
        const auto row = [](const char *code, const char *type, const char *life,
                            const char *result, bool cancelled) {
            QTest::newRow(code) << QString::fromLatin1(code) << QString::fromLatin1(type)
                                << QString::fromLatin1(life) << QString::fromLatin1(result)
                                << cancelled;
        };
        row("SUCCESS", "SUCCESS", "TERMINATED", "SUCCESS", false);
        row("SUCCESS_WITH_FAILURES", "SUCCESS", "TERMINATED", "SUCCESS_WITH_FAILURES", false);
        row("USER_CANCELED", "SUCCESS", "TERMINATED", "CANCELED", true);
        row("CANCELED", "SUCCESS", "TERMINATED", "CANCELED", true);
        row("SKIPPED", "SUCCESS", "SKIPPED", "", false);
        row("INTERNAL_ERROR", "INTERNAL_ERROR", "INTERNAL_ERROR", "FAILED", false);
        row("DRIVER_ERROR", "INTERNAL_ERROR", "INTERNAL_ERROR", "FAILED", false);
        row("CLUSTER_ERROR", "CLIENT_ERROR", "TERMINATED", "FAILED", false);
        row("REPOSITORY_CHECKOUT_FAILED", "CLIENT_ERROR", "TERMINATED", "FAILED", false);
        row("INVALID_CLUSTER_REQUEST", "CLIENT_ERROR", "TERMINATED", "FAILED", false);
        row("WORKSPACE_RUN_LIMIT_EXCEEDED", "CLIENT_ERROR", "TERMINATED", "FAILED", false);
        row("FEATURE_DISABLED", "CLIENT_ERROR", "TERMINATED", "FAILED", false);
        row("CLUSTER_REQUEST_LIMIT_EXCEEDED", "CLIENT_ERROR", "TERMINATED", "FAILED", false);
        row("STORAGE_ACCESS_ERROR", "CLIENT_ERROR", "TERMINATED", "FAILED", false);
        row("RUN_EXECUTION_ERROR", "CLIENT_ERROR", "TERMINATED", "FAILED", false);
        row("UNAUTHORIZED_ERROR", "CLIENT_ERROR", "TERMINATED", "FAILED", false);
        row("LIBRARY_INSTALLATION_ERROR", "CLIENT_ERROR", "TERMINATED", "FAILED", false);
        row("MAX_CONCURRENT_RUNS_EXCEEDED", "CLIENT_ERROR", "SKIPPED",
            "MAXIMUM_CONCURRENT_RUNS_REACHED", false);
        row("MAX_SPARK_CONTEXTS_EXCEEDED", "CLIENT_ERROR", "TERMINATED", "FAILED", false);
        row("RESOURCE_NOT_FOUND", "CLIENT_ERROR", "TERMINATED", "FAILED", false);
        row("INVALID_RUN_CONFIGURATION", "CLIENT_ERROR", "TERMINATED", "FAILED", false);
        row("CLOUD_FAILURE", "CLOUD_FAILURE", "TERMINATED", "FAILED", false);
        row("MAX_JOB_QUEUE_SIZE_EXCEEDED", "CLIENT_ERROR", "SKIPPED", "", false);
        row("DISABLED", "CLIENT_ERROR", "SKIPPED", "DISABLED", false);
        row("BREAKING_CHANGE", "INTERNAL_ERROR", "INTERNAL_ERROR", "FAILED", false);
        row("CLUSTER_TERMINATED_BY_USER", "CLIENT_ERROR", "TERMINATED", "FAILED", false);
        row("BUDGET_POLICY_LIMIT_EXCEEDED", "CLIENT_ERROR", "TERMINATED", "FAILED", false);
    }
    void statusTable()
    {
        QFETCH(QString, code);
        QFETCH(QString, type);
        QFETCH(QString, lifeCycleState);
        QFETCH(QString, resultState);
        QFETCH(bool, userCancelled);
        const QJsonObject body{
            {QStringLiteral("run_id"), 1},
            {QStringLiteral("status"),
             QJsonObject{{QStringLiteral("state"), QStringLiteral("TERMINATED")},
                         {QStringLiteral("termination_details"),
                          QJsonObject{{QStringLiteral("code"), code},
                                      {QStringLiteral("type"), type},
                                      {QStringLiteral("message"), QStringLiteral("words")}}}}}};
        const RunState s = JsonMapping::runInfo(body).value().state;
        QCOMPARE(s.lifeCycleState, lifeCycleState);
        QCOMPARE(s.resultState, resultState);
        QCOMPARE(s.userCancelledOrTimedOut, userCancelled);
        QCOMPARE(s.stateMessage, QStringLiteral("words"));
        QVERIFY(s.isTerminal());
        QCOMPARE(s.isSuccess(), code == QLatin1String("SUCCESS"));
        // The same answer for a task reads the same.
        QJsonObject task = body;
        task.insert(QStringLiteral("task_key"), QStringLiteral("t"));
        QCOMPARE(JsonMapping::taskRun(task).state, s);
        // A code whose result the table leaves empty still says what happened.
        const QJsonObject silent{
            {QStringLiteral("run_id"), 1},
            {QStringLiteral("status"),
             QJsonObject{{QStringLiteral("state"), QStringLiteral("TERMINATED")},
                         {QStringLiteral("termination_details"),
                          QJsonObject{{QStringLiteral("code"), code}}}}}};
        const RunState quiet = JsonMapping::runInfo(silent).value().state;
        if (code == QLatin1String("SUCCESS"))
            QVERIFY(quiet.stateMessage.isEmpty());
        else
            QVERIFY2(quiet.summary().contains(code) || quiet.stateMessage == code,
                     qPrintable(quiet.summary() + QLatin1String(" / ") + quiet.stateMessage));
    }
    void statusStatesWhileRunning_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("lifeCycleState");
        for (const char *s : {"QUEUED", "PENDING", "RUNNING", "TERMINATING", "BLOCKED"})
            QTest::newRow(s) << QString::fromLatin1(s) << QString::fromLatin1(s);
        QTest::newRow("WAITING") << QStringLiteral("WAITING")
                                 << QStringLiteral("WAITING_FOR_RETRY");
        // Unknown states are kept as they are, and mean "still running".
        QTest::newRow("future") << QStringLiteral("HIBERNATING") << QStringLiteral("HIBERNATING");
    }
    void statusStatesWhileRunning()
    {
        QFETCH(QString, state);
        QFETCH(QString, lifeCycleState);
        const QJsonObject body{
            {QStringLiteral("run_id"), 1},
            {QStringLiteral("status"),
             QJsonObject{
                 {QStringLiteral("state"), state},
                 {QStringLiteral("queue_details"),
                  QJsonObject{{QStringLiteral("code"), QStringLiteral("ACTIVE_RUNS_LIMIT_REACHED")},
                              {QStringLiteral("message"), QStringLiteral("in queue")}}}}}};
        const RunState s = JsonMapping::runInfo(body).value().state;
        QCOMPARE(s.lifeCycleState, lifeCycleState);
        QVERIFY(s.resultState.isEmpty());
        QVERIFY(!s.isTerminal());
        QCOMPARE(s.stateMessage, QStringLiteral("in queue"));
    }
    void statusUnknownCode()
    {
        // A code added after this was written, on an ended run: ended, not a success, and the
        // code is shown as the result.
        const auto run = JsonMapping::runInfo(obj(R"({"run_id": 1, "status": {"state":
            "TERMINATED", "termination_details": {"code": "QUOTA_DREAMT_UP", "type": "SUCCESS",
            "message": ""}}})"));
        const RunState s = run.value().state;
        QCOMPARE(s.lifeCycleState, QStringLiteral("TERMINATED"));
        QCOMPARE(s.resultState, QStringLiteral("QUOTA_DREAMT_UP"));
        QVERIFY(s.isTerminal());
        QVERIFY(!s.isSuccess());
        // ... with an INTERNAL_ERROR type, the life cycle says so too.
        const auto internal = JsonMapping::runInfo(obj(R"({"run_id": 1, "status": {"state":
            "TERMINATED", "termination_details": {"code": "NEW_CODE", "type": "INTERNAL_ERROR"}}})"));
        QCOMPARE(internal.value().state.summary(), QStringLiteral("INTERNAL_ERROR NEW_CODE"));
        // TERMINATED without any code: ended, no result, not a success.
        const auto bare =
            JsonMapping::runInfo(obj(R"({"run_id": 1, "status": {"state": "TERMINATED"}})"));
        QVERIFY(bare.value().state.isTerminal());
        QVERIFY(!bare.value().state.isSuccess());
        QVERIFY(bare.value().state.resultState.isEmpty());
    }
    void stateObjectWinsFieldByField()
    {
        // `state` says the life cycle only; the result comes from `status`.
        const auto run = JsonMapping::runInfo(obj(R"({"run_id": 1,
            "state": {"life_cycle_state": "TERMINATED", "user_cancelled_or_timedout": false},
            "status": {"state": "TERMINATED", "termination_details": {"code": "USER_CANCELED",
            "type": "SUCCESS", "message": "Run cancelled."}}})"));
        QCOMPARE(run.value().state.summary(), QStringLiteral("TERMINATED CANCELED"));
        QVERIFY(!run.value().state.userCancelledOrTimedOut); // `state` said so
        QCOMPARE(run.value().state.stateMessage, QStringLiteral("Run cancelled."));
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
