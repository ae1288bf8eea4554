#include "Emulator.h"

#include "ApiRouter.h"
#include "RunEngine.h"
#include "Workspace.h"

#include <QFile>
#include <QRandomGenerator>

#include <atomic>
#include <httplib.h>
#include <mutex>
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
constexpr size_t kMaxRequestBytes = 10 * 1024 * 1024 + 64 * 1024; // service limit: 10 MB

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
        apiRequest.body = QByteArray::fromStdString(request.body);
        const ApiAnswer answer = router->handle(apiRequest);
        response.status = answer.status;
        response.set_content(answer.body.toStdString(), answer.contentType.toStdString());
    }

    EmulatorOptions options;
    Workspace workspace;
    std::unique_ptr<RunEngine> engine;
    std::unique_ptr<ApiRouter> router;
    std::unique_ptr<httplib::Server> server;
    std::thread thread;
    std::atomic<bool> running{false};
    quint16 port = 0;
};

Emulator::Emulator(EmulatorOptions options)
    : d(std::make_unique<Private>(std::move(options)))
{
    initEmulatorResources();
    if (d->options.token.isEmpty())
        d->options.token = generatedToken();
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
    d->engine = std::make_unique<RunEngine>(d->workspace, d->options.speed, d->options.stateFile);
    if (!d->engine->loadState(&reason))
        return fail(reason);
    d->router = std::make_unique<ApiRouter>(d->workspace, *d->engine, d->options.token);

    d->server = std::make_unique<httplib::Server>();
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
    d->running = true;
    d->thread = std::thread([this] { d->server->listen_after_bind(); });
    return true;
}

void Emulator::stop()
{
    if (!d->running)
        return;
    d->server->stop();
    if (d->thread.joinable())
        d->thread.join();
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
    return QStringLiteral("http://%1:%2").arg(host).arg(d->port);
}

QString Emulator::token() const
{
    return d->options.token;
}

double Emulator::speed() const
{
    return d->options.speed;
}

int Emulator::createdRunCount() const
{
    return d->engine ? d->engine->createdRunCount() : 0;
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

} // namespace Brickrun::Emulator
