// Commands that talk to servers (sync) or change messages (flag, move, delete).
// Changes apply to the cache at once and are replayed on the next sync.
#include "app/cli/ArgParser.h"
#include "app/cli/CliContext.h"
#include "app/cli/Commands.h"
#include "core/engine/imap/ImportUploader.h"
#include "core/store/ImportUploads.h"
#include "core/store/Store.h"
#include "core/sync/AccountPass.h"
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

// The line for a pass that could not run, with what to do about an untrusted certificate.
QString passFailure(const store::Account &account, const net::Error &e)
{
    QString line = QStringLiteral("%1: %2").arg(account.name, e.message);
    if (!e.certificateFingerprint.isEmpty()) {
        if (!e.message.contains(e.certificateFingerprint))
            line += QStringLiteral(" (certificate SHA-256 %1)").arg(e.certificateFingerprint);
        line += QStringLiteral("; if you know it is right: herald-cli trust --account %1 %2")
                    .arg(account.name, e.certificateFingerprint);
    }
    return line;
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
    for (const auto &account : accounts) {
        // Outbox, then IMAP or POP3, then sender checks: core/sync/AccountPass, as in the window.
        sync::AccountPass pass(ctx.store(), account, ctx.dns());
        pass.setImapPolicy(policy);
        pass.setProgress([&](const QString &line) { ctx.err() << line << "\n" << Qt::flush; });
        const sync::AccountPassReport r = pass.run();
        if (const QString failure = outboxFailure(ctx, r.outbox); !failure.isEmpty())
            failures << QStringLiteral("%1: outbox: %2").arg(account.name, failure);
        if (r.pop3)
            for (const QString &note : r.pop3->notes)
                ctx.err() << account.name << ": " << note << "\n";
        if (r.error) {
            failures << passFailure(account, r.error);
            continue;
        }
        if (r.pop3) {
            ctx.err() << account.name << ": downloaded " << r.pop3->downloaded << " new, deleted "
                      << r.pop3->deleted << " from the server, "
                      << r.pop3->onServer - r.pop3->deleted << " left there\n";
        } else if (r.imap) {
            for (const QString &f : r.imap->folderErrors)
                ctx.err() << account.name << ": folder " << f << "\n";
            // Imported messages a server refused (quota, folder gone) wait with its words.
            if (const int waiting = store::importsToUpload(ctx.store().db(), account.id)) {
                const QString why = imap::lastUploadRefusal(ctx.store(), account.id);
                ctx.err() << account.name << ": " << waiting
                          << " imported messages not on the server yet"
                          << (why.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(why)) << "\n";
            }
            ctx.err() << account.name << ": synced " << r.imap->folders
                      << " folders: " << r.imap->totals.added << " new, "
                      << r.imap->totals.flagsChanged << " changed, " << r.imap->totals.removed
                      << " removed, " << r.imap->totals.bodies << " bodies, "
                      << r.imap->tasksReplayed << " local changes sent\n";
        }
    }
    // Full-text indexing is not part of the download (sync::SearchIndexer): done here on
    // request, else by the next search or `herald-cli index`.
    sync::SearchIndexer indexer(ctx.store());
    if (p.isSet(QStringLiteral("index")))
        indexer.run();
    else if (const qint64 pending = indexer.pendingCount(); pending > 0)
        ctx.err() << pending
                  << " messages wait for the search index (the next search or "
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
    const qint64 id =
        parseMessageId(p.positionalValue(QStringLiteral("ID")), QStringLiteral("flag"));
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
    const qint64 id =
        parseMessageId(p.positionalValue(QStringLiteral("ID")), QStringLiteral("move"));
    return runAction([&] {
        sync::LocalActions(ctx.store()).move(id, p.positionalValue(QStringLiteral("FOLDER")));
    });
}

int copyCommand(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.positional(QStringLiteral("ID")).positional(QStringLiteral("FOLDER"));
    p.parse(args, QStringLiteral("copy"));
    const qint64 id =
        parseMessageId(p.positionalValue(QStringLiteral("ID")), QStringLiteral("copy"));
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
    const qint64 id =
        parseMessageId(p.positionalValue(QStringLiteral("ID")), QStringLiteral("delete"));
    return runAction([&] { sync::LocalActions(ctx.store()).remove(id); });
}

} // namespace herald::cli
