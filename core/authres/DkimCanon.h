#pragma once
// DKIM canonicalization (RFC 6376 section 3.4), shared with ARC.

#include <QByteArray>

namespace herald::authres {

enum class Canon { Simple, Relaxed };

// One header field (as written, without its final CRLF) canonicalized, with CRLF appended.
QByteArray canonHeader(const QByteArray &rawField, Canon canon);
// The same without the CRLF: the signature's own field, hashed last.
QByteArray canonHeaderNoCrlf(const QByteArray &rawField, Canon canon);
// The whole body canonicalized (empty-line stripping included).
QByteArray canonBody(const QByteArray &body, Canon canon);

} // namespace herald::authres
