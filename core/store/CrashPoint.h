#pragma once
// Deterministic crash points for tests (after isync's journal tests), in place of a kill -9 at
// a random moment:
//   HERALD_CRASH_AFTER_COMMITS=N  the process ends (_exit(kCrashPointExitCode)) right after the
//                                 Nth write transaction of the process committed
//   HERALD_CRASH_BEFORE_COMMIT=N  the process ends just before the Nth commit (that
//                                 transaction is lost, as in a crash between BEGIN and COMMIT)
// Every commit counts, explicit (`Transaction`) or autocommit, on every connection of the
// process: SQLite's commit hook sees them all. The same program against the same server state
// commits in the same order, so one N always stops at the same point. When the run ends
// before the Nth commit, it says on stderr how many commits it made (a test learns the range
// of N from one run with a large N). Unset (the normal case): no hook, no cost.

struct sqlite3;

namespace herald::store {

constexpr int kCrashPointExitCode = 86;

// Called by Database for each connection it opens.
void installCrashPoint(sqlite3 *db);
// Called after a statement returned (Database::exec, Statement::step): ends the process if
// the statement was the Nth commit of HERALD_CRASH_AFTER_COMMITS.
void crashIfCommitReached();
// True when a crash point is set: store::ShortTransactions then cuts by rows only, not by time,
// so the Nth commit holds the same rows in every run.
bool crashPointArmed();

} // namespace herald::store
