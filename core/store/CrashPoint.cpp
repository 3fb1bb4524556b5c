#include "core/store/CrashPoint.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <sqlite3.h>
#include <unistd.h>

namespace herald::store {

namespace {

struct CrashConfig
{
    long after = 0;  // HERALD_CRASH_AFTER_COMMITS
    long before = 0; // HERALD_CRASH_BEFORE_COMMIT
    bool enabled() const { return after > 0 || before > 0; }
};

long envNumber(const char *name)
{
    const char *v = std::getenv(name);
    return v ? std::strtol(v, nullptr, 10) : 0;
}

const CrashConfig &config()
{
    static const CrashConfig c{envNumber("HERALD_CRASH_AFTER_COMMITS"),
                               envNumber("HERALD_CRASH_BEFORE_COMMIT")};
    return c;
}

std::atomic<long> g_commits{0};
// Per thread: the thread whose statement committed ends the process once that statement returned.
thread_local bool t_crashPending = false;

[[noreturn]] void crash(const char *when, long n)
{
    std::fprintf(stderr, "herald: crash point: exiting %s commit %ld\n", when, n);
    std::fflush(stderr);
    _exit(kCrashPointExitCode);
}

// Runs inside sqlite3_step/exec just before a transaction commits.
int onCommit(void *)
{
    const long n = ++g_commits;
    if (n == config().before)
        crash("before", n);
    if (n == config().after)
        t_crashPending = true; // once the statement has returned: the commit is then done
    return 0;
}

void reportUnreached()
{
    std::fprintf(stderr, "herald: crash point not reached: %ld commits\n", g_commits.load());
}

} // namespace

void installCrashPoint(sqlite3 *db)
{
    if (!config().enabled())
        return;
    static const bool registered = std::atexit(reportUnreached) == 0;
    (void)registered;
    sqlite3_commit_hook(db, onCommit, nullptr);
}

bool crashPointArmed()
{
    return config().enabled();
}

void crashIfCommitReached()
{
    if (t_crashPending)
        crash("after", config().after);
}

} // namespace herald::store
