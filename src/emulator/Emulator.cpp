// SPDX-License-Identifier: Apache-2.0
#include "Emulator.h"

#include "AdminApi.h"
#include "ApiRouter.h"
#include "FaultInjector.h"
#include "HttpFaults.h"
#include "RunEngine.h"
#include "WorkspaceDefinition.h"
#include "WorkspaceFiles.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUrl>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <httplib.h>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initEmulatorResources()
{
    Q_INIT_RESOURCE(emulator_resources);
}

namespace Brickrun::Emulator {

namespace {

const QString kBuiltInWorkspace = QStringLiteral(":/brickrun/emulator/demo-workspace.json");
// The service's limit is 10 MB; workspace/import's 10 MB of content is ~13.4 MB as base64
// (past it, the import's own MAX_NOTEBOOK_SIZE_EXCEEDED, not a 413).
constexpr size_t kMaxRequestBytes = 14 * 1024 * 1024;
// cpp-httplib compresses a body (brotli before gzip) whenever the client accepts it: seconds
// of CPU for big_output's 5 MB, long enough for clients to time out. Bodies from this size on
// go out as they are (cpp-httplib never compresses a content provider of known length).
constexpr qsizetype kMaxCompressedBytes = 256 * 1024;

QString generatedToken()
{
    QString token = QStringLiteral("dapi");
    for (int i = 0; i < 32; ++i)
        token.append(QString::number(QRandomGenerator::system()->bounded(16), 16));
    return token;
}

} // namespace

class Emulator::Private
{
public:
    explicit Private(EmulatorOptions o)
        : options(std::move(o))
    {}

    static void answer(httplib::Response &response, const ApiAnswer &answer)
    {
        response.status = answer.status;
        for (const auto &header : answer.headers)
            response.set_header(header.first.toStdString(), header.second.toStdString());
        setBody(response, answer.body, answer.contentType);
    }

    // The body, compressed by cpp-httplib when the client accepts it and it is small.
    static void setBody(httplib::Response &response, const QByteArray &body,
                        const QByteArray &contentType)
    {
        if (body.size() < kMaxCompressedBytes) {
            response.set_content(body.toStdString(), contentType.toStdString());
            return;
        }
        const auto data = std::make_shared<const std::string>(body.toStdString());
        response.set_content_provider(
            data->size(), contentType.toStdString(),
            [data](size_t offset, size_t length, httplib::DataSink &sink) {
                return sink.write(data->data() + offset, std::min(length, data->size() - offset));
            });
    }

    // The router's answer; deletes the run a submit created when the plan says so.
    ApiAnswer process(const ApiRequest &request)
    {
        if (OAuthServer::handles(request.path))
            return oauth->handle(request);
        const ApiAnswer answer = router->handle(request);
        if (answer.createdRunId != 0 && faults.takeNextRunDeletion() &&
            engine->deleteRun(answer.createdRunId))
            faults.countFault(QStringLiteral("run-deleted"));
        return answer;
    }

    void applyRunDeletions()
    {
        if (!engine)
            return;
        for (qint64 id : faults.takeRunDeletions()) {
            if (engine->deleteRun(id))
                faults.countFault(QStringLiteral("run-deleted"));
        }
    }

