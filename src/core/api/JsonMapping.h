// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/Result.h"
#include "model/RunInfo.h"

#include <QJsonObject>

namespace Brickrun::JsonMapping {

// Reads the service's answers. Every field is optional unless the call is meaningless without
// it (a submit answer without run_id is a bad response, not a run with id 0). Numbers may come
// as JSON numbers or as strings (int64 ids through some gateways).

Result<qint64> submitResponse(const QJsonObject &body);
RunState runState(const QJsonObject &state);
TaskRun taskRun(const QJsonObject &task);
Result<RunInfo> runInfo(const QJsonObject &body);
// Jobs API 2.2 pages the arrays of runs/get at 100 entries (`next_page_token`, passed back as
// `page_token`). Appends a further page's entries to `run`, the first page: the tasks, or for
// a for-each task's run the iterations (each page repeats the one for-each task), and the
// job_clusters, job_parameters and repair_history each page continues. The first page's token
// is replaced by the page's.
void appendRunPage(QJsonObject *run, const QJsonObject &page);
RunOutput runOutput(const QJsonObject &body, qint64 taskRunId);

struct RunListPage
{
    QList<RunInfo> runs;
    bool hasMore = false;
    QString nextPageToken;
};
RunListPage runListPage(const QJsonObject &body);

// An int64 from a JSON number or a decimal string; 0 when absent or unreadable.
qint64 toInt64(const QJsonValue &value);

} // namespace Brickrun::JsonMapping
