#pragma once
// Sender checks of new mail on a thread of their own, so that a watcher's loop (IMAP IDLE)
// never waits for DNS. The watcher asks (`request()`) and goes back to waiting for mail; the
// worker runs a VerdictPass with its own cache connection and resolver, and one more pass if
// asked again meanwhile (any number of requests during a pass make one pass, not many).

#include "core/store/Records.h"

#include <QString>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace herald::sync {

class VerdictWorker
{
public:
    // `nameserver` as UnboundResolver takes it ("" = the system's resolvers).
    VerdictWorker(QString profileDir, store::Account account, QString nameserver,
                  int dnsTimeoutMs = 3000);
    // Waits for a running pass to end (with DNS down, at most about one DNS timeout).
    ~VerdictWorker();
    VerdictWorker(const VerdictWorker &) = delete;
    VerdictWorker &operator=(const VerdictWorker &) = delete;

    // Both called on the worker's thread; set them before the first request().
    void setAfterPass(std::function<void()> hook) { m_afterPass = std::move(hook); }
    void setProgress(std::function<void(const QString &)> progress)
    {
        m_progress = std::move(progress);
    }
    // Thread-safe; returns at once.
    void request();

private:
    void loop();

    QString m_profileDir;
    store::Account m_account;
    QString m_nameserver;
    int m_dnsTimeoutMs;
    std::function<void()> m_afterPass;
    std::function<void(const QString &)> m_progress;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_requested = false;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace herald::sync
