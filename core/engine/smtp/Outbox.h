#pragma once
// The outbox: messages the user sent, kept in the cache until the server took them.
//
// enqueue() builds the bytes (core/mime) and stores them — a row in the account's local
// "Outbox" folder with its body, plus a task of kind "send" whose payload holds the envelope —
// in one transaction, before any network I/O. So a crash, a closed laptop or a server that is
// down never loses a message. OutboxSender (OutboxSender.h) works through the tasks.
//
// Task states of kind "send":
//   pending     waiting to be sent (next_attempt_at: not before; backoff after 4xx/network)
//   sending     claimed by a sender; next_attempt_at is the lease's end (a sender that dies
//               leaves it: after the lease the message is "maybe-sent", never resent silently)
//   sent        the server took it; the copy for the Sent folder is still to be saved
//   held        the server refused it for good (5xx): last_error has its words; needs the user
//   maybe-sent  the connection ended after the final dot, before the reply; needs the user
// A message leaves the outbox (task and row removed) once sent and its Sent copy saved.

#include "core/mime/MessageBuilder.h"
#include "core/store/Records.h"
#include "core/tasks/TaskKind.h"

#include <QJsonArray>
#include <QJsonObject>
#include <vector>

namespace herald::store {
class Store;
}

namespace herald::smtp {

inline const QString kSendTaskKind = tasks::kindName(tasks::TaskKind::Send);

struct OutboxEntry
{
    qint64 taskId = 0;
    qint64 accountId = 0;
    QString accountName;
    qint64 messageRowId = 0; // row in the local Outbox folder (bytes in bodies)
    QString state;
    int attempts = 0;
    qint64 nextAttemptAt = 0;
    QString lastError;
    QDateTime createdAt;
    QString messageId; // without <>
    QString subject;
    QString from;
    QStringList recipients; // envelope: To + Cc + Bcc
    QJsonArray outcome;     // per recipient, from the last attempt: {address, state, reply}
};

// Bytes ready to submit, with their envelope (a saved draft, see Drafts.h).
struct ReadyMessage
{
    QByteArray bytes;
    QString from;           // envelope sender
    QStringList recipients; // envelope: To + Cc + Bcc
    QString subject;
    QString messageId; // with or without <>
};

struct QueuedMessage
{
    qint64 taskId = 0;
    qint64 messageRowId = 0;
    QString messageId; // without <>
};

class Outbox
{
public:
    explicit Outbox(store::Store &store) : m_store(store) {}

    // Builds the draft's bytes and queues them. Without a From the account's address is used.
    // Throws std::runtime_error with a readable message (no recipients, unreadable attachment).
    QueuedMessage enqueue(const store::Account &account, mime::Draft draft,
                          bool requestDsn = false);
    // Queues bytes that are already built. Runs inside the caller's transaction when there is
    // one (a draft leaves the Drafts folder in the same transaction). Throws like enqueue().
    QueuedMessage enqueueBytes(const store::Account &account, const ReadyMessage &message,
                               bool requestDsn = false);
    // The envelope recipients of To + Cc + Bcc: each once (case-insensitive), in that order.
    // Throws std::runtime_error for an address without '@' or when there is none.
    static QStringList envelopeRecipients(const mime::Draft &draft);

    // Messages still in the outbox (every state), oldest first.
    std::vector<OutboxEntry> list(qint64 accountId = 0);
    std::optional<OutboxEntry> entry(qint64 taskId);
    // The user's decisions: try a pending message now, or send a held / maybe-sent one again.
    void retryNow(qint64 taskId);
    // Removes a message from the outbox without sending it.
    void discard(qint64 taskId);
    // Removes a sent message (task, row, bytes) once its Sent copy is saved.
    void finish(qint64 taskId);

    // The account's local Outbox folder, created when missing.
    qint64 outboxFolder(qint64 accountId);
    // Whether a folder row is an account's local Outbox (for the window's folder tree).
    static bool isOutboxFolder(const store::Folder &folder);

    static OutboxEntry fromTask(const store::Task &task);

private:
    store::Store &m_store;
};

} // namespace herald::smtp
