#include "core/imap/TaskReplayer.h"

#include "core/imap/FolderSync.h"
#include "core/store/Store.h"

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

net::Error TaskReplayer::replayAll(int *replayed)
{
    int count = 0;
    for (const store::Task &task : m_store.tasks().due(m_accountId, QDateTime::currentSecsSinceEpoch())) {
        if (task.kind != QLatin1String("flag") && task.kind != QLatin1String("move") &&
            task.kind != QLatin1String("expunge"))
            continue; // other engines' tasks (send, …)
        m_store.tasks().setState(task.id, QStringLiteral("running"));
        bool drop = false;
        const net::Error e = replay(task, &drop);
        if (isConnectionError(e)) {
            m_store.tasks().setState(task.id, QStringLiteral("pending"), e.message, 0, true);
            return e;
        }
        if (e.isError() || drop)
            qCWarning(lcSync) << "task" << task.id << task.kind << "dropped:"
                              << (e.isError() ? e.message : QStringLiteral("message gone"));
        // A dropped move leaves its UID-less row behind; remove it so the next sync
        // shows the message where the server has it.
        if ((e.isError() || drop) && task.kind == QLatin1String("move")) {
            const qint64 id = qint64(QJsonDocument::fromJson(task.payloadJson.toUtf8())
                                         .object()[QStringLiteral("message")].toDouble());
            if (auto row = m_store.messages().byId(id); row && !row->uid)
                m_store.messages().remove(id);
        }
        m_store.tasks().remove(task.id);
        ++count;
    }
    if (replayed)
        *replayed = count;
    return net::Error();
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
        m_store.tasks().setPayload(later.id, QString::fromUtf8(QJsonDocument(p).toJson(QJsonDocument::Compact)));
    }
}

net::Error TaskReplayer::replay(const store::Task &task, bool *drop)
{
    const QJsonObject p = QJsonDocument::fromJson(task.payloadJson.toUtf8()).object();
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
        for (const auto &[mode, key] : {std::pair{StoreMode::Add, "add"}, std::pair{StoreMode::Remove, "remove"}}) {
            const QList<QByteArray> flags = toFlags(p[QLatin1String(key)]);
            if (flags.isEmpty())
                continue;
            auto r = m_session.wait<StoreResult>([&](auto done) {
                m_session.client().uidStore(uids, mode, flags, unchangedSince, done);
            });
            if (!r.ok())
                return r.error;
            if (!r.value.modified.isEmpty())
                qCInfo(lcSync) << "flag change on UID" << uid << "in" << folder
                               << "lost to a newer change on the server";
        }
        return net::Error();
    }
    if (task.kind == QLatin1String("move")) {
        const QString to = p[QStringLiteral("to")].toString();
        auto r = m_session.wait<CopyResult>(
            [&](auto done) { m_session.client().uidMove(uids, to, done); });
        if (!r.ok())
            return r.error;
        const qint64 messageId = qint64(p[QStringLiteral("message")].toDouble());
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
    // expunge: only this UID, never a plain EXPUNGE.
    auto stored = m_session.wait<StoreResult>([&](auto done) {
        m_session.client().uidStore(uids, StoreMode::Add, {"\\Deleted"}, std::nullopt, done);
    });
    if (!stored.ok())
        return stored.error;
    auto expunged = m_session.wait<Empty>(
        [&](auto done) { m_session.client().uidExpunge(uids, done); });
    return expunged.error;
}

} // namespace herald::imap
