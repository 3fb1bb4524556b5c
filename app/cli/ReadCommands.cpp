// Commands that read the cache only; they work offline.
#include "app/cli/ArgParser.h"
#include "app/cli/CliContext.h"
#include "app/cli/Commands.h"
#include "app/cli/JsonShapes.h"
#include "core/accounts/ServerUrl.h"
#include "core/engine/imap/BodyFetcher.h"
#include "core/mime/MessageParser.h"
#include "core/sync/SearchIndexer.h"

#include <QFile>
#include <QJsonDocument>
#include <cstdio>

namespace herald::cli {

namespace {

void printJson(CliContext &ctx, const QJsonValue &value)
{
    const QJsonDocument doc =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    ctx.out() << doc.toJson(QJsonDocument::Indented);
}

QString flagLetters(int flags)
{
    QString s;
    s += (flags & store::FlagSeen) ? QLatin1Char(' ') : QLatin1Char('N');
    s += (flags & store::FlagFlagged) ? QLatin1Char('!') : QLatin1Char(' ');
    s += (flags & store::FlagAnswered) ? QLatin1Char('R') : QLatin1Char(' ');
    return s;
}

// The sender verdict at a glance: V verified (DMARC pass), X unverified (DMARC fail).
QChar verdictLetter(store::AuthSummary summary)
{
    switch (summary) {
    case store::AuthSummary::Pass:
        return QLatin1Char('V');
    case store::AuthSummary::Fail:
        return QLatin1Char('X');
    default:
        return QLatin1Char(' ');
    }
}

void printRowLine(CliContext &ctx, const store::MessageRow &r)
{
    const QString from = r.fromName.isEmpty() ? r.fromAddr : r.fromName;
    ctx.out() << qSetFieldWidth(7) << r.id << qSetFieldWidth(0) << " " << flagLetters(r.flags)
              << verdictLetter(r.authSummary) << " "
              << r.date.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) << "  "
              << from.left(24).leftJustified(24) << "  " << r.subject << "\n";
}

void printRows(CliContext &ctx, const std::vector<store::MessageRow> &rows, bool json)
{
    if (json) {
        QJsonArray array;
        for (const auto &r : rows)
            array.append(messageJson(r));
        printJson(ctx, array);
        return;
    }
    for (const auto &r : rows)
        printRowLine(ctx, r);
}

} // namespace

int foldersCommand(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.option(QStringLiteral("account")).flag(QStringLiteral("json"));
    p.parse(args, QStringLiteral("folders"));
    QJsonArray array;
    for (const auto &account : ctx.accounts(p.value(QStringLiteral("account")))) {
        for (const auto &f : ctx.store().folders().list(account.id)) {
            QJsonObject o = folderJson(f);
            o[QStringLiteral("account")] = account.name;
            array.append(o);
            if (!p.isSet(QStringLiteral("json")))
                ctx.out() << account.name << "\t" << f.name << "\t" << f.specialUse << "\t"
                          << f.total << " messages, " << f.unread << " unread\n";
        }
    }
    if (p.isSet(QStringLiteral("json")))
        printJson(ctx, array);
    return 0;
}

int listCommand(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.option(QStringLiteral("account")).option(QStringLiteral("folder"));
    p.option(QStringLiteral("limit")).flag(QStringLiteral("json"));
    p.parse(args, QStringLiteral("list"));
    const int limit = p.intValue(QStringLiteral("limit"), -1);
    if (p.isSet(QStringLiteral("limit")) && limit < 1)
        throw UsageError("list: --limit must be at least 1");
    const QString folderName = p.value(QStringLiteral("folder"));

    std::vector<store::MessageRow> rows;
    bool folderFound = folderName.isEmpty();
    for (const auto &account : ctx.accounts(p.value(QStringLiteral("account")))) {
        store::MessageQuery q;
        q.accountId = account.id;
        q.limit = limit;
        if (!folderName.isEmpty()) {
            const auto folder = ctx.store().folders().byName(account.id, folderName);
            if (!folder)
                continue;
            folderFound = true;
            q.folderId = folder->id;
        }
        auto part = ctx.store().messages().list(q);
        rows.insert(rows.end(), part.begin(), part.end());
    }
    if (!folderFound)
        throw CommandError(QStringLiteral("no folder named '%1'").arg(folderName));
    // Several accounts: merge newest first, then apply the limit once more.
    std::stable_sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) {
        return a.date != b.date ? a.date > b.date : a.id > b.id;
    });
    if (limit > 0 && rows.size() > size_t(limit))
        rows.resize(size_t(limit));
    printRows(ctx, rows, p.isSet(QStringLiteral("json")));
    return 0;
}

