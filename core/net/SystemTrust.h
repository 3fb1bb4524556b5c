#pragma once
// SystemTrust: checks a server's certificate chain against the operating system's CA store
// with OpenSSL, for connections whose handshake was given only the account's extra CAs
// (SecureSocket::setUpTls). OpenSSL looks issuers up one by one in the hashed certificate
// directory (SSL_CERT_DIR, else OpenSSL's default, /usr/lib/ssl/certs on Debian), so nothing
// is parsed that the chain does not need — unlike handing Qt the whole system store, which
// cost 0.15-0.3 s per connection.

#include <QList>
#include <QSslCertificate>
#include <QString>

namespace herald::net {

// Empty when `chain` (leaf first, as the server sent it) ends at a system CA and the leaf is
// valid for `host`; otherwise why not, in words.
QString systemTrustFailure(const QList<QSslCertificate> &chain, const QString &host);

} // namespace herald::net
