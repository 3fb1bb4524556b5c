#pragma once

#include "core/store/Records.h"

#include <optional>
#include <vector>

namespace herald::store {

class Database;

// What the cache holds for one account (what removing it deletes).
struct AccountContents
{
    qint64 messages = 0; // every cached message row, drafts and outbox included
    qint64 drafts = 0;   // rows flagged \Draft
    qint64 unsent = 0;   // outbox messages the server has not taken yet
};

class AccountRepository
{
public:
    explicit AccountRepository(Database &db) : m_db(db) {}

    // Inserts and returns the new id; throws SqliteError if the name is taken.
    qint64 add(const Account &account);
    void update(const Account &account);
    void remove(qint64 id);
    AccountContents contents(qint64 id);
    // The account and everything cached for it in one transaction: folders, messages, bodies
    // (their files are left to BodyRepository::removeDeletedFiles), search entries, tasks,
    // POP3 state. The caller removes the body files and the keychain entry afterwards.
    void removeWithContents(qint64 id);
    std::vector<Account> list();
    std::optional<Account> byId(qint64 id);
    std::optional<Account> byName(const QString &name);

private:
    Database &m_db;
};

} // namespace herald::store
