// SPDX-License-Identifier: Apache-2.0
#pragma once

// The wire side of the fault plan, on cpp-httplib: a connection reset without an answer, an
// answer whose body stops short, a stall that stop() can interrupt, and the pages a proxy or a
// sign-in redirect put where JSON was expected.

#include <QByteArray>

#include <atomic>
#include <httplib.h>

namespace Brickrun::Emulator::HttpFaults {

// Closes the request's connection at once with a TCP reset, so the client gets no answer; the
// server's own answer then goes nowhere. Where the socket cannot be found (Windows), sends the
// status line and headers of an answer with a 1-byte body and closes before the body instead.
void resetConnection(const httplib::Request &request, httplib::Response &response);

// The answer's status line and headers (Content-Length of the whole body), then the first
// `bytes` of the body, then the connection closes.
void setCutBody(httplib::Response &response, int status, const QByteArray &body,
                const QByteArray &contentType, qint64 bytes);

// Waits `ms` milliseconds; returns false early when *stopping becomes true.
bool stall(int ms, const std::atomic<bool> &stopping);

QByteArray proxyPage(int status); // nginx's error page for the status
QByteArray loginPage();           // an Entra ID (Azure AD) sign-in page
QByteArray malformedJson();       // looks like JSON, is not

} // namespace Brickrun::Emulator::HttpFaults
