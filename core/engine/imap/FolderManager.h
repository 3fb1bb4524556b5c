#pragma once
// FolderManager: creates, renames and deletes folders of an IMAP account — on the server
// first (CREATE / RENAME / DELETE, one session), then in the cache, in one transaction. When
// the server refuses, the cache is left as it was and the result carries the server's own
// words ("[ALREADYEXISTS] Mailbox already exists"). Nothing is queued for later: a folder
// change made offline would have to be merged with what other devices did to the folder list
// meanwhile, so without a connection the change fails and says so (docs/decisions.md).
//
// Herald lists folders with LIST "*", not LSUB, so subscriptions are left alone.
// Runs on the calling thread, which must not be a UI thread (it waits on the network).

#include "core/net/Error.h"
#include "core/store/Records.h"

#include <atomic>
#include <vector>

namespace herald::store {
class Store;
}

namespace herald::imap {

struct FolderChangeResult
{
    net::Error error;    // None: the server and the cache have the change
    QString serverWords; // when the server said NO/BAD: its words, with the response code
    qint64 folderId = 0; // the created or renamed folder's row
    int deleted = 0;     // remove(): folders deleted (the folder and its subfolders)

    bool ok() const { return !error.isError(); }
    // The server could not be reached: nothing changed anywhere.
    bool needsConnection() const { return net::isUnreachable(error); }
};

class FolderManager
{
public:
    FolderManager(store::Store &store, store::Account account)
        : m_store(store), m_account(std::move(account))
    {
    }
    void setStopFlag(const std::atomic<bool> *stop) { m_stop = stop; }

    // `fullName` as on the server, decoded ("Projects/2025"): the parent's name, its
    // delimiter, the new name.
    FolderChangeResult create(const QString &fullName);
    // The server renames the folder's subfolders with it; so does the cache.
    FolderChangeResult rename(const QString &from, const QString &to);
    // Deletes the folder and its subfolders, deepest first (servers refuse or keep a
    // \Noselect parent otherwise), with their messages. Stops at the first refusal; what was
    // deleted until then is gone from the cache too (`deleted` says how many).
    FolderChangeResult remove(const QString &name);

private:
    store::Store &m_store;
    store::Account m_account;
    const std::atomic<bool> *m_stop = nullptr;
};

// Why a folder may not be renamed or deleted, in words, or empty when it may: INBOX, a
// special-use folder (Sent, Drafts, Trash, Junk, Archive, …), a folder Herald keeps locally.
QString protectedFolderReason(const store::Folder &folder);
// `root` and every folder below it among `all` (names "root" + delimiter + …), deepest first.
std::vector<store::Folder> folderSubtree(const std::vector<store::Folder> &all,
                                         const store::Folder &root);
// The hierarchy delimiter of the account's folders ("/" or "."), empty when the server has no
// hierarchy (or no folder is known yet).
QString accountDelimiter(const std::vector<store::Folder> &all);

} // namespace herald::imap
