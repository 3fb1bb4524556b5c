#pragma once
// AccountPass: one sync pass over one account, the same for `herald-cli sync` and the window.
//   1. the outbox (core/smtp): mail written offline leaves now, and its Sent copy arrives with
//      this pass's Sent folder;
//   2. the IMAP sync (core/imap) or the POP3 download (core/pop3);
//   3. Herald's own sender checks (VerdictPass) — also after a failed step 2, so the bodies it
//      did cache are checked.
// Progress lines go to one callback; the report says what each step did, for the front end to
// word (the CLI prints lines, the window shows a status and a certificate prompt).

#include "core/engine/imap/AccountSync.h"
#include "core/engine/pop3/Pop3Download.h"
#include "core/engine/smtp/OutboxSender.h"
#include "core/store/Records.h"
#include "core/sync/VerdictPass.h"

#include <functional>
#include <optional>

namespace herald::authres {
class DnsResolver;
}
namespace herald::store {
class Store;
}

namespace herald::sync {

struct AccountPassReport
{
    smtp::OutboxReport outbox;
    std::optional<imap::AccountSyncReport> imap;
    std::optional<pop3::DownloadReport> pop3;
    // Step 2 could not run or stopped (server down, login refused, untrusted certificate),
    // or the account's incoming URL is not IMAP or POP3 (Kind::Unsupported).
    net::Error error;
    VerdictReport senders;
};

class AccountPass
{
public:
    AccountPass(store::Store &store, store::Account account, authres::DnsResolver &dns);
    void setProgress(std::function<void(const QString &)> progress)
    {
        m_progress = std::move(progress);
    }
    // What the IMAP sync may download (the account's body settings narrow it further).
    void setImapPolicy(const imap::SyncPolicy &policy) { m_policy = policy; }
    // false: skip step 2, because another engine keeps this account's mail current (the
    // window's IDLE watcher); two engines syncing one account would do all the work twice.
    void setSyncIncoming(bool on) { m_syncIncoming = on; }
    // Every network step (outbox, IMAP, POP3) ends with Error::Kind::Cancelled within 0.1 s of
    // *stop becoming true.
    void setStopFlag(const std::atomic<bool> *stop) { m_stop = stop; }
    // How far the IMAP step's folders are (imap::FolderSync::setCountReport).
    void setCountReport(imap::CountReport report) { m_count = std::move(report); }

    AccountPassReport run();

private:
    store::Store &m_store;
    store::Account m_account;
    authres::DnsResolver &m_dns;
    std::function<void(const QString &)> m_progress;
    imap::SyncPolicy m_policy;
    bool m_syncIncoming = true;
    imap::CountReport m_count;
    const std::atomic<bool> *m_stop = nullptr;
};

} // namespace herald::sync
