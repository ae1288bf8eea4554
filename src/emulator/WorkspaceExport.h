// SPDX-License-Identifier: Apache-2.0
#pragma once

// workspace/export of the demo workspace: a notebook's source (format SOURCE, or AUTO) or a
// file's bytes, as JSON {"content": base64, "file_type"} or, with direct_download=true, the
// bytes themselves; the service's errors for a missing path, a folder, a refused object.

#include "ApiRouter.h"

#include <QJsonObject>

namespace Brickrun::Emulator {

struct WorkspaceObject;
class WorkspaceDefinition;

namespace WorkspaceExport {

ApiAnswer answer(const WorkspaceDefinition &workspace, const ApiRequest &request);

// The export members of an object in a definition ("source", "source_generated_bytes",
// "export_refused"); false with *error naming the field when one is wrong.
bool readFields(const QJsonObject &json, const QString &field, WorkspaceObject *object,
                QString *error);

// The text a notebook without its own source exports: the header and one comment.
QString defaultSource(const WorkspaceObject &object);

} // namespace WorkspaceExport

} // namespace Brickrun::Emulator
