// SPDX-License-Identifier: Apache-2.0
#pragma once

// Maps an HTTP request to the emulator's answer: bearer authentication, the routes of the
// Databricks REST API the demo serves, and errors shaped like the service's. Independent of
// the HTTP library so the answers are plain data.

#include "ApiError.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>

#include <memory>
#include <mutex>

namespace Brickrun::Emulator {

class OAuthServer;
class RunEngine;
class WorkspaceDefinition;
class WorkspaceFiles;
struct OAuthIdentity;

struct ApiRequest
{
    QString method;
    QString path;
    QMap<QString, QString> query;
    QString authorization; // the Authorization header, as sent
    QString contentType;   // the Content-Type header, as sent
    QByteArray body;
};

struct ApiAnswer
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers; // more headers (Location, Cache-Control, ...)
    qint64 createdRunId = 0; // runs/submit: the run it created (0 for an idempotent repeat)
};

class ApiRouter
{
public:
    // oauth: accepts the access tokens it issued besides the token (may be null).
    // jobsApiVersions: the Jobs API versions served ("2.1", "2.2"); a request for another one
    // gets what some workspaces send: 404 {"error":"Bad Target: <path>"}.
    ApiRouter(const WorkspaceDefinition &workspace, RunEngine &engine, QString token,
              const OAuthServer *oauth = nullptr,
              QStringList jobsApiVersions = {QStringLiteral("2.1"), QStringLiteral("2.2")});

    ApiAnswer handle(const ApiRequest &request) const;

    // Where workspace/import, mkdirs and delete write (before serving; by default in memory).
    void setWorkspaceFiles(std::shared_ptr<WorkspaceFiles> files);

    // The token from now on (thread-safe; requests in flight may still see the old one).
    void setToken(const QString &token);
    // Whether an Authorization header value is "Bearer <the token>".
    bool tokenMatches(const QString &authorization) const;
    // Whether it is "Bearer <the token>" or "Bearer <an OAuth access token in force>".
    bool credentialAccepted(const QString &authorization) const;
    // The 401 answer with this message, in the shape of the request's route (SCIM or not).
    ApiAnswer unauthenticated(const ApiRequest &request, const QString &message) const;

    static ApiAnswer json(const QJsonObject &object, int status = 200);
    static ApiAnswer error(const ApiError &error);

private:
    ApiAnswer handleJobs(const ApiRequest &request, const QString &version,
                         const QString &route) const;
    ApiAnswer handleMe(const OAuthIdentity *identity) const; // null: the token's user
    ApiAnswer handleOtherMe(const OAuthIdentity &identity) const;
    ApiAnswer scimError(int status, const QString &detail) const;
    static ApiAnswer endpointNotFound(const ApiRequest &request, const QString &route);
    // Empty when the request may pass; *identity: whom an OAuth token belongs to.
    QString authenticationFailure(const ApiRequest &request, OAuthIdentity *identity,
                                  bool *isOAuth) const;

    const WorkspaceDefinition &m_workspace;
    RunEngine &m_engine;
    const OAuthServer *m_oauth;
    const QStringList m_jobsApiVersions;
    std::shared_ptr<WorkspaceFiles> m_files;
    mutable std::mutex m_tokenMutex;
    QString m_token;
};

} // namespace Brickrun::Emulator
