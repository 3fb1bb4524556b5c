#pragma once
// ImportUploader: the server side of an mbox imported into a server folder (the local side is
// core/sync/MboxTransfer.h, which makes the cache rows — no UID yet, "sha256:<hex>" of their
// bytes as remote key — and one task per batch). A task of kind "append" —
// {"folder": name, "folder_id": id, "messages": [row ids]} — is replayed by TaskReplayer here:
// each row still in that folder without a UID is appended (AppendOnce.h) with its flags and
// its INTERNALDATE (the mbox "From " line's date), in order, and gets its UID at once, so a
// task cut short resumes with the rows that have none.
//
// Exactly once. Before its first APPEND the task records the folder's UIDNEXT and UIDVALIDITY
// ("from_uid", "uidvalidity"). Rows are appended one after another and each UID is recorded
// before the next APPEND, so when a pass died, only the first row still without a UID can
// have reached the server unrecorded. For that row alone, the next pass searches first: UID
// SEARCH UID <lower>:* where lower is past every UID this task recorded (and not below
// from_uid), then the SHA-256 of each candidate's BODY.PEEK[] against the row's. Enough
// because UIDs only grow: a copy made by the cut attempt has a UID at or above lower; and
// the hash compares the bytes themselves, so neither a missing Message-ID nor another
// message with the same one confuses it. (UIDVALIDITY changed: the whole folder is searched.)
// Without UIDPLUS the same search finds each fresh copy's UID.

#include "core/imap/ImapSession.h"
#include "core/tasks/TaskKind.h"

#include <QJsonObject>
#include <functional>

namespace herald::store {
class Store;
}

namespace herald::imap {

inline const QString kAppendTaskKind = tasks::kindName(tasks::TaskKind::Append);

// The payload of an append task for `messageIds` of the server folder.
QJsonObject appendTaskPayload(qint64 folderId, const QString &folderName,
                              const QList<qint64> &messageIds);

// The server's words for the last refused upload of the account's imports (0: of every
// account), empty when none was refused: for the window's status bar and `herald-cli sync`.
QString lastUploadRefusal(store::Store &store, qint64 accountId = 0);

class ImportUploader
{
public:
    ImportUploader(ImapSession &session, store::Store &store) : m_session(session), m_store(store)
    {
    }
    // Tests: runs after each APPEND's OK, before its UID is recorded; false stops there as a
    // killed pass would.
    void setAfterAppend(std::function<bool()> hook) { m_afterAppend = std::move(hook); }

    // Uploads what task `taskId` still has to upload. A NO (folder gone, quota) or a
    // connection error is returned; rows and task stay for the next pass.
    net::Error upload(qint64 taskId, QJsonObject payload, int *uploaded = nullptr);

private:
    net::Error findCopy(const QByteArray &bytes, quint32 lower, quint32 *uid);

    ImapSession &m_session;
    store::Store &m_store;
    std::function<bool()> m_afterAppend;
};

} // namespace herald::imap
