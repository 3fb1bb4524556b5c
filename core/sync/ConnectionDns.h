#pragma once
// Makes every connection Herald opens (IMAP sync and watch, POP3, SMTP sending, the set-up
// wizard's login check: all go through net::SecureSocket) resolve host names through
// Herald's own resolver when the user named a DNS server (--nameserver / $HERALD_NAMESERVER),
// so a server only that DNS knows can be reached; the certificate is still verified against
// the host name. Without a nameserver nothing changes (the system resolver). Names the
// nameserver does not know fall back to the system (/etc/hosts, "localhost").
// The front ends call this once at start-up (docs/decisions.md, "Connections and the DNS").

#include <QString>

namespace herald::sync {

// `nameserver` "HOST:PORT"; empty removes the hook. Throws std::runtime_error on an
// unusable nameserver string (as UnboundResolver does).
void useNameserverForConnections(const QString &nameserver);

} // namespace herald::sync
