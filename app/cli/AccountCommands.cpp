#include "app/cli/ArgParser.h"
#include "app/cli/CliContext.h"
#include "app/cli/Commands.h"
#include "app/cli/ComposeArgs.h"
#include "app/cli/JsonShapes.h"
#include "app/cli/PasswordPrompt.h"
#include "core/accounts/AccountSettings.h"
#include "core/accounts/Credentials.h"
#include "core/accounts/Identity.h"
#include "core/accounts/ServerUrl.h"
#include "core/net/CertificateTrust.h"
#include "core/sync/AccountCheck.h"
#include "core/sync/AccountCreation.h"
#include "core/sync/AccountRemoval.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>

namespace herald::cli {

namespace {

accounts::ServerUrl parseUrl(const QString &text, bool incoming)
{
    QString error;
    auto url = accounts::ServerUrl::parse(text, &error);
    if (!url)
        throw UsageError(QStringLiteral("account add: %1").arg(error).toStdString());
    if (url->isIncoming() != incoming)
        throw UsageError(
            QStringLiteral("account add: --%1 must be %2, not %3")
                .arg(incoming ? QStringLiteral("incoming") : QStringLiteral("outgoing"),
                     incoming ? QStringLiteral("an IMAP or POP3 address")
                              : QStringLiteral("an SMTP address"),
                     accounts::protocolName(url->protocol))
                .toStdString());
    return *url;
}

// Where the password goes: a file or variable the user named, else the keychain (asked now).
accounts::PasswordChoice passwordChoice(const ArgParser &p, const QString &name)
{
    using Kind = accounts::PasswordChoice::Kind;
    if (p.isSet(QStringLiteral("password-file")))
        return {Kind::File, p.value(QStringLiteral("password-file"))};
    if (p.isSet(QStringLiteral("password-env")))
        return {Kind::Env, p.value(QStringLiteral("password-env"))};
    const auto password = promptPassword(QStringLiteral("Password for %1: ").arg(name));
    if (!password)
        throw CommandError(QStringLiteral("no password given (use --password-file or "
                                          "--password-env when not on a terminal)"));
    return {Kind::Keychain, *password};
}

// "1500", "500K", "20M", "1G" -> bytes; -1 when unreadable.
qint64 parseSize(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^(\\d+)\\s*([KMG]?)B?$"),
                                       QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return -1;
    const QString unit = m.captured(2).toUpper();
    const int shift = unit == QLatin1String("K")   ? 10
                      : unit == QLatin1String("M") ? 20
                      : unit == QLatin1String("G") ? 30
                                                   : 0;
    return m.captured(1).toLongLong() << shift;
}

void declareSettingOptions(ArgParser &p)
{
    p.option(QStringLiteral("authserv-id")).option(QStringLiteral("trusted-hops"));
    p.option(QStringLiteral("bodies")).option(QStringLiteral("body-days"));
    p.option(QStringLiteral("body-max-size"));
    p.option(QStringLiteral("leave-on-server"));
    p.option(QStringLiteral("delete-after-days")).option(QStringLiteral("delete-when-deleted"));
}

// The options `account add` and `account set` share: what to trust for verdicts, which bodies
// to keep offline. Only the options given change `settings`.
void applySettingOptions(const ArgParser &p, accounts::AccountSettings &settings,
                         const QString &command)
{
    auto fail = [&](const QString &what) {
        throw UsageError(QStringLiteral("%1: %2").arg(command, what).toStdString());
    };
    if (p.isSet(QStringLiteral("authserv-id")))
        settings.authservId = p.value(QStringLiteral("authserv-id"));
    if (p.isSet(QStringLiteral("trusted-hops"))) {
        settings.trustedHops = p.intValue(QStringLiteral("trusted-hops"), -1);
        if (settings.trustedHops < 0)
            fail(QStringLiteral("--trusted-hops takes a number, 0 or more"));
    }
    if (p.isSet(QStringLiteral("bodies"))) {
        const QString v = p.value(QStringLiteral("bodies"));
        if (v != QLatin1String("all") && v != QLatin1String("none"))
            fail(QStringLiteral("--bodies takes all or none"));
        settings.downloadBodies = v == QLatin1String("all");
    }
    if (p.isSet(QStringLiteral("body-days"))) {
        settings.bodyMaxAgeDays = p.intValue(QStringLiteral("body-days"), -1);
        if (settings.bodyMaxAgeDays < 0)
            fail(QStringLiteral("--body-days takes a number of days (0 = any age)"));
    }
    if (p.isSet(QStringLiteral("body-max-size"))) {
        settings.bodyMaxSize = parseSize(p.value(QStringLiteral("body-max-size")));
        if (settings.bodyMaxSize < 0)
            fail(QStringLiteral("--body-max-size takes a size such as 500K or 20M (0 = any)"));
    }
    // POP3: what stays on the server.
    const auto yesNo = [&](const char *option, bool *target) {
        const QString name = QString::fromLatin1(option);
        if (!p.isSet(name))
            return;
        const QString v = p.value(name);
        if (v != QLatin1String("yes") && v != QLatin1String("no"))
            fail(QStringLiteral("--%1 takes yes or no").arg(name));
        *target = v == QLatin1String("yes");
    };
    yesNo("leave-on-server", &settings.leaveOnServer);
    yesNo("delete-when-deleted", &settings.deleteWhenDeletedInHerald);
    if (p.isSet(QStringLiteral("delete-after-days"))) {
        settings.deleteAfterDays = p.intValue(QStringLiteral("delete-after-days"), -1);
        if (settings.deleteAfterDays < 0)
            fail(QStringLiteral("--delete-after-days takes a number of days (0 = never)"));
    }
}

// --check: log in to both servers as the window's set-up does, before anything is kept.
void checkBeforeSaving(CliContext &ctx, const accounts::NewAccount &account,
                       const accounts::PasswordChoice &password)
{
    using Kind = accounts::PasswordChoice::Kind;
    sync::AccountCheckRequest request;
    request.incoming = account.incoming;
    request.outgoing = account.outgoing;
    request.settings = account.settings;
    if (password.kind == Kind::File || password.kind == Kind::Env) {
        const auto read = accounts::readPassword(
            (password.kind == Kind::File ? QStringLiteral("file:") : QStringLiteral("env:")) +
                password.value,
            account.name);
        if (!read.ok)
            throw CommandError(read.error);
        request.password = read.password;
    } else {
        request.password = password.value;
    }
    ctx.err() << "Logging in to " << account.incoming.host << " and " << account.outgoing.host
              << "…\n";
    const auto result = sync::checkAccount(request);
    QStringList failures;
    for (const auto *server : {&result.incoming, &result.outgoing}) {
        if (server->ok())
            continue;
        QString line = QStringLiteral("%1: %2").arg(
            server == &result.incoming ? QStringLiteral("incoming") : QStringLiteral("outgoing"),
            server->message);
        if (server->outcome == sync::ServerCheck::Outcome::UntrustedCertificate) {
            const auto cert = sync::summarizeCertificate(server->certificate);
            line +=
                QStringLiteral(" (subject %1, issuer %2, valid until %3; to trust it: --pin %4)")
                    .arg(cert.subject, cert.issuer, cert.validUntil.toString(Qt::ISODate),
                         cert.sha256);
        }
        failures << line;
    }
    if (!failures.isEmpty())
        throw CommandError(QStringLiteral("nothing saved: ") + failures.join(QStringLiteral("; ")));
    ctx.err() << "Both servers accepted the login.\n";
}

int addAccount(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.option(QStringLiteral("name")).option(QStringLiteral("email"));
    p.option(QStringLiteral("display-name")).option(QStringLiteral("incoming"));
    p.option(QStringLiteral("outgoing")).option(QStringLiteral("password-file"));
    p.option(QStringLiteral("password-env")).option(QStringLiteral("ca-file"));
    p.option(QStringLiteral("signature-file")).option(QStringLiteral("pin"), true);
    p.flag(QStringLiteral("check"));
    declareSettingOptions(p);
    p.parse(args, QStringLiteral("account add"));
    for (const char *required : {"name", "email", "incoming", "outgoing"})
        if (!p.isSet(QString::fromLatin1(required)))
            throw UsageError(QStringLiteral("account add: --%1 is required")
                                 .arg(QString::fromLatin1(required))
                                 .toStdString());
    accounts::NewAccount account;
    account.name = p.value(QStringLiteral("name"));
    if (!accounts::isValidAccountName(account.name))
        throw UsageError("account add: --name may use letters, digits, '.', '_' and '-' only");
    account.email = p.value(QStringLiteral("email"));
    if (!account.email.contains(QLatin1Char('@')))
        throw UsageError(QStringLiteral("account add: '%1' is not an email address")
                             .arg(account.email)
                             .toStdString());
    account.incoming = parseUrl(p.value(QStringLiteral("incoming")), true);
    account.outgoing = parseUrl(p.value(QStringLiteral("outgoing")), false);
    account.displayName = p.value(QStringLiteral("display-name"));

    accounts::AccountSettings settings;
    applySettingOptions(p, settings, QStringLiteral("account add"));
    if (p.isSet(QStringLiteral("ca-file"))) {
        const QFileInfo ca(p.value(QStringLiteral("ca-file")));
        if (!ca.isReadable())
            throw CommandError(QStringLiteral("cannot read the CA file %1").arg(ca.filePath()));
        settings.caFile = ca.absoluteFilePath();
    }
    if (p.isSet(QStringLiteral("signature-file"))) // the default identity's signature
        accounts::setIdentity(settings, {account.email, QString(),
                                         readTextFile(p.value(QStringLiteral("signature-file")))});
    for (const QString &pin : p.values(QStringLiteral("pin"))) {
        net::CertificateTrust trust;
        if (!trust.addPin(pin))
            throw UsageError(
                QStringLiteral("account add: --pin takes a SHA-256 fingerprint (64 hex "
                               "digits, colons allowed), not '%1'")
                    .arg(pin)
                    .toStdString());
        settings.pinnedCertificates << trust.pins();
    }
    account.settings = settings;
    // Said before the password is asked for, so nobody types it for nothing.
    if (const QString error = accounts::newAccountError(ctx.store(), account); !error.isEmpty())
        throw CommandError(error);
    const auto password = passwordChoice(p, account.name);
    if (p.isSet(QStringLiteral("check")))
        checkBeforeSaving(ctx, account, password);
    const auto created = accounts::createAccount(ctx.store(), account, password);
    if (!created.ok())
        throw CommandError(password.kind == accounts::PasswordChoice::Kind::Keychain
                               ? created.error + QStringLiteral("; use --password-file or "
                                                                "--password-env instead")
                               : created.error);
    if (password.kind == accounts::PasswordChoice::Kind::Keychain)
        ctx.err() << "Password saved in the system keychain.\n";
    ctx.err() << "Added account " << account.name << " (" << account.email << ").\n";
    return 0;
}

int setAccount(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.positional(QStringLiteral("NAME"));
    declareSettingOptions(p);
    p.parse(args, QStringLiteral("account set"));
    store::Account account = ctx.account(p.positionalValue(QStringLiteral("NAME")));
    auto settings = accounts::AccountSettings::fromJson(account.settingsJson);
    applySettingOptions(p, settings, QStringLiteral("account set"));
    account.settingsJson = settings.toJson();
    ctx.store().accounts().update(account);
    ctx.err() << "Updated account " << account.name << ".\n";
    return 0;
}

// Deletes the account's cache, body files and keychain entry; never anything on the server.
// Without --yes it only says what would be deleted (and fails), so a script cannot remove an
// account by a slip.
int removeAccountCommand(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.positional(QStringLiteral("NAME"));
    p.flag(QStringLiteral("yes"));
    p.parse(args, QStringLiteral("account remove"));
    const store::Account account = ctx.account(p.positionalValue(QStringLiteral("NAME")));
    const QString what =
        accounts::describeRemovalText(account, accounts::describeRemoval(ctx.store(), account));
    if (!p.isSet(QStringLiteral("yes")))
        throw CommandError(what + QStringLiteral(" Run again with --yes to remove it."));
    accounts::removeAccount(ctx.store(), account);
    ctx.err() << what << "\nRemoved account " << account.name << ".\n";
    return 0;
}

int listAccounts(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.flag(QStringLiteral("json"));
    p.parse(args, QStringLiteral("account list"));
    const auto all = ctx.store().accounts().list();
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const auto &a : all)
            array.append(accountJson(a));
        ctx.out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return 0;
    }
    if (all.empty())
        ctx.err() << "No accounts yet; add one with 'herald-cli account add'.\n";
    for (const auto &a : all)
        ctx.out() << a.name << "\t" << a.email << "\t" << a.incomingUrl << "\t" << a.outgoingUrl
                  << "\n";
    return 0;
}

} // namespace

int accountCommand(CliContext &ctx, const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == QLatin1String("add"))
        return addAccount(ctx, args.mid(1));
    if (sub == QLatin1String("list"))
        return listAccounts(ctx, args.mid(1));
    if (sub == QLatin1String("set"))
        return setAccount(ctx, args.mid(1));
    if (sub == QLatin1String("remove"))
        return removeAccountCommand(ctx, args.mid(1));
    if (sub == QLatin1String("identity"))
        return identityCommand(ctx, args.mid(1));
    if (sub == QLatin1String("discover"))
        return discoverCommand(ctx, args.mid(1));
    throw UsageError(sub.isEmpty()
                         ? "account: say 'add', 'set', 'list', 'remove', 'identity' or 'discover'"
                         : QStringLiteral("account: unknown subcommand '%1' (use add, "
                                          "set, list, remove, identity or discover)")
                               .arg(sub)
                               .toStdString());
}

} // namespace herald::cli
