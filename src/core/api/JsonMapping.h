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
