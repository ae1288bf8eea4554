// SPDX-License-Identifier: Apache-2.0
#pragma once

// The demo workspace: an HTTP server on loopback that speaks the Databricks REST API.
// Written from docs/ and the API facts, never from the client's code: it must not include
// or link brickrun_core, so a misunderstanding in one is caught by the other.

#include "AnswerShapes.h"
#include "FaultPlan.h"
#include "OAuthServer.h"
#include "RequestLog.h"

#include <QList>
#include <QString>

#include <memory>

namespace Brickrun::Emulator {

struct EmulatorOptions
{
    QString bindAddress = QStringLiteral("127.0.0.1");
    quint16 port = 0;      // 0 = any free port; port() tells which one after start()
    QString token;         // empty = generate a random one; token() tells
    double speed = 1.0;    // simulated seconds per real second (>= 0.001)
    QString workspaceFile; // empty = the built-in demo workspace (resources)
    // Optional: runs are loaded from and saved to this JSON file, which several processes may
    // share (they lock it, see StateFile.h). It and its own folder are made private; a damaged
    // file is moved aside (setAsideStateFile()) and the emulator starts without runs.
    QString stateFile;
    // HTTPS: a PEM certificate (chain) and its PEM private key; both or neither. baseUrl()
    // then starts with https://, so the certificate must name the bind address (127.0.0.1).
    QString tlsCertificateFile;
    QString tlsKeyFile;
    QString adminToken; // for /__admin/...; empty = the token as given or generated at start

    // What the answers carry (AnswerShapes.h, docs/demo-workspace.md "Answer shapes"): Live,
    // the default, sends what the live service sends; Published only what the published API
    // description declares (the conformance test).
    AnswerShapes shapes = AnswerShapes::Live;
    bool statusOnly = false; // live: every run answers `status` without `state`
    // The Jobs API versions served; a request for another answers 404 "Bad Target".
    QStringList jobsApiVersions = knownJobsApiVersions();

    // OAuth sign-in (docs/demo-workspace.md, "OAuth sign-in"). Access tokens live this many
    // simulated seconds; "expires_in" says max(1, round(lifetime / speed)) real seconds.
    qint64 tokenLifetimeSeconds = 3600;
    bool rotateRefreshTokens = true; // a refresh answers a new refresh token, the old one dies
    bool autoApproveConsent = false; // GET /oidc/v1/authorize redirects with a code at once
    QString oauthUserName;           // whom U2M tokens sign in; empty = the workspace's user
    QList<ServicePrincipal> servicePrincipals; // for client_credentials and the Entra route
};

class Emulator
{
public:
    explicit Emulator(EmulatorOptions options = {});
    ~Emulator(); // stops the server and joins its thread
    Emulator(const Emulator &) = delete;
    Emulator &operator=(const Emulator &) = delete;

    // Loads the workspace definition, binds and serves on its own thread.
    // Returns false with a readable reason in *error when it cannot.
    bool start(QString *error = nullptr);
    void stop();
    bool isRunning() const;

    quint16 port() const;
    QString baseUrl() const; // "http://127.0.0.1:PORT" or "https://…", no trailing slash
    bool usesTls() const;
    QString token() const;
    // Requests need this token from now on; a token revoked by the fault plan works again.
    void setToken(const QString &token);
    QString adminToken() const;
    double speed() const;

    // Misbehave on purpose (docs/demo-workspace.md, "Fault plans"). Replaces the plan in force:
    // sequences start over, rates are re-seeded; the runs it names are deleted at once (or at
    // start() when not running yet). Answers under a plan are deliberately non-conforming.
    void setFaultPlan(const FaultPlan &plan);
    void clearFaultPlan();
    FaultPlan faultPlan() const;

    // For tests: every request but the admin routes (the last 10000), and counters.
    QList<RequestLogEntry> requestLog() const;
    EmulatorStats stats() const;
    void clearRequestLog(); // the log and the request and fault counters

    // Where start() moved a damaged state file ("<file>.damaged-<stamp>"); empty when it did
    // not. start() also says so on stderr (logging category brickrun.emulator.state).
    QString setAsideStateFile() const;

    // For tests: how many runs runs/submit has created so far (idempotent repeats not counted).
    int createdRunCount() const;

    // Answer shapes from now on (the /__admin/shapes route does the same over HTTP).
    void setShapeSettings(const ShapeSettings &settings);
    ShapeSettings shapeSettings() const;
    // A JOB_RUN of the demo job with many notebook tasks, as POST /__admin/job-runs makes it
    // (see RunEngine::createJobRun); false with a reason in *error when the request is bad or
    // the emulator is not started.
    bool createJobRun(const QJsonObject &request, qint64 *runId, QString *error = nullptr);

    // For tests: the simulated clock (epoch ms) and a jump ahead on it, e.g. to finish a
    // notebook that takes simulated minutes without waiting.
    qint64 simulatedNowMs() const;
    void advanceSimulatedTime(qint64 milliseconds);

    // OAuth sign-in, for tests (the /__admin/oauth/... routes do the same over HTTP).
    void addServicePrincipal(const ServicePrincipal &principal); // replaces one with its id
    // Revokes the refresh token, those rotated from the same sign-in and their access tokens;
    // false when it is unknown.
    bool revokeRefreshToken(const QString &refreshToken);
    // Revokes every refresh token and every OAuth access token issued so far.
    void revokeAllOAuthTokens();
    void expireAccessTokens(); // every OAuth access token issued so far is expired now
    void setAutoApproveConsent(bool autoApprove);
    void setRotateRefreshTokens(bool rotate);
    OAuthStats oauthStats() const;

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace Brickrun::Emulator
