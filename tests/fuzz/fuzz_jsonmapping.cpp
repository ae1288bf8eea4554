// SPDX-License-Identifier: Apache-2.0
// Fuzz target: the JSON mapping of every answer the client reads (runs/submit, runs/get,
// runs/get-output, runs/list and their parts). Any bytes a server or proxy sends that parse as
// JSON reach these functions; none may crash, hang or read out of bounds.
#include "FuzzInput.h"
#include "api/JsonMapping.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Brickrun;

namespace {

void mapObject(const QJsonObject &o)
{
    const Result<qint64> submitted = JsonMapping::submitResponse(o);
    Fuzz::check(!submitted || submitted.value() > 0, "a submit answer mapped to a run id <= 0");
    const Result<RunInfo> run = JsonMapping::runInfo(o);
    if (run) {
        const RunInfo &info = run.value();
        Fuzz::check(info.runId > 0, "a run mapped with an id <= 0");
        Fuzz::check(!info.state.summary().isEmpty(), "empty state summary");
        // The task the workflow reads the output of, by key and without one.
        (void)info.primaryTask();
        for (const TaskRun &t : info.tasks)
            (void)info.primaryTask(t.taskKey);
    } else {
        Fuzz::check(!run.error().toString().isEmpty(), "a refused answer without a reason");
    }
    const RunOutput output = JsonMapping::runOutput(o, 42);
    Fuzz::check(output.taskRunId == 42 || output.taskRunId > 0, "get-output lost its task run");
    const JsonMapping::RunListPage page = JsonMapping::runListPage(o);
    for (const RunInfo &r : page.runs)
        (void)r.primaryTask();
    (void)JsonMapping::runState(o);
    (void)JsonMapping::taskRun(o);
    for (auto it = o.begin(); it != o.end(); ++it) {
        (void)JsonMapping::toInt64(it.value());
        if (it.value().isObject()) {
            (void)JsonMapping::runState(it.value().toObject());
            (void)JsonMapping::taskRun(it.value().toObject());
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Fuzz::FuzzInput input(data, size);
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(input.all(), &error);
    if (doc.isObject()) {
        mapObject(doc.object());
    } else if (doc.isArray()) {
        const QJsonArray array = doc.array();
        for (const QJsonValue &v : array) {
            (void)JsonMapping::toInt64(v);
            if (v.isObject())
                mapObject(v.toObject());
        }
    }
    return 0;
}
