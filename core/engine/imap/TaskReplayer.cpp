#include "core/engine/imap/TaskReplayer.h"

#include "core/engine/imap/DraftUploader.h"
#include "core/engine/imap/FolderSync.h"
#include "core/engine/imap/ImportUploader.h"
#include "core/net/Caught.h"
#include "core/store/Store.h"
#include "core/tasks/TaskKind.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace herald::imap {

namespace {
QList<QByteArray> toFlags(const QJsonValue &v)
{
    QList<QByteArray> out;
    for (const auto &f : v.toArray())
        out << f.toString().toUtf8();
    return out;
}

bool isConnectionError(const net::Error &e)
{
    return e.isError() && e.kind != net::Error::Kind::CommandFailed;
}
} // namespace

bool TaskReplayer::replays(const QString &kind)
{
    return tasks::replayedOverImap(kind); // the list MailboxWatcher uses too
}

net::Error TaskReplayer::replayAll(int *replayed)
{
    int count = 0;
    // A task still "running" was being sent when the last sync died (kill, crash,
    // power): it is due again, and the steps are idempotent (see the header).
    for (const store::Task &task : m_store.tasks().list(m_accountId))
        if (task.state == QLatin1String("running") && replays(task.kind))
            m_store.tasks().setState(task.id, QStringLiteral("pending"));
    for (const store::Task &task :
         m_store.tasks().due(m_accountId, QDateTime::currentSecsSinceEpoch())) {
        if (!replays(task.kind))
            continue; // other engines' tasks (send, …)
        net::Error lost;
        const Outcome outcome = replayOne(task, &lost);
        if (outcome == Outcome::ConnectionLost)
            return lost;
        if (outcome == Outcome::Done)
            ++count;
    }
    if (replayed)
        *replayed = count;
    return net::Error();
}

TaskReplayer::Outcome TaskReplayer::replayOne(store::Task task, net::Error *lost)
{
    // An earlier task of this pass rewrote this one (a UID from COPYUID, a MODSEQ).
    if (const auto it = m_rewritten.find(task.id); it != m_rewritten.end())
        task.payloadJson = it->second;
    if (!m_store.tasks().claim(task.id))
        return Outcome::Skipped; // withdrawn by an undo after the list was read
    bool drop = false, notMine = false;
    const net::Error e = replay(task, &drop, &notMine);
    if (notMine) {
        // Nothing was sent: the task stays for whatever engine sends it, with words.
        m_store.tasks().setState(task.id, QStringLiteral("pending"), e.message);
        qCWarning(lcSync) << "task" << task.id << "left in the queue:" << e.message;
        return Outcome::Left;
    }
    const bool uploads = task.kind == kAppendTaskKind || task.kind == kDraftTaskKind;
    if (e.isError() && uploads && !isConnectionError(e)) {
        // Refused (quota, folder gone, a message too large): the imported rows or the
        // draft stay, and so does the task, with the server's words for the window
        // (UploadIndicator); tried again later, not at every poll.
        const int wait = std::min(60 << std::min(task.attempts, 6), 3600);
        m_store.tasks().setState(task.id, QStringLiteral("pending"), e.message,
                                 QDateTime::currentSecsSinceEpoch() + wait, true);
        qCWarning(lcSync) << task.kind << "task" << task.id << "refused:" << e.message;
        return Outcome::Left;
    }
    if (isConnectionError(e)) {
        m_store.tasks().setState(task.id, QStringLiteral("pending"), e.message, 0, true);
        if (lost)
            *lost = e;
        return Outcome::ConnectionLost;
    }
    if (e.isError() || drop)
        qCWarning(lcSync) << "task" << task.id << task.kind << "dropped:"
                          << (e.isError() ? e.message : QStringLiteral("message gone"));
    // A dropped move or copy leaves its UID-less row behind; remove it so the next
    // sync shows the message where the server has it.
    const bool copy = task.kind == QLatin1String("copy");
    if ((e.isError() || drop) && (copy || task.kind == QLatin1String("move"))) {
        const qint64 id =
            qint64(QJsonDocument::fromJson(task.payloadJson.toUtf8())
                       .object()[copy ? QStringLiteral("copy") : QStringLiteral("message")]
                       .toDouble());
        if (auto row = m_store.messages().byId(id); row && !row->uid)
            m_store.messages().remove(id);
    }
    m_store.tasks().remove(task.id);
    return Outcome::Done;
}

