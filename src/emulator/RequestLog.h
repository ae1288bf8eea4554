// SPDX-License-Identifier: Apache-2.0
#pragma once

// What the demo workspace saw: one entry per request (admin routes excepted) and counters, for
// tests that check what a client sent, how often it retried and which faults it met.

#include <QList>
#include <QMap>
#include <QString>

namespace Brickrun::Emulator {

struct RequestLogEntry
{
    QString method;
    QString path;                      // without the query
    QString route;                     // "runs/get", ...; empty outside /api/
    bool authorizationPresent = false; // an Authorization header was sent
    bool tokenMatched = false; // "Bearer <the expected token>" or "Bearer <an OAuth access token
                               // in force>" (the token is not kept)
    QString fault;             // the injected fault's name ("503", "reset", ...); empty = none
    int status = 0;            // the status answered; 0 = the connection closed without one
};

struct EmulatorStats
{
    int requests = 0;                   // every request but the admin routes
    QMap<QString, int> requestsByRoute; // by route name; a path outside /api/ by its path
    QMap<QString, int> faultsByKind;    // by fault name, plus "revoked-token" and "run-deleted"
    int createdRuns = 0;                // runs runs/submit created (idempotent repeats not counted)
};

} // namespace Brickrun::Emulator
