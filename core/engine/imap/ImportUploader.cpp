#include "core/engine/imap/ImportUploader.h"

#include "core/engine/imap/AppendOnce.h"
#include "core/engine/imap/FolderSync.h"
#include "core/store/Store.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace herald::imap {

namespace {
const QString kFromUid = QStringLiteral("from_uid");
const QString kValidity = QStringLiteral("uidvalidity");

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}
} // namespace

QJsonObject appendTaskPayload(qint64 folderId, const QString &folderName,
                              const QList<qint64> &messageIds)
{
    QJsonArray ids;
    for (const qint64 id : messageIds)
        ids.append(double(id));
    return {{QStringLiteral("folder"), folderName},
            {QStringLiteral("folder_id"), double(folderId)},
            {QStringLiteral("messages"), ids}};
}

QString lastUploadRefusal(store::Store &store, qint64 accountId)
{
    QString words;
    for (const store::Task &t : store.tasks().list(accountId, kAppendTaskKind))
        if (!t.lastError.isEmpty())
            words = t.lastError;
    return words;
}

net::Error ImportUploader::findCopy(const QByteArray &bytes, quint32 lower, quint32 *uid)
{
    *uid = 0;
    auto found = m_session.wait<SearchResult>([&](auto done) {
        m_session.client().uidSearch("UID " + QByteArray::number(lower) + ":*", done);
    });
    if (!found.ok())
        return found.error;
    QList<quint32> candidates;
    for (const quint32 u : found.value.uids.toList())
        if (u >= lower) // "n:*" also matches the highest UID when it is below n
            candidates << u;
    if (candidates.isEmpty())
        return net::Error();
    UidSet set;
    for (const quint32 u : candidates)
        set.add(u);
    const QByteArray wanted = sha256(bytes);
    auto fetched = m_session.wait<FetchResult>([&](auto done) {
        m_session.client().uidFetch(
            set, "(UID BODY.PEEK[])", {},
            [&](const FetchData &data) {
                const auto body = data.sections.constFind("BODY[]");
                if (data.uid && body != data.sections.cend() && sha256(*body) == wanted &&
                    (*uid == 0 || *data.uid < *uid))
                    *uid = *data.uid;
            },
            done);
    });
    return fetched.error;
}

net::Error ImportUploader::upload(qint64 taskId, QJsonObject payload, int *uploaded)
{
    if (uploaded)
        *uploaded = 0;
    const qint64 folderId = qint64(payload.value(QStringLiteral("folder_id")).toDouble());
    const auto folder = m_store.folders().byId(folderId);
    if (!folder || folder->isLocal)
        return net::Error(); // the folder left the cache, and its rows with it
    std::vector<store::MessageRow> pending;
    quint32 highestRecorded = 0;
    for (const QJsonValue v : payload.value(QStringLiteral("messages")).toArray()) {
        const auto row = m_store.messages().byId(qint64(v.toDouble()));
        if (!row || row->folderId != folderId)
            continue; // deleted or moved away before it was uploaded
        if (row->uid)
            highestRecorded = std::max(highestRecorded, quint32(*row->uid));
        else
            pending.push_back(*row);
    }
    if (pending.empty())
        return net::Error();

    auto selected = m_session.wait<SelectResult>(
        [&](auto done) { m_session.client().select(folder->name, SelectOptions{}, done); });
    if (!selected.ok())
        return selected.error;
    const bool resumed = payload.contains(kFromUid);
    quint32 lower = 1;
    if (resumed && quint32(payload.value(kValidity).toDouble()) == selected.value.uidValidity) {
        lower = std::max(quint32(payload.value(kFromUid).toDouble()), highestRecorded + 1);
    } else {
        // First attempt (or the folder was recreated: search all of it).
        lower = resumed ? 1 : std::max<quint32>(selected.value.uidNext, 1);
        payload[kFromUid] = double(lower);
        payload[kValidity] = double(selected.value.uidValidity);
        m_store.tasks().setPayload(
            taskId, QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)));
    }

    bool mayBeOnServer = resumed; // only the first row still to do (see the header)
    for (const store::MessageRow &row : pending) {
        const auto bytes = m_store.bodies().get(row.id);
        if (!bytes) {
            qCWarning(lcSync) << "imported message" << row.id << "has no bytes: not uploaded";
            continue;
        }
        AppendRequest request;
        request.folder = folder->name;
        request.bytes = *bytes;
        request.flags = joinFlags(row.flags & ~store::FlagDeleted, row.keywords);
        if (row.internalDate)
            request.internalDate = QDateTime::fromSecsSinceEpoch(*row.internalDate, Qt::UTC);
        request.searchFirst = mayBeOnServer;
        mayBeOnServer = false;
        quint32 uid = 0;
        if (auto e = appendOnce(
                m_session, request, [&](quint32 *found) { return findCopy(*bytes, lower, found); },
                &uid, m_afterAppend))
            return e;
        store::Transaction tx(m_store.db());
        if (uid) {
            recordAppendedUid(m_store, folderId, row.id, uid);
            lower = uid + 1;
        } else {
            // Stored, but gone again before its UID was found: the server's state wins.
            m_store.messages().remove(row.id);
        }
        tx.commit();
        if (uploaded)
            ++*uploaded;
    }
    qCInfo(lcSync) << "uploaded" << pending.size() << "imported messages to" << folder->name;
    return net::Error();
}

} // namespace herald::imap
