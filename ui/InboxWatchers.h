#pragma once
// Push for the window: one core/sync/AccountWatch per IMAP account, each on a thread of its
// own with its own cache connection. IDLE on the INBOX (NOOP polling without IDLE) brings
// other devices' new mail, flag changes and expunges within about two seconds; local changes
// (tasks) are sent as they are made; every folder is synced at start, every 15 minutes and
// on requestFullPass(). New mail gets its senders checked and its search entry here.
//
// While an account is watched, the window's sync passes skip its folders (AccountPass::
// setSyncIncoming): one engine per account, never two fetching the same mail.

#include <QList>
#include <QObject>
#include <QString>
#include <memory>
#include <vector>

namespace herald::store {
struct Account;
}

namespace herald::ui {

class InboxWatchers : public QObject
{
    Q_OBJECT
public:
    explicit InboxWatchers(QString profileDir, QObject *parent = nullptr);
    ~InboxWatchers() override; // stops every watcher and waits for its thread

    // Starts a watcher for each IMAP account among `accounts` that has none yet.
    void watch(const std::vector<store::Account> &accounts);
    QList<qint64> watchedAccounts() const;
    // Stops the account's watcher without waiting for it (its thread ends within moments and
    // is reaped then); watch() may start a new one at once, e.g. with changed settings.
    void unwatch(qint64 accountId);
    // Every watcher syncs all its folders now (File > Sync Now).
    void requestFullPass();

signals:
    // A watcher changed the cache (from its thread; delivered queued).
    void cacheChanged();
    // A line for the status bar: what a watcher did, or why it is reconnecting.
    void report(const QString &line);
    // For the status indicator: a watcher's pass starts, it is connected and current, or it
    // lost the server (activity: AccountActivity; any disconnection counts as unreachable);
    // and how far a long step of one of its folders is.
    void accountActivity(qint64 accountId, const QString &account, int activity,
                         const QString &reason);
    void counted(qint64 accountId, const QString &folder, bool bodies, int done, int total);

public:
    struct Watch; // (public for a helper in the .cpp)

private:
    QString m_profileDir;
    std::vector<std::unique_ptr<Watch>> m_watches;
    std::vector<std::unique_ptr<Watch>> m_retiring; // unwatched, thread still ending
};

} // namespace herald::ui
