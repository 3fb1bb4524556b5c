#pragma once
// Per-account options, stored as a JSON object in accounts.settings. Unknown
// keys are kept, so an older build never drops what a newer one wrote.

#include "core/accounts/Identity.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <vector>

namespace herald::accounts {

struct AccountSettings
{
    // Where the password comes from: "file:/path" (read each time), "env:VAR",
    // "keychain" (the system Secret Service), or "session" (asked at each start, kept in
    // memory). Never the password itself.
    QString passwordSource;
    QString caFile;      // extra trusted CA (PEM), e.g. a company CA
    QString authservId;  // trusted Authentication-Results id; empty = topmost header's
    int trustedHops = 0; // SMTP relays inside the provider above its border MX (SPF input)
    // IMAP offline copies (SyncPolicy): which bodies sync downloads. Headers always come.
    bool downloadBodies = true;
    int bodyMaxAgeDays = 0;                 // only messages of the last N days; 0 = any age
    qint64 bodyMaxSize = 0;                 // only messages up to this many bytes; 0 = any size
    bool leaveOnServer = true;              // POP3
    int deleteAfterDays = 0;                // POP3; 0 = never
    bool deleteWhenDeletedInHerald = false; // POP3: remove from the server what the user deleted
    bool preferApop = false;                // POP3: log in with APOP when the server offers it
    QStringList pinnedCertificates;         // SHA-256 fingerprints the user accepted
    // Identities besides (or refining) the account's own address; see Identity.h.
    std::vector<Identity> identities;

    QJsonObject extra; // keys this build does not know

    static AccountSettings fromJson(const QString &json);
    QString toJson() const;
};

} // namespace herald::accounts
