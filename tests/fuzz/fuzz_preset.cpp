// SPDX-License-Identifier: Apache-2.0
// Fuzz target: preset import (Preset::fromJson, what PresetStore::importFromFile runs on a file
// a colleague sent: one preset or an array of them). A preset either is refused with reasons or
// survives a round trip through toJson unchanged.
#include "FuzzInput.h"
#include "model/Preset.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Brickrun;

namespace {

void importOne(const QJsonObject &json)
{
    Preset preset;
    QStringList errors;
    if (!Preset::fromJson(json, &preset, &errors)) {
        Fuzz::check(!errors.isEmpty(), "a preset refused without a reason");
        return;
    }
    Fuzz::check(errors.isEmpty(), "a preset accepted with errors");
    Preset again;
    QStringList againErrors;
    Fuzz::check(Preset::fromJson(preset.toJson(), &again, &againErrors),
                "an accepted preset does not read back");
    Fuzz::check(again.name == preset.name && again.profile == preset.profile &&
                    again.spec.notebookPath == preset.spec.notebookPath &&
                    again.spec.clusterId == preset.spec.clusterId &&
                    again.spec.runName == preset.spec.runName &&
                    again.spec.taskKey == preset.spec.taskKey &&
                    again.spec.parameters == preset.spec.parameters &&
                    again.spec.queueEnabled == preset.spec.queueEnabled &&
                    again.spec.timeoutSeconds == preset.spec.timeoutSeconds &&
                    again.spec.maxRetries == preset.spec.maxRetries &&
                    again.spec.minRetryIntervalMillis == preset.spec.minRetryIntervalMillis &&
                    again.spec.retryOnTimeout == preset.spec.retryOnTimeout,
                "a preset changed on its way through toJson");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Fuzz::FuzzInput input(data, size);
    const QJsonDocument doc = QJsonDocument::fromJson(input.all());
    if (doc.isObject()) {
        importOne(doc.object());
    } else if (doc.isArray()) {
        const QJsonArray array = doc.array();
        for (const QJsonValue &v : array)
            importOne(v.toObject());
    }
    return 0;
}
