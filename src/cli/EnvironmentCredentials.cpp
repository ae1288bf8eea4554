// SPDX-License-Identifier: Apache-2.0
#include "EnvironmentCredentials.h"

#include "auth/Credentials.h"

namespace Brickrun::Cli::EnvironmentCredentials {

void read(const QProcessEnvironment &env, CliOptions *o, QStringList *errors)
{
    const QString token = env.value(QStringLiteral("DATABRICKS_TOKEN")).trimmed();
    const QString clientId = env.value(QStringLiteral("DATABRICKS_CLIENT_ID")).trimmed();
    const QString clientSecret = env.value(QStringLiteral("DATABRICKS_CLIENT_SECRET")).trimmed();
    const QString armId = env.value(QStringLiteral("ARM_CLIENT_ID")).trimmed();
    const QString armSecret = env.value(QStringLiteral("ARM_CLIENT_SECRET")).trimmed();
    const QString armTenant = env.value(QStringLiteral("ARM_TENANT_ID")).trimmed();
    QString type = env.value(QStringLiteral("DATABRICKS_AUTH_TYPE")).trimmed();
    if (!type.isEmpty() && !AuthType::isKnown(type)) {
        *errors << QStringLiteral("DATABRICKS_AUTH_TYPE \"%1\": Brickrun knows %2")
                       .arg(type, AuthType::all().join(QStringLiteral(", ")));
        return;
    }
    if (type.isEmpty()) {
        if (!token.isEmpty())
            type = AuthType::Pat;
        else if (!clientId.isEmpty() && !clientSecret.isEmpty())
            type = AuthType::OAuthM2M;
        else if (!armId.isEmpty() && !armSecret.isEmpty() && !armTenant.isEmpty())
            type = AuthType::AzureClientSecret;
    }
    o->authType = type;
    if (type.isEmpty() || (type == AuthType::Pat && token.isEmpty())) {
        *errors << QStringLiteral("no token: set DATABRICKS_TOKEN (it is never taken from the "
                                  "command line), DATABRICKS_CLIENT_ID and "
                                  "DATABRICKS_CLIENT_SECRET, or use a profile (--profile NAME)");
    } else if (type == AuthType::Pat) {
        o->token = token;
        o->secret = token;
    } else if (type == AuthType::OAuthM2M) {
        o->clientId = clientId;
        o->secret = clientSecret;
        if (clientId.isEmpty() || clientSecret.isEmpty())
            *errors << QStringLiteral("DATABRICKS_AUTH_TYPE oauth-m2m needs DATABRICKS_CLIENT_ID "
                                      "and DATABRICKS_CLIENT_SECRET");
    } else if (type == AuthType::AzureClientSecret) {
        o->clientId = armId;
        o->secret = armSecret;
        o->tenantId = armTenant;
        if (armId.isEmpty() || armSecret.isEmpty() || armTenant.isEmpty())
            *errors << QStringLiteral("DATABRICKS_AUTH_TYPE azure-client-secret needs "
                                      "ARM_CLIENT_ID, ARM_CLIENT_SECRET and ARM_TENANT_ID");
    } else if (type == AuthType::AzureCli) {
        o->tenantId = armTenant;
    } else if (type == AuthType::OAuthU2M) {
        *errors << QStringLiteral("browser sign-in keeps its tokens in a profile: add one with "
                                  "brickrun-cli profiles add NAME --host URL, then use --profile "
                                  "NAME");
    }
}

} // namespace Brickrun::Cli::EnvironmentCredentials