    // Answers with the fault; returns the status sent (0 = none).
    int injectFault(const Fault &fault, const httplib::Request &request,
                    httplib::Response &response, const ApiRequest &apiRequest)
    {
        std::optional<ApiAnswer> processed;
        auto real = [&]() -> const ApiAnswer & {
            if (!processed)
                processed = process(apiRequest);
            return *processed;
        };
        if (fault.afterProcessing)
            real();
        switch (fault.kind) {
        case Fault::Kind::Status: {
            answer(response, ApiRouter::error(
                                 {fault.status,
                                  fault.errorCode.isEmpty() ? Fault::defaultErrorCode(fault.status)
                                                            : fault.errorCode,
                                  fault.message.isEmpty() ? Fault::defaultMessage(fault.status)
                                                          : fault.message}));
            if (fault.retryAfterSeconds >= 0)
                response.set_header("Retry-After", std::to_string(fault.retryAfterSeconds));
            return fault.status;
        }
        case Fault::Kind::Html:
            response.status = fault.status;
            response.set_content(HttpFaults::proxyPage(fault.status).toStdString(), "text/html");
            if (fault.retryAfterSeconds >= 0)
                response.set_header("Retry-After", std::to_string(fault.retryAfterSeconds));
            return fault.status;
        case Fault::Kind::Reset:
            HttpFaults::resetConnection(request, response);
            return 0;
        case Fault::Kind::ResetBody: {
            const ApiAnswer &a = real();
            HttpFaults::setCutBody(response, a.status, a.body, a.contentType,
                                   fault.bodyBytes >= 0 ? fault.bodyBytes : a.body.size() / 2);
            return a.status;
        }
        case Fault::Kind::Stall:
            if (!HttpFaults::stall(fault.stallMs, stopping) ||
                fault.stallEnd == Fault::StallEnd::Close) {
                HttpFaults::resetConnection(request, response);
                return 0;
            }
            answer(response, real());
            return response.status;
        case Fault::Kind::Truncated: {
            const ApiAnswer &a = real();
            response.status = 200;
            setBody(response, a.body.left(a.body.size() / 2), a.contentType);
            return 200;
        }
        case Fault::Kind::Malformed:
            response.status = 200;
            response.set_content(HttpFaults::malformedJson().toStdString(), "application/json");
            return 200;
        case Fault::Kind::LoginPage:
            response.status = 200;
            response.set_content(HttpFaults::loginPage().toStdString(), "text/html; charset=utf-8");
            return 200;
        case Fault::Kind::Redirect: {
            QString location = fault.location;
            if (QUrl(location).path().isEmpty())
                location += QString::fromStdString(request.target);
            response.status = fault.status;
            response.set_header("Location", location.toStdString());
            return fault.status;
        }
        }
        return 0;
    }

    void serve(const httplib::Request &request, httplib::Response &response)
    {
        ApiRequest apiRequest;
        apiRequest.method = QString::fromStdString(request.method);
        apiRequest.path = QString::fromStdString(request.path);
        for (const auto &param : request.params)
            apiRequest.query.insert(QString::fromStdString(param.first),
                                    QString::fromStdString(param.second));
        apiRequest.authorization =
            QString::fromStdString(request.get_header_value("Authorization"));
        apiRequest.contentType = QString::fromStdString(request.get_header_value("Content-Type"));
        apiRequest.body = QByteArray::fromStdString(request.body);

        if (AdminApi::isAdminPath(apiRequest.path)) {
            answer(response, AdminApi::handle(*owner, apiRequest,
                                              AdminApi::isLoopback(
                                                  QString::fromStdString(request.remote_addr))));
            return;
        }

        RequestLogEntry entry;
        entry.method = apiRequest.method;
        entry.path = apiRequest.path;
        entry.route = FaultPlan::routeOf(apiRequest.path);
        entry.authorizationPresent = request.has_header("Authorization");
        entry.tokenMatched = router->credentialAccepted(apiRequest.authorization);
        const bool isApi = apiRequest.path.startsWith(QLatin1String("/api/"));
        const FaultInjector::Decision decision =
            faults.next(isApi ? entry.route : apiRequest.path, isApi);
        if (decision.tokenRevoked) {
            entry.fault = QStringLiteral("revoked-token");
            answer(response,
                   router->unauthenticated(apiRequest, QStringLiteral("Invalid access token.")));
            entry.status = response.status;
        } else if (decision.fault) {
            entry.fault = decision.fault->name();
            entry.status = injectFault(*decision.fault, request, response, apiRequest);
        } else {
            answer(response, process(apiRequest));
            entry.status = response.status;
        }
        faults.finish(entry);
    }

