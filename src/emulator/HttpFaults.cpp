// SPDX-License-Identifier: Apache-2.0
#include "HttpFaults.h"

#include <algorithm>
#include <chrono>
#include <memory>
#include <string>
#include <thread>

#ifndef _WIN32
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace Brickrun::Emulator::HttpFaults {

namespace {

#ifndef _WIN32
int portOf(const sockaddr_storage &address)
{
    if (address.ss_family == AF_INET)
        return ntohs(reinterpret_cast<const sockaddr_in &>(address).sin_port);
    if (address.ss_family == AF_INET6)
        return ntohs(reinterpret_cast<const sockaddr_in6 &>(address).sin6_port);
    return -1;
}

// cpp-httplib does not hand the socket to a handler; the connection is the one socket whose
// own port is the server's and whose peer port is the client's.
int findConnection(int localPort, int remotePort)
{
    rlimit limit{};
    int maxFd = 1024;
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
        maxFd = static_cast<int>(std::min<rlim_t>(limit.rlim_cur, 65536));
    for (int fd = 0; fd < maxFd; ++fd) {
        sockaddr_storage address{};
        socklen_t length = sizeof address;
        if (getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) != 0 ||
            portOf(address) != localPort)
            continue;
        length = sizeof address;
        if (getpeername(fd, reinterpret_cast<sockaddr *>(&address), &length) != 0 ||
            portOf(address) != remotePort)
            continue;
        return fd;
    }
    return -1;
}
#endif

} // namespace

void resetConnection(const httplib::Request &request, httplib::Response &response)
{
#ifndef _WIN32
    const int fd = findConnection(request.local_port, request.remote_port);
    if (fd >= 0) {
        // SO_LINGER 0: closing sends RST. dup2 closes the socket and leaves /dev/null in its
        // place, so the descriptor cpp-httplib still holds stays valid (no double close of a
        // reused number): its writes fail or vanish, its next read sees the end.
        const linger abort{1, 0};
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &abort, sizeof abort);
        const int devNull = ::open("/dev/null", O_RDWR | O_CLOEXEC);
        if (devNull >= 0) {
            ::dup2(devNull, fd);
            ::close(devNull);
            response.status = 200;
            return;
        }
        ::shutdown(fd, SHUT_RDWR);
    }
#endif
    setCutBody(response, 200, QByteArrayLiteral(" "), QByteArrayLiteral("application/json"), 0);
}

void setCutBody(httplib::Response &response, int status, const QByteArray &body,
                const QByteArray &contentType, qint64 bytes)
{
    const auto data = std::make_shared<std::string>(body.toStdString());
    const size_t cut = static_cast<size_t>(std::clamp<qint64>(bytes, 0, body.size()));
    response.status = status;
    response.set_content_provider(
        data->size(), contentType.toStdString(),
        [data, cut](size_t offset, size_t, httplib::DataSink &sink) {
            if (offset < cut)
                sink.write(data->data() + offset, cut - offset);
            return false; // cpp-httplib closes the connection when a provider gives up
        });
}

bool stall(int ms, const std::atomic<bool> &stopping)
{
    using Clock = std::chrono::steady_clock;
    const Clock::time_point end = Clock::now() + std::chrono::milliseconds(ms);
    while (!stopping) {
        const Clock::time_point now = Clock::now();
        if (now >= end)
            return true;
        std::this_thread::sleep_for(
            std::min<Clock::duration>(end - now, std::chrono::milliseconds(10)));
    }
    return false;
}

QByteArray proxyPage(int status)
{
    QByteArray reason;
    switch (status) {
    case 429:
        reason = "Too Many Requests";
        break;
    case 500:
        reason = "Internal Server Error";
        break;
    case 502:
        reason = "Bad Gateway";
        break;
    case 503:
        reason = "Service Temporarily Unavailable";
        break;
    case 504:
        reason = "Gateway Time-out";
        break;
    default:
        reason = "Error";
        break;
    }
    QByteArray title = QByteArray::number(status);
    title.append(' ').append(reason);
    QByteArray page("<html>\r\n<head><title>");
    page.append(title).append("</title></head>\r\n<body>\r\n<center><h1>").append(title);
    page.append("</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n");
    return page;
}

QByteArray loginPage()
{
    return QByteArrayLiteral(
        "<!DOCTYPE html>\n<html dir=\"ltr\" lang=\"en\"><head><title>Sign in to your account"
        "</title><meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\"></head>"
        "<body><form name=\"f1\" method=\"post\" "
        "action=\"https://login.microsoftonline.com/common/login\"><div>Sign in</div>"
        "<input type=\"email\" name=\"loginfmt\" placeholder=\"Email, phone, or Skype\">"
        "<input type=\"submit\" value=\"Next\"></form></body></html>\n");
}

QByteArray malformedJson()
{
    return QByteArrayLiteral("{run_id: 1234, 'state': RUNNING,}");
}

} // namespace Brickrun::Emulator::HttpFaults
