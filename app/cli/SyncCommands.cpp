// Commands that talk to servers (sync) or change messages (flag, move, delete).
// Changes apply to the cache at once and are replayed on the next sync.
#include "app/cli/ArgParser.h"
#include "app/cli/CliContext.h"
#include "app/cli/Commands.h"
#include "core/accounts/ServerUrl.h"
#include "core/imap/AccountSync.h"
#include "core/pop3/Pop3Download.h"
#include "core/sync/LocalActions.h"
#include "core/sync/SearchIndexer.h"

namespace herald::cli {

namespace {
template <class Action> int runAction(Action action)
{
    try {
        action();
    } catch (const store::SqliteError &) {
        throw;
    } catch (const std::runtime_error &e) {
        throw CommandError(QString::fromStdString(e.what()));
    }
    return 0;
}

// POP3 accounts: one download pass (core/pop3). Returns the failure line, if any.
std::optional<QString> syncPop3(CliContext &ctx, const store::Account &account)
{
    pop3::Pop3Download download(ctx.store(), account);
    download.setProgress([&](const QString &line) { ctx.err() << line << "\n" << Qt::flush; });
    pop3::DownloadReport report;
    const net::Error e = download.run(report);
    for (const QString &note : report.notes)
        ctx.err() << account.name << ": " << note << "\n";
    if (e) {
        QString line = QStringLiteral("%1: %2").arg(account.name, e.message);
        if (!e.certificateFingerprint.isEmpty() && !e.message.contains(e.certificateFingerprint))
            line += QStringLiteral(" (certificate SHA-256 %1)").arg(e.certificateFingerprint);
        return line;
    }
    ctx.err() << account.name << ": downloaded " << report.downloaded << " new, deleted "
              << report.deleted << " from the server, " << report.onServer - report.deleted
              << " left there\n";
    return std::nullopt;
}

} // namespace

int syncCommand(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.option(QStringLiteral("account")).flag(QStringLiteral("bodies"));
    p.flag(QStringLiteral("headers-only")).flag(QStringLiteral("index"));
    p.parse(args, QStringLiteral("sync"));
    const auto accounts = ctx.accounts(p.value(QStringLiteral("account")));
    if (accounts.empty())
        throw CommandError(QStringLiteral("no accounts to sync; add one with 'account add'"));
    imap::SyncPolicy policy;
    policy.bodies = !p.isSet(QStringLiteral("headers-only"));
    QStringList failures;
    // Outbox first (core/smtp): sent copies then arrive with this sync's Sent folder pass.
    flushOutboxes(ctx, accounts, failures);
    for (const auto &account : accounts) {
        const auto url = accounts::ServerUrl::parse(account.incomingUrl);
        if (url && url->protocol == accounts::Protocol::Pop3) {
            if (auto line = syncPop3(ctx, account))
                failures << *line;
            ctx.checkSenders(account);
            continue;
        }
        if (!url || url->protocol != accounts::Protocol::Imap) {
            failures << QStringLiteral("%1: syncing %2 accounts is not supported yet")
                            .arg(account.name, url ? accounts::protocolName(url->protocol)
                                                   : QStringLiteral("this"));
            continue;
        }
        imap::AccountSync sync(ctx.store(), account, policy);
        sync.setProgress([&](const QString &line) { ctx.err() << line << "\n" << Qt::flush; });
        imap::AccountSyncReport report;
        const net::Error e = sync.run(report);
        ctx.checkSenders(account); // also after a failed pass: bodies it did cache are checked
        if (e) {
            QString line = QStringLiteral("%1: %2").arg(account.name, e.message);
            if (!e.certificateFingerprint.isEmpty()) {
                if (!e.message.contains(e.certificateFingerprint))
                    line += QStringLiteral(" (certificate SHA-256 %1)").arg(e.certificateFingerprint);
                line += QStringLiteral("; if you know it is right: herald-cli trust --account %1 %2")
                            .arg(account.name, e.certificateFingerprint);
            }
            failures << line;
            continue;
        }
        for (const QString &f : report.folderErrors)
            ctx.err() << account.name << ": folder " << f << "\n";
        ctx.err() << account.name << ": synced " << report.folders << " folders: "
                  << report.totals.added << " new, " << report.totals.flagsChanged
                  << " changed, " << report.totals.removed << " removed, " << report.totals.bodies
                  << " bodies, " << report.tasksReplayed << " local changes sent\n";
    }
    // Full-text indexing is not part of the download (sync::SearchIndexer): done here on
    // request, else by the next search or `herald-cli index`.
    sync::SearchIndexer indexer(ctx.store());
    if (p.isSet(QStringLiteral("index")))
        indexer.run();
    else if (const qint64 pending = indexer.pendingCount(); pending > 0)
        ctx.err() << pending << " messages wait for the search index (the next search or "
                     "'herald-cli index' does it)\n";
    if (!failures.isEmpty())
        throw CommandError(failures.join(QStringLiteral("; ")));
    return 0;
}

int flagCommand(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.positional(QStringLiteral("ID"));
    p.option(QStringLiteral("add"), true).option(QStringLiteral("remove"), true);
    p.parse(args, QStringLiteral("flag"));
    const qint64 id = parseMessageId(p.positionalValue(QStringLiteral("ID")), QStringLiteral("flag"));
    QStringList add = p.values(QStringLiteral("add"));
    QStringList remove = p.values(QStringLiteral("remove"));
    if (add.isEmpty() && remove.isEmpty())
        throw UsageError("flag: say --add FLAG or --remove FLAG");
    for (const QString &f : add + remove)
        if (f.isEmpty() || f.contains(QLatin1Char(' ')) ||
            (f.startsWith(QLatin1Char('\\')) && !store::systemFlagFromName(f)))
            throw UsageError(QStringLiteral("flag: '%1' is not a flag (\\Seen, \\Flagged, "
                                            "\\Answered, \\Deleted, \\Draft or a keyword)")
                                 .arg(f)
                                 .toStdString());
    return runAction([&] { sync::LocalActions(ctx.store()).changeFlags(id, add, remove); });
}

int moveCommand(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.positional(QStringLiteral("ID")).positional(QStringLiteral("FOLDER"));
    p.parse(args, QStringLiteral("move"));
    const qint64 id = parseMessageId(p.positionalValue(QStringLiteral("ID")), QStringLiteral("move"));
    return runAction([&] {
        sync::LocalActions(ctx.store()).move(id, p.positionalValue(QStringLiteral("FOLDER")));
    });
}

int copyCommand(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.positional(QStringLiteral("ID")).positional(QStringLiteral("FOLDER"));
    p.parse(args, QStringLiteral("copy"));
    const qint64 id = parseMessageId(p.positionalValue(QStringLiteral("ID")), QStringLiteral("copy"));
    return runAction([&] {
        const qint64 copyId =
            sync::LocalActions(ctx.store()).copy(id, p.positionalValue(QStringLiteral("FOLDER")));
        ctx.out() << copyId << "\n";
    });
}

int deleteCommand(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.positional(QStringLiteral("ID"));
    p.parse(args, QStringLiteral("delete"));
    const qint64 id = parseMessageId(p.positionalValue(QStringLiteral("ID")), QStringLiteral("delete"));
    return runAction([&] { sync::LocalActions(ctx.store()).remove(id); });
}

} // namespace herald::cli
