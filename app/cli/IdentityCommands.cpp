// account identity add | list | remove: the addresses an account sends from, each with its own
// signature (core/accounts/Identity.h). The account's own address is the default identity;
// `identity add` with that address sets its signature (or display name).
#include "app/cli/ArgParser.h"
#include "app/cli/CliContext.h"
#include "app/cli/Commands.h"
#include "app/cli/ComposeArgs.h"
#include "core/accounts/AccountSettings.h"
#include "core/accounts/Identity.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace herald::cli {

namespace {

void saveSettings(CliContext &ctx, store::Account account, const accounts::AccountSettings &s)
{
    account.settingsJson = s.toJson();
    ctx.store().accounts().update(account);
}

int add(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.option(QStringLiteral("account")).option(QStringLiteral("email"));
    p.option(QStringLiteral("display-name")).option(QStringLiteral("signature-file"));
    p.flag(QStringLiteral("no-signature"));
    p.parse(args, QStringLiteral("account identity add"));
    for (const char *required : {"account", "email"})
        if (!p.isSet(QString::fromLatin1(required)))
            throw UsageError(QStringLiteral("account identity add: --%1 is required")
                                 .arg(QString::fromLatin1(required))
                                 .toStdString());
    if (p.isSet(QStringLiteral("signature-file")) && p.isSet(QStringLiteral("no-signature")))
        throw UsageError("account identity add: give --signature-file or --no-signature, not both");
    const store::Account account = ctx.account(p.value(QStringLiteral("account")));
    const mime::Address address =
        parseAddress(p.value(QStringLiteral("email")), QStringLiteral("account identity add"));
    auto settings = accounts::AccountSettings::fromJson(account.settingsJson);
    // Adding again updates: what is not given stays as it was.
    accounts::Identity identity{address.email, QString(), QString()};
    for (const auto &stored : settings.identities)
        if (stored.email.compare(address.email, Qt::CaseInsensitive) == 0)
            identity = stored;
    if (p.isSet(QStringLiteral("display-name")))
        identity.displayName = p.value(QStringLiteral("display-name"));
    else if (!address.name.isEmpty())
        identity.displayName = address.name;
    if (p.isSet(QStringLiteral("signature-file")))
        identity.signature = readTextFile(p.value(QStringLiteral("signature-file")));
    if (p.isSet(QStringLiteral("no-signature")))
        identity.signature.clear();
    accounts::setIdentity(settings, identity);
    saveSettings(ctx, account, settings);
    ctx.err() << account.name << ": identity " << identity.email
              << (identity.signature.isEmpty() ? " (no signature)" : " (with a signature)")
              << " saved\n";
    return 0;
}

int list(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.option(QStringLiteral("account")).flag(QStringLiteral("json"));
    p.parse(args, QStringLiteral("account identity list"));
    QJsonArray array;
    for (const store::Account &a : ctx.accounts(p.value(QStringLiteral("account")))) {
        const auto settings = accounts::AccountSettings::fromJson(a.settingsJson);
        bool first = true;
        for (const auto &i : accounts::identities(settings, a.email, a.displayName)) {
            if (p.isSet(QStringLiteral("json")))
                array.append(QJsonObject{{QStringLiteral("account"), a.name},
                                         {QStringLiteral("email"), i.email},
                                         {QStringLiteral("display_name"), i.displayName},
                                         {QStringLiteral("signature"), i.signature},
                                         {QStringLiteral("default"), first}});
            else
                ctx.out() << a.name << "\t" << i.email << "\t" << i.displayName << "\t"
                          << (first ? "default" : "") << "\t"
                          << (i.signature.isEmpty() ? "no signature" : "signature") << "\n";
            first = false;
        }
    }
    if (p.isSet(QStringLiteral("json")))
        ctx.out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
    return 0;
}

int remove(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.option(QStringLiteral("account")).option(QStringLiteral("email"));
    p.parse(args, QStringLiteral("account identity remove"));
    if (!p.isSet(QStringLiteral("account")) || !p.isSet(QStringLiteral("email")))
        throw UsageError("account identity remove: --account N and --email ADDR are required");
    const store::Account account = ctx.account(p.value(QStringLiteral("account")));
    auto settings = accounts::AccountSettings::fromJson(account.settingsJson);
    const QString email = p.value(QStringLiteral("email"));
    if (!accounts::removeIdentity(settings, email))
        throw CommandError(QStringLiteral("account identity remove: %1 has no stored identity %2")
                               .arg(account.name, email));
    saveSettings(ctx, account, settings);
    ctx.err() << account.name << ": identity " << email << " removed\n";
    return 0;
}

} // namespace

int identityCommand(CliContext &ctx, const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == QLatin1String("add"))
        return add(ctx, args.mid(1));
    if (sub == QLatin1String("list"))
        return list(ctx, args.mid(1));
    if (sub == QLatin1String("remove"))
        return remove(ctx, args.mid(1));
    throw UsageError("account identity: say add, list or remove");
}

} // namespace herald::cli
