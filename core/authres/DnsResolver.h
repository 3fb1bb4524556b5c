#pragma once
// The DNS questions the verifiers ask, behind a small synchronous interface (verification
// runs on an account's worker thread). Two implementations: UnboundResolver (libunbound, a
// settable forwarder such as 127.0.0.1@10053, timeouts, cache) and MemoryZone (tests).
// Names are given without the trailing dot; lookups are case-insensitive.

#include <QByteArray>
#include <QHostAddress>
#include <QList>

namespace herald::authres {

enum class DnsStatus {
    Ok,        // at least one record
    NoData,    // the name exists, no record of that type
    NxDomain,  // no such name
    TempError, // timeout, SERVFAIL, no server: try again later
};

template <typename T> struct DnsReply
{
    DnsStatus status = DnsStatus::NoData;
    QList<T> records;

    bool ok() const { return status == DnsStatus::Ok; }
    bool isVoid() const { return status == DnsStatus::NoData || status == DnsStatus::NxDomain; }
};

struct MxRecord
{
    quint16 preference = 0;
    QByteArray exchange;
};

// RFC 2782 service record; `target` without the trailing dot ("." means: not offered).
struct SrvRecord
{
    quint16 priority = 0;
    quint16 weight = 0;
    quint16 port = 0;
    QByteArray target;
};

class DnsResolver
{
public:
    virtual ~DnsResolver() = default;

    // TXT: each record's character-strings joined without a separator.
    virtual DnsReply<QByteArray> txt(const QByteArray &name) = 0;
    // A (ipv6 = false) or AAAA (ipv6 = true).
    virtual DnsReply<QHostAddress> addresses(const QByteArray &name, bool ipv6) = 0;
    virtual DnsReply<MxRecord> mx(const QByteArray &name) = 0;
    // SRV of a service name such as "_imaps._tcp.example.org" (account discovery).
    virtual DnsReply<SrvRecord> srv(const QByteArray &name) = 0;
    // PTR of the reverse name of `address` (in-addr.arpa / ip6.arpa).
    virtual DnsReply<QByteArray> ptr(const QHostAddress &address) = 0;
};

// "4.3.2.1.in-addr.arpa" / nibble "….ip6.arpa" for an address.
QByteArray reverseName(const QHostAddress &address);

} // namespace herald::authres
