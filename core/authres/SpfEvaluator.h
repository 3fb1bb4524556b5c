#pragma once
// SPF check_host() (RFC 7208): every mechanism and modifier, macros, exp=, the limit of 10
// DNS-querying terms (and 10 address lookups per mx/ptr) and of 2 void lookups.
// Results are the RFC words: none neutral pass fail softfail temperror permerror.

#include "core/authres/DnsResolver.h"

#include <QString>

namespace herald::authres {

struct SpfRequest
{
    QHostAddress ip; // the SMTP client
    QByteArray
        mailFrom;    // MAIL FROM address; empty = null reverse-path (the HELO identity is checked)
    QByteArray helo; // HELO/EHLO name
    QByteArray receiver; // %{r}; "unknown" when empty
    qint64 now = 0;      // %{t}; 0 = the current time
    QString defaultExplanation = QStringLiteral("DEFAULT");
};

struct SpfResult
{
    QString result;
    QByteArray domain;   // the domain checked (MAIL FROM's, or HELO's)
    QString explanation; // for fail: exp= text, or the default
    QString detail;      // why (syntax error, limit reached, DNS trouble)
};

// The MAIL FROM identity (or HELO's, for a null reverse-path).
SpfResult evaluateSpf(const SpfRequest &request, DnsResolver &dns);

} // namespace herald::authres
