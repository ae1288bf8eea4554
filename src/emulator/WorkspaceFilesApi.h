// SPDX-License-Identifier: Apache-2.0
#pragma once

// The Workspace API routes over the definition's tree and the objects users wrote
// (WorkspaceFiles): POST workspace/import, workspace/mkdirs, workspace/delete; GET
// workspace/get-status and workspace/list; GET workspace/export of a written object (the
// definition's own objects are WorkspaceExport's). Errors as the service words them:
// INVALID_PARAMETER_VALUE, RESOURCE_DOES_NOT_EXIST (404), RESOURCE_ALREADY_EXISTS,
// DIRECTORY_NOT_EMPTY, PERMISSION_DENIED (403), MAX_NOTEBOOK_SIZE_EXCEEDED.

#include "ApiRouter.h"

namespace Brickrun::Emulator {

class WorkspaceDefinition;
class WorkspaceFiles;

namespace WorkspaceFilesApi {

// Whether the route (e.g. "/workspace/import") is one of these; *answer is then the answer.
bool handle(const WorkspaceDefinition &workspace, WorkspaceFiles &files, const QString &route,
            const ApiRequest &request, ApiAnswer *answer);

} // namespace WorkspaceFilesApi

} // namespace Brickrun::Emulator
