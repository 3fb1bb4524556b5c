#pragma once
// What a user does to a message, applied to the cache at once and recorded as a
// task for the server (Mailspring's performLocal / performRemote split). The UI
// and the CLI call these; engines replay the tasks when the account is online.
// Works offline; survives restarts (tasks are rows in the cache).

#include "core/store/Records.h"

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
    // Moves into another folder of the same account (by full name).
    void move(qint64 messageId, const QString &destinationFolder);
    // Copies into a folder of the same account (by full name); returns the copy's id. The
    // copy has no UID until the server names it (COPYUID) or the next sync brings it.
    qint64 copy(qint64 messageId, const QString &destinationFolder);
    // Moves to the account's Trash; deletes for good when already in Trash or when
    // the account has none.
    void remove(qint64 messageId);

private:
    // The destination folder of a move or copy; throws a readable error when it cannot be one.
    store::Folder destination(const store::MessageRow &row, const QString &name);

    store::Store &m_store;
};

} // namespace herald::sync
