#include "core/accounts/PortProbe.h"

#include <QEventLoop>
#include <QTcpSocket>
#include <QTimer>
#include <memory>

namespace herald::accounts {

std::vector<bool> probePorts(const std::vector<ProbeTarget> &targets, int timeoutMs,
                             const std::atomic<bool> *stop)
{
    std::vector<bool> answered(targets.size(), false);
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    QEventLoop loop;
    int pending = 0;
    std::vector<std::unique_ptr<bool>> settled; // one per socket: counted once
    const auto settle = [&](bool *done) {
        if (*done)
            return;
        *done = true;
        if (--pending == 0)
            loop.quit();
    };
    for (size_t i = 0; i < targets.size(); ++i) {
        for (const QHostAddress &address : targets[i].addresses) {
            auto socket = std::make_unique<QTcpSocket>();
            QTcpSocket *s = socket.get();
            settled.push_back(std::make_unique<bool>(false));
            bool *done = settled.back().get();
            QObject::connect(s, &QTcpSocket::connected, &loop, [&answered, i, done, &settle] {
                answered[i] = true;
                settle(done);
            });
            QObject::connect(s, &QTcpSocket::errorOccurred, &loop,
                             [done, &settle] { settle(done); });
            ++pending;
            s->connectToHost(address, targets[i].port);
            sockets.push_back(std::move(socket));
        }
    }
    if (pending == 0)
        return answered;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    deadline.start(timeoutMs);
    QTimer stopPoll;
    QObject::connect(&stopPoll, &QTimer::timeout, &loop, [&] {
        if (stop && stop->load())
            loop.quit();
    });
    stopPoll.start(100);
    loop.exec();
    for (auto &s : sockets) {
        s->disconnect();
        s->abort();
    }
    return answered;
}

} // namespace herald::accounts
