// Commands of the outbox: send (queue, then try at once) and outbox (list, retry, discard).
// A message is stored in the cache before any network I/O (core/smtp/Outbox.h).
#include "app/cli/ArgParser.h"
#include "app/cli/CliContext.h"
#include "app/cli/Commands.h"
#include "app/cli/ComposeArgs.h"
#include "core/engine/smtp/Outbox.h"
#include "core/engine/smtp/OutboxSender.h"
#include "core/sync/SentFolder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace herald::cli {

namespace {

QString isoOrNull(qint64 secs)
{
    return secs > 0 ? QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate)
                    : QString();
}

QJsonObject entryJson(const smtp::OutboxEntry &e)
{
    return QJsonObject{
        {QStringLiteral("id"), double(e.taskId)},
        {QStringLiteral("account"), e.accountName},
        {QStringLiteral("state"), e.state},
        {QStringLiteral("attempts"), e.attempts},
        {QStringLiteral("next_attempt_at"),
         e.state == QLatin1String("pending") && e.nextAttemptAt > 0
             ? QJsonValue(isoOrNull(e.nextAttemptAt))
             : QJsonValue()},
        {QStringLiteral("last_error"), e.lastError},
        {QStringLiteral("created_at"), e.createdAt.toString(Qt::ISODate)},
        {QStringLiteral("message_id"), e.messageId},
        {QStringLiteral("subject"), e.subject},
        {QStringLiteral("from"), e.from},
        {QStringLiteral("recipients"), QJsonArray::fromStringList(e.recipients)},
        {QStringLiteral("outcome"), e.outcome},
    };
}

// Prints what a flush did; returns the sentence to fail with, if any.
} // namespace

QString outboxFailure(CliContext &ctx, const smtp::OutboxReport &r)
{
    // r.lines already went out through the progress callback.
    for (const QString &line : r.sentCopyErrors)
        ctx.err() << line << "\n";
    ctx.err() << Qt::flush;
    if (r.needsUser())
        return r.error.message;
    return QString();
}

namespace {

qint64 taskId(const QString &text)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0)
        throw UsageError(QStringLiteral("outbox: '%1' is not an outbox id (see 'outbox')")
                             .arg(text)
                             .toStdString());
    return id;
}

} // namespace

int sendCommand(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.option(QStringLiteral("account"));
    declareComposeOptions(p);
    p.flag(QStringLiteral("dsn")).flag(QStringLiteral("queue-only"));
    p.parse(args, QStringLiteral("send"));
    if (!p.isSet(QStringLiteral("account")))
        throw UsageError("send: --account N is required");
    if (!p.isSet(QStringLiteral("subject")) && !answers(p))
        throw UsageError("send: --subject TEXT is required (it may be empty: --subject '')");
    const store::Account account = ctx.account(p.value(QStringLiteral("account")));
    const mime::Draft draft = draftFromOptions(ctx, p, account, QStringLiteral("send"));
    if (draft.to.empty() && draft.cc.empty() && draft.bcc.empty())
        throw UsageError("send: give at least one --to, --cc or --bcc");

    smtp::QueuedMessage queued;
    try {
        queued = smtp::Outbox(ctx.store()).enqueue(account, draft, p.isSet(QStringLiteral("dsn")));
    } catch (const store::SqliteError &) {
        throw;
    } catch (const std::runtime_error &e) {
        throw CommandError(QStringLiteral("send: %1").arg(QString::fromStdString(e.what())));
    }
    return sendQueued(ctx, account, queued, p.isSet(QStringLiteral("queue-only")));
}

