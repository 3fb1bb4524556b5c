#pragma once
// One sync pass of an IMAP account: connect and log in, replay pending tasks,
// mirror the folder list, bring every folder up to date (INBOX first, headers
// before bodies), log out. Runs on the calling thread (the account's worker
// thread, or the CLI's main thread) and reports progress through a callback.

#include "core/engine/imap/FolderSync.h"
#include "core/store/Records.h"

#include <atomic>
#include <functional>

namespace herald::store {
class Store;
}

namespace herald::imap {

struct AccountSyncReport
{
    int folders = 0;
    int tasksReplayed = 0;
    FolderSyncStats totals;
    QStringList folderErrors; // "Folder: reason" for folders that could not be synced
};

// The cache row of a folder as LIST shows it (delimiter, special use, attributes).
store::Folder folderFromList(const ListEntry &entry, qint64 accountId);

class AccountSync
{
public:
    using Progress = std::function<void(const QString &line)>;

    // The account's body settings (download_bodies, body_max_age_days, body_max_size) narrow
    // `policy`; they never widen it (sync --headers-only stays headers only).
    AccountSync(store::Store &store, store::Account account, SyncPolicy policy = {});
    void setProgress(Progress progress) { m_progress = std::move(progress); }
    // Sessions this opens stop waiting, and the pass ends with Error::Kind::Cancelled, soon
    // after *stop becomes true (ImapSession::setStopFlag).
    void setStopFlag(const std::atomic<bool> *stop) { m_stop = stop; }
    // How far each folder's headers and bodies are (FolderSync::setCountReport).
    void setCountReport(CountReport report) { m_count = std::move(report); }

    // Runs one pass. The returned error is what the user should read when the pass
    // could not run at all (server down, login refused, untrusted certificate), or
    // Kind::Storage when the cache failed (never an exception).
    net::Error run(AccountSyncReport &report);

    // Opens an authenticated session for this account (also used by `watch`).
    net::Error openSession(ImapSession &session);
    net::Error syncFolderList(ImapSession &session, AccountSyncReport &report);

private:
    net::Error syncAll(AccountSyncReport &report);
    void say(const QString &line) const
    {
        if (m_progress)
            m_progress(line);
    }

    store::Store &m_store;
    store::Account m_account;
    SyncPolicy m_policy;
    Progress m_progress;
    CountReport m_count;
    const std::atomic<bool> *m_stop = nullptr;
};

} // namespace herald::imap
