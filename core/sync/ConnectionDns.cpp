#include "core/sync/ConnectionDns.h"

#include "core/authres/UnboundResolver.h"
#include "core/net/HostResolver.h"

#include <QUrl>
#include <memory>

namespace herald::sync {

void useNameserverForConnections(const QString &nameserver)
{
    if (nameserver.trimmed().isEmpty()) {
        net::setHostResolver({});
        return;
    }
    // One resolver for the process (thread-safe, caches answers for their TTL), shared by
    // every connection's thread through the hook's copy of this pointer.
    auto resolver = std::make_shared<authres::UnboundResolver>(nameserver, 3000);
    net::setHostResolver([resolver](const QString &host) {
        QByteArray name = QUrl::toAce(host);
        if (name.isEmpty())
            return QList<QHostAddress>();
        QList<QHostAddress> out = resolver->addresses(name, false).records;
        out += resolver->addresses(name, true).records;
        return out;
    });
}

} // namespace herald::sync