void TaskReplayer::updatePayload(qint64 taskId, const QJsonObject &payload)
{
    const QString json = QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    m_store.tasks().setPayload(taskId, json);
    m_rewritten[taskId] = json;
}

net::Error TaskReplayer::selectFor(const QString &folder, const QJsonObject &payload, bool *stale)
{
    auto sel = m_session.wait<SelectResult>([&](auto done) {
        SelectOptions o;
        o.condstore = m_session.hasCondstore();
        m_session.client().select(folder, o, done);
    });
    if (!sel.ok())
        return sel.error;
    const auto validity = payload[QStringLiteral("uidvalidity")];
    *stale = !validity.isNull() && quint32(validity.toDouble()) != sel.value.uidValidity;
    return net::Error();
}

void TaskReplayer::recordNewUid(const store::Task &task, qint64 messageId, const QString &folder,
                                quint32 uid)
{
    auto row = m_store.messages().byId(messageId);
    if (row && !row->uid && row->folderName == folder)
        m_store.messages().setUid(messageId, uid);
    // Later tasks on the same message were recorded before this UID existed.
    for (store::Task later : m_store.tasks().list(m_accountId)) {
        if (later.id <= task.id)
            continue;
        QJsonObject p = QJsonDocument::fromJson(later.payloadJson.toUtf8()).object();
        if (qint64(p[QStringLiteral("message")].toDouble()) != messageId ||
            p[QStringLiteral("folder")].toString() != folder || !p[QStringLiteral("uid")].isNull())
            continue;
        p[QStringLiteral("uid")] = double(uid);
        updatePayload(later.id, p);
    }
}

void TaskReplayer::recordModSeq(const store::Task &task, const QString &folder, quint32 uid,
                                quint64 modseq)
{
    const auto f = m_store.folders().byName(m_accountId, folder);
    if (f)
        if (auto row = m_store.messages().byUid(f->id, uid))
            m_store.messages().setFlags(row->id, row->flags, row->keywords, qint64(modseq));
    for (store::Task later : m_store.tasks().list(m_accountId)) {
        if (later.id <= task.id || later.kind != QLatin1String("flag"))
            continue;
        QJsonObject p = QJsonDocument::fromJson(later.payloadJson.toUtf8()).object();
        if (p[QStringLiteral("folder")].toString() != folder || p[QStringLiteral("uid")].isNull() ||
            quint32(p[QStringLiteral("uid")].toDouble()) != uid ||
            quint64(p[QStringLiteral("modseq")].toDouble()) >= modseq)
            continue;
        p[QStringLiteral("modseq")] = double(modseq);
        updatePayload(later.id, p);
    }
}

net::Error TaskReplayer::refreshFlags(const QString &folder, quint32 uid)
{
    const auto f = m_store.folders().byName(m_accountId, folder);
    if (!f)
        return net::Error();
    // The answer is kept and written after the wait: no cache write (and no exception from
    // one) inside the event loop.
    std::optional<FetchData> answer;
    auto r = m_session.wait<FetchResult>([&](auto done) {
        m_session.client().uidFetch(
            UidSet::range(uid, uid), "(UID FLAGS MODSEQ)", {},
            [&](const FetchData &data) { answer = data; }, done);
    });
    if (r.error || !answer)
        return r.error;
    return net::storageErrorOf([&] {
        if (const auto row = m_store.messages().byUid(f->id, uid)) {
            int bits = 0;
            QStringList keywords;
            splitFlags(answer->flags.value_or(QList<QByteArray>()), &bits, &keywords);
            m_store.messages().setFlags(
                row->id, bits, keywords,
                answer->modseq ? std::optional<qint64>(qint64(*answer->modseq)) : std::nullopt);
        }
    });
}

