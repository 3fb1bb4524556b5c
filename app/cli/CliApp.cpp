#include "app/cli/CliApp.h"

#include "app/cli/ArgParser.h"
#include "app/cli/CliContext.h"
#include "app/cli/Commands.h"
#include "core/Version.h"
#include "core/store/Profile.h"
#include "core/sync/ConnectionDns.h"

#include <QTextStream>
#include <functional>
#include <map>

namespace herald::cli {

namespace {

const char *const kUsage =
    "usage: herald-cli [--profile DIR] [--nameserver HOST:PORT] COMMAND ...\n"
    "commands:\n"
    "  account add --name N --email ADDR [--display-name TEXT] --incoming URL --outgoing URL\n"
    "              [--password-file F | --password-env VAR] [--ca-file PEM] [--authserv-id ID]\n"
    "              [--leave-on-server yes|no] [--delete-after-days N] [--trusted-hops N]\n"
    "              [--bodies all|none] [--body-days N] [--body-max-size SIZE] [--signature-file "
    "F]\n"
    "  account set NAME [--authserv-id ID] [--trusted-hops N] [--bodies all|none]\n"
    "              [--body-days N] [--body-max-size SIZE]\n"
    "              [--leave-on-server yes|no] [--delete-after-days N] [--delete-when-deleted "
    "yes|no]\n"
    "  account list [--json]\n"
    "  account remove NAME [--yes]   delete its cache and keychain password (not the server's)\n"
    "  account identity add --account N --email ADDR [--display-name TEXT]\n"
    "              [--signature-file F | --no-signature]\n"
    "  account identity list [--account N] [--json]\n"
    "  account identity remove --account N --email ADDR\n"
    "  account discover EMAIL [--json] [--ca-file PEM]   find the servers of an address\n"
    "       (autoconfig, provider list, SRV, MX, guesses; DNS via --nameserver)\n"
    "  folders [--account N] [--json]\n"
    "  list [--account N] [--folder NAME] [--limit K] [--json]\n"
    "  show ID [--json | --raw] [--fetch]   (--fetch: download a body the policy left)\n"
    "  search QUERY [--account N] [--json]   (first indexes what sync left for the index)\n"
    "  index                          bring the search index up to date now\n"
    "  sync [--account N] [--bodies | --headers-only] [--index]   (IMAP and POP3 accounts;\n"
    "       then checks the senders (SPF, DKIM, DMARC, ARC) of the new messages, DNS via\n"
    "       --nameserver; --index: also index the new messages for search before exiting)\n"
    "  flag ID (--add|--remove) FLAG\n"
    "  move ID FOLDER\n"
    "  copy ID FOLDER                 prints the copy's id\n"
    "  delete ID\n"
    "  verify FILE.eml [--account N] [--json]   SPF, DKIM, DMARC, ARC verdicts of a message file\n"
    "  watch [--account N] [--folder NAME]   (IMAP IDLE; stop with Ctrl-C)\n"
    "  trust --account N SHA256     accept a server certificate by its fingerprint\n"
    "  send --account N --to ADDR [--to ...] [--cc ...] [--bcc ...] --subject TEXT\n"
    "       [--body-file F] [--html-file F] [--attach F ...] [--in-reply-to ID] [--dsn]\n"
    "       [--from ADDR] [--no-signature] [--queue-only]\n"
    "  outbox [--account N] [--json] [--send-now | --resend ID | --discard ID]\n"
    "  draft save --account N [--id ID] [--to ...] [--cc ...] [--bcc ...] [--subject TEXT]\n"
    "       [--body-file F] [--html-file F] [--attach F ...] [--in-reply-to ID] [--from ADDR]\n"
    "       [--no-signature] [--json]        prints the draft's id; uploaded by the next sync\n"
    "  draft list [--account N] [--json]\n"
    "  draft send ID [--dsn] [--queue-only]\n"
    "  draft delete ID\n"
    "  mbox import FILE --account N --folder NAME   into a local folder (made if needed; mail\n"
    "       it has already is not added again); with --server into that server folder: cached\n"
    "       at once, uploaded by the next sync\n"
    "  mbox export FILE --account N --folder NAME   the folder's downloaded messages (mboxrd)\n"
    "URLs: imaps://USER@HOST:PORT imap+starttls://… pop3s://… pop3+starttls://… smtps://… "
    "smtp+starttls://…\n";

using Command = std::function<int(CliContext &, const QStringList &)>;

const std::map<QString, Command> &commands()
{
    static const std::map<QString, Command> table = {
        {QStringLiteral("account"), accountCommand}, {QStringLiteral("folders"), foldersCommand},
        {QStringLiteral("list"), listCommand},       {QStringLiteral("show"), showCommand},
        {QStringLiteral("search"), searchCommand},   {QStringLiteral("sync"), syncCommand},
        {QStringLiteral("flag"), flagCommand},       {QStringLiteral("move"), moveCommand},
        {QStringLiteral("copy"), copyCommand},       {QStringLiteral("delete"), deleteCommand},
        {QStringLiteral("watch"), watchCommand},     {QStringLiteral("verify"), verifyCommand},
        {QStringLiteral("index"), indexCommand},     {QStringLiteral("send"), sendCommand},
        {QStringLiteral("outbox"), outboxCommand},   {QStringLiteral("trust"), trustCommand},
        {QStringLiteral("draft"), draftCommand},     {QStringLiteral("mbox"), mboxCommand},
    };
    return table;
}

void printError(const QString &message)
{
    QTextStream err(stderr);
    err << "herald-cli: " << message << "\n";
}

} // namespace

int run(const QStringList &arguments)
{
    QString profile;
    QString nameserver;
    bool json = false;
    int i = 0;
    // Global options come before the command.
    for (; i < arguments.size() && arguments[i].startsWith(QLatin1String("--")); ++i) {
        const QString opt = arguments[i];
        if (opt == QLatin1String("--help")) {
            QTextStream(stdout) << kUsage;
            return 0;
        }
        if (opt == QLatin1String("--version")) {
            QTextStream(stdout) << "herald-cli " << versionString() << "\n";
            return 0;
        }
        if (opt == QLatin1String("--json")) { // also accepted before the command
            json = true;
            continue;
        }
        if (opt != QLatin1String("--profile") && opt != QLatin1String("--nameserver")) {
            printError(QStringLiteral("unknown option %1 (see --help)").arg(opt));
            return 2;
        }
        if (i + 1 >= arguments.size()) {
            printError(QStringLiteral("%1 needs a value").arg(opt));
            return 2;
        }
        (opt == QLatin1String("--profile") ? profile : nameserver) = arguments[++i];
    }
    if (nameserver.isEmpty()) // like HERALD_PROFILE: set once for a shell or a test run
        nameserver = qEnvironmentVariable("HERALD_NAMESERVER");
    try { // servers' host names too are asked of that DNS server (core/sync/ConnectionDns.h)
        sync::useNameserverForConnections(nameserver);
    } catch (const std::exception &e) {
        printError(QString::fromStdString(e.what()));
        return 2;
    }
    if (i >= arguments.size()) {
        QTextStream(stderr) << kUsage;
        return 2;
    }
    const QString name = arguments[i];
    const auto it = commands().find(name);
    if (it == commands().end()) {
        printError(QStringLiteral("unknown command '%1' (see --help)").arg(name));
        return 2;
    }
    try {
        CliContext ctx(store::resolveProfileDir(profile), nameserver);
        QStringList commandArgs = arguments.mid(i + 1);
        if (json && !commandArgs.contains(QStringLiteral("--json")))
            commandArgs << QStringLiteral("--json");
        const int rc = it->second(ctx, commandArgs);
        ctx.out().flush();
        return rc;
    } catch (const UsageError &e) {
        printError(QString::fromStdString(e.what()));
        return 2;
    } catch (const CommandError &e) {
        printError(QString::fromStdString(e.what()));
        return e.exitCode();
    } catch (const std::exception &e) {
        printError(QString::fromStdString(e.what()));
        return 1;
    }
}

} // namespace herald::cli
