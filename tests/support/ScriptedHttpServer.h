// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTcpServer>

#include <functional>

namespace Brickrun::Test {

// A tiny HTTP/1.1 server on loopback that answers from a script, for the failures a real
// emulator cannot easily produce on demand: a reset mid-answer, a stall, a redirect to
// another origin, a proxy's HTML page. Every request it receives is kept for inspection.
class ScriptedHttpServer : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        QByteArray method;
        QByteArray target; // path and query
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        qint64 receivedAtMs = 0; // on the server's monotonic clock
        QByteArray header(const QByteArray &name) const;
    };
    struct Reply
    {
        int status = 200;
        QByteArray contentType = "application/json";
        QByteArray body = "{}";
        QList<QPair<QByteArray, QByteArray>> extraHeaders;
        // false: no Content-Length; the body ends when the connection closes after it.
        bool announceLength = true;
        enum class Action
        {
            Answer,     // send the whole answer
            ResetEarly, // close the connection before answering
            CutBody,    // send headers and half the body, then close
            Stall       // accept, never answer
        } action = Action::Answer;
    };

    explicit ScriptedHttpServer(QObject *parent = nullptr);
    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    QByteArray baseUrl() const;

    // Replies are used in order; when they run out, `fallback` answers.
    void enqueue(const Reply &reply) { m_script.append(reply); }
    void setFallback(std::function<Reply(const Request &)> fallback)
    {
        m_fallback = std::move(fallback);
    }
    const QList<Request> &requests() const { return m_requests; }

    static Reply json(int status, const QByteArray &body);

private:
    void onConnection();
    QTcpServer m_server;
    QList<Reply> m_script;
    std::function<Reply(const Request &)> m_fallback;
    QList<Request> m_requests;
    QElapsedTimer m_clock;
};

} // namespace Brickrun::Test
