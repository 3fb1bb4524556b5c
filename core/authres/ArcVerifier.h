#pragma once
// ARC chain validation (RFC 8617 section 5.2): the sets of ARC-Seal, ARC-Message-Signature
// and ARC-Authentication-Results headers, the newest AMS and every AS verified. The result is
// cv: none (no ARC headers), pass, fail.

#include "core/authres/DkimVerifier.h"

namespace herald::authres {

struct ArcResult
{
    QString result;             // none pass fail
    int instances = 0;          // ARC sets found
    QString detail;             // why it failed
    QByteArray oldestAmsDomain; // d= of the first hop's AMS (who vouched first), when passing
};

ArcResult verifyArc(const RawMessage &message, DnsResolver &dns,
                    const DkimPolicy &policy = DkimPolicy());

} // namespace herald::authres
