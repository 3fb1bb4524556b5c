#include "core/sync/LocalActions.h"

#include "core/engine/imap/ImportUploader.h"
#include "core/ingest/MessageIngest.h"
#include "core/store/Store.h"
#include "core/sync/MboxTransfer.h"
#include "core/tasks/TaskKind.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <stdexcept>
#include <utility>

namespace herald::sync {

namespace {
store::MessageRow requireMessage(store::Store &s, qint64 id)
{
    auto row = s.messages().byId(id);
    if (!row)
        throw std::runtime_error(
            QStringLiteral("no message with id %1 in this profile").arg(id).toStdString());
    return *row;
}

// Where the message lives on the server, so the task can find it after restarts.
QJsonObject origin(store::Store &s, const store::MessageRow &row)
{
    const auto folder = s.folders().byId(row.folderId);
    QJsonObject o{{QStringLiteral("message"), double(row.id)},
                  {QStringLiteral("folder"), row.folderName},
                  {QStringLiteral("uid"), row.uid ? QJsonValue(double(*row.uid)) : QJsonValue()},
                  {QStringLiteral("uidvalidity"), folder && folder->uidValidity
                                                      ? QJsonValue(double(*folder->uidValidity))
                                                      : QJsonValue()}};
    if (row.modSeq)
        o[QStringLiteral("modseq")] = double(*row.modSeq);
    return o;
}

QString json(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

bool isRemote(const store::Folder &f)
{
    return !f.isLocal;
}

// System flags ("\\Seen") as bits, anything else as a keyword.
void applyFlagNames(const QStringList &add, const QStringList &remove, int *bits,
                    QStringList *keywords)
{
    for (const QString &f : add) {
        if (const int bit = store::systemFlagFromName(f))
            *bits |= bit;
        else if (!keywords->contains(f))
            *keywords << f;
    }
    for (const QString &f : remove) {
        if (const int bit = store::systemFlagFromName(f))
            *bits &= ~bit;
        else
            keywords->removeAll(f);
    }
}
} // namespace

void LocalActions::changeFlags(qint64 messageId, const QStringList &add, const QStringList &remove)
{
    store::Transaction tx(m_store.db());
    const store::MessageRow row = requireMessage(m_store, messageId);
    int bits = row.flags;
    QStringList keywords = row.keywords;
    applyFlagNames(add, remove, &bits, &keywords);
    m_store.messages().setFlags(messageId, bits, keywords);
    const auto folder = m_store.folders().byId(row.folderId);
    qint64 taskId = 0;
    if (folder && isRemote(*folder)) {
        QJsonObject payload = origin(m_store, row);
        payload[QStringLiteral("add")] = QJsonArray::fromStringList(add);
        payload[QStringLiteral("remove")] = QJsonArray::fromStringList(remove);
        taskId = m_store.tasks().enqueue(row.accountId, tasks::kindName(tasks::TaskKind::Flag),
                                         json(payload), m_notBefore);
    }
    record({ChangeStep::Kind::Flags, row, taskId, m_notBefore, QString(), add, remove});
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
        throw std::runtime_error(
            QCoreApplication::translate("LocalActions",
                                        "copying between the server and folders on this computer "
                                        "is not supported yet")
                .toStdString());
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
        m_store.tasks().enqueue(row.accountId, tasks::kindName(tasks::TaskKind::Copy),
                                json(payload));
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
    if (source && source->isLocal && importUploads(m_store, *dest)) {
        uploadFromLocal(row, *dest);
        tx.commit();
        return;
    }
    // The server has no local folder to move a message into (nor a POP3 account a server
    // folder to upload one to).
    if (source && source->isLocal != dest->isLocal)
        throw std::runtime_error(
            QCoreApplication::translate("LocalActions",
                                        "moving between the server and folders on this computer "
                                        "is not supported yet")
                .toStdString());
    QJsonObject payload = origin(m_store, row);
    payload[QStringLiteral("to")] = dest->name;
    // Until the server tells the new UID (COPYUID) the moved row has none.
    m_store.messages().moveTo(messageId, dest->id, std::nullopt);
    qint64 taskId = 0;
    if (source && isRemote(*source))
        taskId = m_store.tasks().enqueue(row.accountId, tasks::kindName(tasks::TaskKind::Move),
                                         json(payload), m_notBefore);
    record({ChangeStep::Kind::Move, row, taskId, m_notBefore, dest->name, {}, {}});
    tx.commit();
}

void LocalActions::uploadFromLocal(const store::MessageRow &row, const store::Folder &dest)
{
    const std::optional<QByteArray> raw = m_store.bodies().get(row.id);
    if (!raw)
        throw std::runtime_error(
            QCoreApplication::translate("LocalActions",
                                        "“%1” has no content on this computer to upload")
                .arg(row.subject)
                .toStdString());
    // The key that keeps a second import of these bytes out, and the row in the count of
    // what is still to upload (store/ImportUploads.h).
    if (!row.remoteKey.startsWith(QLatin1String("sha256:"))) {
        store::MessageRow keyed = row;
        keyed.remoteKey = uniqueContentKey(m_store, row.accountId, dest.id, contentKey(*raw));
        m_store.messages().replace(row.id, keyed);
    }
    m_store.messages().moveTo(row.id, dest.id, std::nullopt);
    const qint64 taskId = m_store.tasks().enqueue(
        row.accountId, imap::kAppendTaskKind,
        json(imap::appendTaskPayload(dest.id, dest.name, {row.id})), m_notBefore);
    record({ChangeStep::Kind::Move, row, taskId, m_notBefore, dest.name, {}, {}});
}

void LocalActions::remove(qint64 messageId)
{
    const store::MessageRow row = requireMessage(m_store, messageId);
    const auto trash = m_store.folders().bySpecialUse(row.accountId, QStringLiteral("\\Trash"));
    const auto here = m_store.folders().byId(row.folderId);
    // A message of a folder on this computer (an mbox import) is deleted where it is: the
    // server's Trash cannot take it (see move()).
    if (trash && trash->id != row.folderId && here && trash->isLocal == here->isLocal) {
        move(messageId, trash->name);
        return;
    }
    store::Transaction tx(m_store.db());
    const auto folder = m_store.folders().byId(row.folderId);
    // Without a UID the message is on its way here (a pending move into Trash):
    // the move's replay fills in the UID (COPYUID) and this task then expunges it;
    // without COPYUID it is dropped and the message stays in Trash.
    qint64 taskId = 0;
    if (folder && isRemote(*folder))
        taskId = m_store.tasks().enqueue(row.accountId, tasks::kindName(tasks::TaskKind::Expunge),
                                         json(origin(m_store, row)), m_notBefore);
    m_store.messages().remove(messageId);
    record({ChangeStep::Kind::Expunge, row, taskId, m_notBefore, QString(), {}, {}});
    tx.commit();
}

void LocalActions::record(ChangeStep step)
{
    if (m_record)
        m_record->steps.push_back(std::move(step));
}

// --- undo ---------------------------------------------------------------------------------

UndoOutcome LocalActions::undo(const ChangeRecord &change)
{
    // Undo is not itself held or recorded: its tasks go at once, and it is not undone again.
    const qint64 hold = std::exchange(m_notBefore, 0);
    ChangeRecord *const recording = std::exchange(m_record, nullptr);
    UndoOutcome out;
    try {
        store::Transaction tx(m_store.db());
        for (auto step = change.steps.rbegin(); step != change.steps.rend(); ++step) {
            switch (step->kind) {
            case ChangeStep::Kind::Flags:
                undoFlags(*step, out);
                break;
            case ChangeStep::Kind::Move:
                undoMove(*step, out);
                break;
            case ChangeStep::Kind::Expunge:
                undoExpunge(*step, out);
                break;
            }
        }
        tx.commit();
    } catch (...) {
        m_notBefore = hold;
        m_record = recording;
        throw;
    }
    m_notBefore = hold;
    m_record = recording;
    std::reverse(out.messageIds.begin(), out.messageIds.end()); // in the change's order
    return out;
}

bool LocalActions::withdraw(const ChangeStep &step)
{
    if (step.taskId == 0)
        return true; // a local folder: the cache is all there is
    const auto task = m_store.tasks().byId(step.taskId);
    if (!task || task->state != QLatin1String("pending"))
        return false; // sent, or being sent now
    // A removed task's id is given to the next one: it must still be this change's task.
    static const char *const kinds[] = {"flag", "move", "expunge"};
    const QJsonObject p = QJsonDocument::fromJson(task->payloadJson.toUtf8()).object();
    // (A move from a local folder to the server is an upload: uploadFromLocal.)
    const bool upload = task->kind == imap::kAppendTaskKind && step.kind == ChangeStep::Kind::Move;
    const qint64 message = upload ? qint64(p[QStringLiteral("messages")].toArray().at(0).toDouble())
                                  : qint64(p[QStringLiteral("message")].toDouble());
    if ((!upload && task->kind != QLatin1String(kinds[int(step.kind)])) ||
        task->notBefore != step.heldUntil || message != step.before.id)
        return false;
    m_store.tasks().remove(step.taskId);
    return true;
}

void LocalActions::undoFlags(const ChangeStep &step, UndoOutcome &out)
{
    const auto row = m_store.messages().byId(step.before.id);
    if (!row) {
        out.problems << QStringLiteral("“%1” is no longer there").arg(step.before.subject);
        return;
    }
    // Only what the change altered goes back: a flag the message had already stays.
    const auto had = [&](const QString &f) {
        const int bit = store::systemFlagFromName(f);
        return bit ? bool(step.before.flags & bit) : step.before.keywords.contains(f);
    };
    QStringList addBack, removeBack;
    for (const QString &f : step.add)
        if (!had(f))
            removeBack << f;
    for (const QString &f : step.remove)
        if (had(f))
            addBack << f;
    out.messageIds.push_back(row->id);
    if (!withdraw(step)) {
        if (!addBack.isEmpty() || !removeBack.isEmpty())
            changeFlags(row->id, addBack, removeBack);
        ++out.reversed;
        return;
    }
    int bits = row->flags;
    QStringList keywords = row->keywords;
    applyFlagNames(addBack, removeBack, &bits, &keywords);
    m_store.messages().setFlags(row->id, bits, keywords);
    ++out.withdrawn;
}

void LocalActions::undoMove(const ChangeStep &step, UndoOutcome &out)
{
    const auto row = m_store.messages().byId(step.before.id);
    if (!row) {
        out.problems
            << QStringLiteral("“%1” is no longer in %2").arg(step.before.subject, step.destination);
        return;
    }
    out.messageIds.push_back(row->id);
    if (withdraw(step)) {
        // The server still has it where it was, under its old UID.
        m_store.messages().moveTo(row->id, step.before.folderId, step.before.uid);
        if (step.taskId)
            pointLaterTasksBack(step);
        ++out.withdrawn;
        return;
    }
    const auto before = m_store.folders().byId(step.before.folderId);
    if (before && before->isLocal && row->folderId != step.before.folderId) {
        // Uploaded from a folder on this computer: the server has it now.
        out.problems << QCoreApplication::translate("LocalActions",
                                                    "“%1” is on the server already, in %2")
                            .arg(step.before.subject, step.destination);
        return;
    }
    if (row->folderId != step.before.folderId)
        move(row->id, step.before.folderName);
    ++out.reversed;
}

void LocalActions::pointLaterTasksBack(const ChangeStep &step)
{
    const QJsonObject from = origin(m_store, step.before);
    for (const store::Task &later : m_store.tasks().list(step.before.accountId)) {
        if (later.id <= step.taskId || later.state != QLatin1String("pending"))
            continue;
        QJsonObject p = QJsonDocument::fromJson(later.payloadJson.toUtf8()).object();
        if (qint64(p[QStringLiteral("message")].toDouble()) != step.before.id ||
            p[QStringLiteral("folder")].toString() != step.destination ||
            !p[QStringLiteral("uid")].isNull())
            continue;
        for (const QString &key : {QStringLiteral("folder"), QStringLiteral("uid"),
                                   QStringLiteral("uidvalidity"), QStringLiteral("modseq")})
            if (from.contains(key))
                p[key] = from[key];
            else
                p.remove(key);
        m_store.tasks().setPayload(later.id, json(p));
    }
}

void LocalActions::undoExpunge(const ChangeStep &step, UndoOutcome &out)
{
    // Its body went with the row; the server still has it while the task waits, so the row
    // comes back with its UID and the body is fetched again when the message is opened.
    if (step.taskId == 0 || !withdraw(step)) {
        out.problems << QStringLiteral("“%1” was deleted for good").arg(step.before.subject);
        return;
    }
    const qint64 id = m_store.messages().restore(step.before);
    m_store.search().markPending(id);
    out.messageIds.push_back(id);
    ++out.withdrawn;
}

} // namespace herald::sync
