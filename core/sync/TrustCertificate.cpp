#include "core/sync/TrustCertificate.h"

#include "core/accounts/AccountSettings.h"
#include "core/accounts/CertificatePins.h"
#include "core/store/Store.h"

namespace herald::accounts {

QString trustCertificate(store::Store &store, const QString &accountName,
                         const QString &sha256Fingerprint)
{
    auto account = store.accounts().byName(accountName);
    if (!account)
        return QStringLiteral("no account named '%1'").arg(accountName);
    AccountSettings settings = AccountSettings::fromJson(account->settingsJson);
    if (const QString error = addPinnedCertificate(settings, sha256Fingerprint); !error.isEmpty())
        return error;
    account->settingsJson = settings.toJson();
    store.accounts().update(*account);
    return {};
}

} // namespace herald::accounts
