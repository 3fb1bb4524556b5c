#pragma once
// Passwords. Herald stores where a password comes from, never the password in its
// own files: "keychain" (the system Secret Service via QtKeychain), "file:PATH"
// (a file the user controls, read at each connection), "env:VAR", or "session" (held in
// this process's memory only, asked at each start: SessionPasswords.h).

#include <QString>

namespace herald::accounts {

struct CredentialResult
{
    bool ok = false;
    QString password; // when ok
    QString error;    // a sentence for the user, when not ok
};

// Reads the password for `accountName` from its source. Blocks briefly on the
// keychain (runs a local event loop).
CredentialResult readPassword(const QString &source, const QString &accountName);

// Saves the password in the system keychain; on failure returns the reason
// (typically: no Secret Service running).
CredentialResult storeInKeychain(const QString &accountName, const QString &password);
void removeFromKeychain(const QString &accountName);

} // namespace herald::accounts
