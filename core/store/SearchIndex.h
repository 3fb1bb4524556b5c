#pragma once

#include <QString>

#include <vector>

namespace herald::store {

class Database;

// Full-text index (FTS5, porter + unicode61) over subject, addresses and body
// text. Row ids are message ids.
//
// Writers do not index: they mark a message pending (in their own transaction), and
// sync::SearchIndexer, which can read MIME, indexes pending messages later in large batches.
// search() alone sees only what is indexed; callers go through SearchIndexer::search().
class SearchIndex
{
public:
    explicit SearchIndex(Database &db) : m_db(db) {}

    void index(qint64 messageId, const QString &subject, const QString &addresses,
               const QString &bodyText);
    void remove(qint64 messageId);
    // Words of the query must all match (prefix match on each word); best first.
    std::vector<qint64> search(const QString &query, qint64 accountId = 0, int limit = 500);

    // The message's entry is missing or stale (new message, body arrived, content replaced).
    void markPending(qint64 messageId);
    // Up to `limit` pending message ids, oldest mark first.
    std::vector<qint64> pending(int limit);
    void clearPending(qint64 messageId);
    qint64 pendingCount();

    // Turns user text into a safe FTS5 expression: every word quoted, prefix-matched.
    static QString toFtsQuery(const QString &userText);

private:
    Database &m_db;
};

} // namespace herald::store
