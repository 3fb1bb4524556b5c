#pragma once
// Internal to the IMAP parser: turning a framed response into a typed Response.

#include "core/imap/ImapCursor.h"
#include "core/imap/ImapTypes.h"

namespace herald::imap::detail {

Response decodeResponse(const std::vector<Segment> &segments);
FetchData decodeFetch(quint32 seq, const Value &items);
Envelope decodeEnvelope(const Value &v);
BodyPart decodeBodyStructure(const Value &v, const QByteArray &partId = QByteArray());
std::optional<QDateTime> parseInternalDate(const QByteArray &text);

} // namespace herald::imap::detail
