#include "core/store/ShortTransactions.h"

#include "core/store/CrashPoint.h"
#include "core/store/TransactionStats.h"

namespace herald::store {

ShortTransactions::ShortTransactions(Database &db, int budgetMs)
    : m_db(db), m_budgetNs(qint64(budgetMs) * 1'000'000), m_tx(std::make_unique<Transaction>(db))
{
    m_held.start();
}

ShortTransactions::~ShortTransactions() = default;

void ShortTransactions::rowDone()
{
    if (!m_tx)
        return;
    // Cut at once for a writer of this process that waits (the window's mark-read), else
    // only past the budget: every commit rewrites the pages the rows share (indexes, FTS
    // pending), and cutting every 10 ms regardless made a header pass twice as slow.
    // Under a crash point (tests) the cuts would make the Nth commit depend on timing: none.
    static const bool deterministic = crashPointArmed();
    if (deterministic)
        return;
    const qint64 held = m_held.nsecsElapsed();
    if (held < m_budgetNs && (held < kYieldNs || writersWaiting() == 0))
        return;
    m_tx->commit();
    m_tx = std::make_unique<Transaction>(m_db); // (lets waiting writers go first)
    m_held.start();
}

void ShortTransactions::finish()
{
    if (m_tx)
        m_tx->commit();
    m_tx.reset();
}

} // namespace herald::store
