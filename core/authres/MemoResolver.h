#pragma once
// A DnsResolver decorator that remembers every answer it passed on, for one batch of
// verification (a sync's VerdictPass): mail from one sender shares SPF, DKIM key and DMARC
// records, so a thousand messages from one list cost a handful of questions. TempError
// answers are not remembered (the next message may have better luck). Not for long-lived
// use: it ignores TTLs.

#include "core/authres/DnsResolver.h"

#include <QHash>

namespace herald::authres {

class MemoResolver : public DnsResolver
{
public:
    explicit MemoResolver(DnsResolver &inner) : m_inner(inner) {}

    DnsReply<QByteArray> txt(const QByteArray &name) override;
    DnsReply<QHostAddress> addresses(const QByteArray &name, bool ipv6) override;
    DnsReply<MxRecord> mx(const QByteArray &name) override;
    DnsReply<SrvRecord> srv(const QByteArray &name) override;
    DnsReply<QByteArray> ptr(const QHostAddress &address) override;

private:
    template <typename T, typename Ask>
    DnsReply<T> remembered(QHash<QByteArray, DnsReply<T>> &memo, const QByteArray &key, Ask ask);

    DnsResolver &m_inner;
    QHash<QByteArray, DnsReply<QByteArray>> m_txt, m_ptr;
    QHash<QByteArray, DnsReply<QHostAddress>> m_addresses;
    QHash<QByteArray, DnsReply<MxRecord>> m_mx;
    QHash<QByteArray, DnsReply<SrvRecord>> m_srv;
};

} // namespace herald::authres
