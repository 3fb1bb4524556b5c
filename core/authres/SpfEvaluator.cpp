#include "core/authres/SpfEvaluator.h"

#include "core/authres/SpfMacro.h"
#include "core/authres/SpfRecord.h"

#include <optional>

namespace herald::authres {

namespace {

enum class Spf { None, Neutral, Pass, Fail, SoftFail, TempError, PermError };

QString word(Spf r)
{
    switch (r) {
    case Spf::None:
        return QStringLiteral("none");
    case Spf::Neutral:
        return QStringLiteral("neutral");
    case Spf::Pass:
        return QStringLiteral("pass");
    case Spf::Fail:
        return QStringLiteral("fail");
    case Spf::SoftFail:
        return QStringLiteral("softfail");
    case Spf::TempError:
        return QStringLiteral("temperror");
    case Spf::PermError:
        return QStringLiteral("permerror");
    }
    return QString();
}

Spf fromQualifier(SpfQualifier q)
{
    switch (q) {
    case SpfQualifier::Pass:
        return Spf::Pass;
    case SpfQualifier::Fail:
        return Spf::Fail;
    case SpfQualifier::SoftFail:
        return Spf::SoftFail;
    case SpfQualifier::Neutral:
        return Spf::Neutral;
    }
    return Spf::Neutral;
}

// Ends evaluation with a result (limits, DNS errors).
struct Abort
{
    Spf result;
    QString detail;
};

// A name usable in a query: labels 1..63 octets, 253 octets in all.
bool isQueryableName(const QByteArray &name, bool requireMultiLabel)
{
    if (name.isEmpty() || name.size() > 253)
        return false;
    const QList<QByteArray> labels = name.split('.');
    if (requireMultiLabel && labels.size() < 2)
        return false;
    for (const QByteArray &l : labels) {
        if (l.isEmpty() || l.size() > 63)
            return false;
    }
    return true;
}

QByteArray normalizeName(QByteArray name)
{
    while (name.endsWith('.'))
        name.chop(1);
    return name;
}

// RFC 7208 section 7.3: longer than 253 octets → drop labels from the left.
QByteArray truncateName(QByteArray name)
{
    name = normalizeName(name);
    while (name.size() > 253) {
        const qsizetype dot = name.indexOf('.');
        if (dot < 0)
            break;
        name = name.mid(dot + 1);
    }
    return name;
}

bool sameFamily(const QHostAddress &a, const QHostAddress &b)
{
    return a.protocol() == b.protocol();
}

class Evaluator
{
public:
    Evaluator(const SpfRequest &req, DnsResolver &dns, const QHostAddress &ip)
        : m_req(req), m_dns(dns), m_ip(ip)
    {
    }

    struct Outcome
    {
        Spf result;
        QString explanation;
        QString detail;
    };

    Outcome checkHost(const QByteArray &domain, const QByteArray &sender, int depth)
    {
        try {
            return run(domain, sender, depth);
        } catch (const Abort &a) {
            return {a.result, QString(), a.detail};
        }
    }

private:
    bool ipv4() const { return m_ip.protocol() == QAbstractSocket::IPv4Protocol; }

    void countLookup()
    {
        if (++m_lookups > 10)
            throw Abort{Spf::PermError, QStringLiteral("more than 10 DNS-querying terms")};
    }

    void countVoid()
    {
        if (++m_voids > 2)
            throw Abort{Spf::PermError, QStringLiteral("more than 2 void DNS lookups")};
    }

    SpfMacroContext macroContext(const QByteArray &domain, const QByteArray &sender)
    {
        SpfMacroContext ctx;
        ctx.sender = sender;
        ctx.domain = domain;
        ctx.helo = m_req.helo;
        ctx.receiver = m_req.receiver;
        ctx.ip = m_ip;
        ctx.now = m_req.now;
        ctx.validatedName = [this, domain]() { return validatedName(domain); };
        return ctx;
    }

    QByteArray expandDomain(const QByteArray &spec, const QByteArray &domain,
                            const QByteArray &sender)
    {
        if (spec.isEmpty())
            return domain;
        const std::optional<QByteArray> out =
            expandSpfMacro(spec, macroContext(domain, sender), false);
        if (!out)
            throw Abort{Spf::PermError, QStringLiteral("invalid macro")};
        return truncateName(*out);
    }

    QList<QHostAddress> addressesOf(const QByteArray &name, bool v4, bool countVoids)
    {
        if (!isQueryableName(name, false)) {
            if (countVoids)
                countVoid();
            return {};
        }
        const DnsReply<QHostAddress> r = m_dns.addresses(name, !v4);
        if (r.status == DnsStatus::TempError)
            throw Abort{Spf::TempError,
                        QStringLiteral("DNS lookup of %1 failed").arg(QString::fromUtf8(name))};
        if (r.isVoid() && countVoids)
            countVoid();
        return r.records;
    }

