// SPDX-License-Identifier: Apache-2.0
#include "AdminApi.h"

#include "Emulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace Brickrun::Emulator::AdminApi {

namespace {

QJsonObject statsJson(const EmulatorStats &stats)
{
    QJsonObject byRoute;
    for (auto it = stats.requestsByRoute.begin(); it != stats.requestsByRoute.end(); ++it)
        byRoute.insert(it.key(), it.value());
    QJsonObject byKind;
    for (auto it = stats.faultsByKind.begin(); it != stats.faultsByKind.end(); ++it)
        byKind.insert(it.key(), it.value());
    return {{QStringLiteral("requests"), stats.requests},
            {QStringLiteral("requests_by_route"), byRoute},
            {QStringLiteral("faults_by_kind"), byKind},
            {QStringLiteral("created_runs"), stats.createdRuns}};
}

QJsonObject logJson(const QList<RequestLogEntry> &log)
{
    QJsonArray entries;
    for (const RequestLogEntry &e : log)
        entries.append(
            QJsonObject{{QStringLiteral("method"), e.method},
                        {QStringLiteral("path"), e.path},
                        {QStringLiteral("route"), e.route},
                        {QStringLiteral("authorization_present"), e.authorizationPresent},
                        {QStringLiteral("token_matched"), e.tokenMatched},
                        {QStringLiteral("fault"), e.fault},
                        {QStringLiteral("status"), e.status}});
    return {{QStringLiteral("requests"), entries}};
}

QJsonObject oauthStatsJson(const OAuthStats &stats)
{
    return {{QStringLiteral("authorization_code_grants"), stats.authorizationCodeGrants},
            {QStringLiteral("refresh_grants"), stats.refreshGrants},
            {QStringLiteral("client_credentials_grants"), stats.clientCredentialsGrants},
            {QStringLiteral("entra_grants"), stats.entraGrants},
            {QStringLiteral("active_access_tokens"), stats.activeAccessTokens}};
}

// The /__admin/oauth/... routes; route is what follows "oauth/".
ApiAnswer handleOAuth(Emulator &emulator, const ApiRequest &request, const QString &route,
                      bool *handled)
{
    *handled = true;
    const QString &method = request.method;
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    if (route == QLatin1String("stats") && method == QLatin1String("GET"))
        return ApiRouter::json(oauthStatsJson(emulator.oauthStats()));
    if (method != QLatin1String("POST")) {
        *handled = false;
        return {};
    }
    if (route == QLatin1String("service-principals")) {
        ServicePrincipal principal;
        principal.clientId = body.value(QStringLiteral("client_id")).toString();
        principal.clientSecret = body.value(QStringLiteral("client_secret")).toString();
        principal.tenantId = body.value(QStringLiteral("tenant_id")).toString();
        principal.displayName = body.value(QStringLiteral("display_name")).toString();
        if (principal.clientId.isEmpty() || principal.clientSecret.isEmpty())
            return ApiRouter::error(ApiError::invalidParameter(
                QStringLiteral("Expected {\"client_id\": \"...\", \"client_secret\": "
                               "\"...\", \"tenant_id\": \"...\" (optional), "
                               "\"display_name\": \"...\" (optional)}.")));
        emulator.addServicePrincipal(principal);
        return ApiRouter::json({});
    }
    if (route == QLatin1String("revoke")) {
        if (body.value(QStringLiteral("all")).toBool()) {
            emulator.revokeAllOAuthTokens();
            return ApiRouter::json({});
        }
        const QString refresh = body.value(QStringLiteral("refresh_token")).toString();
        if (refresh.isEmpty())
            return ApiRouter::error(ApiError::invalidParameter(
                QStringLiteral("Expected {\"refresh_token\": \"...\"} or {\"all\": true}.")));
        if (!emulator.revokeRefreshToken(refresh))
            return ApiRouter::error(
                ApiError::notFound(QStringLiteral("No such refresh token was issued.")));
        return ApiRouter::json({});
    }
    if (route == QLatin1String("expire-access-tokens")) {
        emulator.expireAccessTokens();
        return ApiRouter::json({});
    }
    if (route == QLatin1String("consent")) {
        const QJsonValue autoApprove = body.value(QStringLiteral("auto_approve"));
        if (!autoApprove.isBool())
            return ApiRouter::error(ApiError::invalidParameter(
                QStringLiteral("Expected {\"auto_approve\": true|false}.")));
        emulator.setAutoApproveConsent(autoApprove.toBool());
        return ApiRouter::json({});
    }
    *handled = false;
    return {};
}

QJsonObject shapesJson(const ShapeSettings &settings)
{
    return {{QStringLiteral("shapes"), answerShapesName(settings.shapes)},
            {QStringLiteral("status_only"), settings.statusOnly}};
}

// POST /__admin/shapes {"shapes": "live"|"published", "status_only": true|false}, both
// optional: what is not given stays.
ApiAnswer setShapes(Emulator &emulator, const QJsonObject &body)
{
    ShapeSettings settings = emulator.shapeSettings();
    const QJsonValue shapes = body.value(QStringLiteral("shapes"));
    const QJsonValue statusOnly = body.value(QStringLiteral("status_only"));
    if ((!shapes.isUndefined() && !parseAnswerShapes(shapes.toString(), &settings.shapes)) ||
        (!statusOnly.isUndefined() && !statusOnly.isBool()))
        return ApiRouter::error(ApiError::invalidParameter(
            QStringLiteral("Expected {\"shapes\": \"live\"|\"published\", "
                           "\"status_only\": true|false} (both optional).")));
    if (statusOnly.isBool())
        settings.statusOnly = statusOnly.toBool();
    emulator.setShapeSettings(settings);
    return ApiRouter::json(shapesJson(settings));
}

} // namespace

