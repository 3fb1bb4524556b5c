#pragma once

#include "core/accounts/AccountSettings.h"
#include "core/accounts/ServerUrl.h"
#include "core/net/SecureSocket.h"

namespace herald::accounts {

// Connection options for one server of an account: TLS mode from the URL, the
// account's extra CA file and the certificate pins the user accepted; the environment variable
// HERALD_NET_TIMEOUT_MS, when set, replaces the connect and idle read timeouts.
net::ConnectOptions connectOptions(const ServerUrl &url, const AccountSettings &settings);

} // namespace herald::accounts
