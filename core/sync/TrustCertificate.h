#pragma once
// "Trust this certificate" for a named account of the profile: the pin is added to the
// account's settings (accounts/CertificatePins.h) and the row is saved. Here, above both
// accounts and store, because it writes the cache (it was accounts/CertificatePins).

#include <QString>

namespace herald::store {
class Store;
}

namespace herald::accounts {

// Returns an empty string on success, else the reason (unknown account, malformed fingerprint).
QString trustCertificate(store::Store &store, const QString &accountName,
                         const QString &sha256Fingerprint);

} // namespace herald::accounts
