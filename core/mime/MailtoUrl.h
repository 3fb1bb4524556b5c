#pragma once
// A mailto: URL (RFC 6068) → the fields of a new message, for `herald 'mailto:…'` and the
// desktop's "send mail to" links. Percent-decoding is by octets, read as UTF-8; '+' stays '+'.
// Addresses come from the path and from every to=, cc=, bcc= (comma separated, quotes kept);
// subject (RFC 2047 words decoded, line breaks removed so no header can be smuggled in), body
// (%0D%0A or any line break → "\n") and In-Reply-To are taken. Every other header is ignored
// (From, Sender, Reply-To, attach=, X-… would let a web page speak for the user) and listed in
// `ignored` so the caller can say so.

#include "core/mime/MessageBuilder.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace herald::mime {

struct MailtoFields
{
    QStringList to, cc, bcc; // one address each, decoded, as written ("Name <a@b>" or "a@b")
    QString subject;
    QString body;
    QString inReplyTo;   // "<id@host>" as given
    QStringList ignored; // header names the URL asked for and Herald left out
};

// nullopt when `url` is not a mailto: URL at all (another scheme); anything else is parsed
// as far as it goes (bad percent escapes stay as written).
std::optional<MailtoFields> parseMailto(const QString &url);

// The fields as a draft for the compose window (`from` left empty: the caller's identity).
// A piece that is not an address stays in its field as written, so the user sees and fixes it.
Draft draftFromMailto(const MailtoFields &fields);

} // namespace herald::mime
