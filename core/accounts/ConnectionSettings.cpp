#include "core/accounts/ConnectionSettings.h"

namespace herald::accounts {

net::ConnectOptions connectOptions(const ServerUrl &url, const AccountSettings &settings)
{
    net::ConnectOptions o;
    o.host = url.host;
    o.port = url.port;
    o.security = url.transport == Transport::StartTls ? net::Security::StartTls
                                                      : net::Security::ImplicitTls;
    if (!settings.caFile.isEmpty())
        o.trust.addCaFile(settings.caFile);
    o.trust.setPins(settings.pinnedCertificates);
    return o;
}

} // namespace herald::accounts
