#include "core/store/SearchIndex.h"

#include "core/store/SearchQuery.h"
#include "core/store/Sqlite.h"

#include <QRegularExpression>
#include <QStringList>
#include <variant>

namespace herald::store {

void SearchIndex::index(qint64 messageId, const QString &subject, const QString &addresses,
                        const QString &bodyText)
{
    remove(messageId);
    Statement st(m_db,
                 "INSERT INTO message_fts (rowid, subject, addresses, body) VALUES (?,?,?,?)");
    st.bind(1, messageId).bind(2, subject).bind(3, addresses).bind(4, bodyText);
    st.exec();
}

void SearchIndex::remove(qint64 messageId)
{
    Statement st(m_db, "DELETE FROM message_fts WHERE rowid=?");
    st.bind(1, messageId).exec();
}

void SearchIndex::markPending(qint64 messageId)
{
    Statement st(m_db, "INSERT OR IGNORE INTO search_pending (message_id) VALUES (?)");
    st.bind(1, messageId).exec();
}

std::vector<qint64> SearchIndex::pending(int limit)
{
    std::vector<qint64> ids;
    Statement st(m_db, "SELECT message_id FROM search_pending ORDER BY message_id LIMIT ?");
    st.bind(1, qint64(limit));
    while (st.step())
        ids.push_back(st.int64(0));
    return ids;
}

void SearchIndex::clearPending(qint64 messageId)
{
    Statement st(m_db, "DELETE FROM search_pending WHERE message_id=?");
    st.bind(1, messageId).exec();
}

qint64 SearchIndex::pendingCount()
{
    Statement st(m_db, "SELECT count(*) FROM search_pending");
    return st.step() ? st.int64(0) : 0;
}

QString SearchIndex::toFtsQuery(const QString &userText)
{
    static const QRegularExpression separators(QStringLiteral("[\\s\"]+"));
    QStringList terms;
    for (const QString &word : userText.split(separators, Qt::SkipEmptyParts))
        terms << QLatin1Char('"') + word + QStringLiteral("\"*");
    return terms.join(QLatin1Char(' '));
}

std::vector<qint64> SearchIndex::search(const QString &query, qint64 accountId, int limit)
{
    std::vector<qint64> ids;
    const QString fts = toFtsQuery(query);
    if (fts.isEmpty())
        return ids;
    Statement st(m_db, "SELECT m.id FROM message_fts JOIN messages m ON m.id = message_fts.rowid "
                       "WHERE message_fts MATCH ?1 AND (?2 = 0 OR m.account_id = ?2) "
                       "ORDER BY bm25(message_fts), m.date DESC LIMIT ?3");
    st.bind(1, fts).bind(2, accountId).bind(3, qint64(limit));
    while (st.step())
        ids.push_back(st.int64(0));
    return ids;
}

namespace {
void bindAll(Statement &st, const std::vector<SearchQuery::Value> &values)
{
    for (size_t i = 0; i < values.size(); ++i) {
        if (const auto *n = std::get_if<qint64>(&values[i]))
            st.bind(int(i) + 1, *n);
        else
            st.bind(int(i) + 1, std::get<QString>(values[i]));
    }
}
} // namespace

SearchResult SearchIndex::find(const SearchQuery &query, qint64 folderId, int limit)
{
    SearchResult result;
    if (query.isEmpty())
        return result;
    const SearchQuery::Sql sql = query.toSql(folderId, limit + 1);
    Statement st(m_db, sql.text.c_str());
    bindAll(st, sql.values);
    while (st.step())
        result.ids.push_back(st.int64(0));
    if (int(result.ids.size()) > limit) {
        result.ids.pop_back();
        result.truncated = true;
    }
    if (query.usesIndex()) {
        const SearchQuery::Sql count = query.notIndexedSql(folderId);
        Statement c(m_db, count.text.c_str());
        bindAll(c, count.values);
        result.notIndexed = c.step() ? c.int64(0) : 0;
    }
    return result;
}

} // namespace herald::store
