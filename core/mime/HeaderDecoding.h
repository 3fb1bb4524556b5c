#pragma once

// Decoding of single header field bodies (the text after "Name:"), as found in messages.
// Used by MessageParser; public so that the store, the authres code and tests can decode
// a header value they hold on its own. Never throws.

#include "core/mime/Message.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <utility>
#include <vector>

namespace herald::mime {

// Removes folding (CRLF/LF followed by white space) and a trailing line break.
QByteArray unfoldHeader(const QByteArray &raw);

// Unstructured text (Subject, Comments, unknown fields): unfolded, RFC 2047 encoded words
// decoded (any charset ICU knows), runs of white space collapsed, trimmed. 8-bit bytes outside
// encoded words are read as UTF-8 when valid, else windows-1252.
QString decodeHeaderText(const QByteArray &raw);

// RFC 5322 address-list / mailbox-list, including groups (members get Address::group),
// comments, quoted names and RFC 2047 encoded display names.
std::vector<Address> parseAddressList(const QByteArray &raw);

// RFC 5322 date-time (and the usual obsolete forms). Invalid QDateTime when unparseable.
// The result carries the zone offset written in the header.
QDateTime parseDate(const QByteArray &raw);

// Message-ID / In-Reply-To / References: the ids without angle brackets, in order.
QStringList parseMessageIds(const QByteArray &raw);

struct ContentType
{
    QString type;    // lower case, e.g. "text"
    QString subtype; // lower case, e.g. "plain"
    // Parameters in order; names lower case, values decoded (RFC 2231 continuations and
    // charsets, and RFC 2047 words where mailers put them).
    std::vector<std::pair<QString, QString>> parameters;

    QString mimeType() const { return type + QLatin1Char('/') + subtype; }
    QString parameter(const QString &name) const;
};

// Content-Type (also usable for Content-Disposition: the disposition is returned as `type`,
// `subtype` stays empty). type is empty when the value is unusable.
ContentType parseContentType(const QByteArray &raw);

} // namespace herald::mime

namespace herald::mime {

struct RawHeaderField
{
    QByteArray name;  // as written
    QByteArray value; // everything after the colon, still folded, without the final line break
};

// Splits a header block (the bytes up to the first empty line; anything after it is ignored)
// into fields. Lines that are neither "name:" nor a continuation are skipped.
std::vector<RawHeaderField> splitHeaderFields(const QByteArray &headerBlock);

} // namespace herald::mime
