// SPDX-License-Identifier: Apache-2.0
#include "auth/BrowserSignIn.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>

namespace Brickrun {

namespace {

constexpr int MaxRequestBytes = 16 * 1024;

QString randomUrlSafe(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(raw.begin(), raw.end());
    return QString::fromLatin1(
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString htmlEscaped(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace

BrowserSignIn::BrowserSignIn(OAuthClient *oauth, const QUrl &host, QObject *parent)
    : QObject(parent)
    , m_oauth(oauth)
    , m_host(host)
{
    qRegisterMetaType<Brickrun::BrowserSignIn::Outcome>();
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        fail(tr("No sign-in answer came from the browser within %n minute(s); sign in again.",
                nullptr, int(std::max<qint64>(1, m_timeout.count() / 60000))));
    });
}

BrowserSignIn::~BrowserSignIn() = default;

void BrowserSignIn::setPorts(int first, int last)
{
    m_firstPort = first;
    m_lastPort = last;
}

QString BrowserSignIn::makeCodeVerifier()
{
    return randomUrlSafe(48); // 64 characters, within RFC 7636's 43…128
}

QString BrowserSignIn::codeChallenge(const QString &verifier)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

void BrowserSignIn::start()
{
    if (m_running)
        return;
    m_running = true;
    m_answered = false;
    m_oauth->discover(m_host, this, [this](const Result<OAuthEndpoints> &r) {
        if (!m_running)
            return;
        if (!r) {
            fail(r.error().message);
            return;
        }
        listen(r.value());
    });
}

void BrowserSignIn::cancel()
{
    if (!m_running)
        return;
    Outcome o;
    o.cancelled = true;
    o.error = tr("The sign-in was cancelled.");
    finishWith(o);
}

void BrowserSignIn::listen(const OAuthEndpoints &endpoints)
{
    m_endpoints = endpoints;
    for (int port = m_firstPort; port <= m_lastPort; ++port) {
        auto *server = new QTcpServer(this);
        if (server->listen(QHostAddress::LocalHost, quint16(port))) {
            m_server = server;
            m_port = quint16(port);
            break;
        }
        delete server;
    }
    if (!m_server) {
        fail(tr("The ports %1 to %2 on this computer are all in use, and the workspace accepts "
                "browser sign-in answers only there; close what holds them (another sign-in, "
                "for example) and try again.")
                 .arg(m_firstPort)
                 .arg(m_lastPort));
        return;
    }
    connect(m_server, &QTcpServer::newConnection, this, &BrowserSignIn::onConnection);
    // Browsers may try "localhost" over IPv6 first: listen there too where the port is free.
    auto *server6 = new QTcpServer(this);
    if (server6->listen(QHostAddress::LocalHostIPv6, m_port)) {
        m_server6 = server6;
        connect(m_server6, &QTcpServer::newConnection, this, &BrowserSignIn::onConnection);
    } else {
        delete server6;
    }

    m_verifier = makeCodeVerifier();
    m_state = randomUrlSafe(24);
    m_redirectUri = QStringLiteral("http://localhost:%1").arg(m_port);
    QUrl url = m_endpoints.authorization;
    QUrlQuery query(url);
    query.addQueryItem(QStringLiteral("client_id"), DatabricksCliClientId);
    query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    query.addQueryItem(QStringLiteral("redirect_uri"), m_redirectUri);
    query.addQueryItem(QStringLiteral("scope"), QStringLiteral("all-apis offline_access"));
    query.addQueryItem(QStringLiteral("state"), m_state);
    query.addQueryItem(QStringLiteral("code_challenge"), codeChallenge(m_verifier));
    query.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    url.setQuery(query);
    m_deadline.start(m_timeout);
    Q_EMIT authorizationUrlReady(url);
}

void BrowserSignIn::onConnection()
{
    auto *server = qobject_cast<QTcpServer *>(sender());
    while (server && server->hasPendingConnections()) {
        QTcpSocket *socket = server->nextPendingConnection();
        socket->setParent(this);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        // A browser that opens a connection and says nothing is dropped after a while.
        QTimer::singleShot(30000, socket, [socket] { socket->abort(); });
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            if (socket->property("handled").toBool())
                return;
            if (socket->bytesAvailable() > MaxRequestBytes) {
                socket->setProperty("handled", true);
                answer(socket, 431, tr("Request too large"), tr("This request is too large."));
                return;
            }
            if (!socket->canReadLine())
                return;
            socket->setProperty("handled", true);
            onRequest(socket, socket->readLine(MaxRequestBytes).trimmed());
        });
    }
}

void BrowserSignIn::onRequest(QTcpSocket *socket, const QByteArray &requestLine)
{
    const QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() < 3 || parts.at(0) != "GET") {
        answer(socket, 405, tr("Not here"), tr("Brickrun's sign-in listener answers only GET."));
        return;
    }
    const QUrl target = QUrl::fromEncoded(parts.at(1));
    if (target.path() != QLatin1String("/") && !target.path().isEmpty()) {
        answer(socket, 404, tr("Not here"),
               tr("This is Brickrun's sign-in listener; it waits for the workspace's answer."));
        return;
    }
    if (!m_running || m_answered) {
        answer(socket, 409, tr("Already done"),
               tr("This sign-in is already over. You can close this tab."));
        return;
    }
    // The answer's parameters are form-encoded (RFC 6749 4.1.2): '+' is a space there, which
    // QUrlQuery would keep as a '+'.
    const QUrlQuery query(
        QString::fromLatin1(target.query(QUrl::FullyEncoded).toLatin1().replace('+', "%20")));
    const QString state = query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded);
    if (state != m_state) {
        answer(socket, 400, tr("Sign-in refused"),
               tr("This answer does not belong to the sign-in Brickrun started. Start the "
                  "sign-in again from Brickrun."));
        fail(tr("The browser's answer did not belong to this sign-in (its state did not "
                "match); nothing was signed in. Sign in again."));
        return;
    }
    m_answered = true;
    const QString error = query.queryItemValue(QStringLiteral("error"), QUrl::FullyDecoded);
    if (!error.isEmpty()) {
        const QString description =
            query.queryItemValue(QStringLiteral("error_description"), QUrl::FullyDecoded);
        answer(socket, 200, tr("Not signed in"),
               tr("The workspace did not sign you in: %1. You can close this tab.")
                   .arg(description.isEmpty() ? error : description));
        fail(error == QLatin1String("access_denied")
                 ? tr("The sign-in was refused in the browser (%1).")
                       .arg(description.isEmpty() ? error : description)
                 : tr("The workspace refused the sign-in: %1 (%2).")
                       .arg(error, description.isEmpty() ? error : description));
        return;
    }
    const QString code = query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    if (code.isEmpty()) {
        answer(socket, 400, tr("Sign-in refused"),
               tr("The workspace's answer carries no authorization code."));
        fail(tr("The workspace's answer carried no authorization code; sign in again."));
        return;
    }
    answer(socket, 200, tr("Signed in"),
           tr("Brickrun is signed in to %1. You can close this tab.").arg(m_host.host()));
    exchange(code);
}

