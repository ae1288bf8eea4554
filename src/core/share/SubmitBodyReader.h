// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/RunSpec.h"

#include <QJsonObject>
#include <QStringList>

namespace Brickrun {

// The inverse of RunSpec::toSubmitBody: a runs/submit body (from an Arazzo workflow's submit
// step, Brickrun's own or another's) read into a RunSpec. What a RunSpec cannot hold is left
// out and said, each naming the field: "tasks[0].libraries: not supported; left out", "tasks[1]
// (task_key \"b\"): a run of one task only; left out". `problems` are what makes the body
// unusable (no task, a field of the wrong type).
class SubmitBodyReader
{
public:
    struct Result
    {
        RunSpec spec;
        QStringList leftOut;  // fields read past, each with the reason
        QStringList problems; // the body cannot be a RunSpec
    };
    static Result read(const QJsonObject &body);
};

} // namespace Brickrun