    bool matches(const QList<QHostAddress> &addrs, int cidr4, int cidr6) const
    {
        for (const QHostAddress &a : addrs) {
            if (sameFamily(a, m_ip) && m_ip.isInSubnet(a, ipv4() ? cidr4 : cidr6))
                return true;
        }
        return false;
    }

    // PTR names of the client whose addresses lead back to it (at most 10 tried). Asked once
    // per evaluation: the client does not change, and a record using %{p} in every term
    // (a 1.6 KB record asked 4,511 DNS questions) must not multiply the lookups that RFC 7208
    // section 4.6.4 limits.
    QList<QByteArray> validatedNames()
    {
        if (m_validatedNames)
            return *m_validatedNames;
        QList<QByteArray> out;
        const DnsReply<QByteArray> ptr = m_dns.ptr(m_ip);
        if (ptr.status == DnsStatus::TempError) {
            m_validatedNames = out; // a PTR that timed out is not asked again
            return out;
        }
        if (ptr.isVoid())
            countVoid();
        int tried = 0;
        for (const QByteArray &name : ptr.records) {
            if (++tried > 10)
                break;
            const QByteArray n = normalizeName(name);
            if (!isQueryableName(n, false))
                continue;
            const DnsReply<QHostAddress> a = m_dns.addresses(n, !ipv4());
            if (a.ok() && matches(a.records, 32, 128))
                out.append(n);
        }
        m_validatedNames = out;
        return out;
    }

    static bool isSubdomainOf(const QByteArray &name, const QByteArray &domain)
    {
        const QByteArray n = name.toLower(), d = domain.toLower();
        return n == d || n.endsWith('.' + d);
    }

    QByteArray validatedName(const QByteArray &domain)
    {
        QList<QByteArray> names;
        try {
            names = validatedNames();
        } catch (const Abort &) {
            return "unknown";
        }
        for (const QByteArray &n : names) {
            if (isSubdomainOf(n, domain))
                return n;
        }
        return names.isEmpty() ? QByteArray("unknown") : names.first();
    }

    bool mechanismMatches(const SpfMechanism &m, const QByteArray &domain, const QByteArray &sender,
                          int depth)
    {
        switch (m.kind) {
        case SpfMechanismKind::All:
            return true;
        case SpfMechanismKind::Ip4:
        case SpfMechanismKind::Ip6:
            return sameFamily(m.network, m_ip) &&
                   m_ip.isInSubnet(m.network, m.kind == SpfMechanismKind::Ip4 ? m.cidr4 : m.cidr6);
        case SpfMechanismKind::A: {
            countLookup();
            const QByteArray target = expandDomain(m.domainSpec, domain, sender);
            return matches(addressesOf(target, ipv4(), true), m.cidr4, m.cidr6);
        }
        case SpfMechanismKind::Mx: {
            countLookup();
            const QByteArray target = expandDomain(m.domainSpec, domain, sender);
            if (!isQueryableName(target, false)) {
                countVoid();
                return false;
            }
            const DnsReply<MxRecord> mx = m_dns.mx(target);
            if (mx.status == DnsStatus::TempError)
                throw Abort{Spf::TempError, QStringLiteral("MX lookup failed")};
            if (mx.isVoid())
                countVoid();
            if (mx.records.size() > 10)
                throw Abort{Spf::PermError, QStringLiteral("more than 10 MX records")};
            for (const MxRecord &r : mx.records) {
                if (matches(addressesOf(normalizeName(r.exchange), ipv4(), false), m.cidr4,
                            m.cidr6))
                    return true;
            }
            return false;
        }
        case SpfMechanismKind::Ptr: {
            countLookup();
            const QByteArray target = expandDomain(m.domainSpec, domain, sender);
            for (const QByteArray &n : validatedNames()) {
                if (isSubdomainOf(n, target))
                    return true;
            }
            return false;
        }
        case SpfMechanismKind::Exists: {
            countLookup();
            const QByteArray target = expandDomain(m.domainSpec, domain, sender);
            return !addressesOf(target, true, true).isEmpty();
        }
        case SpfMechanismKind::Include: {
            countLookup();
            const QByteArray target = expandDomain(m.domainSpec, domain, sender);
            const Outcome inner = run(target, sender, depth + 1);
            switch (inner.result) {
            case Spf::Pass:
                return true;
            case Spf::Fail:
            case Spf::SoftFail:
            case Spf::Neutral:
                return false;
            case Spf::TempError:
                throw Abort{Spf::TempError, inner.detail};
            case Spf::None:
                throw Abort{Spf::PermError, QStringLiteral("included domain %1 has no SPF record")
                                                .arg(QString::fromUtf8(target))};
            case Spf::PermError:
                throw Abort{Spf::PermError, inner.detail};
            }
            return false;
        }
        }
        return false;
    }

