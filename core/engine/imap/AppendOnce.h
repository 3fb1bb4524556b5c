#pragma once
// The exactly-once APPEND behind every upload of a message the cache made first: a saved
// draft (DraftUploader) and a message imported into a server folder (ImportUploader).
//  1. When an earlier attempt may have stored the message already (`searchFirst`: a pass that
//     died after the server's OK, before the UID reached the cache), the caller's finder looks
//     for that copy on the server; a copy found is not appended again.
//  2. Otherwise APPEND with the flags and INTERNALDATE.
//  3. The UID comes from APPENDUID (UIDPLUS), else from the finder again.
// recordAppendedUid then gives the cache row that UID.

#include "core/imap/ImapSession.h"

#include <QDateTime>
#include <functional>

namespace herald::store {
class Store;
}

namespace herald::imap {

struct AppendRequest
{
    QString folder;
    QByteArray bytes;
    QList<QByteArray> flags;
    QDateTime internalDate; // invalid: the server's clock
    bool searchFirst = true;
};

// Finds the copy of the request's message on the server (the folder is selected): *uid is
// 0 when there is none.
using CopyFinder = std::function<net::Error(quint32 *uid)>;

// *uid: the copy's UID, 0 when the server stored it without telling (no UIDPLUS) and the
// finder did not find it. `afterAppend`, when set, runs between the server's OK and the
// search for the UID; false from it ends here with a Cancelled error, as a pass killed at that
// moment would (tests of the exactly-once rule).
net::Error appendOnce(ImapSession &session, const AppendRequest &request, const CopyFinder &find,
                      quint32 *uid, const std::function<bool()> &afterAppend = {});

// The row `messageId` of `folderId` gets `uid`. A row a sync fetched under that UID before
// it was recorded (the same message, twice in the list) is removed. Runs in the caller's
// transaction when there is one.
void recordAppendedUid(store::Store &store, qint64 folderId, qint64 messageId, quint32 uid);

} // namespace herald::imap
