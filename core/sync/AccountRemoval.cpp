#include "core/sync/AccountRemoval.h"

#include "core/accounts/AccountSettings.h"
#include "core/accounts/Credentials.h"
#include "core/store/Store.h"

namespace herald::accounts {

namespace {
bool usesKeychain(const store::Account &account)
{
    return AccountSettings::fromJson(account.settingsJson).passwordSource ==
           QLatin1String("keychain");
}
} // namespace

RemovalSummary describeRemoval(store::Store &store, const store::Account &account)
{
    RemovalSummary s;
    s.contents = store.accounts().contents(account.id);
    s.passwordInKeychain = usesKeychain(account);
    return s;
}

QString describeRemovalText(const store::Account &account, const RemovalSummary &summary)
{
    const store::AccountContents &c = summary.contents;
    QString text = QStringLiteral("Removing account %1 (%2) deletes from this computer: %3 cached "
                                  "message(s), of them %4 draft(s) and %5 unsent outbox "
                                  "message(s)")
                       .arg(account.name, account.email)
                       .arg(c.messages)
                       .arg(c.drafts)
                       .arg(c.unsent);
    text += summary.passwordInKeychain ? QStringLiteral(", and the password saved in the "
                                                        "system keychain.")
                                       : QStringLiteral(".");
    text += QStringLiteral(" Nothing is deleted on the server.");
    return text;
}

void removeAccount(store::Store &store, const store::Account &account)
{
    const bool keychain = usesKeychain(account);
    store.accounts().removeWithContents(account.id);
    store.bodies().removeDeletedFiles();
    if (keychain)
        removeFromKeychain(account.name);
}

} // namespace herald::accounts
