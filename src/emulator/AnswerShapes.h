// SPDX-License-Identifier: Apache-2.0
#pragma once

// Which answers the demo workspace gives (docs/demo-workspace.md, "Answer shapes"):
//   Live (the default): what the live service sends, members the published API description
//     does not declare included (`status`, `run_duration`, per-task cluster and notebook,
//     `original_attempt_run_id`, page tokens, a few members no client knows yet, ...).
//   Published: only the members the published OpenAPI description declares, with its types
//     and enum values (what the respect conformance test checks).
// statusOnly (live only): runs answer `status` without `state`, as newer answers may.

#include <QString>
#include <QStringList>

namespace Brickrun::Emulator {

enum class AnswerShapes
{
    Live,
    Published
};

struct ShapeSettings
{
    AnswerShapes shapes = AnswerShapes::Live;
    bool statusOnly = false;

    bool live() const { return shapes == AnswerShapes::Live; }
};

inline QString answerShapesName(AnswerShapes shapes)
{
    return shapes == AnswerShapes::Live ? QStringLiteral("live") : QStringLiteral("published");
}

// "live" or "published"; false for anything else.
inline bool parseAnswerShapes(const QString &name, AnswerShapes *shapes)
{
    if (name == QLatin1String("live"))
        *shapes = AnswerShapes::Live;
    else if (name == QLatin1String("published"))
        *shapes = AnswerShapes::Published;
    else
        return false;
    return true;
}

// The Jobs API versions the emulator can serve.
inline QStringList knownJobsApiVersions()
{
    return {QStringLiteral("2.1"), QStringLiteral("2.2")};
}

} // namespace Brickrun::Emulator
