#pragma once
// Addresses as a person types them into a To/Cc/Bcc field or a command-line option:
// "bob@example.org", "Bob <bob@example.org>", "\"Doe, John\" <john@example.org>", several
// separated by commas or semicolons (a comma inside quotes or <> does not separate). Used by
// the compose window and herald-cli, so both accept and refuse the same input.

#include "core/mime/Message.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace herald::mime {

struct AddressInput
{
    std::vector<Address> addresses; // the valid ones, in order
    QStringList invalid;            // the pieces that are not an address, as typed (trimmed)
};

// Splits and checks a field. Empty pieces (",,", a trailing comma) are ignored.
AddressInput parseAddressInput(const QString &text);
// One address; false when `text` is not exactly one valid address.
bool parseOneAddress(const QString &text, Address *out);
// local@domain with a non-empty local part and domain, no spaces, exactly one '@' outside
// quotes; the domain has no empty label.
bool isPlausibleEmail(const QString &email);

} // namespace herald::mime
