#pragma once
// The `auth` verdict of a message (DESIGN.md): SPF, DKIM, DMARC and ARC, from the trusted
// server's Authentication-Results and from Herald's own verification.
//
//   {"spf": {"result", "domain", "ip"},
//    "dkim": [{"result", "domain", "selector", "algorithm", "body_length_limited", "testing"}],
//    "dmarc": {"result", "policy", "domain", "disposition"},
//    "arc": {"result"},
//    "source": "local" | "authentication-results" | "both"}
//
// SPF is re-evaluated from the connecting IP and HELO in the Received header the trusted
// receiving server wrote (ReceivedHop) and the MAIL FROM in Return-Path; the server's own
// SPF result (it saw the SMTP session) is preferred when its A-R carries one. DKIM, ARC and
// DMARC are verified locally; the A-R result is used where local verification could not
// decide (temperror, e.g. offline). Only A-R headers above the trusted Received header count
// (the sender can write any A-R below it), and of those only the trusted authserv-id's.
// Bad input never throws: it gives temperror/permerror.
//
// This is what the sync engines call once a message's bytes are in the cache, then
// store::MessageRepository::setAuth(id, json, summary) (summary: see summarizeAuth()).

#include "core/authres/DkimVerifier.h"
#include "core/authres/DnsResolver.h"

#include <QJsonObject>
#include <QString>

namespace herald::authres {

struct AuthOptions
{
    QString trustedAuthservId; // the account's id; empty = the topmost A-R header's
    int trustedHops = 0;       // SMTP Received headers of internal relays above the border MX
    bool verifyLocally = true; // false: only the A-R headers (headers-only sync)
    QByteArray receiver;       // SPF %{r}
    DkimPolicy dkim;
};

struct AuthOutcome
{
    QJsonObject verdict; // the JSON object of DESIGN.md
    // A local check could not finish because DNS gave temperror (offline, timeout, SERVFAIL):
    // the verdict is the best known now and worth computing again later.
    bool incomplete = false;
};
AuthOutcome evaluateAuth(const QByteArray &raw, const AuthOptions &options, DnsResolver &resolver);

// The verdict as the JSON object of DESIGN.md.
QJsonObject computeAuth(const QByteArray &raw, const AuthOptions &options, DnsResolver &resolver);
// The same, compact JSON text: what is stored per message.
QString computeAuthJson(const QByteArray &raw, const AuthOptions &options, DnsResolver &resolver);

// Values match store::AuthSummary (Unknown 0, Pass 1, Fail 2, Neutral 3).
enum class AuthSummaryValue : int { Unknown = 0, Pass = 1, Fail = 2, Neutral = 3 };
// Pass: DMARC pass; Fail: DMARC fail, or no DMARC verdict and nothing passed while something
// failed; Neutral: evaluated without either; Unknown: nothing to go on.
AuthSummaryValue summarizeAuth(const QJsonObject &auth);

} // namespace herald::authres
