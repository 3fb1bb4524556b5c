#include "core/store/ShortTransactions.h"

namespace herald::store {

ShortTransactions::ShortTransactions(Database &db, int budgetMs)
    : m_db(db), m_budgetNs(qint64(budgetMs) * 1'000'000),
      m_tx(std::make_unique<Transaction>(db))
{
    m_held.start();
}

ShortTransactions::~ShortTransactions() = default;

void ShortTransactions::rowDone()
{
    if (!m_tx || m_held.nsecsElapsed() < m_budgetNs)
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
