#pragma once
// "Trust this certificate": the user's decision to accept one server certificate
// that the system store does not vouch for, remembered per account as its
// SHA-256 fingerprint (checked on every connection by net::CertificateTrust).

#include <QString>

namespace herald::store {
class Store;
}

namespace herald::accounts {

// Adds the pin to the account's settings. Returns an empty string on success,
// else the reason (unknown account, malformed fingerprint).
QString trustCertificate(store::Store &store, const QString &accountName,
                         const QString &sha256Fingerprint);

} // namespace herald::accounts
