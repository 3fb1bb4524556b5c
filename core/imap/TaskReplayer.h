#pragma once
// Replays the account's pending tasks (flag, move, expunge) against the IMAP
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
// refuses our change for it and its newer state wins.

#include "core/imap/ImapSession.h"
#include "core/store/Records.h"

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

private:
    net::Error replay(const store::Task &task, bool *drop);
    net::Error selectFor(const QString &folder, const QJsonObject &payload, bool *stale);
    void recordNewUid(const store::Task &task, qint64 messageId, const QString &folder,
                      quint32 uid);

    ImapSession &m_session;
    store::Store &m_store;
    qint64 m_accountId;
};

} // namespace herald::imap
