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

    // notBefore (seconds since the epoch): the task is held until then — the window in which
    // the user can still undo it (sync::LocalActions::holdTasksUntil).
    qint64 enqueue(qint64 accountId, const QString &kind, const QString &payloadJson,
                   qint64 notBefore = 0);
    // Pending tasks that are due, oldest first. A task still held (not_before > now) holds
    // every later task of the account too, so nothing overtakes a change that may be undone
    // (a flag change on a message whose move waits would find no UID yet).
    std::vector<Task> due(qint64 accountId, qint64 now);
    std::vector<Task> list(qint64 accountId = 0, const QString &kind = QString());
    std::optional<Task> byId(qint64 id);
    void setState(qint64 id, const QString &state, const QString &lastError = QString(),
                  qint64 nextAttemptAt = 0, bool countAttempt = false);
    void setPayload(qint64 id, const QString &payloadJson);
    // Marks a pending task running; false when it is no longer pending (withdrawn by an undo
    // since it was read), so a replay never sends what the user took back.
    bool claim(qint64 id);
    // Marks a pending task 'sending' until `until` (a lease; next_attempt_at holds it); false
    // when it is not pending. Atomic: of two senders on one profile only one gets the task.
    bool lease(qint64 id, qint64 until, qint64 now);
    void remove(qint64 id);

private:
    Database &m_db;
};

} // namespace herald::store
