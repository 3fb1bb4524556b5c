#pragma once

#include "core/store/Records.h"

#include <optional>
#include <vector>

namespace herald::store {

class Database;

class AccountRepository
{
public:
    explicit AccountRepository(Database &db) : m_db(db) {}

    // Inserts and returns the new id; throws SqliteError if the name is taken.
    qint64 add(const Account &account);
    void update(const Account &account);
    void remove(qint64 id);
    std::vector<Account> list();
    std::optional<Account> byId(qint64 id);
    std::optional<Account> byName(const QString &name);

private:
    Database &m_db;
};

} // namespace herald::store
