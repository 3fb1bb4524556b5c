#pragma once
// Credentials: what a protocol session logs in with (IMAP, POP3 and SMTP take the same struct).
// Where the password comes from (keychain, file, session) is accounts' business; this is only
// the value. Never logged.

#include <QString>

namespace herald::net {

struct Credentials
{
    QString user; // empty: no login (an SMTP relay that trusts the network)
    QString password;
    QString accessToken; // OAuth2 bearer token (XOAUTH2) used instead of the password when set
};

} // namespace herald::net
