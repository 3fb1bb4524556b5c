#pragma once

#include <QString>
#include <vector>

namespace herald::store {

class Database;
class SearchQuery;

// What SearchIndex::find() found: ids newest first, and how many messages of the scope the
// index has not caught up with yet (only when the query matches text through the index).
struct SearchResult
{
    std::vector<qint64> ids;
    qint64 notIndexed = 0;
    bool truncated = false; // more matched than the limit
};

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

    // The search box's query (SearchQuery): over folder `folderId`, or every folder when 0;
    // at most `limit` ids, newest first. Reads only; what is pending is not indexed here.
    SearchResult find(const SearchQuery &query, qint64 folderId, int limit = 10000);

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
