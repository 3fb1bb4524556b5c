#pragma once
// The cache schema as an ordered list of migrations. The database's
// PRAGMA user_version says how many have been applied. A released migration is
// never edited: a change to the schema is a new migration appended at the end.

#include <vector>

namespace herald::store {

class Database;

struct Migration
{
    int version;     // user_version after this migration ran
    const char *sql; // one or more statements, run in one transaction
};

const std::vector<Migration> &migrations();
int latestSchemaVersion();

// Brings the database up to `target` (default: latest). Throws SqliteError if the
// file is newer than this build knows (a downgrade would lose data).
void migrate(Database &db, int target = -1);

} // namespace herald::store
