#include "tests/support/TcpProxy.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace herald::test {

namespace {
struct Pair
{
    int client;
    int server;
};

void closeFd(int &fd)
{
    if (fd >= 0)
        ::close(fd);
    fd = -1;
}

// Copies what is readable from `from` to `to`; false when the connection is over.
bool pump(int from, int to)
{
    char buffer[64 * 1024];
    const ssize_t n = ::read(from, buffer, sizeof buffer);
    if (n <= 0)
        return false;
    ssize_t done = 0;
    while (done < n) {
        const ssize_t w = ::write(to, buffer + done, size_t(n - done));
        if (w < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN) {
                pollfd p{to, POLLOUT, 0};
                ::poll(&p, 1, 1000);
                continue;
            }
            return false;
        }
        done += w;
    }
    return true;
}
} // namespace

TcpProxy::TcpProxy(QString targetHost, quint16 targetPort)
    : m_targetHost(std::move(targetHost)), m_targetPort(targetPort)
{
}

TcpProxy::~TcpProxy() { stop(); }

bool TcpProxy::start()
{
    if (m_running)
        return true;
    m_listenFd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const int one = 1;
    ::setsockopt(m_listenFd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(m_port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(m_listenFd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 ||
        ::listen(m_listenFd, 16) != 0) {
        m_error = QStringLiteral("proxy: cannot listen on port %1: %2")
                      .arg(m_port)
                      .arg(QString::fromLocal8Bit(std::strerror(errno)));
        closeFd(m_listenFd);
        return false;
    }
    socklen_t len = sizeof addr;
    ::getsockname(m_listenFd, reinterpret_cast<sockaddr *>(&addr), &len);
    m_port = ntohs(addr.sin_port);
    if (::pipe2(m_wakeFds, O_CLOEXEC) != 0) {
        m_error = QStringLiteral("proxy: pipe failed");
        closeFd(m_listenFd);
        return false;
    }
    m_running = true;
    m_thread = std::thread([this] { loop(); });
    return true;
}

void TcpProxy::stop()
{
    if (!m_running)
        return;
    const char c = 'x';
    [[maybe_unused]] const ssize_t w = ::write(m_wakeFds[1], &c, 1);
    m_thread.join();
    closeFd(m_wakeFds[0]);
    closeFd(m_wakeFds[1]);
    m_running = false;
}

int TcpProxy::connectTarget()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(m_targetPort);
    ::inet_pton(AF_INET, m_targetHost.toLatin1().constData(), &addr.sin_addr);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

void TcpProxy::loop()
{
    std::vector<Pair> pairs;
    for (;;) {
        std::vector<pollfd> fds;
        fds.push_back({m_wakeFds[0], POLLIN, 0});
        fds.push_back({m_listenFd, POLLIN, 0});
        for (const Pair &p : pairs) {
            fds.push_back({p.client, POLLIN, 0});
            fds.push_back({p.server, POLLIN, 0});
        }
        if (::poll(fds.data(), fds.size(), -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (fds[0].revents)
            break;
        if (fds[1].revents & POLLIN) {
            const int client = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC);
            if (client >= 0) {
                ++m_accepted;
                const int server = connectTarget();
                if (server < 0)
                    ::close(client);
                else
                    pairs.push_back({client, server});
            }
        }
        std::vector<Pair> alive;
        for (size_t i = 0; i < pairs.size(); ++i) {
            Pair p = pairs[i];
            const short c = fds[2 + 2 * i].revents;
            const short s = fds[3 + 2 * i].revents;
            bool ok = true;
            if (c & (POLLIN | POLLHUP | POLLERR))
                ok = pump(p.client, p.server);
            if (ok && (s & (POLLIN | POLLHUP | POLLERR)))
                ok = pump(p.server, p.client);
            if (ok) {
                alive.push_back(p);
            } else {
                closeFd(p.client);
                closeFd(p.server);
            }
        }
        pairs.swap(alive);
    }
    // Stopped: the server "goes away" for every client at once.
    for (Pair &p : pairs) {
        closeFd(p.client);
        closeFd(p.server);
    }
    closeFd(m_listenFd);
}

} // namespace herald::test
