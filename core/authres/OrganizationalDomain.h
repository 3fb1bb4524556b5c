#pragma once
// The organizational domain (RFC 7489 section 3.2) from the Public Suffix List: Debian's
// `publicsuffix` data through libpsl (the newest of the distribution file and libpsl's
// built-in copy), loaded once per process.

#include <QByteArray>

namespace herald::authres {

// "mail.example.co.uk" → "example.co.uk". A public suffix itself, or a name libpsl cannot
// place, is its own organizational domain.
QByteArray organizationalDomain(const QByteArray &domain);

} // namespace herald::authres
