#pragma once
// A DKIM-Signature (RFC 6376 section 3.5) or ARC-Message-Signature (RFC 8617 section 4.1.2)
// header field, parsed and checked for the tags a verifier needs.

#include "core/authres/DkimCanon.h"
#include "core/authres/DkimCrypto.h"
#include "core/authres/RawMessage.h"

#include <QString>
#include <optional>

namespace herald::authres {

struct DkimSignature
{
    QByteArray rawField;  // the header field as written
    QByteArray algorithm; // "rsa-sha256", "ed25519-sha256", "rsa-sha1"
    DkimKeyType keyType = DkimKeyType::Rsa;
    DkimHash hash = DkimHash::Sha256;
    QByteArray signature; // b=, decoded
    QByteArray bodyHash;  // bh=, decoded
    Canon headerCanon = Canon::Simple;
    Canon bodyCanon = Canon::Simple;
    QByteArray domain;               // d=, lower case
    QByteArray selector;             // s=
    QByteArray identity;             // i=, decoded (default "@d")
    QList<QByteArray> signedHeaders; // h=
    qint64 length = -1;              // l=; -1 when absent
    qint64 timestamp = -1;           // t=
    qint64 expiration = -1;          // x=
    int instance = 0;                // ARC i=
};

enum class SignatureKind { Dkim, ArcMessage };

// nullopt with `error` set when the field is not a usable signature (syntax, version, missing
// or unsupported tags): a permerror.
std::optional<DkimSignature> parseDkimSignature(const HeaderField &field, SignatureKind kind,
                                                QString *error);

// The canonicalized header data a signature covers: the h= fields (each name taking the
// next instance from the bottom) then the signature field itself with b= blanked.
QByteArray signedHeaderData(const RawMessage &message, const QList<QByteArray> &signedHeaders,
                            const QByteArray &signatureField, Canon canon);

} // namespace herald::authres
