#pragma once
// Removing an account from a profile: what it deletes (said to the user before asking), and
// the removal itself — the account's rows in the cache, its body files and, when the password
// lives there, its keychain entry. Nothing on the server is touched.

#include "core/store/AccountRepository.h"

#include <QString>

namespace herald::store {
class Store;
struct Account;
} // namespace herald::store

namespace herald::accounts {

struct RemovalSummary
{
    store::AccountContents contents;
    bool passwordInKeychain = false; // the keychain entry goes too
};

RemovalSummary describeRemoval(store::Store &store, const store::Account &account);
// One plain paragraph for a confirmation question or the CLI (English; the window words its
// own through tr()).
QString describeRemovalText(const store::Account &account, const RemovalSummary &summary);
// Removes the account; throws store::SqliteError when the cache refuses. The body files and
// the keychain entry go after the rows are committed (a crash in between leaves only files
// the next removeDeletedFiles() sweep deletes).
void removeAccount(store::Store &store, const store::Account &account);

} // namespace herald::accounts
