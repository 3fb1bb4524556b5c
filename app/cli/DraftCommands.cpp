// draft save | list | send | delete: drafts kept in the cache (the account's Drafts folder) and,
// for IMAP accounts, uploaded to the server's Drafts folder by the next `sync`
// (core/smtp/Drafts.h).
#include "app/cli/ArgParser.h"
#include "app/cli/CliContext.h"
#include "app/cli/Commands.h"
#include "app/cli/ComposeArgs.h"
#include "core/engine/smtp/Drafts.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace herald::cli {

namespace {

template <class F> auto guarded(const QString &context, F f)
{
    try {
        return f();
    } catch (const store::SqliteError &) {
        throw;
    } catch (const CommandError &) {
        throw;
    } catch (const std::runtime_error &e) {
        throw CommandError(QStringLiteral("%1: %2").arg(context, QString::fromStdString(e.what())));
    }
}

QJsonObject draftJson(const smtp::DraftInfo &d)
{
    return QJsonObject{
        {QStringLiteral("id"), double(d.id)},
        {QStringLiteral("account"), d.accountName},
        {QStringLiteral("folder"), d.folder},
        {QStringLiteral("state"), d.state},
        {QStringLiteral("uid"), d.uid ? QJsonValue(double(*d.uid)) : QJsonValue()},
        {QStringLiteral("message_id"), d.messageId},
        {QStringLiteral("subject"), d.subject},
        {QStringLiteral("from"), d.from},
        {QStringLiteral("to"), d.to},
        {QStringLiteral("cc"), d.cc},
        {QStringLiteral("date"), d.date.toUTC().toString(Qt::ISODate)},
    };
}

int save(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.option(QStringLiteral("account")).option(QStringLiteral("id"));
    declareComposeOptions(p);
    p.flag(QStringLiteral("json"));
    p.parse(args, QStringLiteral("draft save"));
    if (!p.isSet(QStringLiteral("account")))
        throw UsageError("draft save: --account N is required");
    const qint64 id = p.isSet(QStringLiteral("id")) ? parseMessageId(p.value(QStringLiteral("id")),
                                                                     QStringLiteral("draft save"))
                                                    : 0;
    const store::Account account = ctx.account(p.value(QStringLiteral("account")));
    const mime::Draft draft = draftFromOptions(ctx, p, account, QStringLiteral("draft save"));
    smtp::Drafts drafts(ctx.store());
    const qint64 saved =
        guarded(QStringLiteral("draft save"), [&] { return drafts.save(account, draft, id); });
    const auto info = drafts.info(saved);
    if (p.isSet(QStringLiteral("json"))) {
        ctx.out() << QJsonDocument(draftJson(*info)).toJson(QJsonDocument::Indented);
    } else {
        ctx.out() << saved << "\n";
        ctx.err() << account.name << ": draft " << saved << (id ? " saved again" : " saved")
                  << (smtp::Drafts::uploads(account)
                          ? " (goes to the server's Drafts folder with the next sync)"
                          : " (kept in this profile only: the account has no IMAP server)")
                  << "\n";
    }
    return 0;
}

int list(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.option(QStringLiteral("account")).flag(QStringLiteral("json"));
    p.parse(args, QStringLiteral("draft list"));
    const QString name = p.value(QStringLiteral("account"));
    const qint64 accountId = name.isEmpty() ? 0 : ctx.account(name).id;
    const auto all = smtp::Drafts(ctx.store()).list(accountId);
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const auto &d : all)
            array.append(draftJson(d));
        ctx.out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return 0;
    }
    if (all.empty())
        ctx.err() << "no drafts\n";
    for (const auto &d : all)
        ctx.out() << d.id << "  " << d.state << "  " << d.accountName << "  "
                  << (d.subject.isEmpty() ? QStringLiteral("(no subject)") : d.subject) << "  -> "
                  << (d.to.isEmpty() ? QStringLiteral("(no recipients)") : d.to) << "\n";
    return 0;
}

int send(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.positional(QStringLiteral("ID")).flag(QStringLiteral("dsn"));
    p.flag(QStringLiteral("queue-only"));
    p.parse(args, QStringLiteral("draft send"));
    const qint64 id =
        parseMessageId(p.positionalValue(QStringLiteral("ID")), QStringLiteral("draft send"));
    smtp::Drafts drafts(ctx.store());
    const auto info = drafts.info(id);
    if (!info)
        throw CommandError(
            QStringLiteral("draft send: no draft with id %1 (see 'draft list')").arg(id));
    const store::Account account = ctx.account(info->accountName);
    const smtp::QueuedMessage queued = guarded(QStringLiteral("draft send"), [&] {
        return drafts.send(account, id, p.isSet(QStringLiteral("dsn")));
    });
    if (smtp::Drafts::uploads(account) && info->state != QLatin1String("local"))
        ctx.err() << account.name << ": draft " << id
                  << " removed; its server copy goes with the next sync\n";
    return sendQueued(ctx, account, queued, p.isSet(QStringLiteral("queue-only")));
}

int remove(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.positional(QStringLiteral("ID"));
    p.parse(args, QStringLiteral("draft delete"));
    const qint64 id =
        parseMessageId(p.positionalValue(QStringLiteral("ID")), QStringLiteral("draft delete"));
    guarded(QStringLiteral("draft delete"), [&] {
        smtp::Drafts(ctx.store()).remove(id);
        return 0;
    });
    ctx.err() << "draft " << id << " deleted\n";
    return 0;
}

} // namespace

int draftCommand(CliContext &ctx, const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == QLatin1String("save"))
        return save(ctx, args.mid(1));
    if (sub == QLatin1String("list"))
        return list(ctx, args.mid(1));
    if (sub == QLatin1String("send"))
        return send(ctx, args.mid(1));
    if (sub == QLatin1String("delete"))
        return remove(ctx, args.mid(1));
    throw UsageError(sub.isEmpty() ? "draft: say save, list, send or delete"
                                   : QStringLiteral("draft: unknown subcommand '%1' (use save, "
                                                    "list, send or delete)")
                                         .arg(sub)
                                         .toStdString());
}

} // namespace herald::cli
