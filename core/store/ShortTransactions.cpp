#include "core/store/ShortTransactions.h"

#include <chrono>

namespace herald::store {

namespace {
qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}
} // namespace

ShortTransactions::ShortTransactions(Database &db, int budgetMs)
    : m_db(db), m_budgetNs(qint64(budgetMs) * 1'000'000),
      m_tx(std::make_unique<Transaction>(db)), m_beganNs(nowNs())
{
}

ShortTransactions::~ShortTransactions() = default;

void ShortTransactions::rowDone()
{
    if (!m_tx || nowNs() - m_beganNs < m_budgetNs)
        return;
    m_tx->commit();
    m_tx = std::make_unique<Transaction>(m_db); // (lets waiting writers go first)
    m_beganNs = nowNs();
}

void ShortTransactions::finish()
{
    if (m_tx)
        m_tx->commit();
    m_tx.reset();
}

} // namespace herald::store
