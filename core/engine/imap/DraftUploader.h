#pragma once
// DraftUploader: the server side of a saved draft (the local side is core/smtp/Drafts.h).
// A task of kind "draft" — {"message": row id, "message_id": the saved version's Message-ID,
// "folder": the Drafts folder it was saved in} — is replayed by TaskReplayer through here:
//  1. the row must still be that version of a draft without a UID; when it is not (saved
//     again, sent or deleted since), any server copy of that version — found by its
//     Message-ID, e.g. appended by a pass killed before it recorded the UID — is removed
//     (UID STORE \Deleted + UID EXPUNGE of those UIDs only) and the task is done;
//  2. the server's Drafts folder: the one with the \Drafts special use, else one named
//     "Drafts", else CREATE "Drafts" (USE (\Drafts) when CREATE-SPECIAL-USE is offered);
//     the row moves there in the cache if it was saved elsewhere (a placeholder folder);
//  3. exactly once: UID SEARCH HEADER Message-ID first — a copy appended by a pass that died
//     before it could record the UID is found, not appended again (every saved version has
//     its own Message-ID); otherwise APPEND with (\Draft \Seen);
//  4. the UID (APPENDUID, else the search again) goes into the row, so the folder's sync knows
//     the copy and does not fetch it as a new message.
// The copy of the previous version is removed by the "expunge" task queued after this one
// (UID STORE \Deleted + UID EXPUNGE of that UID only), so the server never holds no copy.
// A draft the server refuses (quota, too large) stays in the cache, and its task stays with
// the server's words, tried again later (TaskReplayer); refusedDrafts() is what the window says.

#include "core/imap/ImapSession.h"
#include "core/store/Records.h"
#include "core/tasks/TaskKind.h"

#include <QJsonObject>

namespace herald::store {
class Store;
} // namespace herald::store

namespace herald::imap {

inline const QString kDraftTaskKind = tasks::kindName(tasks::TaskKind::Draft);

struct DraftRefusals
{
    int count = 0; // drafts the server refused, waiting to be tried again
    QString words; // the server's words for the latest of them
};
// Of one account, or of every account (0). A draft that waits for the network is not counted:
// only a refusal sets a time to try again (TaskReplayer), a lost connection does not.
DraftRefusals refusedDrafts(store::Store &store, qint64 accountId = 0);

class DraftUploader
{
public:
    DraftUploader(ImapSession &session, store::Store &store, qint64 accountId)
        : m_session(session), m_store(store), m_accountId(accountId)
    {
    }

    // Replays a draft task (see above). *drop: the draft's bytes are missing (logged).
    // Returns the server's refusal (CommandFailed) or a connection error.
    net::Error upload(const QJsonObject &payload, bool *drop);
    // The server's Drafts folder, created when missing, and its row in the cache.
    net::Error ensureDraftsFolder(store::Folder *folder);

private:
    net::Error findByMessageId(const QString &messageId, UidSet *uids);
    net::Error removeStaleCopies(const QString &folder, const QString &messageId);

    ImapSession &m_session;
    store::Store &m_store;
    qint64 m_accountId;
};

} // namespace herald::imap
