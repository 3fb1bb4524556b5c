#pragma once
// A saved draft's bytes made ready for submission, without rebuilding the message (so text,
// HTML, attachments and inline parts go out exactly as saved): the Bcc field (kept in the
// draft so it survives on the server, as other clients do) is removed, and Date and Message-ID
// are replaced by fresh ones. Everything else, headers and body, is left byte for byte.

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace herald::mime {

// `messageId` with or without <>. An invalid `date` means now.
QByteArray draftForSending(const QByteArray &draftRaw, const QString &messageId,
                           const QDateTime &date = QDateTime());

// RFC 5322 date-time, e.g. "Tue, 1 Jul 2003 10:52:37 +0200" (the date's own UTC offset).
QByteArray rfc5322Date(const QDateTime &date);

} // namespace herald::mime
