#pragma once

// Private to core/mime: lenient Content-Transfer-Encoding decoders for what VMime decodes
// differently from other mail clients.

#include <QByteArray>

namespace herald::mime::internal {

// Quoted-printable; an "=" not followed by two hex digits or a line break stays as it is.
QByteArray decodeQuotedPrintable(const QByteArray &in);

// Base64; white space is skipped and anything after the padding is ignored. `ok` is false
// (and the result empty) when the data before the padding holds a non-base64 character.
QByteArray decodeBase64(const QByteArray &in, bool *ok);

} // namespace herald::mime::internal
