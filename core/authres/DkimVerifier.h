#pragma once
// DKIM verification (RFC 6376, RFC 8463 ed25519-sha256, RFC 8301 algorithm and key-size rules)
// of every DKIM-Signature of a message, top first.
//
// Results are the RFC 8601 words: pass, fail (signature or body hash does not match),
// policy (cryptographically valid but not acceptable: rsa-sha1, RSA key below the minimum
// size), neutral (never produced), temperror (key lookup failed temporarily), permerror
// (malformed or unsupported signature, expired, no/revoked/bad key).
// A signature with l= that passes is still a pass, flagged bodyLengthLimited: content may
// have been appended after the signed part.

#include "core/authres/DkimSignature.h"
#include "core/authres/DnsResolver.h"
#include "core/authres/RawMessage.h"

#include <QString>

namespace herald::authres {

struct DkimPolicy
{
    int minRsaBits = 1024;      // RFC 8301: smaller keys are not a pass
    bool acceptRsaSha1 = false; // RFC 8301: rsa-sha1 is not a pass
    qint64 now = 0;             // Unix time for x=; 0 = the current time
};

struct DkimResult
{
    QString result;
    QString domain;                 // d=
    QString selector;               // s=
    QString algorithm;              // a=
    QString identity;               // i=
    QString detail;                 // why, when not a pass (or the risk, for l=)
    bool bodyLengthLimited = false; // l= present
    bool testing = false;           // key record t=y
    int keyBits = 0;
};

QList<DkimResult> verifyDkim(const RawMessage &message, DnsResolver &dns,
                             const DkimPolicy &policy = DkimPolicy());

// The body hash a signature asks for (canonicalization, l=, hash). Empty when l= is longer
// than the canonicalized body.
QByteArray dkimBodyHash(const QByteArray &body, Canon canon, DkimHash hash, qint64 length);

} // namespace herald::authres
