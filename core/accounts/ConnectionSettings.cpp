#include "core/accounts/ConnectionSettings.h"

namespace herald::accounts {

net::ConnectOptions connectOptions(const ServerUrl &url, const AccountSettings &settings)
{
    net::ConnectOptions o;
    o.host = url.host;
    o.port = url.port;
    o.security =
        url.transport == Transport::StartTls ? net::Security::StartTls : net::Security::ImplicitTls;
    if (!settings.caFile.isEmpty())
        o.trust.addCaFile(settings.caFile);
    o.trust.setPins(settings.pinnedCertificates);
    // HERALD_NET_TIMEOUT_MS shortens (or lengthens) the connect and idle read timeouts: the
    // fault campaign (tests/faults) stalls servers past them without waiting two minutes each.
    const int timeoutMs = qEnvironmentVariableIntValue("HERALD_NET_TIMEOUT_MS");
    if (timeoutMs > 0) {
        o.connectTimeoutMs = timeoutMs;
        o.readTimeoutMs = timeoutMs;
    }
    return o;
}

} // namespace herald::accounts