namespace {
// show --fetch: the body the account's policy left on the server, now, then its verdict.
void fetchBody(CliContext &ctx, const store::MessageRow &row)
{
    const auto account = ctx.store().accounts().byId(row.accountId);
    const auto url = account ? accounts::ServerUrl::parse(account->incomingUrl) : std::nullopt;
    if (!url || url->protocol != accounts::Protocol::Imap || !row.uid)
        throw CommandError(
            QStringLiteral("message %1 has no copy on an IMAP server to fetch").arg(row.id));
    imap::BodyFetcher fetcher(ctx.store(), *account);
    if (const net::Error e = fetcher.fetch({row.id}))
        throw CommandError(QStringLiteral("%1: %2").arg(account->name, e.message));
    if (!ctx.store().bodies().has(row.id))
        throw CommandError(
            QStringLiteral("message %1 is no longer on the server (it will go at the next sync)")
                .arg(row.id));
    ctx.checkSenders(*account);
}
} // namespace

int showCommand(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.positional(QStringLiteral("ID")).flag(QStringLiteral("json")).flag(QStringLiteral("raw"));
    p.flag(QStringLiteral("fetch"));
    p.parse(args, QStringLiteral("show"));
    if (p.isSet(QStringLiteral("json")) && p.isSet(QStringLiteral("raw")))
        throw UsageError("show: choose --json or --raw, not both");
    const qint64 id =
        parseMessageId(p.positionalValue(QStringLiteral("ID")), QStringLiteral("show"));
    auto row = ctx.store().messages().byId(id);
    if (!row)
        throw CommandError(QStringLiteral("no message with id %1 in this profile").arg(id));
    if (p.isSet(QStringLiteral("fetch")) && !ctx.store().bodies().has(id)) {
        fetchBody(ctx, *row);
        row = ctx.store().messages().byId(id); // with its snippet and verdict now
    }
    const auto raw = ctx.store().bodies().get(id);

    if (p.isSet(QStringLiteral("raw"))) {
        if (!raw)
            throw CommandError(QStringLiteral("the body of message %1 is not in the cache yet "
                                              "('show %1 --fetch' downloads it)")
                                   .arg(id));
        ctx.out().flush();
        std::fwrite(raw->constData(), 1, size_t(raw->size()), stdout);
        return 0;
    }
    std::optional<mime::Message> parsed;
    if (raw)
        parsed = mime::parseMessage(*raw);
    if (p.isSet(QStringLiteral("json"))) {
        printJson(ctx, messageDetailJson(*row, parsed ? &*parsed : nullptr));
        return 0;
    }
    ctx.out() << "From:    "
              << (row->fromName.isEmpty() ? row->fromAddr
                                          : row->fromName + " <" + row->fromAddr + ">")
              << "\nTo:      " << row->to;
    if (!row->cc.isEmpty())
        ctx.out() << "\nCc:      " << row->cc;
    ctx.out() << "\nDate:    " << row->date.toLocalTime().toString(Qt::RFC2822Date)
              << "\nSubject: " << row->subject << "\nFolder:  " << row->accountName << "/"
              << row->folderName << "\n";
    const QJsonValue auth = authJson(row->authJson);
    if (auth.isObject()) {
        const QJsonObject a = auth.toObject();
        ctx.out()
            << "Auth:    SPF "
            << a[QStringLiteral("spf")][QStringLiteral("result")].toString(QStringLiteral("none"))
            << ", DMARC "
            << a[QStringLiteral("dmarc")][QStringLiteral("result")].toString(QStringLiteral("none"))
            << "\n";
    }
    if (!parsed) {
        ctx.out() << "\n" << row->snippet << "\n\n[body not in the cache yet]\n";
        return 0;
    }
    for (const auto &a : parsed->attachments)
        ctx.out() << "Attached: " << a.filename << " (" << a.mimeType << ", " << a.size
                  << " bytes)\n";
    ctx.out() << "\n"
              << (parsed->text.isEmpty() ? mime::snippet(*parsed, 100000) : parsed->text) << "\n";
    return 0;
}

static void indexPending(CliContext &ctx, sync::SearchIndexer &indexer)
{
    const qint64 pending = indexer.pendingCount();
    if (pending == 0)
        return;
    if (pending >= 1000)
        ctx.err() << "indexing " << pending << " messages for search…\n" << Qt::flush;
    const int done = indexer.run();
    if (pending >= 1000)
        ctx.err() << "indexed " << done << " messages\n";
}

int indexCommand(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.parse(args, QStringLiteral("index"));
    sync::SearchIndexer indexer(ctx.store());
    const int done = indexer.run();
    ctx.err() << "indexed " << done << " messages for search\n";
    return 0;
}

int searchCommand(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.positional(QStringLiteral("QUERY")).option(QStringLiteral("account"));
    p.flag(QStringLiteral("json"));
    p.parse(args, QStringLiteral("search"));
    const QString query = p.positionalValue(QStringLiteral("QUERY"));
    if (query.trimmed().isEmpty())
        throw UsageError("search: the query is empty");
    qint64 accountId = 0;
    if (p.isSet(QStringLiteral("account")))
        accountId = ctx.account(p.value(QStringLiteral("account"))).id;
    sync::SearchIndexer indexer(ctx.store());
    indexPending(ctx, indexer);
    const auto ids = indexer.search(query, accountId);
    printRows(ctx, ctx.store().messages().byIds(ids), p.isSet(QStringLiteral("json")));
    return 0;
}

} // namespace herald::cli
