#include "tests/support/TcpProxy.h"

#include "tests/support/ProxyFlow.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace herald::test {

namespace {
// A proxied connection: both directions, and its number for the byte counts.
struct Pair
{
    int client;
    int server;
    size_t index;
    ProxyFlow toServer;
    ProxyFlow toClient;
};

void closeFd(int &fd)
{
    if (fd >= 0)
        ::close(fd);
    fd = -1;
}

std::vector<Fault> faultsFor(const FaultPlan &plan, int connection, FaultDirection direction)
{
    std::vector<Fault> out;
    for (const Fault &f : plan.faults())
        if (f.connection == connection && f.direction == direction)
            out.push_back(f);
    return out;
}
} // namespace

TcpProxy::TcpProxy(QString targetHost, quint16 targetPort)
    : m_targetHost(std::move(targetHost)), m_targetPort(targetPort)
{
}

TcpProxy::~TcpProxy()
{
    stop();
}

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
    // Non-blocking from here on: a read never waits on the proxy thread (writes wait in poll).
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    return fd;
}

void TcpProxy::setFaultPlan(const FaultPlan &plan)
{
    std::lock_guard lock(m_mutex);
    m_plan = plan;
    m_planConnections = 0;
    m_fired.clear();
    m_bytesBase = m_bytes.size(); // (connections still open keep their slots)
}

QStringList TcpProxy::firedFaults() const
{
    std::lock_guard lock(m_mutex);
    return m_fired;
}

std::vector<std::pair<qint64, qint64>> TcpProxy::byteCounts() const
{
    std::lock_guard lock(m_mutex);
    return {m_bytes.begin() + qsizetype(m_bytesBase), m_bytes.end()};
}

void TcpProxy::loop()
{
    std::vector<std::unique_ptr<Pair>> pairs;
    auto onFired = [this](const Fault &f) {
        std::lock_guard lock(m_mutex);
        m_fired << describeFault(f);
    };
    auto closePair = [](Pair &p) {
        closeFd(p.client);
        closeFd(p.server);
    };
    for (;;) {
        // A held (stalled, dripping) direction is not read; poll wakes up when it is due.
        int timeoutMs = -1;
        const auto now = ProxyFlow::Clock::now();
        std::vector<pollfd> fds;
        fds.push_back({m_wakeFds[0], POLLIN, 0});
        fds.push_back({m_listenFd, POLLIN, 0});
        for (const auto &p : pairs) {
            for (const ProxyFlow *flow : {&p->toServer, &p->toClient}) {
                fds.push_back({flow->holding() ? -1 : flow->from(), POLLIN, 0});
                if (flow->holding()) {
                    const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(
                                          flow->releaseAt() - now)
                                          .count();
                    const int ms = int(std::max<long long>(0, wait));
                    timeoutMs = timeoutMs < 0 ? ms : std::min(timeoutMs, ms);
                }
            }
        }
        if (::poll(fds.data(), fds.size(), timeoutMs) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (fds[0].revents)
            break;
        // Only the pairs polled above have revents; one accepted below waits for the next poll.
        // (Reading past fds made the thread read a new, silent client: it hung until that
        // client gave up - 3 of 150 runs of the fault campaign.)
        const size_t polled = pairs.size();
        if (fds[1].revents & POLLIN) {
            const int client =
                ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
            if (client >= 0) {
                ++m_accepted;
                const int server = connectTarget();
                if (server < 0) {
                    ::close(client);
                } else {
                    std::lock_guard lock(m_mutex);
                    const int n = m_planConnections++;
                    m_bytes.push_back({0, 0});
                    pairs.push_back(std::make_unique<Pair>(
                        Pair{client, server, m_bytes.size() - 1,
                             ProxyFlow(client, server,
                                       faultsFor(m_plan, n, FaultDirection::ToServer), onFired),
                             ProxyFlow(server, client,
                                       faultsFor(m_plan, n, FaultDirection::ToClient), onFired)}));
                }
            }
        }
        std::vector<std::unique_ptr<Pair>> alive;
        for (size_t i = 0; i < pairs.size(); ++i) {
            Pair &p = *pairs[i];
            const short c = i < polled ? fds[2 + 2 * i].revents : 0;
            const short s = i < polled ? fds[3 + 2 * i].revents : 0;
            bool ok = p.toServer.release() && p.toClient.release();
            if (ok && (c & (POLLIN | POLLHUP | POLLERR)))
                ok = p.toServer.pump();
            if (ok && (s & (POLLIN | POLLHUP | POLLERR)))
                ok = p.toClient.pump();
            {
                std::lock_guard lock(m_mutex);
                m_bytes[p.index] = {p.toServer.bytes(), p.toClient.bytes()};
            }
            if (ok)
                alive.push_back(std::move(pairs[i]));
            else
                closePair(p);
        }
        pairs.swap(alive);
    }
    // Stopped: the server "goes away" for every client at once.
    for (auto &p : pairs)
        closePair(*p);
    closeFd(m_listenFd);
}

} // namespace herald::test
