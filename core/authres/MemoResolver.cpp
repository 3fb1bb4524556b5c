#include "core/authres/MemoResolver.h"

namespace herald::authres {

template <typename T, typename Ask>
DnsReply<T> MemoResolver::remembered(QHash<QByteArray, DnsReply<T>> &memo, const QByteArray &key,
                                     Ask ask)
{
    const auto it = memo.constFind(key);
    if (it != memo.constEnd())
        return *it;
    DnsReply<T> reply = ask();
    if (reply.status != DnsStatus::TempError)
        memo.insert(key, reply);
    return reply;
}

DnsReply<QByteArray> MemoResolver::txt(const QByteArray &name)
{
    return remembered(m_txt, name.toLower(), [&] { return m_inner.txt(name); });
}

DnsReply<QHostAddress> MemoResolver::addresses(const QByteArray &name, bool ipv6)
{
    return remembered(m_addresses, (ipv6 ? "6 " : "4 ") + name.toLower(),
                      [&] { return m_inner.addresses(name, ipv6); });
}

DnsReply<MxRecord> MemoResolver::mx(const QByteArray &name)
{
    return remembered(m_mx, name.toLower(), [&] { return m_inner.mx(name); });
}

DnsReply<SrvRecord> MemoResolver::srv(const QByteArray &name)
{
    return remembered(m_srv, name.toLower(), [&] { return m_inner.srv(name); });
}

DnsReply<QByteArray> MemoResolver::ptr(const QHostAddress &address)
{
    return remembered(m_ptr, address.toString().toLatin1(), [&] { return m_inner.ptr(address); });
}

} // namespace herald::authres
