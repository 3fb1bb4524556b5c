#pragma once
// accounts::DiscoveryDns over Herald's own resolver (libunbound), so account discovery asks
// the same DNS server as the sender checks: --nameserver / $HERALD_NAMESERVER, else the
// system's. Lives here because core/accounts may not depend on core/authres.
//
//   sync::ResolverDiscoveryDns dns;                       // $HERALD_NAMESERVER or system
//   sync::ResolverDiscoveryDns dns(QStringLiteral("127.0.0.1:10053"));
//   accounts::discoverServers(email, dns, options, progress, &error);
//
// Construct and use it on the discovery's worker thread, one per discovery: after two
// questions in a row time out (DNS unreachable) the rest fail at once (FailFastResolver),
// so an offline discovery takes seconds, not a minute.

#include "core/accounts/Discovery.h"

#include <memory>

namespace herald::authres {
class DnsResolver;
class FailFastResolver;
} // namespace herald::authres

namespace herald::sync {

class ResolverDiscoveryDns : public accounts::DiscoveryDns
{
public:
    // `nameserver`: "HOST:PORT" as for --nameserver; empty: $HERALD_NAMESERVER, else the
    // system resolvers. Throws std::runtime_error on an unusable nameserver string.
    explicit ResolverDiscoveryDns(const QString &nameserver = QString(), int timeoutMs = 3000);
    // Over a resolver the caller owns (tests: authres::MemoryZone).
    explicit ResolverDiscoveryDns(authres::DnsResolver &resolver);
    ~ResolverDiscoveryDns() override;

    std::vector<Srv> srv(const QString &name) override;
    QStringList mx(const QString &domain) override;
    bool hostExists(const QString &host) override;
    QList<QHostAddress> addresses(const QString &host) override;
    QString registrableDomain(const QString &host) override;

private:
    std::unique_ptr<authres::DnsResolver> m_owned;
    std::unique_ptr<authres::FailFastResolver> m_failFast;
    authres::DnsResolver &m_dns;
};

} // namespace herald::sync
