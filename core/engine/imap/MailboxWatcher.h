#pragma once
// MailboxWatcher: stays connected and keeps the INBOX in the cache current as
// other devices change it (new mail, flags, expunges), and sends local changes
// (tasks) as they are made. IMAP IDLE where the server has it, NOOP polling
// otherwise. One full pass of every folder at start and every `fullPassInterval`.
// Reconnects with exponential backoff (1 s … 5 min) after a network error.

#include "core/engine/imap/AccountSync.h"

#include <QString>
#include <atomic>
#include <functional>

namespace herald::imap {

class MailboxWatcher
{
public:
    struct Options
    {
        QString folder = QStringLiteral("INBOX");
        int pollMs = 2000;                  // NOOP interval without IDLE
        int taskCheckMs = 250;              // how often IDLE looks for local changes to send
        int idleRestartMs = 25 * 60 * 1000; // RFC 2177: re-issue IDLE before 29 minutes
        int fullPassIntervalMs = 15 * 60 * 1000;
        SyncPolicy policy;
    };
    using Report = std::function<void(const QString &line)>;
    // Where the watcher is, for a front end's "Syncing… / Online / Offline".
    enum class State {
        Syncing,     // a pass over every folder runs (at start, every fullPassInterval)
        Watching,    // connected and up to date; reported again after each refresh
        Disconnected // the last pass or session failed (`error` says why); retrying
    };
    using StateReport = std::function<void(State state, const net::Error &error)>;

    MailboxWatcher(store::Store &store, store::Account account, Options options)
        : m_store(store), m_account(std::move(account)), m_options(std::move(options))
    {
    }
    void setReport(Report report) { m_report = std::move(report); }
    void setStateReport(StateReport report) { m_state = std::move(report); }
    // How far a pass's folders are (FolderSync::setCountReport).
    void setCountReport(CountReport report) { m_count = std::move(report); }
    // Called (outside any transaction) after a pass that brought new messages or bodies into
    // the cache: where the caller checks their senders (core/sync/VerdictPass).
    void setAfterNewMail(std::function<void()> hook) { m_afterNewMail = std::move(hook); }
    // Called after anything this watcher changed in the cache (a pass, new mail, flags,
    // expunges, local changes sent): where a window reloads what it shows.
    void setAfterChange(std::function<void()> hook) { m_afterChange = std::move(hook); }
    // Runs until stop() is called (from a signal handler or another thread).
    void run();
    void stop() { m_stop = true; }
    // Ends the wait and runs a pass over every folder now ("Sync Now"); thread-safe.
    void requestFullPass() { m_fullPassRequested = true; }

private:
    // One connected session: returns the error that ended it.
    net::Error watchSession(AccountSync &sync);
    net::Error refreshFolder(ImapSession &session, const QString &name);
    void say(const QString &line)
    {
        if (m_report)
            m_report(line);
    }
    void setState(State state, const net::Error &error = net::Error())
    {
        if (m_state)
            m_state(state, error);
    }
    void notifyChange()
    {
        if (m_afterChange)
            m_afterChange();
    }

    store::Store &m_store;
    store::Account m_account;
    Options m_options;
    Report m_report;
    StateReport m_state;
    CountReport m_count;
    std::function<void()> m_afterNewMail;
    std::function<void()> m_afterChange;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_fullPassRequested{false};
};

} // namespace herald::imap
