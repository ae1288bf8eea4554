// SPDX-License-Identifier: Apache-2.0
#include "api/HttpTransport.h"

#include "auth/Credentials.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimer>

#include <algorithm>

Q_LOGGING_CATEGORY(lcApi, "brickrun.api")

namespace Brickrun {

namespace {

constexpr int MaxRedirects = 5;

bool isLoopbackHost(const QString &host)
{
    if (host == QLatin1String("localhost"))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
           a.port(a.scheme() == QLatin1String("https") ? 443 : 80) ==
               b.port(b.scheme() == QLatin1String("https") ? 443 : 80);
}

ApiError errorFromNetwork(QNetworkReply *reply, bool timedOut)
{
    const QString what = reply->url().adjusted(QUrl::RemoveQuery).toString();
    if (timedOut)
        return ApiError::timeout(QStringLiteral("no answer from %1 in time").arg(what));
    switch (reply->error()) {
    case QNetworkReply::SslHandshakeFailedError:
        return ApiError::tls(
            QStringLiteral("secure connection to %1 failed: %2").arg(what, reply->errorString()));
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        return ApiError::timeout(QStringLiteral("no answer from %1 in time").arg(what));
    case QNetworkReply::ConnectionRefusedError:
        return ApiError::network(
            QStringLiteral("%1 refused the connection").arg(reply->url().host()));
    case QNetworkReply::HostNotFoundError:
        return ApiError::network(QStringLiteral("host %1 not found").arg(reply->url().host()));
    case QNetworkReply::RemoteHostClosedError:
        return ApiError::network(
            QStringLiteral("%1 closed the connection before answering").arg(reply->url().host()));
    default:
        return ApiError::network(
            QStringLiteral("network error talking to %1: %2").arg(what, reply->errorString()));
    }
}

// The query with every key and value percent-encoded but for the unreserved characters.
// QUrlQuery leaves '+' as it is, and servers decode a '+' in a query as a space (form rules):
// a base64 page token or a "user+tag@" folder would arrive changed.
QString encodedQuery(const QUrlQuery &query)
{
    QByteArray encoded;
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &item : items) {
        if (!encoded.isEmpty())
            encoded += '&';
        encoded += QUrl::toPercentEncoding(item.first) + '=' + QUrl::toPercentEncoding(item.second);
    }
    return QString::fromLatin1(encoded);
}

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', bytes % (1024 * 1024) ? 1 : 0);
}

} // namespace

// One call, across its attempts and redirects. Owned by the transport; dies with its context.
class HttpTransport::Call : public QObject
{
public:
    Call(HttpTransport *transport, Request request, QObject *context, Callback callback)
        : QObject(transport)
        , m_transport(transport)
        , m_request(std::move(request))
        , m_context(context)
        , m_contextGiven(context != nullptr)
        , m_callback(std::move(callback))
    {
        if (context)
            connect(context, &QObject::destroyed, this, &Call::cancel);
        m_clock.start();
        m_url = m_transport->m_baseUrl;
        m_url.setPath(m_request.path);
        m_url.setQuery(encodedQuery(m_request.query), QUrl::StrictMode);
    }

    void start() { sendAttempt(); }
    bool isDone() const { return m_done; }

    void cancel()
    {
        m_callback = nullptr;
        m_done = true;
        if (m_reply) {
            m_reply->disconnect(this);
            m_reply->abort();
            m_reply->deleteLater();
            m_reply = nullptr;
        }
        deleteLater();
    }

private:
    void sendAttempt()
    {
        ++m_attempts;
        m_redirects = 0;
        Credentials *credentials = m_transport->m_credentials;
        if (!credentials) {
            m_token = m_transport->m_token;
            issue(m_url);
            return;
        }
        // Renewed tokens come from the credentials, asked before each attempt.
        credentials->accessToken(this, [this](const Credentials::Outcome &o) {
            if (m_done)
                return;
            if (!o.isOk()) {
                if (o.signInRequired)
                    finish(Result<QJsonObject>::failure(o.error));
                else
                    failOrRetry(o.error);
                return;
            }
            m_token = o.token.value;
            issue(m_url);
        });
    }

