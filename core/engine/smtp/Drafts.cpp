#include "core/engine/smtp/Drafts.h"

#include "core/accounts/ServerUrl.h"
#include "core/ingest/MessageIngest.h"
#include "core/mime/DraftForSending.h"
#include "core/mime/MessageParser.h"
#include "core/store/Store.h"
#include "core/tasks/TaskKind.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <stdexcept>

namespace herald::smtp {

namespace {
const QString kDraftsUse = QStringLiteral("\\Drafts");
const QString kDraftsName = QStringLiteral("Drafts");

[[noreturn]] void fail(const QString &message)
{
    throw std::runtime_error(message.toStdString());
}

QString json(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString withoutBrackets(QString id)
{
    id = id.trimmed();
    if (id.startsWith(QLatin1Char('<')) && id.endsWith(QLatin1Char('>')))
        id = id.mid(1, id.size() - 2);
    return id;
}

bool isDraftsFolder(const store::Folder &f)
{
    return f.specialUse.compare(kDraftsUse, Qt::CaseInsensitive) == 0;
}
} // namespace

bool Drafts::uploads(const store::Account &account)
{
    const auto url = accounts::ServerUrl::parse(account.incomingUrl);
    return url && url->protocol == accounts::Protocol::Imap;
}

qint64 Drafts::draftsFolder(const store::Account &account)
{
    if (const auto f = m_store.folders().bySpecialUse(account.id, kDraftsUse))
        return f->id;
    if (const auto f = m_store.folders().byName(account.id, kDraftsName))
        return f->id;
    // Not synced yet (or POP3): a folder row to hold the draft. For IMAP it is named as the
    // folder DraftUploader creates when the server has none; the upload moves the draft into
    // the server's real Drafts folder if that has another name.
    store::Folder f;
    f.accountId = account.id;
    f.name = kDraftsName;
    f.specialUse = kDraftsUse;
    f.isLocal = !uploads(account);
    if (f.isLocal)
        f.delimiter = QStringLiteral("/");
    return m_store.folders().upsert(f);
}

store::MessageRow Drafts::requireDraft(qint64 draftId, qint64 accountId)
{
    const auto row = m_store.messages().byId(draftId);
    const auto folder = row ? m_store.folders().byId(row->folderId) : std::nullopt;
    if (!row || !folder || !isDraftsFolder(*folder) ||
        (accountId != 0 && row->accountId != accountId))
        fail(QStringLiteral("no draft with id %1 (see 'draft list')").arg(draftId));
    return *row;
}

void Drafts::forgetOnServer(const store::MessageRow &row)
{
    const auto folder = m_store.folders().byId(row.folderId);
    if (!row.uid || !folder || folder->isLocal)
        return;
    // The existing replay of "expunge": UID STORE \Deleted + UID EXPUNGE of this UID only.
    QJsonObject payload{
        {QStringLiteral("message"), double(row.id)},
        {QStringLiteral("folder"), folder->name},
        {QStringLiteral("uid"), double(*row.uid)},
        {QStringLiteral("uidvalidity"),
         folder->uidValidity ? QJsonValue(double(*folder->uidValidity)) : QJsonValue()}};
    m_store.tasks().enqueue(row.accountId, tasks::kindName(tasks::TaskKind::Expunge),
                            json(payload));
}

qint64 Drafts::save(const store::Account &account, mime::Draft draft, qint64 draftId)
{
    if (draft.from.email.isEmpty()) {
        draft.from.email = account.email;
        draft.from.name = account.displayName;
    }
    // Every saved version has its own Message-ID: the upload finds a copy it already made by
    // it (exactly once), and an outdated copy is found and removed by it.
    draft.messageId = mime::generateMessageId(draft.from.email);
    draft.date = QDateTime::currentDateTime();
    draft.writeBcc = true;
    QString error;
    const QByteArray bytes = mime::buildMessage(draft, &error);
    if (bytes.isEmpty())
        fail(QStringLiteral("cannot build the draft: %1").arg(error));

    store::Transaction tx(m_store.db());
    sync::IncomingMessage meta;
    meta.accountId = account.id;
    meta.flags = store::FlagDraft | store::FlagSeen;
    meta.internalDate = QDateTime::currentSecsSinceEpoch();
    std::optional<store::MessageRow> previous;
    qint64 id = draftId;
    if (draftId != 0) {
        previous = requireDraft(draftId, account.id);
        meta.folderId = previous->folderId;
        sync::MessageIngest(m_store).replaceMessage(draftId, meta, bytes);
    } else {
        meta.folderId = draftsFolder(account);
        id = sync::MessageIngest(m_store).addMessage(meta, bytes);
    }
    if (uploads(account))
        m_store.tasks().enqueue(
            account.id, tasks::kindName(tasks::TaskKind::Draft),
            json({{QStringLiteral("message"), double(id)},
                  {QStringLiteral("message_id"), withoutBrackets(draft.messageId)},
                  {QStringLiteral("folder"), m_store.folders().byId(meta.folderId)->name}}));
    // The previous version's server copy goes after the new one is uploaded (task order), so
    // the server never holds no copy of the draft.
    if (previous)
        forgetOnServer(*previous);
    tx.commit();
    return id;
}

DraftInfo Drafts::toInfo(const store::MessageRow &row)
{
    DraftInfo d;
    d.id = row.id;
    d.accountId = row.accountId;
    d.accountName = row.accountName;
    d.folder = row.folderName;
    d.messageId = row.messageId;
    d.subject = row.subject;
    d.from = row.fromName.isEmpty() ? row.fromAddr
                                    : QStringLiteral("%1 <%2>").arg(row.fromName, row.fromAddr);
    d.to = row.to;
    d.cc = row.cc;
    d.date = row.date;
    d.uid = row.uid;
    const auto folder = m_store.folders().byId(row.folderId);
    d.state = folder && folder->isLocal ? QStringLiteral("local")
              : row.uid                 ? QStringLiteral("on-server")
                                        : QStringLiteral("pending");
    return d;
}

std::vector<DraftInfo> Drafts::list(qint64 accountId)
{
    std::vector<DraftInfo> out;
    for (const store::Folder &f : m_store.folders().list(accountId)) {
        if (!isDraftsFolder(f))
            continue;
        store::MessageQuery q;
        q.accountId = f.accountId;
        q.folderId = f.id;
        for (const store::MessageRow &row : m_store.messages().list(q))
            out.push_back(toInfo(row));
    }
    std::stable_sort(out.begin(), out.end(), [](const DraftInfo &a, const DraftInfo &b) {
        return a.date > b.date || (a.date == b.date && a.id > b.id);
    });
    return out;
}

std::optional<DraftInfo> Drafts::info(qint64 draftId)
{
    try {
        requireDraft(draftId);
    } catch (const std::runtime_error &) {
        return std::nullopt;
    }
    const auto rows = m_store.messages().byIds({draftId});
    if (rows.empty())
        return std::nullopt;
    return toInfo(rows.front());
}

void Drafts::remove(qint64 draftId)
{
    store::Transaction tx(m_store.db());
    const store::MessageRow row = requireDraft(draftId);
    forgetOnServer(row);
    // A pending upload task of this draft finds the row gone and removes any copy it made.
    m_store.bodies().remove(draftId);
    m_store.messages().remove(draftId);
    tx.commit();
}

QueuedMessage Drafts::send(const store::Account &account, qint64 draftId, bool requestDsn)
{
    requireDraft(draftId, account.id);
    const auto raw = m_store.bodies().get(draftId);
    if (!raw)
        fail(QStringLiteral("draft %1 has no saved content in the cache").arg(draftId));
    const mime::Message parsed = mime::parseMessage(*raw);
    mime::Draft envelope;
    envelope.to = parsed.to;
    envelope.cc = parsed.cc;
    envelope.bcc = parsed.bcc;
    ReadyMessage m;
    m.recipients = Outbox::envelopeRecipients(envelope); // throws without recipients
    m.from = parsed.from.empty() || parsed.from.front().email.isEmpty() ? account.email
                                                                        : parsed.from.front().email;
    m.subject = parsed.subject;
    m.messageId = mime::generateMessageId(m.from);
    m.bytes = mime::draftForSending(*raw, m.messageId);

    store::Transaction tx(m_store.db());
    const QueuedMessage queued = Outbox(m_store).enqueueBytes(account, m, requestDsn);
    remove(draftId);
    tx.commit();
    return queued;
}

} // namespace herald::smtp