    QString explain(const SpfRecord &record, const QByteArray &domain, const QByteArray &sender)
    {
        if (!record.exp)
            return m_req.defaultExplanation;
        try {
            const QByteArray target = expandDomain(*record.exp, domain, sender);
            if (!isQueryableName(target, false))
                return m_req.defaultExplanation;
            const DnsReply<QByteArray> txt = m_dns.txt(target);
            if (!txt.ok() || txt.records.size() != 1)
                return m_req.defaultExplanation;
            const std::optional<QByteArray> text =
                expandSpfMacro(txt.records.first(), macroContext(domain, sender), true);
            if (!text)
                return m_req.defaultExplanation;
            return QString::fromUtf8(*text);
        } catch (const Abort &) {
            return m_req.defaultExplanation;
        }
    }

    Outcome run(const QByteArray &domainIn, const QByteArray &sender, int depth)
    {
        const QByteArray domain = normalizeName(domainIn);
        if (!isQueryableName(domain, true))
            return {depth == 0 ? Spf::None : Spf::None, QString(),
                    QStringLiteral("%1 is not a valid domain name").arg(QString::fromUtf8(domain))};
        const DnsReply<QByteArray> txt = m_dns.txt(domain);
        if (txt.status == DnsStatus::TempError)
            return {Spf::TempError, QString(), QStringLiteral("SPF record lookup failed")};
        QList<QByteArray> spf;
        for (const QByteArray &t : txt.records) {
            if (isSpfRecord(t))
                spf.append(t);
        }
        if (spf.isEmpty())
            return {Spf::None, QString(), QStringLiteral("no SPF record")};
        if (spf.size() > 1)
            return {Spf::PermError, QString(), QStringLiteral("more than one SPF record")};
        QString error;
        const std::optional<SpfRecord> record = parseSpfRecord(spf.first(), &error);
        if (!record)
            return {Spf::PermError, QString(), error};
        for (const SpfMechanism &m : record->mechanisms) {
            if (mechanismMatches(m, domain, sender, depth)) {
                const Spf r = fromQualifier(m.qualifier);
                return {r, r == Spf::Fail ? explain(*record, domain, sender) : QString(),
                        QString()};
            }
        }
        if (record->redirect) {
            countLookup();
            const QByteArray target = expandDomain(*record->redirect, domain, sender);
            Outcome inner = run(target, sender, depth + 1);
            if (inner.result == Spf::None)
                return {Spf::PermError, QString(),
                        QStringLiteral("redirect to %1 without SPF record")
                            .arg(QString::fromUtf8(target))};
            return inner;
        }
        return {Spf::Neutral, QString(), QString()};
    }

    const SpfRequest &m_req;
    DnsResolver &m_dns;
    QHostAddress m_ip;
    int m_lookups = 0;
    int m_voids = 0;
    std::optional<QList<QByteArray>> m_validatedNames;
};

} // namespace

SpfResult evaluateSpf(const SpfRequest &request, DnsResolver &dns)
{
    SpfResult out;
    QHostAddress ip = request.ip;
    bool mapped = false;
    const quint32 v4 = ip.toIPv4Address(&mapped); // IPv4-mapped IPv6 → IPv4
    if (mapped)
        ip = QHostAddress(v4);
    QByteArray sender = request.mailFrom.trimmed();
    if (sender.startsWith('<') && sender.endsWith('>'))
        sender = sender.mid(1, sender.size() - 2);
    if (sender.isEmpty())
        sender = "postmaster@" + request.helo;
    else if (!sender.contains('@'))
        sender = "postmaster@" + sender;
    else if (sender.startsWith('@'))
        sender = "postmaster" + sender;
    out.domain = normalizeName(sender.mid(sender.lastIndexOf('@') + 1));
    if (ip.isNull()) {
        out.result = QStringLiteral("none");
        out.detail = QStringLiteral("no client address");
        return out;
    }
    Evaluator evaluator(request, dns, ip);
    const Evaluator::Outcome o = evaluator.checkHost(out.domain, sender, 0);
    out.result = word(o.result);
    out.explanation = o.explanation;
    out.detail = o.detail;
    return out;
}

} // namespace herald::authres
