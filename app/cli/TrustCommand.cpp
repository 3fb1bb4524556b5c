// `trust --account N SHA256`: accept a server certificate the system does not
// vouch for (the fingerprint comes from the error that refused it).
#include "app/cli/ArgParser.h"
#include "app/cli/CliContext.h"
#include "app/cli/Commands.h"
#include "core/sync/TrustCertificate.h"

namespace herald::cli {

int trustCommand(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.option(QStringLiteral("account")).positional(QStringLiteral("SHA256"));
    p.parse(args, QStringLiteral("trust"));
    if (!p.isSet(QStringLiteral("account")))
        throw UsageError("trust: --account is required");
    const QString error =
        accounts::trustCertificate(ctx.store(), p.value(QStringLiteral("account")),
                                   p.positionalValue(QStringLiteral("SHA256")));
    if (!error.isEmpty())
        throw CommandError(error);
    ctx.err() << "Trusted that certificate for account " << p.value(QStringLiteral("account"))
              << ".\n";
    return 0;
}

} // namespace herald::cli
