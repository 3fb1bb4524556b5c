#include "core/authres/DnsOutage.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>

namespace herald::authres {

namespace {
struct State
{
    QMutex mutex;
    QHash<QByteArray, QDeadlineTimer> downUntil;
    int memoryMs = DnsOutage::kDefaultMemoryMs;
};

State &state()
{
    static State s;
    return s;
}
} // namespace

bool DnsOutage::isDown(const QByteArray &server)
{
    State &s = state();
    QMutexLocker lock(&s.mutex);
    const auto it = s.downUntil.constFind(server);
    return it != s.downUntil.constEnd() && !it->hasExpired();
}

void DnsOutage::noteUnanswered(const QByteArray &server)
{
    State &s = state();
    QMutexLocker lock(&s.mutex);
    if (s.memoryMs > 0)
        s.downUntil.insert(server, QDeadlineTimer(s.memoryMs));
}

void DnsOutage::noteAnswered(const QByteArray &server)
{
    State &s = state();
    QMutexLocker lock(&s.mutex);
    s.downUntil.remove(server);
}

void DnsOutage::setMemoryMs(int ms)
{
    State &s = state();
    QMutexLocker lock(&s.mutex);
    s.memoryMs = ms;
    if (ms <= 0)
        s.downUntil.clear();
}

} // namespace herald::authres
