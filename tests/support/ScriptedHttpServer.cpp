// SPDX-License-Identifier: Apache-2.0
#include "ScriptedHttpServer.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpSocket>

namespace Brickrun::Test {

QByteArray ScriptedHttpServer::Request::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

ScriptedHttpServer::ScriptedHttpServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &ScriptedHttpServer::onConnection);
    m_clock.start();
}

bool ScriptedHttpServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QByteArray ScriptedHttpServer::baseUrl() const
{
    return "http://127.0.0.1:" + QByteArray::number(port());
}

ScriptedHttpServer::Reply ScriptedHttpServer::json(int status, const QByteArray &body)
{
    Reply r;
    r.status = status;
    r.body = body;
    return r;
}

void ScriptedHttpServer::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            buffer->append(socket->readAll());
            for (;;) {
                const int headerEnd = int(buffer->indexOf("\r\n\r\n"));
                if (headerEnd < 0)
                    return;
                const QList<QByteArray> lines = buffer->left(headerEnd).split('\n');
                Request req;
                const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
                req.method = first.value(0);
                req.target = first.value(1);
                qsizetype length = 0;
                for (int i = 1; i < lines.size(); ++i) {
                    const int colon = int(lines[i].indexOf(':'));
                    if (colon <= 0)
                        continue;
                    const QByteArray name = lines[i].left(colon).trimmed();
                    const QByteArray value = lines[i].mid(colon + 1).trimmed();
                    req.headers.append({name, value});
                    if (name.compare("content-length", Qt::CaseInsensitive) == 0)
                        length = value.toLongLong();
                }
                if (buffer->size() < headerEnd + 4 + length)
                    return;
                req.body = buffer->mid(headerEnd + 4, length);
                req.receivedAtMs = m_clock.elapsed();
                buffer->remove(0, headerEnd + 4 + length);
                m_requests.append(req);

                Reply reply =
                    !m_script.isEmpty() ? m_script.takeFirst()
                    : m_fallback
                        ? m_fallback(req)
                        : json(404, R"({"error_code":"ENDPOINT_NOT_FOUND","message":"no script"})");
                switch (reply.action) {
                case Reply::Action::Stall:
                    return;
                case Reply::Action::ResetEarly:
                    socket->abort();
                    return;
                default:
                    break;
                }
                QByteArray head = "HTTP/1.1 " + QByteArray::number(reply.status) + " X\r\n";
                head += "Content-Type: " + reply.contentType + "\r\n";
                if (reply.announceLength)
                    head += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n";
                else
                    head += "Connection: close\r\n";
                for (const auto &h : reply.extraHeaders)
                    head += h.first + ": " + h.second + "\r\n";
                head += "\r\n";
                if (reply.action == Reply::Action::CutBody) {
                    socket->write(head + reply.body.left(reply.body.size() / 2));
                    socket->flush();
                    socket->abort();
                    return;
                }
                socket->write(head + reply.body);
                if (!reply.announceLength) {
                    socket->disconnectFromHost(); // after the body is written
                    return;
                }
            }
        });
    }
}

} // namespace Brickrun::Test
