// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "CliOptions.h"

#include <QProcessEnvironment>
#include <QStringList>

namespace Brickrun::Cli::EnvironmentCredentials {

// The variables the official tools read for a workspace's credentials.
inline const char *const Variables[] = {
    "DATABRICKS_HOST",          "DATABRICKS_TOKEN", "DATABRICKS_AUTH_TYPE", "DATABRICKS_CLIENT_ID",
    "DATABRICKS_CLIENT_SECRET", "ARM_CLIENT_ID",    "ARM_CLIENT_SECRET",    "ARM_TENANT_ID"};

// How --host / DATABRICKS_HOST signs in: DATABRICKS_AUTH_TYPE when set (it disables the other
// methods), else the first method whose credentials the environment holds, in the official
// tools' order: token, OAuth M2M, Azure client secret. Sets `o`'s authType, clientId, tenantId,
// token and secret; every problem names the variable.
void read(const QProcessEnvironment &env, CliOptions *o, QStringList *errors);

} // namespace Brickrun::Cli::EnvironmentCredentials
