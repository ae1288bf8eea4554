// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/RunSpec.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Brickrun {

// A saved submit form a user runs again and again. It names a profile, never a credential.
struct Preset
{
    QString name;
    QString profile; // may be empty: use the current/default profile
    RunSpec spec;

    // Plain, readable JSON a colleague can import:
    // {"format": "brickrun-preset", "version": 1, "name": …, "profile": …, "runName": …,
    //  "notebookPath": …, "clusterId": …, "taskKey": …, "parameters": {"k": "v", …},
    //  "queueEnabled": true, "timeoutSeconds": 0}
    // Version 2 adds "maxRetries", "minRetryIntervalMillis" and "retryOnTimeout". They are
    // written (as version 2) only when a retry is set, so a preset without retries stays a
    // version 1 file that an older Brickrun imports; both versions are read.
    // Version 3 adds the run's shape (RunSpec::shapeJson): "taskKind", "pythonFile",
    // "arguments", "compute" {…}, "git" {…}; written (as version 3) only when the preset is not
    // a workspace notebook on an existing cluster. "notebookPath" and "clusterId" may then be
    // absent. Every version up to 3 is read.
    QJsonObject toJson() const;
    // Validates field by field; every problem names the field ("clusterId: must be a string").
    // Unknown fields are errors too (a typo must not pass silently).
    static bool fromJson(const QJsonObject &json, Preset *out, QStringList *errors);
};

} // namespace Brickrun