    Emulator *owner = nullptr;
    EmulatorOptions options;
    mutable std::mutex tokenMutex; // options.token can change while serving
    WorkspaceDefinition workspace;
    FaultInjector faults;
    std::unique_ptr<RunEngine> engine;
    std::unique_ptr<ApiRouter> router;
    std::unique_ptr<OAuthServer> oauth;
    std::unique_ptr<httplib::Server> server;
    std::thread thread;
    std::atomic<bool> running{false};
    std::atomic<bool> stopping{false}; // ends stalls at once
    quint16 port = 0;
};

Emulator::Emulator(EmulatorOptions options)
    : d(std::make_unique<Private>(std::move(options)))
{
    initEmulatorResources();
    d->owner = this;
    if (d->options.token.isEmpty())
        d->options.token = generatedToken();
    if (d->options.adminToken.isEmpty())
        d->options.adminToken = d->options.token;
    OAuthSettings settings;
    settings.tokenLifetimeSeconds = std::max<qint64>(1, d->options.tokenLifetimeSeconds);
    settings.speed = d->options.speed;
    settings.rotateRefreshTokens = d->options.rotateRefreshTokens;
    settings.autoApproveConsent = d->options.autoApproveConsent;
    settings.userName = d->options.oauthUserName;
    settings.servicePrincipals = d->options.servicePrincipals;
    Private *p = d.get();
    d->oauth = std::make_unique<OAuthServer>(settings, [p] {
        return p->engine ? p->engine->nowMs() : QDateTime::currentMSecsSinceEpoch();
    });
}

Emulator::~Emulator()
{
    stop();
}

bool Emulator::start(QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (d->running)
        return true;
    if (!(d->options.speed >= 0.001))
        return fail(QStringLiteral("speed must be at least 0.001, got %1").arg(d->options.speed));
    QString reason;
    const QString file =
        d->options.workspaceFile.isEmpty() ? kBuiltInWorkspace : d->options.workspaceFile;
    if (!d->workspace.loadFile(file, &reason))
        return fail(reason);
    for (const QString &version : d->options.jobsApiVersions) {
        if (!knownJobsApiVersions().contains(version))
            return fail(QStringLiteral("Jobs API version %1 is not one the emulator can serve (%2)")
                            .arg(version, knownJobsApiVersions().join(QStringLiteral(", "))));
    }
    if (d->options.jobsApiVersions.isEmpty())
        return fail(QStringLiteral("no Jobs API version to serve"));
    d->engine = std::make_unique<RunEngine>(d->workspace, d->options.speed, d->options.stateFile);
    d->engine->setShapes({d->options.shapes, d->options.statusOnly});
    if (!d->engine->loadState(&reason))
        return fail(reason);
    d->router = std::make_unique<ApiRouter>(d->workspace, *d->engine, token(), d->oauth.get(),
                                            d->options.jobsApiVersions);
    if (!d->options.stateFile.isEmpty()) // what users write is shared like the runs
        d->router->setWorkspaceFiles(std::make_shared<WorkspaceFiles>(
            d->workspace, d->options.stateFile + QStringLiteral(".workspace-files")));
    if (d->options.oauthUserName.isEmpty() || d->options.oauthUserName == d->workspace.userName())
        d->oauth->setUser(d->workspace.userName(), d->workspace.displayName());
    d->applyRunDeletions();

    if (usesTls()) {
        if (d->options.tlsCertificateFile.isEmpty() || d->options.tlsKeyFile.isEmpty())
            return fail(QStringLiteral("HTTPS needs both a certificate and a key file"));
        for (const QString &pem : {d->options.tlsCertificateFile, d->options.tlsKeyFile}) {
            if (!QFileInfo(pem).isReadable())
                return fail(QStringLiteral("cannot read '%1'").arg(pem));
        }
        auto sslServer = std::make_unique<httplib::SSLServer>(
            QFile::encodeName(d->options.tlsCertificateFile).constData(),
            QFile::encodeName(d->options.tlsKeyFile).constData());
        if (!sslServer->is_valid())
            return fail(QStringLiteral("cannot use the TLS certificate '%1' with the key '%2' "
                                       "(not PEM, or the key does not belong to it)")
                            .arg(d->options.tlsCertificateFile, d->options.tlsKeyFile));
        d->server = std::move(sslServer);
    } else {
        d->server = std::make_unique<httplib::Server>();
    }
    httplib::Server &server = *d->server;
    server.set_payload_max_length(kMaxRequestBytes);
    server.set_keep_alive_max_count(1000);
    // Short, so stop() does not wait long for idle keep-alive connections to time out.
    server.set_keep_alive_timeout(1);
    // Answer at once: without it, Nagle and delayed ACKs add ~40 ms to every answer.
    server.set_tcp_nodelay(true);
    const auto handler = [this](const httplib::Request &request, httplib::Response &response) {
        d->serve(request, response);
    };
    server.Get(".*", handler);
    server.Post(".*", handler);
    server.Put(".*", handler);
    server.Patch(".*", handler);
    server.Delete(".*", handler);
    server.Options(".*", handler);

    const std::string host = d->options.bindAddress.toStdString();
    int port = d->options.port;
    if (port == 0) {
        port = server.bind_to_any_port(host);
        if (port <= 0)
            return fail(
                QStringLiteral("cannot listen on %1: no free port").arg(d->options.bindAddress));
    } else if (!server.bind_to_port(host, port)) {
        return fail(QStringLiteral("cannot listen on %1:%2 (address in use or not available)")
                        .arg(d->options.bindAddress)
                        .arg(port));
    }
    d->port = static_cast<quint16>(port);
    d->engine->setBaseUrl(baseUrl());
    d->oauth->setBaseUrl(baseUrl());
    d->running = true;
    d->thread = std::thread([this] { d->server->listen_after_bind(); });
    // httplib's stop() does nothing until listen_after_bind() has marked the server running, so
    // a stop() right after start() would leave the thread listening and join() waiting for
    // ever. Return only once it runs (the socket is bound: connections queue meanwhile).
    for (int waited = 0; !d->server->is_running() && waited < 10000; ++waited)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return true;
}

void Emulator::stop()
{
    if (!d->running)
        return;
    d->stopping = true;
    d->server->stop();
    if (d->thread.joinable())
        d->thread.join();
    d->stopping = false;
    d->running = false;
    d->engine->saveClock();
}

bool Emulator::isRunning() const
{
    return d->running;
}

quint16 Emulator::port() const
{
    return d->port;
}

QString Emulator::baseUrl() const
{
    QString host = d->options.bindAddress;
    if (host == QLatin1String("0.0.0.0"))
        host = QStringLiteral("127.0.0.1");
    else if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return QStringLiteral("%1://%2:%3")
        .arg(usesTls() ? QStringLiteral("https") : QStringLiteral("http"), host)
        .arg(d->port);
}

bool Emulator::usesTls() const
{
    return !d->options.tlsCertificateFile.isEmpty() || !d->options.tlsKeyFile.isEmpty();
}

QString Emulator::token() const
{
    std::lock_guard<std::mutex> lock(d->tokenMutex);
    return d->options.token;
}

void Emulator::setToken(const QString &token)
{
    {
        std::lock_guard<std::mutex> lock(d->tokenMutex);
        d->options.token = token;
    }
    if (d->router)
        d->router->setToken(token);
    d->faults.liftRevocation();
}

QString Emulator::adminToken() const
{
    return d->options.adminToken;
}

void Emulator::setFaultPlan(const FaultPlan &plan)
{
    d->faults.setPlan(plan);
    if (d->running)
        d->applyRunDeletions();
}

void Emulator::clearFaultPlan()
{
    d->faults.setPlan(FaultPlan());
}

FaultPlan Emulator::faultPlan() const
{
    return d->faults.plan();
}

QList<RequestLogEntry> Emulator::requestLog() const
{
    return d->faults.requestLog();
}

EmulatorStats Emulator::stats() const
{
    EmulatorStats stats = d->faults.stats();
    stats.createdRuns = createdRunCount();
    return stats;
}

void Emulator::clearRequestLog()
{
    d->faults.clearTraffic();
}

double Emulator::speed() const
{
    return d->options.speed;
}

QString Emulator::setAsideStateFile() const
{
    return d->engine ? d->engine->setAsideStateFile() : QString();
}

int Emulator::createdRunCount() const
{
    return d->engine ? d->engine->createdRunCount() : 0;
}

void Emulator::setShapeSettings(const ShapeSettings &settings)
{
    d->options.shapes = settings.shapes;
    d->options.statusOnly = settings.statusOnly;
    if (d->engine)
        d->engine->setShapes(settings);
}

ShapeSettings Emulator::shapeSettings() const
{
    return d->engine ? d->engine->shapes()
                     : ShapeSettings{d->options.shapes, d->options.statusOnly};
}

bool Emulator::createJobRun(const QJsonObject &request, qint64 *runId, QString *error)
{
    if (!d->engine) {
        if (error)
            *error = QStringLiteral("the emulator is not started");
        return false;
    }
    const ApiError failure = d->engine->createJobRun(request, runId);
    if (failure.isError() && error)
        *error = failure.message;
    return !failure.isError();
}

void Emulator::advanceSimulatedTime(qint64 milliseconds)
{
    if (d->engine)
        d->engine->advance(milliseconds);
}

qint64 Emulator::simulatedNowMs() const
{
    return d->engine ? d->engine->nowMs() : 0;
}

void Emulator::addServicePrincipal(const ServicePrincipal &principal)
{
    d->oauth->addServicePrincipal(principal);
}

bool Emulator::revokeRefreshToken(const QString &refreshToken)
{
    return d->oauth->revokeRefreshToken(refreshToken);
}

void Emulator::revokeAllOAuthTokens()
{
    d->oauth->revokeAll();
}

void Emulator::expireAccessTokens()
{
    d->oauth->expireAccessTokens();
}

void Emulator::setAutoApproveConsent(bool autoApprove)
{
    d->oauth->setAutoApproveConsent(autoApprove);
}

void Emulator::setRotateRefreshTokens(bool rotate)
{
    d->oauth->setRotateRefreshTokens(rotate);
}

OAuthStats Emulator::oauthStats() const
{
    return d->oauth->stats();
}

} // namespace Brickrun::Emulator
