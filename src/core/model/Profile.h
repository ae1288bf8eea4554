// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QUrl>

namespace Brickrun {

// How Brickrun reaches a workspace. Its secrets are NOT here: a token, refresh token or client
// secret lives in the OS keychain (TokenStore, keyed by ProfileConnector::secretKey), so a
// Profile can be saved, listed and exported freely.
struct Profile
{
    QString name;
    QUrl host;                                // normalised origin, see WorkspaceUrl
    QString authType = QStringLiteral("pat"); // see AuthType in auth/Credentials.h
    QString clusterId;                        // default cluster for runs; may be empty
    QString caFile;                           // extra CA certificates (PEM) to trust; may be empty
    QString clientId;   // a service principal's application id (oauth-m2m, azure-client-secret)
    QString tenantId;   // Entra ID tenant (azure-client-secret; optional for azure-cli)
    QString authority;  // Entra ID authority; empty = https://login.microsoftonline.com
    QString signedInAs; // who the last sign-in or test found (shown, never trusted)
    // "2.1" once the workspace was found not to serve Jobs API 2.2 (JobsClient falls back);
    // empty = the client's default. Saving the profile anew (another host) forgets it.
    QString jobsApiVersion;

    // Empty when `name` can name a profile, else the reason (it is also the keychain key and a
    // command-line argument: letters, digits, . _ - @, at most 64 characters).
    static QString checkName(const QString &name);

    // Whether a secret stored for `a` may serve `b`: the same workspace, sign-in method and
    // identity (client id, tenant, authority). When not, the stored secrets must go: they never
    // follow a profile to another host or method.
    static bool sameCredentials(const Profile &a, const Profile &b);
};

} // namespace Brickrun
