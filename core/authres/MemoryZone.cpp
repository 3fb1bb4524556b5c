#include "core/authres/MemoryZone.h"

namespace herald::authres {

namespace {

QByteArray key(const QByteArray &name)
{
    QByteArray k = name.toLower();
    while (k.endsWith('.'))
        k.chop(1);
    return k;
}

} // namespace

void MemoryZone::addTxt(const QByteArray &name, const QByteArray &text)
{
    m_records[key(name)].append({Type::TXT, text, {}, 0, {}});
}

void MemoryZone::addAddress(const QByteArray &name, const QHostAddress &address)
{
    const Type t = address.protocol() == QAbstractSocket::IPv4Protocol ? Type::A : Type::AAAA;
    m_records[key(name)].append({t, {}, address, 0, {}});
}

void MemoryZone::addMx(const QByteArray &name, quint16 preference, const QByteArray &exchange)
{
    m_records[key(name)].append({Type::MX, key(exchange), {}, preference, {}});
}

void MemoryZone::addSrv(const QByteArray &name, const SrvRecord &record)
{
    SrvRecord r = record;
    r.target = r.target == "." ? r.target : key(r.target);
    m_records[key(name)].append({Type::SRV, {}, {}, 0, r});
}

void MemoryZone::addPtr(const QByteArray &name, const QByteArray &target)
{
    m_records[key(name)].append({Type::PTR, key(target), {}, 0, {}});
}

void MemoryZone::addCname(const QByteArray &name, const QByteArray &target)
{
    m_records[key(name)].append({Type::CNAME, key(target), {}, 0, {}});
}

void MemoryZone::addName(const QByteArray &name)
{
    m_records[key(name)];
}

void MemoryZone::addTimeout(const QByteArray &name, bool onlyUnlistedTypes)
{
    m_timeouts.insert(key(name), onlyUnlistedTypes);
}

void MemoryZone::addTimeoutSuffix(const QByteArray &suffix)
{
    m_timeoutSuffixes.append(key(suffix));
}

DnsStatus MemoryZone::lookup(const QByteArray &name, Type type, QList<Record> &out)
{
    ++m_queries;
    QByteArray k = key(name);
    for (int step = 0; step < 8; ++step) {
        for (const QByteArray &suffix : m_timeoutSuffixes) {
            if (k == suffix || k.endsWith('.' + suffix))
                return DnsStatus::TempError;
        }
        const auto timeout = m_timeouts.constFind(k);
        const auto it = m_records.constFind(k);
        bool hasType = false;
        QByteArray cname;
        if (it != m_records.constEnd()) {
            for (const Record &r : *it) {
                if (r.type == type) {
                    out.append(r);
                    hasType = true;
                } else if (r.type == Type::CNAME) {
                    cname = r.text;
                }
            }
        }
        if (hasType)
            return DnsStatus::Ok;
        if (timeout != m_timeouts.constEnd())
            return DnsStatus::TempError;
        if (!cname.isEmpty()) {
            k = cname;
            continue;
        }
        return it == m_records.constEnd() ? DnsStatus::NxDomain : DnsStatus::NoData;
    }
    return DnsStatus::TempError; // CNAME loop
}

DnsReply<QByteArray> MemoryZone::txt(const QByteArray &name)
{
    QList<Record> found;
    DnsReply<QByteArray> reply;
    reply.status = lookup(name, Type::TXT, found);
    for (const Record &r : found)
        reply.records.append(r.text);
    return reply;
}

DnsReply<QHostAddress> MemoryZone::addresses(const QByteArray &name, bool ipv6)
{
    QList<Record> found;
    DnsReply<QHostAddress> reply;
    reply.status = lookup(name, ipv6 ? Type::AAAA : Type::A, found);
    for (const Record &r : found)
        reply.records.append(r.address);
    return reply;
}

DnsReply<MxRecord> MemoryZone::mx(const QByteArray &name)
{
    QList<Record> found;
    DnsReply<MxRecord> reply;
    reply.status = lookup(name, Type::MX, found);
    for (const Record &r : found)
        reply.records.append({r.preference, r.text});
    return reply;
}

DnsReply<SrvRecord> MemoryZone::srv(const QByteArray &name)
{
    QList<Record> found;
    DnsReply<SrvRecord> reply;
    reply.status = lookup(name, Type::SRV, found);
    for (const Record &r : found)
        reply.records.append(r.srv);
    return reply;
}

DnsReply<QByteArray> MemoryZone::ptr(const QHostAddress &address)
{
    QList<Record> found;
    DnsReply<QByteArray> reply;
    reply.status = lookup(reverseName(address), Type::PTR, found);
    for (const Record &r : found)
        reply.records.append(r.text);
    return reply;
}

} // namespace herald::authres
