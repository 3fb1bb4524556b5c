#pragma once
// Runs sync passes of every IMAP and POP3 account on a worker thread, with its own cache
// connection: sends what waits in the outbox, syncs, then checks the senders of what arrived
// (core/sync/VerdictPass), and tells the window what happened. The window never waits for the
// network: it reloads from the cache when a pass ends.

#include <QList>
#include <QObject>
#include <QString>
#include <QThread>
#include <atomic>

namespace herald::ui {

class SyncWorker;

class SyncController : public QObject
{
    Q_OBJECT
public:
    explicit SyncController(QString profileDir, QObject *parent = nullptr);
    ~SyncController() override;

    bool isRunning() const { return m_running; }

public slots:
    // Starts a pass unless one is running. `watched`: accounts whose folders another engine
    // keeps current (InboxWatchers); the pass sends their outbox and checks senders only.
    void syncNow(const QList<qint64> &watched = {});
    // Downloads the body of a message the body policy left on the server (after a running
    // pass, on the same worker thread); bodyFetched() says how it went.
    void fetchBody(qint64 messageId);
    // Sends what waits in the outbox of every account now, without a sync and without waiting
    // for the backoff after a failed try (after Send, and the window's retry while the outbox
    // is not empty); after a running pass, on the same worker thread. outboxFlushed() follows.
    void sendOutbox();

signals:
    void started();
    void progress(const QString &line);
    // errors: one line per account that failed, empty when all went well.
    void finished(const QStringList &errors);
    // The server showed a certificate nobody vouches for; the user may trust it.
    void untrustedCertificate(const QString &account, const QString &fingerprint,
                              const QString &message);
    // error is empty when the body is now in the cache.
    void bodyFetched(qint64 messageId, const QString &error);
    void requestPass(const QList<qint64> &watched); // internal: queued to the worker thread
    void requestBody(qint64 messageId);             // internal: queued to the worker thread
    void requestOutbox();                           // internal: queued to the worker thread
    // errors: accounts whose outbox could not be sent (server down, login refused).
    void outboxFlushed(const QStringList &errors);
    // For the status bar (StatusIndicator): an account's incoming step starts or ends
    // (activity: AccountActivity), and how far a long step of one of its folders is.
    void accountActivity(qint64 accountId, const QString &account, int activity,
                         const QString &reason);
    void counted(qint64 accountId, const QString &folder, bool bodies, int done, int total);

private:
    QThread m_thread;
    SyncWorker *m_worker = nullptr;
    bool m_running = false;
};

// Lives on the controller's thread; owns that thread's Store.
class SyncWorker : public QObject
{
    Q_OBJECT
public:
    explicit SyncWorker(QString profileDir) : m_profileDir(std::move(profileDir)) {}
    // From any thread: a running pass ends at its next network wait (within 0.1 s).
    void requestStop() { m_stop = true; }

public slots:
    void runPass(const QList<qint64> &watched);
    void fetchBody(qint64 messageId);
    void sendOutbox();

signals:
    void progress(const QString &line);
    void finished(const QStringList &errors);
    void untrustedCertificate(const QString &account, const QString &fingerprint,
                              const QString &message);
    void bodyFetched(qint64 messageId, const QString &error);
    void outboxFlushed(const QStringList &errors);
    void accountActivity(qint64 accountId, const QString &account, int activity,
                         const QString &reason);
    void counted(qint64 accountId, const QString &folder, bool bodies, int done, int total);

private:
    QString m_profileDir;
    std::atomic<bool> m_stop{false};
};

} // namespace herald::ui
