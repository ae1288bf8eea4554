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
    //  "notebookPath": …, "clusterId": …, "taskKey": …, "parameters": {"k": "v", …}}
    QJsonObject toJson() const;
    // Validates field by field; every problem names the field ("clusterId: must be a string").
    // Unknown fields are errors too (a typo must not pass silently).
    static bool fromJson(const QJsonObject &json, Preset *out, QStringList *errors);
};

} // namespace Brickrun
