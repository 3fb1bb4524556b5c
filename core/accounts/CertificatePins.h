#pragma once
// "Trust this certificate": the user's decision to accept one server certificate
// that the system store does not vouch for, remembered per account as its
// SHA-256 fingerprint (checked on every connection by net::CertificateTrust).
// The settings are passed in: storing them is the caller's (sync/TrustCertificate.h).

#include <QString>

namespace herald::accounts {

struct AccountSettings;

// Adds the pin to the settings' pinned certificates. Returns an empty string on success,
// else the reason (a malformed fingerprint).
QString addPinnedCertificate(AccountSettings &settings, const QString &sha256Fingerprint);

} // namespace herald::accounts
