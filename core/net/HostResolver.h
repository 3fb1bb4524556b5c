#pragma once
// How SecureSocket turns a server's host name into an address. By default nobody is asked
// here and QSslSocket uses the system resolver. When the user names a DNS server
// (--nameserver / $HERALD_NAMESERVER), core/sync installs Herald's own resolver
// (sync::useNameserverForConnections), so hosts that only that server knows (the test DNS's
// imap.herald.test) can be reached. The TLS certificate is still checked against the NAME.
// core/net cannot depend on core/authres: hence a hook, not a resolver. Thread-safe.

#include <QHostAddress>
#include <QList>
#include <QString>
#include <functional>

namespace herald::net {

using HostResolver = std::function<QList<QHostAddress>(const QString &host)>;

// Installs (or, with an empty function, removes) the process-wide resolver.
void setHostResolver(HostResolver resolver);

// The addresses of `host` from the installed resolver, best first; empty when none is
// installed, when `host` is an IP literal or localhost, or when the resolver found nothing (the
// caller then lets the system resolve the name, which also knows /etc/hosts and "localhost").
QList<QHostAddress> resolveWithHook(const QString &host);

} // namespace herald::net
