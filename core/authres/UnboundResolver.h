#pragma once
// DnsResolver on libunbound: forwards to a settable server ("127.0.0.1@10053", the
// --nameserver option; loopback allowed) or, without one, to /etc/resolv.conf's servers.
// Every question has a deadline: a server that does not answer in time gives TempError.
// Answers are cached by libunbound for their TTL, for the life of the resolver.
// A server that let a question time out is remembered as down for a minute (DnsOutage): the
// questions after it, of this resolver or any other to the same server, fail at once.
// Thread-safe (one question at a time per resolver).

#include "core/authres/DnsResolver.h"

#include <QMutex>
#include <QString>
#include <atomic>
#include <memory>

struct ub_ctx;

namespace herald::authres {

class UnboundResolver : public DnsResolver
{
public:
    // `nameserver`: "HOST:PORT", "HOST@PORT", "HOST" or "" (system resolvers).
    // Throws std::runtime_error on an unusable nameserver string.
    explicit UnboundResolver(const QString &nameserver = QString(), int timeoutMs = 5000);
    ~UnboundResolver() override;

    DnsReply<QByteArray> txt(const QByteArray &name) override;
    DnsReply<QHostAddress> addresses(const QByteArray &name, bool ipv6) override;
    DnsReply<MxRecord> mx(const QByteArray &name) override;
    DnsReply<SrvRecord> srv(const QByteArray &name) override;
    DnsReply<QByteArray> ptr(const QHostAddress &address) override;

    // "HOST:PORT" / "[V6]:PORT" / "HOST" → unbound's "HOST@PORT"; empty when unusable.
    static QByteArray forwarderSpec(const QString &nameserver);

    // True once a question of this resolver went unanswered (timed out, or not asked because
    // the server is remembered as down): what `verify` reports as "DNS did not answer".
    bool hadNoAnswer() const { return m_noAnswer; }
    int timeoutMs() const { return m_timeoutMs; }

private:
    struct Answer
    {
        DnsStatus status = DnsStatus::TempError;
        QList<QByteArray> rdata;
    };
    Answer query(const QByteArray &name, int rrtype);

    struct CtxDeleter
    {
        void operator()(ub_ctx *ctx) const;
    };
    std::unique_ptr<ub_ctx, CtxDeleter> m_ctx;
    int m_timeoutMs;
    QByteArray m_server; // DnsOutage's name for the server asked
    std::atomic<bool> m_noAnswer{false};
    QMutex m_mutex;
};

} // namespace herald::authres
