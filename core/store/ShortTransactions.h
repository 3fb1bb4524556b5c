#pragma once
// store::ShortTransactions: a long write cut into short transactions (issue 14: cache writes
// never make another writer wait long).

#include "core/store/Sqlite.h"

#include <QElapsedTimer>
#include <memory>

namespace herald::store {

// A long write cut into short transactions: begins one at once, and commits and begins anew,
// at a point the caller chooses (rowDone(), between two rows), as soon as another writer of
// this process waits for the lock (after at least 1 ms of work), and in any case once it has
// held the lock for `budgetMs` (writers of other processes are not seen waiting). Every row
// is whole in the transaction that wrote it, so a crash loses at most the rows since the last
// cut; a caller that writes state vouching for the rows (a folder's UIDNEXT) writes it after
// finish().
class ShortTransactions
{
public:
    static constexpr int kDefaultBudgetMs = 50;
    static constexpr qint64 kYieldNs = 1'000'000;
    explicit ShortTransactions(Database &db, int budgetMs = kDefaultBudgetMs);
    ~ShortTransactions(); // rolls back the rows since the last cut, unless finish() ran
    ShortTransactions(const ShortTransactions &) = delete;
    ShortTransactions &operator=(const ShortTransactions &) = delete;
    // Between two rows: commits and begins a new transaction when a writer waits or this
    // one is over budget.
    void rowDone();
    void finish();

private:
    Database &m_db;
    const qint64 m_budgetNs;
    std::unique_ptr<Transaction> m_tx;
    QElapsedTimer m_held;
};

} // namespace herald::store