int sendQueued(CliContext &ctx, const store::Account &account, const smtp::QueuedMessage &queued,
               bool queueOnly)
{
    ctx.err() << account.name << ": queued in the outbox as id " << queued.taskId
              << " (Message-ID <" << queued.messageId << ">)\n"
              << Qt::flush;
    if (queueOnly)
        return 0;

    smtp::OutboxSender sender(ctx.store(), account, sync::imapSentFolder(ctx.store(), account));
    sender.setProgress([&](const QString &line) { ctx.err() << line << "\n" << Qt::flush; });
    const smtp::OutboxReport r = sender.flush(true, queued.taskId);
    const QString failure = outboxFailure(ctx, r);
    const auto entry = smtp::Outbox(ctx.store()).entry(queued.taskId);
    const QString state = entry ? entry->state : QStringLiteral("done");
    if (!failure.isEmpty())
        throw CommandError(QStringLiteral("%1: %2; the message stays in the outbox (id %3)")
                               .arg(account.name, failure)
                               .arg(queued.taskId));
    if (state == QLatin1String("held") || state == QLatin1String("maybe-sent"))
        throw CommandError(QStringLiteral("%1: not sent (%2): %3 (outbox id %4)")
                               .arg(account.name, state, entry->lastError)
                               .arg(queued.taskId));
    if (state == QLatin1String("pending"))
        ctx.err() << account.name << ": not sent yet, queued for retry (outbox id " << queued.taskId
                  << "): " << entry->lastError << "\n";
    else
        ctx.err() << account.name << ": sent (Message-ID <" << queued.messageId << ">)\n";
    return 0;
}

int outboxCommand(CliContext &ctx, const QStringList &args)
{
    ArgParser p;
    p.option(QStringLiteral("account")).flag(QStringLiteral("json"));
    p.flag(QStringLiteral("send-now")).option(QStringLiteral("resend"));
    p.option(QStringLiteral("discard"));
    p.parse(args, QStringLiteral("outbox"));
    smtp::Outbox outbox(ctx.store());
    const QString accountName = p.value(QStringLiteral("account"));
    const qint64 accountId = accountName.isEmpty() ? 0 : ctx.account(accountName).id;
    try {
        if (p.isSet(QStringLiteral("discard"))) {
            outbox.discard(taskId(p.value(QStringLiteral("discard"))));
            return 0;
        }
        if (p.isSet(QStringLiteral("resend")))
            outbox.retryNow(taskId(p.value(QStringLiteral("resend"))));
    } catch (const store::SqliteError &) {
        throw;
    } catch (const std::runtime_error &e) {
        throw CommandError(QStringLiteral("outbox: %1").arg(QString::fromStdString(e.what())));
    }
    if (p.isSet(QStringLiteral("send-now")) || p.isSet(QStringLiteral("resend"))) {
        const qint64 only =
            p.isSet(QStringLiteral("resend")) ? taskId(p.value(QStringLiteral("resend"))) : 0;
        QStringList failures;
        for (const store::Account &a : ctx.accounts(accountName)) {
            if (only && (!outbox.entry(only) || outbox.entry(only)->accountId != a.id))
                continue;
            smtp::OutboxSender sender(ctx.store(), a, sync::imapSentFolder(ctx.store(), a));
            sender.setProgress([&](const QString &line) {
                ctx.err() << line << "\n" << Qt::flush;
            });
            const QString failure = outboxFailure(ctx, sender.flush(true, only));
            if (!failure.isEmpty())
                failures << QStringLiteral("%1: %2").arg(a.name, failure);
        }
        if (!failures.isEmpty())
            throw CommandError(failures.join(QStringLiteral("; ")));
    }
    const auto entries = outbox.list(accountId);
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const auto &e : entries)
            array.append(entryJson(e));
        ctx.out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return 0;
    }
    if (entries.empty() && !p.isSet(QStringLiteral("send-now")))
        ctx.err() << "the outbox is empty\n";
    for (const auto &e : entries) {
        ctx.out() << e.taskId << "  " << e.state << "  " << e.accountName << "  "
                  << (e.subject.isEmpty() ? QStringLiteral("(no subject)") : e.subject) << "  -> "
                  << e.recipients.join(QStringLiteral(", "));
        if (e.state == QLatin1String("pending") && e.nextAttemptAt > 0)
            ctx.out() << "  (next try " << isoOrNull(e.nextAttemptAt) << ")";
        if (!e.lastError.isEmpty())
            ctx.out() << "\n    " << e.lastError;
        ctx.out() << "\n";
    }
    return 0;
}

} // namespace herald::cli
