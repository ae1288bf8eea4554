// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/Result.h"
#include "api/RetryPolicy.h"
#include "auth/Credentials.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>
#include <functional>

class QNetworkAccessManager;

namespace Brickrun {

// Sends JSON requests to one workspace through an injected QNetworkAccessManager: adds the
// bearer token, applies a transfer timeout, retries what is safe to retry, follows redirects
// only within the workspace's own origin (the token never goes elsewhere) and turns every
// failure into an ApiError. Never blocks, never opens a dialog.
class HttpTransport : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        QByteArray method = "GET";
        QString path; // e.g. "/api/2.2/jobs/runs/get"
        QUrlQuery query;
        QJsonObject body; // sent for POST
        bool idempotent = true;
        QString description;       // for messages, e.g. "runs/get"
        qint64 maxAnswerBytes = 0; // > 0: a cap below the transport's for this answer
    };
    using Callback = std::function<void(const Result<QJsonObject> &)>;

    explicit HttpTransport(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~HttpTransport() override;

    // `baseUrl` is scheme://host[:port]; the token goes only to that origin.
    void setEndpoint(const QUrl &baseUrl, const QString &token);
    // The same with credentials that renew their tokens (OAuth, Azure CLI): each request asks
    // them for a token, and a 401 makes them renew it once before the request is tried again.
    // The transport takes ownership of `credentials`.
    void setEndpoint(const QUrl &baseUrl, Credentials *credentials);
    Credentials *credentials() const { return m_credentials; }
    QUrl baseUrl() const { return m_baseUrl; }
    void setRetryPolicy(const RetryPolicy &policy) { m_retry = policy; }
    void setTransferTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    // At most this many requests start per second (a sliding window; 0 = no limit). The
    // default, 15, is what the official Go SDK allows itself per workspace.
    void setRateLimit(int requestsPerSecond) { m_rateLimit = requestsPerSecond; }
    // Answers larger than this are refused (aborted while they arrive) with an error naming
    // the cap. The service keeps at most 5 MB of a run's result; 32 MB leaves room for the
    // JSON around it and for long lists.
    static constexpr qint64 DefaultMaxAnswerBytes = 32 * 1024 * 1024;
    void setMaxAnswerBytes(qint64 bytes) { m_maxAnswerBytes = bytes; }
    qint64 maxAnswerBytes() const { return m_maxAnswerBytes; }
    // Certificates to trust besides the system's (a company CA, the demo's test CA).
    void setExtraCaCertificates(const QList<QSslCertificate> &certificates);

    // Sends the request; `callback` runs once, on the transport's thread, unless `context`
    // is destroyed first (then the request is aborted and nothing is called).
    void send(const Request &request, QObject *context, Callback callback);

    // Aborts every request in flight; their callbacks are not called.
    void abortAll();
    int pendingCount() const;

Q_SIGNALS:
    // A call failed transiently and will be tried again after `delay`.
    void retrying(const QString &what, const Brickrun::ApiError &error,
                  std::chrono::milliseconds delay);
    // A large answer (64 KB or more) is arriving: `received` bytes so far, of `total` (-1
    // when the service did not say). Said at most about five times a second per request.
    void receiving(const QString &what, const QUrlQuery &query, qint64 received, qint64 total);

private:
    class Call;
    friend class Call;
    QList<Call *> calls() const;
    // 0 when a request may start now (and counts it), else how long to wait first.
    qint64 takeRateSlot();
    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    QString m_token;
    QPointer<Credentials> m_credentials;
    RetryPolicy m_retry;
    std::chrono::milliseconds m_timeout{60000};
    QList<QSslCertificate> m_extraCa;
    int m_rateLimit = 15;
    qint64 m_maxAnswerBytes = DefaultMaxAnswerBytes;
    QElapsedTimer m_rateClock;
    QList<qint64> m_recentStarts; // ms on m_rateClock of the requests started in the last second
};

} // namespace Brickrun
