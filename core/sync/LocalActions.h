#pragma once
// What a user does to a message, applied to the cache at once and recorded as a
// task for the server (Mailspring's performLocal / performRemote split). The UI
// and the CLI call these; engines replay the tasks when the account is online.
// Works offline; survives restarts (tasks are rows in the cache).

#include "core/store/Records.h"
#include "core/sync/ChangeRecord.h"

#include <QString>
#include <QStringList>

namespace herald::store {
class Store;
}

namespace herald::sync {

class LocalActions
{
public:
    explicit LocalActions(store::Store &store) : m_store(store) {}

    // Adds/removes flags ("\\Seen", "\\Flagged", keywords). Throws std::runtime_error
    // with a readable message for an unknown message.
    void changeFlags(qint64 messageId, const QStringList &add, const QStringList &remove);
    // Moves into another folder of the same account (by full name). From a folder on this
    // computer into a server folder of an IMAP account it is an upload: the row moves at once
    // (no UID yet) and an "append" task puts it on the server exactly once
    // (imap::ImportUploader), as an mbox import into that folder does. The other direction is
    // refused with words (the server has no local folder to move into).
    void move(qint64 messageId, const QString &destinationFolder);
    // Copies into a folder of the same account (by full name); returns the copy's id. The
    // copy has no UID until the server names it (COPYUID) or the next sync brings it.
    qint64 copy(qint64 messageId, const QString &destinationFolder);
    // Moves to the account's Trash; deletes for good when already in Trash or when
    // the account has none.
    void remove(qint64 messageId);

    // The undo window: tasks enqueued from now on are not sent before `secs` (seconds since
    // the epoch), and every later task of the account waits behind them (TaskRepository::due).
    void holdTasksUntil(qint64 secs) { m_notBefore = secs; }
    // Flag changes, moves and deletes from now on are appended to `record` (nullptr: none).
    void recordInto(ChangeRecord *record) { m_record = record; }
    // Takes back a recorded change, last step first, in one transaction: a step whose task is
    // still pending is withdrawn and the cache restored (the server never sees it); a step
    // already sent is reversed by new tasks sent at once (move back, flags back). A message
    // deleted for good can only come back while its task waits. Steps that cannot be undone
    // (the message is gone) are reported in words and the others still undone.
    UndoOutcome undo(const ChangeRecord &change);

private:
    void uploadFromLocal(const store::MessageRow &row, const store::Folder &dest);
    // The destination folder of a move or copy; throws a readable error when it cannot be one.
    store::Folder destination(const store::MessageRow &row, const QString &name);

    void record(ChangeStep step);
    // Removes the task if it is still pending (or there is none); false once it was sent.
    bool withdraw(const ChangeStep &step);
    void undoFlags(const ChangeStep &step, UndoOutcome &out);
    void undoMove(const ChangeStep &step, UndoOutcome &out);
    void undoExpunge(const ChangeStep &step, UndoOutcome &out);
    // Later tasks recorded against the message in the folder it went to (no UID there yet)
    // follow it back to where it was.
    void pointLaterTasksBack(const ChangeStep &step);

    store::Store &m_store;
    qint64 m_notBefore = 0;
    ChangeRecord *m_record = nullptr;
};

} // namespace herald::sync
