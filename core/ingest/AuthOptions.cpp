#include "core/ingest/AuthOptions.h"

#include "core/accounts/AccountSettings.h"
#include "core/accounts/ServerUrl.h"

namespace herald::sync {

authres::AuthOptions authOptionsFor(const store::Account &account)
{
    const auto settings = accounts::AccountSettings::fromJson(account.settingsJson);
    authres::AuthOptions options;
    options.trustedAuthservId = settings.authservId;
    options.trustedHops = settings.trustedHops;
    if (const auto url = accounts::ServerUrl::parse(account.incomingUrl))
        options.receiver = url->host.toUtf8();
    return options;
}

} // namespace herald::sync
