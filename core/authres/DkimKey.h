#pragma once
// DKIM key records (RFC 6376 section 3.6.1, RFC 8463): fetched from
// <selector>._domainkey.<domain> and checked (v=, k=, h=, s=, t=, p=; empty p= = revoked).

#include "core/authres/DkimCrypto.h"
#include "core/authres/DnsResolver.h"

#include <QString>

namespace herald::authres {

struct DkimKeyRecord
{
    DkimKeyType type = DkimKeyType::Rsa;
    QList<QByteArray> hashes;    // h=; empty = every hash
    bool testing = false;        // t=y
    bool strictIdentity = false; // t=s: i= must be exactly d=
    std::shared_ptr<DkimPublicKey> key;
};

struct DkimKeyLookup
{
    enum Status { Ok, TempError, PermError } status = PermError;
    QString error; // why, when not Ok
    DkimKeyRecord record;
};

// One TXT record's text.
DkimKeyLookup parseDkimKeyRecord(const QByteArray &txt);

// Looks the key up; the first record that parses wins.
DkimKeyLookup fetchDkimKey(DnsResolver &dns, const QByteArray &selector, const QByteArray &domain);

} // namespace herald::authres