bool isAdminPath(const QString &path)
{
    return path == QLatin1String("/__admin") || path.startsWith(QLatin1String("/__admin/"));
}

bool isLoopback(const QString &remoteAddress)
{
    return remoteAddress.startsWith(QLatin1String("127.")) ||
           remoteAddress == QLatin1String("::1") ||
           remoteAddress.startsWith(QLatin1String("::ffff:127."));
}

ApiAnswer handle(Emulator &emulator, const ApiRequest &request, bool fromLoopback)
{
    const QString route = request.path.mid(9); // after "/__admin/"
    const QString &method = request.method;
    auto notFound = [&] {
        return ApiRouter::error(
            {404, QStringLiteral("ENDPOINT_NOT_FOUND"),
             QStringLiteral("No API found for '%1 %2'").arg(request.method, request.path)});
    };
    if (!fromLoopback)
        return notFound();
    if (request.authorization != QStringLiteral("Bearer ") + emulator.adminToken())
        return ApiRouter::error({401, QStringLiteral("UNAUTHENTICATED"),
                                 QStringLiteral("The admin routes need "
                                                "'Authorization: Bearer <admin token>'.")});

    if (route == QLatin1String("faults")) {
        if (method == QLatin1String("GET"))
            return ApiRouter::json(emulator.faultPlan().toJson());
        if (method == QLatin1String("DELETE")) {
            emulator.clearFaultPlan();
            return ApiRouter::json({});
        }
        if (method == QLatin1String("POST") || method == QLatin1String("PUT")) {
            QString error;
            const std::optional<FaultPlan> plan =
                FaultPlan::parse(QString::fromUtf8(request.body), &error);
            if (!plan)
                return ApiRouter::error(ApiError::invalidParameter(error));
            emulator.setFaultPlan(*plan);
            return ApiRouter::json(plan->toJson());
        }
    } else if (route == QLatin1String("stats") && method == QLatin1String("GET")) {
        return ApiRouter::json(statsJson(emulator.stats()));
    } else if (route == QLatin1String("requests")) {
        if (method == QLatin1String("GET"))
            return ApiRouter::json(logJson(emulator.requestLog()));
        if (method == QLatin1String("DELETE")) {
            emulator.clearRequestLog();
            return ApiRouter::json({});
        }
    } else if (route == QLatin1String("token") && method == QLatin1String("POST")) {
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        const QString token = body.value(QStringLiteral("token")).toString();
        static const QRegularExpression printable(QStringLiteral("^[!-~]{1,1024}$"));
        if (!printable.match(token).hasMatch())
            return ApiRouter::error(ApiError::invalidParameter(
                QStringLiteral("Expected {\"token\": \"...\"} with a token of printable ASCII "
                               "characters and no spaces.")));
        emulator.setToken(token);
        return ApiRouter::json({});
    } else if (route == QLatin1String("shapes")) {
        if (method == QLatin1String("GET"))
            return ApiRouter::json(shapesJson(emulator.shapeSettings()));
        if (method == QLatin1String("POST"))
            return setShapes(emulator, QJsonDocument::fromJson(request.body).object());
    } else if (route == QLatin1String("job-runs") && method == QLatin1String("POST")) {
        qint64 runId = 0;
        QString error;
        if (!emulator.createJobRun(QJsonDocument::fromJson(request.body).object(), &runId, &error))
            return ApiRouter::error(ApiError::invalidParameter(error));
        return ApiRouter::json({{QStringLiteral("run_id"), static_cast<double>(runId)}});
    } else if (route.startsWith(QLatin1String("oauth/"))) {
        bool handled = false;
        ApiAnswer answer = handleOAuth(emulator, request, route.mid(6), &handled);
        if (handled)
            return answer;
    }
    return notFound();
}

} // namespace Brickrun::Emulator::AdminApi
