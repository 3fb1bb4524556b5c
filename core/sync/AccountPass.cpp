#include "core/sync/AccountPass.h"

#include "core/accounts/ServerUrl.h"
#include "core/store/Store.h"
#include "core/sync/SentFolder.h"

namespace herald::sync {

AccountPass::AccountPass(store::Store &store, store::Account account, authres::DnsResolver &dns)
    : m_store(store), m_account(std::move(account)), m_dns(dns)
{
}

AccountPassReport AccountPass::run()
{
    AccountPassReport report;
    const auto progress = [this](const QString &line) {
        if (m_progress)
            m_progress(line);
    };
    smtp::OutboxSender outbox(m_store, m_account, sync::imapSentFolder(m_store, m_account));
    outbox.setProgress(progress);
    outbox.setStopFlag(m_stop);
    report.outbox = outbox.flush();
    const auto url = accounts::ServerUrl::parse(m_account.incomingUrl);
    if (!m_syncIncoming) {
        // (another engine syncs this account's folders)
    } else if (url && url->protocol == accounts::Protocol::Imap) {
        imap::AccountSync sync(m_store, m_account, m_policy);
        sync.setProgress(progress);
        sync.setStopFlag(m_stop);
        sync.setCountReport(m_count);
        report.imap.emplace();
        report.error = sync.run(*report.imap);
    } else if (url && url->protocol == accounts::Protocol::Pop3) {
        pop3::Pop3Download download(m_store, m_account);
        download.setProgress(progress);
        download.setStopFlag(m_stop);
        report.pop3.emplace();
        report.error = download.run(*report.pop3);
    } else {
        report.error.kind = net::Error::Kind::Unsupported;
        report.error.message =
            QStringLiteral("syncing %1 accounts is not supported yet")
                .arg(url ? accounts::protocolName(url->protocol) : QStringLiteral("this"));
        return report;
    }
    VerdictPass senders(m_store, m_account, m_dns);
    senders.setProgress(progress);
    report.senders = senders.run();
    m_store.bodies().removeDeletedFiles();
    // Rows the ingest did not thread (a cache from before conversations, local copies).
    while (m_store.threads().assignPending() > 0 && !(m_stop && m_stop->load())) {
    }
    return report;
}

} // namespace herald::sync
