// SPDX-License-Identifier: Apache-2.0
#include "ApiRouter.h"

#include "ClusterCatalogue.h"
#include "FaultPlan.h"
#include "OAuthServer.h"
#include "RunEngine.h"
#include "WorkspaceDefinition.h"
#include "WorkspaceFiles.h"
#include "WorkspaceFilesApi.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <utility>

namespace Brickrun::Emulator {

namespace {

const QString kScimUserSchema = QStringLiteral("urn:ietf:params:scim:schemas:core:2.0:User");
const QString kScimErrorSchema = QStringLiteral("urn:ietf:params:scim:api:messages:2.0:Error");

const QRegularExpression &bearerPattern()
{
    static const QRegularExpression bearer(QStringLiteral("^Bearer +(\\S+) *$"),
                                           QRegularExpression::CaseInsensitiveOption);
    return bearer;
}

// A stable SCIM id (16 digits) for an identity that is not the workspace's user.
QString scimIdOf(const QString &name)
{
    const QByteArray digest = QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha256);
    quint64 value = 0;
    for (int i = 0; i < 8; ++i)
        value = (value << 8) | static_cast<quint8>(digest.at(i));
    return QString::number(1000000000000000ULL + value % 8000000000000000ULL);
}

} // namespace

ApiRouter::ApiRouter(const WorkspaceDefinition &workspace, RunEngine &engine, QString token,
                     const OAuthServer *oauth, QStringList jobsApiVersions)
    : m_workspace(workspace)
    , m_engine(engine)
    , m_oauth(oauth)
    , m_jobsApiVersions(std::move(jobsApiVersions))
    , m_files(std::make_shared<WorkspaceFiles>(workspace))
    , m_token(std::move(token))
{}

void ApiRouter::setWorkspaceFiles(std::shared_ptr<WorkspaceFiles> files)
{
    m_files = std::move(files);
}

ApiAnswer ApiRouter::json(const QJsonObject &object, int status)
{
    ApiAnswer answer;
    answer.status = status;
    answer.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return answer;
}

ApiAnswer ApiRouter::error(const ApiError &error)
{
    return json(QJsonObject{{QStringLiteral("error_code"), error.errorCode},
                            {QStringLiteral("message"), error.message}},
                error.status);
}

ApiAnswer ApiRouter::scimError(int status, const QString &detail) const
{
    return json(QJsonObject{{QStringLiteral("schemas"), QJsonArray{kScimErrorSchema}},
                            {QStringLiteral("detail"), detail},
                            {QStringLiteral("status"), QString::number(status)}},
                status);
}

ApiAnswer ApiRouter::endpointNotFound(const ApiRequest &request, const QString &route)
{
    return error({404, QStringLiteral("ENDPOINT_NOT_FOUND"),
                  QStringLiteral("No API found for '%1 %2'").arg(request.method, route)});
}

QString ApiRouter::authenticationFailure(const ApiRequest &request, OAuthIdentity *identity,
                                         bool *isOAuth) const
{
    *isOAuth = false;
    const QRegularExpressionMatch match = bearerPattern().match(request.authorization);
    if (request.authorization.isEmpty() || !match.hasMatch())
        return QStringLiteral("Credential was not sent or was of an unsupported type for this "
                              "API.");
    if (tokenMatches(request.authorization))
        return {};
    const OAuthServer::TokenState state =
        m_oauth ? m_oauth->checkAccessToken(match.captured(1), identity)
                : OAuthServer::TokenState::Unknown;
    if (state == OAuthServer::TokenState::Valid) {
        *isOAuth = true;
        return {};
    }
    if (state == OAuthServer::TokenState::Expired)
        return QStringLiteral("Token is expired.");
    return QStringLiteral("Invalid access token.");
}

bool ApiRouter::credentialAccepted(const QString &authorization) const
{
    if (tokenMatches(authorization))
        return true;
    const QRegularExpressionMatch match = bearerPattern().match(authorization);
    return m_oauth && match.hasMatch() &&
           m_oauth->checkAccessToken(match.captured(1)) == OAuthServer::TokenState::Valid;
}

