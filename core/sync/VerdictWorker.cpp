#include "core/sync/VerdictWorker.h"

#include "core/authres/UnboundResolver.h"
#include "core/store/Store.h"
#include "core/sync/VerdictPass.h"

#include <memory>

namespace herald::sync {

VerdictWorker::VerdictWorker(QString profileDir, store::Account account, QString nameserver,
                             int dnsTimeoutMs)
    : m_profileDir(std::move(profileDir)), m_account(std::move(account)),
      m_nameserver(std::move(nameserver)), m_dnsTimeoutMs(dnsTimeoutMs)
{
}

VerdictWorker::~VerdictWorker()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void VerdictWorker::request()
{
    {
        std::lock_guard lock(m_mutex);
        m_requested = true;
        if (!m_thread.joinable()) // started at the first request: hooks are set by then
            m_thread = std::thread([this] { loop(); });
    }
    m_wake.notify_all();
}

void VerdictWorker::loop()
{
    std::unique_ptr<store::Store> store;
    std::unique_ptr<authres::UnboundResolver> dns;
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_requested || m_stopping; });
            if (m_stopping)
                return;
            m_requested = false;
        }
        try {
            if (!store)
                store = std::make_unique<store::Store>(m_profileDir);
            if (!dns)
                dns = std::make_unique<authres::UnboundResolver>(m_nameserver, m_dnsTimeoutMs);
            VerdictPass pass(*store, m_account, *dns);
            if (m_progress)
                pass.setProgress(m_progress);
            pass.run();
        } catch (const std::exception &e) {
            if (m_progress)
                m_progress(QStringLiteral("%1: sender checks failed: %2")
                               .arg(m_account.name, QString::fromLocal8Bit(e.what())));
        }
        if (m_afterPass)
            m_afterPass();
    }
}

} // namespace herald::sync
