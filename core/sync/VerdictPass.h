#pragma once
// Herald's own SPF, DKIM, DMARC and ARC checks for the messages of one account whose body is
// in the cache, run after a sync pass (the verdict from the trusted Authentication-Results was
// already stored at header time by MessageIngest). Verdicts are stored per message
// (store::AuthState), so they survive restarts and need no network to show.
//
// DNS goes through a FailFastResolver: when DNS is unreachable the pass stops after a couple
// of timeouts and leaves the rest for the next sync, instead of stalling on every message.
// Messages the user wrote (Sent, Drafts, the outbox) get no verdict: there is nothing to judge.

#include "core/authres/AuthVerdict.h"
#include "core/ingest/AuthOptions.h" // authOptionsFor
#include "core/store/Records.h"

#include <functional>

namespace herald::store {
class Store;
}

namespace herald::sync {

struct VerdictReport
{
    int verified = 0;            // final verdicts stored
    int incomplete = 0;          // stored, but DNS could not answer everything: retried later
    bool dnsUnreachable = false; // stopped early; the rest waits for the next sync
};

class VerdictPass
{
public:
    VerdictPass(store::Store &store, const store::Account &account, authres::DnsResolver &dns);

    // Verifies what waits, newest first, committing every `batchSize` messages.
    VerdictReport run(int batchSize = 100);
    void setProgress(std::function<void(const QString &)> progress)
    {
        m_progress = std::move(progress);
    }

private:
    bool isOwnMail(qint64 folderId);

    store::Store &m_store;
    store::Account m_account;
    authres::DnsResolver &m_dns;
    std::function<void(const QString &)> m_progress;
};

} // namespace herald::sync
