#pragma once
// OutboxSender: works through an account's outbox (Outbox.h) — one SMTP session for every due
// message, each sent once — then saves each sent message's exact bytes into the account's Sent
// folder with \Seen, through the SentFolder it is given (IMAP: sync/SentFolder.h), unless the
// account setting "server_saves_sent" is true (providers that file submitted mail themselves). Runs
// on the calling thread (the account's worker thread, or the CLI's main thread).
//
// Outcomes per message: 250 after the final dot -> sent (then the Sent copy); 4xx or a network
// error before the final dot -> pending again with backoff (1, 2, 4 … 60 minutes); 5xx -> held
// with the server's own words and every recipient's outcome; a connection lost after the final
// dot -> maybe-sent (never resent without the user). A failed Sent copy is retried on the next
// flush; the message itself is never sent twice for it.

#include "core/net/Error.h"
#include "core/store/Records.h"

#include <QByteArray>
#include <QStringList>
#include <atomic>
#include <functional>
#include <memory>

namespace herald::store {
class Store;
}

namespace herald::smtp {

struct OutboxReport
{
    int sent = 0;      // accepted by the server in this pass
    int retrying = 0;  // back to pending with backoff
    int held = 0;      // refused for good
    int maybeSent = 0; // connection lost after the final dot
    int savedToSent = 0;
    QStringList lines; // one per message: what happened (also given to the progress callback)
    // Why the pass could not send at all (server down, login refused, untrusted certificate);
    // the messages stay queued.
    net::Error error;
    QStringList sentCopyErrors; // Sent copies that could not be saved (retried later)

    // The pass failed in a way only the user can mend (password, certificate, a server
    // without TLS); anything else is retried by itself.
    bool needsUser() const
    {
        using K = net::Error::Kind;
        return error && (error.kind == K::Authentication || error.kind == K::UntrustedCertificate ||
                         error.kind == K::StartTlsUnavailable || error.kind == K::Unsupported);
    }
};

// Where the Sent copies go. This layer speaks no IMAP: whoever runs the pass gives the
// sender a way to open the account's Sent folder (sync::imapSentFolder, SentFolder.h there).
class SentFolder
{
public:
    virtual ~SentFolder() = default;
    // Connects and finds the folder; an error leaves every copy for the next flush.
    virtual net::Error open() = 0;
    // The folder's name; empty when the account has none (the copies are then not kept).
    virtual QString name() const = 0;
    // Appends one message with \Seen. A CommandFailed error concerns this message only; any
    // other means the connection is gone.
    virtual net::Error append(const QByteArray &message) = 0;
    virtual void close() = 0;
};
using OpenSentFolder = std::function<std::unique_ptr<SentFolder>()>;

class OutboxSender
{
public:
    using Progress = std::function<void(const QString &line)>;

    OutboxSender(store::Store &store, store::Account account, OpenSentFolder openSentFolder)
        : m_store(store), m_account(std::move(account)), m_openSentFolder(std::move(openSentFolder))
    {
    }
    void setProgress(Progress progress) { m_progress = std::move(progress); }
    // A send in progress is cancelled within 0.1 s of *stop becoming true (another thread: the
    // window closing, Ctrl-C). Before the final dot the message stays pending (no backoff);
    // after it the message is maybe-sent, as for a connection lost there.
    void setStopFlag(const std::atomic<bool> *stop) { m_stop = stop; }
    // For tests: a shorter lease and timeouts.
    void setReadTimeout(int ms) { m_readTimeoutMs = ms; }

    // Sends the pending messages that are due (all pending ones when ignoreBackoff; only
    // `onlyTask` when non-zero), then saves Sent copies of the sent ones.
    OutboxReport flush(bool ignoreBackoff = false, qint64 onlyTask = 0);

    // Seconds to wait before attempt number `attempts + 1`.
    static qint64 backoffSeconds(int attempts);
    static constexpr qint64 kLeaseSeconds = 15 * 60;

private:
    void say(const QString &line) const
    {
        if (m_progress)
            m_progress(line);
    }
    void note(OutboxReport &report, const QString &line) const; // report.lines + progress
    void recoverExpiredLeases(qint64 now);
    void sendDue(bool ignoreBackoff, qint64 onlyTask, OutboxReport &report);
    void saveSentCopies(qint64 onlyTask, OutboxReport &report);
    bool claim(qint64 taskId, qint64 now);

    store::Store &m_store;
    store::Account m_account;
    OpenSentFolder m_openSentFolder;
    Progress m_progress;
    int m_readTimeoutMs = 0;
    const std::atomic<bool> *m_stop = nullptr;
};

} // namespace herald::smtp
