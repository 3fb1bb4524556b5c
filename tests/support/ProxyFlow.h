#pragma once
// One direction of a proxied connection (client->server or server->client): copies bytes from
// one socket to the other, counts them, and applies the faults of a FaultPlan meant for it.
// Stall and slow drip hold bytes back; while holding() the proxy does not read `from` and
// calls release() at releaseAt().

#include "tests/support/FaultPlan.h"

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace herald::test {

class ProxyFlow
{
public:
    using Clock = std::chrono::steady_clock;
    // Called once per fault that fires, with its description.
    using FiredCallback = std::function<void(const Fault &)>;

    ProxyFlow(int from, int to, std::vector<Fault> faults, FiredCallback fired);

    int from() const { return m_from; }
    qint64 bytes() const { return m_count; }
    bool holding() const { return !m_held.empty(); }
    Clock::time_point releaseAt() const { return m_releaseAt; }

    // Reads what is there and forwards it; false when the connection is over (EOF, error, cut).
    bool pump();
    // Sends held bytes that are due; false when the connection is over.
    bool release();

private:
    bool forward(const char *data, size_t n);
    bool writeAll(const char *data, size_t n);
    const Fault *nextFault(size_t n);

    int m_from;
    int m_to;
    std::vector<Fault> m_faults;
    std::vector<bool> m_fired;
    FiredCallback m_onFired;
    qint64 m_count = 0; // bytes of the original stream consumed so far
    std::string m_held;
    Clock::time_point m_releaseAt;
    int m_dripLeft = 0; // slow drip: bytes still to send one by one
    int m_dripMs = 0;
};

} // namespace herald::test
