// SPDX-License-Identifier: Apache-2.0
// brickrun-emulator: the demo workspace as a standalone server.
//
// Prints its base URL as the first line of stdout (with --bind 0.0.0.0 or ::, this machine's
// name; any address but loopback also warns on stderr that other machines can reach it), then
// "token: <token>" when it generated the token (none given in BRICKRUN_EMULATOR_TOKEN), and serves
// until SIGINT or SIGTERM. BRICKRUN_EMULATOR_ADMIN_TOKEN sets the token of the /__admin/ routes
// (default: the token).

#include "Emulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <optional>
#include <thread>

namespace {

std::atomic<bool> g_stopRequested{false};

extern "C" void requestStop(int)
{
    g_stopRequested = true;
}

int usageError(const QString &message)
{
    std::fprintf(stderr, "brickrun-emulator: %s\nTry 'brickrun-emulator --help'.\n",
                 qPrintable(message));
    return 2;
}

bool isLoopback(const QString &address)
{
    return address.startsWith(QLatin1String("127.")) || address == QLatin1String("::1") ||
           address == QLatin1String("localhost");
}

bool isEveryInterface(const QString &address)
{
    return address == QLatin1String("0.0.0.0") || address == QLatin1String("::");
}

// The URL to print: the bind address, or for every interface this machine's name (what other
// machines use; 127.0.0.1 still works here).
QString announcedUrl(const Brickrun::Emulator::Emulator &emulator, const QString &bindAddress)
{
    if (!isEveryInterface(bindAddress))
        return emulator.baseUrl();
    QString host = QSysInfo::machineHostName();
    if (host.isEmpty())
        return emulator.baseUrl();
    return QStringLiteral("%1://%2:%3")
        .arg(emulator.usesTls() ? QStringLiteral("https") : QStringLiteral("http"), host)
        .arg(emulator.port());
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("brickrun-emulator"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BRICKRUN_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Brickrun demo workspace: serves the Databricks REST API (jobs runs, clusters, "
        "workspace list, SCIM Me) and OAuth sign-in (U2M, M2M, Entra ID client secret) on "
        "loopback with simulated runs.\n"
        "The bearer token is read from BRICKRUN_EMULATOR_TOKEN, or generated and printed."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption portOption(
        QStringLiteral("port"), QStringLiteral("TCP port to listen on (0 = any free port)."),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption workspaceOption(
        QStringLiteral("workspace"),
        QStringLiteral("Workspace definition JSON (default: the built-in demo workspace)."),
        QStringLiteral("FILE"));
    const QCommandLineOption speedOption(
        QStringLiteral("speed"), QStringLiteral("Simulated seconds per real second (default 1)."),
        QStringLiteral("X"), QStringLiteral("1"));
    const QCommandLineOption stateOption(
        QStringLiteral("state"), QStringLiteral("Load runs from and save them to this JSON file."),
        QStringLiteral("FILE"));
    const QCommandLineOption bindOption(QStringLiteral("bind"),
                                        QStringLiteral("Address to listen on (default 127.0.0.1)."),
                                        QStringLiteral("ADDR"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption faultsOption(
        QStringLiteral("faults"),
        QStringLiteral("Fault plan: text form (runs/get:503x2,429@retry=3;runs/submit:reset-after),"
                       " JSON, or @FILE holding either. See docs/demo-workspace.md."),
        QStringLiteral("SPEC"));
    const QCommandLineOption tlsCertOption(
        QStringLiteral("tls-cert"),
        QStringLiteral("Serve HTTPS with this PEM certificate (needs --tls-key)."),
        QStringLiteral("FILE"));
    const QCommandLineOption tlsKeyOption(QStringLiteral("tls-key"),
                                          QStringLiteral("The PEM private key of --tls-cert."),
                                          QStringLiteral("FILE"));
    const QCommandLineOption tokenLifetimeOption(
        QStringLiteral("token-lifetime"),
        QStringLiteral("Lifetime of OAuth access tokens in simulated seconds (default 3600)."),
        QStringLiteral("S"), QStringLiteral("3600"));
    const QCommandLineOption autoApproveOption(
        QStringLiteral("oauth-auto-approve"),
        QStringLiteral("OAuth sign-in: skip the consent page, redirect with a code at once."));
    const QCommandLineOption noRotationOption(
        QStringLiteral("no-refresh-rotation"),
        QStringLiteral("OAuth: a refresh keeps the refresh token instead of issuing a new one."));
    const QCommandLineOption shapesOption(
        QStringLiteral("shapes"),
        QStringLiteral("Answer shapes: live (default), what the live service sends, or "
                       "published, only what the published API description declares."),
        QStringLiteral("live|published"), QStringLiteral("live"));
    const QCommandLineOption statusOnlyOption(
        QStringLiteral("status-only"),
        QStringLiteral("Live shapes: runs answer `status` without `state`."));
    const QCommandLineOption versionsOption(
        QStringLiteral("jobs-api-versions"),
        QStringLiteral("Jobs API versions to serve, a comma list of 2.1 and 2.2 (default both); "
                       "others answer 404 \"Bad Target\"."),
        QStringLiteral("LIST"), QStringLiteral("2.1,2.2"));
    parser.addOptions({portOption, workspaceOption, speedOption, stateOption, bindOption,
                       faultsOption, tlsCertOption, tlsKeyOption, tokenLifetimeOption,
                       autoApproveOption, noRotationOption, shapesOption, statusOnlyOption,
                       versionsOption});

    if (!parser.parse(QCoreApplication::arguments()))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument '%1'")
                              .arg(parser.positionalArguments().constFirst()));

    Brickrun::Emulator::EmulatorOptions options;
    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535)
        return usageError(QStringLiteral("--port: '%1' is not a port number (0-65535)")
                              .arg(parser.value(portOption)));
    options.port = static_cast<quint16>(port);
    options.speed = parser.value(speedOption).toDouble(&ok);
    if (!ok || !(options.speed >= 0.001) || options.speed > 1e6)
        return usageError(QStringLiteral("--speed: '%1' is not a speed; use a number from "
                                         "0.001 to 1000000")
                              .arg(parser.value(speedOption)));
    options.tokenLifetimeSeconds = parser.value(tokenLifetimeOption).toLongLong(&ok);
    if (!ok || options.tokenLifetimeSeconds < 1 || options.tokenLifetimeSeconds > 315360000)
        return usageError(QStringLiteral("--token-lifetime: '%1' is not a number of seconds "
                                         "(1-315360000)")
                              .arg(parser.value(tokenLifetimeOption)));
    if (!Brickrun::Emulator::parseAnswerShapes(parser.value(shapesOption), &options.shapes))
        return usageError(QStringLiteral("--shapes: '%1' is not live or published")
                              .arg(parser.value(shapesOption)));
    options.statusOnly = parser.isSet(statusOnlyOption);
    if (options.statusOnly && options.shapes != Brickrun::Emulator::AnswerShapes::Live)
        return usageError(QStringLiteral("--status-only needs --shapes live"));
    options.jobsApiVersions.clear();
    for (const QString &version :
         parser.value(versionsOption).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!Brickrun::Emulator::knownJobsApiVersions().contains(version.trimmed()))
            return usageError(QStringLiteral("--jobs-api-versions: '%1' is not 2.1 or 2.2")
                                  .arg(version.trimmed()));
        if (!options.jobsApiVersions.contains(version.trimmed()))
            options.jobsApiVersions.append(version.trimmed());
    }
    if (options.jobsApiVersions.isEmpty())
        return usageError(QStringLiteral("--jobs-api-versions: name at least one of 2.1, 2.2"));
    options.autoApproveConsent = parser.isSet(autoApproveOption);
    options.rotateRefreshTokens = !parser.isSet(noRotationOption);
    options.bindAddress = parser.value(bindOption);
    options.stateFile = parser.value(stateOption);
    if (parser.isSet(workspaceOption)) {
        options.workspaceFile = parser.value(workspaceOption);
        if (!QFileInfo(options.workspaceFile).isReadable())
            return usageError(
                QStringLiteral("--workspace: cannot read '%1'").arg(options.workspaceFile));
    }
    if (parser.isSet(tlsCertOption) != parser.isSet(tlsKeyOption))
        return usageError(QStringLiteral("--tls-cert and --tls-key go together"));
    options.tlsCertificateFile = parser.value(tlsCertOption);
    options.tlsKeyFile = parser.value(tlsKeyOption);
    std::optional<Brickrun::Emulator::FaultPlan> plan;
    if (parser.isSet(faultsOption)) {
        QString spec = parser.value(faultsOption);
        if (spec.startsWith(QLatin1Char('@'))) {
            QFile file(spec.mid(1));
            if (!file.open(QIODevice::ReadOnly))
                return usageError(QStringLiteral("--faults: cannot read '%1'").arg(spec.mid(1)));
            spec = QString::fromUtf8(file.readAll());
        }
        QString error;
        plan = Brickrun::Emulator::FaultPlan::parse(spec, &error);
        if (!plan)
            return usageError(QStringLiteral("--faults: %1").arg(error));
    }
    const QByteArray envToken = qgetenv("BRICKRUN_EMULATOR_TOKEN");
    options.token = QString::fromUtf8(envToken);
    options.adminToken = QString::fromUtf8(qgetenv("BRICKRUN_EMULATOR_ADMIN_TOKEN"));

    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);

    Brickrun::Emulator::Emulator emulator(options);
    if (plan)
        emulator.setFaultPlan(*plan);
    QString error;
    if (!emulator.start(&error))
        return usageError(error);
    const QString url = announcedUrl(emulator, options.bindAddress);
    if (!isLoopback(options.bindAddress)) {
        const QString where =
            isEveryInterface(options.bindAddress)
                ? QStringLiteral("every network interface (%1)").arg(options.bindAddress)
                : options.bindAddress;
        std::fprintf(stderr,
                     "brickrun-emulator: warning: listening on %s: the emulator is reachable "
                     "from other machines at %s, and anyone who has its token can submit, read "
                     "and cancel runs with it%s. On this machine: http%s://127.0.0.1:%u. Use "
                     "--bind 127.0.0.1 to keep it on this machine.\n",
                     qPrintable(where), qPrintable(url),
                     emulator.usesTls() ? "" : " (over plain HTTP: the token is not encrypted)",
                     emulator.usesTls() ? "s" : "", static_cast<unsigned>(emulator.port()));
        std::fflush(stderr);
    }
    std::printf("%s\n", qPrintable(url));
    if (envToken.isEmpty())
        std::printf("token: %s\n", qPrintable(emulator.token()));
    std::fflush(stdout);

    while (!g_stopRequested)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    emulator.stop();
    return 0;
}
