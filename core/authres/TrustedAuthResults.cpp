#include "core/authres/TrustedAuthResults.h"

#include "core/authres/AuthResultsParser.h"

namespace herald::authres {

TrustedAuthResults selectTrustedAuthResults(const QList<QByteArray> &fieldBodies,
                                            const QString &trustedId)
{
    TrustedAuthResults out;
    out.authservId = trustedId;
    for (const QByteArray &body : fieldBodies) {
        const std::optional<AuthResHeader> h = parseAuthenticationResults(body, ParseMode::Lenient);
        if (!h) {
            ++out.ignoredHeaders;
            continue;
        }
        if (out.authservId.isEmpty())
            out.authservId = h->authservId;
        if (h->authservId.compare(out.authservId, Qt::CaseInsensitive) != 0) {
            ++out.ignoredHeaders;
            continue;
        }
        ++out.trustedHeaders;
        out.results += h->results;
    }
    return out;
}

TrustedAuthResults selectTrustedAuthResults(const RawMessage &message, const QString &trustedId)
{
    QList<QByteArray> bodies;
    for (const HeaderField *f : message.fields("Authentication-Results"))
        bodies.append(f->value());
    return selectTrustedAuthResults(bodies, trustedId);
}

} // namespace herald::authres
