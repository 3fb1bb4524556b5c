#pragma once
// The status bar's word on the connection: "Online", "Offline" or "Syncing…"; a progress bar
// while long work runs (done / total messages of a folder's headers or bodies, when the engine
// can tell: imap::FolderSync's count report); and the time of the last successful sync.
//
// Fed by the window's engines: SyncController (a pass over the accounts no watcher keeps
// current) and InboxWatchers (push). Each account's last activity is kept apart:
//   Syncing…  while any account's pass runs;
//   Offline   when every account known is unreachable (its last pass failed for network
//             reasons, or its watcher is not connected), or none was reached yet;
//   Online    otherwise (with "N offline" when only some are; the tooltip lists each one).
// A server that answered and refused (a wrong password) counts as reached: Online, with the
// reason in the tooltip.

#include <QDateTime>
#include <QWidget>
#include <map>

class QLabel;
class QProgressBar;

namespace herald::ui {

class InboxWatchers;
class SyncController;

// What one account's engine did last (the `activity` of the engines' signals).
enum class AccountActivity : int {
    Syncing,    // a pass runs
    UpToDate,   // a pass ended well, or the watcher is connected and current
    Failed,     // the server answered but the pass failed (login refused, …)
    Unreachable // the server could not be reached, or the watcher lost it
};

class StatusIndicator : public QWidget
{
    Q_OBJECT
public:
    // Work of fewer messages than this shows no progress bar (it is over before it is read).
    static constexpr int kLongWork = 500;

    explicit StatusIndicator(QWidget *parent = nullptr);

    void follow(SyncController *sync);
    void follow(InboxWatchers *watchers);

    // "Online", "Offline", "Syncing…" (possibly with " — 1 offline").
    QString stateText() const;
    QLabel *stateLabel() const { return m_state; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *lastSyncLabel() const { return m_lastSync; }
    // Invalid until an account's pass ended well.
    QDateTime lastSuccessfulSync() const { return m_lastSuccess; }

signals:
    // The words changed ("Syncing…", "Online", …).
    void stateChanged(const QString &text);

public slots:
    void setActivity(qint64 accountId, const QString &account, int activity, const QString &reason);
    // done of total headers (bodies: true: bodies) of `folder` are in the cache.
    void setCount(qint64 accountId, const QString &folder, bool bodies, int done, int total);

private:
    void showState();

    struct Account
    {
        QString name;
        AccountActivity activity = AccountActivity::Syncing;
        QString reason;
    };
    struct Count
    {
        QString folder;
        bool bodies = false;
        int done = 0;
        int total = 0;
    };
    std::map<qint64, Account> m_accounts;
    std::map<qint64, Count> m_counts; // per account, while its long step runs
    QDateTime m_lastSuccess;
    QLabel *m_state = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_lastSync = nullptr;
};

} // namespace herald::ui
