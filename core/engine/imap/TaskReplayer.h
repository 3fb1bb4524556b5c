#pragma once
// Replays the account's pending tasks (flag, move, copy, expunge, draft, append) against the IMAP
// server, oldest first, each exactly once:
//  - a task is marked "running" before its command is sent and removed after the
//    server's OK, so a crash in between replays it once more — every IMAP step
//    here is idempotent (STORE of the same flags, MOVE of a UID that is already
//    gone is a no-op, UID EXPUNGE of a gone UID too);
//  - a network error stops the replay (the task stays, retried next sync);
//  - a NO from the server, or a folder whose UIDVALIDITY changed, drops the task
//    with a log line: the server's state wins and the next sync shows it.
// Conflicts: flag changes are sent with UNCHANGEDSINCE <the modseq we saw>; if
// another device changed the message since (server's MODSEQ is newer), the server
// refuses our change for it and its newer state wins: the message's flags are
// fetched back into the cache at once. Our own STOREs move the MODSEQ too; later
// tasks on the same message are updated to it, so they never conflict with us.
// Tasks left "running" by a killed sync are pending again at the next replay.
// A "draft" task uploads a saved draft (DraftUploader.h; idempotent by Message-ID), an
// "append" task messages imported into a server folder (ImportUploader.h). A refused append
// (quota, folder gone) is not dropped: it waits (1 min, doubling to 1 h) with the server's
// words in last_error, as do its rows.
// Tasks held for the window's undo window are not due yet (TaskRepository::due), nor is
// anything after them; a task is claimed (pending → running) only if no undo withdrew it.

#include "core/imap/ImapSession.h"
#include "core/store/Records.h"

#include <unordered_map>

namespace herald::store {
class Store;
}

namespace herald::imap {

class TaskReplayer
{
public:
    TaskReplayer(ImapSession &session, store::Store &store, qint64 accountId)
        : m_session(session), m_store(store), m_accountId(accountId)
    {
    }

    // Replays every due task. Returns a connection-level error, if any; per-task
    // server refusals are not errors (the task is dropped, see above).
    net::Error replayAll(int *replayed = nullptr);
    // Whether tasks of `kind` are this replayer's (the others are other engines': send, …).
    static bool replays(const QString &kind);
    // One due task, claimed first: what replayAll() does for each. A task of a kind this
    // replayer does not send (send, a kind this version does not know) is left in the queue,
    // pending, with words in last_error; nothing goes to the server for it.
    enum class Outcome { Done, Left, Skipped, ConnectionLost };
    Outcome replayOne(store::Task task, net::Error *lost = nullptr);

private:
    // notMine: the task's kind is not replayed here (nothing was sent).
    net::Error replay(const store::Task &task, bool *drop, bool *notMine);
    net::Error selectFor(const QString &folder, const QJsonObject &payload, bool *stale);
    void updatePayload(qint64 taskId, const QJsonObject &payload);
    void recordNewUid(const store::Task &task, qint64 messageId, const QString &folder,
                      quint32 uid);
    // After our own STORE: the message's new MODSEQ, in the cache and in later tasks.
    void recordModSeq(const store::Task &task, const QString &folder, quint32 uid, quint64 modseq);
    // After a refused STORE (UNCHANGEDSINCE): the server's flags into the cache.
    net::Error refreshFlags(const QString &folder, quint32 uid);

    ImapSession &m_session;
    store::Store &m_store;
    qint64 m_accountId;
    // Payloads rewritten during this pass (the loop holds the tasks read before it).
    std::unordered_map<qint64, QString> m_rewritten;
};

} // namespace herald::imap
