#pragma once
// An in-memory DNS zone for the test suites (SPF, DKIM, ARC): records by name and type,
// CNAMEs followed, names that time out, and a count of the questions asked.

#include "core/authres/DnsResolver.h"

#include <QHash>
#include <QSet>

namespace herald::authres {

class MemoryZone : public DnsResolver
{
public:
    enum class Type { A, AAAA, MX, TXT, PTR, CNAME, SRV };

    void addTxt(const QByteArray &name, const QByteArray &text);
    void addAddress(const QByteArray &name, const QHostAddress &address);
    void addMx(const QByteArray &name, quint16 preference, const QByteArray &exchange);
    void addSrv(const QByteArray &name, const SrvRecord &record);
    void addPtr(const QByteArray &name, const QByteArray &target); // name: a reverse name
    void addCname(const QByteArray &name, const QByteArray &target);
    // Makes the name exist without records (NoData instead of NxDomain).
    void addName(const QByteArray &name);
    // Questions for `name` time out: every type, or only types with no record listed.
    void addTimeout(const QByteArray &name, bool onlyUnlistedTypes = false);
    // Questions for names below `suffix` (or equal) time out.
    void addTimeoutSuffix(const QByteArray &suffix);

    DnsReply<QByteArray> txt(const QByteArray &name) override;
    DnsReply<QHostAddress> addresses(const QByteArray &name, bool ipv6) override;
    DnsReply<MxRecord> mx(const QByteArray &name) override;
    DnsReply<SrvRecord> srv(const QByteArray &name) override;
    DnsReply<QByteArray> ptr(const QHostAddress &address) override;

    int queries() const { return m_queries; }

private:
    struct Record
    {
        Type type;
        QByteArray text;
        QHostAddress address;
        quint16 preference = 0;
        SrvRecord srv;
    };
    // Records of `type` at name (after one CNAME step), with the status to report.
    DnsStatus lookup(const QByteArray &name, Type type, QList<Record> &out);

    QHash<QByteArray, QList<Record>> m_records;
    QHash<QByteArray, bool> m_timeouts; // name → only unlisted types
    QList<QByteArray> m_timeoutSuffixes;
    int m_queries = 0;
};

} // namespace herald::authres
