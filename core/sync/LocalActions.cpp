#include "core/sync/LocalActions.h"

#include "core/sync/MessageIngest.h"

#include "core/store/Store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <stdexcept>

namespace herald::sync {

namespace {
store::MessageRow requireMessage(store::Store &s, qint64 id)
{
    auto row = s.messages().byId(id);
    if (!row)
        throw std::runtime_error(QStringLiteral("no message with id %1 in this profile")
                                     .arg(id)
                                     .toStdString());
    return *row;
}

// Where the message lives on the server, so the task can find it after restarts.
QJsonObject origin(store::Store &s, const store::MessageRow &row)
{
    const auto folder = s.folders().byId(row.folderId);
    QJsonObject o{{QStringLiteral("message"), double(row.id)},
                  {QStringLiteral("folder"), row.folderName},
                  {QStringLiteral("uid"), row.uid ? QJsonValue(double(*row.uid)) : QJsonValue()},
                  {QStringLiteral("uidvalidity"),
                   folder && folder->uidValidity ? QJsonValue(double(*folder->uidValidity))
                                                 : QJsonValue()}};
    if (row.modSeq)
        o[QStringLiteral("modseq")] = double(*row.modSeq);
    return o;
}

QString json(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

bool isRemote(const store::Folder &f) { return !f.isLocal; }
} // namespace

void LocalActions::changeFlags(qint64 messageId, const QStringList &add, const QStringList &remove)
{
    store::Transaction tx(m_store.db());
    const store::MessageRow row = requireMessage(m_store, messageId);
    int bits = row.flags;
    QStringList keywords = row.keywords;
    for (const QString &f : add) {
        if (const int bit = store::systemFlagFromName(f))
            bits |= bit;
        else if (!keywords.contains(f))
            keywords << f;
    }
    for (const QString &f : remove) {
        if (const int bit = store::systemFlagFromName(f))
            bits &= ~bit;
        else
            keywords.removeAll(f);
    }
    m_store.messages().setFlags(messageId, bits, keywords);
    const auto folder = m_store.folders().byId(row.folderId);
    if (folder && isRemote(*folder)) {
        QJsonObject payload = origin(m_store, row);
        payload[QStringLiteral("add")] = QJsonArray::fromStringList(add);
        payload[QStringLiteral("remove")] = QJsonArray::fromStringList(remove);
        m_store.tasks().enqueue(row.accountId, QStringLiteral("flag"), json(payload));
    }
    tx.commit();
}

store::Folder LocalActions::destination(const store::MessageRow &row, const QString &name)
{
    const auto dest = m_store.folders().byName(row.accountId, name);
    if (!dest)
        throw std::runtime_error(QStringLiteral("no folder named '%1' in account %2")
                                     .arg(name, row.accountName)
                                     .toStdString());
    if (dest->attributes.contains(QLatin1String("\\Noselect"), Qt::CaseInsensitive) ||
        dest->attributes.contains(QLatin1String("\\NonExistent"), Qt::CaseInsensitive))
        throw std::runtime_error(QStringLiteral("folder '%1' cannot hold messages (it only "
                                                "contains other folders)")
                                     .arg(dest->name)
                                     .toStdString());
    return *dest;
}

qint64 LocalActions::copy(qint64 messageId, const QString &destinationFolder)
{
    store::Transaction tx(m_store.db());
    const store::MessageRow row = requireMessage(m_store, messageId);
    const store::Folder dest = destination(row, destinationFolder);
    if (dest.isLocal != m_store.folders().byId(row.folderId)->isLocal)
        throw std::runtime_error("copying between the server and local folders is not "
                                 "supported yet");
    qint64 copyId = 0;
    if (const auto raw = m_store.bodies().get(messageId)) {
        IncomingMessage meta;
        meta.accountId = row.accountId;
        meta.folderId = dest.id;
        meta.flags = row.flags;
        meta.keywords = row.keywords;
        meta.internalDate = row.internalDate;
        meta.size = row.size;
        copyId = MessageIngest(m_store).addMessage(meta, *raw);
    } else {
        store::MessageRow copy = row;
        copy.folderId = dest.id;
        copy.uid.reset();
        copy.modSeq.reset();
        copy.remoteKey.clear();
        copyId = m_store.messages().insert(copy);
        m_store.search().markPending(copyId);
    }
    m_store.messages().setAuth(copyId, row.authJson, row.authSummary, row.authState);
    if (!dest.isLocal) {
        QJsonObject payload = origin(m_store, row);
        payload[QStringLiteral("to")] = dest.name;
        payload[QStringLiteral("copy")] = double(copyId);
        m_store.tasks().enqueue(row.accountId, QStringLiteral("copy"), json(payload));
    }
    tx.commit();
    return copyId;
}

void LocalActions::move(qint64 messageId, const QString &destinationFolder)
{
    store::Transaction tx(m_store.db());
    const store::MessageRow row = requireMessage(m_store, messageId);
    const auto dest = std::optional<store::Folder>(destination(row, destinationFolder));
    if (dest->id == row.folderId)
        return;
    const auto source = m_store.folders().byId(row.folderId);
    QJsonObject payload = origin(m_store, row);
    payload[QStringLiteral("to")] = dest->name;
    // Until the server tells the new UID (COPYUID) the moved row has none.
    m_store.messages().moveTo(messageId, dest->id, std::nullopt);
    if (source && isRemote(*source))
        m_store.tasks().enqueue(row.accountId, QStringLiteral("move"), json(payload));
    tx.commit();
}

void LocalActions::remove(qint64 messageId)
{
    const store::MessageRow row = requireMessage(m_store, messageId);
    const auto trash = m_store.folders().bySpecialUse(row.accountId, QStringLiteral("\\Trash"));
    if (trash && trash->id != row.folderId) {
        move(messageId, trash->name);
        return;
    }
    store::Transaction tx(m_store.db());
    const auto folder = m_store.folders().byId(row.folderId);
    // Without a UID the message is on its way here (a pending move into Trash):
    // the move's replay fills in the UID (COPYUID) and this task then expunges it;
    // without COPYUID it is dropped and the message stays in Trash.
    if (folder && isRemote(*folder))
        m_store.tasks().enqueue(row.accountId, QStringLiteral("expunge"),
                                json(origin(m_store, row)));
    m_store.messages().remove(messageId);
    tx.commit();
}

} // namespace herald::sync
