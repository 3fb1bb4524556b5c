#include "core/sync/ResolverDiscoveryDns.h"

#include "core/authres/FailFastResolver.h"
#include "core/authres/OrganizationalDomain.h"
#include "core/authres/UnboundResolver.h"

#include <QUrl>
#include <algorithm>

namespace herald::sync {

namespace {

QString effectiveNameserver(const QString &nameserver)
{
    return nameserver.isEmpty() ? qEnvironmentVariable("HERALD_NAMESERVER") : nameserver;
}

QByteArray ace(const QString &name)
{
    QByteArray n = QUrl::toAce(name.trimmed());
    if (n.isEmpty()) // not a valid IDN: ask as written, the server answers NXDOMAIN
        n = name.trimmed().toUtf8();
    while (n.endsWith('.'))
        n.chop(1);
    return n;
}

} // namespace

ResolverDiscoveryDns::ResolverDiscoveryDns(const QString &nameserver, int timeoutMs)
    : m_owned(
          std::make_unique<authres::UnboundResolver>(effectiveNameserver(nameserver), timeoutMs)),
      m_failFast(std::make_unique<authres::FailFastResolver>(*m_owned)), m_dns(*m_failFast)
{
}

ResolverDiscoveryDns::ResolverDiscoveryDns(authres::DnsResolver &resolver)
    : m_failFast(std::make_unique<authres::FailFastResolver>(resolver)), m_dns(*m_failFast)
{
}

ResolverDiscoveryDns::~ResolverDiscoveryDns() = default;

std::vector<accounts::DiscoveryDns::Srv> ResolverDiscoveryDns::srv(const QString &name)
{
    std::vector<Srv> out;
    for (const authres::SrvRecord &r : m_dns.srv(ace(name)).records) {
        if (r.target.isEmpty() || r.target == ".") // RFC 2782: the service is not offered
            continue;
        out.push_back({r.priority, r.weight, r.port, QUrl::fromAce(r.target)});
    }
    return out;
}

QStringList ResolverDiscoveryDns::mx(const QString &domain)
{
    QList<authres::MxRecord> records = m_dns.mx(ace(domain)).records;
    std::stable_sort(records.begin(), records.end(),
                     [](const auto &a, const auto &b) { return a.preference < b.preference; });
    QStringList out;
    for (const authres::MxRecord &r : records)
        if (!r.exchange.isEmpty() && r.exchange != ".")
            out << QUrl::fromAce(r.exchange);
    return out;
}

bool ResolverDiscoveryDns::hostExists(const QString &host)
{
    return !addresses(host).isEmpty();
}

QList<QHostAddress> ResolverDiscoveryDns::addresses(const QString &host)
{
    const QByteArray name = ace(host);
    QList<QHostAddress> out = m_dns.addresses(name, false).records;
    out += m_dns.addresses(name, true).records;
    return out;
}

QString ResolverDiscoveryDns::registrableDomain(const QString &host)
{
    return QUrl::fromAce(authres::organizationalDomain(ace(host)));
}

} // namespace herald::sync
