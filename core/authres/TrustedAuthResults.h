#pragma once
// Which Authentication-Results headers of a message to believe. Anyone can write such a
// header into a message, so only those carrying the trusted authserv-id count: the account's
// configured id, or by default the id of the topmost A-R header (the one the user's own
// receiving server added last). Every other A-R header is ignored.

#include "core/authres/AuthResults.h"
#include "core/authres/RawMessage.h"

namespace herald::authres {

struct TrustedAuthResults
{
    QString authservId;        // the id that was trusted ("" when the message has no A-R header)
    QList<AuthResult> results; // results of every trusted header, top first
    int trustedHeaders = 0;
    int ignoredHeaders = 0; // other ids, or unreadable
};

// `trustedId` empty: trust the topmost readable A-R header's id. Comparison is case-insensitive.
TrustedAuthResults selectTrustedAuthResults(const RawMessage &message, const QString &trustedId);

// Same, from field bodies in message order (top first).
TrustedAuthResults selectTrustedAuthResults(const QList<QByteArray> &fieldBodies,
                                            const QString &trustedId);

} // namespace herald::authres
