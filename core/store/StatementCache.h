#pragma once
// StatementCache: idle prepared statements of one connection, keyed by their SQL text.
//
// Preparing is most of the cost of a small statement (measured: a third of the CPU of a
// headers-only sync went to sqlite3_prepare_v2). Statement takes a prepared statement from
// here and gives it back, reset and unbound, when it is destroyed, so repository code keeps
// its simple "Statement st(db, SQL)" shape and still prepares each SQL text once. A second
// Statement with the same SQL alive at the same time simply prepares its own.

#include <string>
#include <unordered_map>

struct sqlite3_stmt;

namespace herald::store {

class StatementCache
{
public:
    StatementCache() = default;
    ~StatementCache();
    StatementCache(const StatementCache &) = delete;
    StatementCache &operator=(const StatementCache &) = delete;

    // An idle statement for `sql`, or nullptr (the caller prepares one).
    sqlite3_stmt *take(const std::string &sql);
    // Resets and keeps `stmt` for the next user of `sql`; finalizes it when full.
    void give(const std::string &sql, sqlite3_stmt *stmt);
    // Finalizes everything (before the connection closes).
    void clear();

private:
    static constexpr size_t kMaxEntries = 128; // dynamic SQL is a handful of shapes
    std::unordered_map<std::string, sqlite3_stmt *> m_idle;
};

} // namespace herald::store
