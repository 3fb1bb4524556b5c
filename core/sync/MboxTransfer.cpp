#include "core/sync/MboxTransfer.h"

#include "core/mime/Mbox.h"
#include "core/store/Sqlite.h"
#include "core/store/Store.h"
#include "core/ingest/MessageIngest.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSaveFile>
#include <memory>
#include <stdexcept>

namespace herald::sync {

namespace {

constexpr int kBatch = 200;

QString contentKey(const QByteArray &raw)
{
    return QStringLiteral("sha256:") +
           QString::fromLatin1(QCryptographicHash::hash(raw, QCryptographicHash::Sha256).toHex());
}

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

    MessageIngest ingest(store);
    mime::MboxReader reader(file);
    std::unique_ptr<store::Transaction> tx;
    int inBatch = 0;
    QByteArray raw, fromLine;
    while (reader.next(&raw, &fromLine)) {
        const QString key = contentKey(raw);
        if (keys.contains(key)) {
            ++result.alreadyThere;
        } else {
            if (!tx)
                tx = std::make_unique<store::Transaction>(store.db());
            IncomingMessage meta;
            meta.accountId = folder->accountId;
            meta.folderId = folderId;
            meta.remoteKey = key;
            meta.flags = importedFlags(raw);
            if (const QDateTime d = mime::mboxFromLineDate(fromLine); d.isValid())
                meta.internalDate = d.toSecsSinceEpoch();
            ingest.addMessage(meta, raw); // parsed only when it is not there already
            keys.insert(key);
            ++result.added;
            if (++inBatch == kBatch) {
                tx->commit();
                tx.reset();
                inBatch = 0;
            }
        }
        if (progress && !progress(reader.position(), file.size())) {
            result.cancelled = true; // what is committed stays: importing again adds the rest
            break;
        }
    }
    if (tx)
        tx->commit();
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
