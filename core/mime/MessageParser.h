#pragma once

// Raw RFC 5322/MIME bytes → Herald's message model (Message.h), through VMime.
// Nothing here throws or crashes on malformed input: what cannot be decoded is reported in
// Message::errors and the rest is still returned. Thread-safe (no shared state).

#include "core/mime/Message.h"
#include "core/mime/Snippet.h" // snippet(), for callers of parseMessage()

#include <QByteArray>
#include <QString>

namespace herald::mime {

struct ParseOptions
{
    // Fill Attachment::data. Off by default so that listing and indexing stay cheap.
    bool includeAttachmentData = false;
    // Decode the top-level header fields (Message::headers, subject, addresses …). Off when
    // the caller already has them from the header pass and wants only the part tree, text and
    // attachments: decoding every Received and DKIM-Signature field again was a third of the
    // IMAP body pass's parsing.
    bool headers = true;
};

Message parseMessage(const QByteArray &raw, ParseOptions opts = {});
// A header block alone (IMAP BODY[HEADER]): the same Message as parseMessage() gives for it,
// without building a part tree when the headers show there can be no attachment in it
// (text/* or multipart/* and not Content-Disposition: attachment) — the common case, and a
// fifth of a headers-first sync's CPU otherwise. Message::headers holds only Content-Type and
// Content-Disposition (the other fields are not decoded; the list does not use them).
Message parseHeaderBlock(const QByteArray &headerBytes);

// Decoded content (transfer encoding removed) of the part with Part::index `partIndex`;
// empty if there is no such part.
QByteArray partData(const QByteArray &raw, int partIndex);
// Decoded content of the first part whose Content-ID (without <>) is `contentId`, for
// serving cid: URLs; empty if none. A leading "cid:" is ignored.
QByteArray partData(const QByteArray &raw, const QString &contentId);
// Content of a text part decoded to Unicode from its charset (for text/html without a charset
// the <meta> charset is used). Empty if there is no such part.
QString partText(const QByteArray &raw, int partIndex);

} // namespace herald::mime
