// herald-cli verify FILE.eml [--account N] [--json]: SPF, DKIM, DMARC and ARC verdicts for a
// message file, computed now (DNS through --nameserver, or the system resolvers). With
// --account, that account's trusted authserv-id decides which Authentication-Results count.
#include "app/cli/ArgParser.h"
#include "app/cli/CliContext.h"
#include "app/cli/Commands.h"
#include "core/accounts/AccountSettings.h"
#include "core/authres/AuthVerdict.h"
#include "core/authres/UnboundResolver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <memory>

namespace herald::cli {

namespace {

constexpr int kDnsTimeoutMs = 3000;

QString field(const QJsonObject &o, const char *key)
{
    const QString v = o.value(QLatin1String(key)).toString();
    return v.isEmpty() ? QStringLiteral("-") : v;
}

void printHuman(CliContext &ctx, const QJsonObject &auth)
{
    const QJsonObject spf = auth.value(QLatin1String("spf")).toObject();
    ctx.out() << "SPF:   " << field(spf, "result") << "  domain " << field(spf, "domain") << "  ip "
              << field(spf, "ip") << "\n";
    const QJsonArray dkim = auth.value(QLatin1String("dkim")).toArray();
    if (dkim.isEmpty())
        ctx.out() << "DKIM:  none\n";
    for (const QJsonValue &v : dkim) {
        const QJsonObject d = v.toObject();
        ctx.out() << "DKIM:  " << field(d, "result") << "  domain " << field(d, "domain")
                  << "  selector " << field(d, "selector") << "  " << field(d, "algorithm");
        if (d.value(QLatin1String("body_length_limited")).toBool())
            ctx.out() << "  (l=: only part of the body is signed)";
        if (d.value(QLatin1String("testing")).toBool())
            ctx.out() << "  (key in testing mode)";
        ctx.out() << "\n";
    }
    const QJsonObject dmarc = auth.value(QLatin1String("dmarc")).toObject();
    ctx.out() << "DMARC: " << field(dmarc, "result") << "  domain " << field(dmarc, "domain")
              << "  policy " << field(dmarc, "policy");
    if (dmarc.contains(QLatin1String("disposition")))
        ctx.out() << "  disposition " << field(dmarc, "disposition");
    ctx.out() << "\n";
    ctx.out() << "ARC:   " << field(auth.value(QLatin1String("arc")).toObject(), "result") << "\n";
    ctx.out() << "source: " << field(auth, "source") << "\n";
}

} // namespace

int verifyCommand(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.positional(QStringLiteral("FILE"))
        .option(QStringLiteral("account"))
        .flag(QStringLiteral("json"));
    p.parse(args, QStringLiteral("verify"));
    const QString path = p.positionalValue(QStringLiteral("FILE"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw CommandError(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    const QByteArray raw = file.readAll();

    authres::AuthOptions options;
    if (p.isSet(QStringLiteral("account"))) {
        const store::Account account = ctx.account(p.value(QStringLiteral("account")));
        options.trustedAuthservId =
            accounts::AccountSettings::fromJson(account.settingsJson).authservId;
    }
    std::unique_ptr<authres::UnboundResolver> resolver;
    try {
        // One timeout at most: a server that does not answer is then remembered as down
        // (authres::DnsOutage), so verify says so within about 3 s, not 5 s per lookup.
        resolver = std::make_unique<authres::UnboundResolver>(ctx.nameserver(), kDnsTimeoutMs);
    } catch (const std::runtime_error &e) {
        throw UsageError(e.what());
    }
    const QJsonObject auth = authres::computeAuth(raw, options, *resolver);
    const QString noAnswer =
        QStringLiteral("DNS did not answer (%1, %2 s): the checks that need it are temperror")
            .arg(ctx.nameserver().isEmpty() ? QStringLiteral("system resolvers") : ctx.nameserver())
            .arg(kDnsTimeoutMs / 1000);
    if (p.isSet(QStringLiteral("json"))) {
        ctx.out() << QJsonDocument(auth).toJson(QJsonDocument::Indented);
        if (resolver->hadNoAnswer())
            ctx.err() << noAnswer << "\n"; // standard output stays JSON
    } else {
        printHuman(ctx, auth);
        if (resolver->hadNoAnswer())
            ctx.out() << noAnswer << "\n";
    }
    return 0;
}

} // namespace herald::cli
