#include "core/engine/smtp/Outbox.h"

#include "core/ingest/MessageIngest.h"
#include "core/store/Store.h"

#include <QJsonDocument>
#include <QSet>
#include <stdexcept>

namespace herald::smtp {

namespace {
const QString kOutboxName = QStringLiteral("Outbox");
const QString kOutboxUse = QStringLiteral("\\Outbox"); // local marker, not an IMAP special use

QString stripBrackets(QString id)
{
    id = id.trimmed();
    if (id.startsWith(QLatin1Char('<')) && id.endsWith(QLatin1Char('>')))
        id = id.mid(1, id.size() - 2);
    return id;
}

[[noreturn]] void fail(const QString &message)
{
    throw std::runtime_error(message.toStdString());
}
} // namespace

bool Outbox::isOutboxFolder(const store::Folder &folder)
{
    return folder.isLocal && folder.specialUse == kOutboxUse;
}

qint64 Outbox::outboxFolder(qint64 accountId)
{
    for (const store::Folder &f : m_store.folders().list(accountId))
        if (isOutboxFolder(f))
            return f.id;
    store::Folder f;
    f.accountId = accountId;
    f.name = kOutboxName;
    // A server folder may already carry the name.
    for (int i = 2; m_store.folders().byName(accountId, f.name); ++i)
        f.name = QStringLiteral("%1 (Herald %2)").arg(kOutboxName).arg(i);
    f.specialUse = kOutboxUse;
    f.isLocal = true;
    return m_store.folders().upsert(f);
}

QStringList Outbox::envelopeRecipients(const mime::Draft &draft)
{
    QStringList recipients;
    QSet<QString> seen;
    for (const auto *list : {&draft.to, &draft.cc, &draft.bcc})
        for (const mime::Address &a : *list) {
            const QString email = a.email.trimmed();
            if (email.isEmpty())
                continue;
            if (!email.contains(QLatin1Char('@')))
                fail(QStringLiteral("'%1' is not an email address").arg(email));
            if (!seen.contains(email.toLower())) {
                seen.insert(email.toLower());
                recipients << email;
            }
        }
    if (recipients.isEmpty())
        fail(QStringLiteral("the message has no recipients"));
    return recipients;
}

QueuedMessage Outbox::enqueue(const store::Account &account, mime::Draft draft, bool requestDsn)
{
    if (draft.from.email.isEmpty()) {
        draft.from.email = account.email;
        draft.from.name = account.displayName;
    }
    ReadyMessage m;
    m.recipients = envelopeRecipients(draft);
    // Our own Message-ID, so the submitted copy and the Sent copy carry the same one.
    if (draft.messageId.isEmpty())
        draft.messageId = mime::generateMessageId(draft.from.email);
    draft.writeBcc = false;
    QString error;
    m.bytes = mime::buildMessage(draft, &error);
    if (m.bytes.isEmpty())
        fail(QStringLiteral("cannot build the message: %1").arg(error));
    m.from = draft.from.email;
    m.subject = draft.subject;
    m.messageId = draft.messageId;
    return enqueueBytes(account, m, requestDsn);
}

QueuedMessage Outbox::enqueueBytes(const store::Account &account, const ReadyMessage &message,
                                   bool requestDsn)
{
    if (message.recipients.isEmpty())
        fail(QStringLiteral("the message has no recipients"));
    const QString messageId = stripBrackets(message.messageId);
    QJsonObject payload{
        {QStringLiteral("message_id"), messageId},
        {QStringLiteral("from"), message.from},
        {QStringLiteral("recipients"), QJsonArray::fromStringList(message.recipients)},
        {QStringLiteral("subject"), message.subject},
        {QStringLiteral("dsn"), requestDsn}};
    store::Transaction tx(m_store.db());
    sync::IncomingMessage meta;
    meta.accountId = account.id;
    meta.folderId = outboxFolder(account.id);
    meta.flags = store::FlagSeen;
    meta.internalDate = QDateTime::currentSecsSinceEpoch();
    QueuedMessage q;
    q.messageRowId = sync::MessageIngest(m_store).addMessage(meta, message.bytes);
    payload[QStringLiteral("message")] = double(q.messageRowId);
    q.taskId = m_store.tasks().enqueue(
        account.id, kSendTaskKind,
        QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)));
    q.messageId = messageId;
    tx.commit();
    return q;
}

OutboxEntry Outbox::fromTask(const store::Task &task)
{
    const QJsonObject p = QJsonDocument::fromJson(task.payloadJson.toUtf8()).object();
    OutboxEntry e;
    e.taskId = task.id;
    e.accountId = task.accountId;
    e.messageRowId = qint64(p.value(QStringLiteral("message")).toDouble());
    e.state = task.state;
    e.attempts = task.attempts;
    e.nextAttemptAt = task.nextAttemptAt;
    e.lastError = task.lastError;
    e.createdAt = task.createdAt;
    e.messageId = p.value(QStringLiteral("message_id")).toString();
    e.subject = p.value(QStringLiteral("subject")).toString();
    e.from = p.value(QStringLiteral("from")).toString();
    for (const auto &v : p.value(QStringLiteral("recipients")).toArray())
        e.recipients << v.toString();
    e.outcome = p.value(QStringLiteral("outcome")).toArray();
    return e;
}

std::vector<OutboxEntry> Outbox::list(qint64 accountId)
{
    std::vector<OutboxEntry> out;
    QHash<qint64, QString> names;
    for (const store::Account &a : m_store.accounts().list())
        names.insert(a.id, a.name);
    for (const store::Task &t : m_store.tasks().list(accountId, kSendTaskKind)) {
        if (t.state == QLatin1String("done"))
            continue;
        OutboxEntry e = fromTask(t);
        e.accountName = names.value(t.accountId);
        out.push_back(e);
    }
    return out;
}

std::optional<OutboxEntry> Outbox::entry(qint64 taskId)
{
    const auto t = m_store.tasks().byId(taskId);
    if (!t || t->kind != kSendTaskKind)
        return std::nullopt;
    return fromTask(*t);
}

void Outbox::retryNow(qint64 taskId)
{
    const auto e = entry(taskId);
    if (!e)
        fail(QStringLiteral("no message with outbox id %1").arg(taskId));
    if (e->state == QLatin1String("sending") || e->state == QLatin1String("sent"))
        fail(QStringLiteral("outbox message %1 is %2; nothing to retry").arg(taskId).arg(e->state));
    m_store.tasks().setState(taskId, QStringLiteral("pending"), e->lastError, 0);
}

void Outbox::discard(qint64 taskId)
{
    const auto e = entry(taskId);
    if (!e)
        fail(QStringLiteral("no message with outbox id %1").arg(taskId));
    if (e->state == QLatin1String("sending"))
        fail(QStringLiteral("outbox message %1 is being sent right now").arg(taskId));
    finish(taskId);
}

void Outbox::finish(qint64 taskId)
{
    const auto e = entry(taskId);
    if (!e)
        return;
    store::Transaction tx(m_store.db());
    if (e->messageRowId > 0) {
        m_store.bodies().remove(e->messageRowId);
        m_store.messages().remove(e->messageRowId);
    }
    m_store.tasks().remove(taskId);
    tx.commit();
}

} // namespace herald::smtp
