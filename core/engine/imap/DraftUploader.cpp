#include "core/engine/imap/DraftUploader.h"

#include "core/engine/imap/AppendOnce.h"
#include "core/engine/imap/FolderSync.h"
#include "core/store/Store.h"

namespace herald::imap {

namespace {
const QString kDraftsUse = QStringLiteral("\\Drafts");
const QString kDraftsName = QStringLiteral("Drafts");

bool selectable(const ListEntry &e)
{
    for (const QByteArray &flag : e.flags)
        if (flag.compare("\\Noselect", Qt::CaseInsensitive) == 0 ||
            flag.compare("\\NonExistent", Qt::CaseInsensitive) == 0)
            return false;
    return true;
}

// Message-IDs Herald generates are quotable; anything else is searched without its specials.
QByteArray quotedId(const QString &messageId)
{
    QByteArray id = ("<" + messageId + ">").toUtf8();
    id.replace('"', "").replace('\\', "");
    return '"' + id + '"';
}
} // namespace

DraftRefusals refusedDrafts(store::Store &store, qint64 accountId)
{
    DraftRefusals out;
    for (const store::Task &t : store.tasks().list(accountId, kDraftTaskKind))
        if (!t.lastError.isEmpty() && t.nextAttemptAt > 0) {
            ++out.count;
            out.words = t.lastError;
        }
    return out;
}

net::Error DraftUploader::ensureDraftsFolder(store::Folder *folder)
{
    auto listed = m_session.wait<QList<ListEntry>>(
        [&](auto done) { m_session.client().list(QString(), QStringLiteral("*"), done); });
    if (!listed.ok())
        return listed.error;
    const ListEntry *found = nullptr;
    for (const ListEntry &e : listed.value)
        if (selectable(e) &&
            QString::fromUtf8(e.specialUse()).compare(kDraftsUse, Qt::CaseInsensitive) == 0) {
            found = &e;
            break;
        }
    if (!found)
        for (const ListEntry &e : listed.value)
            if (selectable(e) && e.name.compare(kDraftsName, Qt::CaseInsensitive) == 0) {
                found = &e;
                break;
            }
    store::Folder f;
    f.accountId = m_accountId;
    f.specialUse = kDraftsUse;
    if (found) {
        f.name = found->name;
        f.delimiter = found->delimiter.isNull() ? QString() : QString(found->delimiter);
        QStringList attributes;
        for (const QByteArray &flag : found->flags)
            attributes << QString::fromUtf8(flag);
        f.attributes = attributes.join(QLatin1Char(' '));
    } else {
        auto created = m_session.wait<Empty>(
            [&](auto done) { m_session.client().create(kDraftsName, "\\Drafts", done); });
        if (!created.ok())
            return created.error;
        f.name = kDraftsName;
        qCInfo(lcSync) << "created the Drafts folder on the server";
    }
    f.id = m_store.folders().upsert(f);
    *folder = *m_store.folders().byId(f.id);
    return net::Error();
}

net::Error DraftUploader::findByMessageId(const QString &messageId, UidSet *uids)
{
    auto found = m_session.wait<SearchResult>([&](auto done) {
        m_session.client().uidSearch("HEADER Message-ID " + quotedId(messageId), done);
    });
    if (!found.ok())
        return found.error;
    *uids = found.value.uids;
    return net::Error();
}

net::Error DraftUploader::removeStaleCopies(const QString &folder, const QString &messageId)
{
    QString name = folder;
    if (const auto known = m_store.folders().bySpecialUse(m_accountId, kDraftsUse))
        name = known->name;
    auto selected = m_session.wait<SelectResult>(
        [&](auto done) { m_session.client().select(name, SelectOptions{}, done); });
    if (!selected.ok()) // no such folder: no copy to remove
        return selected.error.kind == net::Error::Kind::CommandFailed ? net::Error()
                                                                      : selected.error;
    UidSet stale;
    if (auto e = findByMessageId(messageId, &stale))
        return e;
    if (stale.isEmpty())
        return net::Error();
    auto stored = m_session.wait<StoreResult>([&](auto done) {
        m_session.client().uidStore(stale, StoreMode::Add, {"\\Deleted"}, std::nullopt, done);
    });
    if (!stored.ok())
        return stored.error;
    auto expunged =
        m_session.wait<Empty>([&](auto done) { m_session.client().uidExpunge(stale, done); });
    if (expunged.ok())
        qCInfo(lcSync) << "removed an outdated draft copy from" << name;
    return expunged.error;
}

net::Error DraftUploader::upload(const QJsonObject &payload, bool *drop)
{
    const qint64 id = qint64(payload.value(QStringLiteral("message")).toDouble());
    const QString messageId = payload.value(QStringLiteral("message_id")).toString();
    const auto row = m_store.messages().byId(id);
    *drop = false; // the task is done when this returns without a connection error
    if (row && row->messageId == messageId && row->uid)
        return net::Error(); // uploaded already
    if (!row || !(row->flags & store::FlagDraft) || row->messageId != messageId)
        // Saved again (a newer task carries that version), sent or deleted.
        return removeStaleCopies(payload.value(QStringLiteral("folder")).toString(), messageId);
    const auto bytes = m_store.bodies().get(id);
    if (!bytes) {
        *drop = true;
        return net::Error();
    }
    store::Folder drafts;
    if (auto e = ensureDraftsFolder(&drafts))
        return e;
    if (row->folderId != drafts.id) // saved into a placeholder before the folder was known
        m_store.messages().moveTo(id, drafts.id, std::nullopt);

    auto selected = m_session.wait<SelectResult>([&](auto done) {
        SelectOptions o;
        o.condstore = m_session.hasCondstore();
        m_session.client().select(drafts.name, o, done);
    });
    if (!selected.ok())
        return selected.error;
    // Every saved version has its own Message-ID: a copy with it is this version's.
    const CopyFinder find = [&](quint32 *uid) {
        UidSet found;
        if (auto e = findByMessageId(messageId, &found))
            return e;
        *uid = found.isEmpty() ? 0 : found.toList().back();
        return net::Error();
    };
    quint32 uid = 0;
    if (auto e = appendOnce(
            m_session, {drafts.name, *bytes, {"\\Draft", "\\Seen"}, QDateTime(), true}, find, &uid))
        return e;
    if (uid == 0)
        return net::Error(); // stored, but its UID is unknown: the folder's sync brings it
    store::Transaction tx(m_store.db());
    recordAppendedUid(m_store, drafts.id, id, uid);
    m_store.messages().setFlags(id, row->flags | store::FlagDraft | store::FlagSeen, row->keywords);
    tx.commit();
    qCInfo(lcSync) << "draft" << id << "uploaded to" << drafts.name << "as UID" << uid;
    return net::Error();
}

} // namespace herald::imap
