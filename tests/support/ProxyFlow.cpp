#include "tests/support/ProxyFlow.h"

#include <cerrno>
#include <cstring>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace herald::test {

ProxyFlow::ProxyFlow(int from, int to, std::vector<Fault> faults, FiredCallback fired)
    : m_from(from), m_to(to), m_faults(std::move(faults)), m_fired(m_faults.size(), false),
      m_onFired(std::move(fired))
{
}

bool ProxyFlow::writeAll(const char *data, size_t n)
{
    size_t done = 0;
    while (done < n) {
        // (send with MSG_NOSIGNAL: a peer that closed must not SIGPIPE the whole test)
        const ssize_t w = ::send(m_to, data + done, n - done, MSG_NOSIGNAL);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN) {
                pollfd p{m_to, POLLOUT, 0};
                ::poll(&p, 1, 1000);
                continue;
            }
            return false;
        }
        done += size_t(w);
    }
    return true;
}

bool ProxyFlow::pump()
{
    char buffer[64 * 1024];
    const ssize_t n = ::read(m_from, buffer, sizeof buffer);
    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        return true; // (a spurious wake-up: nothing to read after all)
    if (n <= 0)
        return false;
    return forward(buffer, size_t(n));
}

// The first unfired fault whose offset lies in the next n bytes of the stream.
const Fault *ProxyFlow::nextFault(size_t n)
{
    const Fault *best = nullptr;
    for (size_t i = 0; i < m_faults.size(); ++i) {
        const Fault &f = m_faults[i];
        if (m_fired[i] || f.offset < m_count || f.offset >= m_count + qint64(n))
            continue;
        if (!best || f.offset < best->offset)
            best = &f;
    }
    if (best) {
        m_fired[size_t(best - m_faults.data())] = true;
        if (m_onFired)
            m_onFired(*best);
    }
    return best;
}

bool ProxyFlow::forward(const char *data, size_t n)
{
    while (n > 0) {
        const Fault *f = nextFault(n);
        if (!f) {
            m_count += qint64(n);
            return writeAll(data, n);
        }
        const size_t before = size_t(f->offset - m_count);
        if (!writeAll(data, before))
            return false;
        m_count += qint64(before);
        data += before;
        n -= before;
        switch (f->kind) {
        case FaultKind::Cut:
            return false;
        case FaultKind::Corrupt: {
            const char c = char(data[0] ^ f->bytes.at(0));
            if (!writeAll(&c, 1))
                return false;
            ++m_count;
            ++data;
            --n;
            break;
        }
        case FaultKind::InjectLine:
            if (!writeAll(f->bytes.constData(), size_t(f->bytes.size())))
                return false;
            break;
        case FaultKind::TruncateLine: {
            const void *lf = std::memchr(data, '\n', n);
            const size_t dropped = lf ? size_t(static_cast<const char *>(lf) - data) + 1 : n;
            m_count += qint64(dropped);
            data += dropped;
            n -= dropped;
            break;
        }
        case FaultKind::Duplicate: {
            const size_t len = std::min(n, size_t(f->count));
            if (!writeAll(data, len) || !writeAll(data, len))
                return false;
            m_count += qint64(len);
            data += len;
            n -= len;
            break;
        }
        case FaultKind::Stall:
        case FaultKind::SlowDrip:
            // Hold the rest of this read (and read nothing more) until release().
            m_held.assign(data, n);
            m_count += qint64(n);
            m_dripLeft = f->kind == FaultKind::SlowDrip ? f->count : 0;
            m_dripMs = f->durationMs;
            m_releaseAt = Clock::now() + std::chrono::milliseconds(f->durationMs);
            return true;
        }
    }
    return true;
}

bool ProxyFlow::release()
{
    if (m_held.empty() || Clock::now() < m_releaseAt)
        return true;
    if (m_dripLeft > 0) {
        --m_dripLeft;
        const char c = m_held.front();
        m_held.erase(0, 1);
        m_releaseAt = Clock::now() + std::chrono::milliseconds(m_dripMs);
        if (m_dripLeft > 0 && !m_held.empty())
            return writeAll(&c, 1);
        if (!writeAll(&c, 1))
            return false;
    }
    const std::string rest = std::move(m_held);
    m_held.clear();
    m_dripLeft = 0;
    return writeAll(rest.data(), rest.size());
}

} // namespace herald::test
