#include "core/accounts/CertificatePins.h"

#include "core/accounts/AccountSettings.h"
#include "core/net/CertificateTrust.h"

namespace herald::accounts {

QString addPinnedCertificate(AccountSettings &settings, const QString &sha256Fingerprint)
{
    net::CertificateTrust trust;
    if (!trust.addPin(sha256Fingerprint))
        return QStringLiteral("'%1' is not a SHA-256 fingerprint (64 hex digits, colons allowed)")
            .arg(sha256Fingerprint);
    trust.setPins(settings.pinnedCertificates + trust.pins());
    settings.pinnedCertificates = trust.pins();
    return {};
}

} // namespace herald::accounts
