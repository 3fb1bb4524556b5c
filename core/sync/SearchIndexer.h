#pragma once
// SearchIndexer: brings the full-text index up to date with the cache.
//
// Engines only mark a message pending (store::SearchIndex::markPending, inside the message's
// own transaction): tokenising ~20 KB of body text per message was half of the CPU of an
// initial sync. This indexes the pending messages later, in large transactions — subject and
// addresses from the message row, body text from the cached bytes — before a search (search()
// does it first, so results are always complete) and when idle (the window's ui/IndexWorker,
// also while a sync runs; `herald-cli index`, `watch` between events). A crash in the middle leaves
// the rest pending; nothing is lost and nothing is indexed twice.

#include <QString>
#include <functional>
#include <vector>

namespace herald::store {
class Store;
}

namespace herald::sync {

class SearchIndexer
{
public:
    explicit SearchIndexer(store::Store &store) : m_store(store) {}

    // Indexes pending messages until none is left, `limit` (< 0: no limit) are done, or
    // `keepGoing` returns false between batches. Returns how many were indexed.
    int run(int limit = -1, const std::function<bool()> &keepGoing = {});
    qint64 pendingCount();

    // Full-text search over the cache (store::SearchIndex::search), after indexing what is
    // pending so that every cached message can be found.
    std::vector<qint64> search(const QString &query, qint64 accountId = 0, int limit = 500);

private:
    store::Store &m_store;
};

} // namespace herald::sync
