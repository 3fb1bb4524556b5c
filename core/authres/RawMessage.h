#pragma once
// A message as bytes: the header fields exactly as they appear (for DKIM/ARC canonicalization)
// and the body. Bare LF line ends are turned into CRLF first (files on disk often use LF).
// Parsing is linear and never fails: a line without ':' in the header is skipped, a message
// without an empty line has an empty body.

#include <QByteArray>
#include <QList>

namespace herald::authres {

struct HeaderField
{
    QByteArray name; // as written, without the colon
    QByteArray raw;  // the whole field as written (name, ':', folded value), without the final CRLF

    // The value after the colon, folding kept.
    QByteArray value() const;
    // The value with CRLF removed (folding joined) and outer white space trimmed.
    QByteArray unfoldedValue() const;
};

struct RawMessage
{
    QList<HeaderField> headers; // top first
    QByteArray body;            // after the empty line, CRLF line ends

    static RawMessage parse(const QByteArray &bytes);

    // Every field named `name` (case-insensitive), top first.
    QList<const HeaderField *> fields(const QByteArray &name) const;
    const HeaderField *first(const QByteArray &name) const;
};

// LF → CRLF for every LF not already preceded by CR.
QByteArray toCrlf(const QByteArray &bytes);

} // namespace herald::authres
