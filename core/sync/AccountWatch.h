#pragma once
// One IMAP account kept current while a front end runs (`herald-cli watch`, the window's
// ui/InboxWatchers): the engine's MailboxWatcher (IDLE on a folder, local changes sent within
// a quarter second, every folder at start and every 15 minutes), the sender checks of new
// mail on a thread of their own (VerdictWorker: IDLE never waits for DNS) and, where the front
// end has no indexer of its own, the search index (SearchIndexer). Both front ends are wiring
// around this: which account, where the words go, how to stop.
//
// Blocking: run() returns after stop(). Construct, set the hooks, run() on the thread that
// owns `store`. stop() and requestFullPass() are thread-safe; stop() is only an atomic store,
// so a signal handler may call it.

#include "core/engine/imap/MailboxWatcher.h"
#include "core/store/Records.h"
#include "core/sync/VerdictWorker.h"

#include <QString>
#include <functional>

namespace herald::store {
class Store;
}

namespace herald::sync {

class AccountWatch
{
public:
    struct Options
    {
        imap::MailboxWatcher::Options watcher;
        QString nameserver; // for the sender checks ("" = the system's resolvers)
        // Index new mail for search right after it arrives, on this thread. Off where the
        // front end indexes on a thread of its own (the window's ui/IndexWorker).
        bool indexSearch = true;
    };

    AccountWatch(store::Store &store, const store::Account &account, Options options);

    // What the watcher says (one line each), on this thread.
    void setReport(imap::MailboxWatcher::Report report);
    void setStateReport(imap::MailboxWatcher::StateReport report);
    void setCountReport(imap::CountReport report);
    // The sender checks' progress lines, on the verdict thread.
    void setVerdictProgress(std::function<void(const QString &)> progress);
    // After anything reached the cache (a pass, new mail, flags, expunges, tasks sent, sender
    // verdicts), on the thread that wrote it (this one or the verdict thread). The rows
    // themselves: store::ChangeFeed.
    void setAfterChange(std::function<void()> hook);

    void run();
    void stop() { m_watcher.stop(); }
    void requestFullPass() { m_watcher.requestFullPass(); }

private:
    store::Store &m_store;
    Options m_options;
    std::function<void()> m_afterChange;
    VerdictWorker m_verdicts;
    imap::MailboxWatcher m_watcher;
};

} // namespace herald::sync
