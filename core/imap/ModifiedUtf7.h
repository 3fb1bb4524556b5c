#pragma once
// Modified UTF-7 (RFC 3501 §5.1.3): how IMAP4rev1 encodes mailbox names.
// Printable US-ASCII except '&' stands for itself, "&-" is '&', anything else is UTF-16BE in
// modified base64 (',' for '/', no padding) between '&' and '-'.

#include <QByteArray>
#include <QString>
#include <optional>

namespace herald::imap::ModifiedUtf7 {

QByteArray encode(const QString &name);
// nullopt when the input is not valid modified UTF-7.
std::optional<QString> decode(const QByteArray &encoded);
// decode(), or the bytes as Latin-1/UTF-8 when invalid (servers do send raw UTF-8 names).
QString decodeLenient(const QByteArray &encoded);

} // namespace herald::imap::ModifiedUtf7
