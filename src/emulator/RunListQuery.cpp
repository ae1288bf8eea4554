// SPDX-License-Identifier: Apache-2.0
#include "RunListQuery.h"

#include "PageToken.h"

#include <initializer_list>

namespace Brickrun::Emulator {

namespace {

constexpr qint64 kMaxOffset = 1000000;

} // namespace

ApiError RunListQuery::parse(const QMap<QString, QString> &query, RunListQuery *out)
{
    auto boolParam = [&](const QString &name, bool *value) -> ApiError {
        const QString text = query.value(name);
        if (text.isEmpty() || text == QLatin1String("false"))
            return {};
        if (text == QLatin1String("true")) {
            *value = true;
            return {};
        }
        return ApiError::invalidParameter(
            QStringLiteral("Invalid value for %1: '%2' (expected true or false)").arg(name, text));
    };
    auto intParam = [&](const QString &name, qint64 *value) -> ApiError {
        if (!query.contains(name))
            return {};
        bool ok = false;
        *value = query.value(name).toLongLong(&ok);
        if (!ok)
            return ApiError::invalidParameter(
                QStringLiteral("Invalid value for %1: '%2' is not an integer")
                    .arg(name, query.value(name)));
        return {};
    };
    RunListQuery &q = *out;
    for (const ApiError &e : {boolParam(QStringLiteral("active_only"), &q.activeOnly),
                              boolParam(QStringLiteral("completed_only"), &q.completedOnly),
                              boolParam(QStringLiteral("expand_tasks"), &q.expandTasks),
                              intParam(QStringLiteral("limit"), &q.limit),
                              intParam(QStringLiteral("offset"), &q.offset),
                              intParam(QStringLiteral("start_time_from"), &q.startTimeFrom),
                              intParam(QStringLiteral("start_time_to"), &q.startTimeTo),
                              intParam(QStringLiteral("job_id"), &q.jobId)}) {
        if (e.isError())
            return e;
    }
    if (q.activeOnly && q.completedOnly)
        return ApiError::invalidParameter(
            QStringLiteral("active_only and completed_only cannot both be true"));
    if (q.limit == 0)
        q.limit = 25; // documented: 0 means the maximum
    if (q.limit < 0 || q.limit > 25)
        return ApiError::invalidParameter(
            QStringLiteral("Invalid limit %1 - it has to be between 1 and 25.").arg(q.limit));
    if (q.offset < 0 || q.offset > kMaxOffset)
        return ApiError::invalidParameter(
            QStringLiteral("Invalid offset %1 - it has to be between 0 and %2.")
                .arg(q.offset)
                .arg(kMaxOffset));
    if (query.contains(QStringLiteral("page_token")) &&
        !PageToken::parse(query.value(QStringLiteral("page_token")), "offset", &q.offset))
        return ApiError::invalidParameter(QStringLiteral("Invalid page_token"));
    q.runType = query.value(QStringLiteral("run_type"));
    if (!q.runType.isEmpty() && q.runType != QLatin1String("JOB_RUN") &&
        q.runType != QLatin1String("WORKFLOW_RUN") && q.runType != QLatin1String("SUBMIT_RUN"))
        return ApiError::invalidParameter(
            QStringLiteral("Invalid run_type '%1': expected JOB_RUN, WORKFLOW_RUN or SUBMIT_RUN")
                .arg(q.runType));
    if (query.contains(QStringLiteral("job_id")) && q.jobId <= 0)
        return ApiError::invalidParameter(
            QStringLiteral("Invalid job_id %1: it has to be a positive integer.").arg(q.jobId));
    return {};
}

bool RunListQuery::matches(const RunRecord &run, bool terminal) const
{
    if (!runType.isEmpty() && run.runType != runType)
        return false;
    if (jobId > 0 && run.jobId != jobId)
        return false;
    if ((startTimeFrom > 0 && run.submitMs < startTimeFrom) ||
        (startTimeTo > 0 && run.submitMs > startTimeTo))
        return false;
    return !(activeOnly && terminal) && !(completedOnly && !terminal);
}

} // namespace Brickrun::Emulator
