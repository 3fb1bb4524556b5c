#pragma once
// Import of an mbox file into a local folder and export of any folder to an mbox file
// (core/mime/Mbox.h does the file format). Both stream: one message in memory at a time, and
// the import commits every 200 messages. Used by the window (ui/MessageFileActions, on a worker
// thread with its own Store) and usable by herald-cli.
//
// Decisions:
// - An import goes where the user puts it. By default into a local folder ("On this
//   computer"): an mbox is an archive, and uploading thousands of messages unasked would
//   surprise; a new local folder is made next to the account's server folders
//   (localImportFolder()). Into a server folder of an IMAP account when the user picks one:
//   each message is a cache row there at once (no UID yet: "to upload"), readable offline,
//   and every batch of rows commits with a task of kind "append" that the next sync replays
//   (core/imap/ImportUploader.h: APPEND exactly once, the UID into the row).
// - Nothing is added twice: a message whose bytes the folder has (an imported row's content
//   hash, also one still waiting for its upload, or the downloaded bytes of a synced row) is
//   skipped. Every imported row keeps
//   "sha256:<hex>" of its bytes as its remote key ("sha256:<hex>:f<folder id>" when another
//   folder of the account has those bytes already: remote keys are unique per account).
// - Imported messages count as read (an archive), unless their Status header says otherwise.
// - The export reads the cache only. A message whose body is not downloaded yet is left out
//   and counted (`withoutBody`): the window says how many, so the user can download them first.

#include "core/store/Records.h"

#include <QString>
#include <functional>

namespace herald::store {
class Store;
}

namespace herald::sync {

// done, total (bytes of the file on import, messages on export); false from it stops the work.
using MboxProgress = std::function<bool(qint64 done, qint64 total)>;

struct MboxImportResult
{
    int added = 0;
    int alreadyThere = 0; // skipped: the folder has them
    int toUpload = 0;     // of `added`: queued for the server (a server folder)
    bool cancelled = false;
    QString error; // empty when the file was read to its end (or cancelled)
};

struct MboxExportResult
{
    int written = 0;
    int withoutBody = 0; // body not in the cache: left out
    bool cancelled = false;
    QString error;
};

// The local folder `name` of the account, made if there is none. Throws std::runtime_error
// with readable words when a server folder has that name.
qint64 localImportFolder(store::Store &store, qint64 accountId, const QString &name);

// "sha256:<hex>" of the bytes: an imported row's remote key.
QString contentKey(const QByteArray &raw);
// The same for a row of `folderId`: with ":f<folder id>" when another row of the account has
// `key` already (remote keys are unique per account).
QString folderContentKey(const QString &key, qint64 folderId);
QString uniqueContentKey(store::Store &store, qint64 accountId, qint64 folderId,
                         const QString &key);

// Whether messages imported into `folder` are uploaded: a server folder of an IMAP account
// (a local folder's stay in the cache; POP3 has no server folders to append to).
bool importUploads(store::Store &store, const store::Folder &folder);

// The server folder `name` of an IMAP account, for an import that uploads. Throws
// std::runtime_error with readable words when there is none, or the account is not IMAP.
qint64 serverImportFolder(store::Store &store, qint64 accountId, const QString &name);

// Into the folder `folderId`: a local one, or a server one (rows + upload tasks, see above).
MboxImportResult importMbox(store::Store &store, const QString &path, qint64 folderId,
                            const MboxProgress &progress = {});
// Oldest message first, written to `path` (replaced); a cancelled export removes the file.
MboxExportResult exportMbox(store::Store &store, qint64 folderId, const QString &path,
                            const MboxProgress &progress = {});

} // namespace herald::sync
