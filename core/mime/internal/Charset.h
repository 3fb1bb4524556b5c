#pragma once

// Private to core/mime: byte → Unicode conversion for bodies and encoded words.

#include <QByteArray>
#include <QString>

namespace herald::mime::internal {

// Decodes `bytes` from `charset` (any name VMime/ICU knows, case-insensitive). An empty,
// unknown or failing charset falls back to UTF-8 when the bytes are valid UTF-8, else to
// windows-1252. `ok` (optional) is false when a fallback or a replacement happened.
QString toUnicode(const QByteArray &bytes, const QByteArray &charset, bool *ok = nullptr);

// True when `bytes` is well-formed UTF-8.
bool isValidUtf8(const QByteArray &bytes);

} // namespace herald::mime::internal
