#include "core/accounts/CertificatePins.h"

#include "core/accounts/AccountSettings.h"
#include "core/net/CertificateTrust.h"
#include "core/store/Store.h"

namespace herald::accounts {

QString trustCertificate(store::Store &store, const QString &accountName,
                         const QString &sha256Fingerprint)
{
    auto account = store.accounts().byName(accountName);
    if (!account)
        return QStringLiteral("no account named '%1'").arg(accountName);
    net::CertificateTrust trust;
    if (!trust.addPin(sha256Fingerprint))
        return QStringLiteral("'%1' is not a SHA-256 fingerprint (64 hex digits, colons allowed)")
            .arg(sha256Fingerprint);
    AccountSettings settings = AccountSettings::fromJson(account->settingsJson);
    trust.setPins(settings.pinnedCertificates + trust.pins());
    settings.pinnedCertificates = trust.pins();
    account->settingsJson = settings.toJson();
    store.accounts().update(*account);
    return {};
}

} // namespace herald::accounts
