#pragma once
// Pop3State: the repository of the pop3_state table (schema version 2) - which messages of a
// POP3 account are safely in the cache, by remote key (UIDL or content hash), and since when.
// Rows are written in the same transaction as the message they describe, so "has a row" means
// "the message is committed to the cache" (or was, and the user deleted it since).

#include <QHash>
#include <QSet>
#include <QString>

namespace herald::store {

class Database;

class Pop3State
{
public:
    explicit Pop3State(Database &db) : m_db(db) {}

    // remote key -> first_seen (unix seconds)
    QHash<QString, qint64> known(qint64 accountId);
    // remote keys of the account's messages still in the cache (any folder)
    QSet<QString> cachedKeys(qint64 accountId);
    void add(qint64 accountId, const QString &key, qint64 firstSeen, qint64 size);
    // Forgets keys the server no longer lists.
    int forgetAllBut(qint64 accountId, const QSet<QString> &onServer);

private:
    Database &m_db;
};

} // namespace herald::store
