#pragma once
// DMARC (RFC 7489): the policy record of the From domain (or of its organizational domain),
// relaxed/strict alignment of SPF's and DKIM's passing domains with the From domain, and the
// disposition the domain asks for (p=, sp=, pct=).

#include "core/authres/DkimVerifier.h"
#include "core/authres/DnsResolver.h"

#include <QString>

namespace herald::authres {

struct DmarcInput
{
    QByteArray fromDomain; // RFC5322.From domain; empty when the message has none or several
    QString spfResult;     // SPF result for spfDomain
    QByteArray spfDomain;  // the MAIL FROM (or HELO) domain SPF checked
    QList<DkimResult> dkim;
    int sample = 0; // 0..99: the message's place in pct= sampling (pct=100 takes every message)
};

struct DmarcResult
{
    QString result;      // none pass fail temperror permerror
    QString policy;      // p= (or sp= for a subdomain): none quarantine reject; "" without record
    QString disposition; // what to do with this message: none quarantine reject
    QByteArray domain;   // the From domain
    QByteArray recordDomain; // where the record was found
    int pct = 100;
    bool spfAligned = false;
    bool dkimAligned = false;
    QString detail;
};

DmarcResult evaluateDmarc(const DmarcInput &input, DnsResolver &dns);

// The domain of the single address in a From field value; empty when there is not exactly one.
QByteArray fromDomain(const QByteArray &fromFieldValue);

} // namespace herald::authres
