// `herald-cli account discover EMAIL [--json] [--ca-file PEM]`: the servers of an address, as
// the set-up wizard finds them (core/accounts/Discovery); progress on stderr, result on stdout.
#include "app/cli/ArgParser.h"
#include "app/cli/CliContext.h"
#include "app/cli/Commands.h"
#include "core/accounts/Discovery.h"
#include "core/sync/ResolverDiscoveryDns.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace herald::cli {

namespace {

QJsonArray serversJson(const std::vector<accounts::ServerUrl> &servers)
{
    QJsonArray out;
    for (const accounts::ServerUrl &s : servers)
        out.append(QJsonObject{
            {QStringLiteral("url"), s.toString()},
            {QStringLiteral("protocol"), accounts::protocolName(s.protocol).toLower()},
            {QStringLiteral("security"), s.transport == accounts::Transport::ImplicitTls
                                             ? QStringLiteral("tls")
                                             : QStringLiteral("starttls")},
            {QStringLiteral("host"), s.host},
            {QStringLiteral("port"), int(s.port)},
            {QStringLiteral("user"), s.user},
        });
    return out;
}

} // namespace

int discoverCommand(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.flag(QStringLiteral("json"))
        .option(QStringLiteral("ca-file"))
        .positional(QStringLiteral("EMAIL"));
    p.parse(args, QStringLiteral("account discover"));
    const QString email = p.positionalValue(QStringLiteral("EMAIL"));
    accounts::DiscoveryOptions options;
    if (p.isSet(QStringLiteral("ca-file"))) {
        const QString file = p.value(QStringLiteral("ca-file"));
        options.extraCaCertificates = QSslCertificate::fromPath(file);
        if (options.extraCaCertificates.isEmpty())
            throw CommandError(QStringLiteral("no certificate in %1").arg(file));
    }
    std::unique_ptr<sync::ResolverDiscoveryDns> dns;
    try {
        dns = std::make_unique<sync::ResolverDiscoveryDns>(ctx.nameserver());
    } catch (const std::exception &e) {
        throw UsageError(e.what());
    }
    QString error;
    const auto found = accounts::discoverServers(
        email, *dns, options,
        [&ctx](const QString &line) { ctx.err() << line << "\n"
                                                << Qt::flush; }, &error);
    if (!found)
        throw CommandError(error);
    if (p.isSet(QStringLiteral("json"))) {
        const QJsonObject o{
            {QStringLiteral("email"), email.trimmed()},
            {QStringLiteral("source"), accounts::sourceKey(found->source)},
            {QStringLiteral("source_description"), accounts::describeSource(found->source)},
            {QStringLiteral("detail"), found->detail},
            {QStringLiteral("needs_confirmation"), found->needsConfirmation},
            {QStringLiteral("provider"), found->providerName},
            {QStringLiteral("incoming"), serversJson(found->incoming)},
            {QStringLiteral("outgoing"), serversJson(found->outgoing)},
        };
        ctx.out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
        return 0;
    }
    ctx.out() << "Found through " << accounts::describeSource(found->source) << ": "
              << found->detail << "\n";
    if (!found->providerName.isEmpty())
        ctx.out() << "Provider: " << found->providerName << "\n";
    if (found->needsConfirmation)
        ctx.out() << "Unverified: this answer came over plain http; check the servers with your "
                     "provider before using them.\n";
    const auto print = [&ctx](const char *label, const std::vector<accounts::ServerUrl> &list) {
        for (size_t i = 0; i < list.size(); ++i)
            ctx.out() << (i == 0 ? label : "          ") << list[i].toString() << "\n";
        if (list.empty())
            ctx.out() << label << "(none found)\n";
    };
    print("Incoming: ", found->incoming);
    print("Outgoing: ", found->outgoing);
    return 0;
}

} // namespace herald::cli
