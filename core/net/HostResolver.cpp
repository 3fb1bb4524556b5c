#include "core/net/HostResolver.h"

#include <QMutex>
#include <QMutexLocker>
#include <memory>

namespace herald::net {

namespace {

QMutex &hookMutex()
{
    static QMutex mutex;
    return mutex;
}

std::shared_ptr<const HostResolver> &hook()
{
    static std::shared_ptr<const HostResolver> installed;
    return installed;
}

} // namespace

void setHostResolver(HostResolver resolver)
{
    QMutexLocker lock(&hookMutex());
    hook() = resolver ? std::make_shared<const HostResolver>(std::move(resolver)) : nullptr;
}

QList<QHostAddress> resolveWithHook(const QString &host)
{
    std::shared_ptr<const HostResolver> resolver;
    {
        QMutexLocker lock(&hookMutex());
        resolver = hook();
    }
    if (!resolver || host.isEmpty() || !QHostAddress(host).isNull())
        return {};
    // RFC 6761: localhost is the system's business (and a DNS server may not answer it).
    const QString lower = host.toLower();
    if (lower == QLatin1String("localhost") || lower.endsWith(QLatin1String(".localhost")))
        return {};
    return (*resolver)(host); // outside the lock: a DNS question may take seconds
}

} // namespace herald::net
