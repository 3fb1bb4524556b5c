#pragma once

#include <QString>

#include <vector>

namespace herald::store {

class Database;

// Full-text index (FTS5, porter + unicode61) over subject, addresses and body
// text. Row ids are message ids.
class SearchIndex
{
public:
    explicit SearchIndex(Database &db) : m_db(db) {}

    void index(qint64 messageId, const QString &subject, const QString &addresses,
               const QString &bodyText);
    void remove(qint64 messageId);
    // Words of the query must all match (prefix match on each word); best first.
    std::vector<qint64> search(const QString &query, qint64 accountId = 0, int limit = 500);

    // Turns user text into a safe FTS5 expression: every word quoted, prefix-matched.
    static QString toFtsQuery(const QString &userText);

private:
    Database &m_db;
};

} // namespace herald::store
