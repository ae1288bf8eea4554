// SPDX-License-Identifier: Apache-2.0
#pragma once

// A fault plan for the demo workspace: which requests get a misbehaving answer (an error status,
// a proxy's HTML page, a reset connection, a stall, a cut or malformed body, a redirect), when
// the token stops working, and which runs disappear. A plain value; FaultInjector applies it.
// The text and JSON forms are described in docs/demo-workspace.md ("Fault plans").

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace Brickrun::Emulator {

struct Fault
{
    enum class Kind
    {
        Status,    // an HTTP error status with a Databricks JSON error body
        Html,      // an HTTP error status with a proxy's HTML page
        Reset,     // the connection is closed (RST) without an answer
        ResetBody, // the real answer's headers and part of its body, then the connection closes
        Stall,     // hold the request for stallMs, then close or answer
        Truncated, // 200, application/json, the real answer's body cut short
        Malformed, // 200, application/json, a body that is not JSON
        LoginPage, // 200, text/html, a sign-in page
        Redirect,  // 302/307 (redirectStatus) with Location: location
    };
    enum class StallEnd
    {
        Close,
        Answer
    };

    Kind kind = Kind::Status;
    int status = 503;             // Status, Html; Redirect: 301, 302, 303, 307 or 308
    QString errorCode;            // Status: empty = the usual code for the status
    QString message;              // Status: empty = a default message
    int retryAfterSeconds = -1;   // Status, Html: a Retry-After header when >= 0
    bool afterProcessing = false; // the request is processed (a submit creates its run) first
    int stallMs = 30000;          // Stall
    StallEnd stallEnd = StallEnd::Close;
    qint64 bodyBytes = -1; // ResetBody: body bytes sent before closing; -1 = half
    QString location;      // Redirect: an absolute URL; an origin alone keeps the path

    // The name in the text form and in the counters: "503", "html502", "reset", "reset-after",
    // "reset-body", "stall", "stall-after", "truncated", "malformed", "login", "redirect".
    QString name() const;
    // The text form of this fault, parameters included ("429@retry=3").
    QString toText() const;
    QJsonObject toJson() const;

    static constexpr int kMaxStallMs = 300000;
    // REQUEST_LIMIT_EXCEEDED for 429, TEMPORARILY_UNAVAILABLE for 503, ...
    static QString defaultErrorCode(int status);
    static QString defaultMessage(int status);
};

// What happens on one route: first the sequence, one fault per request in order; once it is
// used up, the rate (probability 0..1 per request, drawn from a generator seeded with seed)
// picks one of rateFaults, at most maxRateFaults times (-1 = no limit).
struct RouteFaults
{
    QList<Fault> sequence;
    double rate = 0.0;
    quint64 seed = 1;
    QList<Fault> rateFaults;
    int maxRateFaults = -1;

    bool isEmpty() const { return sequence.isEmpty() && (rate <= 0.0 || rateFaults.isEmpty()); }
};

class FaultPlan
{
public:
    // Route names: the path after /api/2.x/ without "jobs/": "runs/submit", "runs/get",
    // "runs/get-output", "runs/cancel", "runs/list", "clusters/list", "workspace/list",
    // "preview/scim/v2/Me"; "*" = every API request without a rule of its own that fired.
    static QStringList knownRoutes();
    // The route name of a request path ("/api/2.1/jobs/runs/get" -> "runs/get"), empty for a
    // path outside /api/.
    static QString routeOf(const QString &path);

    QMap<QString, RouteFaults> routes;
    int revokeTokenAfter = -1; // after this many API requests every request gets 401; -1 = never
    QList<qint64> deleteRuns;  // these runs (or the runs of these task runs) are deleted
    int deleteNextRuns = 0;    // the next N runs runs/submit creates are deleted after the answer

    bool isEmpty() const;

    // The text form ("runs/get:503x2,429@retry=3;runs/submit:reset-after") or, when the spec
    // starts with '{', the JSON form. nullopt with a message naming the problem in *error.
    static std::optional<FaultPlan> parse(const QString &spec, QString *error = nullptr);
    static std::optional<FaultPlan> fromJson(const QJsonObject &json, QString *error = nullptr);
    QJsonObject toJson() const;
    QString toText() const;
};

} // namespace Brickrun::Emulator
