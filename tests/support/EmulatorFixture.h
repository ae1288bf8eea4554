// SPDX-License-Identifier: Apache-2.0
#pragma once

// The demo workspace in this process and a JobsClient reaching it over real loopback HTTP:
// the setup of every test that drives the client against the emulator. A test keeps one in a
// std::optional, emplaces it in init() and resets it in cleanup() (after whatever uses the
// client), so that each test function starts with a fresh transport and client.
//
// A test using it links brickrun_emulator.
#include "Emulator.h"
#include "api/HttpTransport.h"
#include "api/JobsClient.h"

#include <QNetworkAccessManager>
#include <QString>
#include <QUrl>

#include <memory>

namespace Brickrun::Test {

class EmulatorFixture
{
public:
    EmulatorFixture()
        : m_transport(std::make_unique<HttpTransport>(&m_nam))
        , m_client(std::make_unique<JobsClient>(m_transport.get()))
    {}
    ~EmulatorFixture()
    {
        m_client.reset();
        m_transport.reset();
        // Close idle keep-alive connections first, so the server stops at once.
        m_nam.clearConnectionCache();
        m_emulator.reset();
    }
    EmulatorFixture(const EmulatorFixture &) = delete;
    EmulatorFixture &operator=(const EmulatorFixture &) = delete;

    // Options for a demo workspace at `speed` times real time accepting `token` (fake).
    static Emulator::EmulatorOptions options(double speed, const QString &token)
    {
        Emulator::EmulatorOptions o;
        o.speed = speed;
        o.token = token;
        return o;
    }

    // Starts the demo workspace (stopping one started before); the client then reaches it
    // with its token. False, with the reason in *error and in a warning, if it did not start.
    bool start(const Emulator::EmulatorOptions &options, QString *error = nullptr)
    {
        m_nam.clearConnectionCache();
        m_emulator = std::make_unique<Emulator::Emulator>(options);
        QString why;
        if (!m_emulator->start(&why)) {
            qWarning("the demo workspace did not start: %s", qPrintable(why));
            if (error)
                *error = why;
            return false;
        }
        m_transport->setEndpoint(QUrl(m_emulator->baseUrl()), m_emulator->token());
        return true;
    }

    Emulator::Emulator *emulator() const { return m_emulator.get(); }
    HttpTransport *transport() const { return m_transport.get(); }
    JobsClient *client() const { return m_client.get(); }

private:
    QNetworkAccessManager m_nam;
    std::unique_ptr<Emulator::Emulator> m_emulator;
    std::unique_ptr<HttpTransport> m_transport;
    std::unique_ptr<JobsClient> m_client;
};

} // namespace Brickrun::Test
