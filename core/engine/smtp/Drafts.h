#pragma once
// Drafts: messages the user is still writing, kept like other mail — a row of the messages
// table with \Draft \Seen in the account's Drafts folder (the \Drafts special-use folder, else
// one named "Drafts", else a new "Drafts" row), so they list, show and search like any
// message. The draft's id is that row's id and stays the same when the draft is saved again.
//
// save() stores the bytes in the cache before any network I/O, in one transaction with, for an
// IMAP account, a task of kind "draft" that uploads them to the server's Drafts folder at the
// next sync (core/imap/DraftUploader.h: exactly once, APPEND with \Draft \Seen). Saving again
// replaces the row's content; the previous server copy is removed by an "expunge" task (UID
// STORE \Deleted + UID EXPUNGE of that UID only) queued after the new upload. POP3 accounts
// keep drafts in the cache only.
//
// The saved bytes carry the Bcc field (so a draft loses no recipient, on the server either);
// send() removes it: the draft's bytes, with fresh Date and Message-ID and without Bcc, go into
// the outbox (Outbox.h), and the draft leaves the cache and (by task) the server, all in one
// transaction.

#include "core/engine/smtp/Outbox.h"
#include "core/mime/MessageBuilder.h"
#include "core/store/Records.h"

#include <optional>
#include <vector>

namespace herald::store {
class Store;
}

namespace herald::smtp {

struct DraftInfo
{
    qint64 id = 0; // the message row's id
    qint64 accountId = 0;
    QString accountName;
    QString folder;
    QString messageId; // of the saved version, without <>
    QString subject;
    QString from;
    QString to, cc; // display form
    QDateTime date;
    // "local" (cache only: POP3), "pending" (upload waiting for the next sync) or "on-server".
    QString state;
    std::optional<qint64> uid;
};

class Drafts
{
public:
    explicit Drafts(store::Store &store) : m_store(store) {}

    // Saves `draft` as a new draft (draftId 0) or as the new content of draft `draftId`.
    // Without a From the account's address is used. Returns the draft's id. Throws
    // std::runtime_error with a readable message (unknown draft, unreadable attachment).
    qint64 save(const store::Account &account, mime::Draft draft, qint64 draftId = 0);
    // Drafts of one account (or all), newest first.
    std::vector<DraftInfo> list(qint64 accountId = 0);
    std::optional<DraftInfo> info(qint64 draftId);
    // Removes the draft from the cache and (by task) from the server.
    void remove(qint64 draftId);
    // Queues the draft in the outbox and removes it (see above). Throws when it has no
    // recipients.
    QueuedMessage send(const store::Account &account, qint64 draftId, bool requestDsn = false);

    // The account's Drafts folder in the cache (created as a placeholder when none is known).
    qint64 draftsFolder(const store::Account &account);
    // Whether the account's drafts go to a server (IMAP) or stay in the cache (POP3).
    static bool uploads(const store::Account &account);

private:
    store::MessageRow requireDraft(qint64 draftId, qint64 accountId = 0);
    void forgetOnServer(const store::MessageRow &row);
    DraftInfo toInfo(const store::MessageRow &row);

    store::Store &m_store;
};

} // namespace herald::smtp
