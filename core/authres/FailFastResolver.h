#pragma once
// A DnsResolver decorator for batch verification: once `threshold` questions in a row got
// TempError (the DNS server is unreachable or the machine is offline), every further question
// gets TempError at once instead of waiting for another timeout. One answer resets the count.
// A sync then pays a few timeouts when DNS is down, not a few per message.

#include "core/authres/DnsResolver.h"

namespace herald::authres {

class FailFastResolver : public DnsResolver
{
public:
    explicit FailFastResolver(DnsResolver &inner, int threshold = 2)
        : m_inner(inner), m_threshold(threshold)
    {
    }

    bool tripped() const { return m_failuresInARow >= m_threshold; }

    DnsReply<QByteArray> txt(const QByteArray &name) override;
    DnsReply<QHostAddress> addresses(const QByteArray &name, bool ipv6) override;
    DnsReply<MxRecord> mx(const QByteArray &name) override;
    DnsReply<SrvRecord> srv(const QByteArray &name) override;
    DnsReply<QByteArray> ptr(const QHostAddress &address) override;

private:
    template <typename T, typename Ask> DnsReply<T> guarded(Ask ask);

    DnsResolver &m_inner;
    int m_threshold;
    int m_failuresInARow = 0;
};

// Answers every question with TempError: for verdicts that must not touch the network
// (Authentication-Results only, at header time).
class NoDnsResolver : public DnsResolver
{
public:
    DnsReply<QByteArray> txt(const QByteArray &) override { return {DnsStatus::TempError, {}}; }
    DnsReply<QHostAddress> addresses(const QByteArray &, bool) override
    {
        return {DnsStatus::TempError, {}};
    }
    DnsReply<MxRecord> mx(const QByteArray &) override { return {DnsStatus::TempError, {}}; }
    DnsReply<SrvRecord> srv(const QByteArray &) override { return {DnsStatus::TempError, {}}; }
    DnsReply<QByteArray> ptr(const QHostAddress &) override { return {DnsStatus::TempError, {}}; }
};

} // namespace herald::authres
