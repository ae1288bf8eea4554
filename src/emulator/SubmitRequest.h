#pragma once

// Reads and validates a runs/submit body the way the service does, producing the run to
// create (ids, times and cluster readiness are filled in by RunEngine) or the 400 answer.

#include "ApiError.h"
#include "RunRecord.h"
#include "Workspace.h"

#include <QByteArray>

namespace Brickrun::Emulator {

class SubmitRequest
{
public:
    static ApiError parse(const QByteArray &body, const Workspace &workspace, RunRecord *run);

private:
    static ApiError parseTask(const QJsonValue &value, int index, const Workspace &workspace,
                              TaskRecord *task);
    static ApiError parseNotebookTask(const QJsonObject &json, const QString &taskKey,
                                      const Workspace &workspace, TaskRecord *task);
};

} // namespace Brickrun::Emulator
