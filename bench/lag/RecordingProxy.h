// SPDX-License-Identifier: Apache-2.0
#pragma once

// bench_lag's recording proxy on loopback between one client and the demo workspace. It frames
// the client's HTTP/1.1 requests (Content-Length or chunked bodies, keep-alive) and sends each
// on a connection of its own to the workspace (Connection: close: the emulator's server keeps a
// thread per open connection, and two dozen clients holding keep-alive connections would queue
// behind its pool), without Accept-Encoding (so that the answers can be read here); the answer
// goes back whole on the client's connection. It notes for each request when it left for the
// workspace and when its answer was back (µs on one monotonic clock), and the bodies of
// runs/submit and runs/get.

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>
#include <QTcpServer>

#include <deque>

class QTcpSocket;

namespace BenchLag {

struct Exchange
{
    QByteArray method;
    QByteArray target; // path and query
    QByteArray requestBody;
    QByteArray responseBody;
    int status = 0;
    qint64 sentUs = 0;     // the request's last byte written towards the workspace
    qint64 answeredUs = 0; // the answer's last byte read from it
};

// Frames HTTP/1.1 messages in one direction of a connection.
class MessageFramer
{
public:
    explicit MessageFramer(bool responses)
        : m_responses(responses)
    {}
    struct Message
    {
        QByteArray startLine;
        // Without Accept-Encoding, Transfer-Encoding, Content-Length and Connection.
        QByteArray head;
        QByteArray body;
        // The message to pass on: the head, `extra` header lines, a Content-Length, the body.
        QByteArray rebuilt(const QByteArray &extra = {}) const;
    };
    // Feeds bytes; returns the messages completed by them.
    QList<Message> feed(const QByteArray &bytes);

private:
    bool parseHead();
    bool takeBody(QList<Message> *done);
    bool m_responses;
    QByteArray m_buffer;
    bool m_inBody = false;
    bool m_chunked = false;
    qint64 m_length = 0;
    Message m_current;
};

class RecordingProxy : public QObject
{
    Q_OBJECT
public:
    RecordingProxy(const QElapsedTimer *clock, QObject *parent = nullptr);
    bool listen(QString *error);
    quint16 port() const { return m_server.serverPort(); }
    QString url() const;
    // Where the workspace is (set before each batch).
    void setUpstream(quint16 port) { m_upstreamPort = port; }
    const QList<Exchange> &exchanges() const { return m_exchanges; }
    void clear() { m_exchanges.clear(); }

private:
    void accept();
    void relay(QTcpSocket *client, const MessageFramer::Message &request);
    qint64 nowUs() const { return m_clock->nsecsElapsed() / 1000; }
    QTcpServer m_server;
    const QElapsedTimer *m_clock;
    quint16 m_upstreamPort = 0;
    QList<Exchange> m_exchanges;
};

} // namespace BenchLag
