#include "core/store/ThreadRepository.h"

#include "core/store/Sqlite.h"
#include "core/store/Threading.h"

#include <string>

namespace herald::store {

namespace {
// The keys of one account in thread_keys, and the merge of two threads in rows and keys.
class SqlThreadIndex : public ThreadIndex
{
public:
    SqlThreadIndex(Database &db, qint64 accountId) : m_db(db), m_accountId(accountId) {}

    std::optional<qint64> threadOfKey(const QString &key) override
    {
        Statement st(m_db, "SELECT thread_id FROM thread_keys WHERE account_id=? AND key=?");
        st.bind(1, m_accountId).bind(2, key);
        return st.step() ? std::optional<qint64>(st.int64(0)) : std::nullopt;
    }
    void setKey(const QString &key, qint64 threadId) override
    {
        Statement st(m_db,
                     "INSERT INTO thread_keys (account_id, key, thread_id) VALUES (?,?,?) "
                     "ON CONFLICT (account_id, key) DO UPDATE SET thread_id=excluded.thread_id "
                     "WHERE thread_id<>excluded.thread_id");
        st.bind(1, m_accountId).bind(2, key).bind(3, threadId);
        st.exec();
    }
    void mergeThreads(qint64 from, qint64 into) override
    {
        Statement rows(m_db, "UPDATE messages SET thread_id=? WHERE thread_id=?");
        rows.bind(1, into).bind(2, from);
        rows.exec();
        Statement keys(m_db, "UPDATE thread_keys SET thread_id=? WHERE thread_id=?");
        keys.bind(1, into).bind(2, from);
        keys.exec();
    }

private:
    Database &m_db;
    qint64 m_accountId;
};

void storeThread(Database &db, qint64 rowId, qint64 threadId)
{
    Statement st(db, "UPDATE messages SET thread_id=? WHERE id=?");
    st.bind(1, threadId).bind(2, rowId);
    st.exec();
}
} // namespace

qint64 ThreadRepository::assign(qint64 rowId, qint64 accountId, const QString &messageId,
                                const QStringList &parents, const QString &subject)
{
    SqlThreadIndex index(m_db, accountId);
    const qint64 thread = Threader(index).add({rowId, messageId, parents, subject});
    storeThread(m_db, rowId, thread);
    return thread;
}

int ThreadRepository::assignPending(int limit)
{
    struct Pending
    {
        qint64 id, accountId;
        QString messageId, inReplyTo, subject;
    };
    std::vector<Pending> rows;
    {
        Statement st(m_db, "SELECT id, account_id, message_id, in_reply_to, subject FROM messages "
                           "INDEXED BY messages_thread_pending WHERE thread_id IS NULL "
                           "ORDER BY id LIMIT ?");
        st.bind(1, qint64(limit));
        while (st.step())
            rows.push_back({st.int64(0), st.int64(1), st.text(2), st.text(3), st.text(4)});
    }
    if (rows.empty())
        return 0;
    Transaction tx(m_db);
    for (const Pending &p : rows)
        assign(p.id, p.accountId, p.messageId,
               p.inReplyTo.isEmpty() ? QStringList() : QStringList{p.inReplyTo}, p.subject);
    tx.commit();
    return int(rows.size());
}

int ThreadRepository::pendingCount()
{
    Statement st(m_db, "SELECT count(*) FROM messages INDEXED BY messages_thread_pending "
                       "WHERE thread_id IS NULL");
    return st.step() ? int(st.int64(0)) : 0;
}

std::vector<qint64> ThreadRepository::messageIds(qint64 threadId)
{
    Statement st(m_db, "SELECT id FROM messages WHERE thread_id=? ORDER BY date, id");
    st.bind(1, threadId);
    std::vector<qint64> ids;
    while (st.step())
        ids.push_back(st.int64(0));
    return ids;
}

std::vector<ThreadSummary> ThreadRepository::summaries(const std::vector<qint64> &threadIds)
{
    std::vector<ThreadSummary> out;
    out.reserve(threadIds.size());
    Statement st(m_db, "SELECT count(*), coalesce(sum((flags & 1) = 0), 0) FROM messages "
                       "WHERE thread_id=?");
    for (const qint64 thread : threadIds) {
        st.bind(1, thread);
        ThreadSummary s;
        s.threadId = thread;
        if (st.step()) {
            s.count = int(st.int64(0));
            s.unread = int(st.int64(1));
        }
        st.reset();
        out.push_back(s);
    }
    return out;
}

} // namespace herald::store
