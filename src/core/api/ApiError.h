// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

#include <chrono>

namespace Brickrun {

// What went wrong with a call to the service, in a form both a program and a person can use.
// Built from every kind of body a server or proxy may send: Databricks JSON
// ({"error_code","message"}), {"error": …}, SCIM ({"detail","status"}), HTML, plain text, empty.
struct ApiError
{
    enum class Kind
    {
        None,
        Network,     // connection refused, reset, host not found…
        Timeout,     // no answer within the transfer timeout
        Tls,         // certificate or handshake problem; never ignored
        Http,        // the server answered with an error status
        BadResponse, // 2xx, but not the JSON we can read
        InvalidInput // rejected before sending (e.g. a bad host URL)
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString errorCode; // e.g. INVALID_PARAMETER_VALUE; empty when the body had none
    QString message;   // the server's message, or a description of the failure
    std::chrono::milliseconds retryAfter{-1}; // from Retry-After, -1 when absent

    bool isError() const { return kind != Kind::None; }
    bool isAuthentication() const { return kind == Kind::Http && httpStatus == 401; }
    bool isPermission() const { return kind == Kind::Http && httpStatus == 403; }
    // The service refused what was asked (4xx other than auth, throttling and conflicts).
    bool isClientError() const;
    // The failure may go away by itself (throttling, unavailable, network, timeout…).
    bool isTransient() const;
    // The workspace does not serve the API path asked for: 404 ENDPOINT_NOT_FOUND, or the
    // gateway's {"error": "Bad Target: /api/2.2/…"} (an API version it does not serve).
    bool isEndpointNotServed() const;

    // One line a person can read, e.g. "HTTP 400 INVALID_PARAMETER_VALUE: Run 5 does not exist."
    QString toString() const;
    // A service's text quoted in parentheses inside a sentence of ours: without its own final
    // full stop, so that "(Invalid access token.)." reads "(Invalid access token)."
    static QString inParentheses(const QString &text);

    static ApiError fromHttp(int status, const QByteArray &body, const QByteArray &contentType,
                             const QByteArray &retryAfterHeader = {});
    static ApiError network(const QString &message);
    static ApiError timeout(const QString &message);
    static ApiError tls(const QString &message);
    static ApiError badResponse(const QString &message);
    static ApiError invalidInput(const QString &message);

    // Parses a Retry-After value (delta-seconds or an HTTP date); -1 ms when absent or unreadable.
    static std::chrono::milliseconds parseRetryAfter(const QByteArray &value);
};

} // namespace Brickrun
