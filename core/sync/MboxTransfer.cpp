#include "core/sync/MboxTransfer.h"

#include "core/accounts/ServerUrl.h"
#include "core/engine/imap/ImportUploader.h"
#include "core/ingest/MessageIngest.h"
#include "core/mime/Mbox.h"
#include "core/store/ImportUploads.h"
#include "core/store/Sqlite.h"
#include "core/store/Store.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>
#include <memory>
#include <stdexcept>

namespace herald::sync {

namespace {

constexpr int kBatch = 200;

// mbox "Status:" (R = read, O = old): imported mail is read unless the header says unread.
int importedFlags(const QByteArray &raw)
{
    const qsizetype headerEnd = raw.indexOf("\r\n\r\n");
    const QByteArray head = raw.left(headerEnd < 0 ? raw.size() : headerEnd);
    const qsizetype at = head.indexOf("\nStatus:");
    if (at < 0)
        return store::FlagSeen;
    const qsizetype end = head.indexOf('\n', at + 1);
    const QByteArray value = head.mid(at + 8, end < 0 ? -1 : end - at - 8);
    return value.contains('R') ? store::FlagSeen : 0;
}

} // namespace

bool importUploads(store::Store &store, const store::Folder &folder)
{
    if (folder.isLocal)
        return false;
    const auto account = store.accounts().byId(folder.accountId);
    const auto url = account ? accounts::ServerUrl::parse(account->incomingUrl) : std::nullopt;
    return url && url->protocol == accounts::Protocol::Imap;
}

QString contentKey(const QByteArray &raw)
{
    return QStringLiteral("sha256:") +
           QString::fromLatin1(QCryptographicHash::hash(raw, QCryptographicHash::Sha256).toHex());
}

QString folderContentKey(const QString &key, qint64 folderId)
{
    return key + QStringLiteral(":f") + QString::number(folderId);
}

QString uniqueContentKey(store::Store &store, qint64 accountId, qint64 folderId, const QString &key)
{
    return store.messages().byRemoteKey(accountId, key) ? folderContentKey(key, folderId) : key;
}

qint64 localImportFolder(store::Store &store, qint64 accountId, const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        throw std::runtime_error("the folder needs a name");
    if (const auto existing = store.folders().byName(accountId, trimmed)) {
        if (!existing->isLocal)
            throw std::runtime_error(
                QStringLiteral("“%1” is a folder on the server; an mbox is imported into a "
                               "folder on this computer: choose another name")
                    .arg(trimmed)
                    .toStdString());
        return existing->id;
    }
    store::Folder f;
    f.accountId = accountId;
    f.name = trimmed;
    f.isLocal = true;
    return store.folders().upsert(f);
}

qint64 serverImportFolder(store::Store &store, qint64 accountId, const QString &name)
{
    const auto folder = store.folders().byName(accountId, name.trimmed());
    if (!folder || folder->isLocal)
        throw std::runtime_error(QStringLiteral("there is no server folder named “%1”")
                                     .arg(name.trimmed())
                                     .toStdString());
    if (!importUploads(store, *folder))
        throw std::runtime_error("only an IMAP account's folders take uploaded messages");
    return folder->id;
}

MboxImportResult importMbox(store::Store &store, const QString &path, qint64 folderId,
                            const MboxProgress &progress)
{
    MboxImportResult result;
    const auto folder = store.folders().byId(folderId);
    if (!folder) {
        result.error = QStringLiteral("the folder is gone");
        return result;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return result;
    }
    // Only the same bytes are the same message: a Message-ID is not unique in the wild (test
    // corpora, broken mailers, resent mail), and skipping by it would lose mail.
    QSet<QString> keys = store.messages().remoteKeysIn(folderId);
    // Rows a sync brought have no key: their downloaded bytes count too, so a server folder
    // exported and imported back into itself gains nothing (nor does the server).
    for (const qint64 id : store::idsWithoutRemoteKey(store.db(), folderId))
        if (const std::optional<QByteArray> cached = store.bodies().get(id))
            keys.insert(contentKey(*cached));

    MessageIngest ingest(store);
    mime::MboxReader reader(file);
    std::unique_ptr<store::Transaction> tx;
    int inBatch = 0;
    // A server folder: the batch's rows and the task that uploads them commit together.
    const bool upload = importUploads(store, *folder);
    QList<qint64> toUpload;
    const auto commit = [&] {
        if (!toUpload.isEmpty()) {
            const QJsonObject payload = imap::appendTaskPayload(folderId, folder->name, toUpload);
            store.tasks().enqueue(
                folder->accountId, imap::kAppendTaskKind,
                QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)));
            result.toUpload += int(toUpload.size());
            toUpload.clear();
        }
        tx->commit();
        tx.reset();
        inBatch = 0;
    };
    QByteArray raw, fromLine;
    while (reader.next(&raw, &fromLine)) {
        const QString key = contentKey(raw);
        if (keys.contains(key) || keys.contains(folderContentKey(key, folderId))) {
            ++result.alreadyThere;
        } else {
            if (!tx)
                tx = std::make_unique<store::Transaction>(store.db());
            IncomingMessage meta;
            meta.accountId = folder->accountId;
            meta.folderId = folderId;
            meta.remoteKey = uniqueContentKey(store, folder->accountId, folderId, key);
            meta.flags = importedFlags(raw);
            if (const QDateTime d = mime::mboxFromLineDate(fromLine); d.isValid())
                meta.internalDate = d.toSecsSinceEpoch();
            const qint64 id = ingest.addMessage(meta, raw); // parsed only when it is new
            if (upload)
                toUpload << id;
            keys.insert(key);
            ++result.added;
            if (++inBatch == kBatch)
                commit();
        }
        if (progress && !progress(reader.position(), file.size())) {
            result.cancelled = true; // what is committed stays: importing again adds the rest
            break;
        }
    }
    if (tx)
        commit();
    if (!result.cancelled)
        result.error = reader.error();
    return result;
}

MboxExportResult exportMbox(store::Store &store, qint64 folderId, const QString &path,
                            const MboxProgress &progress)
{
    MboxExportResult result;
    QSaveFile file(path); // the old file stays until the new one is complete
    if (!file.open(QIODevice::WriteOnly)) {
        result.error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return result;
    }
    const std::vector<qint64> ids =
        store.messages().orderedIds(folderId, store::MessageSort::Date, /*ascending=*/true);
    mime::MboxWriter writer(file);
    qint64 done = 0;
    for (const qint64 id : ids) {
        const std::optional<QByteArray> raw = store.bodies().get(id);
        const std::optional<store::MessageRow> row = store.messages().byId(id);
        if (!raw || !row) {
            ++result.withoutBody;
        } else {
            const QDateTime date = row->internalDate
                                       ? QDateTime::fromSecsSinceEpoch(*row->internalDate, Qt::UTC)
                                       : row->date;
            if (!writer.write(*raw, row->fromAddr, date)) {
                result.error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
                file.cancelWriting();
                return result;
            }
            ++result.written;
        }
        if (progress && !progress(++done, qint64(ids.size()))) {
            result.cancelled = true;
            file.cancelWriting();
            return result;
        }
    }
    if (!file.commit())
        result.error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    return result;
}

} // namespace herald::sync
