// SPDX-License-Identifier: Apache-2.0
#include "SignInHints.h"

#include "auth/Credentials.h"

namespace Brickrun::Cli {

QString signInRemedy(const Profile &profile, bool fromEnvironment)
{
    const QString &type = profile.authType;
    if (type == AuthType::AzureCli)
        return profile.tenantId.isEmpty()
                   ? QStringLiteral("sign in to the Azure CLI with: az login")
                   : QStringLiteral("sign in to the Azure CLI with: az login --tenant %1")
                         .arg(profile.tenantId);
    if (fromEnvironment) {
        if (type == AuthType::OAuthM2M)
            return QStringLiteral("check DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET");
        if (type == AuthType::AzureClientSecret)
            return QStringLiteral("check ARM_CLIENT_ID, ARM_CLIENT_SECRET and ARM_TENANT_ID");
        return QStringLiteral("check DATABRICKS_TOKEN");
    }
    const QString host = profile.host.toString();
    if (type == AuthType::OAuthU2M)
        return QStringLiteral("sign in again with: brickrun-cli profiles login %1")
            .arg(profile.name);
    if (type == AuthType::OAuthM2M)
        return QStringLiteral("store the service principal's current secret with: brickrun-cli "
                              "profiles add %1 --host %2 --auth oauth-m2m --client-id %3 "
                              "--client-secret-stdin")
            .arg(profile.name, host, profile.clientId);
    if (type == AuthType::AzureClientSecret)
        return QStringLiteral("store the service principal's current secret with: brickrun-cli "
                              "profiles add %1 --host %2 --auth azure-client-secret --client-id "
                              "%3 --tenant %4 --client-secret-stdin")
            .arg(profile.name, host, profile.clientId, profile.tenantId);
    return QStringLiteral("store a new token with: brickrun-cli profiles add %1 --host %2 --auth "
                          "pat --token-stdin")
        .arg(profile.name, host);
}

QString noKeychainRemedy(const Profile &profile)
{
    const QString &type = profile.authType;
    QString variables;
    if (type == AuthType::OAuthM2M)
        variables = QStringLiteral("DATABRICKS_CLIENT_ID=%1 DATABRICKS_CLIENT_SECRET=…")
                        .arg(profile.clientId.isEmpty() ? QStringLiteral("…") : profile.clientId);
    else if (type == AuthType::AzureClientSecret)
        variables = QStringLiteral("ARM_CLIENT_ID=%1 ARM_TENANT_ID=%2 ARM_CLIENT_SECRET=…")
                        .arg(profile.clientId.isEmpty() ? QStringLiteral("…") : profile.clientId,
                             profile.tenantId.isEmpty() ? QStringLiteral("…") : profile.tenantId);
    else if (type == AuthType::OAuthU2M)
        // A browser sign-in's refresh token has nowhere to go: use az, or a token.
        variables = QStringLiteral("DATABRICKS_TOKEN=… (or DATABRICKS_AUTH_TYPE=azure-cli "
                                   "after az login)");
    else
        variables = QStringLiteral("DATABRICKS_TOKEN=…");
    const QString host = profile.host.isValid() ? profile.host.toString() : QStringLiteral("…");
    return QStringLiteral("without a keychain nothing can keep the secret; give it to each "
                          "command in the environment instead, e.g. DATABRICKS_HOST=%1 %2 "
                          "brickrun-cli submit --notebook …")
        .arg(host, variables);
}

} // namespace Brickrun::Cli
