#pragma once
// Mozilla autoconfig files (config-v1.1.xml, the format of Thunderbird's ISPDB and of Herald's
// bundled provider database): <clientConfig><emailProvider id=…> with <domain>, <displayName>,
// <incomingServer type="imap|pop3">, <outgoingServer type="smtp">, each with <hostname>,
// <port>, <socketType> (SSL | STARTTLS | plain) and <username> (%EMAILADDRESS%,
// %EMAILLOCALPART%, %EMAILDOMAIN%). Plaintext servers are dropped; candidates come out
// IMAP before POP3, implicit TLS before STARTTLS, otherwise in the file's order.

#include "core/accounts/ServerUrl.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace herald::accounts {

struct AutoconfigProvider
{
    QString id;          // emailProvider id="…"
    QString displayName; // <displayName>, else <displayShortName>, else id
    QStringList domains; // <domain> entries, lower case
    std::vector<ServerUrl> incoming;
    std::vector<ServerUrl> outgoing;
};

// `email` fills in the user names (may be empty when only the domains are wanted). Bad XML,
// a file that is not an autoconfig file, or one without a single TLS server give nullopt with
// *error a sentence for the user.
std::optional<AutoconfigProvider> parseAutoconfig(const QByteArray &xml, const QString &email,
                                                  QString *error = nullptr);

// %EMAILADDRESS% → alice@example.org, %EMAILLOCALPART% → alice, %EMAILDOMAIN% → example.org.
QString expandEmailPlaceholders(const QString &text, const QString &email);

// IMAP before POP3, implicit TLS before STARTTLS; stable otherwise; duplicates removed.
void sortCandidates(std::vector<ServerUrl> &servers);

} // namespace herald::accounts
