// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QCoreApplication>
#include <QString>

namespace Brickrun {

struct ApiError;

// Turns a failed workspace call (clusters/list, workspace/list, SCIM Me) into a sentence a person
// can act on: a 403 says "no permission", a 404 says "does not exist", a network failure says so.
class WorkspaceErrorText
{
    Q_DECLARE_TR_FUNCTIONS(Brickrun::WorkspaceErrorText)
public:
    static QString describe(const ApiError &error);
};

} // namespace Brickrun
