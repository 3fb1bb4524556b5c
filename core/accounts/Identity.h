#pragma once
// Identities: the addresses a user sends from with one account, each with its own signature.
// The account's own address is always the first (default) identity; the settings may give it a
// signature and may add more identities (aliases). Stored in AccountSettings::identities as
// {"email", "display_name", "signature"} objects.

#include <QJsonObject>
#include <QString>
#include <optional>
#include <vector>

namespace herald::accounts {

struct AccountSettings;

struct Identity
{
    QString email;
    QString displayName;
    QString signature; // plain text without the "-- " delimiter; empty = none

    QJsonObject toJson() const;
    static Identity fromJson(const QJsonObject &o);
};

// Every identity of an account, the default (the account's own address) first. A stored entry
// with the account's address gives the default its signature (and display name, if set).
std::vector<Identity> identities(const AccountSettings &settings, const QString &accountEmail,
                                 const QString &accountDisplayName);
// The identity for `email` (case-insensitive), or nullopt when the account has none with it.
std::optional<Identity> findIdentity(const AccountSettings &settings, const QString &accountEmail,
                                     const QString &accountDisplayName, const QString &email);
// Adds the identity, or replaces the stored one with the same address (case-insensitive).
void setIdentity(AccountSettings &settings, const Identity &identity);
// Removes a stored identity; false when there was none with that address.
bool removeIdentity(AccountSettings &settings, const QString &email);

} // namespace herald::accounts
