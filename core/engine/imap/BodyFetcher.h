#pragma once
// Downloads the bodies of chosen messages now: the user opened a message whose body the
// account's policy (SyncPolicy: bodies none / last N days / size cap) left on the server.
// One session, EXAMINE (never SELECT: nothing may change on the server), UID FETCH
// BODY.PEEK[] (never sets \Seen), the bytes into the cache through MessageIngest.

#include "core/net/Error.h"
#include "core/store/Records.h"

#include <vector>

namespace herald::store {
class Store;
}

namespace herald::imap {

class BodyFetcher
{
public:
    BodyFetcher(store::Store &store, store::Account account)
        : m_store(store), m_account(std::move(account))
    {
    }

    // Fetches the bodies of these messages (ids of this account's IMAP messages) that are not
    // in the cache yet. `fetched` counts the bodies stored. A message gone from the server is
    // not an error: it is simply not fetched.
    net::Error fetch(const std::vector<qint64> &messageIds, int *fetched = nullptr);

private:
    net::Error fetchNow(const std::vector<qint64> &messageIds, int *fetched);

    store::Store &m_store;
    store::Account m_account;
};

} // namespace herald::imap
