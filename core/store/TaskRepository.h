#pragma once

#include "core/store/Records.h"

#include <optional>
#include <vector>

namespace herald::store {

class Database;

// Durable queue of user actions (flag, move, delete, send …) waiting to be
// replayed against the server, in insertion order per account.
class TaskRepository
{
public:
    explicit TaskRepository(Database &db) : m_db(db) {}

    qint64 enqueue(qint64 accountId, const QString &kind, const QString &payloadJson);
    // Pending tasks that are due, oldest first.
    std::vector<Task> due(qint64 accountId, qint64 now);
    std::vector<Task> list(qint64 accountId = 0, const QString &kind = QString());
    std::optional<Task> byId(qint64 id);
    void setState(qint64 id, const QString &state, const QString &lastError = QString(),
                  qint64 nextAttemptAt = 0, bool countAttempt = false);
    void setPayload(qint64 id, const QString &payloadJson);
    void remove(qint64 id);

private:
    Database &m_db;
};

} // namespace herald::store