void ApiRouter::setToken(const QString &token)
{
    std::lock_guard<std::mutex> lock(m_tokenMutex);
    m_token = token;
}

bool ApiRouter::tokenMatches(const QString &authorization) const
{
    const QRegularExpressionMatch match = bearerPattern().match(authorization);
    std::lock_guard<std::mutex> lock(m_tokenMutex);
    return match.hasMatch() && match.captured(1) == m_token;
}

ApiAnswer ApiRouter::unauthenticated(const ApiRequest &request, const QString &message) const
{
    if (FaultPlan::routeOf(request.path).startsWith(QLatin1String("preview/scim/")))
        return scimError(401, message);
    return error({401, QStringLiteral("UNAUTHENTICATED"), message});
}

ApiAnswer ApiRouter::handle(const ApiRequest &request) const
{
    if (request.path == QLatin1String("/") &&
        (request.method == QLatin1String("GET") || request.method == QLatin1String("HEAD"))) {
        ApiAnswer page;
        page.contentType = "text/html; charset=utf-8";
        page.body = "<!doctype html><html><head><title>Brickrun demo workspace</title></head>"
                    "<body><h1>Brickrun demo workspace</h1><p>This is the Databricks REST API "
                    "emulator of Brickrun. It has no web UI: run pages are shown in Brickrun."
                    "</p></body></html>";
        return page;
    }

    static const QRegularExpression versioned(QStringLiteral("^/api/(2\\.[0-9])(/.*)$"));
    const QRegularExpressionMatch match = versioned.match(request.path);
    const QString version = match.hasMatch() ? match.captured(1) : QString();
    const QString route = match.hasMatch() ? match.captured(2) : request.path;
    const bool isScim = route.startsWith(QLatin1String("/preview/scim/"));

    OAuthIdentity identity;
    bool isOAuth = false;
    const QString authFailure = authenticationFailure(request, &identity, &isOAuth);
    if (!authFailure.isEmpty()) {
        if (isScim)
            return scimError(401, authFailure);
        return error({401, QStringLiteral("UNAUTHENTICATED"), authFailure});
    }
    if (!match.hasMatch())
        return endpointNotFound(request, route);

    const bool get =
        request.method == QLatin1String("GET") || request.method == QLatin1String("HEAD");
    if (route.startsWith(QLatin1String("/jobs/")) && knownJobsApiVersions().contains(version)) {
        if (!m_jobsApiVersions.contains(version))
            return json(QJsonObject{{QStringLiteral("error"),
                                     QStringLiteral("Bad Target: %1").arg(request.path)}},
                        404);
        return handleJobs(request, version, route);
    }
    const bool clustersVersion = version == QLatin1String("2.0") || version == QLatin1String("2.1");
    if (route == QLatin1String("/clusters/list") && get && clustersVersion)
        return json(QJsonObject{{QStringLiteral("clusters"), m_engine.clusters()}});
    if (route == QLatin1String("/clusters/spark-versions") && get && clustersVersion)
        return json(m_workspace.catalogue().sparkVersionsAnswer());
    if (route == QLatin1String("/clusters/list-node-types") && get && clustersVersion)
        return json(m_workspace.catalogue().nodeTypesAnswer(m_engine.shapes().live()));
    if (ApiAnswer answer; version == QLatin1String("2.0") &&
                          WorkspaceFilesApi::handle(m_workspace, *m_files, route, request, &answer))
        return answer;
    if (route == QLatin1String("/preview/scim/v2/Me") && version == QLatin1String("2.0")) {
        if (!get)
            return scimError(
                405, QStringLiteral("Method %1 is not supported on /Me.").arg(request.method));
        return handleMe(isOAuth ? &identity : nullptr);
    }
    return endpointNotFound(request, route);
}

