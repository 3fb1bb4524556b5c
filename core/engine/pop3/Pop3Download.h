#pragma once
// Pop3Download: one download pass of a POP3 account into the cache.
//
//   connect + log in -> UIDL (or the content-hash fallback, see README.md) + LIST
//   -> RETR every message whose key is not known (pipelined, bounded window) and commit each,
//      with its pop3_state row, in the same transaction (batched)
//   -> only then DELE what the account's options say may go -> QUIT (the server deletes now).
//
// Invariant: a DELE is only ever sent for a key that has a committed pop3_state row, i.e. for a
// message whose full bytes are in the cache (or that the user deleted in Herald afterwards).
// A crash (kill -9) at any moment loses at most the uncommitted batch, which is downloaded again
// on the next pass (no DELE reached the server: POP3 deletes only at QUIT).
//
// Mail lands in the account's local INBOX (folders.is_local = 1); the account also gets a local
// "Archive" folder, and the user may move mail between local folders. Read/flagged state lives
// only in the cache.

#include "core/net/Error.h"
#include "core/store/Records.h"

#include <QStringList>
#include <atomic>
#include <functional>

namespace herald::store {
class Store;
}

namespace herald::pop3 {

struct DownloadOptions
{
    bool leaveOnServer = true;
    int deleteAfterDays =
        0; // with leaveOnServer: delete what was first stored N days ago; 0 = never
    bool deleteWhenDeletedInHerald = false;
    bool preferApop = false;
    qint64 maxMessageBytes = 256LL * 1024 * 1024; // larger messages stay on the server, untouched
    qint64 windowBytes = 8LL * 1024 * 1024;       // RETR answers in flight at most
    int windowMessages = 32;
    int batchMessages = 50; // messages per transaction
};

struct DownloadReport
{
    int onServer = 0;
    int downloaded = 0;
    int deleted = 0; // DELE accepted and QUIT succeeded
    int tooLarge = 0;
    bool usedContentHash = false;
    QStringList notes; // things the user should know that did not stop the pass
};

class Pop3Download
{
public:
    using Progress = std::function<void(const QString &line)>;
    using Clock = std::function<qint64()>; // unix seconds

    // Options come from the account's settings; tests may replace them with setOptions().
    Pop3Download(store::Store &store, store::Account account);
    void setProgress(Progress progress) { m_progress = std::move(progress); }
    void setClock(Clock clock) { m_clock = std::move(clock); }
    void setOptions(const DownloadOptions &options) { m_options = options; }
    const DownloadOptions &options() const { return m_options; }
    // The pass ends with Error::Kind::Cancelled within 0.1 s of *stop becoming true (another
    // thread: the window closing, Ctrl-C); what was committed stays, nothing is deleted on the
    // server (no QUIT is sent, so the server applies no DELE).
    void setStopFlag(const std::atomic<bool> *stop) { m_stop = stop; }

    // Runs one pass. The error is what the user should read when the pass failed (server down,
    // login refused, untrusted certificate, garbage answer); what was committed before stays.
    net::Error run(DownloadReport &report);

    // The local folders of a POP3 account (created when missing); returns INBOX's id.
    static qint64 ensureLocalFolders(store::Store &store, qint64 accountId);
    // The fallback key when the server has no UIDL: see README.md.
    static QString contentKey(const QByteArray &topHeaders, qint64 size);

private:
    void say(const QString &line) const
    {
        if (m_progress)
            m_progress(line);
    }

    store::Store &m_store;
    store::Account m_account;
    DownloadOptions m_options;
    Progress m_progress;
    Clock m_clock;
    const std::atomic<bool> *m_stop = nullptr;
};

} // namespace herald::pop3
