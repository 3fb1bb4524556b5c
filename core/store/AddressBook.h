#pragma once
// Addresses the user has corresponded with, read from the cache for completion in the compose
// window: the senders of every cached message and the recipients (To, Cc) of the messages in
// the Sent folders, each counted once per message, most used first.
//
// One pass over the messages table without a schema change (no new index the sync would have
// to keep up): on 100,000 messages it takes well under a second (tst_address_book measures
// it), so callers run it once per compose session on a worker thread and filter in memory.

#include <QString>
#include <vector>

namespace herald::store {

class Database;

struct AddressUse
{
    QString name;  // a display name seen with the address, or empty
    QString email; // as first seen (case kept); compared case-insensitively
    int count = 0; // messages it appeared in
};

class AddressBook
{
public:
    explicit AddressBook(Database &db) : m_db(db) {}

    // At most `limit` addresses, most used first (ties: by address).
    std::vector<AddressUse> mostUsed(int limit = 5000);

private:
    Database &m_db;
};

} // namespace herald::store
