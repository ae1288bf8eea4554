// SPDX-License-Identifier: Apache-2.0
#pragma once

// What runs/get-output answers for a task run: its metadata, and once it has ended what its
// code left: a notebook's exit() value (notebook_output, the first 5 MB) or a Python file's
// printed output (logs, the last 5 MB), and the error of a failed run.

#include "RunJson.h"
#include "RunRecord.h"

#include <QByteArray>
#include <QJsonObject>

namespace Brickrun::Emulator {

class RunOutput
{
public:
    static constexpr qint64 kLimitBytes = 5 * 1024 * 1024;

    static QJsonObject answer(const RunRecord &run, const TaskRecord &task, int attempt,
                              const RunJson::Context &context);

    // The first `limit` bytes of utf8, never splitting a character.
    static QByteArray truncatedResult(const QByteArray &utf8, qint64 limit, bool *truncated);
    // The last `limit` bytes of utf8, never splitting a character.
    static QByteArray truncatedLogs(const QByteArray &utf8, qint64 limit, bool *truncated);

    // A Python file's printed output: its behaviour's logs with {file} and {args} filled in
    // ({args} as Python prints sys.argv[1:]).
    static QByteArray pythonLogs(const TaskRecord &task);

private:
    static QJsonObject notebookOutput(const TaskRecord &task);
};

} // namespace Brickrun::Emulator
