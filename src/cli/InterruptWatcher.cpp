// SPDX-License-Identifier: Apache-2.0
#include "InterruptWatcher.h"

#include <QSocketNotifier>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#endif
#ifdef Q_OS_WIN
#include <QMetaObject>
#include <QPointer>

#include <windows.h>
#endif

namespace Brickrun::Cli {

#ifdef Q_OS_UNIX
namespace {
int g_signalPipe[2] = {-1, -1};

extern "C" void onUnixSignal(int signalNumber)
{
    const char byte = signalNumber == SIGTERM ? 'T' : 'I';
    // Only async-signal-safe calls here; the event loop does the rest.
    [[maybe_unused]] const auto written = ::write(g_signalPipe[0], &byte, 1);
}
} // namespace
#endif

#ifdef Q_OS_WIN
namespace {
QPointer<InterruptWatcher> g_watcher;
BOOL WINAPI onConsoleControl(DWORD type)
{
    if (type != CTRL_C_EVENT && type != CTRL_BREAK_EVENT)
        return FALSE;
    if (g_watcher)
        QMetaObject::invokeMethod(g_watcher, "onSignal", Qt::QueuedConnection);
    return TRUE;
}
} // namespace
#endif

InterruptWatcher::InterruptWatcher(QObject *parent)
    : QObject(parent)
{
#ifdef Q_OS_UNIX
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) == 0) {
        m_notifier = new QSocketNotifier(g_signalPipe[1], QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, [this] {
            char byte = 0;
            [[maybe_unused]] const auto n = ::read(g_signalPipe[1], &byte, 1);
            if (byte == 'T')
                Q_EMIT terminated();
            else
                onSignal();
        });
        struct sigaction action = {};
        action.sa_handler = onUnixSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        ::sigaction(SIGINT, &action, nullptr);
        ::sigaction(SIGTERM, &action, nullptr);
    }
#endif
#ifdef Q_OS_WIN
    g_watcher = this;
    SetConsoleCtrlHandler(onConsoleControl, TRUE);
#endif
}

InterruptWatcher::~InterruptWatcher()
{
#ifdef Q_OS_UNIX
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGTERM, SIG_DFL);
    delete m_notifier;
    m_notifier = nullptr;
    for (int &fd : g_signalPipe) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
#endif
#ifdef Q_OS_WIN
    SetConsoleCtrlHandler(onConsoleControl, FALSE);
    g_watcher = nullptr;
#endif
}

void InterruptWatcher::onSignal()
{
    Q_EMIT interrupted(++m_count);
}

} // namespace Brickrun::Cli
