// herald-cli mbox import FILE --account N --folder NAME   into a local folder (made if needed)
// herald-cli mbox import FILE --account N --folder NAME --server   into that server folder:
//   cached at once, uploaded by the next sync (`sync` or `watch`)
// herald-cli mbox export FILE --account N --folder NAME   any folder, from the cache
// The window's File > Import mbox… / Export to mbox… (core/sync/MboxTransfer.h); progress and
// what was left out on stderr.
#include "app/cli/ArgParser.h"
#include "app/cli/CliContext.h"
#include "app/cli/Commands.h"
#include "core/sync/MboxTransfer.h"

namespace herald::cli {

int mboxCommand(CliContext &ctx, const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub != QLatin1String("import") && sub != QLatin1String("export"))
        throw UsageError("mbox: import or export?");
    ArgParser p;
    p.positional(QStringLiteral("FILE"))
        .option(QStringLiteral("account"))
        .option(QStringLiteral("folder"))
        .flag(QStringLiteral("server"));
    p.parse(args.mid(1), QStringLiteral("mbox ") + sub);
    const QString path = p.positionalValue(QStringLiteral("FILE"));
    const QString folderName = p.value(QStringLiteral("folder"));
    if (folderName.isEmpty())
        throw UsageError(
            QStringLiteral("mbox %1: --folder NAME is required").arg(sub).toStdString());
    const store::Account account = ctx.account(p.value(QStringLiteral("account")));

    if (sub == QLatin1String("import")) {
        const bool server = p.isSet(QStringLiteral("server"));
        qint64 folderId = 0;
        try {
            folderId = server ? sync::serverImportFolder(ctx.store(), account.id, folderName)
                              : sync::localImportFolder(ctx.store(), account.id, folderName);
        } catch (const std::runtime_error &e) {
            const auto existing = ctx.store().folders().byName(account.id, folderName.trimmed());
            throw CommandError(QString::fromUtf8(e.what()) +
                               (!server && existing && !existing->isLocal
                                    ? QStringLiteral(" (or add --server to upload into it)")
                                    : QString()));
        }
        const sync::MboxImportResult r = sync::importMbox(ctx.store(), path, folderId);
        if (!r.error.isEmpty())
            throw CommandError(QStringLiteral("%1 (%2 imported before)").arg(r.error).arg(r.added));
        ctx.out() << "imported " << r.added << ", already there " << r.alreadyThere;
        if (server)
            ctx.out() << ", to upload " << r.toUpload;
        ctx.out() << "\n";
        if (r.toUpload)
            ctx.err() << r.toUpload << " messages are uploaded to the server by the next sync\n";
        return 0;
    }
    const auto folder = ctx.store().folders().byName(account.id, folderName);
    if (!folder)
        throw CommandError(QStringLiteral("no folder named '%1'").arg(folderName));
    const sync::MboxExportResult r = sync::exportMbox(ctx.store(), folder->id, path);
    if (!r.error.isEmpty())
        throw CommandError(r.error);
    ctx.out() << "exported " << r.written << "\n";
    if (r.withoutBody)
        ctx.err() << r.withoutBody << " messages left out: body not downloaded (sync --bodies)\n";
    return 0;
}

} // namespace herald::cli