void BrowserSignIn::answer(QTcpSocket *socket, int status, const QString &title,
                           const QString &text)
{
    const QByteArray body =
        QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Brickrun: %1"
                       "</title></head><body style=\"font-family:sans-serif;margin:3em\"><h1>%1"
                       "</h1><p>%2</p></body></html>")
            .arg(htmlEscaped(title), htmlEscaped(text))
            .toUtf8();
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + " " +
                      (status == 200 ? QByteArray("OK") : QByteArray("Error")) + "\r\n";
    head += "Content-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\n"
            "Connection: close\r\nContent-Length: " +
            QByteArray::number(body.size()) + "\r\n\r\n";
    socket->write(head + body);
    socket->disconnectFromHost();
}

void BrowserSignIn::exchange(const QString &code)
{
    Q_EMIT exchangingCode();
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("authorization_code"));
    form.addQueryItem(QStringLiteral("code"), code);
    form.addQueryItem(QStringLiteral("code_verifier"), m_verifier);
    form.addQueryItem(QStringLiteral("redirect_uri"), m_redirectUri);
    form.addQueryItem(QStringLiteral("client_id"), DatabricksCliClientId);
    m_oauth->requestToken(
        m_endpoints.token, form, {}, {}, this, [this](const Result<OAuthTokenAnswer> &r) {
            if (!m_running)
                return;
            if (!r) {
                const ApiError &e = r.error();
                fail(tr("The workspace did not accept the sign-in: %1")
                         .arg(e.errorCode.isEmpty()
                                  ? e.message
                                  : QStringLiteral("%1 (%2)").arg(e.message, e.errorCode)));
                return;
            }
            if (r.value().refreshToken.isEmpty()) {
                fail(tr("The workspace signed you in without a refresh token, "
                        "so Brickrun could not stay signed in; sign in again."));
                return;
            }
            Outcome o;
            o.tokens = r.value();
            finishWith(o);
        });
}

void BrowserSignIn::fail(const QString &message)
{
    Outcome o;
    o.error = message;
    finishWith(o);
}

void BrowserSignIn::finishWith(const Outcome &outcome)
{
    if (!m_running)
        return;
    m_running = false;
    m_deadline.stop();
    for (QTcpServer *s : {m_server, m_server6}) {
        if (s) {
            s->close();
            s->deleteLater();
        }
    }
    m_server = nullptr;
    m_server6 = nullptr;
    m_verifier.clear();
    Q_EMIT finished(outcome);
}

} // namespace Brickrun
