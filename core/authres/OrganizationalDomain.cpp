#include "core/authres/OrganizationalDomain.h"

#include <libpsl.h>

namespace herald::authres {

namespace {

const psl_ctx_t *pslContext()
{
    // Built once, read-only afterwards (libpsl lookups do not modify the context).
    static const psl_ctx_t *ctx = []() -> const psl_ctx_t * {
        if (psl_ctx_t *latest = psl_latest("/usr/share/publicsuffix/public_suffix_list.dafsa"))
            return latest;
        return psl_builtin();
    }();
    return ctx;
}

} // namespace

QByteArray organizationalDomain(const QByteArray &domain)
{
    QByteArray d = domain.toLower();
    while (d.endsWith('.'))
        d.chop(1);
    const psl_ctx_t *psl = pslContext();
    if (!psl || d.isEmpty())
        return d;
    const char *registrable = psl_registrable_domain(psl, d.constData());
    return registrable ? QByteArray(registrable) : d;
}

} // namespace herald::authres
