#include "ui/InboxWatchers.h"

#include "core/accounts/ServerUrl.h"
#include "core/store/Store.h"
#include "core/sync/AccountWatch.h"
#include "ui/StatusIndicator.h"

#include <QMutex>
#include <QScopeGuard>
#include <QThread>

namespace herald::ui {

// The watcher lives on its thread; the window reaches it only through this, under the mutex,
// because it may not exist yet (the thread is opening the cache) or any more.
struct InboxWatchers::Watch
{
    qint64 accountId = 0;
    QThread *thread = nullptr;
    QMutex mutex;
    sync::AccountWatch *watcher = nullptr;
    bool stopped = false;
};

InboxWatchers::InboxWatchers(QString profileDir, QObject *parent)
    : QObject(parent), m_profileDir(std::move(profileDir))
{
}

namespace {
void stop(InboxWatchers::Watch &w)
{
    QMutexLocker lock(&w.mutex);
    w.stopped = true;
    if (w.watcher)
        w.watcher->stop(); // its session stops waiting within 0.1 s
}
} // namespace

InboxWatchers::~InboxWatchers()
{
    for (const auto &w : m_watches)
        stop(*w);
    for (auto *list : {&m_watches, &m_retiring})
        for (const auto &w : *list) {
            w->thread->wait();
            delete w->thread;
        }
}

void InboxWatchers::unwatch(qint64 accountId)
{
    // Reap the ones that ended since the last call.
    for (auto it = m_retiring.begin(); it != m_retiring.end();) {
        if ((*it)->thread->isFinished()) {
            delete (*it)->thread;
            it = m_retiring.erase(it);
        } else {
            ++it;
        }
    }
    for (auto it = m_watches.begin(); it != m_watches.end(); ++it) {
        if ((*it)->accountId != accountId)
            continue;
        stop(**it);
        m_retiring.push_back(std::move(*it));
        m_watches.erase(it);
        return;
    }
}

void InboxWatchers::watch(const std::vector<store::Account> &accounts)
{
    for (const store::Account &account : accounts) {
        const auto url = accounts::ServerUrl::parse(account.incomingUrl);
        if (!url || url->protocol != accounts::Protocol::Imap ||
            watchedAccounts().contains(account.id))
            continue;
        auto w = std::make_unique<Watch>();
        w->accountId = account.id;
        Watch *watch = w.get();
        w->thread = QThread::create([this, watch, account] {
            try {
                store::Store store(m_profileDir);
                sync::AccountWatch::Options options;
                options.nameserver = qEnvironmentVariable("HERALD_NAMESERVER");
                options.indexSearch = false; // the window's IndexWorker indexes, on its thread
                sync::AccountWatch watcher(store, account, options);
                watcher.setReport([this](const QString &line) { emit report(line); });
                watcher.setAfterChange([this] { emit cacheChanged(); });
                watcher.setStateReport([this, account](imap::MailboxWatcher::State state,
                                                       const net::Error &error) {
                    using State = imap::MailboxWatcher::State;
                    const AccountActivity activity =
                        state == State::Syncing    ? AccountActivity::Syncing
                        : state == State::Watching ? AccountActivity::UpToDate
                                                   : AccountActivity::Unreachable;
                    emit accountActivity(account.id, account.name, int(activity), error.message);
                });
                watcher.setCountReport([this, id = account.id](const imap::SyncCount &c) {
                    emit counted(id, c.folder, c.bodies, c.done, c.total);
                });
                {
                    QMutexLocker lock(&watch->mutex);
                    if (watch->stopped)
                        return;
                    watch->watcher = &watcher;
                }
                // Unpublished before the watcher is destroyed, also when run() throws.
                const auto unpublish = qScopeGuard([watch] {
                    QMutexLocker lock(&watch->mutex);
                    watch->watcher = nullptr;
                });
                watcher.run();
            } catch (const std::exception &e) {
                emit report(tr("%1: stopped watching: %2")
                                .arg(account.name, QString::fromLocal8Bit(e.what())));
            }
        });
        w->thread->setObjectName(QStringLiteral("watch-%1").arg(account.name));
        w->thread->start();
        m_watches.push_back(std::move(w));
    }
}

QList<qint64> InboxWatchers::watchedAccounts() const
{
    QList<qint64> ids;
    for (const auto &w : m_watches)
        ids << w->accountId;
    return ids;
}

void InboxWatchers::requestFullPass()
{
    for (const auto &w : m_watches) {
        QMutexLocker lock(&w->mutex);
        if (w->watcher)
            w->watcher->requestFullPass();
    }
}

} // namespace herald::ui
