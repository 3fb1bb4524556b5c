#pragma once
// "You have mail": finds the mail that arrived in each account's INBOX since the last look and
// announces it through DesktopNotifications — the sender, the subject and, when the sender
// check failed, a warning ("⚠ DMARC failed"). More than two at once in one account make one
// notification ("5 new messages in alice@example.org") with the first senders.
//
// New means unseen, in an INBOX, with a cache id above the account's mark. The marks live in
// the UI settings, so mail already there at start (or read elsewhere) is never announced; an
// account's mark is set silently after its INBOX's first sync. A message whose sender check
// has not run yet waits for it up to kVerdictWaitMs. When turned off, the marks still move.

#include "core/store/Records.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <vector>

class QSettings;
class QTimer;

namespace herald::store {
class Store;
}

namespace herald::ui {

class DesktopNotifications;

class MailNotifier : public QObject
{
    Q_OBJECT
public:
    static constexpr int kVerdictWaitMs = 1500;
    static constexpr int kGroupAbove = 2; // more new messages than this: one notification

    MailNotifier(store::Store &store, QSettings &settings, DesktopNotifications &desktop,
                 QObject *parent = nullptr);

    bool isEnabled() const;
    void setEnabled(bool on); // saved in the UI settings

    // Looks for new mail now (after the cache changed) and announces it.
    void check();
    // The account's INBOX was looked at after its first sync: mail from now on is announced.
    bool watchesAccount(qint64 accountId) const;

    struct Text
    {
        QString summary;
        QString body;
    };
    // What one notification says about `messages` (new, oldest first) of `account`.
    static Text describe(const store::Account &account,
                         const std::vector<store::MessageRow> &messages);
    // "⚠ DMARC failed: may not be from example.org", or empty when the sender passed or was
    // not judged.
    static QString verdictWarning(const store::MessageRow &message);

signals:
    // A click on a notification: the message to show (0 for a group) and its account.
    void openRequested(qint64 messageId, qint64 accountId);

private:
    void announce(const store::Account &account, const std::vector<store::MessageRow> &messages);
    QString markKey(qint64 accountId) const;

    store::Store &m_store;
    QSettings &m_settings;
    DesktopNotifications &m_desktop;
    QTimer *m_again = nullptr;              // a look again for verdicts still running
    QHash<qint64, QElapsedTimer> m_waiting; // account -> since when its new mail waits
};

} // namespace herald::ui
