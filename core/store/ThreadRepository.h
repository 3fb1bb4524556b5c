#pragma once
// Conversations in the cache: each message row carries a thread_id (store/Threading.h decides
// it), and thread_keys maps an account's Message-IDs and normalized subjects to thread ids, so
// a message that arrives later joins (or links) its conversation with a few indexed lookups.
// Threads span the folders of one account: a reply in Sent is in its conversation.

#include <QString>
#include <QStringList>
#include <vector>

namespace herald::store {

class Database;

struct ThreadSummary
{
    qint64 threadId = 0;
    int count = 0; // messages of the conversation, every folder of the account
    int unread = 0;
};

class ThreadRepository
{
public:
    explicit ThreadRepository(Database &db) : m_db(db) {}

    // Threads message `rowId` (already inserted) and stores its thread id; `parents` are its
    // References and In-Reply-To ids. Returns the thread id. Runs in the caller's transaction.
    qint64 assign(qint64 rowId, qint64 accountId, const QString &messageId,
                  const QStringList &parents, const QString &subject);
    // Threads rows that have no thread yet (a cache from before conversations, rows written
    // elsewhere than MessageIngest) from the columns the row has (Message-ID, In-Reply-To,
    // subject), oldest first, at most `limit`; returns how many.
    int assignPending(int limit = 5000);
    int pendingCount();

    // The conversation's messages, oldest first (date, then id).
    std::vector<qint64> messageIds(qint64 threadId);
    std::vector<ThreadSummary> summaries(const std::vector<qint64> &threadIds);

private:
    Database &m_db;
};

} // namespace herald::store