    void issue(const QUrl &url)
    {
        // Stay under the workspace's request rate: wait for a slot rather than be throttled.
        if (const qint64 wait = m_transport->takeRateSlot(); wait > 0) {
            QTimer::singleShot(wait, this, [this, url] { issue(url); });
            return;
        }
        QNetworkRequest req(url);
        req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
        req.setTransferTimeout(int(m_transport->m_timeout.count()));
        req.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArrayLiteral("brickrun/" BRICKRUN_VERSION));
        req.setRawHeader("Accept", "application/json");
        if (!m_transport->m_extraCa.isEmpty() && url.scheme() == QLatin1String("https")) {
            QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
            tls.addCaCertificates(m_transport->m_extraCa);
            req.setSslConfiguration(tls);
        }
        // The token goes only to the configured origin, and over plain HTTP only to loopback.
        const QUrl &base = m_transport->m_baseUrl;
        if (!m_token.isEmpty() && sameOrigin(url, base) &&
            (url.scheme() == QLatin1String("https") || isLoopbackHost(url.host())))
            req.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());

        QByteArray payload;
        if (m_request.method != "GET") {
            req.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
            payload = QJsonDocument(m_request.body).toJson(QJsonDocument::Compact);
        }
        m_sentAt.start();
        if (m_request.method == "GET")
            m_reply = m_transport->m_network->get(req);
        else if (m_request.method == "POST")
            m_reply = m_transport->m_network->post(req, payload);
        else
            m_reply = m_transport->m_network->sendCustomRequest(req, m_request.method, payload);
        connect(m_reply, &QNetworkReply::finished, this, &Call::onFinished);
        // An answer past the cap is refused before it fills the memory (and the history): by
        // its announced length as soon as the headers are in, and by the bytes counted while
        // it arrives (a chunked answer, or one whose length lies).
        connect(m_reply, &QNetworkReply::metaDataChanged, this, [this] {
            if (!m_reply)
                return;
            bool known = false;
            const qint64 announced =
                m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&known);
            if (known && announced > answerCap())
                refuseTooLarge(announced);
        });
        connect(m_reply, &QNetworkReply::downloadProgress, this,
                [this](qint64 received, qint64 total) {
                    if (m_reply && received > answerCap())
                        return refuseTooLarge(received);
                    reportProgress(received, total);
                });
        // TLS problems are reported, never ignored: keep their words for the error message.
        connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
            m_tlsErrors.clear();
            for (const QSslError &e : errors)
                m_tlsErrors << e.errorString();
        });
    }

    // A large answer says how far it has come (a user waits for a run's output), at most
    // about five times a second; small ones say nothing.
    void reportProgress(qint64 received, qint64 total)
    {
        constexpr qint64 WorthSaying = 64 * 1024;
        constexpr qint64 EveryMs = 200;
        if (!m_reply || received < WorthSaying)
            return;
        if (m_progressShown.isValid() && m_progressShown.elapsed() < EveryMs && received != total)
            return;
        m_progressShown.start();
        Q_EMIT m_transport->receiving(m_request.description, m_request.query, received,
                                      total > 0 ? total : -1);
    }

    void onFinished()
    {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->deleteLater();

        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        // An aborted reply (transfer timeout) is closed: reading it only makes Qt warn on stderr.
        const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
        qCDebug(lcApi).noquote() << m_request.method << reply->url().path() << "->" << status
                                 << reply->error() << m_sentAt.elapsed() << "ms";

        if (status >= 300 && status < 400 && reply->hasRawHeader("Location")) {
            const QUrl target =
                reply->url().resolved(QUrl::fromEncoded(reply->rawHeader("Location")));
            if (!sameOrigin(target, m_transport->m_baseUrl)) {
                finish(Result<QJsonObject>::failure(ApiError::network(
                    QStringLiteral("the service redirected to another site (%1); Brickrun does "
                                   "not follow it, so the token stays with %2")
                        .arg(target.adjusted(QUrl::RemovePath | QUrl::RemoveQuery).toString(),
                             m_transport->m_baseUrl.host()))));
                return;
            }
            if (++m_redirects > MaxRedirects) {
                finish(Result<QJsonObject>::failure(ApiError::network(
                    QStringLiteral("too many redirects from %1").arg(target.host()))));
                return;
            }
            issue(target);
            return;
        }

        ApiError error;
        QJsonObject json;
        if (status == 0) {
            error = errorFromNetwork(reply, false);
            if (!m_tlsErrors.isEmpty())
                error = ApiError::tls(
                    QStringLiteral("the certificate of %1 is not trusted: %2")
                        .arg(reply->url().host(), m_tlsErrors.join(QStringLiteral("; "))));
        } else if (status < 200 || status >= 300) {
            error = ApiError::fromHttp(
                status, body, reply->header(QNetworkRequest::ContentTypeHeader).toByteArray(),
                reply->rawHeader("Retry-After"));
        } else if (reply->error() != QNetworkReply::NoError) {
            // 2xx but the body was cut off (connection reset mid-answer, timeout).
            error = errorFromNetwork(reply, false);
        } else if (!body.trimmed().isEmpty()) {
            QJsonParseError parseError{};
            const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
            if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
                const ApiError asText = ApiError::fromHttp(
                    status, body, reply->header(QNetworkRequest::ContentTypeHeader).toByteArray());
                error = ApiError::badResponse(
                    QStringLiteral("%1 answered HTTP %2 with something that is not JSON: %3")
                        .arg(m_request.description.isEmpty() ? m_request.path
                                                             : m_request.description)
                        .arg(status)
                        .arg(asText.message));
            } else {
                json = doc.object();
            }
        }

        if (!error.isError()) {
            finish(Result<QJsonObject>::success(json));
            return;
        }

        // A refused token that can be renewed (it expired early, was revoked…) is renewed once
        // and the request sent again; this does not count as a retry.
        Credentials *credentials = m_transport->m_credentials;
        if (error.isAuthentication() && credentials && credentials->canRenew() && !m_renewedToken) {
            m_renewedToken = true;
            credentials->invalidate(m_token);
            --m_attempts;
            qCInfo(lcApi).noquote() << m_request.description
                                    << "was refused (401); renewing "
                                       "the access token once";
            sendAttempt();
            return;
        }
        failOrRetry(error);
    }

    // The request's own cap when it has a smaller one, else the transport's.
    qint64 answerCap() const
    {
        const qint64 own = m_request.maxAnswerBytes;
        return own > 0 ? qMin(own, m_transport->m_maxAnswerBytes) : m_transport->m_maxAnswerBytes;
    }

    void refuseTooLarge(qint64 bytes)
    {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
        const qint64 cap = answerCap();
        qCWarning(lcApi).noquote() << m_request.description << "answer refused:" << bytes
                                   << "bytes, over the cap of" << cap;
        // Not retried: the same request gets the same answer.
        finish(Result<QJsonObject>::failure(ApiError::badResponse(
            QStringLiteral("the answer to %1 is too large (%3 MB or more; Brickrun accepts "
                           "at most %2 MB); it was not read")
                .arg(m_request.description.isEmpty() ? m_request.path : m_request.description,
                     megabytes(cap), megabytes(bytes)))));
    }

    void failOrRetry(const ApiError &error)
    {
        const auto delay = m_transport->m_retry.nextDelay(
            error, m_request.idempotent, m_attempts, std::chrono::milliseconds(m_clock.elapsed()),
            QRandomGenerator::global()->generateDouble());
        if (!delay) {
            finish(Result<QJsonObject>::failure(error));
            return;
        }
        qCInfo(lcApi).noquote() << "retrying" << m_request.description << "in" << delay->count()
                                << "ms after" << error.toString();
        Q_EMIT m_transport->retrying(m_request.description, error, *delay);
        QTimer::singleShot(*delay, this, [this] { sendAttempt(); });
    }

    void finish(const Result<QJsonObject> &result)
    {
        auto callback = std::move(m_callback);
        m_callback = nullptr;
        m_done = true;
        deleteLater();
        if (callback && (!m_contextGiven || m_context))
            callback(result);
    }

    HttpTransport *m_transport;
    Request m_request;
    QPointer<QObject> m_context;
    bool m_contextGiven;
    Callback m_callback;
    QNetworkReply *m_reply = nullptr;
    QUrl m_url;
    int m_attempts = 0;
    bool m_done = false;
    int m_redirects = 0;
    QStringList m_tlsErrors;
    QString m_token;             // the bearer token of this attempt
    bool m_renewedToken = false; // a 401 already made the credentials renew it
    QElapsedTimer m_clock;
    QElapsedTimer m_sentAt;
    QElapsedTimer m_progressShown; // when receiving() last spoke for this call
};

