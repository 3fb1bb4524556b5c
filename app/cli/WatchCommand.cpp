// `watch`: stay connected (IMAP IDLE) and apply changes as they come.
#include "app/cli/ArgParser.h"
#include "app/cli/CliContext.h"
#include "app/cli/Commands.h"
#include "core/accounts/ServerUrl.h"
#include "core/sync/AccountWatch.h"

#include <csignal>
#include <cstdio>

namespace herald::cli {

namespace {
sync::AccountWatch *g_watcher = nullptr;

extern "C" void stopWatching(int)
{
    if (g_watcher)
        g_watcher->stop(); // an atomic store: safe in a signal handler
}
} // namespace

int watchCommand(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.option(QStringLiteral("account")).option(QStringLiteral("folder"));
    p.parse(args, QStringLiteral("watch"));
    std::vector<store::Account> imapAccounts;
    for (const auto &a : ctx.accounts(p.value(QStringLiteral("account")))) {
        const auto url = accounts::ServerUrl::parse(a.incomingUrl);
        if (url && url->protocol == accounts::Protocol::Imap)
            imapAccounts.push_back(a);
    }
    if (imapAccounts.empty())
        throw CommandError(QStringLiteral("no IMAP account to watch"));
    if (imapAccounts.size() > 1)
        throw UsageError("watch: several IMAP accounts; choose one with --account");

    ctx.dns(); // a bad --nameserver is a usage error now, not at the first new message
    sync::AccountWatch::Options options;
    options.watcher.folder = p.value(QStringLiteral("folder"), QStringLiteral("INBOX"));
    options.nameserver = ctx.nameserver();
    sync::AccountWatch watcher(ctx.store(), imapAccounts.front(), options);
    watcher.setReport([&](const QString &line) { ctx.out() << line << "\n" << Qt::flush; });
    watcher.setVerdictProgress([](const QString &line) {
        std::fprintf(stderr, "%s\n", line.toLocal8Bit().constData()); // not ctx.err(): own thread
    });
    g_watcher = &watcher;
    std::signal(SIGINT, stopWatching);
    std::signal(SIGTERM, stopWatching);
    watcher.run();
    g_watcher = nullptr;
    return 0;
}

} // namespace herald::cli
