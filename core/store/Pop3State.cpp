#include "core/store/Pop3State.h"

#include "core/store/Sqlite.h"

namespace herald::store {

QHash<QString, qint64> Pop3State::known(qint64 accountId)
{
    QHash<QString, qint64> out;
    Statement st(m_db, "SELECT remote_key, first_seen FROM pop3_state WHERE account_id=?");
    st.bind(1, accountId);
    while (st.step())
        out.insert(st.text(0), st.int64(1));
    return out;
}

QSet<QString> Pop3State::cachedKeys(qint64 accountId)
{
    QSet<QString> out;
    Statement st(m_db, "SELECT remote_key FROM messages WHERE account_id=? AND "
                       "remote_key IS NOT NULL");
    st.bind(1, accountId);
    while (st.step())
        out.insert(st.text(0));
    return out;
}

void Pop3State::add(qint64 accountId, const QString &key, qint64 firstSeen, qint64 size)
{
    Statement st(m_db, "INSERT OR IGNORE INTO pop3_state (account_id, remote_key, "
                       "first_seen, size) VALUES (?,?,?,?)");
    st.bind(1, accountId).bind(2, key).bind(3, firstSeen).bind(4, size).exec();
}

int Pop3State::forgetAllBut(qint64 accountId, const QSet<QString> &onServer)
{
    int removed = 0;
    Statement del(m_db, "DELETE FROM pop3_state WHERE account_id=? AND remote_key=?");
    const auto all = known(accountId);
    for (auto it = all.cbegin(); it != all.cend(); ++it) {
        if (onServer.contains(it.key()))
            continue;
        del.bind(1, accountId).bind(2, it.key()).exec();
        del.reset();
        ++removed;
    }
    return removed;
}

} // namespace herald::store
