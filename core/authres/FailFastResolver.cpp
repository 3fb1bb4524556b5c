#include "core/authres/FailFastResolver.h"

namespace herald::authres {

template <typename T, typename Ask> DnsReply<T> FailFastResolver::guarded(Ask ask)
{
    if (tripped())
        return {DnsStatus::TempError, {}};
    DnsReply<T> reply = ask();
    m_failuresInARow = reply.status == DnsStatus::TempError ? m_failuresInARow + 1 : 0;
    return reply;
}

DnsReply<QByteArray> FailFastResolver::txt(const QByteArray &name)
{
    return guarded<QByteArray>([&] { return m_inner.txt(name); });
}

DnsReply<QHostAddress> FailFastResolver::addresses(const QByteArray &name, bool ipv6)
{
    return guarded<QHostAddress>([&] { return m_inner.addresses(name, ipv6); });
}

DnsReply<MxRecord> FailFastResolver::mx(const QByteArray &name)
{
    return guarded<MxRecord>([&] { return m_inner.mx(name); });
}

DnsReply<SrvRecord> FailFastResolver::srv(const QByteArray &name)
{
    return guarded<SrvRecord>([&] { return m_inner.srv(name); });
}

DnsReply<QByteArray> FailFastResolver::ptr(const QHostAddress &address)
{
    return guarded<QByteArray>([&] { return m_inner.ptr(address); });
}

} // namespace herald::authres
