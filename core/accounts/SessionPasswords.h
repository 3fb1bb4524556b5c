#pragma once
// Passwords held only in this process's memory, for accounts whose user chose "Ask for the
// password each time Herald starts" (no system keychain). The password source of such an
// account is "session": readPassword() looks here. Nothing is ever written to a file; the
// window asks at start and puts the answer here. Thread-safe (sync workers read it).

#include <QString>
#include <optional>

namespace herald::accounts {

// The password source string of such accounts.
QString sessionPasswordSource();

void setSessionPassword(const QString &accountName, const QString &password);
std::optional<QString> sessionPassword(const QString &accountName);
void forgetSessionPassword(const QString &accountName);

} // namespace herald::accounts
