#pragma once
// How long write transactions of this process held the write lock (BEGIN IMMEDIATE to
// COMMIT/ROLLBACK) and waited for it: what another writer (the window's mark-read) may wait.
// Counted always (two clock reads per transaction, in Sqlite.cpp); with HERALD_TX_TRACE=1 in
// the environment the totals go to stderr when the process ends.

#include <QtGlobal>

namespace herald::store {

struct TransactionStats
{
    qint64 count = 0;
    double longestHoldMs = 0;
    double totalHoldMs = 0;
    double longestWaitMs = 0; // for the lock, inside BEGIN IMMEDIATE
};
TransactionStats transactionStats();
void resetTransactionStats();
// Connections of this process waiting for the write lock right now (ShortTransactions asks).
int writersWaiting();

} // namespace herald::store