HttpTransport::HttpTransport(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{}

HttpTransport::~HttpTransport()
{
    abortAll();
}

void HttpTransport::setEndpoint(const QUrl &baseUrl, const QString &token)
{
    m_baseUrl = baseUrl.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment);
    m_token = token;
    if (m_credentials && m_credentials->parent() == this)
        m_credentials->deleteLater();
    m_credentials = nullptr;
}

void HttpTransport::setEndpoint(const QUrl &baseUrl, Credentials *credentials)
{
    setEndpoint(baseUrl, QString());
    m_credentials = credentials;
    if (credentials)
        credentials->setParent(this);
}

qint64 HttpTransport::takeRateSlot()
{
    if (m_rateLimit <= 0)
        return 0;
    if (!m_rateClock.isValid())
        m_rateClock.start();
    const qint64 now = m_rateClock.elapsed();
    while (!m_recentStarts.isEmpty() && m_recentStarts.first() <= now - 1000)
        m_recentStarts.removeFirst();
    if (m_recentStarts.size() < m_rateLimit) {
        m_recentStarts.append(now);
        return 0;
    }
    return m_recentStarts.first() + 1000 - now;
}

void HttpTransport::setExtraCaCertificates(const QList<QSslCertificate> &certificates)
{
    if (certificates == m_extraCa)
        return;
    m_extraCa = certificates;
    // QNetworkAccessManager reuses connections per host and port whatever their TLS settings:
    // drop them so that the next request is verified against the new set of certificates.
    m_network->clearConnectionCache();
}

void HttpTransport::send(const Request &request, QObject *context, Callback callback)
{
    auto *call = new Call(this, request, context, std::move(callback));
    call->start();
}

// Call has no Q_OBJECT, so findChildren<Call *> would match every child (the credentials too).
QList<HttpTransport::Call *> HttpTransport::calls() const
{
    QList<Call *> result;
    for (QObject *child : children())
        if (auto *call = dynamic_cast<Call *>(child))
            result.append(call);
    return result;
}

void HttpTransport::abortAll()
{
    const QList<Call *> all = calls();
    for (Call *call : all)
        call->cancel();
}

int HttpTransport::pendingCount() const
{
    const QList<Call *> all = calls();
    return int(std::count_if(all.begin(), all.end(), [](Call *c) { return !c->isDone(); }));
}

} // namespace Brickrun
