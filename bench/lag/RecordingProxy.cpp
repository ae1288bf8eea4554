// SPDX-License-Identifier: Apache-2.0
#include "RecordingProxy.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpSocket>

#include <memory>
#include <utility>

namespace BenchLag {

QList<MessageFramer::Message> MessageFramer::feed(const QByteArray &bytes)
{
    m_buffer += bytes;
    QList<Message> done;
    for (;;) {
        if (!m_inBody && !parseHead())
            break;
        if (!takeBody(&done))
            break;
    }
    return done;
}

bool MessageFramer::parseHead()
{
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const QByteArray head = m_buffer.left(end);
    m_buffer.remove(0, end + 4);
    const QList<QByteArray> lines = head.split('\n');
    m_current = {};
    m_current.startLine = lines.value(0).trimmed();
    m_current.head = m_current.startLine + "\r\n";
    m_length = 0;
    m_chunked = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length")
            m_length = value.toLongLong();
        else if (name == "transfer-encoding" && value.toLower().contains("chunked"))
            m_chunked = true;
        if (name != "content-length" && name != "transfer-encoding" && name != "accept-encoding" &&
            name != "connection")
            m_current.head += line + "\r\n";
    }
    // A 1xx/204/304 answer has no body (the workspace sends none of them; kept simple).
    if (m_responses &&
        (m_current.startLine.contains(" 204 ") || m_current.startLine.contains(" 304 ")))
        m_length = 0;
    m_inBody = true;
    return true;
}

bool MessageFramer::takeBody(QList<Message> *done)
{
    if (!m_chunked) {
        if (m_buffer.size() < m_length)
            return false;
        m_current.body = m_buffer.left(m_length);
        m_buffer.remove(0, m_length);
    } else {
        // Whole chunked bodies only: wait until the last chunk is in.
        QByteArray body;
        qsizetype pos = 0;
        for (;;) {
            const qsizetype lineEnd = m_buffer.indexOf("\r\n", pos);
            if (lineEnd < 0)
                return false;
            bool ok = false;
            const qint64 size =
                m_buffer.mid(pos, lineEnd - pos).split(';').value(0).toLongLong(&ok, 16);
            if (!ok)
                return false;
            if (size == 0) {
                const qsizetype trailerEnd = m_buffer.indexOf("\r\n\r\n", lineEnd);
                if (trailerEnd < 0)
                    return false;
                m_buffer.remove(0, trailerEnd + 4);
                break;
            }
            if (m_buffer.size() < lineEnd + 2 + size + 2)
                return false;
            body += m_buffer.mid(lineEnd + 2, size);
            pos = lineEnd + 2 + size + 2;
        }
        m_current.body = body;
    }
    m_inBody = false;
    done->append(m_current);
    return true;
}

QByteArray MessageFramer::Message::rebuilt(const QByteArray &extra) const
{
    return head + extra + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

RecordingProxy::RecordingProxy(const QElapsedTimer *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
    connect(&m_server, &QTcpServer::newConnection, this, &RecordingProxy::accept);
}

bool RecordingProxy::listen(QString *error)
{
    if (m_server.listen(QHostAddress::LocalHost, 0))
        return true;
    *error = m_server.errorString();
    return false;
}

QString RecordingProxy::url() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(port());
}

void RecordingProxy::accept()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        client->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        auto requests = std::make_shared<MessageFramer>(false);
        connect(client, &QTcpSocket::readyRead, this, [this, client, requests] {
            for (const MessageFramer::Message &m : requests->feed(client->readAll()))
                relay(client, m);
        });
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
    }
}

void RecordingProxy::relay(QTcpSocket *client, const MessageFramer::Message &request)
{
    auto *upstream = new QTcpSocket(client);
    upstream->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    auto exchange = std::make_shared<Exchange>();
    const QList<QByteArray> parts = request.startLine.split(' ');
    exchange->method = parts.value(0);
    exchange->target = parts.value(1);
    exchange->requestBody = request.body;
    auto responses = std::make_shared<MessageFramer>(true);
    const QByteArray bytes = request.rebuilt("Connection: close\r\n");
    connect(upstream, &QTcpSocket::connected, upstream, [this, upstream, exchange, bytes] {
        upstream->write(bytes);
        upstream->flush();
        exchange->sentUs = nowUs();
    });
    connect(
        upstream, &QTcpSocket::readyRead, upstream, [this, client, upstream, exchange, responses] {
            const QList<MessageFramer::Message> done = responses->feed(upstream->readAll());
            if (done.isEmpty())
                return;
            exchange->answeredUs = nowUs();
            const MessageFramer::Message &answer = done.first();
            client->write(answer.rebuilt("Connection: keep-alive\r\n"));
            client->flush();
            exchange->status = answer.startLine.split(' ').value(1).toInt();
            if (exchange->target.contains("/runs/get") || exchange->target.contains("/runs/submit"))
                exchange->responseBody = answer.body;
            m_exchanges.append(*exchange);
            upstream->disconnectFromHost();
            upstream->deleteLater();
        });
    connect(upstream, &QTcpSocket::errorOccurred, upstream, [client, upstream] {
        if (upstream->state() != QAbstractSocket::ConnectedState && client->isOpen()) {
            // No answer: the client sees its connection close, as from the workspace.
            client->disconnectFromHost();
        }
        upstream->deleteLater();
    });
    upstream->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
}

} // namespace BenchLag