ApiAnswer ApiRouter::handleJobs(const ApiRequest &request, const QString &version,
                                const QString &route) const
{
    const bool get =
        request.method == QLatin1String("GET") || request.method == QLatin1String("HEAD");
    const bool post = request.method == QLatin1String("POST");
    const QString runId = request.query.contains(QStringLiteral("run_id"))
                              ? request.query.value(QStringLiteral("run_id"))
                              : QString();
    QJsonObject answer;
    ApiError failure;
    if (route == QLatin1String("/jobs/runs/submit") && post) {
        qint64 id = 0;
        bool created = false;
        failure = m_engine.submit(request.body, version, &id, &created);
        answer.insert(QStringLiteral("run_id"), static_cast<double>(id));
        if (!failure.isError()) {
            ApiAnswer submitted = json(answer);
            submitted.createdRunId = created ? id : 0;
            return submitted;
        }
    } else if (route == QLatin1String("/jobs/runs/get") && get) {
        failure = m_engine.getRun(request.query, version, &answer);
    } else if (route == QLatin1String("/jobs/runs/get-output") && get) {
        failure = m_engine.getOutput(runId, &answer);
    } else if (route == QLatin1String("/jobs/runs/cancel") && post) {
        failure = m_engine.cancel(request.body);
    } else if (route == QLatin1String("/jobs/runs/list") && get) {
        failure = m_engine.list(request.query, version, &answer);
    } else {
        return endpointNotFound(request, route);
    }
    return failure.isError() ? error(failure) : json(answer);
}

ApiAnswer ApiRouter::handleMe(const OAuthIdentity *identity) const
{
    if (identity && (identity->servicePrincipal || identity->userName != m_workspace.userName()))
        return handleOtherMe(*identity);
    const QString displayName = m_workspace.displayName();
    const qsizetype space = displayName.indexOf(QLatin1Char(' '));
    const QString given = space > 0 ? displayName.left(space) : displayName;
    const QString family = space > 0 ? displayName.mid(space + 1) : QString();
    return json(QJsonObject{
        {QStringLiteral("schemas"), QJsonArray{kScimUserSchema}},
        {QStringLiteral("id"), m_workspace.userId()},
        {QStringLiteral("userName"), m_workspace.userName()},
        {QStringLiteral("displayName"), displayName},
        {QStringLiteral("active"), true},
        {QStringLiteral("name"),
         QJsonObject{{QStringLiteral("givenName"), given}, {QStringLiteral("familyName"), family}}},
        {QStringLiteral("emails"),
         QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("work")},
                                {QStringLiteral("value"), m_workspace.userName()},
                                {QStringLiteral("primary"), true}}}},
        {QStringLiteral("groups"),
         QJsonArray{QJsonObject{{QStringLiteral("display"), QStringLiteral("users")},
                                {QStringLiteral("type"), QStringLiteral("direct")},
                                {QStringLiteral("value"), QStringLiteral("1000000000000001")}}}},
        {QStringLiteral("entitlements"),
         QJsonArray{
             QJsonObject{{QStringLiteral("value"), QStringLiteral("allow-cluster-create")}}}}});
}

// SCIM Me of an OAuth identity other than the workspace's user: a service principal (userName
// is its application id) or the user configured for U2M sign-in.
ApiAnswer ApiRouter::handleOtherMe(const OAuthIdentity &identity) const
{
    QJsonArray emails;
    if (!identity.servicePrincipal)
        emails.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("work")},
                                  {QStringLiteral("value"), identity.userName},
                                  {QStringLiteral("primary"), true}});
    return json(QJsonObject{
        {QStringLiteral("schemas"), QJsonArray{kScimUserSchema}},
        {QStringLiteral("id"), scimIdOf(identity.userName)},
        {QStringLiteral("userName"), identity.userName},
        {QStringLiteral("displayName"), identity.displayName},
        {QStringLiteral("active"), true},
        {QStringLiteral("emails"), emails},
        {QStringLiteral("groups"),
         QJsonArray{QJsonObject{{QStringLiteral("display"), QStringLiteral("users")},
                                {QStringLiteral("type"), QStringLiteral("direct")},
                                {QStringLiteral("value"), QStringLiteral("1000000000000001")}}}}});
}

} // namespace Brickrun::Emulator
