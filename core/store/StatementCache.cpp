#include "core/store/StatementCache.h"

#include <sqlite3.h>

namespace herald::store {

StatementCache::~StatementCache()
{
    clear();
}

sqlite3_stmt *StatementCache::take(const std::string &sql)
{
    const auto it = m_idle.find(sql);
    if (it == m_idle.end())
        return nullptr;
    sqlite3_stmt *stmt = it->second;
    m_idle.erase(it);
    return stmt;
}

void StatementCache::give(const std::string &sql, sqlite3_stmt *stmt)
{
    // Reset ends any read in progress, as finalize did, so no lock outlives the Statement.
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    if (m_idle.size() >= kMaxEntries || !m_idle.emplace(sql, stmt).second)
        sqlite3_finalize(stmt);
}

void StatementCache::clear()
{
    for (auto &entry : m_idle)
        sqlite3_finalize(entry.second);
    m_idle.clear();
}

} // namespace herald::store