net::Error TaskReplayer::replay(const store::Task &task, bool *drop, bool *notMine)
{
    const QJsonObject p = QJsonDocument::fromJson(task.payloadJson.toUtf8()).object();
    // Every kind by name: a kind without its case here is never sent (the compiler warns about
    // a new enum value without a case), and above all never reaches the expunge at the end.
    const std::optional<tasks::TaskKind> kind = tasks::kindFromName(task.kind);
    switch (kind.value_or(tasks::TaskKind::Send)) {
    case tasks::TaskKind::Draft: // upload a saved draft (DraftUploader.h)
        return DraftUploader(m_session, m_store, m_accountId).upload(p, drop);
    case tasks::TaskKind::Append: // imported messages (ImportUploader.h)
        return ImportUploader(m_session, m_store).upload(task.id, p);
    case tasks::TaskKind::Flag:
    case tasks::TaskKind::Move:
    case tasks::TaskKind::Copy:
    case tasks::TaskKind::Expunge:
        break; // one message by UID, below
    case tasks::TaskKind::Send:
        *notMine = true;
        return net::Error::make(
            net::Error::Kind::Unsupported,
            QStringLiteral("a task of kind \"%1\" is not sent over IMAP; it stays in the queue")
                .arg(task.kind));
    }
    const QString folder = p[QStringLiteral("folder")].toString();
    const QJsonValue uidValue = p[QStringLiteral("uid")];
    if (uidValue.isNull() || folder.isEmpty()) {
        *drop = true; // the message never reached the server under a known UID
        return net::Error();
    }
    const quint32 uid = quint32(uidValue.toDouble());
    bool stale = false;
    if (auto e = selectFor(folder, p, &stale))
        return e;
    if (stale) {
        *drop = true;
        return net::Error();
    }
    const UidSet uids = UidSet::range(uid, uid);

    if (task.kind == QLatin1String("flag")) {
        std::optional<quint64> unchangedSince;
        if (p.contains(QStringLiteral("modseq")) && m_session.hasCondstore())
            unchangedSince = quint64(p[QStringLiteral("modseq")].toDouble());
        for (const auto &[mode, key] :
             {std::pair{StoreMode::Add, "add"}, std::pair{StoreMode::Remove, "remove"}}) {
            const QList<QByteArray> flags = toFlags(p[QLatin1String(key)]);
            if (flags.isEmpty())
                continue;
            auto r = m_session.wait<StoreResult>([&](auto done) {
                m_session.client().uidStore(uids, mode, flags, unchangedSince, done);
            });
            if (!r.ok())
                return r.error;
            if (!r.value.modified.isEmpty()) {
                qCInfo(lcSync) << "flag change on UID" << uid << "in" << folder
                               << "lost to a newer change on the server";
                // The server's state wins: the cache shows it at once (the local
                // change is already in the cache, and the next resync would not
                // see this message as changed since our last HIGHESTMODSEQ).
                return refreshFlags(folder, uid);
            }
            // Our own change moved the message's MODSEQ: later tasks on it were
            // recorded against the old value and must not conflict with us.
            for (const FetchData &f : r.value.updated)
                if (f.uid && *f.uid == uid && f.modseq) {
                    unchangedSince = *f.modseq;
                    recordModSeq(task, folder, uid, *f.modseq);
                }
        }
        return net::Error();
    }
    if (task.kind == QLatin1String("move") || task.kind == QLatin1String("copy")) {
        const bool copy = task.kind == QLatin1String("copy");
        const QString to = p[QStringLiteral("to")].toString();
        auto r = m_session.wait<CopyResult>([&](auto done) {
            if (copy)
                m_session.client().uidCopy(uids, to, done);
            else
                m_session.client().uidMove(uids, to, done);
        });
        if (!r.ok())
            return r.error;
        // The row that waits for its UID: the moved message, or the copy.
        const qint64 messageId =
            qint64(p[copy ? QStringLiteral("copy") : QStringLiteral("message")].toDouble());
        const auto dest = r.value.destinationUids.toList();
        if (dest.size() == 1) {
            recordNewUid(task, messageId, to, dest.front());
        } else if (auto row = m_store.messages().byId(messageId); row && !row->uid) {
            // No COPYUID (or the UID was already gone): the destination's sync
            // brings the message back under its real UID.
            m_store.messages().remove(messageId);
        }
        return net::Error();
    }
    if (task.kind != QLatin1String("expunge"))
        return net::Error(); // (unreachable: every other kind returned above)
    // expunge: only this UID, never a plain EXPUNGE.
    auto stored = m_session.wait<StoreResult>([&](auto done) {
        m_session.client().uidStore(uids, StoreMode::Add, {"\\Deleted"}, std::nullopt, done);
    });
    if (!stored.ok())
        return stored.error;
    auto expunged =
        m_session.wait<Empty>([&](auto done) { m_session.client().uidExpunge(uids, done); });
    return expunged.error;
}

} // namespace herald::imap
