#pragma once
// The compose window's writes to the cache — saving drafts, queueing a message in the outbox,
// discarding or retrying an outbox message — and its address list, on a worker thread with its
// own Store. A sync holds the cache's write lock (BEGIN IMMEDIATE) across network waits; the UI
// thread must never wait for it, so it only posts jobs here and gets the results back as calls
// on its own thread.
//
// Jobs run one after another in the order posted. The destructor runs every job still queued
// (a window's last save) before it returns.

#include "core/mime/MessageBuilder.h"
#include "core/store/AddressBook.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <functional>
#include <memory>
#include <unordered_map>

namespace herald::store {
class Store;
}

namespace herald::ui {

class ComposeService : public QObject
{
    Q_OBJECT
public:
    explicit ComposeService(QString profileDir, QObject *parent = nullptr);
    ~ComposeService() override;

    // A compose session (one window): the worker remembers which draft each session saved to,
    // so a save posted before the previous one returned still goes to the same draft.
    static quint64 newSession();

    using SavedFn = std::function<void(qint64 draftId, const QString &error)>;
    using DoneFn = std::function<void(const QString &error)>;

    // Saves the draft (smtp::Drafts::save) as draft `draftId` or the session's draft, else as a
    // new one. A draft of another account (the user changed From) is replaced by a new one.
    void saveDraft(quint64 session, qint64 accountId, const mime::Draft &draft, qint64 draftId,
                   QObject *context, SavedFn done);
    struct Sending
    {
        qint64 draftId = 0;      // the draft the window was opened on, if any
        qint64 replacesTask = 0; // an outbox message the user edited: discarded once queued
        qint64 answers = 0;      // the cached message answered: \Answered, or $Forwarded
        bool forwards = false;
    };
    // Queues the message in the outbox: the session's draft saved one last time and sent
    // (smtp::Drafts::send), else smtp::Outbox::enqueue. Then the Sending's follow-ups: the
    // replaced outbox message discarded, the answered message flagged (sync::LocalActions, so
    // the server learns it too). When queueing fails the text is kept
    // as a draft and `error` says so (also as sendFailed()). queued() follows a success.
    // `context` may be null: the window that sent is gone by then.
    void send(quint64 session, qint64 accountId, const mime::Draft &draft, const Sending &sending,
              QObject *context, DoneFn done);
    // The outbox's decisions (smtp::Outbox::discard / retryNow).
    void discardOutbox(qint64 taskId, QObject *context, DoneFn done)
    {
        outboxDecision(taskId, false, context, std::move(done));
    }
    void retryOutbox(qint64 taskId, QObject *context, DoneFn done)
    {
        outboxDecision(taskId, true, context, std::move(done));
    }
    // Removes a draft the user threw away (smtp::Drafts::remove).
    void discardDraft(quint64 session, qint64 draftId, QObject *context, DoneFn done);
    // Addresses for completion, most used first (store::AddressBook).
    void loadAddresses(QObject *context,
                       std::function<void(const std::vector<store::AddressUse> &)> done);

    // Waits until every job posted so far has run (tests).
    void waitForIdle();

signals:
    void queued();                         // a message went into the outbox
    void sendFailed(const QString &error); // send() could not queue it (kept as a draft)
    void cacheChanged();                   // drafts or the outbox changed

private:
    void outboxDecision(qint64 taskId, bool sendsAgain, QObject *context, DoneFn done);
    // Runs `job` on the worker with its Store; SQLITE_BUSY (a long sync) is retried.
    void post(std::function<void(store::Store &)> job);
    // Calls `fn` on the UI thread, if `context` still exists.
    void reply(const QPointer<QObject> &context, std::function<void()> fn);

    QThread m_thread;
    QObject *m_worker = nullptr; // lives on m_thread
    QString m_profileDir;
    std::unique_ptr<store::Store> m_store;               // used on m_thread only
    std::unordered_map<quint64, qint64> m_sessionDrafts; // used on m_thread only
};

} // namespace herald::ui
