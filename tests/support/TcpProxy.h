#pragma once
// A TCP forwarder on loopback for "the server went away" tests: clients connect to
// port(), bytes go both ways to the target. stop() closes the listening socket and
// every open connection (clients see a reset or EOF, new connections are refused);
// start() listens on the same port again. Runs on its own thread with poll(), so it
// keeps forwarding while the test blocks in QProcess::waitForFinished().
// setFaultPlan() makes it cut, stall, corrupt, … the streams of the next connections at set
// byte offsets (FaultPlan.h, ProxyFlow.h); without a plan it forwards faithfully.

#include "tests/support/FaultPlan.h"

#include <QString>
#include <QStringList>
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

namespace herald::test {

class TcpProxy
{
public:
    TcpProxy(QString targetHost, quint16 targetPort);
    ~TcpProxy();
    TcpProxy(const TcpProxy &) = delete;
    TcpProxy &operator=(const TcpProxy &) = delete;

    // Listens on 127.0.0.1 (an ephemeral port the first time, the same port after).
    // Returns false with errorString() set when it cannot.
    bool start();
    void stop();
    bool isRunning() const { return m_running; }
    quint16 port() const { return m_port; }
    QString errorString() const { return m_error; }
    // Connections accepted since construction.
    int connectionCount() const { return m_accepted; }

    // Faults for the connections accepted from now on (numbered from 0 again). Bytes
    // counted per connection restart too.
    void setFaultPlan(const FaultPlan &plan);
    // Descriptions of the faults that fired since the plan was set.
    QStringList firedFaults() const;
    // Bytes seen per connection since the plan was set: {to-server, to-client}.
    std::vector<std::pair<qint64, qint64>> byteCounts() const;

private:
    void loop();
    int connectTarget();

    QString m_targetHost;
    quint16 m_targetPort;
    quint16 m_port = 0;
    QString m_error;
    int m_listenFd = -1;
    int m_wakeFds[2] = {-1, -1};
    std::thread m_thread;
    std::atomic<bool> m_running{false};
    std::atomic<int> m_accepted{0};
    mutable std::mutex m_mutex; // guards the members below (the loop thread writes them)
    FaultPlan m_plan;
    int m_planConnections = 0;
    QStringList m_fired;
    std::vector<std::pair<qint64, qint64>> m_bytes; // per connection ever accepted
    size_t m_bytesBase = 0;                         // first one since the plan was set
};

} // namespace herald::test
