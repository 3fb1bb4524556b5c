#pragma once
// Adding an account, the same way from herald-cli's `account add` and the window's set-up:
// checks what the user gave, keeps the password where they chose (never in Herald's files),
// and writes the account row with its settings.

#include "core/accounts/AccountSettings.h"
#include "core/accounts/ServerUrl.h"

#include <QString>

namespace herald::store {
class Store;
}

namespace herald::accounts {

// Where the password of a new account is kept. `value` is the password (Keychain, Session),
// the file's path (File) or the variable's name (Env). InKeychain: the caller already stored
// it with storeInKeychain under the account's name (the window does that on its worker thread).
struct PasswordChoice
{
    enum class Kind { Keychain, InKeychain, Session, File, Env };
    Kind kind = Kind::Keychain;
    QString value;
};

struct NewAccount
{
    QString name; // letters, digits, '.', '_', '-'
    QString email;
    QString displayName;
    ServerUrl incoming;       // IMAP or POP3
    ServerUrl outgoing;       // SMTP
    AccountSettings settings; // passwordSource is set by createAccount
};

bool isValidAccountName(const QString &name);
// A valid name not yet taken, made from the address: "alice@herald.test" -> "alice-herald.test",
// then "alice-herald.test-2", …
QString accountNameForAddress(store::Store &store, const QString &email);

// What is wrong with the account before anything is kept (a sentence), or an empty string.
QString newAccountError(store::Store &store, const NewAccount &account);

struct CreatedAccount
{
    qint64 id = 0; // the new row, when the error is empty
    QString error; // a sentence for the user
    bool ok() const { return error.isEmpty(); }
};

// Checks, keeps the password as chosen (its source goes into the settings), adds the row.
// When the row cannot be added, the password just kept is forgotten again.
CreatedAccount createAccount(store::Store &store, NewAccount account,
                             const PasswordChoice &password);

} // namespace herald::accounts
