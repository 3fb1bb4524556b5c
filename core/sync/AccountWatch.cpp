#include "core/sync/AccountWatch.h"

#include "core/store/Store.h"
#include "core/sync/SearchIndexer.h"

namespace herald::sync {

AccountWatch::AccountWatch(store::Store &store, const store::Account &account, Options options)
    : m_store(store), m_options(std::move(options)),
      m_verdicts(store.profileDir(), account, m_options.nameserver),
      m_watcher(store, account, m_options.watcher)
{
    m_watcher.setAfterNewMail([this] {
        m_verdicts.request(); // returns at once; the worker's pass runs on its thread
        if (m_options.indexSearch)
            SearchIndexer(m_store).run();
        if (m_afterChange)
            m_afterChange();
    });
}

void AccountWatch::setReport(imap::MailboxWatcher::Report report)
{
    m_watcher.setReport(std::move(report));
}

void AccountWatch::setStateReport(imap::MailboxWatcher::StateReport report)
{
    m_watcher.setStateReport(std::move(report));
}

void AccountWatch::setCountReport(imap::CountReport report)
{
    m_watcher.setCountReport(std::move(report));
}

void AccountWatch::setVerdictProgress(std::function<void(const QString &)> progress)
{
    m_verdicts.setProgress(std::move(progress));
}

void AccountWatch::setAfterChange(std::function<void()> hook)
{
    m_afterChange = hook;
    m_verdicts.setAfterPass(hook); // verdicts to show
    m_watcher.setAfterChange(std::move(hook));
}

void AccountWatch::run()
{
    m_watcher.run();
}

} // namespace herald::sync
