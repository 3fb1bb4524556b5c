#include "core/authres/UnboundResolver.h"

#include "core/authres/DnsOutage.h"

#include <QDeadlineTimer>
#include <QMutexLocker>
#include <poll.h>
#include <stdexcept>
#include <unbound.h>

namespace herald::authres {

namespace {

constexpr int kTypeA = 1, kTypePtr = 12, kTypeMx = 15, kTypeTxt = 16, kTypeAaaa = 28, kTypeSrv = 33;
constexpr int kClassIn = 1;

struct Pending
{
    bool done = false;
    int err = 0;
    ub_result *result = nullptr;
};

void onResult(void *arg, int err, ub_result *result)
{
    auto *p = static_cast<Pending *>(arg);
    p->done = true;
    p->err = err;
    p->result = result;
}

// A domain name in uncompressed wire format (as libunbound hands out rdata).
QByteArray wireName(const char *data, int len, int offset)
{
    QByteArray out;
    while (offset < len) {
        const int label = static_cast<unsigned char>(data[offset++]);
        if (label == 0 || label > 63 || offset + label > len)
            break;
        if (!out.isEmpty())
            out += '.';
        out += QByteArray(data + offset, label);
        offset += label;
    }
    return out.toLower();
}

} // namespace

void UnboundResolver::CtxDeleter::operator()(ub_ctx *ctx) const
{
    ub_ctx_delete(ctx);
}

QByteArray UnboundResolver::forwarderSpec(const QString &nameserver)
{
    QString host = nameserver.trimmed();
    QString port;
    if (host.startsWith(QLatin1Char('['))) {
        const qsizetype close = host.indexOf(QLatin1Char(']'));
        if (close < 0)
            return {};
        port = host.mid(close + 1);
        host = host.mid(1, close - 1);
        if (port.startsWith(QLatin1Char(':')) || port.startsWith(QLatin1Char('@')))
            port = port.mid(1);
        else if (!port.isEmpty())
            return {};
    } else if (host.count(QLatin1Char(':')) == 1 || host.contains(QLatin1Char('@'))) {
        const qsizetype sep =
            host.lastIndexOf(host.contains(QLatin1Char('@')) ? QLatin1Char('@') : QLatin1Char(':'));
        port = host.mid(sep + 1);
        host = host.left(sep);
    }
    if (QHostAddress(host).isNull())
        return {};
    if (!port.isEmpty()) {
        bool ok = false;
        const int p = port.toInt(&ok);
        if (!ok || p <= 0 || p > 65535)
            return {};
        return (host + QLatin1Char('@') + QString::number(p)).toLatin1();
    }
    return host.toLatin1();
}

UnboundResolver::UnboundResolver(const QString &nameserver, int timeoutMs)
    : m_ctx(ub_ctx_create()), m_timeoutMs(timeoutMs),
      m_server(nameserver.trimmed().isEmpty() ? QByteArray() : forwarderSpec(nameserver))
{
    if (!m_ctx)
        throw std::runtime_error("cannot create a DNS resolver context");
    // Resolve on a thread, not in a forked process (libunbound's default): the forked child
    // runs the parent's exit handlers when it ends, and in the window Qt's D-Bus handler
    // waits there for a thread the child does not have, so ub_ctx_delete() waited forever and
    // the sync pass never finished.
    ub_ctx_async(m_ctx.get(), 1);
    ub_ctx_set_option(m_ctx.get(), "do-not-query-localhost:", "no");
    // Unbound answers special-use names (test., invalid., localhost., loopback and private
    // reverse zones) itself; a mail verifier must ask the configured server instead (the test
    // stack serves herald.test on loopback).
    ub_ctx_set_option(m_ctx.get(), "unblock-lan-zones:", "yes");
    ub_ctx_set_option(m_ctx.get(), "insecure-lan-zones:", "yes");
    if (nameserver.trimmed().isEmpty()) {
        if (ub_ctx_resolvconf(m_ctx.get(), nullptr) != 0)
            ub_ctx_set_fwd(m_ctx.get(), "127.0.0.1");
    } else {
        const QByteArray spec = forwarderSpec(nameserver);
        if (spec.isEmpty() || ub_ctx_set_fwd(m_ctx.get(), spec.constData()) != 0)
            throw std::runtime_error("unusable DNS server: " + nameserver.toStdString());
    }
    // Transparent local zones forward what unbound would answer itself (this finalizes the
    // context, so it comes last).
    for (const char *zone : {"test.", "invalid.", "localhost.", "onion.", "home.arpa.",
                             "127.in-addr.arpa.", "10.in-addr.arpa.", "168.192.in-addr.arpa."})
        ub_ctx_zone_add(m_ctx.get(), zone, "transparent");
}

UnboundResolver::~UnboundResolver() = default;

UnboundResolver::Answer UnboundResolver::query(const QByteArray &name, int rrtype)
{
    QMutexLocker lock(&m_mutex);
    Answer answer;
    if (DnsOutage::isDown(m_server)) {
        m_noAnswer = true;
        return answer; // TempError without waiting again
    }
    Pending pending;
    int asyncId = 0;
    if (name.isEmpty() || name.size() > 253 ||
        ub_resolve_async(m_ctx.get(), name.constData(), rrtype, kClassIn, &pending, onResult,
                         &asyncId) != 0)
        return answer;
    const QDeadlineTimer deadline(m_timeoutMs);
    const int fd = ub_fd(m_ctx.get());
    while (!pending.done) {
        const qint64 left = deadline.remainingTime();
        if (left == 0) {
            ub_cancel(m_ctx.get(), asyncId);
            DnsOutage::noteUnanswered(m_server);
            m_noAnswer = true;
            return answer; // TempError
        }
        pollfd pfd{fd, POLLIN, 0};
        if (poll(&pfd, 1, static_cast<int>(qMin<qint64>(left, 1000))) > 0)
            ub_process(m_ctx.get());
    }
    ub_result *r = pending.result;
    if (pending.err != 0 || !r)
        return answer;
    DnsOutage::noteAnswered(m_server);
    if (r->nxdomain) {
        answer.status = DnsStatus::NxDomain;
    } else if (r->rcode != 0 && r->rcode != 3) {
        answer.status = DnsStatus::TempError;
    } else if (!r->havedata) {
        answer.status = DnsStatus::NoData;
    } else {
        answer.status = DnsStatus::Ok;
        for (int i = 0; r->data[i]; ++i)
            answer.rdata.append(QByteArray(r->data[i], r->len[i]));
    }
    ub_resolve_free(r);
    return answer;
}

DnsReply<QByteArray> UnboundResolver::txt(const QByteArray &name)
{
    const Answer a = query(name, kTypeTxt);
    DnsReply<QByteArray> reply{a.status, {}};
    for (const QByteArray &rd : a.rdata) {
        QByteArray text;
        for (qsizetype i = 0; i < rd.size();) {
            const int len = static_cast<unsigned char>(rd.at(i++));
            text += rd.mid(i, len);
            i += len;
        }
        reply.records.append(text);
    }
    return reply;
}

DnsReply<QHostAddress> UnboundResolver::addresses(const QByteArray &name, bool ipv6)
{
    const Answer a = query(name, ipv6 ? kTypeAaaa : kTypeA);
    DnsReply<QHostAddress> reply{a.status, {}};
    for (const QByteArray &rd : a.rdata) {
        if (!ipv6 && rd.size() == 4) {
            const auto *b = reinterpret_cast<const uchar *>(rd.constData());
            reply.records.append(QHostAddress(quint32(b[0]) << 24 | quint32(b[1]) << 16 |
                                              quint32(b[2]) << 8 | quint32(b[3])));
        } else if (ipv6 && rd.size() == 16) {
            reply.records.append(QHostAddress(reinterpret_cast<const quint8 *>(rd.constData())));
        }
    }
    return reply;
}

DnsReply<MxRecord> UnboundResolver::mx(const QByteArray &name)
{
    const Answer a = query(name, kTypeMx);
    DnsReply<MxRecord> reply{a.status, {}};
    for (const QByteArray &rd : a.rdata) {
        if (rd.size() < 3)
            continue;
        const auto pref = quint16(quint8(rd.at(0)) << 8 | quint8(rd.at(1)));
        reply.records.append({pref, wireName(rd.constData(), int(rd.size()), 2)});
    }
    return reply;
}

DnsReply<SrvRecord> UnboundResolver::srv(const QByteArray &name)
{
    const Answer a = query(name, kTypeSrv);
    DnsReply<SrvRecord> reply{a.status, {}};
    for (const QByteArray &rd : a.rdata) {
        if (rd.size() < 7)
            continue;
        const auto u16 = [&rd](int i) {
            return quint16(quint8(rd.at(i)) << 8 | quint8(rd.at(i + 1)));
        };
        QByteArray target = wireName(rd.constData(), int(rd.size()), 6);
        reply.records.append({u16(0), u16(2), u16(4), target.isEmpty() ? QByteArray(".") : target});
    }
    return reply;
}

DnsReply<QByteArray> UnboundResolver::ptr(const QHostAddress &address)
{
    const Answer a = query(reverseName(address), kTypePtr);
    DnsReply<QByteArray> reply{a.status, {}};
    for (const QByteArray &rd : a.rdata)
        reply.records.append(wireName(rd.constData(), int(rd.size()), 0));
    return reply;
}

} // namespace herald::authres
