#include "core/store/TaskRepository.h"

#include "core/store/Sqlite.h"

#include <string>

namespace herald::store {

namespace {
constexpr const char *kSelect = "SELECT id, account_id, kind, payload, state, attempts, "
                                "next_attempt_at, last_error, created_at, not_before FROM tasks ";

std::vector<Task> readAll(Statement &st)
{
    std::vector<Task> out;
    while (st.step()) {
        Task t;
        t.id = st.int64(0);
        t.accountId = st.int64(1);
        t.kind = st.text(2);
        t.payloadJson = st.text(3);
        t.state = st.text(4);
        t.attempts = int(st.int64(5));
        t.nextAttemptAt = st.int64(6);
        t.lastError = st.text(7);
        t.createdAt = QDateTime::fromSecsSinceEpoch(st.int64(8), Qt::UTC);
        t.notBefore = st.int64(9);
        out.push_back(t);
    }
    return out;
}
} // namespace

qint64 TaskRepository::enqueue(qint64 accountId, const QString &kind, const QString &payloadJson,
                               qint64 notBefore)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    Statement st(m_db, "INSERT INTO tasks (account_id, kind, payload, state, created_at, "
                       "updated_at, not_before) VALUES (?,?,?,'pending',?,?,?)");
    st.bind(1, accountId).bind(2, kind).bind(3, payloadJson).bind(4, now).bind(5, now);
    st.bind(6, notBefore).exec();
    return m_db.lastInsertId();
}

std::vector<Task> TaskRepository::due(qint64 accountId, qint64 now)
{
    Statement st(m_db, (std::string(kSelect) +
                        "WHERE account_id=?1 AND state='pending' AND next_attempt_at<=?2 AND "
                        "id < IFNULL((SELECT MIN(id) FROM tasks WHERE account_id=?1 AND "
                        "state='pending' AND not_before>?2), 9e18) ORDER BY id")
                           .c_str());
    st.bind(1, accountId).bind(2, now);
    return readAll(st);
}

std::vector<Task> TaskRepository::list(qint64 accountId, const QString &kind)
{
    Statement st(m_db, (std::string(kSelect) + "WHERE (?1 = 0 OR account_id=?1) AND "
                                               "(?2 IS NULL OR kind=?2) ORDER BY id")
                           .c_str());
    st.bind(1, accountId).bind(2, kind);
    return readAll(st);
}

std::optional<Task> TaskRepository::byId(qint64 id)
{
    Statement st(m_db, (std::string(kSelect) + "WHERE id=?").c_str());
    st.bind(1, id);
    auto all = readAll(st);
    return all.empty() ? std::nullopt : std::optional<Task>(all.front());
}

void TaskRepository::setState(qint64 id, const QString &state, const QString &lastError,
                              qint64 nextAttemptAt, bool countAttempt)
{
    Statement st(m_db, "UPDATE tasks SET state=?, last_error=?, next_attempt_at=?, "
                       "attempts=attempts+?, updated_at=? WHERE id=?");
    st.bind(1, state).bind(2, lastError).bind(3, nextAttemptAt).bind(4, countAttempt ? 1 : 0);
    st.bind(5, QDateTime::currentSecsSinceEpoch()).bind(6, id).exec();
}

void TaskRepository::setPayload(qint64 id, const QString &payloadJson)
{
    Statement st(m_db, "UPDATE tasks SET payload=?, updated_at=? WHERE id=?");
    st.bind(1, payloadJson).bind(2, QDateTime::currentSecsSinceEpoch()).bind(3, id).exec();
}

bool TaskRepository::claim(qint64 id)
{
    Statement st(m_db, "UPDATE tasks SET state='running', updated_at=? WHERE id=? AND "
                       "state='pending'");
    st.bind(1, QDateTime::currentSecsSinceEpoch()).bind(2, id).exec();
    return m_db.changes() == 1;
}

bool TaskRepository::lease(qint64 id, qint64 until, qint64 now)
{
    Statement st(m_db, "UPDATE tasks SET state='sending', next_attempt_at=?, updated_at=? "
                       "WHERE id=? AND state='pending'");
    st.bind(1, until).bind(2, now).bind(3, id).exec();
    return m_db.changes() == 1;
}

void TaskRepository::remove(qint64 id)
{
    Statement st(m_db, "DELETE FROM tasks WHERE id=?");
    st.bind(1, id).exec();
}

} // namespace herald::store
