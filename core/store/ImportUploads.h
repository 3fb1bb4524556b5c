#pragma once
// What the window says about messages imported into a server folder that are not on the
// server yet (core/sync/MboxTransfer, core/imap/ImportUploader): rows without a UID whose
// remote key is an import's content hash, in server folders.

#include <QtGlobal>
#include <vector>

namespace herald::store {

class Database;

// How many are still to upload: of one account, or of every account (0).
int importsToUpload(Database &db, qint64 accountId = 0);

// The folder's rows without a remote key (brought by a sync, not by an import): the import's
// duplicate check hashes their cached bytes.
std::vector<qint64> idsWithoutRemoteKey(Database &db, qint64 folderId);

} // namespace herald::store
