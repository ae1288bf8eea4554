// SPDX-License-Identifier: Apache-2.0
#pragma once

// One HTTP/1.1 request over a plain QTcpSocket, for the faults whose wire shape matters (a
// reset before any byte, a body cut short): everything received until the server closes the
// connection, without the resends and decoding QNetworkAccessManager does.

#include <QByteArray>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QString>
#include <QTcpSocket>
#include <QTimer>

namespace Brickrun::Emulator::Test {

struct RawExchange
{
    QByteArray received;
    bool closedByServer = false;
    QByteArray statusLine() const { return received.left(received.indexOf("\r\n")); }
    QByteArray head() const { return received.left(received.indexOf("\r\n\r\n")); }
    QByteArray body() const
    {
        const qsizetype end = received.indexOf("\r\n\r\n");
        return end < 0 ? QByteArray() : received.mid(end + 4);
    }
    qint64 contentLength() const
    {
        for (const QByteArray &line : head().split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                return line.mid(15).trimmed().toLongLong();
        }
        return -1;
    }
};

// Sends "METHOD path" with the bearer token, "Connection: close" and extraHeaders (each line
// ending in "\r\n"), then reads until the server closes the connection or timeoutMs pass.
inline RawExchange rawExchange(quint16 port, const QByteArray &method, const QString &path,
                               const QString &token, const QByteArray &body = QByteArray(),
                               int timeoutMs = 10000, const QByteArray &extraHeaders = {})
{
    QTcpSocket socket;
    RawExchange result;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return result;
    QByteArray request = method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    request += "Authorization: Bearer " + token.toUtf8() + "\r\nConnection: close\r\n";
    request += extraHeaders;
    if (!body.isEmpty())
        request += "Content-Type: application/json\r\n";
    request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    socket.write(request);
    QEventLoop loop;
    QObject::connect(&socket, &QTcpSocket::readyRead, &loop,
                     [&] { result.received += socket.readAll(); });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (socket.state() == QAbstractSocket::ConnectedState)
        loop.exec();
    result.received += socket.readAll();
    result.closedByServer = socket.state() != QAbstractSocket::ConnectedState;
    return result;
}

} // namespace Brickrun::Emulator::Test
