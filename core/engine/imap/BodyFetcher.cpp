#include "core/engine/imap/BodyFetcher.h"

#include "core/engine/imap/AccountSync.h"
#include "core/engine/imap/FolderSync.h"
#include "core/imap/ImapSession.h"
#include "core/net/Caught.h"
#include "core/store/Store.h"

#include <map>

namespace herald::imap {

net::Error BodyFetcher::fetch(const std::vector<qint64> &messageIds, int *fetched)
{
    // The engine's boundary: a cache failure is a Storage error value, never an exception.
    net::Error out;
    if (net::Error failed = net::storageErrorOf([&] { out = fetchNow(messageIds, fetched); }))
        return failed;
    return out;
}

net::Error BodyFetcher::fetchNow(const std::vector<qint64> &messageIds, int *fetched)
{
    if (fetched)
        *fetched = 0;
    // folder -> the messages there that need a body
    std::map<qint64, std::vector<FolderSync::WantedBody>> wanted;
    for (const qint64 id : messageIds) {
        const auto row = m_store.messages().byId(id);
        if (!row || row->accountId != m_account.id || !row->uid || m_store.bodies().has(id))
            continue;
        wanted[row->folderId].push_back({quint32(*row->uid), id, row->size});
    }
    if (wanted.empty())
        return net::Error();

    ImapSession session;
    AccountSync account(m_store, m_account);
    if (auto e = account.openSession(session))
        return e;
    FolderSync folderSync(session, m_store, SyncPolicy());
    FolderSyncStats stats;
    for (const auto &[folderId, bodies] : wanted) {
        const auto folder = m_store.folders().byId(folderId);
        if (!folder)
            continue;
        if (auto e = folderSync.downloadBodies(*folder, bodies, stats))
            return e;
    }
    session.close();
    if (fetched)
        *fetched = stats.bodies;
    return net::Error();
}

} // namespace herald::imap
