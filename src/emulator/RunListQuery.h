// SPDX-License-Identifier: Apache-2.0
#pragma once

// The query of runs/list, read and checked the way the service does it.

#include "ApiError.h"
#include "RunRecord.h"

#include <QMap>
#include <QString>

namespace Brickrun::Emulator {

struct RunListQuery
{
    bool activeOnly = false;
    bool completedOnly = false;
    bool expandTasks = false;
    qint64 limit = 20;
    qint64 offset = 0; // from offset, or from a page_token (which wins)
    qint64 startTimeFrom = 0;
    qint64 startTimeTo = 0;
    qint64 jobId = 0; // 0 = any
    QString runType;  // empty = any

    static ApiError parse(const QMap<QString, QString> &query, RunListQuery *out);
    // Whether a run (terminal or not) is listed, apart from paging.
    bool matches(const RunRecord &run, bool terminal) const;
};

} // namespace Brickrun::Emulator
