#pragma once
// FolderSync: brings one folder of the cache up to the server's state.
//
// The resync decision tree (after Trojitá's ObtainSynchronizedMailboxTask):
//   UIDVALIDITY changed      -> the folder's cached messages are discarded, full resync
//   folder never completed   -> full resync (the cache has no trustworthy UIDNEXT)
//   QRESYNC                  -> SELECT (QRESYNC (uidvalidity modseq)): VANISHED + changed flags
//   CONDSTORE                -> UID FETCH 1:* (FLAGS) (CHANGEDSINCE modseq); expunges by
//                               arithmetic (EXISTS vs cached count), else UID SEARCH ALL
//   neither                  -> UID FETCH 1:* (FLAGS), diff against the cache
//   then new mail            -> headers of UIDs >= cached UIDNEXT, newest first
//   any inconsistency        -> logged, and a full resync of the folder
// Folder state (UIDVALIDITY, UIDNEXT, HIGHESTMODSEQ) is written only after
// everything it vouches for is committed, so a crash at any moment leaves a cache
// that the next sync completes. Nothing here ever sets \Seen: headers and bodies are
// fetched with BODY.PEEK.

#include "core/imap/ImapSession.h"
#include "core/store/Records.h"

#include <QLoggingCategory>
#include <unordered_set>

namespace herald::store {
class Store;
}

namespace herald::imap {

Q_DECLARE_LOGGING_CATEGORY(lcSync)

struct SyncPolicy
{
    bool bodies = true;     // fetch full messages for offline reading
    int bodyMaxAgeDays = 0; // 0 = any age
    qint64 bodyMaxSize = 0; // 0 = any size
    int headerBatch = 500;  // messages per header FETCH and per transaction
    qint64 bodyBatchBytes = 8 * 1024 * 1024;
};

struct FolderSyncStats
{
    int added = 0;
    int flagsChanged = 0;
    int removed = 0;
    int bodies = 0;
    bool fullResync = false;
    bool uidValidityChanged = false;
};

// How far a long step of one folder is: `done` of `total` headers or bodies are in the cache.
// Reported once at the start of the step (done = 0) and after each batch written.
struct SyncCount
{
    QString folder;
    bool bodies = false;
    int done = 0;
    int total = 0;
};
using CountReport = std::function<void(const SyncCount &)>;

class FolderSync
{
public:
    FolderSync(ImapSession &session, store::Store &store, SyncPolicy policy)
        : m_session(session), m_store(store), m_policy(policy)
    {
    }
    void setCountReport(CountReport report) { m_count = std::move(report); }

    net::Error sync(const store::Folder &folder, FolderSyncStats &stats);
    // Fetches missing bodies of the selected folder according to the policy.
    net::Error fetchBodies(const store::Folder &folder, FolderSyncStats &stats);
    // Fetches exactly these bodies (BODY.PEEK[], EXAMINE when the folder is not selected),
    // in batches, each batch one transaction; fetchBodies() and BodyFetcher both end here.
    struct WantedBody
    {
        quint32 uid;
        qint64 id; // the message row
        qint64 size;
    };
    net::Error downloadBodies(const store::Folder &folder, const std::vector<WantedBody> &wanted,
                              FolderSyncStats &stats);

private:
    // serverWins: the server's MODSEQs restarted (HIGHESTMODSEQ went backwards), so its flags
    // replace the cached ones even where the cached MODSEQ is higher.
    net::Error fullResync(const store::Folder &folder, const SelectResult &sel,
                          FolderSyncStats &stats, bool serverWins = false);
    net::Error flagsChangedSince(const store::Folder &folder, quint64 modseq,
                                 FolderSyncStats &stats);
    net::Error removeVanished(const store::Folder &folder, FolderSyncStats &stats);
    net::Error fetchHeaders(const store::Folder &folder, QVector<quint32> uidsNewestFirst,
                            FolderSyncStats &stats);
    void applyFlags(const store::Folder &folder, const FetchData &fetch, FolderSyncStats &stats,
                    bool serverWins = false);
    // UIDs that pending move/expunge tasks take out of this folder: gone from the cache, not
    // yet from the server (held for the undo window, or offline).
    std::unordered_set<quint32> leavingUids(const store::Folder &folder);
    qint64 cachedCount(const store::Folder &folder);

    void count(const store::Folder &folder, bool bodies, int done, int total) const
    {
        if (m_count)
            m_count({folder.name, bodies, done, total});
    }

    ImapSession &m_session;
    store::Store &m_store;
    SyncPolicy m_policy;
    CountReport m_count;
};

// IMAP flag atoms <-> the cache's bits and keywords.
void splitFlags(const QList<QByteArray> &imapFlags, int *bits, QStringList *keywords);
QList<QByteArray> joinFlags(int bits, const QStringList &keywords);

} // namespace herald::imap
