#pragma once
// Which of a few (address, port) pairs accept a TCP connection within a deadline, tried in
// parallel on the calling thread (a local event loop). Used for discovery's guesses: a guessed
// server is offered only when its port answers.

#include <QHostAddress>
#include <QList>
#include <atomic>
#include <vector>

namespace herald::accounts {

struct ProbeTarget
{
    QList<QHostAddress> addresses; // the host's addresses; the first that connects counts
    quint16 port = 0;
};

// One bool per target, true when a connection was accepted within timeoutMs.
std::vector<bool> probePorts(const std::vector<ProbeTarget> &targets, int timeoutMs,
                             const std::atomic<bool> *stop);

} // namespace herald::accounts
